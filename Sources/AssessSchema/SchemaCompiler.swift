import AssessJSON

/// Compiles JSON Schema draft 2020-12 documents into `Schema`s.
///
/// ```swift
/// let compiler = SchemaCompiler(resolver: { uri in loadSibling(uri) })
/// let schema = try compiler.compile(root, baseURI: "file:///content/schemas/article.json")
/// let errors = schema.validate(instance)
/// ```
public struct SchemaCompiler: Sendable {
    /// Returns the document at an absolute URI (without fragment), or nil when there is none.
    /// Used for `$ref`s to other documents and for custom meta-schemas; the draft 2020-12
    /// meta-schemas are built in and never asked for. Called only while compiling.
    public typealias Resolver = @Sendable (_ uri: String) -> JSONNode?

    public var options: ValidationOptions
    public var resolver: Resolver?

    public init(options: ValidationOptions = ValidationOptions(), resolver: Resolver? = nil) {
        self.options = options
        self.resolver = resolver
    }

    /// The base URI used when neither the caller nor the schema's `$id` gives one.
    public static let defaultBaseURI = "urn:assess:schema"

    /// Compiles `root` once into an immutable schema.
    /// - Parameter baseURI: the retrieval URI of the document (e.g. a `file:` URL), against
    ///   which its relative `$id`s and `$ref`s resolve.
    public func compile(_ root: JSONNode, baseURI: String? = nil) throws(SchemaCompileError) -> Schema {
        let session = CompileSession(options: options, resolver: resolver)
        do {
            return try session.compileRoot(root, baseURI: baseURI ?? Self.defaultBaseURI)
        } catch let error as SchemaCompileError {
            throw error
        } catch {
            throw SchemaCompileError(
                kind: .invalidSchema(found: "\(error)"), keywordLocation: "#", documentURI: nil, offset: root.offset)
        }
    }

    /// Compiles `root` (shorthand for `SchemaCompiler(options:resolver:).compile(_:baseURI:)`).
    public static func compile(
        _ root: JSONNode, baseURI: String? = nil, options: ValidationOptions = ValidationOptions(),
        resolver: Resolver? = nil
    ) throws(SchemaCompileError) -> Schema {
        try SchemaCompiler(options: options, resolver: resolver).compile(root, baseURI: baseURI)
    }

    /// Same as `validateSchemaDocument(_:)`.
    public static func metaschemaErrors(for schemaDocument: JSONNode) -> [ValidationError] {
        validateSchemaDocument(schemaDocument)
    }

    /// The draft 2020-12 meta-schema, compiled (format is an annotation).
    public static var metaschema: Schema {
        get throws(SchemaCompileError) { try metaschemaResult.get() }
    }

    private static let metaschemaResult: Result<Schema, SchemaCompileError> = {
        do {
            let root = try JSONParser.parse(Draft202012Metaschemas.schema).root
            return .success(try SchemaCompiler().compile(root, baseURI: Draft202012Metaschemas.schemaURI))
        } catch let error as SchemaCompileError {
            return .failure(error)
        } catch {
            return .failure(SchemaCompileError(
                kind: .invalidSchema(found: "unreadable embedded meta-schema"), keywordLocation: "#",
                documentURI: Draft202012Metaschemas.schemaURI, offset: 0))
        }
    }()

    /// Validates a schema document against the draft 2020-12 meta-schema. The errors'
    /// offsets and paths point into `schemaDocument`, so a caller can report
    /// `schema.json:3:12: error: ...`.
    public static func validateSchemaDocument(_ schemaDocument: JSONNode) -> [ValidationError] {
        switch metaschemaResult {
        case .success(let schema):
            // The quick yes/no first: explaining is only for a document that fails.
            return schema.isValid(schemaDocument) ? [] : schema.validate(schemaDocument)
        case .failure(let error):
            return [ValidationError(
                instanceOffset: 0, instancePath: "", keywordLocation: error.keywordLocation, keyword: "$schema",
                message: "the built-in meta-schema failed to compile: \(error.message)")]
        }
    }
}

/// The mutable state of one compilation.
final class CompileSession {
    struct Location: Hashable {
        var doc: Int
        var pointer: String

        // By code points: "/properties/\u{E9}" and "/properties/e\u{301}" are two locations
        // (String's own == and hash would merge them, compiling one subschema for both).
        static func == (a: Location, b: Location) -> Bool { a.doc == b.doc && sameCodePoints(a.pointer, b.pointer) }

