/// Exact byte-level matchers for the anchored, literal-class patterns that content schemas
/// use on every file (slugs, dates, clock times, e-mail-like strings, schema file names).
///
/// A pattern is recognised by its exact source text, and each matcher decides exactly what
/// the ECMA-262 regex would (`$` is the end of the input, `\d` is ASCII digits). Where the
/// answer would need Unicode knowledge (`\s` on a non-ASCII scalar) the matcher answers nil
/// and the caller uses the regex.
enum SimplePattern: Sendable, Equatable {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`
    case slug
    /// `^\d{4}-\d{2}-\d{2}$`
    case isoDate
    /// `^\d{2}:[0-5]\d:[0-5]\d$`
    case clock
    /// `^[^@\s]+$`
    case noAtNoSpace
    /// `^[^@\s]+@[^@\s]+$`
    case email
    /// `^[^@\s]+@[^@\s]+\.[^@\s]+$`
    case emailWithDot
    /// `^[0-9]+$`
    case digits
    /// `^[A-Za-z0-9_-]+$`, or with `{n}` instead of `+`
    case identifier(count: Int?)
    /// `^[0-9a-f]{n}$`
    case lowerHex(count: Int)
    /// `^[a-z0-9][a-z0-9 -]*$`
    case label
    /// `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$`
    case dateTime
    /// `^content/resources/transcripts/[a-z0-9]+(-[a-z0-9]+)*\.(vtt|srt|txt)$`
    case transcriptPath
    /// `(^|/)NAME$`, NAME made of letters, digits, `-`, `_` and `\.`: the string is NAME or ends with `/NAME`.
    case fileName([UInt8])

    init?(_ source: String) {
        switch source {
        case "^[a-z0-9]+(-[a-z0-9]+)*$": self = .slug
        case "^\\d{4}-\\d{2}-\\d{2}$": self = .isoDate
        case "^\\d{2}:[0-5]\\d:[0-5]\\d$": self = .clock
        case "^[^@\\s]+$": self = .noAtNoSpace
        case "^[^@\\s]+@[^@\\s]+$": self = .email
        case "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$": self = .emailWithDot
        case "^[0-9]+$": self = .digits
        case "^[A-Za-z0-9_-]+$": self = .identifier(count: nil)
        case "^[A-Za-z0-9_-]{11}$": self = .identifier(count: 11)
        case "^[0-9a-f]{64}$": self = .lowerHex(count: 64)
        case "^[a-z0-9][a-z0-9 -]*$": self = .label
        case "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$": self = .dateTime
        case "^content/resources/transcripts/[a-z0-9]+(-[a-z0-9]+)*\\.(vtt|srt|txt)$": self = .transcriptPath
        default:
            guard let name = Self.fileNamePattern(source) else { return nil }
            self = .fileName(name)
        }
    }

    /// NAME from `(^|/)NAME$`, unescaped, when it is a plain file name.
    private static func fileNamePattern(_ source: String) -> [UInt8]? {
        let bytes = Array(source.utf8)
        let prefix = Array("(^|/)".utf8)
        guard bytes.count > prefix.count + 1, bytes.starts(with: prefix), bytes.last == UInt8(ascii: "$") else { return nil }
        var name: [UInt8] = []
        var index = prefix.count
        let end = bytes.count - 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < end, bytes[index + 1] == UInt8(ascii: ".") else { return nil }
                name.append(UInt8(ascii: "."))
                index += 2
                continue
            }
            guard isLowerAlnum(byte) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            else { return nil }
            name.append(byte)
            index += 1
        }
        return name.isEmpty ? nil : name
    }

    /// Whether `string` matches; nil when only the regex can tell.
    func matches(_ string: String) -> Bool? {
        var copy = string
        return copy.withUTF8 { matches($0) }
    }

    func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        let n = b.count
        switch self {
        case .slug:
            return Self.isSlug(b, 0, n)
        case .isoDate:
            guard n == 10 else { return false }
            return Self.isDigit(b[0]) && Self.isDigit(b[1]) && Self.isDigit(b[2]) && Self.isDigit(b[3])
                && b[4] == UInt8(ascii: "-") && Self.isDigit(b[5]) && Self.isDigit(b[6])
                && b[7] == UInt8(ascii: "-") && Self.isDigit(b[8]) && Self.isDigit(b[9])
        case .clock:
            guard n == 8 else { return false }
            return Self.isDigit(b[0]) && Self.isDigit(b[1]) && b[2] == UInt8(ascii: ":")
                && b[3] >= 0x30 && b[3] <= 0x35 && Self.isDigit(b[4]) && b[5] == UInt8(ascii: ":")
                && b[6] >= 0x30 && b[6] <= 0x35 && Self.isDigit(b[7])
        case .noAtNoSpace, .email, .emailWithDot:
            // Split at '@'; every other byte must be ASCII other than whitespace (else ask the regex).
            var at: Int? = nil
            for i in 0..<n {
                let byte = b[i]
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "@") {
                    if self == .noAtNoSpace || at != nil { return false }
                    at = i
                } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    return false
                }
            }
            if self == .noAtNoSpace { return n > 0 }
            guard let at, at > 0, at < n - 1 else { return false }
            if self == .email { return true }
            // Some '.' after the '@' with at least one byte on each side of it.
            var i = at + 2
            while i < n - 1 {
                if b[i] == UInt8(ascii: ".") { return true }
                i += 1
            }
            return false
        case .digits:
            guard n > 0 else { return false }
            for i in 0..<n where !Self.isDigit(b[i]) { return false }
            return true
        case .identifier(let count):
            if let count { guard n == count else { return false } } else { guard n > 0 else { return false } }
            for i in 0..<n {
                let byte = b[i]
                guard Self.isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                else { return false }
            }
            return true
        case .lowerHex(let count):
            guard n == count else { return false }
            for i in 0..<n {
                let byte = b[i]
                guard Self.isDigit(byte) || (byte >= 0x61 && byte <= 0x66) else { return false }
            }
            return true
        case .label:
            guard n > 0, Self.isLowerAlnum(b[0]) else { return false }
            for i in 1..<n {
                let byte = b[i]
                guard Self.isLowerAlnum(byte) || byte == 0x20 || byte == UInt8(ascii: "-") else { return false }
            }
            return true
        case .dateTime:
            // 2026-04-02T00:00:00, then an optional fraction, then Z or an offset.
            guard n >= 20 else { return false }
            for i in Self.dateTimeDigits where !Self.isDigit(b[i]) { return false }
            guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
                b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":")
            else { return false }
            var i = 19
            if b[i] == UInt8(ascii: ".") {
                i += 1
                let digits = i
                while i < n, Self.isDigit(b[i]) { i += 1 }
                guard i > digits, i < n else { return false }
            }
            if b[i] == UInt8(ascii: "Z") { return i + 1 == n }
            guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), i + 6 == n else { return false }
            return Self.isDigit(b[i + 1]) && Self.isDigit(b[i + 2]) && b[i + 3] == UInt8(ascii: ":")
                && Self.isDigit(b[i + 4]) && Self.isDigit(b[i + 5])
        case .transcriptPath:
            let prefix = Self.transcriptsPrefix
            guard n > prefix.count + 4 else { return false }
            for i in 0..<prefix.count where b[i] != prefix[i] { return false }
            let dot = n - 4
            guard b[dot] == UInt8(ascii: ".") else { return false }
            let e0 = b[dot + 1], e1 = b[dot + 2], e2 = b[dot + 3]
            let known = (e0 == 0x76 && e1 == 0x74 && e2 == 0x74)  // vtt
                || (e0 == 0x73 && e1 == 0x72 && e2 == 0x74)  // srt
                || (e0 == 0x74 && e1 == 0x78 && e2 == 0x74)  // txt
            return known && Self.isSlug(b, prefix.count, dot)
        case .fileName(let name):
            guard n >= name.count else { return false }
            let start = n - name.count
            for i in 0..<name.count where b[start + i] != name[i] { return false }
            return start == 0 || b[start - 1] == UInt8(ascii: "/")
        }
    }

    /// Where the digits of `2026-04-02T00:00:00` are.
    private static let dateTimeDigits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]

    private static let transcriptsPrefix = Array("content/resources/transcripts/".utf8)

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isLowerAlnum(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 || byte &- 0x61 < 26 }

    /// `[a-z0-9]+(-[a-z0-9]+)*` over `b[start..<end]`, exactly.
    static func isSlug(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        var afterDash = true  // a leading '-' fails like a doubled one
        for i in start..<end {
            let byte = b[i]
            if byte == UInt8(ascii: "-") {
                if afterDash { return false }
                afterDash = true
            } else if isLowerAlnum(byte) {
                afterDash = false
            } else {
                return false
            }
        }
        return !afterDash
    }
}
