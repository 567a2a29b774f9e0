/// A strict RFC 8259 JSON parser over UTF-8 bytes that keeps the byte offset
/// of every value and member key.
///
/// Choices the RFC leaves open, and how this parser decides them:
///
/// - **Encoding.** The input must be UTF-8 (RFC 8259 §8.1). Invalid UTF-8
///   anywhere, inside or outside strings, is `.invalidUTF8`, reported at the
///   first byte of the ill-formed sequence (overlong forms, UTF-8-encoded
///   surrogates, bytes F5–FF, stray continuation bytes, and sequences cut
///   short by another byte or by the end of the file). A leading UTF-8
///   byte-order mark is skipped and reported as a warning. A UTF-16 or UTF-32
///   byte-order mark, or NUL bytes among the first two bytes (UTF-16 text
///   without a mark), is refused as `.unexpectedCharacter` with a message
///   saying to save the file as UTF-8.
/// - **Surrogates.** `\uD83D\uDE00` pairs combine into one scalar. A high
///   surrogate escape not followed by a low surrogate escape, or a low
///   surrogate escape on its own, is `.loneSurrogate`: a Swift `String`
///   cannot hold unpaired surrogates, and silently replacing them with
///   U+FFFD would change the data.
/// - **Duplicate keys** are refused (`.duplicateKey`, reported at the second
///   key). Keys compare by their exact Unicode scalars, not by canonical
///   equivalence, so `"é"` and `"e\u0301"` are different keys.
/// - **Numbers** follow the grammar exactly; the literal is kept as written.
///   Numbers whose nearest `Double` is infinite are refused
///   (`.numberOutOfRange`); numbers that underflow become 0 (the literal
///   keeps the written value).
/// - **Limits.** Sources larger than `maxBytes` are refused before parsing.
///   Nesting deeper than `maxDepth` is refused at the opening bracket that
///   exceeds it. The parser does not recurse: containers live on an
///   explicit stack, so no limit and no input can overflow the call stack.
///
/// Error offsets point at the byte where the input stops being valid JSON:
/// the unexpected character, the backslash of a bad escape, the raw control
/// character, the opening quote of a duplicate key, the end of the file for
/// truncated input, and for numbers the first byte that cannot continue the
/// number (the `1` in `01`, the byte after `1.`).
public enum JSONParser {
    /// Parses a complete JSON text.
    public static func parse(
        _ bytes: [UInt8],
        options: JSONParseOptions = .init()
    ) throws(JSONParseError) -> JSONDocument {
        try checkSize(bytes, options: options)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONDocument in
            var parser = Parser(source: bytes, buffer: buffer, maxDepth: options.maxDepth, builder: TreeBuilder())
            defer { parser.builder.deallocate() }
            let warnings = try parser.parseDocument()
            return JSONDocument(root: parser.builder.takeRoot(), warnings: warnings)
        }
    }

    /// Refuses sources that are empty or larger than the limit, before parsing.
    static func checkSize(_ bytes: [UInt8], options: JSONParseOptions) throws(JSONParseError) {
        if bytes.count > options.maxBytes {
            throw JSONParseError(
                kind: .tooLarge(size: bytes.count, limit: options.maxBytes),
                offset: 0,
                position: SourcePosition(line: 1, column: 1)
            )
        }
        if bytes.isEmpty {
            throw JSONParseError(kind: .empty, offset: 0, position: SourcePosition(line: 1, column: 1))
        }
    }

    /// Parses the UTF-8 encoding of a string (convenient in tests and for small inputs).
    public static func parse(
        _ text: some StringProtocol,
        options: JSONParseOptions = .init()
    ) throws(JSONParseError) -> JSONDocument {
        try parse(Array(text.utf8), options: options)
    }
}

// MARK: - Expectations used in messages

/// Static text: keeping the expectation current as parsing goes costs no reference counting.
private enum Expect {
    static let value: StaticString = "a value"
    static let valueOrEndOfArray: StaticString = "a value or ']'"
    static let key: StaticString = "a key in double quotes"
    static let keyOrEndOfObject: StaticString = "a key in double quotes or '}'"
    static let colon: StaticString = "':' after the key"
    static let arrayNext: StaticString = "',' or ']'"
    static let objectNext: StaticString = "',' or '}'"
    static let endOfString: StaticString = "'\"' to close the string"
}

