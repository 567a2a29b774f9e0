import AssessGit
import AssessJSON

/// Why `assess commit` will not commit: nothing has changed when it says so.
public enum CommitPlanError: Error, Sendable, CustomStringConvertible {
    case invalidArgument(String)
    case outsideContentFolders(String)
    case nothingToCommit(String)
    case invalid(ValidationSummary)
    case git(GitError)

    public var description: String {
        switch self {
        case .invalidArgument(let text): return text
        case .outsideContentFolders(let path):
            let folders = ContentKind.allCases.map(\.folder).joined(separator: ", ")
            return "\(path) is outside the content folders (\(ContentLayout.resourcesPath)/{\(folders)}); commit other files with git"
        case .nothingToCommit(let what): return "nothing to commit: \(what)"
        case .invalid(let summary):
            return "refusing to commit: \(ValidationOutput.plural(summary.errorCount, "error")) in the files to commit (see above); fix them and run assess commit again"
        case .git(let error): return error.description
        }
    }
}

/// What `assess commit` will record: the paths, their validation, and the message.
public struct CommitPlan: Sendable {
    /// Repository-relative paths: written files are committed as they are, missing ones as deletions.
    public var paths: [String]
    public var changes: [ContentChange]
    public var validation: ValidationSummary
    public var message: String

    /// Resolves the arguments (slugs or content paths; none means every changed assessment),
    /// validates what would be committed, and writes the message unless one is given.
    public static func make(
        arguments: [String], message: String?, workspace: Workspace, repository: GitRepository,
        schemas: ContentSchemas, today: String
    ) throws(CommitPlanError) -> CommitPlan {
        let layout = workspace.layout
        let allChanges: [ContentChange]
        do { allChanges = try ContentChanges.collect(repository) } catch { throw .git(error) }
        var selected: [ContentChange] = []
        func select(_ change: ContentChange) {
            if !selected.contains(where: { $0.path == change.path }) { selected.append(change) }
        }
        if arguments.isEmpty {
            allChanges.filter { $0.kind == .assessment }.forEach(select)
            if selected.isEmpty { throw .nothingToCommit("no assessment differs from HEAD") }
        }
        for argument in arguments {
            let absolute = PathDisplay.absolute(argument, from: workspace.currentDirectory)
            // A slug never holds "/" or "."; an existing file that is no slug (README, LICENSE) is a path too,
            // so `assess commit README.md` says the file is outside the content folders, not that it is a bad slug.
            if argument.contains("/") || argument.contains(".") || ((try? Slug(argument)) == nil && FileSystem.exists(absolute)) {
                guard absolute.hasPrefix(layout.root + "/"), ContentTargets.kind(of: absolute) != nil else {
                    throw .outsideContentFolders(argument)
                }
                let relative = String(absolute.dropFirst(layout.root.count + 1))
                guard let change = allChanges.first(where: { $0.path == relative || $0.oldPath == relative }) else {
                    throw .nothingToCommit("\(argument) does not differ from HEAD")
                }
                select(change)
            } else {
                let slug: Slug
                do { slug = try Slug(argument) } catch { throw .invalidArgument(error.description) }
                let mine = allChanges.filter { change in
                    change.stem == slug.rawValue
                        || change.oldPath.map { ContentTarget(path: $0, kind: change.kind).stem } == slug.rawValue
                }
                guard !mine.isEmpty else {
                    throw .nothingToCommit("no assessment, library item or perspective map of \"\(slug)\" differs from HEAD")
                }
                mine.forEach(select)
            }
        }
        if let conflicted = selected.first(where: \.isConflicted) {
            throw .invalidArgument("\(conflicted.path) has an unresolved conflict; resolve it with git first")
        }

        var paths: [String] = []
        for change in selected {
            if let old = change.oldPath, !paths.contains(old) { paths.append(old) }
            if !paths.contains(change.path) { paths.append(change.path) }
        }

        let targets = selected.filter { !$0.isDeleted }.map { ContentTarget(path: layout.root + "/" + $0.path, kind: $0.kind) }
        let validator = ContentValidator(
            layout: layout, schemas: schemas, options: .init(today: today, displayDirectory: workspace.currentDirectory))
        let validation = validator.validate(targets)
        if validation.errorCount > 0 { throw .invalid(validation) }

        let text = message ?? CommitMessage.generate(for: selected, layout: layout)
        return CommitPlan(paths: paths, changes: selected, validation: validation, message: text)
    }
}

/// The message `assess commit` writes when none is given: a summary line naming the
/// slugs and their status transitions, a line per file, then trailers.
public enum CommitMessage {
    public static func generate(for changes: [ContentChange], layout: ContentLayout) -> String {
        let source = WorkingTreeSource(root: layout.root)
        let assessments = changes.filter { $0.kind == .assessment }
        let described = changes.map { change -> (slug: String, what: String) in
            let what: String
            if change.kind == .assessment {
                if change.isDeleted {
                    what = "deleted"
                } else if let now = change.statusNow, change.statusAtHead == now {
                    what = "update (\(now))"
                } else {
                    what = change.statusTransition ?? change.summary
                }
            } else {
                what = "\(change.kind == .libraryItem ? "library item" : "perspective map") \(change.summary)"
            }
            return (change.stem, what)
        }
        let bySlug = Dictionary(grouping: described, by: \.slug)
        let slugs = described.map(\.slug).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }

        // The first candidate that fits git's 72 columns; never a word cut in half.
        let candidates: [String]
        if slugs.count == 1, let slug = slugs.first {
            let what = bySlug[slug]?.map(\.what).joined(separator: ", ") ?? ""
            candidates = ["Assess \(slug): \(what)", "\(slug): \(what)", "Assess \(slug)"]
        } else {
            candidates = ["Assess \(slugs.count) episodes: " + slugs.joined(separator: ", "), "Assess \(slugs.count) episodes"]
        }
        let summary = candidates.first { $0.count <= 72 } ?? candidates[candidates.count - 1]

        var lines = [summary, ""]
        for item in described { lines.append("- \(item.slug): \(item.what)") }

        var trailers: [String] = []
        func add(_ trailer: String) { if !trailers.contains(trailer) { trailers.append(trailer) } }
        for change in assessments where !change.isDeleted {
            guard let bytes = try? source.read(layout.root + "/" + change.path, limit: JSONParseOptions.defaultMaxBytes).get(),
                let root = try? JSONParser.parse(bytes).root
            else { continue }
            if let name = root["assessor"]?["name"]?.stringValue, let email = root["assessor"]?["email"]?.stringValue {
                add("Assessed-by: \(name) <\(email)>")
            }
            for reviewer in root["reviewers"]?.arrayValue ?? [] {
                if let name = reviewer["name"]?.stringValue, let email = reviewer["email"]?.stringValue {
                    add("Reviewed-by: \(name) <\(email)>")
                }
            }
            if let scorer = root["machineReview"]?["scorer"]?.stringValue { add("Machine-scorer: \(scorer)") }
        }
        if !trailers.isEmpty {
            lines.append("")
            lines.append(contentsOf: trailers.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func order(_ trailer: String) -> Int {
        if trailer.hasPrefix("Assessed-by") { return 0 }
        if trailer.hasPrefix("Reviewed-by") { return 1 }
        return 2
    }
}
