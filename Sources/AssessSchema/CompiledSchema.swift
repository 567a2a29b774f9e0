import AssessJSON

/// JSON types as a bit set.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let string = TypeSet(rawValue: 32)
    static let integer = TypeSet(rawValue: 64)

    static func named(_ name: String) -> TypeSet? {
        switch name {
        case "null": return .null
        case "boolean": return .boolean
        case "object": return .object
        case "array": return .array
        case "number": return .number
        case "string": return .string
        case "integer": return .integer
        default: return nil
        }
    }

    func matches(_ node: JSONNode) -> Bool {
        switch node.value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let number):
            if contains(.number) { return true }
            // Decided on the literal (1.0000000000000001 is not an integer, though its Double is).
            return contains(.integer) && isExactInteger(number)
        }
    }
}

/// A condition (`if`) described for people, used in notes on `then` / `else` errors.
struct ConditionNote: Sendable {
    /// e.g. `"status" is "reviewed"`; nil when the condition is not simple enough to describe.
    var whenMatched: String?
    var whenNotMatched: String?
    var ifLocation: String
}

enum KeywordKind: Sendable {
    case type(TypeSet, names: [String])
    case enumeration([JSONNode])
    case const(JSONNode)
    case multipleOf(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minLength(Int)
    case maxLength(Int)
    /// The regex, and an exact byte matcher when the pattern is one of the simple ones.
    case pattern(CompiledRegex, SimplePattern?)
    case format(FormatKind, name: String)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case contains(Int, min: Int, max: Int?, minLocation: String?, maxLocation: String?)
    case minProperties(Int)
    case maxProperties(Int)
    /// The names in schema order, and the same names as a table for the one-pass check.
    case required([String], PropertyTable)
    case dependentRequired([(String, [String])])
    case properties(PropertyTable)
    case patternProperties([(CompiledRegex, Int)])
    case additionalProperties(Int, names: PropertyTable, patterns: [CompiledRegex])
    /// `properties` with `additionalProperties` over the same names and no `patternProperties`,
    /// fused at compile time so that each member's name is looked up once. The two original
    /// keywords are kept for their names and locations in errors.
    case closedProperties(PropertyTable, properties: Keyword, additional: Int, additionalKeyword: Keyword)
    case propertyNames(Int)
    case prefixItems([Int])
    case items(Int, prefixCount: Int)
    case unevaluatedItems(Int)
    case unevaluatedProperties(Int)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?, note: ConditionNote)
    case dependentSchemas([(String, Int)])
    case ref(Int)
    case dynamicRef(Int, anchor: String?)
}

final class Keyword: Sendable {
    let kind: KeywordKind
    /// The keyword as written (`minimum`, `$ref`, ...).
    let name: String
    /// `#/properties/a/minimum`, or `<document>#/...` outside the root document.
    let location: String
    /// The assertion in a form checked without copying (`.general` for the rest).
    let fast: FastAssertion
    /// For an `enum` of strings: the strings as a table; for a simple `pattern`, the pattern
    /// (what `fast` points to).
    private let strings: PropertyTable?
    private let pattern: FastAssertion.PatternBox?

    init(kind: KeywordKind, name: String, location: String) {
        self.kind = kind
        self.name = name
        self.location = location
        strings = FastAssertion.stringTable(kind)
        pattern = FastAssertion.patternBox(kind)
        fast = FastAssertion(kind, strings: strings, pattern: pattern)
    }
}

struct CompiledNode: Sendable {
    /// Set for the boolean schemas `true` and `false`.
    var boolValue: Bool?
    var keywords: [Keyword]
    /// Index of the schema resource the node belongs to (for `$dynamicRef` scopes).
    var resource: Int
    /// Location of the schema itself, like keyword locations.
    var location: String
    /// The node has `unevaluatedItems` / `unevaluatedProperties`, so its subschemas' annotations are collected.
    var hasUnevaluated: Bool
    /// Every keyword is an assertion (no applicator, no reference): the node is checked
    /// without entering it, as the leaves of most schemas are.
    var assertionsOnly: Bool = false

    /// Whether `keyword` only asserts something of the instance, applying no subschema.
    static func isAssertion(_ keyword: Keyword) -> Bool {
        switch keyword.kind {
        case .type, .enumeration, .const, .multipleOf, .minimum, .exclusiveMinimum, .maximum, .exclusiveMaximum,
             .minLength, .maxLength, .pattern, .format, .minItems, .maxItems, .uniqueItems, .minProperties,
             .maxProperties, .required, .dependentRequired:
            return true
        default:
            return false
        }
    }
}

/// What evaluation reads of a node before anything else, in plain memory: reading it touches
/// no reference count.
struct NodeHeader {
    /// -1 for a schema object, 0 for `false`, 1 for `true`.
    var boolValue: Int8
    var assertionsOnly: Bool
    var hasUnevaluated: Bool
    var resource: Int32
    /// The node's keywords: `keywordRefs[keywordStart ..< keywordStart + keywordCount]`.
    var keywordStart: Int32
    var keywordCount: Int32
}

