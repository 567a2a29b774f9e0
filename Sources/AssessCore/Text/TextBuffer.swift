/// Output text built as UTF-8 bytes in one growing buffer and made into a `String` once.
///
/// Appending a string copies its bytes; no `String` is made for a piece of a line. Writers that
/// fill a buffer write whole lines, each ended by a newline, unless they say otherwise. A buffer
/// cannot be copied, so its bytes are written in place without checking who else holds them.
struct TextBuffer: ~Copyable {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = Swift.max(capacity, 16)
        bytes = .allocate(capacity: self.capacity)
    }

    deinit {
        bytes.deallocate()
    }

    /// The bytes written so far.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// The bytes written so far, copied into an array.
    var byteArray: [UInt8] { withBytes { Array($0) } }

    /// The text written so far as a `String`.
    var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// The text of what `write` writes.
    static func text(_ write: (inout TextBuffer) -> Void) -> String {
        var out = TextBuffer(capacity: 32)
        write(&out)
        return out.string
    }

    /// The lines written so far, without their newlines (text written line by line).
    var lines: [String] {
        withBytes { bytes in
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
            return lines
        }
    }

    /// A byte written before.
    subscript(index: Int) -> UInt8 {
        get {
            precondition(index >= 0 && index < count, "index out of range")
            return bytes[index]
        }
        set {
            precondition(index >= 0 && index < count, "index out of range")
            bytes[index] = newValue
        }
    }

    /// Room for `more` bytes after those written; where they go. Call `advance` once they are written.
    @inline(__always)
    private mutating func reserve(_ more: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < more { grow(more) }
        return bytes + count
    }

    /// Moves the bytes to storage with room for `more` after them.
    private mutating func grow(_ more: Int) {
        capacity = Swift.max(count + more, capacity * 2)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: bytes, count: count)
        bytes.deallocate()
        bytes = larger
    }

    /// Counts `more` bytes written at the pointer `reserve` gave.
    @inline(__always)
    private mutating func advance(_ more: Int) {
        count += more
    }

    /// Removes the bytes from `count` on (all of them by default).
    mutating func removeAll(from count: Int = 0) {
        self.count = Swift.min(self.count, count)
    }

    // MARK: appending

    mutating func append(bytes more: UnsafeBufferPointer<UInt8>) {
        guard let base = more.baseAddress, more.count > 0 else { return }
        let out = reserve(more.count)
        // A short copy costs less in a loop than in a call.
        if more.count <= 16 {
            for index in 0..<more.count { out[index] = base[index] }
        } else {
            out.initialize(from: base, count: more.count)
        }
        advance(more.count)
    }

    /// Literal text, read where the program holds it.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }

    /// A string's text (literals take `append(_: StaticString)`, which costs less).
    @_disfavoredOverload
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(bytes: $0) }) == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { append(bytes: $0) }
        }
    }

    mutating func append(_ other: borrowing TextBuffer) {
        other.withBytes { append(bytes: $0) }
    }

    mutating func append(ascii character: Unicode.Scalar) {
        reserve(1).pointee = UInt8(ascii: character)
        advance(1)
    }

    mutating func appendNewline() {
        append(ascii: "\n")
    }

    @_disfavoredOverload
    mutating func append(_ scalar: Unicode.Scalar) {
        advance(Self.encode(scalar, at: reserve(4)))
    }

    /// The scalars `scalar` gives for `indices`, one after another.
    mutating func append(scalarsAt indices: Range<Int>, _ scalar: (Int) -> Unicode.Scalar) {
        let out = reserve(4 * indices.count)
        var written = 0
        for index in indices { written += Self.encode(scalar(index), at: out + written) }
        advance(written)
    }

    /// Writes the UTF-8 bytes of `scalar` at `out`; how many.
    private static func encode(_ scalar: Unicode.Scalar, at out: UnsafeMutablePointer<UInt8>) -> Int {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            out[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            out[0] = 0xC0 | UInt8(value >> 6)
            out[1] = 0x80 | UInt8(value & 0x3F)
            return 2
        case 0x800..<0x10000:
            out[0] = 0xE0 | UInt8(value >> 12)
            out[1] = 0x80 | UInt8(value >> 6 & 0x3F)
            out[2] = 0x80 | UInt8(value & 0x3F)
            return 3
        default:
            out[0] = 0xF0 | UInt8(value >> 18)
            out[1] = 0x80 | UInt8(value >> 12 & 0x3F)
            out[2] = 0x80 | UInt8(value >> 6 & 0x3F)
            out[3] = 0x80 | UInt8(value & 0x3F)
            return 4
        }
    }

    /// `count` spaces (none when `count` is 0 or less).
    mutating func appendSpaces(_ count: Int) {
        append(repeating: UInt8(ascii: " "), count: count)
    }

    /// `count` copies of `scalar` (none when `count` is 0 or less).
    mutating func append(_ scalar: Unicode.Scalar, count: Int) {
        guard count > 0 else { return }
        let first = self.count
        append(scalar)
        let width = self.count - first
        // Each copy repeats the bytes of the one before it.
        let copies = reserve(width * (count - 1))
        for index in 0..<(width * (count - 1)) { copies[index] = copies[index - width] }
        advance(width * (count - 1))
    }

    private mutating func append(repeating byte: UInt8, count: Int) {
        guard count > 0 else { return }
        let out = reserve(count)
        if count <= 16 {
            for index in 0..<count { out[index] = byte }
        } else {
            out.initialize(repeating: byte, count: count)
        }
        advance(count)
    }

    /// `text`, then spaces up to `width` characters (never cut).
    mutating func append(_ text: String, paddedTo width: Int) {
        append(text)
        appendSpaces(width - text.characterCount)
    }

    /// The digits of `value`, at least `minimumDigits` of them (zeros in front).
    mutating func append(decimal value: UInt64, minimumDigits: Int = 1) {
        // Most numbers in reports have one or two digits: written without counting them.
        if value < 100, minimumDigits <= 2 {
            if value < 10, minimumDigits <= 1 {
                reserve(1).pointee = UInt8(ascii: "0") + UInt8(value)
                return advance(1)
            }
            let out = reserve(2)
            out[0] = UInt8(ascii: "0") + UInt8(value / 10)
            out[1] = UInt8(ascii: "0") + UInt8(value % 10)
            return advance(2)
        }
        var digits = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        digits = Swift.max(digits, minimumDigits)
        let out = reserve(digits)
        rest = value
        for index in stride(from: digits - 1, through: 0, by: -1) {
            out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        advance(digits)
    }

    /// `value` in decimal digits, with an ASCII minus below zero.
    mutating func append(decimal value: Int) {
        if value < 0 { append(ascii: "-") }
        append(decimal: UInt64(value.magnitude))
    }

    /// Drops the spaces that end the line begun at `lineStart`, as `String.trimmedRight` would.
    mutating func trimTrailingSpaces(from lineStart: Int) {
        let (end, before) = withBytes { bytes in
            var end = bytes.count
            while end > lineStart, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            return (end, end > lineStart ? bytes[end - 1] : 0)
        }
        guard end < count else { return }
        // After an ASCII byte each space is a character of its own; after other text a space can
        // belong to the character before it, which only the string knows.
        if before >= 0x80 {
            let line = withBytes { String(decoding: $0[lineStart...], as: UTF8.self) }.trimmedRight
            removeAll(from: lineStart)
            append(line)
        } else {
            removeAll(from: end)
        }
    }

    /// The characters of the bytes from `start` to the end.
    func characterCount(from start: Int) -> Int {
        UTF8Text.characterCount(UnsafeBufferPointer(start: bytes + start, count: count - start))
    }
}

