/// Why a source is not acceptable JSON, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case empty
        case tooLarge(size: Int, limit: Int)
        case unexpectedEnd(expected: String)
        case unexpectedCharacter(found: String, expected: String)
        case invalidUTF8
        case controlCharacterInString(UInt8)
        case invalidEscape(String)
        case invalidUnicodeEscape(String)
        case loneSurrogate(String)
        case invalidNumber(String)
        case numberOutOfRange(String)
        case duplicateKey(String, first: SourcePosition)
        case tooDeep(limit: Int)
        case trailingContent(found: String)
    }

    public var kind: Kind
    /// Byte offset of the problem.
    public var offset: Int
    public var position: SourcePosition

    public init(kind: Kind, offset: Int, position: SourcePosition) {
        self.kind = kind
        self.offset = offset
        self.position = position
    }

    /// A stable identifier for the kind of problem, printed as `[rule-id]`.
    public var ruleID: String {
        switch kind {
        case .empty: return "json-empty"
        case .tooLarge: return "json-too-large"
        case .invalidUTF8: return "json-invalid-utf8"
        case .duplicateKey: return "json-duplicate-key"
        case .tooDeep: return "json-too-deep"
        case .numberOutOfRange: return "json-number-range"
        case .invalidNumber: return "json-number"
        default: return "json-syntax"
        }
    }

    public var message: String {
        switch kind {
        case .empty:
            return "file is empty; expected a JSON value"
        case .tooLarge(let size, let limit):
            return "file is \(size) bytes, larger than the limit of \(limit) bytes"
        case .unexpectedEnd(let expected):
            return "unexpected end of file; expected \(expected)"
        case .unexpectedCharacter(let found, let expected):
            return "unexpected \(found); expected \(expected)"
        case .invalidUTF8:
            return "invalid UTF-8 byte sequence"
        case .controlCharacterInString(let byte):
            let hex = String(byte, radix: 16, uppercase: true)
            return "control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) in string; write it as an escape"
        case .invalidEscape(let text):
            return "invalid escape '\(text)' in string"
        case .invalidUnicodeEscape(let text):
            return "invalid unicode escape '\(text)'; expected \\u and four hex digits"
        case .loneSurrogate(let text):
            return "unpaired surrogate '\(text)' in string"
        case .invalidNumber(let reason):
            return "invalid number: \(reason)"
        case .numberOutOfRange(let literal):
            return "number \(literal) is out of range for a 64-bit float"
        case .duplicateKey(let key, let first):
            return "duplicate key \"\(key)\" in object (first at line \(first.line), column \(first.column))"
        case .tooDeep(let limit):
            return "nesting deeper than \(limit) levels"
        case .trailingContent(let found):
            return "unexpected \(found) after the JSON value"
        }
    }

    public var description: String { "\(position): \(message)" }
}

/// A problem the parser accepts but reports.
public struct JSONParseWarning: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case byteOrderMark
    }

    public var kind: Kind
    public var offset: Int

    public init(kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    public var ruleID: String { "json-bom" }

    public var message: String {
        switch kind {
        case .byteOrderMark:
            return "file starts with a UTF-8 byte-order mark; JSON text should not (RFC 8259 §8.1)"
        }
    }
}

/// A parsed source: the root value and the source text for positions.
public struct JSONDocument: Sendable {
    public var root: JSONNode
    public var warnings: [JSONParseWarning]

    public init(root: JSONNode, warnings: [JSONParseWarning] = []) {
        self.root = root
        self.warnings = warnings
    }
}

/// Limits that protect a run against hostile or broken input.
public struct JSONParseOptions: Sendable {
    /// Deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// Largest source accepted, in bytes.
    public var maxBytes: Int

    public static let defaultMaxBytes = 8 * 1024 * 1024

    public init(maxDepth: Int = 256, maxBytes: Int = JSONParseOptions.defaultMaxBytes) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }
}
