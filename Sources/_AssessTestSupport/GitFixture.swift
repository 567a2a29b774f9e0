import Foundation

/// A git repository for one test, built with the git CLI from plain files in a scratch folder.
///
/// Every git run gets a private `HOME` and `XDG_CONFIG_HOME` (next to the repository, not in
/// it) and no system configuration, and the identity lives in the repository's own config.
/// libgit2 in the test process reads `HOME` once, when it starts, and ignores
/// `GIT_CONFIG_GLOBAL`: `init` therefore points the process's own `HOME` and
/// `XDG_CONFIG_HOME` at an empty private folder first (see `isolateProcessEnvironment`).
public final class GitFixture {
    public let scratch: ScratchDirectory
    /// The work tree (or the repository itself when bare).
    public let root: String
    /// The private home folder of the git runs.
    public let home: String

    public static let authorName = "Test Editor"
    public static let authorEmail = "editor@test.example"

    /// `git init -b main` in a fresh folder, with the test identity in the repository's config.
    public init(bare: Bool = false, label: String = "assess-git") throws {
        Self.isolateProcessEnvironment()
        scratch = try ScratchDirectory(label)
        root = scratch.path + "/repo"
        home = scratch.path + "/home"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home + "/.config", withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"] + (bare ? ["--bare"] : []))
        try git(["config", "user.name", Self.authorName])
        try git(["config", "user.email", Self.authorEmail])
        try git(["config", "commit.gpgsign", "false"])
    }

    /// Points this process's `HOME` and `XDG_CONFIG_HOME` at an empty folder of its own, once,
    /// before libgit2 starts (it reads them only then), so no user configuration reaches it.
    public static func isolateProcessEnvironment() {
        _ = isolatedHome
    }

    private static let isolatedHome: String = {
        let path = FileManager.default.temporaryDirectory.path + "/assess-git-home-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path + "/.config", withIntermediateDirectories: true)
        setenv("HOME", path, 1)
        setenv("XDG_CONFIG_HOME", path + "/.config", 1)
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1)
        unsetenv("GIT_DIR")
        unsetenv("GIT_INDEX_FILE")
        atexit {
            try? FileManager.default.removeItem(
                atPath: FileManager.default.temporaryDirectory.path + "/assess-git-home-\(getpid())")
        }
        return path
    }()

    // MARK: Files

    /// Writes `text` to the repository-relative `path`, creating folders.
    @discardableResult
    public func write(_ path: String, _ text: String) throws -> String {
        try write(path, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ path: String, bytes: [UInt8]) throws -> String {
        let full = root + "/" + path
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + path)
    }

    /// Writes each file, stages everything and commits.
    public func commitFiles(_ files: [String: String], message: String = "fixture") throws {
        for (path, text) in files { try write(path, text) }
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
    }

    // MARK: Running git

    public struct Run {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs git in the repository (or `directory`); throws with its output when it fails.
    @discardableResult
    public func git(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws
        -> String
    {
        let run = try gitRun(arguments, environment: environment, in: directory)
        guard run.status == 0 else {
            throw NSError(
                domain: "git", code: Int(run.status),
                userInfo: [NSLocalizedDescriptionKey: "git \(arguments.joined(separator: " ")): \(run.stderr)\(run.stdout)"])
        }
        return run.stdout
    }

    /// Runs git and returns its status and output, whatever the status.
    public func gitRun(_ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws
        -> Run
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "XDG_CONFIG_HOME": home + "/.config", "GIT_CONFIG_NOSYSTEM": "1",
            "LANG": "C", "LC_ALL": "C", "GIT_EDITOR": "true", "GIT_MERGE_AUTOEDIT": "no",
        ]
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Output lines of a git command, empty ones dropped.
    public func gitLines(_ arguments: [String], environment: [String: String] = [:]) throws -> [String] {
        try git(arguments, environment: environment).split(separator: "\n").map(String.init)
    }

    /// The git directory (`<root>/.git`, or `root` when bare).
    public var gitDirectory: String {
        FileManager.default.fileExists(atPath: root + "/.git") ? root + "/.git" : root
    }

    // MARK: Before and after

    /// What a refused or failed operation must leave unchanged.
    public struct Snapshot: Equatable, CustomStringConvertible {
        public var head: String
        public var staged: String
        public var unstaged: String
        public var status: String
        public var files: [String: Data]
        public var gitDirectoryEntries: [String]

        public var description: String {
            "HEAD \(head)\nstaged:\n\(staged)\nunstaged:\n\(unstaged)\nstatus:\n\(status)\nfiles: \(files.keys.sorted())\n.git: \(gitDirectoryEntries)"
        }
    }

    /// HEAD, the staged and unstaged diffs, the status, every work-tree file's bytes and the
    /// names in the git directory (a leftover temporary index would show there). Read with
    /// `--no-optional-locks`, so taking it never rewrites the index.
    public func snapshot() throws -> Snapshot {
        let head = try gitRun(["rev-parse", "-q", "--verify", "HEAD"])
        var files: [String: Data] = [:]
        let manager = FileManager.default
        if let enumerator = manager.enumerator(atPath: root) {
            while let relative = enumerator.nextObject() as? String {
                if relative == ".git" || relative.hasPrefix(".git/") {
                    enumerator.skipDescendants()
                    continue
                }
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                    files[relative] = manager.contents(atPath: root + "/" + relative) ?? Data()
                }
            }
        }
        return Snapshot(
            head: head.status == 0 ? head.stdout : "(unborn)",
            staged: try git(["--no-optional-locks", "diff", "--cached", "--binary"]),
            unstaged: try git(["--no-optional-locks", "diff", "--binary"]),
            status: try git(["--no-optional-locks", "status", "--porcelain=v1", "-uall"]),
            files: files,
            gitDirectoryEntries: try manager.contentsOfDirectory(atPath: gitDirectory).sorted())
    }
}
