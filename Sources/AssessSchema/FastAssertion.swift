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
    /// A `const` number of at most 16 characters, as written: a number written the same way is
    /// the same number.
    case numberLiteral(SmallString.Packed)
    /// `uniqueItems: true`: an array of strings, no two with the same bytes, holds.
    case uniqueStrings
    /// An asserted `format`, checked on the string's bytes.
    case format(FormatKind)

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
        case .const(let value):
            if let strings {
                self = .stringEnumeration(Unmanaged.passUnretained(strings))
            } else if case .number(let number) = value.value, let packed = Self.pack(number.literal) {
                self = .numberLiteral(packed)
            } else {
                self = .general
            }
        case .uniqueItems: self = .uniqueStrings
        case .format(let format, _): self = .format(format)
        case .pattern: self = pattern.map { .simplePattern(Unmanaged.passUnretained($0)) } ?? .general
        default: self = .general
        }
    }

    /// The box of a `pattern` that one of the simple matchers checks (nil otherwise).
    static func patternBox(_ kind: KeywordKind) -> PatternBox? {
        guard case .pattern(_, let simple?) = kind else { return nil }
        return PatternBox(simple)
    }

    /// A literal of at most 16 bytes, packed as `SmallString.Packed`.
    static func pack(_ literal: String) -> SmallString.Packed? {
        var literal = literal
        return literal.withUTF8 { $0.count <= 16 ? JSONTapeReader.pack($0) : nil }
    }

    /// The table of an `enum` whose values are all strings, or of a `const` string (nil otherwise).
    /// Strings are equal when their code points are, that is when their UTF-8 bytes are: the
    /// table's comparison.
    static func stringTable(_ kind: KeywordKind) -> PropertyTable? {
        if case .const(let value) = kind, case .string(let string) = value.value { return PropertyTable(names: [string]) }
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
            return number.double > limit || (number.double == limit && isExactlyInteger(limit) && isPlainInteger(number.literal))
        case .exclusiveMinimum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double > limit
        case .maximum(let limit):
            guard case .number(let number) = instance.value else { return true }
            return number.double < limit || (number.double == limit && isExactlyInteger(limit) && isPlainInteger(number.literal))
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
        case .numberLiteral(let packed):
            guard case .number(let number) = instance.value else { return false }
            return Self.pack(number.literal) == packed
        case .format(let format):
            guard case .string(let string) = instance.value else { return true }
            return format.isValid(string)
        case .uniqueStrings:
            guard case .array(let items) = instance.value else { return true }
            return distinctStrings(count: items.count) { index in
                if case .string = items[index].value { return true }
                return false
            } same: { first, second in
                guard case .string(let a) = items[first].value, case .string(let b) = items[second].value else { return false }
                return a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
            }
        }
    }
}

/// True for an integral limit that a `Double` holds exactly, with room to spare (below 10^15).
@inline(__always)
func isExactlyInteger(_ limit: Double) -> Bool {
    limit == limit.rounded(.towardZero) && abs(limit) < 1e15
}

/// True for a number written as an optional '-' and at most 15 digits: its `Double` is its
/// exact value, so a `Double` equal to an exact limit means the number equals it.
@inline(__always)
func isPlainInteger(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
    let digits = literal.first == UInt8(ascii: "-") ? literal.count - 1 : literal.count
    guard digits > 0, digits <= 15 else { return false }
    for byte in literal.dropFirst(literal.count - digits) where byte &- 0x30 >= 10 { return false }
    return true
}

@inline(__always)
func isPlainInteger(_ literal: String) -> Bool {
    var literal = literal
    return literal.withUTF8 { isPlainInteger($0) }
}

/// True when `count` values are all strings (`isString`) and no two are the same (`same`, asked
/// only of two strings). Arrays over 32 items are left to the general form.
@inline(__always)
func distinctStrings(count: Int, isString: (Int) -> Bool, same: (Int, Int) -> Bool) -> Bool {
    guard count <= 32 else { return false }
    for second in 0..<count {
        guard isString(second) else { return false }
        for first in 0..<second where same(first, second) { return false }
    }
    return true
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
