/// Reading a parsed JSON value, the same over a tree (`JSONNode`) and a tape (`JSONTape.Value`),
/// so that a typed reader is written once for both.
public protocol JSONReadable {
    associatedtype Elements: Sequence where Elements.Element == Self

    /// Byte offset of the value's first byte in the source.
    var offset: Int { get }
    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    subscript(key: String) -> Self? { get }
    var isObject: Bool { get }
    /// The elements of an array; nil for any other value.
    var elements: Elements? { get }
    var stringValue: String? { get }
    var doubleValue: Double? { get }
    /// A number that is an integer and fits in an `Int`.
    var intValue: Int? { get }
    var boolValue: Bool? { get }
    /// The JSON type name, as JSON Schema spells it ("integer" for integral numbers).
    var typeName: String { get }
}

extension JSONNode: JSONReadable {
    public var isObject: Bool {
        if case .object = value { return true }
        return false
    }

    public var elements: [JSONNode]? { arrayValue }

    public var intValue: Int? { numberValue?.intValue }
}

extension JSONTape.Value: JSONReadable {}
