import AssessJSON

/// The common assertions in a form without reference-counted payloads (a trivial type), so
/// that checking one copies nothing and schemas keep them in plain memory. `Keyword` keeps the
/// general form (`KeywordKind`) for errors and for every case left out here. A check here
/// answers "holds" or "ask the general form", never "fails": every failure is still decided
/// and explained by the general path.
enum FastAssertion {
    case general
    case type(TypeSet)
    case minimum(Double)
    case exclusiveMinimum(Double)
    case maximum(Double)
    case exclusiveMaximum(Double)
    case minLength(Int)
    case maxLength(Int)
    case minItems(Int)
    case maxItems(Int)
    case minProperties(Int)
    case maxProperties(Int)
    /// The keyword holds the table (in its `KeywordKind`) for as long as it lives.
    case required(Unmanaged<PropertyTable>)
    /// An `enum` of strings only; the keyword holds the table of them.
    case stringEnumeration(Unmanaged<PropertyTable>)
    /// The keyword holds the box for as long as it lives.
    case simplePattern(Unmanaged<PatternBox>)

    /// A simple pattern, held by reference so that `FastAssertion` stays trivial.
    final class PatternBox: Sendable {
        let pattern: SimplePattern
        init(_ pattern: SimplePattern) { self.pattern = pattern }
    }

    init(_ kind: KeywordKind, strings: PropertyTable?, pattern: PatternBox?) {
        switch kind {
        case .type(let types, _): self = .type(types)
        // Doubles decide every comparison but equality (rounding keeps order): equal ones go
        // to the general form, which compares the literals.
        case .minimum(let limit): self = .minimum(limit.double)
        case .exclusiveMinimum(let limit): self = .exclusiveMinimum(limit.double)
        case .maximum(let limit): self = .maximum(limit.double)
        case .exclusiveMaximum(let limit): self = .exclusiveMaximum(limit.double)
        case .minLength(let limit): self = .minLength(limit)
        case .maxLength(let limit): self = .maxLength(limit)
        case .minItems(let limit): self = .minItems(limit)
        case .maxItems(let limit): self = .maxItems(limit)
        case .minProperties(let limit): self = .minProperties(limit)
        case .maxProperties(let limit): self = .maxProperties(limit)
        case .required(_, let table) where table.names.count <= 64:
            self = .required(Unmanaged.passUnretained(table))
        case .enumeration:
            self = strings.map { .stringEnumeration(Unmanaged.passUnretained($0)) } ?? .general
        case .pattern: self = pattern.map { .simplePattern(Unmanaged.passUnretained($0)) } ?? .general
        default: self = .general
        }
    }

    /// The box of a `pattern` that one of the simple matchers checks (nil otherwise).
    static func patternBox(_ kind: KeywordKind) -> PatternBox? {
        guard case .pattern(_, let simple?) = kind else { return nil }
        return PatternBox(simple)
    }

    /// The table of an `enum` whose values are all strings (nil otherwise). Strings are equal
    /// when their code points are, that is when their UTF-8 bytes are: the table's comparison.
    static func stringTable(_ kind: KeywordKind) -> PropertyTable? {
        guard case .enumeration(let values) = kind, !values.isEmpty else { return nil }
        var names: [String] = []
        for value in values {
            guard case .string(let string) = value.value else { return nil }
            names.append(string)
        }
        return PropertyTable(names: names)
    }

    /// `holds(for:)` of a value read where it lies.
    @inline(__always)
    func holds(at instance: UnsafePointer<JSONNode>) -> Bool {
        holds(for: instance.pointee)
    }

    /// True when the assertion holds for `instance`; false means "not decided here".
    @inline(__always)
    func holds(for instance: JSONNode) -> Bool {
        switch self {
        case .general:
            return false
        case .type(let types):
            return types.matches(instance)
        case .minimum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double > limit
        case .exclusiveMinimum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double > limit
        case .maximum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double < limit
        case .exclusiveMaximum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double < limit
        case .minLength(let limit):
            guard case .string(let string) = instance.value else { return true }
            return countCodePoints(string, upTo: limit) >= limit
        case .maxLength(let limit):
            guard case .string(let string) = instance.value else { return true }
            return string.utf8.count <= limit
        case .minItems(let limit):
            guard case .array(let items) = instance.value else { return true }
            return items.count >= limit
        case .maxItems(let limit):
            guard case .array(let items) = instance.value else { return true }
            return items.count <= limit
        case .minProperties(let limit):
            guard case .object(let object) = instance.value else { return true }
            return object.count >= limit
        case .maxProperties(let limit):
            guard case .object(let object) = instance.value else { return true }
            return object.count <= limit
        case .required(let table):
            guard case .object(let object) = instance.value else { return true }
            return table._withUnsafeGuaranteedRef { hasAll($0, object) }
        case .stringEnumeration(let table):
            guard case .string(let string) = instance.value else { return false }
            return table._withUnsafeGuaranteedRef { $0.contains(string) }
        case .simplePattern(let box):
            guard case .string(let string) = instance.value else { return true }
            return box._withUnsafeGuaranteedRef { $0.pattern.matches(string) == true }
        }
    }
}

/// True when `object` has every name of `table` (at most 64), found in one pass over its
/// members (one lookup each) rather than one scan of the members per name.
@inline(__always)
func hasAll(_ table: PropertyTable, _ object: JSONObject) -> Bool {
    let wanted = table.names.count
    guard wanted <= 64, object.members.count >= wanted else { return false }
    if wanted == 0 { return true }
    return object.members.withUnsafeBufferPointer { members in
        var seen: UInt64 = 0
        for index in members.indices {
            if let position = table.position(of: members[index].key) { seen |= 1 << UInt64(position) }
        }
        return seen.nonzeroBitCount == wanted
    }
}
