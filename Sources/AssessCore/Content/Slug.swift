/// An item's identifier: lowercase kebab-case, `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 100 characters.
///
/// A `Slug` is checked before any path is built from it, so `..`, `/`,
/// upper case, spaces and empty strings never reach the file system.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public static let maxLength = 100

    public let rawValue: String

    public init(_ raw: String) throws(SlugError) {
        // Most names are valid: one pass over the bytes says so. Any other is looked at again,
        // character by character, for the message.
        if Self.isKebabCase(raw.utf8) {
            rawValue = raw
            return
        }
        guard !raw.isEmpty else { throw SlugError(raw: raw, reason: "a slug cannot be empty") }
        guard raw.utf8.count <= Slug.maxLength else {
            throw SlugError(raw: raw, reason: "a slug has at most \(Slug.maxLength) characters; this one has \(raw.count)")
        }
        var previousWasHyphen = true  // a leading hyphen is refused like a doubled one
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                previousWasHyphen = false
            case "-":
                guard !previousWasHyphen else {
                    throw SlugError(raw: raw, reason: "hyphens separate words: none at the start and no two in a row")
                }
                previousWasHyphen = true
            case "A"..."Z":
                throw SlugError(raw: raw, reason: "a slug is lowercase; did you mean \"\(raw.lowercased())\"?")
            case "/", "\\", ".":
                throw SlugError(raw: raw, reason: "a slug is a name, not a path: '\(scalar)' is not allowed")
            default:
                throw SlugError(raw: raw, reason: "'\(Self.describe(scalar))' is not allowed; use a-z, 0-9 and single hyphens")
            }
        }
        guard !previousWasHyphen else { throw SlugError(raw: raw, reason: "a slug cannot end with a hyphen") }
        self.rawValue = raw
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, at most `maxLength` bytes; false also when the bytes are
    /// not stored contiguously (the character-by-character check then decides).
    private static func isKebabCase(_ text: String.UTF8View) -> Bool {
        text.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
            var previousWasHyphen = true
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): previousWasHyphen = false
                case UInt8(ascii: "-") where !previousWasHyphen: previousWasHyphen = true
                default: return false
                }
            }
            return !previousWasHyphen
        } ?? false
    }

    public var description: String { rawValue }

    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }

    /// True when `raw` is a valid slug.
    public static func isValid(_ raw: String) -> Bool {
        (try? Slug(raw)) != nil
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "space"
        case "\t": return "tab"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                return "U+" + String(scalar.value, radix: 16, uppercase: true)
            }
            return String(scalar)
        }
    }
}

public struct SlugError: Error, Sendable, CustomStringConvertible {
    public var raw: String
    public var reason: String

    public var description: String {
        "invalid slug \"\(raw.prefix(120))\": \(reason) (slugs match ^[a-z0-9]+(-[a-z0-9]+)*$)"
    }
}
