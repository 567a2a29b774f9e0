import Foundation

/// Why `GitRepository.commit(paths:...)` refused or failed, in words a user can act on.
/// Every case but `indexNotUpdated` means nothing was committed and nothing changed.
public enum GitCommitError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// A bare repository has no work tree to commit from.
    case bare
    /// A merge, rebase, cherry-pick... is half-done.
    case inProgress(RepositoryState)
    /// The index holds unresolved conflicts at these paths.
    case conflicts([String])
    /// `index.lock` exists (it is never deleted here).
    case indexLocked(path: String)
    /// `core.sparseCheckout` is on: files outside the sparse set would look deleted.
    case sparseCheckout
    /// The paths hold exactly what HEAD holds.
    case nothingToCommit
    /// The message is empty once cleaned.
    case emptyMessage
    /// Another commit landed on the branch while this one was being made.
    case headMoved
    /// Not a plain path inside the work tree (absolute, "..", ".git", empty...).
    case pathOutsideRepository(String)
    /// The path goes through a symbolic link, so its file may live outside the repository.
    case pathBeyondSymlink(String)
    case git(GitError)
    /// The commit was made, but the index could not be brought in line for `paths`.
    case indexNotUpdated(commit: CommitInfo, paths: [String], GitError)

    public var description: String {
        switch self {
        case .bare:
            return "this is a bare repository (no working tree); run assess in a checkout"
        case .inProgress(let state):
            return "\(state) is in progress; finish or abort it first (\(state.resolution))"
        case .conflicts(let paths):
            let shown = paths.prefix(10).joined(separator: ", ") + (paths.count > 10 ? ", ..." : "")
            return "the index has unresolved conflicts (\(shown)); resolve them and git add the files, or abort the merge, first"
        case .indexLocked(let path):
            return "another git process seems to be running: \(path) exists; if none is, remove the file and retry"
        case .sparseCheckout:
            return """
                this is a sparse checkout, where files outside the sparse set look deleted; assess cannot commit \
                safely here: commit with git, or leave sparse mode first (git sparse-checkout disable)
                """
        case .nothingToCommit:
            return "nothing to commit: the files are the same as in HEAD"
        case .emptyMessage:
            return "the commit message is empty; nothing was committed"
        case .headMoved:
            return "HEAD moved while the commit was being made (another commit or checkout happened); nothing was committed; run the command again"
        case .pathOutsideRepository(let path):
            return "\(path) is not a file path inside the repository's working tree"
        case .pathBeyondSymlink(let path):
            return "\(path) is beyond a symbolic link; only files inside the repository can be committed"
        case .git(let error):
            return error.description
        case .indexNotUpdated(let commit, let paths, let error):
            return """
                committed \(commit.shortID) (\(commit.summary)), but the index could not be updated (\(error)); \
                those files may show as staged changes until you run: git reset -q -- \(paths.map(shellQuoted).joined(separator: " "))
                """
        }
    }

    public var errorDescription: String? { description }
}

/// `text` as one shell word: unchanged when it is plain, else single-quoted.
func shellQuoted(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) && $0.isASCII || "-_./+,:@%=".unicodeScalars.contains($0)
    }
    if plain, !text.isEmpty { return text }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

extension GitError: LocalizedError {
    public var errorDescription: String? { description }
}

extension GitRepositoryError: LocalizedError {
    public var errorDescription: String? { description }
}
