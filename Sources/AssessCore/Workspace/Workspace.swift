import AssessGit
import Foundation

/// Why no content repository could be found or used.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case notADirectory(String)
    /// A git repository without a working tree.
    case bare(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "not in a content repository: no git repository or \(ContentLayout.resourcesPath)/ folder at or above \(path); use --repo PATH"
        case .notADirectory(let path):
            return "--repo \(path): no such directory"
        case .bare(let path):
            return "\(path) is a bare repository; assess needs a working tree"
        }
    }
}

/// The content repository a command works on, and the facts of its surroundings.
public struct Workspace: Sendable {
    public var layout: ContentLayout
    /// True when the root is a git working tree.
    public var isGitRepository: Bool
    public var currentDirectory: String

    /// Finds the repository: `--repo PATH`, else the git repository around the current directory,
    /// else the nearest folder above holding `content/resources` (an exported tree without `.git`).
    public static func locate(repo: String?, currentDirectory: String) throws(WorkspaceError) -> Workspace {
        let start: String
        if let repo {
            start = PathDisplay.absolute(repo, from: currentDirectory)
            guard FileSystem.isDirectory(start) else { throw .notADirectory(repo) }
        } else {
            start = currentDirectory
        }
        // Found by walking up for `.git` (a folder, or a file in a linked worktree) without
        // libgit2: starting it costs more than most commands. Git commands open the repository
        // with libgit2 when they need it, which is where ownership problems are reported.
        if let root = enclosing(start, holding: ".git") {
            return Workspace(layout: ContentLayout(root: root), isGitRepository: true, currentDirectory: currentDirectory)
        }
        if let root = enclosing(start, holding: ContentLayout.resourcesPath) {
            return Workspace(layout: ContentLayout(root: root), isGitRepository: false, currentDirectory: currentDirectory)
        }
        // A bare repository has no `.git`: say what it is rather than "no git repository".
        if let bare = enclosingBareRepository(start) { throw .bare(bare) }
        throw .notFound(start)
    }

    /// The nearest folder at or above `path` that is a git directory itself (HEAD, objects/, refs/), as git tells one.
    private static func enclosingBareRepository(_ path: String) -> String? {
        var current = path
        while true {
            let base = current == "/" ? "" : current
            if FileSystem.exists(base + "/HEAD"), !FileSystem.isDirectory(base + "/HEAD"),
                FileSystem.isDirectory(base + "/objects"), FileSystem.isDirectory(base + "/refs")
            {
                return current
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// The nearest folder at or above `path` that has an entry `name`.
    private static func enclosing(_ path: String, holding name: String) -> String? {
        var current = path
        while true {
            if FileSystem.exists(current == "/" ? "/" + name : current + "/" + name) { return current }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Opens the git repository again (a handle is never kept across threads or commands).
    public func gitRepository() throws(GitRepositoryError) -> GitRepository {
        try GitRepository.discover(from: layout.root)
    }
}

/// Today's date as the content writes it.
public enum Today {
    /// `ASSESS_TODAY` (YYYY-MM-DD) when set, for reproducible runs and tests; else the local calendar date.
    public static func string(environment: [String: String]) -> String {
        if let fixed = environment["ASSESS_TODAY"], CalendarDate.isWellFormed(fixed) { return fixed }
        let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let year = components.year ?? 1970
        let month = components.month ?? 1
        let day = components.day ?? 1
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
