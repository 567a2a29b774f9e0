import Foundation
import XCTest
import _AssessTestSupport

/// The git hooks `assess commit` runs (libgit2 runs none), and the pre-commit hook
/// `assess hooks install` writes, also under a plain `git commit`.
final class HookTests: GitCLITestCase {
    /// The content committed, README staged elsewhere, the seed's score moved to 7 (valid, not staged).
    private func prepare() throws {
        try addContent()
        try repo.write("README.md", "# Editorial content\n\nStaged elsewhere.\n")
        try repo.git(["add", "README.md"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
    }

    /// Writes an executable hook script (into .git/hooks unless `folder` is given).
    private func hook(_ name: String, _ body: String, folder: String? = nil) throws {
        let path = (folder.map { repo.root + "/" + $0 } ?? repo.gitDirectory + "/hooks") + "/" + name
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(("#!/bin/sh\n" + body).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0o755), 0)
    }

    /// A log file outside the repository, for hooks to write to.
    private var log: String { repo.scratch.path + "/hook.log" }

    private func temporaryIndexes() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: repo.gitDirectory).filter { $0.hasPrefix("assess-index") }
    }

    func testFailingPreCommitHookStopsTheCommitAndNoVerifySkipsIt() throws {
        try prepare()
        try hook("pre-commit", "echo ran >> '\(log)'\necho 'pre-commit: not today' >&2\nexit 3\n")
        try assertRefused(
            ["commit"],
            saying: [
                "pre-commit: not today",
                "assess: error: the pre-commit hook failed (exit status 3); nothing was committed (use --no-verify to skip hooks)",
            ])
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "ran\n")
        XCTAssertEqual(try temporaryIndexes(), [])

        let skipped = try runAssess("commit", "--no-verify")
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "ran\n", "the hook did not run again")
        XCTAssertEqual(try gitLines("show", "--name-only", "--format=", "HEAD"), [assessment(seed)])
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), ["README.md"])
    }

    func testPreCommitHookSeesAnIndexHoldingTheCommit() throws {
        try prepare()
        try hook(
            "pre-commit",
            """
            {
              echo "index=$GIT_INDEX_FILE"
              echo "pwd=$(pwd)"
              git diff --cached --name-only
              git show ":\(assessment(seed))" | grep -c '"score": 7,'
            } > '\(log)' 2>&1

            """)
        let result = try runAssess("commit", in: "content")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, "\(lines)")
        let index = String(lines.first?.dropFirst("index=".count) ?? "")
        XCTAssertTrue(index.hasPrefix(repo.gitDirectory + "/") && index != repo.gitDirectory + "/index", index)
        XCTAssertFalse(FileManager.default.fileExists(atPath: index), "the temporary index is removed")
        XCTAssertEqual(lines.dropFirst().first, "pwd=\(repo.root)", "hooks run from the top of the work tree")
        XCTAssertEqual(Array(lines.dropFirst(2)), [assessment(seed), "1"], "the commit's content: the seed, not the staged README")
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), ["README.md"])
        XCTAssertEqual(try temporaryIndexes(), [])
    }

    func testCommitMsgHookRewritesTheMessage() throws {
        try prepare()
        try hook("commit-msg", "head -1 \"$1\" > '\(log)'\nsed -i '1s/^/[ED-42] /' \"$1\"\necho 'Ticket: ED-42' >> \"$1\"\n")
        let result = try runAssess("commit")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8), "Assess \(seed): update (reviewed)\n", "the hook got the generated message")
        XCTAssertTrue(result.stdout.hasPrefix("[main "), result.stdout)
        XCTAssertTrue(result.stdout.contains("] [ED-42] Assess \(seed): update (reviewed)\n"), result.stdout)
        XCTAssertEqual(try gitLines("log", "-1", "--format=%s"), ["[ED-42] Assess \(seed): update (reviewed)"])
        XCTAssertEqual(try gitLines("log", "-1", "--format=%(trailers:key=Ticket,valueonly)"), ["ED-42"])
        XCTAssertEqual(try gitLines("log", "-1", "--format=%(trailers:key=Reviewed-by,valueonly)"), ["Ben Lindqvist <ben@editors.example>"])
    }

    func testFailingCommitMsgHookStopsTheCommit() throws {
        try prepare()
        try hook("commit-msg", "echo 'commit-msg: needs a ticket' >&2\nexit 1\n")
        try assertRefused(
            ["commit", "-m", "No ticket"],
            saying: ["commit-msg: needs a ticket", "the commit-msg hook failed (exit status 1); nothing was committed"])
        XCTAssertEqual(try temporaryIndexes(), [])
        XCTAssertEqual(try runAssess("commit", "--no-verify", "-m", "No ticket").status, 0)
    }

    func testCoreHooksPathIsHonoured() throws {
        try prepare()
        try hook("pre-commit", "exit 0\n")
        try hook("pre-commit", "echo 'ci-hooks ran' >&2\nexit 4\n", folder: "ci-hooks")
        try repo.git(["config", "core.hooksPath", "ci-hooks"])
        // Relative to the top of the work tree, whatever folder assess runs in.
        try assertRefused(
            ["commit"], saying: ["ci-hooks ran", "the pre-commit hook failed (exit status 4)"],
            in: "content/resources/transcript-assessments")

        try repo.git(["config", "core.hooksPath", repo.root + "/ci-hooks"])
        try assertRefused(["commit"], saying: ["the pre-commit hook failed (exit status 4)"])
    }

    // MARK: assess hooks install

    func testHooksInstallWritesAnExecutableHookAndNeverOverwritesAForeignOne() throws {
        try addContent()
        let path = repo.gitDirectory + "/hooks/pre-commit"
        try? FileManager.default.removeItem(atPath: path)
        let installed = try runAssess("hooks", "install", in: "content")
        XCTAssertEqual(installed.status, 0, installed.stderr)
        XCTAssertEqual(installed.stdout, "Installed \(path)\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: path))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o111, 0o111, String(mode, radix: 8))
        let script = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(script.hasPrefix("#!/bin/sh\n# installed by assess"), script)
        XCTAssertTrue(script.contains("validate --staged"), script)

        // Its own hook is updated.
        try Data((script + "# an older version\n").utf8).write(to: URL(fileURLWithPath: path))
        let updated = try runAssess("hooks", "install")
        XCTAssertEqual(updated.status, 0, updated.stderr)
        XCTAssertEqual(updated.stdout, "Updated \(path)\n")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), script)

        // A foreign one is left alone.
        let foreign = "#!/bin/sh\nexec ./scripts/lint\n"
        try Data(foreign.utf8).write(to: URL(fileURLWithPath: path))
        let refused = try runAssess("hooks", "install")
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("\(path) exists and was not written by assess"), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), foreign)

        // core.hooksPath is where git looks, so that is where it goes.
        try repo.git(["config", "core.hooksPath", "ci-hooks"])
        let elsewhere = try runAssess("hooks", "install")
        XCTAssertEqual(elsewhere.stdout, "Installed \(repo.root)/ci-hooks/pre-commit\n", elsewhere.stderr)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: repo.root + "/ci-hooks/pre-commit"))
    }

    func testInstalledHookStopsPlainGitCommitOfAnInvalidAssessment() throws {
        try addContent()
        XCTAssertEqual(try runAssess("hooks", "install").status, 0)
        let path = assessment(seed)
        try change(path, "\"score\": 6,", "\"score\": 700,")
        try repo.git(["add", path])
        let before = try head()
        let systemPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

        // With assess on the PATH, as a user has it.
        let withAssess = ["PATH": AssessProcess.productsDirectory.path + ":" + systemPath, "ASSESS_TODAY": "2026-11-25"]
        let stopped = try repo.gitRun(["commit", "-m", "Invalid"], environment: withAssess)
        XCTAssertNotEqual(stopped.status, 0, stopped.stdout)
        XCTAssertTrue(stopped.stderr.contains("\(path):"), stopped.stderr)
        XCTAssertTrue(stopped.stderr.contains(": error: 700 is greater than the maximum 100 [schema/maximum]"), stopped.stderr)
        XCTAssertEqual(try head(), before)

        // Without it on the PATH: the hook falls back to the binary that installed it.
        let stoppedToo = try repo.gitRun(["commit", "-m", "Invalid"], environment: ["PATH": "/usr/bin:/bin", "ASSESS_TODAY": "2026-11-25"])
        XCTAssertNotEqual(stoppedToo.status, 0, stoppedToo.stdout)
        XCTAssertTrue(stoppedToo.stderr.contains("[schema/maximum]"), stoppedToo.stderr)
        XCTAssertEqual(try head(), before)
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), [path], "still staged")

        // The hook checks the index, not the work tree: fixing the file without staging it is not enough.
        try change(path, "\"score\": 700,", "\"score\": 7,")
        XCTAssertNotEqual(try repo.gitRun(["commit", "-m", "Invalid"], environment: withAssess).status, 0)
        try repo.git(["add", path])
        let passed = try repo.gitRun(["commit", "-m", "Score 7"], environment: withAssess)
        XCTAssertEqual(passed.status, 0, passed.stderr)
        XCTAssertNotEqual(try head(), before)
    }

    func testInstalledHookUnderAssessCommitChecksTheCommitNotTheWholeIndex() throws {
        try addContent()
        XCTAssertEqual(try runAssess("hooks", "install").status, 0)
        let withAssess = [
            "PATH": AssessProcess.productsDirectory.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "ASSESS_TODAY": "2026-11-25",
        ]

        // An invalid assessment staged: assess's own validation refuses first (exit 1), before any hook.
        try change(assessment(seed), "\"score\": 6,", "\"score\": 700,")
        try repo.git(["add", assessment(seed)])
        let refused = try assertRefused(["commit"], status: 1, saying: ["[schema/maximum]", "refusing to commit"], environment: withAssess)
        XCTAssertFalse(refused.stderr.contains("hook"), refused.stderr)

        // Fixed in the work tree only (the index still holds 700), with a broken library item staged
        // elsewhere: the commit takes the work tree's seed alone, and so does the hook's index.
        try change(assessment(seed), "\"score\": 700,", "\"score\": 7,")
        try change(library(other), "\"title\": ", "\"title\": 42, \"old-title\": ")
        try repo.git(["add", library(other)])
        let result = try runAssess("commit", environment: withAssess)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("1 file checked: 0 errors, 0 warnings"), "the hook ran on the commit's index:\n\(result.stderr)")
        XCTAssertEqual(try gitLines("show", "--name-only", "--format=", "HEAD"), [assessment(seed)])
        XCTAssertTrue(try repo.git(["show", "HEAD:" + assessment(seed)]).contains("\"score\": 7,"))
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), [library(other)])
        // A plain git commit of what is staged is stopped by the same hook.
        XCTAssertNotEqual(try repo.gitRun(["commit", "-m", "Broken item"], environment: withAssess).status, 0)
    }
}
