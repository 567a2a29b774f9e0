import Foundation

/// RFC 3986 URI references: just enough to resolve `$id`, `$ref` and `$dynamicRef`
/// against a base URI. Foundation's `URL(string:relativeTo:)` mishandles URNs and
/// fragments on Linux, so resolution is done here, by the RFC's own algorithm (§5.2).
public struct URIReference: Equatable, Sendable {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits a reference into its five components (RFC 3986 appendix B). Never fails.
    init(parsing text: String) {
        var rest = Substring(text)
        fragment = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        query = nil
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        scheme = nil
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isASCII, first.isLetter,
               candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
            {
                // Schemes are case-insensitive, lowercase in canonical form (RFC 3986 §3.1, §6.2.2.1):
                // "HTTP://example.com/a.json" names the same resource as "http://example.com/a.json".
                scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            }
        }
        authority = nil
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    var text: String {
        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }

    var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// Resolves `self` (a reference) against `base` (RFC 3986 §5.2.2, strict).
    func resolved(against base: URIReference) -> URIReference {
        var target = URIReference(scheme: nil, authority: nil, path: "", query: nil, fragment: fragment)
        if let scheme {
            target.scheme = scheme
            target.authority = authority
            target.path = Self.removeDotSegments(path)
            target.query = query
        } else {
            if authority != nil {
                target.authority = authority
                target.path = Self.removeDotSegments(path)
                target.query = query
            } else {
                if path.isEmpty {
                    target.path = base.path
                    target.query = query ?? base.query
                } else {
                    if path.hasPrefix("/") {
                        target.path = Self.removeDotSegments(path)
                    } else {
                        target.path = Self.removeDotSegments(Self.merge(base: base, path: path))
                    }
                    target.query = query
                }
                target.authority = base.authority
            }
            target.scheme = base.scheme
        }
        return target
    }

    private static func merge(base: URIReference, path: String) -> String {
        if base.authority != nil && base.path.isEmpty {
            return "/" + path
        }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return path
    }

    static func removeDotSegments(_ input: String) -> String {
        guard input.contains(".") else { return input }
        var inputBuffer = Substring(input)
        var outputString = ""
        // Straightforward transcription of §5.2.4.
        while !inputBuffer.isEmpty {
            if inputBuffer.hasPrefix("../") {
                inputBuffer = inputBuffer.dropFirst(3)
            } else if inputBuffer.hasPrefix("./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer.hasPrefix("/./") {
                inputBuffer = inputBuffer.dropFirst(2)
            } else if inputBuffer == "/." {
                inputBuffer = "/"
            } else if inputBuffer.hasPrefix("/../") || inputBuffer == "/.." {
                inputBuffer = inputBuffer == "/.." ? "/" : inputBuffer.dropFirst(3)
                if let slash = outputString.lastIndex(of: "/") {
                    outputString = String(outputString[..<slash])
                } else {
                    outputString = ""
                }
            } else if inputBuffer == "." || inputBuffer == ".." {
                inputBuffer = ""
            } else {
                var end = inputBuffer.startIndex
                if inputBuffer.first == "/" { end = inputBuffer.index(after: end) }
                end = inputBuffer[end...].firstIndex(of: "/") ?? inputBuffer.endIndex
                outputString += inputBuffer[..<end]
                inputBuffer = inputBuffer[end...]
            }
        }
        return outputString
    }

    /// Resolves `reference` against `base`, both as text (RFC 3986 §5.2).
    public static func resolve(_ reference: String, against base: String) -> String {
        URIReference(parsing: reference).resolved(against: URIReference(parsing: base)).text
    }

    /// The URI without its fragment (`#...`).
    public static func stripFragment(_ uri: String) -> String {
        splitFragment(uri).base
    }

    /// Splits an absolute URI into the part before `#` and the (raw) fragment.
    static func splitFragment(_ uri: String) -> (base: String, fragment: String?) {
        if let hash = uri.firstIndex(of: "#") {
            return (String(uri[..<hash]), String(uri[uri.index(after: hash)...]))
        }
        return (uri, nil)
    }
}

/// Decodes `%XX` escapes (UTF-8). Invalid escapes are kept as written.
func percentDecoded(_ text: String) -> String {
    guard text.contains("%") else { return text }
    var bytes: [UInt8] = []
    let source = Array(text.utf8)
    var index = 0
    func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    while index < source.count {
        if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
           let high = hex(source[index + 1]), let low = hex(source[index + 2])
        {
            bytes.append(high << 4 | low)
            index += 3
        } else {
            bytes.append(source[index])
            index += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}
