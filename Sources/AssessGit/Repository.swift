import Clibgit2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An opened git repository. Not shared across threads.
public struct GitRepository {
    let handle: RepositoryHandle

    /// What was read from the repository's files and may serve again (see `cachedTrees`).
    let memo = RepositoryMemo()

    /// The working directory, with no trailing slash.
    public let workdir: String

    /// Opens the repository containing `path`, searching upward like git.
    public static func discover(from path: String) throws(GitRepositoryError) -> GitRepository {
        Libgit2.ensureInitialised()
        var pointer: OpaquePointer?
        let result = git_repository_open_ext(&pointer, path, 0, nil)
        if result < 0 {
            let error = GitError.last("open repository at \(path)", result)
            if error.libgitMessage.contains("safe.directory") || error.code == .owner {
                throw .unsafeOwnership(path: enclosingWorkdir(of: path) ?? path)
            }
            if error.code == .notFound {
                throw .notARepository(path: path)
            }
            throw .git(error)
        }
        guard let pointer else { throw .notARepository(path: path) }
        let handle = RepositoryHandle(pointer)
        guard git_repository_is_bare(pointer) == 0, let raw = git_repository_workdir(pointer) else {
            throw .bare(path: path)
        }
        var workdir = String(cString: raw)
        while workdir.count > 1, workdir.hasSuffix("/") { workdir.removeLast() }
        return GitRepository(handle: handle, workdir: workdir)
    }

    /// The nearest folder at or above `path` holding a `.git`, found without libgit2
    /// (used to name the folder when libgit2 refuses to open it).
    private static func enclosingWorkdir(of path: String) -> String? {
        var current = path
        while true {
            var info = stat()
            if stat(current + "/.git", &info) == 0 { return current }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// A snapshot of the repository's configuration (local, global, XDG, system).
    public func configuration() throws(GitError) -> GitConfiguration {
        var config: OpaquePointer?
        try check("read configuration", git_repository_config_snapshot(&config, handle.pointer))
        guard let config else { throw GitError(operation: "read configuration", code: .notFound, libgitMessage: "") }
        return GitConfiguration(ConfigHandle(config))
    }
}

/// Why a repository could not be opened, in words a user can act on.
public enum GitRepositoryError: Error, Sendable, CustomStringConvertible {
    case notARepository(path: String)
    case unsafeOwnership(path: String)
    case bare(path: String)
    case git(GitError)

    public var description: String {
        switch self {
        case .notARepository(let path):
            return "not a git repository (or any parent up to the root): \(path)"
        case .unsafeOwnership(let path):
            return """
                the repository at \(path) is owned by another user, and git refuses to use it until it is marked safe; \
                run: git config --global --add safe.directory \(path)
                """
        case .bare(let path):
            return "\(path) is a bare repository; assess needs a working tree"
        case .git(let error):
            return error.description
        }
    }
}