        func hash(into hasher: inout Hasher) {
            hasher.combine(doc)
            hasher.combine(ExactString(pointer))
        }
    }

    struct Document {
        var uri: String
        var root: JSONNode
    }

    struct Vocabularies {
        var applicator = true
        var unevaluated = true
        var validation = true
        var formatAssertion = false
        static let all = Vocabularies()
    }

    struct Resource {
        var uri: String
        var location: Location
        var parent: Int?
        var dynamicAnchors: [String: Location] = [:]
        var vocabularies: Vocabularies?
        var used = false
    }

    struct Position {
        var base: String
        var resource: Int
    }

    let options: ValidationOptions
    let resolver: SchemaCompiler.Resolver?
    var documents: [Document] = []
    var documentByURI: [String: Int] = [:]
    var resourceByURI: [String: Int] = [:]
    var resources: [Resource] = []
    /// "<resource index>#<name>" -> (location, created by $dynamicAnchor)
    var anchors: [String: (Location, Bool)] = [:]
    var positions: [Location: Position] = [:]
    var nodes: [CompiledNode?] = []
    var compiled: [Location: Int] = [:]
    /// Keyed by code points, like `Location`: "^\u{E9}$" and "^e\u{301}$" are two patterns.
    var regexCache: [ExactString: CompiledRegex] = [:]
    var compileDepth = 0

    init(options: ValidationOptions, resolver: SchemaCompiler.Resolver?) {
        self.options = options
        self.resolver = resolver
    }

    // MARK: Documents and resources

    /// The embedded meta-schemas, parsed once per process.
    static let embedded: [String: JSONNode] = {
        var map: [String: JSONNode] = [:]
        for (uri, text) in Draft202012Metaschemas.documents {
            if let node = try? JSONParser.parse(text).root { map[uri] = node }
        }
        return map
    }()

    func compileRoot(_ root: JSONNode, baseURI: String) throws -> Schema {
        let base = URIReference.splitFragment(baseURI).base
        let doc = addDocument(uri: base, root: root)
        let rootLocation = Location(doc: doc, pointer: "")
        let rootIndex = try compile(rootLocation)
        // Compile the `$dynamicAnchor`s of every resource that takes part, so that a
        // `$dynamicRef` can jump to any of them at run time.
        var changed = true
        while changed {
            changed = false
            for index in resources.indices where resources[index].used {
                for location in resources[index].dynamicAnchors.values where compiled[location] == nil {
                    _ = try compile(location)
                    changed = true
                }
            }
        }
        let finalNodes = nodes.map { $0! }
        var dynamic: [[String: Int]] = []
        for resource in resources {
            var table: [String: Int] = [:]
            for (name, location) in resource.dynamicAnchors {
                if let index = compiled[location] { table[name] = index }
            }
            dynamic.append(table)
        }
        try checkReferenceCycles(finalNodes)
        let rootBase = positions[rootLocation]?.base ?? base
        return Schema(nodes: finalNodes, dynamicAnchors: dynamic, root: rootIndex, options: options, baseURI: rootBase)
    }

    @discardableResult
    func addDocument(uri: String, root: JSONNode) -> Int {
        let index = documents.count
        documents.append(Document(uri: uri, root: root))
        documentByURI[uri] = index
        register(root, doc: index, tokens: [], base: uri, resource: nil)
        if resourceByURI[uri] == nil, let rootResource = positions[Location(doc: index, pointer: "")]?.resource {
            resourceByURI[uri] = rootResource
        }
        return index
    }

    /// Loads the document at an absolute URI (no fragment) unless it is known; returns its resource.
    func resource(for uri: String) -> Int? {
        if let index = resourceByURI[uri] { return index }
        guard documentByURI[uri] == nil else { return nil }
        var root: JSONNode?
        if let embedded = Self.embedded[uri] {
            root = embedded
        } else if let resolver {
            root = resolver(uri)
        }
        guard let root else { return nil }
        addDocument(uri: uri, root: root)
        return resourceByURI[uri]
    }

