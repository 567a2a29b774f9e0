import AssessJSON

/// Content files that are not per-item content kinds: the lexicon and the glossary. Each has
/// its own schema in `schemas/` (the repository's copy wins over the built-in one, as for the
/// content kinds) and is checked when a command reads it.
public enum DataFileKind: String, Sendable, CaseIterable {
    case lexicon
    case glossary

    public var schemaFileName: String { "\(rawValue).schema.json" }

    /// The default file, relative to the repository root.
    public var defaultRelativePath: String {
        switch self {
        case .lexicon: return "content/lexicons/perspective.json"
        case .glossary: return "content/glossary.json"
        }
    }
}

extension ContentSchemas {
    /// The compiled schema of a data file: `schemas/<kind>.schema.json`, else the built-in copy.
    public static func dataFileChecker(_ kind: DataFileKind, layout: ContentLayout, displayDirectory: String)
        throws(SchemaLoadError) -> SchemaChecking
    {
        let documents = try SchemaDocuments.repository(layout, displayDirectory: displayDirectory)
        let (document, _) = documents.schema(named: kind.schemaFileName)
        return CompiledSchemaChecker(schema: try documents.compile(document, options: options))
    }
}

/// A data file read, parsed and checked against its schema.
struct CheckedDataFile {
    var path: String
    var display: String
    var bytes: [UInt8]
    var root: JSONNode
}

/// Why a data file (lexicon, glossary) cannot be used.
public enum DataFileError: Error, Sendable, CustomStringConvertible {
    /// The file does not exist.
    case missing(path: String, kind: DataFileKind)
    /// The file cannot be read (permissions, a folder...).
    case unreadable(path: String, message: String)
    /// The file's schema is broken.
    case schema(SchemaLoadError)
    /// The file is not valid: parse, schema or consistency findings.
    case invalid(path: String, diagnostics: [Diagnostic])

    public var description: String {
        switch self {
        case .missing(let path, let kind):
            return "no \(kind.rawValue) at \(path)"
        case .unreadable(let path, let message):
            return "cannot read \(path): \(message)"
        case .schema(let error):
            return error.description
        case .invalid(let path, let diagnostics):
            return "\(path) is not a valid \(diagnostics.isEmpty ? "file" : "file (\(diagnostics.count) findings)")"
        }
    }

    /// The findings to print, when the file itself is at fault.
    public var diagnostics: [Diagnostic] {
        if case .invalid(_, let diagnostics) = self { return diagnostics }
        return []
    }
}

enum DataFileLoader {
    /// Reads `path`, parses it and checks it against its schema and `rules` (consistency checks
    /// no schema can say); every finding is placed at its line and column.
    static func load(
        _ kind: DataFileKind, path: String, layout: ContentLayout, displayDirectory: String,
        rules: (JSONNode) -> [Finding] = { _ in [] }
    ) throws(DataFileError) -> CheckedDataFile {
        let display = PathDisplay.relative(path, to: displayDirectory)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: JSONParseOptions.defaultMaxBytes)
        } catch {
            if error.reason == .notFound { throw .missing(path: display, kind: kind) }
            throw .unreadable(path: display, message: error.message)
        }
        let document: JSONDocument
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            let finding = Finding(at: error.offset, .error, error.message, rule: error.ruleID)
            throw .invalid(path: display, diagnostics: [finding.diagnostic(path: display, source: SourceText(bytes))])
        }
        let checker: SchemaChecking
        do {
            checker = try ContentSchemas.dataFileChecker(kind, layout: layout, displayDirectory: displayDirectory)
        } catch {
            throw .schema(error)
        }
        var findings = checker.findings(for: document.root)
        if findings.isEmpty { findings = rules(document.root) }
        let errors = findings.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let source = SourceText(bytes)
            throw .invalid(path: display, diagnostics: errors.map { $0.diagnostic(path: display, source: source) })
        }
        return CheckedDataFile(path: path, display: display, bytes: bytes, root: document.root)
    }
}
