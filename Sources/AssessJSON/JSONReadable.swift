/// Reading a parsed JSON value, the same over a tree (`JSONNode`) and a tape (`JSONTape.Value`),
/// so that a typed reader is written once for both.
public protocol JSONReadable {
    associatedtype Elements: Sequence where Elements.Element == Self
    associatedtype Members: Sequence where Members.Element == (key: String, value: Self)

    /// Byte offset of the value's first byte in the source.
    var offset: Int { get }
    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    subscript(key: String) -> Self? { get }
    var isObject: Bool { get }
    /// The elements of an array; nil for any other value.
    var elements: Elements? { get }
    /// The members of an object, in order; nil for any other value.
    var members: Members? { get }
    /// Calls `body` with each member of an object, in order: its key's UTF-8 bytes and its value
    /// (no `String` is made of the key). For keys that are ASCII, comparing the bytes finds what
    /// `self[key]` finds (keys are unique).
    func forEachMember(_ body: (UnsafeBufferPointer<UInt8>, Self) -> Void)
    /// `forEachMember` for records of numbers and booleans (a map's slices): each member's value
    /// comes as a `JSONScalar`, read in place; no value is made of it.
    func forEachScalarMember(_ body: (UnsafeBufferPointer<UInt8>, JSONScalar) -> Void)
    /// False only when no string or key in the value has `text` in it: a quick test before a
    /// walk that looks for it (true says nothing).
    func mayContain(_ text: StaticString) -> Bool
    /// Calls `body` with the UTF-8 bytes of a string; nil for any other value.
    func withStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result?
    var stringValue: String? { get }
    var doubleValue: Double? { get }
    /// A number that is an integer and fits in an `Int`.
    var intValue: Int? { get }
    var boolValue: Bool? { get }
    /// The JSON type name, as JSON Schema spells it ("integer" for integral numbers).
    var typeName: String { get }
}

/// A member's value as `forEachScalarMember` gives it: a number or boolean itself; of anything
/// else, only what it is.
public enum JSONScalar: Sendable, Equatable {
    case number(Double)
    case bool(Bool)
    case null
    case string
    case array
    case object

    @inlinable
    public var doubleValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// A number that is an integer and fits in an `Int` (as `JSONNumber.intValue`).
    @inlinable
    public var intValue: Int? { doubleValue.flatMap(JSONNumber.intValue) }

    @inlinable
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes are those of `text` (a key compared in `forEachMember`).
    @inlinable
    public func equals(_ text: StaticString) -> Bool {
        guard count == text.utf8CodeUnitCount, let base = baseAddress else { return count == text.utf8CodeUnitCount }
        let other = text.utf8Start
        for index in 0..<count where base[index] != other[index] { return false }
        return true
    }
}

extension JSONReadable {
    /// The elements of an array, as an array; empty for any other value.
    public var elementList: [Self] { elements.map { Array($0) } ?? [] }
}

extension JSONNode: JSONReadable {
    public var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    public var elements: [JSONNode]? { arrayValue }

    public var members: LazyMapSequence<[JSONMember], (key: String, value: JSONNode)>? {
        objectValue?.members.lazy.map { (key: $0.key, value: $0.value) }
    }

    public func forEachMember(_ body: (UnsafeBufferPointer<UInt8>, JSONNode) -> Void) {
        guard case .object(let object) = value else { return }
        for member in object.members {
            var key = member.key
            key.withUTF8 { body($0, member.value) }
        }
    }

    public func forEachScalarMember(_ body: (UnsafeBufferPointer<UInt8>, JSONScalar) -> Void) {
        forEachMember { key, value in
            let scalar: JSONScalar
            switch value.value {
            case .number(let number): scalar = .number(number.double)
            case .bool(let bool): scalar = .bool(bool)
            case .null: scalar = .null
            case .string: scalar = .string
            case .array: scalar = .array
            case .object: scalar = .object
            }
            body(key, scalar)
        }
    }

    /// A tree keeps no text to search: always true.
    public func mayContain(_ text: StaticString) -> Bool { true }

    public func withStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard case .string(var string) = value else { return nil }
        return string.withUTF8(body)
    }

    public var intValue: Int? { numberValue?.intValue }
}

extension JSONTape.Value: JSONReadable {}