    private static let objectOfSchemas: Set<String> = [
        "$defs", "definitions", "properties", "patternProperties", "dependentSchemas", "dependencies",
    ]
    private static let singleSchema: Set<String> = [
        "items", "contains", "additionalProperties", "propertyNames", "if", "then", "else", "not",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    private static let arrayOfSchemas: Set<String> = ["prefixItems", "allOf", "anyOf", "oneOf"]

    /// Walks a document and records its resources (`$id`), anchors and, for each
    /// subschema, its base URI and resource.
    func register(_ node: JSONNode, doc: Int, tokens: [String], base: String, resource: Int?) {
        let location = Location(doc: doc, pointer: JSONPointer(tokens: tokens).description)
        var base = base
        var resource = resource
        guard case .object(let object) = node.value else {
            if case .bool = node.value {
                if resource == nil { resource = newResource(uri: base, location: location, parent: nil) }
                positions[location] = Position(base: base, resource: resource!)
            }
            return
        }
        if case .string(let id)? = object["$id"]?.value {
            let resolved = URIReference.splitFragment(URIReference.resolve(id, against: base)).base
            base = resolved
            resource = newResource(uri: resolved, location: location, parent: resource)
        } else if resource == nil {
            resource = newResource(uri: base, location: location, parent: nil)
        }
        let resourceIndex = resource!
        positions[location] = Position(base: base, resource: resourceIndex)
        if case .string(let name)? = object["$anchor"]?.value {
            anchors["\(resourceIndex)#\(name)"] = (location, false)
        }
        if case .string(let name)? = object["$dynamicAnchor"]?.value {
            anchors["\(resourceIndex)#\(name)"] = (location, true)
            resources[resourceIndex].dynamicAnchors[name] = location
        }
        for member in object.members {
            let key = member.key
            if Self.singleSchema.contains(key) {
                register(member.value, doc: doc, tokens: tokens + [key], base: base, resource: resourceIndex)
            } else if Self.arrayOfSchemas.contains(key), case .array(let items) = member.value.value {
                for (index, item) in items.enumerated() {
                    register(item, doc: doc, tokens: tokens + [key, String(index)], base: base, resource: resourceIndex)
                }
            } else if Self.objectOfSchemas.contains(key), case .object(let children) = member.value.value {
                for child in children.members {
                    register(child.value, doc: doc, tokens: tokens + [key, child.key], base: base, resource: resourceIndex)
                }
            }
        }
    }

    private func newResource(uri: String, location: Location, parent: Int?) -> Int {
        let index = resources.count
        resources.append(Resource(uri: uri, location: location, parent: parent))
        if resourceByURI[uri] == nil { resourceByURI[uri] = index }
        return index
    }

    func value(at location: Location) -> JSONNode? {
        guard let tokens = (try? JSONPointer(parsing: location.pointer))?.tokens else { return nil }
        var node = documents[location.doc].root
        for token in tokens {
            switch node.value {
            case .object(let object):
                // By code points, as JSON Pointer compares tokens (not canonical equivalence).
                guard let child = object.exactMember(token)?.value else { return nil }
                node = child
            case .array(let items):
                guard let index = Int(token), index >= 0, index < items.count,
                      token == String(index) else { return nil }
                node = items[index]
            default:
                return nil
            }
        }
        return node
    }

    /// Base URI and resource of a location; for a location the walk did not visit
    /// (inside an unknown keyword), those of its nearest visited ancestor.
    func position(of location: Location) -> Position {
        if let position = positions[location] { return position }
        var tokens = (try? JSONPointer(parsing: location.pointer))?.tokens ?? []
        while !tokens.isEmpty {
            tokens.removeLast()
            if let position = positions[Location(doc: location.doc, pointer: JSONPointer(tokens: tokens).description)] {
                return position
            }
        }
        return Position(base: documents[location.doc].uri, resource: 0)
    }

    func locationText(_ location: Location) -> String {
        let prefix = location.doc == 0 ? "" : documents[location.doc].uri
        return prefix + "#" + location.pointer
    }

    // MARK: Vocabularies

    static let knownVocabularies: Set<String> = [
        "https://json-schema.org/draft/2020-12/vocab/core",
        "https://json-schema.org/draft/2020-12/vocab/applicator",
        "https://json-schema.org/draft/2020-12/vocab/unevaluated",
        "https://json-schema.org/draft/2020-12/vocab/validation",
        "https://json-schema.org/draft/2020-12/vocab/meta-data",
        "https://json-schema.org/draft/2020-12/vocab/format-annotation",
        "https://json-schema.org/draft/2020-12/vocab/format-assertion",
        "https://json-schema.org/draft/2020-12/vocab/content",
    ]

    func vocabularies(of resourceIndex: Int) throws -> Vocabularies {
        if let known = resources[resourceIndex].vocabularies { return known }
        var result = Vocabularies.all
        let location = resources[resourceIndex].location
        if let rootNode = value(at: location), case .string(let metaschema)? = rootNode["$schema"]?.value {
            let uri = URIReference.splitFragment(
                URIReference.resolve(metaschema, against: position(of: location).base)).base
            if uri != Draft202012Metaschemas.schemaURI, let metaResource = resource(for: uri),
               let metaRoot = value(at: resources[metaResource].location),
               case .object(let declared)? = metaRoot["$vocabulary"]?.value
            {
                var set = Set<String>()
                for member in declared.members {
                    if Self.knownVocabularies.contains(member.key) {
                        set.insert(member.key)
                    } else if member.value.boolValue == true {
                        throw SchemaCompileError(
                            kind: .unsupportedVocabulary(member.key),
                            keywordLocation: locationText(location) + "/$schema",
                            documentURI: location.doc == 0 ? nil : documents[location.doc].uri,
                            offset: rootNode["$schema"]?.offset ?? 0)
                    }
                }
                let prefix = "https://json-schema.org/draft/2020-12/vocab/"
                result.applicator = set.contains(prefix + "applicator")
                result.unevaluated = set.contains(prefix + "unevaluated")
                result.validation = set.contains(prefix + "validation")
                result.formatAssertion = set.contains(prefix + "format-assertion")
            }
        } else if let parent = resources[resourceIndex].parent {
            result = try vocabularies(of: parent)
        }
        resources[resourceIndex].vocabularies = result
        return result
    }

    // MARK: References

    func resolveReference(_ reference: String, base: String, keywordLocation: String, location: Location, offset: Int)
        throws -> (Location, dynamicAnchor: String?)
    {
        let absolute = URIReference.resolve(reference, against: base)
        let (uri, rawFragment) = URIReference.splitFragment(absolute)
        func failure() -> SchemaCompileError {
            SchemaCompileError(
                kind: .unresolvableReference(reference: reference, resolved: absolute),
                keywordLocation: keywordLocation,
                documentURI: location.doc == 0 ? nil : documents[location.doc].uri, offset: offset)
        }
        guard let resourceIndex = resource(for: uri) else { throw failure() }
        let resourceRoot = resources[resourceIndex].location
        let fragment = percentDecoded(rawFragment ?? "")
        if fragment.isEmpty { return (resourceRoot, nil) }
        if fragment.hasPrefix("/") {
            let target = Location(doc: resourceRoot.doc, pointer: resourceRoot.pointer + fragment)
            guard value(at: target) != nil else { throw failure() }
            return (target, nil)
        }
        guard let (target, isDynamic) = anchors["\(resourceIndex)#\(fragment)"] else { throw failure() }
        return (target, isDynamic ? fragment : nil)
    }

    // MARK: Compiling nodes

    func compile(_ location: Location) throws -> Int {
        if let index = compiled[location] { return index }
        guard let node = value(at: location) else {
            throw SchemaCompileError(
                kind: .invalidSchema(found: "nothing"), keywordLocation: locationText(location),
                documentURI: location.doc == 0 ? nil : documents[location.doc].uri, offset: 0)
        }
        compileDepth += 1
        defer { compileDepth -= 1 }
        if compileDepth > 2000 {
            throw SchemaCompileError(
                kind: .invalidSchema(found: "a schema nested too deeply"), keywordLocation: locationText(location),
                documentURI: location.doc == 0 ? nil : documents[location.doc].uri, offset: node.offset)
        }
        let index = nodes.count
        nodes.append(nil)
        compiled[location] = index
        let position = position(of: location)
        resources[position.resource].used = true
        nodes[index] = try build(node, at: location, position: position)
        return index
    }

    private func build(_ node: JSONNode, at location: Location, position: Position) throws -> CompiledNode {
        let nodeLocation = locationText(location)
        switch node.value {
        case .bool(let value):
            return CompiledNode(boolValue: value, keywords: [], resource: position.resource, location: nodeLocation, hasUnevaluated: false)
        case .object(let object):
            let vocabularies = try vocabularies(of: position.resource)
            var builder = NodeBuilder(session: self, object: object, location: location, position: position, vocabularies: vocabularies)
            try builder.build()
            return CompiledNode(
                boolValue: nil, keywords: fusingClosedProperties(builder.keywords) + builder.trailing, resource: position.resource,
                location: nodeLocation, hasUnevaluated: !builder.trailing.isEmpty)
        default:
            throw SchemaCompileError(
                kind: .invalidSchema(found: describeFound(node)), keywordLocation: nodeLocation,
                documentURI: location.doc == 0 ? nil : documents[location.doc].uri, offset: node.offset)
        }
    }

    /// Replaces `properties` and an `additionalProperties` that skips exactly its names (no
    /// `patternProperties`) by one keyword that looks each member's name up once. Which
    /// members pass, and every error, stay as the two keywords would give them.
    private func fusingClosedProperties(_ keywords: [Keyword]) -> [Keyword] {
        var propertiesPosition: Int?
        var additionalPosition: Int?
        for (position, keyword) in keywords.enumerated() {
            switch keyword.kind {
            case .properties: propertiesPosition = position
            case .additionalProperties: additionalPosition = position
            case .patternProperties: return keywords
            default: break
            }
        }
        guard let propertiesPosition, let additionalPosition,
              case .properties(let table) = keywords[propertiesPosition].kind,
              case .additionalProperties(let child, let names, let patterns) = keywords[additionalPosition].kind,
              patterns.isEmpty, names.names.count == table.names.count,
              names.names.allSatisfy({ table.position(of: $0) != nil })
        else { return keywords }
        let properties = keywords[propertiesPosition]
        let additional = keywords[additionalPosition]
        let fused = Keyword(
            kind: .closedProperties(table, properties: properties, additional: child, additionalKeyword: additional),
            name: properties.name, location: properties.location)
        var result = keywords
        result[min(propertiesPosition, additionalPosition)] = fused
        result.remove(at: max(propertiesPosition, additionalPosition))
        return result
    }

    func regex(_ pattern: String, keywordLocation: String, location: Location, offset: Int) throws -> CompiledRegex {
        if let cached = regexCache[ExactString(pattern)] { return cached }
        do {
            let compiled = try CompiledRegex(pattern)
            regexCache[ExactString(pattern)] = compiled
            return compiled
        } catch {
            throw SchemaCompileError(
                kind: .invalidRegex(pattern: pattern, reason: error.reason), keywordLocation: keywordLocation,
                documentURI: location.doc == 0 ? nil : documents[location.doc].uri, offset: offset)
        }
    }

    /// Rejects `$ref` / `allOf` chains that lead back to their start: evaluating them
    /// could never end, whatever the instance.
    func checkReferenceCycles(_ nodes: [CompiledNode]) throws {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        func edges(_ index: Int) -> [(Int, Keyword)] {
            var result: [(Int, Keyword)] = []
            for keyword in nodes[index].keywords {
                switch keyword.kind {
                case .ref(let target): result.append((target, keyword))
                case .allOf(let children): for child in children { result.append((child, keyword)) }
                default: break
                }
            }
            return result
        }
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, edges: [(Int, Keyword)], next: Int)] = [(start, edges(start), 0)]
            state[start] = 1
            while !stack.isEmpty {
                let top = stack.count - 1
                if stack[top].next < stack[top].edges.count {
                    let (target, keyword) = stack[top].edges[stack[top].next]
                    stack[top].next += 1
                    if state[target] == 1 {
                        // Point at the keyword's value in its document.
                        let (uri, pointer) = URIReference.splitFragment(keyword.location)
                        let doc = uri.isEmpty ? 0 : (documentByURI[uri] ?? 0)
                        let offset = value(at: Location(doc: doc, pointer: pointer ?? ""))?.offset ?? 0
                        throw SchemaCompileError(
                            kind: .referenceCycle(keyword.location), keywordLocation: keyword.location,
                            documentURI: doc == 0 ? nil : documents[doc].uri, offset: offset)
                    }
                    if state[target] == 0 {
                        state[target] = 1
                        stack.append((target, edges(target), 0))
                    }
                } else {
                    state[stack[top].node] = 2
                    stack.removeLast()
                }
            }
        }
    }
}

