import Foundation

/// A git hook that stopped the commit.
public struct HookError: Error, Sendable, CustomStringConvertible {
    public var hook: String
    public var status: Int32

    public var description: String {
        "the \(hook) hook failed (exit status \(status)); nothing was committed (use --no-verify to skip hooks)"
    }
}

/// Runs the repository's git hooks as git does: libgit2 runs none, so `assess commit` must.
public struct HookRunner: Sendable {
    /// The hooks folder (`core.hooksPath`, or `.git/hooks`).
    public var directory: String
    /// The work tree: hooks run from its top, as with git.
    public var workdir: String

    public init(directory: String, workdir: String) {
        self.directory = directory
        self.workdir = workdir
    }

    /// True when the hook exists and is executable (git ignores the others).
    public func has(_ name: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: directory + "/" + name)
    }

    /// Runs `name` with `arguments` and extra environment; its output goes to the user's terminal.
    /// A missing hook passes; a failing one throws `HookError`.
    public func run(_ name: String, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        guard has(name) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/" + name)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: workdir)
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Hooks talk to the user: their output goes where git's would, on standard error.
        process.standardOutput = FileHandle.standardError
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw HookError(hook: name, status: 126)
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw HookError(hook: name, status: process.terminationStatus) }
    }
}

/// `assess hooks install`: a pre-commit hook that validates what the index holds.
public enum HookInstaller {
    /// A line that marks a hook as written by assess (so it may be replaced, and a foreign one never is).
    public static let marker = "# installed by assess"

    public enum Outcome: Sendable, Equatable {
        case installed(path: String)
        case updated(path: String)
    }

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var description: String {
            "\(path) exists and was not written by assess; add `assess validate --staged` to it yourself, or move it away and run assess hooks install again"
        }
    }

    public static func script(executable: String) -> String {
        """
        #!/bin/sh
        \(marker): validates the content staged for commit (assess hooks install).
        if command -v assess >/dev/null 2>&1; then
            exec assess validate --staged
        fi
        exec '\(executable.replacingOccurrences(of: "'", with: "'\\''"))' validate --staged

        """
    }

    public static func install(hooksDirectory: String, executable: String) throws -> Outcome {
        let path = hooksDirectory + "/pre-commit"
        var update = false
        if FileSystem.exists(path) {
            let existing = (try? FileSystem.read(path, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard existing.contains(marker) else { throw Refusal(path: path) }
            update = true
        }
        try FileManager.default.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
        try FileSystem.writeAtomically(Array(script(executable: executable).utf8), to: path, replace: true)
        chmod(path, 0o755)
        return update ? .updated(path: path) : .installed(path: path)
    }
}
