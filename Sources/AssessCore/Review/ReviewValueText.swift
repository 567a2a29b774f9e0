import AssessJSON

/// Short, one-line text for JSON values and paths in a review.
/// Every number goes through `NumberFormat`; nothing here prints a raw float.
enum ReviewValueText {
    /// Cap on a whole rendered value, so that no input makes an unbounded line.
    static let fullLimit = 10_000

    // MARK: values

    /// One-line JSON with `", "` and `": "` separators, numbers via `NumberFormat`,
    /// cut at `limit` characters with a trailing `…`.
    static func json(_ node: JSONNode, limit: Int = fullLimit) -> String {
        var output = ""
        // Stop building a little past the limit: the rest would be cut anyway.
        append(node, to: &output, budget: limit * 4 + 16, depth: 0)
        return truncate(output, limit: limit)
    }

    static func truncate(_ text: String, limit: Int) -> String {
        guard limit > 0 else { return "" }
        var count = 0
        var index = text.startIndex
        while index < text.endIndex {
            if count == limit { return String(text[..<text.index(before: index)]) + "…" }
            count += 1
            index = text.index(after: index)
        }
        return text
    }

    private static func append(_ node: JSONNode, to output: inout String, budget: Int, depth: Int) {
        if output.utf8.count > budget { return }
        switch node.value {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let number): output += self.number(number)
        case .string(let string): output += JSONWriter.quoted(string)
        case .array(let items):
            if depth > 64 {
                output += items.isEmpty ? "[]" : "[…]"
                return
            }
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += ", " }
                append(item, to: &output, budget: budget, depth: depth + 1)
                if output.utf8.count > budget { return }
            }
            output += "]"
        case .object(let object):
            if depth > 64 {
                output += object.isEmpty ? "{}" : "{…}"
                return
            }
            output += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += ", " }
                output += JSONWriter.quoted(member.key) + ": "
                append(member.value, to: &output, budget: budget, depth: depth + 1)
                if output.utf8.count > budget { return }
            }
            output += "}"
        }
    }

    /// A number as people write it: `6.0` -> `6`, `-14.440` -> `-14.44`, `0.125` -> `0.125`.
    /// Uses the fewest decimals (up to 6) that give the value back; a value
    /// that needs more, or is too large for fixed notation, keeps its literal.
    static func number(_ number: JSONNumber) -> String {
        plain(number.double) ?? number.literal
    }

    static func plain(_ value: Double) -> String? {
        guard value.isFinite, abs(value) < 1e12 else { return nil }
        for decimals in 0...6 {
            let text = NumberFormat.plain(value, maxDecimals: decimals)
            if let back = Double(text), abs(back - value) <= 1e-9 * abs(value) { return text }
        }
        return nil
    }

    /// new - old, signed: "+15", "-3.8", "0"; nil when either is too large to print plainly.
    static func delta(old: JSONNumber, new: JSONNumber) -> String? {
        guard plain(old.double) != nil, plain(new.double) != nil else { return nil }
        let difference = new.double - old.double
        let rounded = plain(difference) ?? NumberFormat.plain(difference, maxDecimals: 6)
        if rounded == "0" || rounded.hasPrefix("-") { return rounded }
        return "+" + rounded
    }

    // MARK: strings for people

    /// True when a string reads unambiguously without quotes: an enum value,
    /// a date, a time, an e-mail address, a slug (`reviewed`, `2026-11-21`,
    /// `00:41:10`). Not numbers, `true`/`false`/`null`, or anything with spaces.
    static func isBare(_ string: String) -> Bool {
        let scalars = string.unicodeScalars
        guard let first = scalars.first, scalars.count <= 80, isASCIIAlphanumeric(first) else { return false }
        for scalar in scalars {
            guard isASCIIAlphanumeric(scalar) || "._@:/+-".unicodeScalars.contains(scalar) else { return false }
        }
        if Double(string) != nil || string == "true" || string == "false" || string == "null" { return false }
        return true
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// A string bare when `isBare`, else as a JSON string.
    static func display(_ string: String) -> String {
        isBare(string) ? string : JSONWriter.quoted(string)
    }

    /// A rendered value for people: a JSON string rendering that `isBare` loses its quotes.
    static func display(rendered: String) -> String {
        let utf8 = rendered.utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "\""), utf8.last == UInt8(ascii: "\"") else { return rendered }
        let inner = String(rendered.dropFirst().dropLast())
        guard !inner.contains("\\"), !inner.contains("\""), isBare(inner) else { return rendered }
        return inner
    }

    /// Makes text safe to print on a terminal or in a comment: control
    /// characters (C0, DEL, C1) and bidirectional overrides become `\u{…}`.
    static func safe(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isUnsafe(scalar) {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    // MARK: paths

    /// `field.key`, or `field["odd key"]` for a key that is not a plain name.
    static func child(_ field: String, _ key: String) -> String {
        if isName(key) { return field.isEmpty ? key : field + "." + key }
        return field + "[" + JSONWriter.quoted(key) + "]"
    }

    static func index(_ field: String, _ index: Int) -> String {
        field + "[\(index)]"
    }

    /// `field[00:41:10]`, `field[ben@editors.example]`, `field["Neil Nanda"]`.
    static func keyed(_ field: String, _ key: String) -> String {
        field + "[" + display(key) + "]"
    }

    private static func isName(_ key: String) -> Bool {
        let scalars = key.unicodeScalars
        guard let first = scalars.first, first == "_" || first == "$" || (isASCIIAlphanumeric(first) && !("0"..."9").contains(first))
        else { return false }
        return scalars.allSatisfy { isASCIIAlphanumeric($0) || $0 == "_" || $0 == "$" || $0 == "-" }
    }
}