/// Compiles the keywords of one schema object.
struct NodeBuilder {
    let session: CompileSession
    let object: JSONObject
    let location: CompileSession.Location
    let position: CompileSession.Position
    let vocabularies: CompileSession.Vocabularies
    var keywords: [Keyword] = []
    var trailing: [Keyword] = []

    init(session: CompileSession, object: JSONObject, location: CompileSession.Location,
         position: CompileSession.Position, vocabularies: CompileSession.Vocabularies)
    {
        self.session = session
        self.object = object
        self.location = location
        self.position = position
        self.vocabularies = vocabularies
    }

    private var documentURI: String? { location.doc == 0 ? nil : session.documents[location.doc].uri }

    private func keywordLocation(_ key: String) -> String {
        session.locationText(location) + "/" + JSONPointer.escape(key)
    }

    private func invalid(_ member: JSONMember, _ expected: String) -> SchemaCompileError {
        SchemaCompileError(
            kind: .invalidKeywordValue(keyword: member.key, expected: expected),
            keywordLocation: keywordLocation(member.key), documentURI: documentURI, offset: member.value.offset)
    }

    private func child(_ tokens: String...) throws -> Int {
        var pointer = location.pointer
        for token in tokens { pointer += "/" + JSONPointer.escape(token) }
        return try session.compile(CompileSession.Location(doc: location.doc, pointer: pointer))
    }

