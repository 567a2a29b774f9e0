/// Building output text in one pass over bytes. The library's `String(repeating:count:)` takes a
/// general path costing hundreds of instructions a call, and reports make it tens of thousands of
/// times. Whole reports are built in a `TextBuffer`.
extension String {
    /// `count` copies of `unit` (none when `count` is 0 or less).
    static func repeated(_ unit: String, count: Int) -> String {
        guard count > 0 else { return "" }
        var unit = unit
        return unit.withUTF8 { bytes in
            guard bytes.count > 0 else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count * count) { buffer in
                var offset = 0
                for _ in 0..<count {
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[offset..<offset + bytes.count])
                        .copyMemory(from: UnsafeRawBufferPointer(bytes))
                    offset += bytes.count
                }
                return offset
            }
        }
    }

    /// `count` spaces.
    static func spaces(_ count: Int) -> String {
        let run = spaceRun
        guard count > 0 else { return "" }
        guard count <= run.utf8.count else { return repeated(" ", count: count) }
        // A slice of valid text at a character boundary: copied, not checked again.
        return String(run[..<run.utf8.index(run.utf8.startIndex, offsetBy: count)])
    }

    private static let spaceRun = repeated(" ", count: 256)

    /// Padded with spaces to `width` characters (never cut).
    func padding(_ width: Int) -> String {
        let count = characterCount
        return count >= width ? self : self + String.spaces(width - count)
    }

    /// Padded on the left to `width` characters (never cut).
    func leftPadding(_ width: Int) -> String {
        let count = characterCount
        return count >= width ? self : String.spaces(width - count) + self
    }

    var trimmedRight: String {
        // A last byte that is not a space ends a last character that is not one.
        guard utf8.last == UInt8(ascii: " ") else { return self }
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `count`, read from the UTF-8 bytes when every scalar stands alone as a character
    /// (`UTF8Text.characterCount`).
    var characterCount: Int {
        utf8.withContiguousStorageIfAvailable(UTF8Text.characterCount) ?? count
    }
}
