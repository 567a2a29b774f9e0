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

    /// Rewrites an ECMA-262 pattern (as JSON Schema means it: Unicode mode, the `u` flag)
    /// into ICU syntax with the same meaning. Where ICU differs:
    /// - `\d`, `\w`, `\b`, `\B` are ASCII-only in ECMA-262 (ICU's are Unicode-aware);
    /// - `\s` is ECMA-262's WhiteSpace and LineTerminator list (it includes U+FEFF);
    /// - `.` excludes only `\n`, `\r`, U+2028 and U+2029 (ICU also excludes VT, FF and NEL);
    /// - `$` never matches before a final newline;
    /// - `\v` is U+000B only (ICU: any vertical space); `[\b]` is backspace; `\0` is NUL;
    ///   `\cX` is a control character;
    /// - inside `[...]` every character is literal (ICU reads `[`, `&&`, `--` as set
    ///   operations), `[]` matches nothing and `[^]` anything;
    /// - escapes that Unicode mode rejects are errors: unknown letters (`\q`, `\y`, `\A`,
    ///   `\Z`...), `\x` without two hex digits, `\u` without four or `{...}`, `\p` without
    ///   `{...}`, a class escape such as `\d` as a range end, `\1` inside a class, a range
    ///   whose ends are out of order, a back reference to a group that does not exist;
    /// - so are ICU (and Python) extensions: inline flags `(?i)`, comments `(?#...)`,
    ///   atomic groups `(?>...)`, possessive quantifiers `a++`; and what Unicode mode
    ///   refuses: a lone `]`, a quantified assertion (`^*`, `(?=a)+`).
    /// Known gaps (ICU cannot express them): lookbehinds of unbounded length are refused,
    /// and a back reference to a group that has not matched fails instead of matching "".
    static func translate(_ pattern: String) throws(Failure) -> String {
        var translator = ECMATranslator(Array(pattern.unicodeScalars))
        return try translator.run()
    }
}

/// One pass over an ECMA-262 pattern, producing ICU syntax (see `CompiledRegex.translate`).
private struct ECMATranslator {
    typealias Failure = CompiledRegex.Failure

    /// A class atom or escape: one character, or a set of them in ICU syntax.
    enum Atom {
        case character(UInt32)
        case set(String)
    }