    private func requireSchema(_ member: JSONMember) throws {
        switch member.value.value {
        case .object, .bool: return
        default: throw invalid(member, "a schema (object or boolean)")
        }
    }

    private func schemaArray(_ member: JSONMember) throws -> [Int] {
        guard case .array(let items) = member.value.value, !items.isEmpty else {
            throw invalid(member, "a non-empty array of schemas")
        }
        var result: [Int] = []
        for (index, item) in items.enumerated() {
            switch item.value {
            case .object, .bool: break
            default: throw invalid(member, "a non-empty array of schemas")
            }
            result.append(try child(member.key, String(index)))
        }
        return result
    }

    private func schemaObject(_ member: JSONMember) throws -> [(String, Int)] {
        guard case .object(let children) = member.value.value else {
            throw invalid(member, "an object whose values are schemas")
        }
        var result: [(String, Int)] = []
        for entry in children.members {
            switch entry.value.value {
            case .object, .bool: break
            default: throw invalid(member, "an object whose values are schemas")
            }
            result.append((entry.key, try child(member.key, entry.key)))
        }
        return result
    }

    private func nonNegativeInteger(_ member: JSONMember) throws -> Int {
        guard case .number(let number) = member.value.value, isExactInteger(number), number.double >= 0 else {
            throw invalid(member, "a non-negative integer")
        }
        return number.double > 1e15 ? Int(1e15) : Int(number.double)
    }

