import AssessGit
import AssessJSON

/// One content file that differs from HEAD, staged or not.
public struct ContentChange: Sendable {
    /// Repository-relative path (the new one for a rename).
    public var path: String
    /// The path before a rename.
    public var oldPath: String?
    public var kind: ContentKind
    /// HEAD to index, and index to work tree, as git status reports them.
    public var staged: Change?
    public var unstaged: Change?
    public var isConflicted: Bool
    /// The assessment's `status` at HEAD and in the work tree (nil when absent or not an assessment).
    public var statusAtHead: String?
    public var statusNow: String?

    /// The file name without `.json`.
    public var stem: String { ContentTarget(path: path, kind: kind).stem }

    /// True when the work tree no longer has the file.
    public var isDeleted: Bool { unstaged == .deleted || (staged == .deleted && unstaged == nil) }

    /// True when HEAD has no version of the file.
    public var isNew: Bool { (staged == .added || (staged == nil && unstaged == .added)) && oldPath == nil }

    /// What happened to the file since HEAD, in one word.
    public var summary: String {
        if isConflicted { return "conflicted" }
        if isDeleted { return "deleted" }
        if isNew { return "new" }
        if oldPath != nil || staged == .renamed || unstaged == .renamed { return "renamed" }
        return "modified"
    }

    /// Where the change sits: staged, unstaged, or partly staged.
    public var stage: String {
        switch (staged, unstaged) {
        case (.some, .none): return "staged"
        case (.none, .some): return "not staged"
        default: return "partly staged"
        }
    }

    /// "draft -> reviewed", "new draft", "reviewed" (unchanged), or nil for other kinds.
    public var statusTransition: String? {
        guard kind == .assessment else { return nil }
        switch (statusAtHead, statusNow) {
        case (nil, let now?): return "new \(now)"
        case (let before?, nil): return isDeleted ? "was \(before)" : nil
        case (let before?, let now?): return before == now ? now : "\(before) -> \(now)"
        default: return nil
        }
    }
}

/// The content files that differ from HEAD.
public enum ContentChanges {
    /// The content folders, repository-relative, in the order changes are listed.
    public static var folders: [String] {
        [ContentKind.assessment, .libraryItem, .perspectiveMap].map { ContentLayout.resourcesPath + "/" + $0.folder }
    }

    public static func collect(_ repository: GitRepository, kinds: Set<ContentKind> = Set(ContentKind.allCases))
        throws(GitError) -> [ContentChange]
    {
        let wanted = folders.filter { folder in kinds.contains { folder.hasSuffix("/" + $0.folder) } }
        let workingTree = WorkingTreeSource(root: repository.workdir)
        var changes: [ContentChange] = []
        for entry in try repository.status(under: wanted) {
            guard let kind = ContentTargets.kind(of: "/" + entry.path) else { continue }
            var change = ContentChange(
                path: entry.path, oldPath: entry.oldPath, kind: kind, staged: entry.staged, unstaged: entry.unstaged,
                isConflicted: entry.isConflicted)
            if kind == .assessment {
                change.statusAtHead = try repository.blobAtHead(entry.oldPath ?? entry.path).flatMap(statusField)
                let now = workingTree.read(repository.workdir + "/" + entry.path, limit: JSONParseOptions.defaultMaxBytes)
                change.statusNow = (try? now.get()).flatMap(statusField)
            }
            changes.append(change)
        }
        let order = Dictionary(uniqueKeysWithValues: [ContentKind.assessment, .libraryItem, .perspectiveMap].enumerated().map { ($1, $0) })
        return changes.sorted { (order[$0.kind] ?? 0, $0.path) < (order[$1.kind] ?? 0, $1.path) }
    }

    /// The `status` field of an assessment's bytes, when they parse.
    static func statusField(_ bytes: [UInt8]) -> String? {
        (try? JSONParser.parse(bytes))?.root["status"]?.stringValue
    }
}

