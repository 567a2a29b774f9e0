import Foundation
import XCTest
import _AssessTestSupport

/// Every refusal of `assess commit`: its message, its exit status (1 for invalid files, 2 for the
/// rest), and HEAD, the index, the work tree and the git directory left exactly as they were.
/// Each repository also has a README change staged and a valid assessment change waiting, so a
/// refusal that committed anything, or touched the index, would show.
final class RefusalTests: GitCLITestCase {
    /// The bundled content committed, the README changed and staged, the seed's score moved (valid).
    private func prepare() throws {
        try addContent()
        try repo.write("README.md", "# Editorial content\n\nStaged elsewhere.\n")
        try repo.git(["add", "README.md"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
    }

    func testMergeInProgress() throws {
        try addContent()
        try repo.git(["checkout", "-q", "-b", "other"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 8,")
        try repo.git(["commit", "-q", "-am", "Other: 8"])
        try repo.git(["checkout", "-q", "main"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 9,")
        try repo.git(["commit", "-q", "-am", "Main: 9"])
        XCTAssertEqual(try repo.gitRun(["merge", "other"]).status, 1, "the merge conflicts")
        try change(assessment(draft), "\"superalignment\"", "\"superalignment\", \"oversight\"")

        let phrase = "a merge is in progress; finish or abort it first (git merge --continue / git merge --abort)"
        try assertRefused(["commit"], saying: ["assess: error: " + phrase])
        try assertRefused(["commit", draft], saying: [phrase])
        try assertRefused(["commit", "-m", "resolve", "--no-verify", assessment(draft)], saying: [phrase])
        XCTAssertTrue(FileManager.default.fileExists(atPath: repo.gitDirectory + "/MERGE_HEAD"))

        // status and review still read: the conflicted file is conflicted (and unparseable), not deleted.
        let status = try runAssess("status")
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertEqual(statusRow(status.stdout, assessment(seed)).first, "conflicted")
        let review = try runAssess("review", seed)
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.hasPrefix("\(assessment(seed))  (conflicted)\n"), review.stdout)
        XCTAssertFalse(review.stdout.contains("deleted"), review.stdout)
        XCTAssertTrue(review.stdout.contains(" [json-syntax]\n"), review.stdout)
    }

    func testRebaseInProgress() throws {
        try addContent()
        try change(assessment(draft), "\"superalignment\"", "\"superalignment\", \"oversight\"")
        try repo.git(["commit", "-q", "-am", "Draft emphases"])
        // Stop an interactive rebase at that commit, without a conflict, then change files.
        try repo.git(["rebase", "-q", "-i", "HEAD~1"], environment: ["GIT_SEQUENCE_EDITOR": "sed -i 1s/^pick/edit/"])
        try repo.write("README.md", "# Editorial content\n\nStaged elsewhere.\n")
        try repo.git(["add", "README.md"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
        try assertRefused(
            ["commit"],
            saying: ["an interactive rebase is in progress; finish or abort it first (git rebase --continue / git rebase --abort)"])
    }

    func testConflictedRebaseInProgress() throws {
        try addContent()
        try repo.git(["checkout", "-q", "-b", "topic"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 8,")
        try repo.git(["commit", "-q", "-am", "Topic: 8"])
        try repo.git(["checkout", "-q", "main"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 9,")
        try repo.git(["commit", "-q", "-am", "Main: 9"])
        try repo.git(["checkout", "-q", "topic"])
        XCTAssertNotEqual(try repo.gitRun(["rebase", "main"]).status, 0, "the rebase stops on a conflict")
        try change(assessment(draft), "\"superalignment\"", "\"superalignment\", \"oversight\"")
        try assertRefused(["commit", draft], saying: ["rebase is in progress; finish or abort it first", "git rebase --abort"])
    }

    func testConflictsInTheIndexWithoutAMerge() throws {
        try addContent()
        try change(assessment(seed), "\"score\": 6,", "\"score\": 10,")
        try repo.git(["stash", "-q"])
        try change(assessment(seed), "\"score\": 6,", "\"score\": 11,")
        try repo.git(["commit", "-q", "-am", "Score 11"])
        XCTAssertNotEqual(try repo.gitRun(["stash", "pop"]).status, 0, "the stash conflicts")
        XCTAssertFalse(FileManager.default.fileExists(atPath: repo.gitDirectory + "/MERGE_HEAD"))
        try change(assessment(draft), "\"superalignment\"", "\"superalignment\", \"oversight\"")

        let phrase = "the index has unresolved conflicts (\(assessment(seed))); resolve them and git add the files"
        try assertRefused(["commit"], saying: [phrase])
        try assertRefused(["commit", draft], saying: [phrase])
    }

    func testHeldIndexLockIsNeitherUsedNorDeleted() throws {
        try prepare()
        let lock = repo.gitDirectory + "/index.lock"
        try Data("held by another git\n".utf8).write(to: URL(fileURLWithPath: lock))
        try assertRefused(
            ["commit"],
            saying: ["another git process seems to be running: \(lock) exists; if none is, remove the file and retry"])
        XCTAssertEqual(try String(contentsOfFile: lock, encoding: .utf8), "held by another git\n", "the lock is left alone")

        // Only the lock stood in the way.
        try FileManager.default.removeItem(atPath: lock)
        XCTAssertEqual(try runAssess("commit").status, 0)
    }

    func testSparseCheckout() throws {
        try prepare()
        try repo.git(["commit", "-q", "-m", "README"])
        try repo.git(["sparse-checkout", "set", "--no-cone", "/content/", "/schemas/"])
        XCTAssertFalse(repo.exists("README.md"), "outside the sparse set")
        try change(assessment(seed), "\"score\": 7,", "\"score\": 8,")
        try assertRefused(
            ["commit"], saying: ["this is a sparse checkout", "commit with git, or leave sparse mode first (git sparse-checkout disable)"])
    }

    func testBareRepository() throws {
        try prepare()
        try repo.git(["commit", "-q", "-m", "README"])
        let bare = scratch.path + "/content.git"
        try repo.git(["clone", "-q", "--bare", repo.root, bare])
        let before = try listing(bare)
        for (arguments, folder) in [(["commit"], bare), (["commit", "--repo", bare], scratch.path), (["status"], bare)] {
            let result = try AssessProcess.run(arguments, in: folder, home: repo.home)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains("\(bare) is a bare repository; assess needs a working tree"), result.stderr)
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(try listing(bare), before)
    }

    /// Every file under `folder` with its bytes.
    private func listing(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder + "/" + relative)
            }
        }
        return files
    }

    func testNotARepository() throws {
        try ContentFixture.bundled(in: scratch)
        let before = try listing(scratch.path)
        for arguments in [["commit"], ["commit", seed], ["status"], ["review"], ["validate", "--staged"], ["hooks", "install"]] {
            let result = try AssessProcess.run(arguments, in: scratch.path)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("\(scratch.path) is not a git repository; this command works on git history"), result.stderr)
        }
        XCTAssertFalse(scratch.exists(".git"))
        XCTAssertEqual(try listing(scratch.path).filter { !$0.key.hasPrefix(".home/") }, before.filter { !$0.key.hasPrefix(".home/") })
    }

    func testNothingToCommit() throws {
        try addContent()
        try assertRefused(["commit"], saying: ["nothing to commit: no assessment differs from HEAD"])
        try assertRefused(
            ["commit", other], saying: ["nothing to commit: no assessment, library item or perspective map of \"\(other)\" differs from HEAD"])
        try assertRefused(["commit", assessment(seed)], saying: ["nothing to commit: \(assessment(seed)) does not differ from HEAD"])

        // A changed library item alone is not an assessment to commit.
        try change(library(other), "\"tags\": [", "\"tags\": [\"coups\", ")
        try assertRefused(["commit"], saying: ["nothing to commit: no assessment differs from HEAD"])

        // A change staged, then the working file put back as HEAD has it: what would be committed is HEAD.
        let original = try repo.read(assessment(seed))
        try change(assessment(seed), "\"score\": 6,", "\"score\": 7,")
        try repo.git(["add", assessment(seed)])
        try repo.write(assessment(seed), original)
        try assertRefused(["commit", seed], saying: ["nothing to commit: the files are the same as in HEAD"])
        XCTAssertEqual(try gitLines("diff", "--cached", "--name-only"), [assessment(seed)], "still staged")
    }

    func testFilesOutsideTheContentFolders() throws {
        try prepare()
        try repo.write("README.md", "# Editorial content\n\nChanged again.\n")
        try repo.write("notes/x.json", "{}\n")
        try repo.write("content/resources/transcripts/\(other).txt", "captions\n")
        let folders = "is outside the content folders (content/resources/{library, perspective-maps, transcript-assessments}); commit other files with git"
        try assertRefused(["commit", "README.md"], saying: ["README.md " + folders])
        try assertRefused(["commit", "notes/x.json"], saying: ["notes/x.json " + folders])
        try assertRefused(["commit", "x.json"], saying: ["x.json " + folders], in: "notes")
        try assertRefused(["commit", "content/resources/transcripts/\(other).txt"], saying: ["transcripts/\(other).txt " + folders])
        try assertRefused(["commit", "../outside.json"], saying: ["../outside.json " + folders])
        // A valid assessment named with them is not committed either.
        try assertRefused(["commit", assessment(seed), "README.md"], saying: ["README.md " + folders])
        try assertRefused(["commit", "Bad Slug"], saying: ["invalid slug"])
    }

    func testInvalidAssessment() throws {
        try prepare()
        try change(assessment(seed), "\"score\": 7,", "\"score\": 700,")
        let where_ = position(of: "700", inText: try repo.read(assessment(seed)))
        let result = try assertRefused(
            ["commit"], status: 1,
            saying: [
                "\(assessment(seed)):\(where_): error: 700 is greater than the maximum 100 [schema/maximum]",
                "error: band \"mixed\" contradicts score 700, which is opportunity-forward [band-score]",
                "assess: error: refusing to commit: 2 errors in the files to commit (see above); fix them and run assess commit again",
            ])
        XCTAssertEqual(result.stdout, "1 file checked: 2 errors, 0 warnings\n")

        // Truncated JSON, named by path from a subfolder, alongside a valid change: nothing is committed.
        try change(assessment(seed), "\"score\": 700,", "\"score\": 7,")
        let text = try repo.read(assessment(draft))
        try repo.write(assessment(draft), String(text.prefix(200)))
        let broken = try assertRefused(
            ["commit", "\(seed).json", "\(draft).json"], status: 1, saying: ["[json-syntax]", "refusing to commit: 1 error"],
            in: "content/resources/transcript-assessments")
        XCTAssertNotNil(broken.stderr.firstMatch(of: try Regex("(^|\n)\(draft)\\.json:\\d+:\\d+: error: ")), broken.stderr)
    }

    func testSignedCommitsAreLeftToGit() throws {
        try prepare()
        try repo.git(["config", "commit.gpgsign", "true"])
        try assertRefused(
            ["commit"],
            saying: ["this repository signs commits (commit.gpgsign), which assess cannot do; commit with git instead: git commit -- <paths>"])
    }

    func testNoIdentity() throws {
        try prepare()
        try repo.git(["config", "--unset", "user.name"])
        try repo.git(["config", "--unset", "user.email"])
        try assertRefused(
            ["commit"],
            saying: [
                "assess: error: no git identity for the author: set one with",
                "git config --global user.name \"Your Name\"", "git config --global user.email you@example.com",
                "(or GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL in the environment)",
            ])
        // An e-mail address alone is not an identity.
        try assertRefused(["commit"], saying: ["no git identity for the author"], environment: ["EMAIL": "ada@editors.example"])

        // The environment is an identity, as for git.
        let identity = [
            "GIT_AUTHOR_NAME": "Ada Okafor", "GIT_AUTHOR_EMAIL": "ada@editors.example",
            "GIT_COMMITTER_NAME": "Ben Lindqvist", "GIT_COMMITTER_EMAIL": "ben@editors.example",
        ]
        let result = try runAssess("commit", environment: identity)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            try gitLines("log", "-1", "--format=%an <%ae>|%cn <%ce>"), ["Ada Okafor <ada@editors.example>|Ben Lindqvist <ben@editors.example>"])
    }
}