/// Facts about valid UTF-8 text read from its bytes.
enum UTF8Text {
    /// The number of characters (grapheme clusters) in `bytes`, counted without walking grapheme
    /// clusters when every scalar stands alone as a character: ASCII (but for "\r\n" and most
    /// controls), Latin up to the combining marks, and the punctuation, arrows, operators
    /// (− U+2212), box drawing and shapes the reports draw. Other text is counted as a `String`.
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = printablePrefix(bytes)
        var characters = index
        while index < bytes.count {
            if bytes[index] >= 0x20, bytes[index] < 0x80 {
                characters += 1
                index += 1
                continue
            }
            guard let (scalar, length) = scalar(in: bytes, at: index), standsAlone(scalar) else {
                return String(decoding: bytes, as: UTF8.self).count
            }
            characters += 1
            index += length
        }
        return characters
    }

    /// How many bytes at the start of `bytes` are printable ASCII (0x20 to 0x7E), eight at a time
    /// while they can be.
    static func printablePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
        var index = 0
        // Each byte's top bit marks it below 0x20 (borrowing), at or above 0x7F (carrying), or
        // at or above 0x80; borrows and carries run only from bytes already marked.
        let high: UInt64 = 0x8080_8080_8080_8080, space: UInt64 = 0x2020_2020_2020_2020, one: UInt64 = 0x0101_0101_0101_0101
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard (word | (word &- space) | (word &+ one)) & high == 0 else { break }
            index += 8
        }
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] < 0x7F { index += 1 }
        return index
    }

    /// Whether `bytes` hold a newline, looked for eight bytes at a time.
    static func containsNewline(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        var index = 0
        // A byte equal to "\n" is zero once xor'ed with it; subtracting one from each byte then
        // sets the top bit of the first zero byte (and of none before it).
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, one: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newlines
            if (word &- one) & ~word & high != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { return true }
            index += 1
        }
        return false
    }

    /// The scalar whose bytes begin at `index`, and how many bytes it takes; nil when the
    /// bytes there do not begin a whole scalar.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = UInt32(bytes[index])
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (lead, 1)
        case 0xC0..<0xE0: (length, value) = (2, lead & 0x1F)
        case 0xE0..<0xF0: (length, value) = (3, lead & 0x0F)
        case 0xF0..<0xF8: (length, value) = (4, lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// Whether a scalar is a character of its own whatever stands next to it. The escape that
    /// starts a colour code is a control, which breaks characters on both sides.
    static func standsAlone(_ value: UInt32) -> Bool {
        (value >= 0x20 && value < 0x300) || value == 0x0A || value == 0x1B
            || (0x2010...0x205F).contains(value) || (0x2070...0x20CF).contains(value) || (0x2100...0x2BFF).contains(value)
    }
}
