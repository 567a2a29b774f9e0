import AssessJSON

/// Compact JSON for messages, cut to about `limit` characters.
func renderJSON(_ node: JSONNode, limit: Int = 60) -> String {
    var out = ""
    appendJSON(node, to: &out, limit: limit)
    if out.count > limit {
        out = String(out.prefix(limit - 1)) + "…"
    }
    return out
}

private func appendJSON(_ node: JSONNode, to out: inout String, limit: Int) {
    if out.count > limit { return }
    switch node.value {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .number(let number): out += number.literal
    case .string(let string): out += quoteJSON(string, limit: limit)
    case .array(let items):
        out += "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            appendJSON(item, to: &out, limit: limit)
            if out.count > limit { return }
        }
        out += "]"
    case .object(let object):
        out += "{"
        for (index, member) in object.members.enumerated() {
            if index > 0 { out += ", " }
            out += quoteJSON(member.key, limit: limit) + ": "
            appendJSON(member.value, to: &out, limit: limit)
            if out.count > limit { return }
        }
        out += "}"
    }
}

/// A JSON string literal for `string` (escaped; long strings are cut).
func quoteJSON(_ string: String, limit: Int = 200) -> String {
    var out = "\""
    var count = 0
    for scalar in string.unicodeScalars {
        count += 1
        if count > limit {
            out += "…"
            break
        }
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// "number 3", "string \"abc\"", "boolean true", "null", "object", "array".
func describeFound(_ node: JSONNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let value): return "boolean \(value)"
    case .number(let number): return "number \(number.literal)"
    case .string: return "string \(renderJSON(node))"
    case .array(let items): return items.isEmpty ? "an empty array" : "array"
    case .object(let object): return object.isEmpty ? "an empty object" : "object"
    }
}

/// The value as a subject of a sentence: `"abc"`, `3`, or `the object` / `the array`.
func subject(_ node: JSONNode) -> String {
    switch node.value {
    case .object: return "the object"
    case .array: return "the array"
    default: return renderJSON(node)
    }
}

func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), case-insensitive.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased().unicodeScalars)
    let y = Array(b.lowercased().unicodeScalars)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previousPrevious = [Int](repeating: 0, count: y.count + 1)
    var previous = Array(0...y.count)
    var current = [Int](repeating: 0, count: y.count + 1)
    for i in 1...x.count {
        current[0] = i
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                current[j] = min(current[j], previousPrevious[j - 2] + 1)
            }
        }
        previousPrevious = previous
        previous = current
    }
    return previous[y.count]
}

/// The candidate closest to `name`, when it is close enough to be a likely typo.
func nearestName(to name: String, in candidates: [String]) -> String? {
    let length = name.unicodeScalars.count
    let threshold = length <= 3 ? 1 : (length <= 6 ? 2 : 3)
    var best: (String, Int)?
    for candidate in candidates where candidate != name {
        let distance = editDistance(name, candidate)
        guard distance <= threshold, distance < max(length, candidate.unicodeScalars.count) else { continue }
        if best == nil || distance < best!.1 { best = (candidate, distance) }
    }
    return best?.0
}
