/// How transcript text becomes words and keys, byte by byte (no `String` per word).
///
/// * Tokens are runs of bytes between whitespace (ASCII whitespace and U+00A0).
/// * A token's keys are its runs of ASCII letters, digits, apostrophes (`'`, `’`, `‘`) and
///   non-ASCII letters; everything else (hyphens, dashes, slashes, dots, quotes...) separates
///   keys. ASCII letters are lowercased; apostrophes at either end of a key are dropped.
///   "Long-term," -> `long`, `term`; "don’t" -> `don't`; "axrp.net" -> `axrp`, `net`.
/// * A token without keys ("--", "...", ">>") is no word.
public enum WordKeys {
    /// Calls `body` with every token of `text`.
    static func forEachToken(in text: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                while index < count, let width = whitespaceWidth(buffer, index) { index += width }
                let start = index
                while index < count, whitespaceWidth(buffer, index) == nil { index += 1 }
                if index > start { body(UnsafeBufferPointer(rebasing: buffer[start..<index])) }
            }
        }
    }

    /// Calls `body` with every key of `text` (tokens and keys in order).
    public static func forEachKey(in text: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var scanner = KeyScanner()
        forEachToken(in: text) { token in scanner.forEachKey(in: token, body) }
    }

    /// The keys of `text` as strings.
    public static func keys(_ text: String) -> [String] {
        var result: [String] = []
        forEachKey(in: Array(text.utf8)) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    @inline(__always)
    static func whitespaceWidth(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        switch buffer[index] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2 where index + 1 < buffer.count && buffer[index + 1] == 0xA0: return 2
        default: return nil
        }
    }

    // MARK: non-speech markers

    /// Blanks out non-speech markers in `text` (replacing them with spaces) and returns how many
    /// there were: `[...]` spans (`[Music]`, `[Laughter]`, `[inaudible]`), `(...)` spans of at
    /// most three words (`(applause)`, `(laughs)`), and `♪`/`♫` (with the lyrics between two of them).
    /// A bracket that is not closed in the same segment is ordinary text.
    static func blankNonSpeech(_ text: inout [UInt8]) -> Int {
        var markers = 0
        let count = text.count
        var index = 0
        func blank(_ range: Range<Int>) {
            for position in range { text[position] = 0x20 }
            markers += 1
        }
        while index < count {
            switch text[index] {
            case UInt8(ascii: "["):
                if let close = closing(UInt8(ascii: "]"), opening: UInt8(ascii: "["), in: text, after: index) {
                    blank(index..<close + 1)
                    index = close + 1
                    continue
                }
            case UInt8(ascii: "("):
                if let close = closing(UInt8(ascii: ")"), opening: UInt8(ascii: "("), in: text, after: index),
                    tokenCount(text[(index + 1)..<close]) <= 3
                {
                    blank(index..<close + 1)
                    index = close + 1
                    continue
                }
            case 0xE2 where isNote(text, index):
                var end = index + 3
                var search = end
                while search + 2 < count, !isNote(text, search) { search += 1 }
                if search + 2 < count { end = search + 3 }
                blank(index..<end)
                index = end
                continue
            default:
                break
            }
            index += 1
        }
        return markers
    }

    private static func closing(_ close: UInt8, opening: UInt8, in text: [UInt8], after index: Int) -> Int? {
        var position = index + 1
        while position < text.count {
            if text[position] == close { return position }
            if text[position] == opening { return nil }
            position += 1
        }
        return nil
    }

    private static func tokenCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var tokens = 0
        var inToken = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
            if !space && !inToken { tokens += 1 }
            inToken = !space
        }
        return tokens
    }

    /// U+266A ♪ (E2 99 AA) or U+266B ♫ (E2 99 AB) at `index`.
    private static func isNote(_ text: [UInt8], _ index: Int) -> Bool {
        index + 2 < text.count && text[index] == 0xE2 && text[index + 1] == 0x99
            && (text[index + 2] == 0xAA || text[index + 2] == 0xAB)
    }
}

/// Splits tokens into keys, reusing one scratch buffer.
struct KeyScanner {
    private var scratch = [UInt8](repeating: 0, count: 64)
    private var length = 0

    init() {}

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        if length == scratch.count { scratch.append(contentsOf: repeatElement(0, count: scratch.count)) }
        scratch[length] = byte
        length += 1
    }

    mutating func forEachKey(in token: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        length = 0
        let count = token.count
        var index = 0
        while index < count {
            let byte = token[index]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"):
                append(byte)
                index += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                append(byte | 0x20)
                index += 1
            case 0x80...:
                let width = Self.scalarWidth(byte)
                let end = min(count, index + width)
                if byte == 0xE2, end - index == 3, token[index + 1] == 0x80, token[index + 2] == 0x98 || token[index + 2] == 0x99 {
                    append(UInt8(ascii: "'"))  // ‘ ’
                } else if Self.isPunctuation(token, index, width: end - index) {
                    flush(body)
                } else {
                    for position in index..<end { append(token[position]) }
                }
                index = end
            default:
                flush(body)
                index += 1
            }
        }
        flush(body)
    }

    private mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var end = length
        length = 0
        while start < end, scratch[start] == UInt8(ascii: "'") { start += 1 }
        while end > start, scratch[end - 1] == UInt8(ascii: "'") { end -= 1 }
        if end > start {
            scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
    }

    private static func scalarWidth(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0...: return 4
        default: return 1  // a stray continuation byte: taken alone
        }
    }

    /// Non-ASCII punctuation and symbols that separate keys: U+2000-U+206F (dashes, quotes,
    /// ellipsis...), U+00A0-U+00BF (« » ¿ ¡ ...), U+00D7 ×, U+00F7 ÷, U+2190-U+2BFF (arrows,
    /// maths, shapes, music), U+3000-U+303F, and anything in U+1F000 and above (emoji).
    private static func isPunctuation(_ token: UnsafeBufferPointer<UInt8>, _ index: Int, width: Int) -> Bool {
        let lead = token[index]
        switch width {
        case 2:
            let second = token[index + 1]
            return lead == 0xC2 && second >= 0xA0 || lead == 0xC3 && (second == 0x97 || second == 0xB7)
        case 3:
            let second = token[index + 1]
            if lead == 0xE2 { return second >= 0x80 && second <= 0xAF }  // U+2000-U+2BFF
            if lead == 0xE3 { return second == 0x80 }  // U+3000-U+303F
            return false
        case 4:
            return lead == 0xF0 && token[index + 1] >= 0x9F
        default:
            return true
        }
    }
}
