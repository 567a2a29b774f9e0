import Foundation
import XCTest
import _AssessTestSupport

/// A test of the built binary in a git repository of its own: the bundled content in a
/// `GitFixture` (the identity in the repository's config, `commit.gpgsign` off), with assess
/// and git both run with the fixture's private HOME and XDG_CONFIG_HOME, outside the work tree.
class GitCLITestCase: CLITestCase {
    var repo: GitFixture!
    let seed = ContentFixture.seedSlug
    let draft = ContentFixture.draftSlug
    /// An item with a library entry and no assessment.
    let other = "tom-davidson-on-ai-enabled-coups"

    override func setUpWithError() throws {
        try super.setUpWithError()
        repo = try GitFixture(label: "assess-cli-git")
    }

    override func tearDown() {
        repo = nil
        super.tearDown()
    }

    /// Copies the bundled schemas/ and content/ into the repository, with a README.md beside them,
    /// and (with `commit`) commits everything.
    func addContent(commit: Bool = true, leavingOut: [String] = []) throws {
        for folder in ["schemas", "content"] {
            try FileManager.default.copyItem(atPath: ProjectPaths.root + "/" + folder, toPath: repo.root + "/" + folder)
        }
        try repo.write("README.md", "# Editorial content\n")
        for path in leavingOut { try repo.remove(path) }
        if commit {
            try repo.git(["add", "-A"])
            try repo.git(["commit", "-q", "-m", "Content"])
        }
    }

    /// Runs the built `assess` in the repository (or a folder under it).
    @discardableResult
    func runAssess(_ arguments: String..., in folder: String? = nil, environment: [String: String] = [:]) throws
        -> AssessProcess.Result
    {
        try AssessProcess.run(
            arguments, in: folder.map { repo.root + "/" + $0 } ?? repo.root, environment: environment, home: repo.home)
    }

    /// The bundled, complete and reviewed assessment of the seed episode (assessor Ada, reviewer Ben).
    func completeSeedAssessment() throws -> String {
        try String(contentsOfFile: ProjectPaths.root + "/" + assessment(seed), encoding: .utf8)
    }

    /// Replaces `old` with `new` in a repository file (failing when `old` is absent).
    func change(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try repo.read(path)
        XCTAssertTrue(text.contains(old), "\(path) does not contain \(old)", file: file, line: line)
        try repo.write(path, text.replacingOccurrences(of: old, with: new))
    }

    /// "line:col" (1-based) of the first `needle` in `text`.
    func position(of needle: String, inText text: String) -> String {
        guard let range = text.range(of: needle) else { XCTFail("\(needle) not found"); return "" }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return "\(line):\(text[lineStart..<range.lowerBound].unicodeScalars.count + 1)"
    }

    /// Lines of git's output.
    func gitLines(_ arguments: String...) throws -> [String] {
        try repo.gitLines(arguments)
    }

