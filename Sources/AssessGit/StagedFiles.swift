import Clibgit2

/// A file as the index stages it.
public struct StagedEntry: Sendable, Equatable {
    /// Repository-relative path.
    public var path: String
    /// True when the staged content differs from HEAD's (or HEAD has no such file).
    public var differsFromHead: Bool
}

extension GitRepository {
    /// Opens the index a commit would be built from: `indexFile` when given (hooks get it as
    /// `GIT_INDEX_FILE`; relative paths are taken from the work tree, as git does for hooks),
    /// else the repository's own, re-read from disk.
    private func stagingIndex(_ indexFile: String?) throws(GitError) -> IndexHandle {
        guard let indexFile, !indexFile.isEmpty else { return try Self.freshIndex(of: handle) }
        let path = indexFile.hasPrefix("/") ? indexFile : workdir + "/" + indexFile
        guard pathExists(path) else {
            throw GitError(operation: "open the index \(path)", code: .notFound, libgitMessage: "no such file")
        }
        return IndexHandle(try create("open the index \(path)", { git_index_open(&$0, path) }), owner: handle)
    }

    /// Staged files (stage 0) under `folders`, and whether each differs from HEAD.
    public func stagedEntries(under folders: [String], indexFile: String? = nil) throws(GitError) -> [StagedEntry] {
        let index = try stagingIndex(indexFile)
        let tree = try Self.headTree(in: handle)
        var entries: [StagedEntry] = []
        Self.forEachStagedFile(in: index, under: folders) { path, entry in
            var differs = true
            if let tree {
                var treeEntry: OpaquePointer?
                if git_tree_entry_bypath(&treeEntry, tree.pointer, path) == 0, let treeEntry {
                    let owned = TreeEntryHandle(treeEntry)
                    if let id = git_tree_entry_id(owned.pointer) {
                        differs = withUnsafePointer(to: entry.pointee.id) { git_oid_equal($0, id) } == 0
                    }
                }
            }
            entries.append(StagedEntry(path: path, differsFromHead: differs))
        }
        return entries
    }

    /// The staged content of `paths`; paths the index does not hold are left out.
    public func stagedBlobs(_ paths: [String], indexFile: String? = nil) throws(GitError) -> [String: [UInt8]] {
        let index = try stagingIndex(indexFile)
        var blobs: [String: [UInt8]] = [:]
        for path in paths {
            guard let entry = git_index_get_bypath(index.pointer, path, 0),
                entry.pointee.mode != GIT_FILEMODE_COMMIT.rawValue
            else { continue }
            blobs[path] = try withUnsafePointer(to: entry.pointee.id) { id throws(GitError) in
                try blobContent(id, describing: "\(path) in the index")
            }
        }
        return blobs
    }
}