    private func number(_ member: JSONMember) throws -> JSONNumber {
        guard case .number(let number) = member.value.value else { throw invalid(member, "a number") }
        return number
    }

    private func stringArray(_ member: JSONMember) throws -> [String] {
        guard case .array(let items) = member.value.value else { throw invalid(member, "an array of strings") }
        var result: [String] = []
        for item in items {
            guard case .string(let string) = item.value else { throw invalid(member, "an array of strings") }
            result.append(string)
        }
        return result
    }

    private mutating func add(_ kind: KeywordKind, _ key: String) {
        keywords.append(Keyword(kind: kind, name: key, location: keywordLocation(key)))
    }

    mutating func build() throws {
        let applicator = vocabularies.applicator
        let validation = vocabularies.validation
        for member in object.members {
            let key = member.key
            let value = member.value
            switch key {
            case "$ref":
                guard case .string(let reference) = value.value else { throw invalid(member, "a URI reference string") }
                let (target, _) = try session.resolveReference(
                    reference, base: position.base, keywordLocation: keywordLocation(key), location: location,
                    offset: value.offset)
                add(.ref(try session.compile(target)), key)
            case "$dynamicRef":
                guard case .string(let reference) = value.value else { throw invalid(member, "a URI reference string") }
                let (target, anchor) = try session.resolveReference(
                    reference, base: position.base, keywordLocation: keywordLocation(key), location: location,
                    offset: value.offset)
                add(.dynamicRef(try session.compile(target), anchor: anchor), key)

            // Applicator vocabulary
            case "allOf" where applicator: add(.allOf(try schemaArray(member)), key)
            case "anyOf" where applicator: add(.anyOf(try schemaArray(member)), key)
            case "oneOf" where applicator: add(.oneOf(try schemaArray(member)), key)
            case "not" where applicator:
                try requireSchema(member)
                add(.not(try child(key)), key)
            case "if" where applicator:
                try requireSchema(member)
                let condition = try child(key)
                var thenIndex: Int?
                var elseIndex: Int?
                if let thenMember = object.member("then") {
                    try requireSchema(thenMember)
                    thenIndex = try child("then")
                }
                if let elseMember = object.member("else") {
                    try requireSchema(elseMember)
                    elseIndex = try child("else")
                }
                let description = describeCondition(value)
                let note = ConditionNote(
                    whenMatched: description?.matched, whenNotMatched: description?.notMatched,
                    ifLocation: keywordLocation(key))
                // Kept even without then/else: its annotations count for unevaluated*.
                add(.conditional(if: condition, then: thenIndex, else: elseIndex, note: note), key)
            case "dependencies" where applicator && validation:
                // The draft 2019-09 predecessor of dependentRequired / dependentSchemas, still common.
                guard case .object(let dependencies) = value.value else { throw invalid(member, "an object") }
                var required: [(String, [String])] = []
                var schemas: [(String, Int)] = []
                for entry in dependencies.members {
                    switch entry.value.value {
                    case .array:
                        required.append((entry.key, try stringArray(JSONMember(key: key, keyOffset: entry.keyOffset, value: entry.value))))
                    case .object, .bool:
                        schemas.append((entry.key, try child(key, entry.key)))
                    default:
                        throw invalid(member, "an object of string arrays or schemas")
                    }
                }
                if !required.isEmpty { add(.dependentRequired(required), key) }
                if !schemas.isEmpty { add(.dependentSchemas(schemas), key) }
            case "dependentSchemas" where applicator:
                add(.dependentSchemas(try schemaObject(member)), key)
            case "properties" where applicator:
                // Keyed by code points: "é" and "e\u{301}" are two properties.
                add(.properties(PropertyTable(try schemaObject(member))), key)
            case "patternProperties" where applicator:
                var list: [(CompiledRegex, Int)] = []
                for (pattern, index) in try schemaObject(member) {
                    let regex = try session.regex(
                        pattern, keywordLocation: keywordLocation(key) + "/" + JSONPointer.escape(pattern),
                        location: location, offset: member.value.objectValue?.member(pattern)?.keyOffset ?? value.offset)
                    list.append((regex, index))
                }
                add(.patternProperties(list), key)
            case "additionalProperties" where applicator:
                try requireSchema(member)
                let names = PropertyTable(names: object["properties"]?.objectValue?.keys ?? [])
                var patterns: [CompiledRegex] = []
                if let patternObject = object["patternProperties"]?.objectValue {
                    for entry in patternObject.members {
                        patterns.append(try session.regex(
                            entry.key, keywordLocation: keywordLocation("patternProperties") + "/" + JSONPointer.escape(entry.key),
                            location: location, offset: entry.keyOffset))
                    }
                }
                add(.additionalProperties(try child(key), names: names, patterns: patterns), key)
            case "propertyNames" where applicator:
                try requireSchema(member)
                add(.propertyNames(try child(key)), key)
            case "prefixItems" where applicator:
                add(.prefixItems(try schemaArray(member)), key)
            case "items" where applicator:
                try requireSchema(member)
                let prefixCount = object["prefixItems"]?.arrayValue?.count ?? 0
                add(.items(try child(key), prefixCount: prefixCount), key)
            case "contains" where applicator:
                try requireSchema(member)
                var minimum = 1
                var maximum: Int?
                var minLocation: String?
                var maxLocation: String?
                if validation {
                    if let minMember = object.member("minContains") {
                        minimum = try nonNegativeInteger(minMember)
                        minLocation = keywordLocation("minContains")
                    }
                    if let maxMember = object.member("maxContains") {
                        maximum = try nonNegativeInteger(maxMember)
                        maxLocation = keywordLocation("maxContains")
                    }
                }
                add(.contains(try child(key), min: minimum, max: maximum, minLocation: minLocation, maxLocation: maxLocation), key)

            // Unevaluated vocabulary: evaluated after every other keyword of the object.
            case "unevaluatedItems" where vocabularies.unevaluated:
                try requireSchema(member)
                trailing.append(Keyword(kind: .unevaluatedItems(try child(key)), name: key, location: keywordLocation(key)))
            case "unevaluatedProperties" where vocabularies.unevaluated:
                try requireSchema(member)
                trailing.append(Keyword(kind: .unevaluatedProperties(try child(key)), name: key, location: keywordLocation(key)))

            // Validation vocabulary
            case "type" where validation:
                var names: [String]
                switch value.value {
                case .string(let name): names = [name]
                case .array: names = try stringArray(member)
                default: throw invalid(member, "a type name or an array of type names")
                }
                var set = TypeSet()
                for name in names {
                    guard let type = TypeSet.named(name) else {
                        throw invalid(member, "one of null, boolean, object, array, number, string, integer")
                    }
                    set.insert(type)
                }
                add(.type(set, names: names), key)
            case "enum" where validation:
                guard case .array(let items) = value.value else { throw invalid(member, "an array") }
                add(.enumeration(items), key)
            case "const" where validation:
                add(.const(value), key)
            case "multipleOf" where validation:
                let divisor = try number(member)
                guard divisor.double > 0 else { throw invalid(member, "a number greater than 0") }
                add(.multipleOf(divisor), key)
            case "minimum" where validation: add(.minimum(try number(member)), key)
            case "exclusiveMinimum" where validation: add(.exclusiveMinimum(try number(member)), key)
            case "maximum" where validation: add(.maximum(try number(member)), key)
            case "exclusiveMaximum" where validation: add(.exclusiveMaximum(try number(member)), key)
            case "minLength" where validation: add(.minLength(try nonNegativeInteger(member)), key)
            case "maxLength" where validation: add(.maxLength(try nonNegativeInteger(member)), key)
            case "pattern" where validation:
                guard case .string(let pattern) = value.value else { throw invalid(member, "a regular expression string") }
                let regex = try session.regex(pattern, keywordLocation: keywordLocation(key), location: location, offset: value.offset)
                add(.pattern(regex, SimplePattern(pattern)), key)
            case "minItems" where validation: add(.minItems(try nonNegativeInteger(member)), key)
            case "maxItems" where validation: add(.maxItems(try nonNegativeInteger(member)), key)
            case "uniqueItems" where validation:
                guard case .bool(let unique) = value.value else { throw invalid(member, "a boolean") }
                if unique { add(.uniqueItems, key) }
            case "minProperties" where validation: add(.minProperties(try nonNegativeInteger(member)), key)
            case "maxProperties" where validation: add(.maxProperties(try nonNegativeInteger(member)), key)
            case "required" where validation:
                let names = try stringArray(member)
                add(.required(names, PropertyTable(names: names)), key)
            case "dependentRequired" where validation:
                guard case .object(let dependencies) = value.value else { throw invalid(member, "an object of string arrays") }
                var list: [(String, [String])] = []
                for entry in dependencies.members {
                    list.append((entry.key, try stringArray(JSONMember(key: key, keyOffset: entry.keyOffset, value: entry.value))))
                }
                add(.dependentRequired(list), key)
            case "format":
                guard case .string(let name) = value.value else { throw invalid(member, "a string") }
                if session.options.formatAssertion || vocabularies.formatAssertion, let kind = FormatKind(rawValue: name) {
                    add(.format(kind, name: name), key)
                }
            default:
                break
            }
        }
    }
}

