import AssessJSON
import AssessSchema

/// Why a schema could not be used: exit status 2, with the schema file and place.
public struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var position: SourcePosition?
    public var message: String
    /// Findings of the schema against the draft 2020-12 metaschema, when that is what failed.
    public var diagnostics: [Diagnostic]

    public init(path: String, position: SourcePosition? = nil, message: String, diagnostics: [Diagnostic] = []) {
        self.path = path
        self.position = position
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String {
        var text = path + (position.map { ":\($0.line):\($0.column)" } ?? "") + ": " + message
        for diagnostic in diagnostics.prefix(10) {
            text += "\n  " + diagnostic.path + (diagnostic.position.map { ":\($0.line):\($0.column)" } ?? "")
                + ": " + diagnostic.message
        }
        if diagnostics.count > 10 { text += "\n  ... and \(diagnostics.count - 10) more" }
        return text
    }
}

/// A folder of schema documents, parsed once, served to the compiler by `$id` or by file name.
struct SchemaDocuments: Sendable {
    struct Document: Sendable {
        var uri: String
        var displayPath: String
        var bytes: [UInt8]
        var root: JSONNode
    }

    private(set) var byURI: [String: Document] = [:]
    private var byFileName: [String: Document] = [:]

    /// Parses `bytes` as the schema at `path` and registers it; a parse failure names the file and place.
    @discardableResult
    mutating func add(path: String, displayPath: String, bytes: [UInt8]) throws(SchemaLoadError) -> Document {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes).root
        } catch {
            throw SchemaLoadError(path: displayPath, position: error.position, message: "schema is not valid JSON: \(error.message)")
        }
        let fileURI = "file://" + path
        // An absolute `$id` names the document too (relative ones are rare; the file name still finds them).
        let id = root["$id"]?.stringValue.map(Self.stripFragment).flatMap { $0.contains(":") ? $0 : nil }
        let document = Document(uri: id ?? fileURI, displayPath: displayPath, bytes: bytes, root: root)
        byURI[fileURI] = document
        if let id { byURI[id] = document }
        byFileName[String(path.split(separator: "/").last ?? "")] = document
        return document
    }

    /// The document for a URI: by full URI, else by its last path segment among the folder's files.
    func resolve(_ uri: String) -> JSONNode? {
        let base = Self.stripFragment(uri)
        if let document = byURI[base] { return document.root }
        if let name = base.split(separator: "/").last, let document = byFileName[String(name)] { return document.root }
        return nil
    }

    static func stripFragment(_ uri: String) -> String {
        guard let hash = uri.firstIndex(of: "#") else { return uri }
        return String(uri[..<hash])
    }

    /// The display path and source of the document a compile error points into.
    /// The repository's own schema file `name` (not a built-in copy), if it has one.
    func ownDocument(named name: String) -> Document? {
        guard let document = byFileName[name], !document.displayPath.hasPrefix(Self.builtInDisplayPrefix) else { return nil }
        return document
    }

    /// How built-in copies are named in messages.
    static let builtInDisplayPrefix = "(built-in) "

    func document(for uri: String?) -> Document? {
        guard let uri else { return nil }
        return byURI[Self.stripFragment(uri)]
    }

    /// The built-in schemas' bytes. A document with the same bytes as one of them needs no
    /// metaschema check: the built-in copies are checked by the tests.
    private static let builtInBytes: [[UInt8]] = EmbeddedSchemas.files.flatMap { file in
        // The files in schemas/ end with a newline that the built-in text leaves out.
        [Array(file.text.utf8), Array((file.text + "\n").utf8)]
    }

    /// Compiles `document`, checking it against the 2020-12 metaschema first (unless it is a
    /// built-in copy, byte for byte).
    func compile(_ document: Document, options: ValidationOptions) throws(SchemaLoadError) -> Schema {
        let builtIn = document.displayPath.hasPrefix(Self.builtInDisplayPrefix) || Self.builtInBytes.contains(document.bytes)
        let metaErrors = builtIn ? [] : SchemaCompiler.metaschemaErrors(for: document.root)
        if !metaErrors.isEmpty {
            let source = SourceText(document.bytes)
            let diagnostics = metaErrors.map {
                SchemaFindings.finding($0).diagnostic(path: document.displayPath, source: source)
            }
            throw SchemaLoadError(
                path: document.displayPath, position: diagnostics.first?.position,
                message: "not a valid draft 2020-12 schema", diagnostics: diagnostics)
        }
        let documents = self
        do {
            return try SchemaCompiler.compile(
                document.root, baseURI: document.uri, options: options, resolver: { documents.resolve($0) })
        } catch {
            let holder = documents.document(for: error.documentURI) ?? document
            throw SchemaLoadError(
                path: holder.displayPath, position: SourceText(holder.bytes).position(of: error.offset),
                message: "schema error: \(error.message) (at \(error.keywordLocation))")
        }
    }
}

/// Turns validator errors into findings: rule `schema/<keyword>`, with the suggestion in the message.
enum SchemaFindings {
    /// Findings for all errors, with the missing properties of one object gathered into one finding.
    static func findings(_ errors: [ValidationError]) -> [Finding] {
        var result: [Finding] = []
        var missing: [String] = []
        for error in errors {
            if error.keyword == "required", let last = result.last, last.ruleID == "schema/required",
                last.offset == error.instanceOffset, last.notes == error.notes, let name = error.expected
            {
                missing.append(name)
                result[result.count - 1].message = "missing required properties " + missing.joined(separator: ", ")
                result[result.count - 1].expected = missing.joined(separator: ", ")
                continue
            }
            missing = error.keyword == "required" ? [error.expected ?? ""] : []
            result.append(finding(error))
        }
        return result
    }

    static func finding(_ error: ValidationError) -> Finding {
        var message = error.message
        if let suggestion = error.suggestion { message += " (\(suggestion))" }
        return Finding(
            at: error.instanceOffset, .error, message, rule: "schema/\(error.keyword)",
            pointer: error.instancePath.isEmpty ? "/" : error.instancePath, expected: error.expected,
            found: error.found, notes: error.notes)
    }
}

/// A compiled schema as a content check.
struct CompiledSchemaChecker: SchemaChecking {
    let schema: Schema

    func findings(for root: JSONNode) -> [Finding] {
        // Most files are valid: the quick check builds no messages; only the few that fail pay for them.
        if schema.isValid(root) { return [] }
        return SchemaFindings.findings(schema.validate(root))
    }

    func findings(for root: JSONTape.Value) -> [Finding] {
        if schema.isValid(root) { return [] }
        // The messages come from the tree, built only for a value that fails.
        return SchemaFindings.findings(schema.validate(root.node))
    }
}
