import Foundation

/// The `format`s that can assert (with `ValidationOptions.formatAssertion`).
enum FormatKind: String, Sendable {
    case date
    case dateTime = "date-time"
    case time
    case duration
    case email
    case uri
    case uriReference = "uri-reference"
    case uuid
    case ipv4
    case ipv6
    case hostname
    case jsonPointer = "json-pointer"
    case regex

    func isValid(_ string: String) -> Bool { isValid(bytes: Array(string.utf8)) }

    func isValid(bytes: [UInt8]) -> Bool {
        switch self {
        case .date: return Formats.isDate(bytes[...])
        case .dateTime: return Formats.isDateTime(bytes)
        case .time: return Formats.isTime(bytes[...])
        case .duration: return Formats.isDuration(bytes)
        case .email: return Formats.isEmail(bytes)
        case .uri: return Formats.isURI(bytes, requireScheme: true)
        case .uriReference: return Formats.isURI(bytes, requireScheme: false)
        case .uuid: return Formats.isUUID(bytes)
        case .ipv4: return Formats.isIPv4(bytes[...])
        case .ipv6: return Formats.isIPv6(bytes[...])
        case .hostname: return Formats.isHostname(bytes)
        case .jsonPointer: return Formats.isJSONPointer(bytes)
        // The same check as `pattern` (which also accepts "": NSRegularExpression refuses an empty pattern).
        case .regex: return (try? CompiledRegex(String(decoding: bytes, as: UTF8.self))) != nil
        }
    }
}

