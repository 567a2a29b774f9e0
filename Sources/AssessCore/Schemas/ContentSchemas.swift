import AssessJSON
import AssessSchema

/// The three content schemas, compiled once per run and shared by every file and thread.
///
/// The repository's own `schemas/` win; a repository without them gets the copies built into the binary.
public struct ContentSchemas: Sendable {
    private let checkers: [ContentKind: CompiledSchemaChecker]
    /// Where each kind's schema came from (a path, or "built-in").
    public let sources: [ContentKind: String]

    public func checker(for kind: ContentKind) -> SchemaChecking {
        guard let checker = checkers[kind] else { preconditionFailure("no schema compiled for \(kind)") }
        return checker
    }

    /// Content schemas assert `format` (dates, emails...): a malformed date is an error, not a remark.
    public static let options = ValidationOptions(formatAssertion: true)

    public static func load(_ layout: ContentLayout, displayDirectory: String) throws(SchemaLoadError) -> ContentSchemas {
        let documents = try SchemaDocuments.repository(layout, displayDirectory: displayDirectory)
        var checkers: [ContentKind: CompiledSchemaChecker] = [:]
        var sources: [ContentKind: String] = [:]
        for kind in ContentKind.allCases {
            let (document, source) = documents.schema(named: kind.schemaFileName)
            sources[kind] = source
            checkers[kind] = CompiledSchemaChecker(schema: try documents.compile(document, options: options))
        }
        return ContentSchemas(checkers: checkers, sources: sources)
    }
}

extension SchemaDocuments {
    /// The built-in schemas, then the repository's own `schemas/*.json` over them (by `$id` and
    /// file name): the repository's copies win.
    static func repository(_ layout: ContentLayout, displayDirectory: String) throws(SchemaLoadError) -> SchemaDocuments {
        var documents = SchemaDocuments()
        for file in EmbeddedSchemas.files {
            try documents.add(
                path: builtInFolder + "/" + file.name, displayPath: builtInDisplayPrefix + file.name, bytes: Array(file.text.utf8))
        }
        for name in FileSystem.list(layout.schemas) where name.hasSuffix(".json") {
            let path = layout.schemas + "/" + name
            let display = PathDisplay.relative(path, to: displayDirectory)
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, limit: JSONParseOptions.defaultMaxBytes)
            } catch {
                throw SchemaLoadError(path: display, message: error.message)
            }
            try documents.add(path: path, displayPath: display, bytes: bytes)
        }
        return documents
    }

    static let builtInFolder = "/built-in/schemas"

    /// The schema file `name`: the repository's own when it has one, else the built-in copy;
    /// with where it came from (its path as shown, or "built-in").
    func schema(named name: String) -> (Document, String) {
        if let own = ownDocument(named: name) { return (own, own.displayPath) }
        guard let builtIn = document(for: "file://" + Self.builtInFolder + "/" + name) else {
            preconditionFailure("built-in schema \(name) missing")
        }
        return (builtIn, "built-in")
    }
}
