/// Building output text in one pass over bytes. The library's `String(repeating:count:)` and
/// `joined(separator:)` take general paths costing hundreds of instructions a call, and reports
/// make them tens of thousands of times.
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

    /// The characters as one string, built from their UTF-8 bytes (appending `Character`s one
    /// by one costs a couple of hundred instructions each).
    init(characters: some Collection<Character>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count * 3)
        for character in characters { bytes.append(contentsOf: character.utf8) }
        self.init(decoding: bytes, as: UTF8.self)
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

    /// The lines, each followed by a newline, as one string: `lines.joined(separator: "\n") + "\n"`.
    static func lines(_ lines: [String]) -> String {
        joining(lines, separator: "\n", terminated: true)
    }

    /// `parts` with `separator` between them (and after the last when `terminated`), in one
    /// buffer of the final size: appending valid strings copies their bytes without checking them.
    static func joining(_ parts: [String], separator: String, terminated: Bool = false) -> String {
        guard !parts.isEmpty else { return "" }
        var total = (parts.count - (terminated ? 0 : 1)) * separator.utf8.count
        for part in parts { total += part.utf8.count }
        var out = ""
        out.reserveCapacity(total)
        for index in parts.indices {
            out.append(parts[index])
            if terminated || index < parts.count - 1 { out.append(separator) }
        }
        return out
    }

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

    /// `count` without walking grapheme clusters when every scalar stands alone as a character:
    /// ASCII (but for "\r\n"), Latin up to the combining marks, and the punctuation, arrows,
    /// operators (− U+2212), box drawing and shapes the pictures use. Else `count`.
    var characterCount: Int {
        var scalars = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            let standsAlone =
                (value >= 0x20 && value < 0x300) || value == 0x0A
                || (0x2010...0x205F).contains(value) || (0x2070...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
            guard standsAlone else { return count }
            scalars += 1
        }
        return scalars
    }
}
