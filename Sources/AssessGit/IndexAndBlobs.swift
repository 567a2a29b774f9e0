import Clibgit2

extension GitRepository {
    /// The repository's index, re-read from disk when it changed there (so it shows what other
    /// git processes wrote). Not forced: libgit2 compares the file's stamp and checksum, and a
    /// forced read would parse and hash the whole file again (twice on the first call, which
    /// opens it too) — for 30,000 entries the largest cost of `assess commit`.
    static func freshIndex(of repository: RepositoryHandle) throws(GitError) -> IndexHandle {
        let index = IndexHandle(try create("open the index", { git_repository_index(&$0, repository.pointer) }), owner: repository)
        try check("read the index", git_index_read(index.pointer, 0))
        return index
    }

    /// The content of `path` (repository-relative) in HEAD's commit; nil when HEAD has no
    /// such file, or on an unborn branch.
    public func blobAtHead(_ path: String) throws(GitError) -> [UInt8]? {
        guard let tree = try Self.headTree(in: handle) else { return nil }
        if let known = try headBlobFromIndex(path, head: tree) {
            guard var id = known else { return nil }
            return try blobContent(&id, describing: "\(path) in HEAD")
        }
        var entryPointer: OpaquePointer?
        let result = git_tree_entry_bypath(&entryPointer, tree.pointer, path)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("find \(path) in HEAD", result)
        guard let entryPointer else { return nil }
        let entry = TreeEntryHandle(entryPointer)
        guard git_tree_entry_type(entry.pointer) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry.pointer) else {
            return nil  // a folder or a submodule
        }
        return try blobContent(id, describing: "\(path) in HEAD")
    }

    /// The staged content of `path` (stage 0 of the index); nil when the index has no such
    /// file (or only conflict stages for it).
    public func blobInIndex(_ path: String) throws(GitError) -> [UInt8]? {
        let index = try Self.freshIndex(of: handle)
        guard let entry = git_index_get_bypath(index.pointer, path, 0) else { return nil }
        guard entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue else { return nil }  // a submodule
        return try withUnsafePointer(to: entry.pointee.id) { id throws(GitError) in
            try blobContent(id, describing: "\(path) in the index")
        }
    }

    /// HEAD's blob for `path`, read from the index when the index's cache tree shows that
    /// `path`'s folder holds the very tree HEAD holds (then HEAD's entries there are the
    /// index's): this spares reading a folder's tree of thousands of entries. Only once a
    /// status has read the index with this repository: reading a large index costs more than
    /// one tree. `.some(nil)` when HEAD has no file there; nil when the index cannot tell.
    func headBlobFromIndex(_ path: String, head: ObjectHandle) throws(GitError) -> git_oid?? {
        guard memo.cachedTrees != nil else { return nil }
        let indexFile = gitDirectory + "/index"
        guard let stamp = FileStamp(indexFile) else { return nil }
        let index = try Self.freshIndex(of: handle)
        guard copiedString(git_index_path(index.pointer)) == indexFile, FileStamp(indexFile) == stamp,
            git_index_has_conflicts(index.pointer) == 0
        else { return nil }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
        guard let cached = cachedTrees(indexFile: indexFile, stamp: stamp).id(of: folder),
            let atHead = try Self.treeID(at: folder.isEmpty ? "" : folder + "/", in: head), sameID(cached, atHead)
        else { return nil }
        guard let entry = git_index_get_bypath(index.pointer, path, 0)?.pointee else { return .some(nil) }
        // Intent-to-add entries are left out of the trees: HEAD's file, if any, is unknown here.
        guard UInt32(entry.flags_extended) & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue == 0 else { return nil }
        guard entry.mode != GIT_FILEMODE_COMMIT.rawValue else { return .some(nil) }  // a submodule
        return .some(entry.id)
    }

    func blobContent(_ id: UnsafePointer<git_oid>, describing what: String) throws(GitError) -> [UInt8] {
        let blob = ObjectHandle(try create("read \(what)", { git_blob_lookup(&$0, handle.pointer, id) }), owner: handle)
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let raw = git_blob_rawcontent(blob.pointer) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Paths of the files staged at stage 0 under `folders` (repository-relative, as in
    /// `status(under:)`; none means all), in index order (sorted by bytes).
    /// Conflicted paths are not listed: check `hasConflicts()` first.
    public func indexPaths(under folders: [String]) throws(GitError) -> [String] {
        var paths: [String] = []
        Self.forEachStagedFile(in: try Self.freshIndex(of: handle), under: folders) { path, _ in paths.append(path) }
        return paths
    }

    /// Calls `body` for every file staged at stage 0 under `folders` (submodules left out), in index order.
    static func forEachStagedFile(
        in index: IndexHandle, under folders: [String], _ body: (String, UnsafePointer<git_index_entry>) -> Void
    ) {
        for position in 0..<git_index_entrycount(index.pointer) {
            guard let entry = git_index_get_byindex(index.pointer, position),
                git_index_entry_stage(entry) == 0,
                entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue,
                let file = copiedString(entry.pointee.path),
                path(file, isUnder: folders)
            else { continue }
            body(file, entry)
        }
    }

    /// True when the index holds unresolved merge conflicts.
    public func hasConflicts() throws(GitError) -> Bool {
        git_index_has_conflicts(try Self.freshIndex(of: handle).pointer) != 0
    }

    /// The paths with unresolved merge conflicts, sorted.
    public func conflictedPaths() throws(GitError) -> [String] {
        try Self.conflictedPaths(in: try Self.freshIndex(of: handle))
    }

    static func conflictedPaths(in index: IndexHandle) throws(GitError) -> [String] {
        guard git_index_has_conflicts(index.pointer) != 0 else { return [] }
        let iterator = ConflictIteratorHandle(
            try create("list conflicts", { git_index_conflict_iterator_new(&$0, index.pointer) }), owner: index)
        var paths: Set<String> = []
        while true {
            var ancestor: UnsafePointer<git_index_entry>?
            var ours: UnsafePointer<git_index_entry>?
            var theirs: UnsafePointer<git_index_entry>?
            let result = git_index_conflict_next(&ancestor, &ours, &theirs, iterator.pointer)
            if result == GIT_ITEROVER.rawValue { break }
            try check("list conflicts", result)
            if let path = copiedString(ours?.pointee.path) ?? copiedString(theirs?.pointee.path) ?? copiedString(ancestor?.pointee.path) {
                paths.insert(path)
            }
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
