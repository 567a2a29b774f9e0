import AssessJSON

/// The data files a repository's content relies on besides the items: the lexicons
/// (`content/lexicons/*.json`) and the glossary, each against its own schema.
public enum DataFileValidation {
    /// Reports for the data files that exist, in a stable order (lexicons by name, then the glossary).
    public static func reports(layout: ContentLayout, displayDirectory: String) throws(SchemaLoadError) -> [FileReport] {
        let lexiconFolder = layout.root + "/content/lexicons"
        var jobs: [(kind: DataFileKind, path: String)] = FileSystem.list(lexiconFolder)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { (.lexicon, lexiconFolder + "/" + $0) }
        let glossary = layout.root + "/" + DataFileKind.glossary.defaultRelativePath
        if FileSystem.exists(glossary) { jobs.append((.glossary, glossary)) }
        var checkers: [DataFileKind: SchemaChecking] = [:]
        var reports: [FileReport] = []
        for job in jobs {
            if checkers[job.kind] == nil {
                checkers[job.kind] = try ContentSchemas.dataFileChecker(job.kind, layout: layout, displayDirectory: displayDirectory)
            }
            guard let checker = checkers[job.kind] else { continue }
            reports.append(
                SchemaFileValidation.check(
                    PathDisplay.relative(job.path, to: displayDirectory), checker: checker,
                    currentDirectory: displayDirectory, maxBytes: JSONParseOptions.defaultMaxBytes))
        }
        return reports
    }
}
