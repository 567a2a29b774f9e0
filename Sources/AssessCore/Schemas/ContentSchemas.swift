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
        var documents = SchemaDocuments()
        // The built-in copies first, so that the repository's own files replace them by $id and name.
        for file in EmbeddedSchemas.files {
            try documents.add(path: "/built-in/schemas/" + file.name, displayPath: "(built-in) " + file.name, bytes: Array(file.text.utf8))
        }
        var chosen: [ContentKind: SchemaDocuments.Document] = [:]
        var sources: [ContentKind: String] = [:]
        for name in FileSystem.list(layout.schemas) where name.hasSuffix(".json") {
            let path = layout.schemas + "/" + name
            let display = PathDisplay.relative(path, to: displayDirectory)
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(path, limit: JSONParseOptions.defaultMaxBytes)
            } catch {
                throw SchemaLoadError(path: display, message: error.message)
            }
            let document = try documents.add(path: path, displayPath: display, bytes: bytes)
            if let kind = ContentKind.allCases.first(where: { $0.schemaFileName == name }) {
                chosen[kind] = document
                sources[kind] = display
            }
        }
        var checkers: [ContentKind: CompiledSchemaChecker] = [:]
        for kind in ContentKind.allCases {
            let document: SchemaDocuments.Document
            if let own = chosen[kind] {
                document = own
            } else {
                guard let builtIn = documents.document(for: "file:///built-in/schemas/" + kind.schemaFileName) else {
                    preconditionFailure("built-in schema \(kind.schemaFileName) missing")
                }
                document = builtIn
                sources[kind] = "built-in"
            }
            checkers[kind] = CompiledSchemaChecker(schema: try documents.compile(document, options: options))
        }
        return ContentSchemas(checkers: checkers, sources: sources)
    }
}