/// Describes a simple `if` schema for people: `"status" is "reviewed"`.
func describeCondition(_ schema: JSONNode) -> (matched: String, notMatched: String)? {
    guard case .object(let object) = schema.value else { return nil }
    var matched: [String] = []
    var negated: [String] = []
    if let properties = object["properties"]?.objectValue {
        for member in properties.members {
            if let value = member.value["const"] {
                matched.append("\"\(member.key)\" is \(renderJSON(value))")
                negated.append("\"\(member.key)\" is not \(renderJSON(value))")
            } else if let values = member.value["enum"]?.arrayValue, !values.isEmpty {
                let list = values.map { renderJSON($0) }.joined(separator: ", ")
                if values.count == 1 {
                    matched.append("\"\(member.key)\" is \(list)")
                    negated.append("\"\(member.key)\" is not \(list)")
                } else {
                    matched.append("\"\(member.key)\" is one of \(list)")
                    negated.append("\"\(member.key)\" is not one of \(list)")
                }
            }
        }
    }
    if let required = object["required"]?.arrayValue {
        for item in required {
            guard let name = item.stringValue else { continue }
            if matched.contains(where: { $0.hasPrefix("\"\(name)\" ") }) { continue }
            matched.append("\"\(name)\" is present")
            negated.append("\"\(name)\" is absent")
        }
    }
    if let value = object["const"] {
        matched.append("the value is \(renderJSON(value))")
        negated.append("the value is not \(renderJSON(value))")
    }
    guard !matched.isEmpty else { return nil }
    let positive = matched.joined(separator: " and ")
    let negative = negated.count == 1 ? negated[0] : "not (\(positive))"
    return (positive, negative)
}
