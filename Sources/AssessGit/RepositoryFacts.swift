import Clibgit2

extension GitRepository {
    /// The git directory (`<workdir>/.git` for a plain checkout), with no trailing slash.
    public var gitDirectory: String {
        Self.withoutTrailingSlash(copiedString(git_repository_path(handle.pointer)) ?? workdir + "/.git")
    }

    /// The directory shared by all worktrees (hooks, objects, refs); equals `gitDirectory`
    /// except in a linked worktree.
    var commonDirectory: String {
        Self.withoutTrailingSlash(copiedString(git_repository_commondir(handle.pointer)) ?? gitDirectory)
    }

    static func withoutTrailingSlash(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// True when HEAD names a branch that has no commit yet (a fresh repository).
    public var isHeadUnborn: Bool {
        git_repository_head_unborn(handle.pointer) == 1
    }

    /// The branch HEAD names ("main"), even before its first commit; nil when HEAD is detached.
    public var currentBranch: String? {
        guard
            let pointer = try? create("read HEAD", { git_reference_lookup(&$0, handle.pointer, "HEAD") })
        else { return nil }
        let head = ReferenceHandle(pointer, owner: handle)
        guard git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC,
            let target = copiedString(git_reference_symbolic_target(head.pointer))
        else { return nil }
        let prefix = "refs/heads/"
        return target.hasPrefix(prefix) ? String(target.dropFirst(prefix.count)) : target
    }

    /// The commit HEAD points to, or nil on an unborn branch.
    public func headCommit() throws(GitError) -> CommitInfo? {
        try Self.headCommitObject(in: handle).map { CommitInfo(commit: $0.pointer) }
    }

    /// The HEAD commit as a libgit2 object of `repository`, or nil on an unborn branch.
    static func headCommitObject(in repository: RepositoryHandle) throws(GitError) -> ObjectHandle? {
        var pointer: OpaquePointer?
        let result = git_repository_head(&pointer, repository.pointer)
        if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return nil }
        try check("read HEAD", result)
        guard let pointer else { return nil }
        let head = ReferenceHandle(pointer, owner: repository)
        return ObjectHandle(try create("read the HEAD commit", { git_reference_peel(&$0, head.pointer, GIT_OBJECT_COMMIT) }), owner: repository)
    }

    /// The tree of HEAD's commit, or nil on an unborn branch.
    static func headTree(in repository: RepositoryHandle) throws(GitError) -> ObjectHandle? {
        guard let commit = try headCommitObject(in: repository) else { return nil }
        return ObjectHandle(try create("read the HEAD tree", { git_commit_tree(&$0, commit.pointer) }), owner: commit)
    }

    /// True when `core.sparseCheckout` is on. Reads the worktree's own `config.worktree` too,
    /// where `git sparse-checkout` (git 2.36 and later) writes it and libgit2 1.5.1 does not look.
    public var isSparseCheckout: Bool {
        (try? sparseCheckoutEnabled()) ?? false
    }

    func sparseCheckoutEnabled() throws(GitError) -> Bool {
        let config = try configuration()
        if try config.bool("core.sparseCheckout") == true { return true }
        let worktreeConfig = gitDirectory + "/config.worktree"
        guard try config.bool("extensions.worktreeConfig") == true, pathExists(worktreeConfig) else { return false }
        return try GitConfiguration.file(worktreeConfig).bool("core.sparseCheckout") == true
    }

    /// True when `commit.gpgsign` is on: git would sign commits, which libgit2 cannot do.
    public var signsCommits: Bool {
        ((try? configuration().bool("commit.gpgsign")) ?? nil) ?? false
    }

    /// Where git looks for hooks: `core.hooksPath` (a relative one taken from the work tree,
    /// `~/` expanded), else `hooks` in the git directory.
    public var hooksDirectory: String {
        if let configured = (try? configuration().path("core.hooksPath")) ?? nil, !configured.isEmpty {
            return configured.hasPrefix("/") ? configured : workdir + "/" + configured
        }
        return commonDirectory + "/hooks"
    }

    /// The lock file git holds while it writes the index.
    public var indexLockPath: String {
        gitDirectory + "/index.lock"
    }

    /// True when `index.lock` exists: another git process is (or was, and crashed while) writing the index.
    public var isIndexLocked: Bool {
        pathExists(indexLockPath)
    }

    /// Cleans a commit message as git does: trailing whitespace and blank lines removed,
    /// a final newline added, and (by default) lines starting with '#' dropped. Empty stays empty.
    public func prettifyMessage(_ message: String, stripComments: Bool = true) throws(GitError) -> String {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try check("clean the commit message", git_message_prettify(&buffer, message, stripComments ? 1 : 0, CChar(UInt8(ascii: "#"))))
        return copiedString(buffer.ptr) ?? ""
    }
}
