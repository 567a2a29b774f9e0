import Clibgit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GitRepository {
    /// Commits the given files alone, as `git commit -- PATHS` does: whatever else is staged
    /// stays staged and out of the commit.
    ///
    /// Each path (repository-relative) is committed as the work tree holds it now: its content
    /// when the file exists (clean filters such as autocrlf applied), its deletion when it does
    /// not. The commit is built in a temporary index in the git directory, which `beforeCommit`
    /// receives already written (run the pre-commit hook with `GIT_INDEX_FILE` set to it; what
    /// the hook stages there is committed, as with git). If `beforeCommit` throws, its error
    /// is rethrown and nothing has changed. `finalMessage` then gets the cleaned message and
    /// returns the one to record (the commit-msg hook runs there); throwing stops the commit
    /// just the same. The temporary index is removed in every case.
    ///
    /// Afterwards the real index is updated for these paths alone (re-read from disk just
    /// before), so they show as unchanged while everything else the user staged stays staged.
    ///
    /// Hooks, `commit.gpgsign` and external filters (git-lfs) are not applied here: the caller
    /// runs hooks through `beforeCommit` and should refuse or warn when `signsCommits` is true.
    ///
    /// - Throws: `GitCommitError` (refusals change nothing; `indexNotUpdated` means the commit
    ///   exists but the index still holds the old staged state for `paths`), or what
    ///   `beforeCommit` throws.
    public func commit(
        paths: [String], message: String, author: GitIdentity, committer: GitIdentity,
        beforeCommit: (_ temporaryIndexPath: String) throws -> Void,
        finalMessage: ((_ message: String) throws -> String)? = nil
    ) throws -> CommitInfo {
        do {
            return try commitSteps(
                paths: paths, message: message, author: author, committer: committer, beforeCommit: beforeCommit,
                finalMessage: finalMessage)
        } catch let failure as BeforeCommitFailure {
            throw failure.underlying
        } catch let error as GitError {
            throw GitCommitError.git(error)
        }
    }

    private func commitSteps(
        paths: [String], message: String, author: GitIdentity, committer: GitIdentity,
        beforeCommit: (_ temporaryIndexPath: String) throws -> Void,
        finalMessage: ((_ message: String) throws -> String)?
    ) throws -> CommitInfo {
        try checkCanCommit()
        let paths = try validatedCommitPaths(paths)
        var message = try prettifyMessage(message, stripComments: false)
        guard !message.isEmpty else { throw GitCommitError.emptyMessage }

        // A second handle on the same repository: its in-memory index becomes HEAD plus `paths`
        // and is never written back to `.git/index`, so this handle's own index stays untouched.
        let session = try openSession()
        let parent = try Self.headCommitObject(in: session)
        // The session's index is the temporary file itself: filled in memory, then written once.
        let temporary = try TemporaryIndexFile(in: gitDirectory, for: session)
        let staging = try stagingIndex(temporary.index, parent: parent, paths: paths)
        if try Self.matchesHead(staging, parent: parent, paths: paths) { throw GitCommitError.nothingToCommit }
        try temporary.write()

        do {
            try beforeCommit(temporary.path)
            if let finalMessage {
                // The commit-msg hook's turn: it may rewrite the message, or refuse it.
                message = try finalMessage(message)
            }
        } catch {
            throw BeforeCommitFailure(underlying: error)
        }
        message = try prettifyMessage(message, stripComments: false)
        guard !message.isEmpty else { throw GitCommitError.emptyMessage }

        var treeID = try temporary.writeTree(to: session)
        if let parent, let parentTree = git_commit_tree_id(parent.pointer), git_oid_equal(parentTree, &treeID) != 0 {
            throw GitCommitError.nothingToCommit
        }
        if parent == nil, git_index_entrycount(temporary.index.pointer) == 0 { throw GitCommitError.nothingToCommit }

        let commit = try createCommit(
            in: session, tree: treeID, parent: parent, message: message, author: author, committer: committer)
        do throws(GitError) {
            try updateIndex(paths: paths, from: temporary)
        } catch {
            throw GitCommitError.indexNotUpdated(commit: commit, paths: paths, error)
        }
        return commit
    }

    /// The refusals that come before any work.
    private func checkCanCommit() throws(GitCommitError) {
        if git_repository_is_bare(handle.pointer) == 1 { throw .bare }
        let state = state()
        if state != .clean { throw .inProgress(state) }
        let sparse: Bool
        do throws(GitError) { sparse = try sparseCheckoutEnabled() } catch { throw .git(error) }
        if sparse { throw .sparseCheckout }
        if isIndexLocked { throw .indexLocked(path: indexLockPath) }
        let conflicts: [String]
        do throws(GitError) { conflicts = try conflictedPaths() } catch { throw .git(error) }
        if !conflicts.isEmpty { throw .conflicts(conflicts) }
    }

    /// Plain repository-relative file paths, without duplicates; never through a symbolic link.
    private func validatedCommitPaths(_ paths: [String]) throws(GitCommitError) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for path in paths {
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            let plain = components.allSatisfy { $0 != "" && $0 != "." && $0 != ".." && $0.lowercased() != ".git" }
            guard plain, !path.utf8.contains(0) else { throw .pathOutsideRepository(path) }
            var folder = workdir
            for component in components.dropLast() {
                folder += "/" + component
                if isSymbolicLink(folder) { throw .pathBeyondSymlink(path) }
            }
            if isDirectory(workdir + "/" + path) {
                throw .git(GitError(operation: "commit \(path)", code: .other(-1), libgitMessage: "it is a folder, not a file"))
            }
            if seen.insert(path).inserted { result.append(path) }
        }
        return result
    }

    private func openSession() throws(GitError) -> RepositoryHandle {
        RepositoryHandle(
            try create("open the repository at \(workdir)", {
                git_repository_open_ext(&$0, workdir, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil)
            }))
    }

    /// The session's index, holding HEAD's tree (nothing on an unborn branch) plus `paths`
    /// as the work tree has them.
    private func stagingIndex(_ index: IndexHandle, parent: ObjectHandle?, paths: [String]) throws(GitError)
        -> IndexHandle
    {
        if let parent {
            let tree = ObjectHandle(try create("read the HEAD tree", { git_commit_tree(&$0, parent.pointer) }), owner: parent)
            try check("load the HEAD tree into a temporary index", git_index_read_tree(index.pointer, tree.pointer))
        } else {
            try check("empty a temporary index", git_index_clear(index.pointer))
        }
        for path in paths {
            if pathExists(workdir + "/" + path) {
                try check("stage \(path)", git_index_add_bypath(index.pointer, path))
            } else {
                try check("stage the deletion of \(path)", git_index_remove_bypath(index.pointer, path))
            }
        }
        return index
    }

    /// True when every path has the same id and mode in `index` as in HEAD (or is absent from both).
    private static func matchesHead(_ index: IndexHandle, parent: ObjectHandle?, paths: [String]) throws(GitError) -> Bool {
        var tree: ObjectHandle?
        if let parent {
            tree = ObjectHandle(try create("read the HEAD tree", { git_commit_tree(&$0, parent.pointer) }), owner: parent)
        }
        for path in paths {
            let staged = git_index_get_bypath(index.pointer, path, 0)
            var entryPointer: OpaquePointer?
            var result = GIT_ENOTFOUND.rawValue
            if let tree { result = git_tree_entry_bypath(&entryPointer, tree.pointer, path) }
            if result != GIT_ENOTFOUND.rawValue { try check("find \(path) in HEAD", result) }
            let committed = entryPointer.map { TreeEntryHandle($0) }
            switch (staged, committed) {
            case (nil, nil):
                continue
            case (let staged?, let committed?):
                guard staged.pointee.mode == git_tree_entry_filemode(committed.pointer).rawValue,
                    let committedID = git_tree_entry_id(committed.pointer),
                    withUnsafePointer(to: staged.pointee.id, { git_oid_equal($0, committedID) }) != 0
                else { return false }
            default:
                return false
            }
        }
        return true
    }

    private func createCommit(
        in session: RepositoryHandle, tree treeID: git_oid, parent: ObjectHandle?, message: String,
        author: GitIdentity, committer: GitIdentity
    ) throws -> CommitInfo {
        var treeID = treeID
        let tree = ObjectHandle(try create("read the new tree", { git_tree_lookup(&$0, session.pointer, &treeID) }), owner: session)
        let authorSignature = try Self.signature(author, role: "author")
        let committerSignature = try Self.signature(committer, role: "committer")
        var commitID = git_oid()
        var parents: [OpaquePointer?] = parent.map { [$0.pointer] } ?? []
        let result = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(
                &commitID, session.pointer, "HEAD", authorSignature.pointer, committerSignature.pointer, nil, message,
                tree.pointer, buffer.count, buffer.baseAddress)
        }
        if result == GIT_EMODIFIED.rawValue { throw GitCommitError.headMoved }
        try check("create the commit", result)
        let commit = ObjectHandle(try create("read the new commit", { git_commit_lookup(&$0, session.pointer, &commitID) }), owner: session)
        return CommitInfo(commit: commit.pointer)
    }

    /// A signature for `identity` at the current time and time zone.
    private static func signature(_ identity: GitIdentity, role: String) throws(GitError) -> SignatureHandle {
        var pointer: UnsafeMutablePointer<git_signature>?
        try check("use \(identity.name) <\(identity.email)> as the \(role)", git_signature_now(&pointer, identity.name, identity.email))
        guard let pointer else {
            throw GitError(operation: "use \(identity.name) <\(identity.email)> as the \(role)", code: .other(-1), libgitMessage: "")
        }
        return SignatureHandle(pointer)
    }

    /// Brings the real index in line with the commit for `paths` alone: this handle's index,
    /// re-read if anything changed it on disk meanwhile.
    private func updateIndex(paths: [String], from temporary: TemporaryIndexFile) throws(GitError) {
        let staging = try Self.freshIndex(of: handle)
        for path in paths {
            if let entry = git_index_get_bypath(temporary.index.pointer, path, 0) {
                try check("update \(path) in the index", git_index_add(staging.pointer, entry))
            } else {
                try check("remove \(path) from the index", git_index_remove_bypath(staging.pointer, path))
            }
        }
        try check("write the index", git_index_write(staging.pointer))
    }
}

