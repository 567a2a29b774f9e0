import Foundation

/// A content repository for a test, built from plain files in a scratch folder.
public enum ContentFixture {
    /// Copies the project's bundled `schemas/` and `content/` into `scratch`.
    /// With `git`, also runs `git init` there and sets a test identity in the repository's own config.
    public static func bundled(in scratch: ScratchDirectory, schemas: Bool = true, git: Bool = false) throws {
        let manager = FileManager.default
        if schemas {
            try manager.copyItem(atPath: ProjectPaths.root + "/schemas", toPath: scratch.path + "/schemas")
        }
        try manager.copyItem(atPath: ProjectPaths.root + "/content", toPath: scratch.path + "/content")
        if git {
            try runGit(["init", "-q", "-b", "main"], in: scratch.path)
            try runGit(["config", "user.name", "Test Editor"], in: scratch.path)
            try runGit(["config", "user.email", "editor@test.example"], in: scratch.path)
        }
    }

    /// Runs git with a private HOME so no user configuration leaks in.
    @discardableResult
    public static func runGit(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": directory + "/.home", "XDG_CONFIG_HOME": directory + "/.home/.config",
            "GIT_CONFIG_NOSYSTEM": "1",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "git", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: text])
        }
        return text
    }

    /// The path of a content file of the bundled layout.
    public static func path(_ folder: String, _ slug: String) -> String {
        "content/resources/\(folder)/\(slug).json"
    }

    public static let seedSlug = "mechanistic-interpretability-with-neel-nanda"
    public static let draftSlug = "superalignment-with-jan-leike"
}
