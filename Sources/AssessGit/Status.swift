import Clibgit2

/// How one side of a file's status changed it.
public enum Change: Sendable, Equatable, Hashable {
    case added
    case modified
    case deleted
    case renamed
    case typeChanged
}

/// One changed file, as `git status` would show it.
public struct StatusEntry: Sendable, Equatable {
    /// Repository-relative path (the new one for a rename).
    public var path: String
    /// The path before a rename.
    public var oldPath: String?
    /// HEAD to index (what a commit would record); nil when unchanged.
    public var staged: Change?
    /// Index to work tree (not yet added); `.added` is an untracked file.
    public var unstaged: Change?
    /// An unresolved merge conflict.
    public var isConflicted: Bool

    public init(path: String, oldPath: String? = nil, staged: Change? = nil, unstaged: Change? = nil, isConflicted: Bool = false) {
        self.path = path
        self.oldPath = oldPath
        self.staged = staged
        self.unstaged = unstaged
        self.isConflicted = isConflicted
    }

    /// Not in HEAD nor in the index.
    public var isUntracked: Bool {
        staged == nil && unstaged == .added && !isConflicted
    }
}

extension GitRepository {
    /// Changed, staged and untracked files inside `folders` (repository-relative, like
    /// "content/resources/transcript-assessments"), sorted by path. A folder matches only
    /// itself and what is under it ("x-old/" never matches "x"); no folders means the whole
    /// work tree. Ignored files are left out; renames are detected on both sides.
    ///
    /// By default the work tree is scanned first, on all cores, for the paths that may have
    /// changed (see `WorkTreeScan`), and libgit2 then reports on those paths alone; when the
    /// scan is unsure (conflicts, an unborn branch, a nested repository...) or finds many
    /// paths, libgit2 examines everything, as it does when `exhaustive` is true. Both give
    /// the same entries (and the same errors: a failing quick status gives way too).
    public func status(under folders: [String], exhaustive: Bool = false) throws(GitError) -> [StatusEntry] {
        let pathspecs = Self.folderPathspecs(folders)
        if !exhaustive, let entries = try? quickStatus(under: pathspecs) { return entries }
        return try statusEntries(pathspecs, of: Self.describe(pathspecs))
    }

    /// The options of every status that reports entries: both sides, untracked files one by
    /// one, renames on both sides, pathspecs taken literally.
    static let statusFlags: UInt32 =
        GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX.rawValue | GIT_STATUS_OPT_RENAMES_INDEX_TO_WORKDIR.rawValue
        | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue

    /// libgit2's status of `pathspecs` (literal paths or "folder/" prefixes; none for
    /// everything) as entries sorted by path, both sides unless `show` says otherwise;
    /// `what` names them in an error.
    func statusEntries(_ pathspecs: [String], show: git_status_show_t = GIT_STATUS_SHOW_INDEX_AND_WORKDIR, of what: String)
        throws(GitError) -> [StatusEntry]
    {
        guard let list = try statusList(pathspecs, show: show, flags: Self.statusFlags, of: what)
        else { return [] }
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list.pointer) {
            guard let entry = git_status_byindex(list.pointer, index)?.pointee else { continue }
            if let converted = StatusEntry(entry) { entries.append(converted) }
        }
        return entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    func statusList(_ pathspecs: [String], show: git_status_show_t, flags: UInt32, of what: String) throws(GitError)
        -> StatusListHandle?
    {
        var options = git_status_options()
        try check("prepare status", git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
        options.show = show
        options.flags = flags
        var pointer: OpaquePointer?
        let result = withStringArray(pathspecs) { array in
            options.pathspec = array
            return git_status_list_new(&pointer, handle.pointer, &options)
        }
        try check("read the status of \(what)", result)
        return pointer.map { StatusListHandle($0, owner: handle) }
    }

    static func describe(_ pathspecs: [String]) -> String {
        pathspecs.isEmpty ? "the work tree" : pathspecs.joined(separator: ", ")
    }

    /// "a/b" and "a/b/" become "a/b/"; "" and "." mean the whole work tree (no pathspec).
    static func folderPathspecs(_ folders: [String]) -> [String] {
        var specs: [String] = []
        for folder in folders {
            var trimmed = folder
            while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
            while trimmed.hasSuffix("/") { trimmed.removeLast() }
            if trimmed.isEmpty || trimmed == "." { return [] }
            specs.append(trimmed + "/")
        }
        return specs
    }

    /// Whether a repository-relative `path` lies under one of `folders` (none: everywhere).
    static func path(_ path: String, isUnder folders: [String]) -> Bool {
        let specs = folderPathspecs(folders)
        return specs.isEmpty || specs.contains { path.hasPrefix($0) }
    }
}

extension StatusEntry {
    /// Copies one libgit2 status entry; nil for entries with nothing to report.
    init?(_ entry: git_status_entry) {
        let flags = entry.status.rawValue
        func has(_ flag: git_status_t) -> Bool { flags & flag.rawValue != 0 }
        let headToIndex = entry.head_to_index?.pointee
        let indexToWorkdir = entry.index_to_workdir?.pointee
        guard
            let path = copiedString(indexToWorkdir?.new_file.path) ?? copiedString(headToIndex?.new_file.path)
                ?? copiedString(indexToWorkdir?.old_file.path) ?? copiedString(headToIndex?.old_file.path)
        else { return nil }

        var staged: Change?
        if has(GIT_STATUS_INDEX_NEW) { staged = .added }
        if has(GIT_STATUS_INDEX_MODIFIED) { staged = .modified }
        if has(GIT_STATUS_INDEX_DELETED) { staged = .deleted }
        if has(GIT_STATUS_INDEX_TYPECHANGE) { staged = .typeChanged }
        if has(GIT_STATUS_INDEX_RENAMED) { staged = .renamed }

        var unstaged: Change?
        if has(GIT_STATUS_WT_NEW) { unstaged = .added }
        if has(GIT_STATUS_WT_MODIFIED) || has(GIT_STATUS_WT_UNREADABLE) { unstaged = .modified }
        if has(GIT_STATUS_WT_DELETED) { unstaged = .deleted }
        if has(GIT_STATUS_WT_TYPECHANGE) { unstaged = .typeChanged }
        if has(GIT_STATUS_WT_RENAMED) { unstaged = .renamed }

        let conflicted = has(GIT_STATUS_CONFLICTED)
        guard staged != nil || unstaged != nil || conflicted else { return nil }

        // The oldest name: HEAD's for a staged rename, else the index's for an unstaged one.
        var oldPath: String?
        if staged == .renamed { oldPath = copiedString(headToIndex?.old_file.path) }
        if oldPath == nil, unstaged == .renamed { oldPath = copiedString(indexToWorkdir?.old_file.path) }
        if oldPath == path { oldPath = nil }

        self.init(path: path, oldPath: oldPath, staged: staged, unstaged: unstaged, isConflicted: conflicted)
    }
}