// MARK: - Byte constants

private enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let apostrophe: UInt8 = 0x27
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let backslash: UInt8 = 0x5C
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let upperE: UInt8 = 0x45
    static let lowerE: UInt8 = 0x65
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool { byte &- ASCII.zero < 10 }

@inline(__always)
private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

@inline(__always)
private func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == 0x5F }

/// Exact powers of ten for the fast number conversion path.
private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]

// MARK: - The parser

/// What is made of the values the parser reads. The parser checks the syntax and calls these in
/// source order (a container's `begin`, its members or elements, its `end`); the builder keeps
/// what it needs. A string's bytes are valid only during the call.
protocol JSONBuilder {
    /// A string value at `offset`; `bytes` are its content, decoded from escapes when `escaped`
    /// (and then not a range of the source).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, at offset: Int)
    /// A number at `offset`, written as `literal` (a range of the source).
    mutating func number(_ double: Double, literal: UnsafeBufferPointer<UInt8>, at offset: Int)
    mutating func bool(_ value: Bool, at offset: Int)
    mutating func null(at offset: Int)
    mutating func beginArray(at offset: Int)
    mutating func endArray()
    mutating func beginObject(at offset: Int)
    /// The key of the next member of the innermost object, at `offset`; returns the offset of an
    /// earlier key of that object with the same Unicode scalars, if there is one.
    /// `ascii`: the key's content is ASCII (the scanner saw no other byte); for an escaped key
    /// the builder decides from the decoded bytes.
    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, ascii: Bool, at offset: Int) -> Int?
    mutating func endObject()
}

struct Parser<Builder: JSONBuilder> {
    let source: [UInt8]
    let p: UnsafePointer<UInt8>
    let n: Int
    let maxDepth: Int
    var i = 0
    /// Reused buffer for strings with escapes.
    var scratch: [UInt8] = []
    /// Whether the last string `scanString` read without escapes was all ASCII.
    var lastStringWasASCII = true
    /// For each open container, innermost last: true for an object.
    var frames: [Bool] = []
    var builder: Builder

    init(source: [UInt8], buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, builder: Builder) {
        self.source = source
        self.p = buffer.baseAddress!
        self.n = buffer.count
        self.maxDepth = maxDepth
        self.builder = builder
    }

    // MARK: Errors (cold paths)

    @inline(never)
    func fail(_ kind: JSONParseError.Kind, at offset: Int) -> JSONParseError {
        JSONParseError(kind: kind, offset: offset, position: SourceText(source).position(of: offset))
    }

    /// The error for byte `at` not being one of `expected` (or for the end of the file).
    @inline(never)
    func unexpected(at offset: Int, expected: StaticString) -> JSONParseError {
        if offset >= n { return fail(.unexpectedEnd(expected: "\(expected)"), at: n) }
        switch describe(at: offset) {
        case .success(let found): return fail(.unexpectedCharacter(found: found, expected: "\(expected)"), at: offset)
        case .failure(let error): return error
        }
    }

    /// A readable description of the character at `offset`, or the UTF-8 error there.
    func describe(at offset: Int) -> Result<String, JSONParseError> {
        let byte = p[offset]
        let next: UInt8? = offset + 1 < n ? p[offset + 1] : nil
        switch byte {
        case ASCII.newline, ASCII.carriageReturn: return .success("end of line")
        case ASCII.tab: return .success("tab")
        case ASCII.space: return .success("space")
        case ASCII.apostrophe: return .success("\"'\" (JSON strings use double quotes)")
        case ASCII.slash where next == ASCII.slash: return .success("'//' (JSON does not allow comments)")
        case ASCII.slash where next == 0x2A: return .success("'/*' (JSON does not allow comments)")
        case 0x23: return .success("'#' (JSON does not allow comments)")
        case _ where isLetter(byte): return .success("letter '\(Character(Unicode.Scalar(byte)))'")
        case _ where isDigit(byte): return .success("digit '\(Character(Unicode.Scalar(byte)))'")
        case 0x00..<0x20, 0x7F: return .success("control character \(Self.hexScalar(UInt32(byte)))")
        case 0x20..<0x80: return .success("'\(Character(Unicode.Scalar(byte)))'")
        default:
            guard let length = utf8SequenceLength(at: offset) else {
                return .failure(fail(.invalidUTF8, at: offset))
            }
            let scalar = decodeScalar(at: offset, length: length)
            let code = Self.hexScalar(scalar.value)
            switch scalar.value {
            case 0xFEFF: return .success("byte-order mark \(code)")
            case 0x00A0: return .success("non-breaking space \(code)")
            case 0x2018, 0x2019, 0x201C, 0x201D:
                return .success("'\(Character(scalar))' (\(code); JSON strings use straight double quotes)")
            case 0x80..<0xA0, 0x2000...0x200F, 0x2028...0x202F, 0x3000:
                return .success("invisible character \(code)")
            default: return .success("character '\(Character(scalar))' (\(code))")
            }
        }
    }

