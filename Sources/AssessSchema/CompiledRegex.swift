import Foundation

/// A `pattern` compiled once. ECMA-262 syntax is translated to ICU's where they differ
/// (`\d`, `\w` are ASCII-only in ECMA-262; `$` never matches before a final newline).
/// Matching is an unanchored search. `NSRegularExpression` is immutable and documented
/// as safe to use from several threads at once.
final class CompiledRegex: @unchecked Sendable {
    struct Failure: Error {
        var reason: String
    }

    let source: String
    private let regex: NSRegularExpression?
    private let literal: LiteralPattern?

    init(_ source: String) throws(Failure) {
        self.source = source
        if let literal = LiteralPattern(source) {
            self.literal = literal
            self.regex = nil
            return
        }
        self.literal = nil
        let translated = try Self.translate(source)
        do {
            self.regex = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            throw Failure(reason: "not a valid regular expression")
        }
    }

    func matches(_ string: String) -> Bool {
        if let literal { return literal.matches(string) }
        guard let regex else { return false }
        let ns = string as NSString
        return regex.firstMatch(in: string, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// Rewrites ECMA-262 constructs whose meaning differs in ICU.
    static func translate(_ pattern: String) throws(Failure) -> String {
        var out = ""
        var inClass = false
        var iterator = Array(pattern.unicodeScalars)[...]
        while let scalar = iterator.popFirst() {
            switch scalar {
            case "\\":
                guard let next = iterator.popFirst() else { throw Failure(reason: "trailing backslash") }
                switch next {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "[^0-9]" : "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += inClass ? "[^a-zA-Z0-9_]" : "[^a-zA-Z0-9_]"
                // ECMA-262 white space also includes U+FEFF (ZERO WIDTH NO-BREAK SPACE).
                case "s": out += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
                case "S": out += "[^\\s\\x{FEFF}]"
                case "u" where iterator.first == "{":
                    out += "\\x"
                case "a", "e", "A", "z", "Z", "G", "Q", "E", "h", "H", "V", "X", "R", "N":
                    // Escapes ICU knows but ECMA-262 does not (identity escapes of letters are errors in Unicode mode).
                    throw Failure(reason: "invalid escape \\\(next)")
                default:
                    out.unicodeScalars.append("\\")
                    out.unicodeScalars.append(next)
                }
            case "[" where !inClass:
                inClass = true
                out += "["
                // A leading "]" or "^]" is literal in ICU but an empty class in ECMA-262; escape it.
                if iterator.first == "^" {
                    out += "^"
                    iterator.removeFirst()
                }
                if iterator.first == "]" {
                    // ECMA-262: [] matches nothing, [^] matches anything.
                    iterator.removeFirst()
                    inClass = false
                    if out.hasSuffix("[^") {
                        out.removeLast(2)
                        out += "[\\s\\S]"
                    } else {
                        out.removeLast()
                        out += "(?!)"
                    }
                }
            case "[" where inClass:
                out += "\\["
            case "]" where inClass:
                inClass = false
                out += "]"
            case "$" where !inClass:
                out += "(?![\\s\\S])"
            default:
                if inClass, scalar == "&" || scalar == "-" && iterator.first == "-" {
                    out += "\\"
                }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Fast paths for patterns that need no regex engine: `^literal$`, `^prefix`, `suffix$`, `literal`.
struct LiteralPattern {
    enum Anchoring { case whole, prefix, suffix, anywhere }
    let text: String
    let anchoring: Anchoring

    init?(_ pattern: String) {
        var body = Substring(pattern)
        let anchoredStart = body.hasPrefix("^")
        if anchoredStart { body = body.dropFirst() }
        let anchoredEnd = body.hasSuffix("$") && !body.hasSuffix("\\$")
        if anchoredEnd { body = body.dropLast() }
        // Only plain letters, digits, spaces and a few punctuation marks that are never special.
        guard body.unicodeScalars.allSatisfy({ scalar in
            (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || (scalar.value >= 0x61 && scalar.value <= 0x7A) || scalar == " " || scalar == "_" || scalar == "-"
                || scalar == ":" || scalar == "/" || scalar == "@" || scalar == "#" || scalar == "," || scalar == ";"
                || scalar == "=" || scalar == "!" || scalar == "%" || scalar == "&" || scalar == "'" || scalar == "\""
                || scalar == "<" || scalar == ">" || scalar == "~" || scalar == "`"
        }) else { return nil }
        text = String(body)
        switch (anchoredStart, anchoredEnd) {
        case (true, true): anchoring = .whole
        case (true, false): anchoring = .prefix
        case (false, true): anchoring = .suffix
        case (false, false): anchoring = .anywhere
        }
    }

    func matches(_ string: String) -> Bool {
        switch anchoring {
        case .whole: return string.unicodeScalars.elementsEqual(text.unicodeScalars)
        case .prefix: return string.unicodeScalars.starts(with: text.unicodeScalars)
        case .suffix: return string.unicodeScalars.reversed().starts(with: text.unicodeScalars.reversed())
        case .anywhere:
            if text.isEmpty { return true }
            return string.utf8.firstRange(of: text.utf8) != nil
        }
    }
}