    func head() throws -> String {
        try repo.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The row of `assess status` text for `path`, split into its columns.
    func statusRow(_ output: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        guard let row = output.split(separator: "\n").first(where: { $0.contains(" " + path) }) else {
            XCTFail("no row for \(path) in:\n\(output)", file: file, line: line)
            return []
        }
        return row.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Runs `assess arguments` expecting a refusal: the exit status, every phrase of the message on
    /// standard error, no commit line, and HEAD, the index, the work tree (status and every file's
    /// bytes) and the git directory's entries exactly as they were.
    @discardableResult
    func assertRefused(
        _ arguments: [String], status: Int32 = 2, saying phrases: [String], in folder: String? = nil,
        environment: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line
    ) throws -> AssessProcess.Result {
        let before = try repo.snapshot()
        let result = try AssessProcess.run(
            arguments, in: folder.map { repo.root + "/" + $0 } ?? repo.root, environment: environment, home: repo.home)
        XCTAssertEqual(result.status, status, "assess \(arguments): \(result.stderr)", file: file, line: line)
        for phrase in phrases {
            XCTAssertTrue(result.stderr.contains(phrase), "missing \"\(phrase)\" in:\n\(result.stderr)", file: file, line: line)
        }
        XCTAssertFalse(result.stdout.contains("file changed") || result.stdout.contains("files changed"), result.stdout, file: file, line: line)
        XCTAssertEqual(try repo.snapshot(), before, "assess \(arguments) changed the repository", file: file, line: line)
        return result
    }
}

/// `assess new` → edit → `status` → `review` → `commit`, and the commits' shape, as a user sees them.
final class GitCommandTests: GitCLITestCase {
    let ada = ["GIT_AUTHOR_NAME": "Ada Okafor", "GIT_AUTHOR_EMAIL": "ada@editors.example"]

    func testNewReviewedAssessmentIsCommittedAloneWhileOtherStagedWorkStaysStaged() throws {
        try addContent(leavingOut: [assessment(seed)])
        let path = assessment(seed)

        // 1. Scaffold the draft and commit it.
        let created = try runAssess("new", seed, environment: ada)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(try repo.read(path).contains("\"status\": \"draft\""))
        XCTAssertEqual(statusRow(try runAssess("status").stdout, path), ["new", "not staged", path, "new draft", "valid"])
        let first = try runAssess("commit")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasPrefix("[main "), first.stdout)
        XCTAssertTrue(first.stdout.contains("] Assess \(seed): new draft\n"), first.stdout)
        XCTAssertEqual(
            try repo.git(["log", "-1", "--format=%(trailers:only,unfold)"]),
            "Assessed-by: Ada Okafor <ada@editors.example>\nMachine-scorer: library-lexicon@2026.04\n\n")
        let draftCommit = try head()

        // 2. Finish it (reviewed by Ben, not Ada), with other work staged and unstaged elsewhere.
        try repo.write(path, try completeSeedAssessment())
        try repo.write("README.md", "# Editorial content\n\nStaged, not for this commit.\n")
        try repo.git(["add", "README.md"])
        try change(library(other), "\"tags\": [", "\"tags\": [\"coups\", ")
        XCTAssertEqual(try runAssess("validate", path).status, 0)

        let status = try runAssess("status")
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.hasPrefix("On branch main\nContent changes against HEAD:\n"), status.stdout)
        XCTAssertEqual(statusRow(status.stdout, path), ["modified", "not staged", path, "draft -> reviewed", "valid"])
        XCTAssertEqual(statusRow(status.stdout, library(other)), ["modified", "not staged", library(other), "valid"])
        XCTAssertFalse(status.stdout.contains("README"), "status lists content files only")

        let review = try runAssess("review")
        XCTAssertEqual(review.status, 0, review.stderr)
        let lines = review.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\(path)  (modified, draft -> reviewed)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("  ~ status ") && $0.hasSuffix("draft -> reviewed") }, review.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  + reviewers ") && $0.contains("Ben Lindqvist <ben@editors.example> on 2026-11-21") }, review.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  + perspective.score ") && $0.hasSuffix(" 6") }, review.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  ~ listen.date ") && $0.hasSuffix("2026-11-25 -> 2026-11-18") }, review.stdout)
        XCTAssertTrue(lines.contains("  validation: valid"), review.stdout)
        XCTAssertTrue(lines.contains("  machine −14.44 (mixed) · listen 6 (mixed) · delta +20.44 · bands agree"), review.stdout)
        XCTAssertEqual(lines.last, "1 assessment to commit")
        XCTAssertFalse(review.stdout.contains(library(other)), "review covers assessments only")

        // 3. Commit: the assessment alone.
        let commit = try runAssess("commit")
        XCTAssertEqual(commit.status, 0, commit.stderr)
        let id = try head()
        XCTAssertNotEqual(id, draftCommit)
        let printed = commit.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(printed.count, 3, commit.stdout)
        let summary = "Assess \(seed): draft -> reviewed"
        let match = printed.first.flatMap { $0.wholeMatch(of: /\[main ([0-9a-f]{7,40})\] (.*)/) }
        XCTAssertNotNil(match, commit.stdout)
        if let match {
            XCTAssertTrue(id.hasPrefix(String(match.1)), "\(match.1) is not HEAD \(id)")
            XCTAssertEqual(String(match.2), summary)
        }
        XCTAssertEqual(Array(printed.dropFirst()), [" 1 file changed", "  \(path)"])

        XCTAssertEqual(try gitLines("show", "--name-status", "--format=", "HEAD"), ["M\t\(path)"])
        XCTAssertEqual(try gitLines("rev-parse", "HEAD~1"), [draftCommit])
        XCTAssertEqual(try repo.git(["show", "HEAD:" + path]), try completeSeedAssessment())
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), ["README.md"], "the staged README stays staged")
        XCTAssertEqual(try repo.git(["show", ":README.md"]), "# Editorial content\n\nStaged, not for this commit.\n")
        XCTAssertEqual(try gitLines("status", "--porcelain"), ["M  README.md", " M \(library(other))"])
        XCTAssertEqual(try gitLines("log", "-1", "--format=%an <%ae>|%cn <%ce>"), ["Test Editor <editor@test.example>|Test Editor <editor@test.example>"])

        // The message: summary, a line per file, trailers git itself reads as trailers.
        let message = try repo.git(["log", "-1", "--format=%B"])
        XCTAssertTrue(message.hasPrefix(summary + "\n\n- \(seed): draft -> reviewed\n\n"), message)
        XCTAssertEqual(
            try repo.git(["log", "-1", "--format=%(trailers:only,unfold)"]),
            "Assessed-by: Ada Okafor <ada@editors.example>\nReviewed-by: Ben Lindqvist <ben@editors.example>\nMachine-scorer: library-lexicon@2026.04\n\n")

        // git accepts what libgit2 wrote.
        let log = try repo.git(["log", "-p", "-1"])
        XCTAssertTrue(log.contains("-  \"status\": \"draft\",\n+  \"status\": \"reviewed\","), log)
        XCTAssertEqual(try repo.gitRun(["fsck", "--strict", "--no-progress"]).status, 0)
        XCTAssertEqual(try repo.gitRun(["log", "-p", "--all"]).status, 0)

        XCTAssertEqual(try runAssess("review").stdout, "No assessment changes against HEAD: nothing to review.\n")
        XCTAssertFalse(try runAssess("status").stdout.contains(path))
    }

    func testFirstCommitOnAnUnbornBranch() throws {
        try addContent(commit: false)
        try repo.git(["add", "README.md"])
        let result = try runAssess("commit", "-m", "Add the first assessments")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertNotNil(lines.first?.wholeMatch(of: /\[main \(root-commit\) [0-9a-f]{7,40}\] Add the first assessments/), result.stdout)
        // Every bundled assessment (the seed and the draft among them), nothing else.
        let folder = "content/resources/transcript-assessments"
        let assessments = try FileManager.default.contentsOfDirectory(atPath: repo.root + "/" + folder)
            .filter { $0.hasSuffix(".json") }.sorted().map { folder + "/" + $0 }
        XCTAssertTrue(assessments.contains(assessment(seed)) && assessments.contains(assessment(draft)), "\(assessments)")
        XCTAssertEqual(Array(lines.dropFirst()), [" \(assessments.count) files changed"] + assessments.map { "  " + $0 })

        XCTAssertEqual(try gitLines("rev-list", "--parents", "HEAD"), [try head()], "a root commit with no parent")
        XCTAssertEqual(try gitLines("ls-tree", "-r", "--name-only", "HEAD"), assessments)
        XCTAssertEqual(try gitLines("log", "-1", "--format=%B"), ["Add the first assessments"])
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), ["README.md"], "README stays staged and out")
        XCTAssertTrue(try gitLines("status", "--porcelain").contains("?? schemas/"))
        XCTAssertEqual(try gitLines("reflog", "--format=%gs"), ["commit (initial): Add the first assessments"])
        XCTAssertEqual(try repo.gitRun(["fsck", "--strict", "--no-progress"]).status, 0)
    }

    func testDeletedAssessmentIsCommittedAsADeletion() throws {
        try addContent()
        try repo.remove(assessment(draft))
        XCTAssertEqual(statusRow(try runAssess("status").stdout, assessment(draft)), ["deleted", "not staged", assessment(draft), "was draft", "-"])
        let review = try runAssess("review")
        XCTAssertTrue(review.stdout.hasPrefix("\(assessment(draft))  (deleted, was draft)\n"), review.stdout)
        XCTAssertTrue(review.stdout.contains("  validation: - (deleted)\n"), review.stdout)

        let result = try runAssess("commit")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("] Assess \(draft): deleted\n"), result.stdout)
        XCTAssertEqual(try gitLines("show", "--name-status", "--format=", "HEAD"), ["D\t\(assessment(draft))"])
        XCTAssertEqual(try gitLines("ls-files", "--", assessment(draft)), [])
        XCTAssertEqual(try gitLines("status", "--porcelain"), [])
        XCTAssertEqual(try repo.gitRun(["fsck", "--strict", "--no-progress"]).status, 0)
    }

    func testMessageOptionIsCleanedAsGitCleansIt() throws {
        try addContent()
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
        let result = try runAssess("commit", "-m", "Nanda: score 7  \n\n\n#42 is not a comment with -m\n\n\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("] Nanda: score 7\n"), result.stdout)
        let raw = try repo.git(["cat-file", "commit", "HEAD"])
        XCTAssertTrue(raw.hasSuffix("\n\nNanda: score 7\n\n#42 is not a comment with -m\n"), raw)
        XCTAssertEqual(try gitLines("log", "-1", "--format=%(trailers)"), [], "no generated trailers with -m")

        try change(assessment(seed), "\"score\": 7,", "\"score\": 8,")
        try assertRefused(["commit", "-m", "  \n\n"], saying: ["the commit message is empty; nothing was committed"])
    }

    func testCommitByPathFromASubfolderAndBySlugWithItsLibraryItem() throws {
        try addContent()
        let folder = "content/resources/transcript-assessments"
        // The seed partly staged (7 staged, 8 in the work tree); the draft's change staged.
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
        try repo.git(["add", assessment(seed)])
        try change(assessment(seed), "\"score\": 7,", "\"score\": 8,")
        try change(assessment(draft), "\"superalignment\"", "\"superalignment\", \"scalable oversight\"")
        try repo.git(["add", assessment(draft)])

        // Like git commit -- PATH: the work tree's version is committed, and the index follows for that path alone.
        let byPath = try runAssess("commit", "./\(seed).json", "-m", "Nanda: 8", in: folder)
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
        XCTAssertTrue(byPath.stdout.hasSuffix("] Nanda: 8\n 1 file changed\n  \(seed).json\n"), byPath.stdout)
        XCTAssertEqual(try gitLines("show", "--name-only", "--format=", "HEAD"), [assessment(seed)])
        XCTAssertTrue(try repo.git(["show", "HEAD:" + assessment(seed)]).contains("\"score\": 8,"))
        XCTAssertEqual(try gitLines("status", "--porcelain"), ["M  \(assessment(draft))"], "the draft is still staged, the seed clean")

        // A slug takes the item's changed library item too, and nothing of another slug.
        try change(library(draft), "\"tags\": [", "\"tags\": [\"oversight\", ")
        try change(library(other), "\"tags\": [", "\"tags\": [\"coups\", ")
        let bySlug = try runAssess("commit", draft)
        XCTAssertEqual(bySlug.status, 0, bySlug.stderr)
        XCTAssertTrue(bySlug.stdout.contains(" 2 files changed\n  \(assessment(draft))\n  \(library(draft))\n"), bySlug.stdout)
        XCTAssertEqual(try gitLines("show", "--name-only", "--format=", "HEAD").sorted(), [assessment(draft), library(draft)].sorted())
        XCTAssertEqual(try gitLines("status", "--porcelain"), [" M \(library(other))"])
        XCTAssertTrue(try repo.git(["log", "-1", "--format=%s"]).contains("\(draft): update (draft), library item modified"))
    }

    // MARK: formats

    /// The seed moved to published with a listen score of -10.64 (staged), and the draft made
    /// reviewed while still incomplete (invalid, not staged).
    private func publishAndBreak() throws {
        try change(assessment(seed), "\"status\": \"reviewed\"", "\"status\": \"published\"")
        try change(assessment(seed), "\"score\": 6,", "\"score\": -10.64,")
        try repo.git(["add", assessment(seed)])
        try change(assessment(draft), "\"status\": \"draft\"", "\"status\": \"reviewed\"")
    }

    func testStatusJSON() throws {
        try addContent()
        let clean = try runAssess("status", "--format", "json")
        XCTAssertEqual(clean.status, 0, clean.stderr)
        let empty = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(empty["branch"] as? String, "main")
        XCTAssertEqual(empty["clean"] as? Bool, true)
        XCTAssertEqual((empty["changes"] as? [Any])?.count, 0)
        XCTAssertEqual(try runAssess("status").stdout, "On branch main\nNo content changes against HEAD.\n")

        try publishAndBreak()
        let result = try runAssess("status", "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["branch"] as? String, "main")
        XCTAssertEqual(json["clean"] as? Bool, false)
        let changes = try XCTUnwrap(json["changes"] as? [[String: Any]])
        XCTAssertEqual(changes.map { $0["path"] as? String }, [assessment(seed), assessment(draft)])
        let seedEntry = changes[0]
        XCTAssertEqual(seedEntry["kind"] as? String, "transcript-assessment")
        XCTAssertEqual(seedEntry["change"] as? String, "modified")
        XCTAssertEqual(seedEntry["stage"] as? String, "staged")
        XCTAssertEqual(seedEntry["statusAtHead"] as? String, "reviewed")
        XCTAssertEqual(seedEntry["status"] as? String, "published")
        XCTAssertEqual(seedEntry["valid"] as? Bool, true)
        XCTAssertEqual(seedEntry["errors"] as? Int, 0)
        XCTAssertEqual(seedEntry["warnings"] as? Int, 0)
        let draftEntry = changes[1]
        XCTAssertEqual(draftEntry["stage"] as? String, "not staged")
        XCTAssertEqual(draftEntry["statusAtHead"] as? String, "draft")
        XCTAssertEqual(draftEntry["status"] as? String, "reviewed")
        XCTAssertEqual(draftEntry["valid"] as? Bool, false)
        XCTAssertGreaterThan(draftEntry["errors"] as? Int ?? 0, 0)

        let text = try runAssess("status")
        XCTAssertTrue(text.stdout.hasSuffix("\n\n1 file with errors: run `assess validate` for details.\n"), text.stdout)
    }

    func testReviewJSONAndText() throws {
        try addContent()
        try publishAndBreak()
        let result = try runAssess("review", "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let items = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(items.map { $0["path"] as? String }, [assessment(seed), assessment(draft)])

        let seedItem = items[0]
        XCTAssertEqual(seedItem["change"] as? String, "modified")
        XCTAssertEqual(seedItem["statusAtHead"] as? String, "reviewed")
        XCTAssertEqual(seedItem["status"] as? String, "published")
        XCTAssertEqual(seedItem["valid"] as? Bool, true)
        XCTAssertEqual((seedItem["diagnostics"] as? [Any])?.count, 0)
        let fields = try XCTUnwrap(seedItem["fields"] as? [[String: Any]])
        let statusField = fields.first { $0["field"] as? String == "status" }
        XCTAssertEqual(statusField?["kind"] as? String, "changed")
        XCTAssertEqual(statusField?["old"] as? String, "\"reviewed\"")
        XCTAssertEqual(statusField?["new"] as? String, "\"published\"")
        XCTAssertEqual(fields.first { $0["field"] as? String == "perspective.score" }?["new"] as? String, "-10.64")
        XCTAssertEqual(fields.count, 2, "\(fields)")
        let machine = try XCTUnwrap(seedItem["machine"] as? [String: Any])
        XCTAssertEqual(machine["scorer"] as? String, "library-lexicon@2026.04")
        XCTAssertEqual(machine["headlineScore"] as? Double, -14.44)
        XCTAssertEqual(machine["listenScore"] as? Double, -10.64)
        XCTAssertEqual(machine["headlineBand"] as? String, "mixed")
        XCTAssertEqual(machine["bandsAgree"] as? Bool, true)
        // Never the raw float (3.799999999999999) the seed page shows.
        XCTAssertTrue(result.stdout.contains("\"delta\": 3.8,"), result.stdout)

        let draftItem = items[1]
        XCTAssertEqual(draftItem["valid"] as? Bool, false)
        let diagnostics = try XCTUnwrap(draftItem["diagnostics"] as? [[String: Any]])
        XCTAssertFalse(diagnostics.isEmpty)
        XCTAssertNil(draftItem["machine"], "the draft has no map and no score")

        let text = try runAssess("review")
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("  machine −14.44 (mixed) · listen −10.64 (mixed) · delta +3.80 · bands agree\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\(assessment(draft))  (modified, draft -> reviewed)\n"), text.stdout)
        XCTAssertNotNil(text.stdout.firstMatch(of: /\n    \d+:\d+: error: .+ \[[a-z\/-]+\]\n/), "findings with line:col:\n\(text.stdout)")
        XCTAssertTrue(text.stdout.hasSuffix("assess commit will refuse until they are fixed\n"), text.stdout)

        let only = try runAssess("review", seed, "--format", "json")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [Any])?.count, 1)
        XCTAssertEqual(try runAssess("review", "../etc").status, 2)
    }

    func testReviewMarkdownHasATable() throws {
        try addContent()
        try publishAndBreak()
        let result = try runAssess("review", "--format", "markdown")
        XCTAssertEqual(result.status, 0, result.stderr)
        let text = result.stdout
        XCTAssertTrue(text.hasPrefix("### `\(assessment(seed))` (modified, reviewed → published)\n\n")
            || text.hasPrefix("### `\(assessment(seed))` (modified, reviewed -\\> published)\n\n"), text)
        XCTAssertTrue(text.contains("| Kind | Field | Change |\n|---|---|---|\n"), text)
        XCTAssertTrue(text.contains("| changed | `status` | `reviewed` → `published` |\n"), text)
        XCTAssertTrue(text.contains("| changed | `perspective.score` | `6` → `-10.64`"), text)
        XCTAssertTrue(text.contains("**Validation:** valid\n"), text)
        XCTAssertTrue(text.contains("**Machine:** machine −14.44 (mixed) · listen −10.64 (mixed) · delta +3.80 · bands agree\n"), text)
        XCTAssertTrue(text.contains("**Validation:**\n\n- error: line "), text)
    }

    // MARK: validate --staged

    func testValidateStagedChecksTheIndexNotTheWorkingFiles() throws {
        try addContent()
        let path = assessment(seed)
        let valid = try repo.read(path).replacingOccurrences(of: "\"score\": 6,", with: "\"score\": 7,")
        let invalid = valid.replacingOccurrences(of: "\"score\": 7,", with: "\"score\": 700,")
        let where_ = position(of: "700", inText: invalid)

        // An invalid version staged, the working file fixed but not staged: still fails.
        try repo.write(path, invalid)
        try repo.git(["add", path])
        try repo.write(path, valid)
        XCTAssertEqual(try runAssess("validate", path).status, 0, "the working file is valid")
        let staged = try runAssess("validate", "--staged")
        XCTAssertEqual(staged.status, 1, staged.stderr)
        XCTAssertTrue(staged.stderr.contains("\(path):\(where_): error: 700 is greater than the maximum 100 [schema/maximum]"), staged.stderr)
        XCTAssertEqual(staged.stdout, "1 file checked: 2 errors, 0 warnings\n")

        // A valid version staged, the working file broken: passes.
        try repo.git(["add", path])
        try repo.write(path, invalid)
        XCTAssertEqual(try runAssess("validate", path).status, 1, "the working file is invalid")
        let fixed = try runAssess("validate", "--staged")
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        XCTAssertEqual(fixed.stdout, "1 file checked: 0 errors, 0 warnings\n")
        XCTAssertEqual(fixed.stderr, "")

        // The library item is read from the index too: an assessment staged without its item fails.
        XCTAssertEqual(try runAssess("new", other, environment: ["GIT_AUTHOR_NAME": "Ada Okafor", "GIT_AUTHOR_EMAIL": "ada@editors.example"]).status, 0)
        try repo.git(["add", assessment(other)])
        try repo.git(["rm", "-q", "--cached", library(other)])
        XCTAssertEqual(try runAssess("validate", assessment(other)).status, 0, "valid against the working files")
        let noItem = try runAssess("validate", "--staged")
        XCTAssertEqual(noItem.status, 1)
        XCTAssertTrue(noItem.stderr.contains("[library-item-exists]"), noItem.stderr)
    }
}