/// A compiled schema: an immutable keyword tree with every reference resolved.
/// Validate any number of instances, from any number of threads.
public final class Schema: @unchecked Sendable {
    let nodes: [CompiledNode]
    /// Per node, its header; and every node's keywords, unretained (`nodes` holds them).
    /// Both are written once here and freed with the schema: immutable in between, so safe
    /// to read from any thread.
    let headers: UnsafeMutableBufferPointer<NodeHeader>
    let keywordRefs: UnsafeMutableBufferPointer<Unmanaged<Keyword>>
    /// Each keyword's `fast` form, beside it: checking one reads no keyword object.
    let fastAssertions: UnsafeMutableBufferPointer<FastAssertion>
    /// Per schema resource: `$dynamicAnchor` name -> node.
    let dynamicAnchors: [[String: Int]]
    let root: Int
    /// The options the schema was compiled with.
    public let options: ValidationOptions
    /// The base URI of the root schema (its `$id`, or the one given to the compiler).
    public let baseURI: String

    /// Whether some `$dynamicRef` looks its anchor up in the dynamic scope; without one,
    /// evaluation does not keep the scope.
    let usesDynamicScope: Bool

    init(nodes: [CompiledNode], dynamicAnchors: [[String: Int]], root: Int, options: ValidationOptions, baseURI: String) {
        self.nodes = nodes.map { node in
            var node = node
            node.assertionsOnly = node.boolValue == nil && !node.hasUnevaluated && node.keywords.allSatisfy(CompiledNode.isAssertion)
            return node
        }
        self.usesDynamicScope = nodes.contains { node in
            node.keywords.contains { keyword in
                if case .dynamicRef(_, let anchor) = keyword.kind { return anchor != nil }
                return false
            }
        }
        self.dynamicAnchors = dynamicAnchors
        self.root = root
        self.options = options
        self.baseURI = baseURI
        let compiled = self.nodes
        headers = .allocate(capacity: max(1, compiled.count))
        assert(_isPOD(FastAssertion.self))
        let keywordCount = compiled.reduce(0) { $0 + $1.keywords.count }
        keywordRefs = .allocate(capacity: max(1, keywordCount))
        fastAssertions = .allocate(capacity: max(1, keywordCount))
        var next = 0
        for (index, node) in compiled.enumerated() {
            headers[index] = NodeHeader(
                boolValue: node.boolValue.map { $0 ? 1 : 0 } ?? -1, assertionsOnly: node.assertionsOnly,
                hasUnevaluated: node.hasUnevaluated, resource: Int32(node.resource), keywordStart: Int32(next),
                keywordCount: Int32(node.keywords.count))
            for keyword in node.keywords {
                keywordRefs[next] = Unmanaged.passUnretained(keyword)
                (fastAssertions.baseAddress! + next).initialize(to: keyword.fast)
                next += 1
            }
        }
    }

    deinit {
        headers.deallocate()
        keywordRefs.deallocate()
        fastAssertions.deallocate()  // a trivial type: nothing to deinitialise
    }

    /// Every reason why `instance` does not conform, in instance document order
    /// (by byte offset), then schema order; identical complaints about one value are
    /// reported once. Empty when the instance is valid.
    public func validate(_ instance: JSONNode) -> [ValidationError] {
        let context = EvaluationContext(schema: self, collecting: true)
        var annotations: Annotations? = nil
        _ = context.evaluate(root, instance, &annotations)
        // A stable sort by offset keeps schema order among errors at one position.
        let sorted = context.errors.enumerated().sorted { a, b in
            a.element.instanceOffset != b.element.instanceOffset
                ? a.element.instanceOffset < b.element.instanceOffset : a.offset < b.offset
        }.map(\.element)
        // The same complaint about the same value through several paths (e.g. every
        // vocabulary meta-schema checks "type") is reported once.
        var seen = Set<String>()
        return sorted.filter { error in
            seen.insert("\(error.instanceOffset)\u{0}\(error.instancePath)\u{0}\(error.keyword)\u{0}\(error.message)").inserted
        }
    }

    /// The node a `$dynamicRef` to `target` reaches: the outermost resource in the dynamic
    /// `scope` with the `anchor`, else `target` itself.
    func resolve(_ target: Int, anchor: String?, scope: [Int]) -> Int {
        guard let anchor else { return target }
        for resource in scope {
            if let candidate = dynamicAnchors[resource][anchor] { return candidate }
        }
        return target
    }

    /// True when `instance` conforms. Faster than `validate`: stops at the first failure
    /// and builds no messages.
    public func isValid(_ instance: JSONNode) -> Bool {
        let context = EvaluationContext(schema: self, collecting: false)
        var annotations: Annotations? = nil
        return context.evaluate(root, instance, &annotations)
    }
}
