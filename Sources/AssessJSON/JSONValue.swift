/// A parsed JSON value and where it starts in its source.
///
/// Positions are byte offsets into the UTF-8 source; `SourceText` turns them
/// into 1-based lines and columns only when a diagnostic needs one, so that
/// parsing a clean file pays nothing for positions it never reports.
public struct JSONNode: Sendable {
    public var value: JSONValue
    /// Byte offset of the value's first byte in the source (0 for values built in code).
    public var offset: Int

    public init(_ value: JSONValue, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }
}

public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)
}

/// A JSON number, kept as written so that nothing is lost to binary floating point.
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number as it appears in the source (or a canonical spelling for numbers built in code).
    public var literal: String
    /// The nearest `Double`. Always finite: the parser refuses numbers out of range.
    public var double: Double

    public init(literal: String, double: Double) {
        self.literal = literal
        self.double = double
    }

    public init(_ value: Double) {
        self.double = value
        if value == value.rounded(), abs(value) < 1e15 {
            self.literal = String(Int64(value))
        } else {
            self.literal = "\(value)"
        }
    }

    public init(_ value: Int) {
        self.double = Double(value)
        self.literal = String(value)
    }

    /// True when the value is mathematically an integer (1.0 counts, as JSON Schema says).
    public var isInteger: Bool { Self.isInteger(double) }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? { Self.intValue(double) }

    @inlinable
    static func isInteger(_ double: Double) -> Bool { double == double.rounded(.towardZero) }

    @inlinable
    static func intValue(_ double: Double) -> Int? {
        guard isInteger(double), double >= -9.2e18, double <= 9.2e18 else { return nil }
        return Int(double)
    }

    public var description: String { literal }
}

/// One `"key": value` member of an object, with the position of its key.
public struct JSONMember: Sendable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode

    public init(key: String, keyOffset: Int = 0, value: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}

extension JSONMember {
    private static let keyStorageOffset = MemoryLayout<JSONMember>.offset(of: \JSONMember.key)!

    /// The stored words of the key of the member at `member`, read without copying the key
    /// (for `SmallString.isASCII` and comparison with `SmallString.asciiBits`).
    @inline(__always)
    static func keyBits(_ member: UnsafePointer<JSONMember>) -> SmallString.Bits {
        UnsafeRawPointer(member).load(fromByteOffset: keyStorageOffset, as: SmallString.Bits.self)
    }
}

/// A JSON object: members in source order. Keys are unique (the parser refuses duplicates).
public struct JSONObject: Sendable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }

    public func member(_ key: String) -> JSONMember? {
        memberIndex(key).map { members[$0] }
    }

    public subscript(key: String) -> JSONNode? {
        memberIndex(key).map { members[$0].value }
    }

    /// The position of the first member whose key is `key` (`==`: canonically equivalent).
    func memberIndex(_ key: String) -> Int? {
        if let ascii = SmallString.asciiBits(key) {
            // A short ASCII key equals another short ASCII key exactly when their bits do;
            // any other key is compared as below.
            let length = key.utf8.count
            return members.withUnsafeBufferPointer { buffer -> Int? in
                guard let base = buffer.baseAddress else { return nil }
                for index in buffer.indices {
                    let bits = JSONMember.keyBits(base + index)
                    if bits == ascii { return index }
                    if SmallString.isASCII(bits) { continue }
                    if buffer[index].key.utf8.count == length && buffer[index].key == key { return index }
                }
                return nil
            }
        }
        // Lengths first: most keys differ in length, and comparing those is free.
        let length = key.utf8.count
        for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
            return index
        }
        return nil
    }


    /// Sets a member, replacing the value of an existing key in place or appending a new one.
    public mutating func set(_ key: String, _ value: JSONNode) {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(JSONMember(key: key, value: value))
        }
    }
}

// MARK: - Convenience accessors

extension JSONNode {
    public subscript(key: String) -> JSONNode? {
        if case .object(let object) = value { return object[key] }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = value { return object }
        return nil
    }

    public var arrayValue: [JSONNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    public var stringValue: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    public var numberValue: JSONNumber? {
        if case .number(let number) = value { return number }
        return nil
    }

    public var doubleValue: Double? { numberValue?.double }

    public var boolValue: Bool? {
        if case .bool(let bool) = value { return bool }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The JSON type name, as JSON Schema spells it ("integer" for integral numbers).
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return number.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

// MARK: - Building values in code

extension JSONNode: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self.init(.string(value)) }
    public init(integerLiteral value: Int) { self.init(.number(JSONNumber(value))) }
    public init(floatLiteral value: Double) { self.init(.number(JSONNumber(value))) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(arrayLiteral elements: JSONNode...) { self.init(.array(elements)) }
    public init(dictionaryLiteral elements: (String, JSONNode)...) {
        self.init(.object(JSONObject(elements.map { JSONMember(key: $0.0, value: $0.1) })))
    }
    public init(nilLiteral: ()) { self.init(.null) }
}

// MARK: - Equality as JSON Schema defines it

extension JSONNode {
    /// Structural equality ignoring positions and member order; numbers compare by value (1 == 1.0).
    public func jsonEquals(_ other: JSONNode) -> Bool {
        switch (value, other.value) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.double == b.double
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !x.jsonEquals(y) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for member in a.members {
                guard let otherValue = b[member.key], member.value.jsonEquals(otherValue) else { return false }
            }
            return true
        default: return false
        }
    }
}
