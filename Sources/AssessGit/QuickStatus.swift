import Clibgit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GitRepository {
    /// `status(under:)` from the paths that may have changed: those whose work-tree side may
    /// differ from the index (`WorkTreeScan`, from a listing of the folders made on other
    /// threads while libgit2 reads the index) and those whose index entry differs from HEAD's
    /// (`stagedCandidates`). libgit2's full status of those paths alone gives the entries: a
    /// path outside both lists has no entry in the exhaustive status, and renames pair only
    /// paths of the lists (deleted, modified, added and untracked files).
    ///
    /// nil when the exhaustive status must answer: an unborn branch, conflicts, a
    /// case-insensitive index, anything the scans do not model, many paths to examine (the
    /// exhaustive status is then as fast), or an index rewritten while this ran.
    func quickStatus(under pathspecs: [String]) throws(GitError) -> [StatusEntry]? {
        guard let plan = try quickStatusPlan(under: pathspecs) else { return nil }
        // Nothing staged: the HEAD-to-index side has no entry for any path, and libgit2 need
        // not read HEAD's trees.
        let show = plan.hasStaged ? GIT_STATUS_SHOW_INDEX_AND_WORKDIR : GIT_STATUS_SHOW_WORKDIR_ONLY
        let entries = plan.paths.isEmpty ? [] : try statusEntries(Array(plan.paths), show: show, of: Self.describe(pathspecs))
        guard FileStamp(plan.indexFile) == plan.indexStamp else { return nil }
        return entries
    }

    /// What the quick status hands to libgit2, and the index it was planned from.
    struct QuickStatusPlan {
        /// The paths that may have changed, on either side.
        var paths: Set<String>
        /// Whether some of them may differ between HEAD and the index.
        var hasStaged: Bool
        var indexFile: String
        var indexStamp: FileStamp
    }

    /// The paths the quick status examines, or nil when the exhaustive status must answer.
    func quickStatusPlan(under pathspecs: [String]) throws(GitError) -> QuickStatusPlan? {
        guard git_repository_head_unborn(handle.pointer) == 0 else { return nil }
        let folders = WorkTreeScan.outermost(pathspecs)
        // Where libgit2 keeps the index; checked against its own answer below.
        let indexFile = gitDirectory + "/index"
        guard let before = FileStamp(indexFile) else { return nil }
        let listing = WorkTreeListing(workdir: workdir, folders: folders)
        // The listing only reads the work tree, but must not outlive this call.
        defer { _ = listing.wait() }

        let index = IndexHandle(try create("open the index", { git_repository_index(&$0, handle.pointer) }), owner: handle)
        try check("read the index", git_index_read(index.pointer, 0))
        // The stamp libgit2 read the index by (the racily-clean test needs its mtime).
        guard copiedString(git_index_path(index.pointer)) == indexFile, let stamp = FileStamp(indexFile), stamp == before,
            git_index_has_conflicts(index.pointer) == 0,
            git_index_caps(index.pointer) & Int32(GIT_INDEX_CAPABILITY_IGNORE_CASE.rawValue) == 0,
            let tracked = TrackedFiles(index.pointer, under: folders),
            let staged = try stagedCandidates(tracked, under: folders, cached: cachedTrees(indexFile: indexFile, stamp: stamp))
        else { return nil }
        guard let directories = listing.wait() else { return nil }
        let scan = WorkTreeScan(directories, tracked: tracked, indexModified: stamp.modified)
        guard scan.isComplete else { return nil }
        // libgit2 may re-read the index from here on: nothing in `tracked` is used again.

        var paths = Set(scan.candidates)
        paths.formUnion(staged)
        guard paths.count <= Self.quickStatusLimit(trackedCount: tracked.count), paths.allSatisfy(Self.isLiteralPathspec)
        else { return nil }
        return QuickStatusPlan(paths: paths, hasStaged: !staged.isEmpty, indexFile: indexFile, indexStamp: stamp)
    }

    /// The most paths the quick status hands to libgit2: past a quarter of the tracked files
    /// (or a thousand), examining everything costs about as much.
    static func quickStatusLimit(trackedCount: Int) -> Int {
        min(1_000, max(64, trackedCount / 4))
    }

    /// Whether libgit2 takes `path` as itself in a literal pathspec. It still parses every
    /// pathspec as a pattern (and uses that parse for folders), so names with pattern or
    /// control characters are left to the exhaustive status.
    static func isLiteralPathspec(_ path: String) -> Bool {
        let special = Set("\\*?[]!#".utf8)
        return !path.utf8.contains { $0 < 0x20 || special.contains($0) } && path.utf8.last != UInt8(ascii: " ")
    }

    /// The paths under `folders` whose index entry differs from HEAD's: another blob or mode,
    /// only in HEAD, or only in the index. libgit2's HEAD-to-index status reports no other
    /// path. A folder whose tree in the index's cache tree is HEAD's has none; elsewhere HEAD's
    /// trees are walked in their order, which is the index's byte order, alongside the tracked
    /// files. nil when HEAD's trees are out of order or a path is not valid UTF-8.
    func stagedCandidates(_ tracked: TrackedFiles, under folders: [String], cached: CachedTrees) throws(GitError)
        -> [String]?
    {
        guard let head = try Self.headTree(in: handle) else { return nil }
        var matched = [Bool](repeating: false, count: tracked.count)
        var paths: [String] = []
        for folder in folders {
            var prefix = Array(folder.utf8CString.dropLast())
            // No tree there in HEAD: the folder's tracked files stay unmatched (added).
            guard var id = try Self.treeID(at: folder, in: head) else { continue }
            if let cachedID = cached.id(of: folder), sameID(cachedID, id) {
                for position in tracked.range(under: prefix) { matched[position] = true }
                continue
            }
            let tree =
                folder.isEmpty
                ? head : ObjectHandle(try create("read \(folder) in HEAD", { git_tree_lookup(&$0, handle.pointer, &id) }), owner: handle)
            guard try compareTree(tree.pointer, prefix: &prefix, tracked, &matched, &paths) else { return nil }
        }
        for position in 0..<tracked.count where !matched[position] {
            guard let path = exactString(tracked.path(position)) else { return nil }
            paths.append(path)
        }
        return paths
    }

    /// The id of the tree at `folder` ("a/b/"; "" for the root) in `head`; nil when there is
    /// none (nothing there, or a file). Only the trees above the folder are read.
    static func treeID(at folder: String, in head: ObjectHandle) throws(GitError) -> git_oid? {
        if folder.isEmpty { return git_tree_id(head.pointer)?.pointee }
        var entryPointer: OpaquePointer?
        let result = git_tree_entry_bypath(&entryPointer, head.pointer, String(folder.dropLast()))
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("find \(folder) in HEAD", result)
        guard let entryPointer else { return nil }
        let entry = TreeEntryHandle(entryPointer)
        guard git_tree_entry_type(entry.pointer) == GIT_OBJECT_TREE else { return nil }
        return git_tree_entry_id(entry.pointer)?.pointee
    }

    /// Compares HEAD's `tree`, the folder `prefix` ("a/b/"), with the tracked files under it;
    /// marks the tracked files it holds in `matched` and adds the differing paths to `paths`.
    /// False when unsure.
    private func compareTree(
        _ tree: OpaquePointer, prefix: inout [CChar], _ tracked: TrackedFiles, _ matched: inout [Bool], _ paths: inout [String]
    ) throws(GitError) -> Bool {
        let count = git_tree_entrycount(tree)
        var files: [OpaquePointer] = []
        var subtrees: [OpaquePointer] = []
        files.reserveCapacity(count)
        for position in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, position) else { return false }
            if git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE { subtrees.append(entry) } else { files.append(entry) }
        }
        // Files of one tree sort by name bytes; check it rather than trust it.
        for position in files.indices.dropFirst()
        where strcmp(git_tree_entry_name(files[position - 1]), git_tree_entry_name(files[position])) >= 0 {
            return false
        }
        var complete = true
        tracked.merge(tracked.range(under: prefix), skip: prefix.count, names: files.count, name: { git_tree_entry_name(files[$0]) }) {
            index, position in
            let entry = files[index]
            if let position {
                matched[position] = true
                let staged = tracked.entries[position]
                if git_tree_entry_filemode(entry).rawValue == staged.pointee.mode,
                    withUnsafePointer(to: staged.pointee.id, { git_oid_equal(git_tree_entry_id(entry), $0) }) != 0
                {
                    return
                }
            }
            guard let path = TrackedFiles.joined(prefix, git_tree_entry_name(entry)) else {
                complete = false
                return
            }
            paths.append(path)
        }
        guard complete else { return false }
        for entry in subtrees {
            let name = git_tree_entry_name(entry)!
            let subtree = ObjectHandle(
                try create("read a tree of HEAD", { git_tree_lookup(&$0, handle.pointer, git_tree_entry_id(entry)) }), owner: handle)
            let length = prefix.count
            prefix += Array(UnsafeBufferPointer(start: name, count: strlen(name))) + [CChar(UInt8(ascii: "/"))]
            defer { prefix.removeSubrange(length...) }
            guard try compareTree(subtree.pointer, prefix: &prefix, tracked, &matched, &paths) else { return false }
        }
        return true
    }
}