    let scalars: [Unicode.Scalar]
    var index = 0
    var out = ""

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    static let word = "a-zA-Z0-9_"
    static let space = "\\t\\n\\x{B}\\f\\r\\x{20}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func next() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        defer { index += 1 }
        return scalars[index]
    }

    static func literal(_ value: UInt32) -> String { "\\x{" + String(value, radix: 16, uppercase: true) + "}" }

    static func isHex(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar, scalar.isASCII else { return false }
        return ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    static func isSurrogate(_ value: UInt32) -> Bool { value >= 0xD800 && value <= 0xDFFF }

    /// Capturing groups in the pattern: `(` not followed by `?`, and `(?<name>`.
    func capturingGroupCount() -> Int {
        var count = 0
        var position = 0
        var inClass = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\\" {
                position += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
            } else if scalar == "(" {
                let rest = scalars[(position + 1)...]
                if rest.first != "?" {
                    count += 1
                } else if rest.starts(with: ["?", "<"]), rest.dropFirst(2).first != "=", rest.dropFirst(2).first != "!" {
                    count += 1
                }
            }
            position += 1
        }
        return count
    }

    mutating func run() throws(Failure) -> String {
        let groupCount = capturingGroupCount()
        /// Open groups: true for lookarounds, which (like `^`, `$`, `\b`) cannot be quantified.
        var groups: [Bool] = []
        var afterAssertion = false
        var afterQuantifier = false
        while let scalar = next() {
            var assertion = false
            var quantifier = false
            switch scalar {
            case "\\":
                if let following = peek, following == "b" || following == "B" { assertion = true }
                if let following = peek, following.isASCII, ("1"..."9").contains(following) {
                    // A back reference must name an existing group.
                    var number = 0
                    var position = index
                    while position < scalars.count, scalars[position].isASCII, ("0"..."9").contains(scalars[position]) {
                        number = number * 10 + Int(scalars[position].value - 0x30)
                        position += 1
                        if number > groupCount { throw Failure(reason: "back reference \\\(number) to a group that does not exist") }
                    }
                }
                try topLevelEscape()
            case "[":
                try characterClass()
            case "]":
                throw Failure(reason: "unmatched ]")
            case ".":
                out += "[^\\n\\r\\x{2028}\\x{2029}]"
            case "$":
                out += "(?![\\s\\S])"
                assertion = true
            case "^":
                out += "^"
                assertion = true
            case "*", "+", "?", "{":
                if afterAssertion { throw Failure(reason: "an assertion cannot be repeated") }
                if afterQuantifier { throw Failure(reason: "nothing to repeat") }
                quantifier = true
                out.unicodeScalars.append(scalar)
                if scalar == "{" {
                    // A complete {n}, {n,} or {n,m} is a quantifier; copy it whole.
                    var position = index
                    while position < scalars.count, scalars[position] != "}", scalars[position].isASCII,
                          ("0"..."9").contains(scalars[position]) || scalars[position] == "," {
                        position += 1
                    }
                    guard position < scalars.count, scalars[position] == "}", position > index else {
                        quantifier = false
                        break
                    }
                    for quantifier in scalars[index...position] { out.unicodeScalars.append(quantifier) }
                    index = position + 1
                }
                // A lazy `?` may follow a quantifier; a possessive `+` (ICU, not ECMA-262) may not.
                if peek == "?" {
                    out += "?"
                    index += 1
                } else if peek == "+" {
                    throw Failure(reason: "possessive quantifiers are not ECMA-262")
                }
            case "(":
                out += "("
                var lookaround = false
                if peek == "?" {
                    index += 1
                    out += "?"
                    let rest = scalars[index...]
                    if rest.first == "=" || rest.first == "!" || rest.starts(with: ["<", "="]) || rest.starts(with: ["<", "!"]) {
                        lookaround = true
                    } else if rest.first != ":" && rest.first != "<" {
                        // ECMA-262 has (?:, (?=, (?!, (?<=, (?<! and (?<name> only: inline flags
                        // (?i), comments (?#...), atomic groups (?>...) and the like are errors.
                        throw Failure(reason: "(?\(rest.first.map { String($0) } ?? "") is not ECMA-262 group syntax")
                    }
                }
                groups.append(lookaround)
            case ")":
                out += ")"
                if let lookaround = groups.popLast() { assertion = lookaround }
            default:
                out.unicodeScalars.append(scalar)
            }
            afterAssertion = assertion
            afterQuantifier = quantifier
        }
        return out
    }

    /// Exactly `count` hex digits, or nil (nothing consumed).
    mutating func hexDigits(_ count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            let scalar = scalars[index + offset]
            guard Self.isHex(scalar), let digit = UInt32(String(scalar), radix: 16) else { return nil }
            value = value * 16 + digit
        }
        index += count
        return value
    }

    /// After `\u`: `HHHH` (a surrogate pair of two such escapes is one code point) or `{H...}`.
    mutating func unicodeEscape() throws(Failure) -> UInt32 {
        if peek == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek, scalar != "}" {
                guard Self.isHex(scalar), let digit = UInt32(String(scalar), radix: 16) else {
                    throw Failure(reason: "invalid \\u{...} escape")
                }
                value = value &* 16 &+ digit
                digits += 1
                guard value <= 0x10FFFF, digits <= 8 else { throw Failure(reason: "\\u{...} beyond U+10FFFF") }
                index += 1
            }
            guard peek == "}", digits > 0 else { throw Failure(reason: "invalid \\u{...} escape") }
            index += 1
            return value
        }
        guard let value = hexDigits(4) else { throw Failure(reason: "\\u needs four hex digits") }
        if value >= 0xD800 && value <= 0xDBFF, index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
            let saved = index
            index += 2
            if let low = hexDigits(4), low >= 0xDC00, low <= 0xDFFF {
                return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            index = saved
        }
        return value
    }

    /// An escape that means a character or a character set, after the backslash; `inClass`
    /// selects the class meaning of `\b` and `\-`. Nil for escapes handled by the caller.
    mutating func characterEscape(_ scalar: Unicode.Scalar, inClass: Bool) throws(Failure) -> Atom {
        switch scalar {
        case "d": return .set("0-9")
        case "D": return .set("[^0-9]")
        case "w": return .set(Self.word)
        case "W": return .set("[^" + Self.word + "]")
        case "s": return .set(Self.space)
        case "S": return .set("[^" + Self.space + "]")
        case "p", "P":
            guard peek == "{" else { throw Failure(reason: "\\\(scalar) needs {...}") }
            var text = "\\\(scalar)"
            while let next = next() {
                text.unicodeScalars.append(next)
                if next == "}" { return .set(text) }
            }
            throw Failure(reason: "unterminated \\\(scalar){...}")
        case "f": return .character(0x0C)
        case "n": return .character(0x0A)
        case "r": return .character(0x0D)
        case "t": return .character(0x09)
        case "v": return .character(0x0B)
        case "b" where inClass: return .character(0x08)
        case "-" where inClass: return .character(0x2D)
        case "c":
            guard let letter = peek, letter.isASCII, letter.properties.isAlphabetic else {
                throw Failure(reason: "\\c needs a letter")
            }
            index += 1
            return .character(letter.value % 32)
        case "x":
            guard let value = hexDigits(2) else { throw Failure(reason: "\\x needs two hex digits") }
            return .character(value)
        case "u":
            return .character(try unicodeEscape())
        case "0":
            if let following = peek, following.isASCII, ("0"..."9").contains(following) {
                throw Failure(reason: "invalid escape \\0\(following)")
            }
            return .character(0)
        default:
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("1"..."9").contains(scalar)) {
                // Identity escapes of letters and digits are errors in Unicode mode (and
                // `\1` inside a class, where there are no back references).
                throw Failure(reason: "invalid escape \\\(scalar)")
            }
            // `\.`, `\/`, `\*` ...: the character itself.
            return .character(scalar.value)
        }
    }

    mutating func topLevelEscape() throws(Failure) {
        guard let scalar = next() else { throw Failure(reason: "trailing backslash") }
        switch scalar {
        case "b":
            // ECMA-262 word boundary: between an ASCII word character and anything else.
            out += "(?:(?<=[\(Self.word)])(?![\(Self.word)])|(?<![\(Self.word)])(?=[\(Self.word)]))"
        case "B":
            out += "(?:(?<=[\(Self.word)])(?=[\(Self.word)])|(?<![\(Self.word)])(?![\(Self.word)]))"
        case "1"..."9":
            // A back reference.
            out += "\\"
            out.unicodeScalars.append(scalar)
            while let digit = peek, digit.isASCII, ("0"..."9").contains(digit) {
                out.unicodeScalars.append(digit)
                index += 1
            }
        case "k":
            guard peek == "<" else { throw Failure(reason: "\\k needs <name>") }
            out += "\\k"
        default:
            switch try characterEscape(scalar, inClass: false) {
            case .character(let value):
                out += Self.isSurrogate(value) ? "[^\\x{0}-\\x{10FFFF}]" : Self.literal(value)
            case .set(let set):
                out += set.hasPrefix("[") || set.hasPrefix("\\p") || set.hasPrefix("\\P") ? set : "[" + set + "]"
            }
        }
    }

    /// After `[`: a class whose every character is literal in ICU's syntax.
    mutating func characterClass() throws(Failure) {
        var negated = false
        if peek == "^" {
            negated = true
            index += 1
        }
        var parts: [String] = []
        func atom(_ scalar: Unicode.Scalar) throws(Failure) -> Atom {
            if scalar == "\\" {
                guard let escaped = next() else { throw Failure(reason: "trailing backslash") }
                return try characterEscape(escaped, inClass: true)
            }
            return .character(scalar.value)
        }
        func text(_ value: UInt32) -> String? { Self.isSurrogate(value) ? nil : Self.literal(value) }
        while true {
            guard let scalar = next() else { throw Failure(reason: "unterminated character class") }
            if scalar == "]" { break }
            let first = try atom(scalar)
            // A range: atom "-" atom, unless the "-" is the last thing in the class.
            if peek == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                let second = try atom(next()!)
                guard case .character(let low) = first, case .character(let high) = second else {
                    throw Failure(reason: "a character class escape cannot end a range")
                }
                guard low <= high else { throw Failure(reason: "range out of order in character class") }
                parts.append(Self.literal(low) + "-" + Self.literal(high))
                continue
            }
            switch first {
            case .character(let value): if let literal = text(value) { parts.append(literal) }
            case .set(let set): parts.append(set)
            }
        }
        if parts.isEmpty {
            // [] matches nothing, [^] any character.
            out += negated ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]"
            return
        }
        out += (negated ? "[^" : "[") + parts.joined() + "]"
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