    static func hexScalar(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: p + range.lowerBound, count: range.count), as: UTF8.self)
    }

    // MARK: Document

    /// Parses the whole source into the builder; returns the warnings.
    mutating func parseDocument() throws(JSONParseError) -> [JSONParseWarning] {
        var warnings: [JSONParseWarning] = []
        if n >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF {
            i = 3
            warnings.append(JSONParseWarning(kind: .byteOrderMark, offset: 0))
        } else if n >= 2, (p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF) {
            throw fail(
                .unexpectedCharacter(found: "UTF-16 byte-order mark", expected: "UTF-8 text (save the file as UTF-8)"),
                at: 0
            )
        } else if n >= 2, p[0] == 0 || (p[1] == 0 && (n == 2 || (n >= 4 && p[3] == 0))) {
            // No JSON text starts with NUL, and ASCII as UTF-16LE puts NUL in every second byte.
            throw fail(
                .unexpectedCharacter(
                    found: "NUL byte (the file looks like UTF-16 or UTF-32)",
                    expected: "UTF-8 text (save the file as UTF-8)"
                ),
                at: p[0] == 0 ? 0 : 1
            )
        }
        skipWhitespace()
        if i == n { throw fail(.empty, at: 0) }
        try parseValues()
        skipWhitespace()
        if i < n {
            switch describe(at: i) {
            case .success(let found): throw fail(.trailingContent(found: found), at: i)
            case .failure(let error): throw error
            }
        }
        return warnings
    }

    // The scanning loops below keep the position and the buffer in locals and store the
    // position once at the end: the compiler cannot tell that reading the bytes does not change
    // `self`, and would otherwise store `i` and load `p` again on every step.

    @inline(__always)
    mutating func skipWhitespace() {
        let p = self.p, n = self.n
        var j = i
        while j < n {
            let byte = p[j]
            guard byte == ASCII.space || byte == ASCII.newline || byte == ASCII.carriageReturn || byte == ASCII.tab
            else { break }
            j &+= 1
            // Most whitespace is indentation: the spaces after a line break are skipped eight
            // bytes at a time.
            if byte == ASCII.newline { j = Self.skipSpaces(p, n, from: j) }
        }
        i = j
    }

    /// Where a run of spaces from `j` ends, read by whole words while eight bytes remain (at
    /// most where those words end).
    @inline(__always)
    static func skipSpaces(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int) -> Int {
        var j = start
        while j &+ 8 <= n {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self))
            let others = word ^ 0x2020_2020_2020_2020
            // The bytes before the first that is not a space (little-endian: the low ones).
            j &+= others.trailingZeroBitCount >> 3
            if others != 0 { break }
        }
        return j
    }

    /// Parses one value and everything nested in it, without recursion.
    /// On entry `i` is at the value's first byte (whitespace skipped).
    mutating func parseValues() throws(JSONParseError) {
        var expected = Expect.value
        parsing: while true {
            guard i < n else { throw fail(.unexpectedEnd(expected: "\(expected)"), at: n) }
            let start = i
            switch p[i] {
            case ASCII.quote:
                if let content = try scanString() {
                    builder.string(bytes(content), escaped: false, at: start)
                } else {
                    let decoded = scratch
                    decoded.withUnsafeBufferPointer { builder.string($0, escaped: true, at: start) }
                }
            case ASCII.minus, ASCII.zero...ASCII.nine:
                let double = try scanNumber()
                builder.number(double, literal: UnsafeBufferPointer(start: p + start, count: i - start), at: start)
            case 0x74:  // t
                try parseKeyword("true")
                builder.bool(true, at: start)
            case 0x66:  // f
                try parseKeyword("false")
                builder.bool(false, at: start)
            case 0x6E:  // n
                try parseKeyword("null")
                builder.null(at: start)
            case ASCII.openBracket:
                if frames.count >= maxDepth { throw fail(.tooDeep(limit: maxDepth), at: start) }
                i += 1
                skipWhitespace()
                builder.beginArray(at: start)
                if i < n, p[i] == ASCII.closeBracket {
                    i += 1
                    builder.endArray()
                } else {
                    frames.append(false)
                    expected = Expect.valueOrEndOfArray
                    continue parsing
                }
            case ASCII.openBrace:
                if frames.count >= maxDepth { throw fail(.tooDeep(limit: maxDepth), at: start) }
                i += 1
                skipWhitespace()
                builder.beginObject(at: start)
                if i < n, p[i] == ASCII.closeBrace {
                    i += 1
                    builder.endObject()
                } else {
                    frames.append(true)
                    try parseKey(expected: Expect.keyOrEndOfObject)
                    expected = Expect.value
                    continue parsing
                }
            default:
                throw notAValue(expected: expected)
            }

            // A complete value: go on in the innermost open container, closing containers as they end.
            while let isObject = frames.last {
                skipWhitespace()
                if isObject {
                    guard i < n else { throw fail(.unexpectedEnd(expected: "\(Expect.objectNext)"), at: n) }
                    let byte = p[i]
                    if byte == ASCII.comma {
                        let comma = i
                        i += 1
                        skipWhitespace()
                        if i < n, p[i] == ASCII.closeBrace {
                            throw fail(.unexpectedCharacter(found: "trailing comma before '}'", expected: "\(Expect.key)"), at: comma)
                        }
                        try parseKey(expected: Expect.key)
                        expected = Expect.value
                        continue parsing
                    } else if byte == ASCII.closeBrace {
                        i += 1
                        frames.removeLast()
                        builder.endObject()
                    } else {
                        throw unexpected(at: i, expected: Expect.objectNext)
                    }
                } else {
                    guard i < n else { throw fail(.unexpectedEnd(expected: "\(Expect.arrayNext)"), at: n) }
                    let byte = p[i]
                    if byte == ASCII.comma {
                        let comma = i
                        i += 1
                        skipWhitespace()
                        if i < n, p[i] == ASCII.closeBracket {
                            throw fail(.unexpectedCharacter(found: "trailing comma before ']'", expected: "\(Expect.value)"), at: comma)
                        }
                        expected = Expect.value
                        continue parsing
                    } else if byte == ASCII.closeBracket {
                        i += 1
                        frames.removeLast()
                        builder.endArray()
                    } else {
                        throw unexpected(at: i, expected: Expect.arrayNext)
                    }
                }
            }
            return
        }
    }

    /// The error for a byte at `i` that cannot start a value.
    @inline(never)
    func notAValue(expected: StaticString) -> JSONParseError {
        let byte = p[i]
        if isLetter(byte) {
            var end = i
            while end < n, isWordByte(p[end]) { end += 1 }
            let word = text(i..<end)
            switch word {
            case "NaN", "Infinity", "nan", "inf", "infinity":
                return fail(.invalidNumber("\(word) is not a JSON number"), at: i)
            case "None", "nil", "undefined":
                return fail(.unexpectedCharacter(found: "'\(word)'", expected: "'null'"), at: i)
            case _ where ["true", "false", "null"].contains(word.lowercased()):
                return fail(
                    .unexpectedCharacter(found: "'\(word)'", expected: "'\(word.lowercased())' (JSON keywords are lowercase)"),
                    at: i
                )
            default:
                break
            }
        } else if byte == ASCII.plus {
            return fail(.invalidNumber("a number cannot start with '+'"), at: i)
        } else if byte == ASCII.period, i + 1 < n, isDigit(p[i + 1]) {
            return fail(.invalidNumber("a number needs a digit before the decimal point"), at: i)
        }
        return unexpected(at: i, expected: expected)
    }

    // MARK: Keywords

    /// Matches `true`, `false` or `null` at `i`.
    @inline(__always)
    mutating func parseKeyword(_ keyword: StaticString) throws(JSONParseError) {
        let count = keyword.utf8CodeUnitCount
        let word = keyword.utf8Start
        if i + count <= n {
            var k = 0
            while k < count, p[i + k] == word[k] { k += 1 }
            if k == count, i + count == n || !isWordByte(p[i + count]) {
                i += count
                return
            }
        }
        throw keywordError(keyword)
    }

    @inline(never)
    func keywordError(_ keyword: StaticString) -> JSONParseError {
        var end = i
        while end < n, isWordByte(p[end]) { end += 1 }
        let word = text(i..<end)
        let expected = "'\(keyword)'"
        if end == n, "\(keyword)".hasPrefix(word) {
            return fail(.unexpectedEnd(expected: expected), at: n)
        }
        return fail(.unexpectedCharacter(found: "'\(word)'", expected: expected), at: i)
    }

    // MARK: Strings

    /// Parses an object key at `i` (whitespace skipped), checks it for duplicates,
    /// then consumes the `:` and the whitespace after it.
    mutating func parseKey(expected: StaticString) throws(JSONParseError) {
        guard i < n, p[i] == ASCII.quote else { throw unexpected(at: i, expected: expected) }
        let keyOffset = i
        // The key's text is made into a `String` only for the error of a duplicate.
        if let content = try scanString() {
            if let first = builder.key(bytes(content), escaped: false, ascii: lastStringWasASCII, at: keyOffset) {
                throw duplicate(bytes(content), at: keyOffset, first: first)
            }
        } else {
            let decoded = scratch
            if let first = decoded.withUnsafeBufferPointer({ builder.key($0, escaped: true, ascii: isASCII($0), at: keyOffset) }) {
                throw decoded.withUnsafeBufferPointer { duplicate($0, at: keyOffset, first: first) }
            }
        }
        skipWhitespace()
        guard i < n, p[i] == ASCII.colon else { throw unexpected(at: i, expected: Expect.colon) }
        i += 1
        skipWhitespace()
    }

    /// The source bytes in `range`.
    @inline(__always)
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p + range.lowerBound, count: range.count)
    }

    @inline(never)
    func duplicate(_ key: UnsafeBufferPointer<UInt8>, at offset: Int, first: Int) -> JSONParseError {
        let text = SourceText(source)
        return JSONParseError(
            kind: .duplicateKey(String(decoding: key, as: UTF8.self), first: text.position(of: first)),
            offset: offset,
            position: text.position(of: offset)
        )
    }

    /// Advances `i` over bytes that need no attention inside a string (printable
    /// ASCII other than `"` and `\`), eight at a time where possible.
    @inline(__always)
    mutating func skipPlainStringBytes() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let p = self.p, n = self.n
        var j = i
        defer { i = j }
        while j &+ 8 <= n {
            let word = UInt64(littleEndian: UnsafeRawPointer(p + j).loadUnaligned(as: UInt64.self))
            let quote = word ^ (ones &* UInt64(ASCII.quote))
            let backslash = word ^ (ones &* UInt64(ASCII.backslash))
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                | ((word &- ones &* 0x20) & ~word) | word
            let mask = special & highs
            if mask != 0 {
                // The lowest flagged byte is always a true match.
                j &+= mask.trailingZeroBitCount >> 3
                return
            }
            j &+= 8
        }
        while j < n {
            let byte = p[j]
            if byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 || byte >= 0x80 { return }
            j &+= 1
        }
    }

    /// Reads the string at `i` (the opening quote) and leaves `i` after the closing quote. Returns
    /// the range of its content in the source, or nil when it has escapes: its decoded content is
    /// then in `scratch`.
    mutating func scanString() throws(JSONParseError) -> Range<Int>? {
        i += 1
        let contentStart = i
        lastStringWasASCII = true
        while true {
            skipPlainStringBytes()
            guard i < n else { throw fail(.unexpectedEnd(expected: "\(Expect.endOfString)"), at: n) }
            let byte = p[i]
            if byte == ASCII.quote {
                i += 1
                return contentStart..<(i - 1)
            } else if byte == ASCII.backslash {
                try scanEscapedString(contentStart: contentStart)
                return nil
            } else if byte < 0x20 {
                throw fail(.controlCharacterInString(byte), at: i)
            } else {
                lastStringWasASCII = false
                try skipNonASCII()
            }
        }
    }

    /// Continues a string that has escapes, decoding it into `scratch`.
    mutating func scanEscapedString(contentStart: Int) throws(JSONParseError) {
        scratch.removeAll(keepingCapacity: true)
        var runStart = contentStart
        while true {
            skipPlainStringBytes()
            guard i < n else { throw fail(.unexpectedEnd(expected: "\(Expect.endOfString)"), at: n) }
            let byte = p[i]
            if byte == ASCII.quote {
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                i += 1
                return
            } else if byte == ASCII.backslash {
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart))
                try decodeEscape()
                runStart = i
            } else if byte < 0x20 {
                throw fail(.controlCharacterInString(byte), at: i)
            } else {
                try skipNonASCII()
            }
        }
    }

    /// Decodes the escape at `i` (a backslash) into `scratch`.
    mutating func decodeEscape() throws(JSONParseError) {
        let escape = i
        guard i + 1 < n else { throw fail(.unexpectedEnd(expected: "an escape character after '\\'"), at: n) }
        let decoded: UInt8
        switch p[i + 1] {
        case ASCII.quote: decoded = ASCII.quote
        case ASCII.backslash: decoded = ASCII.backslash
        case ASCII.slash: decoded = ASCII.slash
        case 0x62: decoded = 0x08  // b
        case 0x66: decoded = 0x0C  // f
        case 0x6E: decoded = ASCII.newline  // n
        case 0x72: decoded = ASCII.carriageReturn  // r
        case 0x74: decoded = ASCII.tab  // t
        case 0x75:  // u
            let unit = try hex4(escape: escape)
            i += 6
            var scalar = unit
            if unit >= 0xD800, unit <= 0xDBFF {
                guard i + 1 < n, p[i] == ASCII.backslash, p[i + 1] == 0x75 else {
                    throw fail(.loneSurrogate(text(escape..<escape + 6)), at: escape)
                }
                let low = try hex4(escape: i)
                guard low >= 0xDC00, low <= 0xDFFF else {
                    throw fail(.loneSurrogate(text(escape..<escape + 6)), at: escape)
                }
                i += 6
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                throw fail(.loneSurrogate(text(escape..<escape + 6)), at: escape)
            }
            appendUTF8(scalar)
            return
        case let other:
            if other < 0x20 { throw fail(.controlCharacterInString(other), at: i + 1) }
            var end = i + 2
            if other >= 0x80 {
                guard let length = utf8SequenceLength(at: i + 1) else { throw fail(.invalidUTF8, at: i + 1) }
                end = i + 1 + length
            }
            throw fail(.invalidEscape(text(escape..<end)), at: escape)
        }
        scratch.append(decoded)
        i += 2
    }

    /// Reads the four hex digits of the `\u` escape starting at `escape`.
    func hex4(escape: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        var k = escape + 2
        while k < escape + 6 {
            guard k < n else {
                throw fail(.unexpectedEnd(expected: "four hex digits after '\\u'"), at: n)
            }
            let byte = p[k]
            let digit: UInt8
            switch byte {
            case ASCII.zero...ASCII.nine: digit = byte - ASCII.zero
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default:
                // Show the escape up to the bad character, leaving out characters that end or break the string.
                let shown = byte == ASCII.quote || byte == ASCII.backslash || byte < 0x20 || byte >= 0x80 ? k : k + 1
                throw fail(.invalidUnicodeEscape(text(escape..<shown)), at: escape)
            }
            value = value << 4 | UInt32(digit)
            k += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        if scalar < 0x80 {
            scratch.append(UInt8(scalar))
        } else if scalar < 0x800 {
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    // MARK: UTF-8

    /// Steps over the multi-byte UTF-8 sequence at `i`, or throws `.invalidUTF8` at its first byte.
    @inline(__always)
    mutating func skipNonASCII() throws(JSONParseError) {
        guard let length = utf8SequenceLength(at: i) else { throw fail(.invalidUTF8, at: i) }
        i += length
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `offset`
    /// (Unicode Table 3-7), or nil when it is ill-formed or cut short.
    func utf8SequenceLength(at offset: Int) -> Int? {
        let lead = p[offset]
        @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            offset + k < n && p[offset + k] >= low && p[offset + k] <= high
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0:
            return continuation(1, 0xA0) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            return continuation(1) && continuation(2) ? 3 : nil
        case 0xED:
            return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Decodes a validated sequence.
    func decodeScalar(at offset: Int, length: Int) -> Unicode.Scalar {
        var value = UInt32(p[offset]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(p[offset + k] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    // MARK: Numbers

    /// Reads a number at `i` per RFC 8259 §6 and returns its nearest `Double`; its literal is the
    /// source from where it started to `i`.
    mutating func scanNumber() throws(JSONParseError) -> Double {
        // The position is kept in a local while the digits are read, so that it stays in a
        // register; errors carry their own offset, and `i` is brought up to date before the
        // continuation check, which reads it.
        let start = i
        var j = i
        var negative = false
        if p[j] == ASCII.minus {
            negative = true
            j &+= 1
        }
        guard j < n, isDigit(p[j]) else {
            if j + 8 <= n, text(j..<j + 8) == "Infinity" {
                throw fail(.invalidNumber("-Infinity is not a JSON number"), at: j)
            }
            throw fail(.invalidNumber("expected a digit after '-'"), at: j)
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        if p[j] == ASCII.zero {
            j &+= 1
            if j < n, isDigit(p[j]) { throw fail(.invalidNumber("leading zeros are not allowed"), at: j) }
        } else {
            while j < n, isDigit(p[j]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[j] &- ASCII.zero) }
                digits &+= 1
                j &+= 1
            }
        }
        if j < n, p[j] == ASCII.period {
            j &+= 1
            guard j < n, isDigit(p[j]) else {
                throw fail(.invalidNumber("expected a digit after the decimal point"), at: j)
            }
            while j < n, isDigit(p[j]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(p[j] &- ASCII.zero) }
                if mantissa != 0 { digits &+= 1 }
                exponent &-= 1
                j &+= 1
            }
        }
        if j < n, p[j] == ASCII.lowerE || p[j] == ASCII.upperE {
            j &+= 1
            var exponentNegative = false
            if j < n, p[j] == ASCII.plus || p[j] == ASCII.minus {
                exponentNegative = p[j] == ASCII.minus
                j &+= 1
            }
            guard j < n, isDigit(p[j]) else {
                throw fail(.invalidNumber("expected a digit in the exponent"), at: j)
            }
            var value = 0
            while j < n, isDigit(p[j]) {
                if value < 1_000_000 { value = value * 10 + Int(p[j] - ASCII.zero) }
                j &+= 1
            }
            exponent += exponentNegative ? -value : value
        }
        i = j
        if j < n {
            let byte = p[j]
            if isLetter(byte) || isDigit(byte) || byte == ASCII.period || byte == ASCII.plus || byte == ASCII.minus {
                throw numberContinuation(start: start)
            }
        }
        var double: Double
        if digits <= 19, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Clinger's fast path: both operands exact, so one rounding is correct.
            double = Double(mantissa)
            if exponent < 0 {
                double /= exactPowersOfTen[-exponent]
            } else if exponent > 0 {
                double *= exactPowersOfTen[exponent]
            }
            if negative { double = -double }
        } else {
            double = Double(text(start..<j)) ?? .infinity
        }
        guard double.isFinite else { throw fail(.numberOutOfRange(text(start..<j)), at: start) }
        return double
    }

    /// The error for a number followed directly by a letter, digit, `.`, `+` or `-`.
    @inline(never)
    func numberContinuation(start: Int) -> JSONParseError {
        let byte = p[i]
        let zero = i == start + 1 ? p[start] == ASCII.zero : i == start + 2 && p[start] == ASCII.minus && p[start + 1] == ASCII.zero
        if (byte | 0x20) == 0x78, zero {
            return fail(.invalidNumber("hexadecimal numbers are not allowed"), at: i)
        }
        let what = isLetter(byte) ? "letter '\(Character(Unicode.Scalar(byte)))'" : "'\(Character(Unicode.Scalar(byte)))'"
        return fail(.invalidNumber("unexpected \(what) in number"), at: i)
    }
}