/// Carries the error thrown by `beforeCommit` past the mapping of libgit2 errors.
private struct BeforeCommitFailure: Error {
    let underlying: any Error
}

/// An index file of its own in the git directory (for `GIT_INDEX_FILE`), removed when released.
final class TemporaryIndexFile {
    let path: String
    let index: IndexHandle

    /// Reserves a new file in `directory` and makes an (empty) index on it the `session`'s
    /// own index, so that `git_index_add_bypath` has its repository and settings. Opening the
    /// session's usual index instead would read all of `.git/index` only to replace it, and
    /// copying entries into a second index costs as much again; fill `index`, then `write()`.
    init(in directory: String, for session: RepositoryHandle) throws(GitError) {
        var template = Array("\(directory)/assess-index-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw GitError(
                operation: "create a temporary index in \(directory)", code: .other(-1),
                libgitMessage: String(cString: strerror(errno)))
        }
        close(descriptor)
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The name is reserved; libgit2 writes the file afresh (an empty file is not an index).
        unlink(path)
        self.path = path
        index = IndexHandle(try create("open a temporary index", { git_index_open(&$0, path) }), owner: session)
        try check("use a temporary index", git_repository_set_index(session.pointer, index.pointer))
        // As git_repository_index does for the usual index: core.filemode, core.symlinks, core.ignorecase.
        try check("set up a temporary index", git_index_set_caps(index.pointer, -1))
    }

    /// Writes the index to its file (for hooks, through `GIT_INDEX_FILE`).
    func write() throws(GitError) {
        try check("write the temporary index \(path)", git_index_write(index.pointer))
    }

    deinit {
        unlink(path)
    }

    /// Re-reads the file (a hook may have staged more there) and writes its tree into `repository`.
    func writeTree(to repository: RepositoryHandle) throws(GitError) -> git_oid {
        guard pathExists(path) else {
            throw GitError(
                operation: "read the temporary index", code: .notFound,
                libgitMessage: "\(path) disappeared before the commit was made")
        }
        // Reloaded only when the file changed since it was written (stamp and checksum differ).
        try check("re-read the temporary index", git_index_read(index.pointer, 0))
        if git_index_has_conflicts(index.pointer) != 0 {
            throw GitError(operation: "write the tree", code: .other(-1), libgitMessage: "the temporary index holds conflicts")
        }
        var treeID = git_oid()
        try check("write the tree", git_index_write_tree_to(&treeID, index.pointer, repository.pointer))
        return treeID
    }
}