/// Format checks on UTF-8 bytes (all the formats here are ASCII-only).
enum Formats {
    typealias Bytes = ArraySlice<UInt8>

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }

    /// The value of `count` ASCII digits at `start`, or nil.
    static func digits(_ bytes: Bytes, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<start + count {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    // MARK: RFC 3339

    static func isDate(_ bytes: Bytes) -> Bool {
        let s = bytes.startIndex
        guard bytes.count == 10, bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, s, 4), let month = digits(bytes, s + 5, 2), let day = digits(bytes, s + 8, 2)
        else { return false }
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    static func isTime(_ bytes: Bytes) -> Bool {
        let s = bytes.startIndex
        guard bytes.count >= 9, bytes[s + 2] == UInt8(ascii: ":"), bytes[s + 5] == UInt8(ascii: ":"),
              let hour = digits(bytes, s, 2), let minute = digits(bytes, s + 3, 2), let second = digits(bytes, s + 6, 2),
              hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = s + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.endIndex - index == 6, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = digits(bytes, index + 1, 2), let offsetMinute = digits(bytes, index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            // A leap second happens at 23:59:60 UTC only.
            var utc = (hour * 60 + minute - offsetMinutes) % 1440
            if utc < 0 { utc += 1440 }
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// RFC 3339 appendix A (ISO 8601 durations as RFC 3339 restricts them).
    static func isDuration(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        // Split into (number, unit) pairs and the time separator.
        var elements: [UInt8] = []  // units in order; "T" for the separator
        var index = 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                elements.append(UInt8(ascii: "T"))
                index += 1
                continue
            }
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count else { return false }
            let unit = bytes[index]
            guard "YMWDHS".utf8.contains(unit) else { return false }
            elements.append(unit)
            index += 1
        }
        let text = String(decoding: elements, as: UTF8.self)
        if text == "W" { return true }
        var date = Substring(text)
        var time: Substring?
        if let separator = text.firstIndex(of: "T") {
            date = text[..<separator]
            time = text[text.index(after: separator)...]
        }
        let validDates: Set<Substring> = ["", "Y", "YM", "YMD", "M", "MD", "D"]
        let validTimes: Set<Substring> = ["H", "HM", "HMS", "M", "MS", "S"]
        guard validDates.contains(date) else { return false }
        if let time {
            return validTimes.contains(time)
        }
        return !date.isEmpty
    }

    // MARK: Internet addresses

    static func isIPv4(_ bytes: Bytes) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            guard let value = Int(String(decoding: part, as: UTF8.self)), value <= 255 else { return false }
        }
        return true
    }

    static func isIPv6(_ bytes: Bytes) -> Bool {
        guard !bytes.isEmpty else { return false }
        var text = bytes
        var groupsAllowed = 8
        // An embedded IPv4 address at the end takes two groups.
        if let lastColon = text.lastIndex(of: UInt8(ascii: ":")), text[(lastColon + 1)...].contains(UInt8(ascii: ".")) {
            guard isIPv4(text[(lastColon + 1)...]) else { return false }
            text = text[...lastColon]
            groupsAllowed = 6
            // Keep a trailing ":" only when it is part of "::".
            if text.count >= 2, text[text.endIndex - 2] == UInt8(ascii: ":") {
                // "::" before the IPv4 part: leave as is.
            } else {
                text = text.dropLast()
            }
            if text.isEmpty { return false }
        }
        let doubleColons = countDoubleColons(text)
        guard doubleColons <= 1 else { return false }
        var groups = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        if doubleColons == 1 {
            // Remove the empty strings that "::" produces (at the start, middle or end).
            let string = String(decoding: text, as: UTF8.self)
            if string == "::" { return true }
            if string.hasPrefix("::") { groups.removeFirst() }
            if string.hasSuffix("::") { groups.removeLast() }
            guard groups.filter({ $0.isEmpty }).count == 1 else { return false }
            groups.removeAll { $0.isEmpty }
            guard groups.count < groupsAllowed else { return false }
        } else {
            guard groups.count == groupsAllowed else { return false }
        }
        for group in groups {
            guard !group.isEmpty, group.count <= 4, group.allSatisfy(isHex) else { return false }
        }
        return true
    }

    private static func countDoubleColons(_ bytes: Bytes) -> Int {
        var count = 0
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":") {
                count += 1
                if index + 2 < bytes.endIndex, bytes[index + 2] == UInt8(ascii: ":") { return 2 }
                index += 2
            } else {
                index += 1
            }
        }
        return count
    }

    static func isHostname(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.count <= 63 else { return false }
            guard label.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
            guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            // The label is ASCII here: lower case changes no byte's position, so "--" is looked
            // for in the bytes as they are, and only such a label is lowered.
            let start = label.startIndex
            if label.count >= 4, label[start + 2] == UInt8(ascii: "-"), label[start + 3] == UInt8(ascii: "-") {
                let lower = String(decoding: label, as: UTF8.self).lowercased()
                // "--" in positions 3-4 is reserved for A-labels ("xn--"), which must be valid Punycode.
                guard lower.hasPrefix("xn--"), let decoded = Punycode.decode(String(lower.dropFirst(4))),
                      isValidULabel(decoded) else { return false }
            }
        }
        return true
    }

    /// Checks of RFC 5891 §4.2.3 and the contextual rules of RFC 5892 appendix A that need no
    /// Unicode tables beyond the standard library's (full IDNA2008 validity is not checked).
    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        switch first.properties.generalCategory {
        case .spacingMark, .nonspacingMark, .enclosingMark: return false
        default: break
        }
        func inRanges(_ scalar: Unicode.Scalar, _ ranges: [ClosedRange<UInt32>]) -> Bool {
            ranges.contains { $0.contains(scalar.value) }
        }
        let greek: [ClosedRange<UInt32>] = [0x0370...0x03FF, 0x1F00...0x1FFF]
        let hebrew: [ClosedRange<UInt32>] = [0x0590...0x05FF, 0xFB1D...0xFB4F]
        let japanese: [ClosedRange<UInt32>] = [
            0x3040...0x309F, 0x30A0...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3005...0x3007, 0x3021...0x3029,
        ]
        var arabicIndic = false
        var extendedArabicIndic = false
        for (index, scalar) in label.enumerated() {
            let previous = index > 0 ? label[index - 1] : nil
            let next = index + 1 < label.count ? label[index + 1] : nil
            switch scalar.value {
            case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B:
                return false  // DISALLOWED exceptions
            case 0x00B7:  // MIDDLE DOT: between two 'l's
                guard previous == "l", next == "l" else { return false }
            case 0x0375:  // GREEK LOWER NUMERAL SIGN: followed by Greek
                guard let next, inRanges(next, greek) else { return false }
            case 0x05F3, 0x05F4:  // HEBREW GERESH / GERSHAYIM: preceded by Hebrew
                guard let previous, inRanges(previous, hebrew) else { return false }
            case 0x30FB:  // KATAKANA MIDDLE DOT: with Hiragana, Katakana or Han in the label
                guard label.contains(where: { inRanges($0, japanese) }) else { return false }
            case 0x200D:  // ZERO WIDTH JOINER: after a virama
                guard let previous, previous.properties.canonicalCombiningClass.rawValue == 9 else { return false }
            case 0x0660...0x0669: arabicIndic = true
            case 0x06F0...0x06F9: extendedArabicIndic = true
            default: break
            }
        }
        return !(arabicIndic && extendedArabicIndic)
    }

    /// The symbols RFC 5322 allows in an atom besides letters and digits: ``!#$%&'*+-/=?^_`{|}~``.
    @inline(__always)
    static func isAtextSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2F, 0x3D, 0x3F, 0x5E...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")), at > 0, at < bytes.count - 1 else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        // Local part: dot-atom or quoted string (RFC 5321 §4.1.2).
        if local.first == UInt8(ascii: "\"") {
            guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
            var index = local.startIndex + 1
            while index < local.endIndex - 1 {
                let byte = local[index]
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte < 0x7F else { return false }
                index += 1
            }
        } else {
            // Dot-separated atoms, none empty: no leading, trailing or doubled dot.
            var previous = UInt8(ascii: ".")
            for byte in local {
                if byte == UInt8(ascii: ".") {
                    guard previous != UInt8(ascii: ".") else { return false }
                } else {
                    guard isAlpha(byte) || isDigit(byte) || isAtextSymbol(byte) else { return false }
                }
                previous = byte
            }
            guard previous != UInt8(ascii: ".") else { return false }
        }
        if domain.first == UInt8(ascii: "[") {
            guard domain.last == UInt8(ascii: "]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.starts(with: "IPv6:".utf8) {
                return isIPv6(literal.dropFirst(5))
            }
            return isIPv4(literal)
        }
        return isHostname(Array(domain))
    }

    static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard isHex(byte) else { return false }
            }
        }
        return true
    }

    static func isJSONPointer(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        guard bytes[0] == UInt8(ascii: "/") else { return false }
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "~") {
                guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "1")
                else { return false }
            }
            index += 1
        }
        return true
    }

    // MARK: RFC 3986

    private static let unreserved = Set("-._~".utf8)
    private static let subDelims = Set("!$&'()*+,;=".utf8)

    /// `pchar`-like check: unreserved, sub-delims, extra allowed characters, or a valid %XX.
    private static func isValidComponent(_ bytes: Bytes, extra: Set<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, isHex(bytes[index + 1]), isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            guard isAlpha(byte) || isDigit(byte) || unreserved.contains(byte) || subDelims.contains(byte) || extra.contains(byte)
            else { return false }
            index += 1
        }
        return true
    }

    static func isURI(_ bytes: [UInt8], requireScheme: Bool) -> Bool {
        var rest = bytes[...]
        // Fragment and query.
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isValidComponent(rest[(hash + 1)...], extra: Set(":@/?".utf8)) else { return false }
            rest = rest[..<hash]
        }
        if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isValidComponent(rest[(mark + 1)...], extra: Set(":@/?".utf8)) else { return false }
            rest = rest[..<mark]
        }
        // Scheme.
        var hasScheme = false
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")),
           !rest[..<colon].contains(UInt8(ascii: "/"))
        {
            let scheme = rest[..<colon]
            if let first = scheme.first, isAlpha(first),
               scheme.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            {
                hasScheme = true
                rest = rest[(colon + 1)...]
            } else if !requireScheme {
                // A colon in the first segment of a relative reference is not allowed.
                return false
            } else {
                return false
            }
        }
        if requireScheme && !hasScheme { return false }
        // Authority.
        if rest.starts(with: "//".utf8) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.firstIndex(of: UInt8(ascii: "@")) {
                guard isValidComponent(authority[..<at], extra: Set(":".utf8)) else { return false }
                authority = authority[(at + 1)...]
            }
            // Host and port.
            if authority.first == UInt8(ascii: "[") {
                guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return false }
                let literal = authority[(authority.startIndex + 1)..<close]
                if literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V") {
                    guard literal.contains(UInt8(ascii: ".")) else { return false }
                } else {
                    guard isIPv6(literal) else { return false }
                }
                authority = authority[(close + 1)...]
                if !authority.isEmpty {
                    guard authority.first == UInt8(ascii: ":"), authority.dropFirst().allSatisfy(isDigit) else { return false }
                }
            } else {
                var host = authority
                if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
                    guard authority[(colon + 1)...].allSatisfy(isDigit) else { return false }
                    host = authority[..<colon]
                }
                guard isValidComponent(host, extra: []) else { return false }
            }
        }
        // Path.
        return isValidComponent(rest, extra: Set(":@/".utf8))
    }
}

/// RFC 3492 Punycode decoding (to check A-labels in host names).
enum Punycode {
    static func decode(_ input: String) -> [Unicode.Scalar]? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var n = 128, i = 0, bias = 72
        var output: [Unicode.Scalar] = []
        var bytes = Array(input.utf8)[...]
        if let delimiter = bytes.lastIndex(of: UInt8(ascii: "-")) {
            for byte in bytes[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
            bytes = bytes[(delimiter + 1)...]
        }
        guard !bytes.isEmpty || !output.isEmpty else { return nil }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard index < bytes.endIndex else { return nil }
                let byte = bytes[index]
                index += 1
                let digit: Int
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A"))
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0")) + 26
                default: return nil
                }
                let (product, overflow) = digit.multipliedReportingOverflow(by: w)
                guard !overflow else { return nil }
                i += product
                guard i < 0x10FFFF * 64 else { return nil }
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                w *= base - t
                guard w < 0x10FFFF * 64 else { return nil }
                k += base
            }
            // Adapt the bias.
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / (output.count + 1)
            var kk = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                kk += base
            }
            bias = kk + (base - tMin + 1) * delta / (delta + skew)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard let scalar = Unicode.Scalar(n) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }
}
