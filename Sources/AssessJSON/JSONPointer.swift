/// An RFC 6901 JSON Pointer: a path of reference tokens into a JSON value.
///
/// `description` is the pointer's string form (`/a~1b/0`); the empty pointer
/// (`""`) refers to the whole document.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// Parses the string form of a pointer (`""`, `"/a/0"`, `"/a~1b"`).
    public init(parsing text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.tokens = []
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else { throw .missingLeadingSlash(text) }
        var tokens: [String] = []
        var current: [UInt8] = []
        var utf8 = Array(text.utf8)
        utf8.removeFirst()
        var k = 0
        while k < utf8.count {
            let byte = utf8[k]
            if byte == UInt8(ascii: "/") {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "~") {
                let next: UInt8? = k + 1 < utf8.count ? utf8[k + 1] : nil
                switch next {
                case UInt8(ascii: "0"): current.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): current.append(UInt8(ascii: "/"))
                default: throw .invalidEscape(text)
                }
                k += 1
            } else {
                current.append(byte)
            }
            k += 1
        }
        tokens.append(String(decoding: current, as: UTF8.self))
        self.tokens = tokens
    }

    /// Parses a pointer written as a URI fragment (`#/a/b%20c`), percent-decoding it.
    /// The leading `#` is optional.
    public init(uriFragment: String) throws(JSONPointerError) {
        var bytes = Array(uriFragment.utf8)
        if bytes.first == UInt8(ascii: "#") { bytes.removeFirst() }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "%") {
                guard k + 2 < bytes.count, let high = Self.hexValue(bytes[k + 1]), let low = Self.hexValue(bytes[k + 2])
                else { throw .invalidPercentEncoding(uriFragment) }
                decoded.append(high << 4 | low)
                k += 3
            } else {
                decoded.append(bytes[k])
                k += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw .invalidPercentEncoding(uriFragment)
        }
        try self.init(parsing: text)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The string form, with `~` written `~0` and `/` written `~1`.
    public var description: String {
        var result = ""
        for token in tokens {
            result += "/"
            result += Self.escape(token)
        }
        return result
    }

    /// One reference token as the string form writes it: `~` as `~0`, `/` as `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        var result = ""
        for character in token.unicodeScalars {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    public var isRoot: Bool { tokens.isEmpty }

    /// The pointer to the enclosing value, or nil for the root.
    public var parent: JSONPointer? {
        isRoot ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The last token, or nil for the root.
    public var lastToken: String? { tokens.last }

    public func appending(_ key: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [key])
    }

    public func appending(_ index: Int) -> JSONPointer {
        JSONPointer(tokens: tokens + [String(index)])
    }

    public func appending(_ other: JSONPointer) -> JSONPointer {
        JSONPointer(tokens: tokens + other.tokens)
    }

    /// The value the pointer refers to, or nil when it refers to nothing.
    ///
    /// Object members match by exact Unicode scalars. Array tokens must be
    /// decimal indexes without leading zeros (`0`, `12`); `-` (one past the
    /// end) refers to nothing.
    public func resolve(in root: JSONNode) -> JSONNode? {
        var node = root
        for token in tokens {
            switch node.value {
            case .object(let object):
                guard let member = object.members.first(where: { exactlyEqual($0.key, token) }) else { return nil }
                node = member.value
            case .array(let items):
                guard let index = Self.arrayIndex(token), index < items.count else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The array index a token spells per RFC 6901, or nil.
    static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.count <= 18 else { return nil }
        if first == UInt8(ascii: "0") { return utf8.count == 1 ? 0 : nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// Why a string is not a JSON Pointer.
public enum JSONPointerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A non-empty pointer must start with `/`.
    case missingLeadingSlash(String)
    /// `~` must be followed by `0` or `1`.
    case invalidEscape(String)
    /// A URI fragment with a bad `%` escape or one that decodes to invalid UTF-8.
    case invalidPercentEncoding(String)

    public var description: String {
        switch self {
        case .missingLeadingSlash(let text): return "JSON pointer \"\(text)\" must be empty or start with '/'"
        case .invalidEscape(let text): return "JSON pointer \"\(text)\" has '~' not followed by '0' or '1'"
        case .invalidPercentEncoding(let text): return "URI fragment \"\(text)\" has an invalid percent-encoding"
        }
    }
}
