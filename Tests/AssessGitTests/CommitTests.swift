import AssessGit
import Foundation
import XCTest
import _AssessTestSupport

final class CommitTests: XCTestCase {
    func testCommitsOnlyThePathWhileOtherStagedWorkStaysStaged() throws {
        let fixture = try GitFixture.withContent()
        let before = try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .newlines)
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\", \"status\": \"draft\"}\n")
        try fixture.write("content/resources/library/alpha.json", "{\"title\": \"Staged elsewhere\"}\n")
        try fixture.git(["add", "content/resources/library/alpha.json"])
        try fixture.write(assessment("beta"), "{\"unstaged\": true}\n")

        let commit = try fixture.commit([assessment("alpha")], message: "Update alpha\n\nListened again.")

        XCTAssertEqual(try fixture.gitLines(["show", "--name-only", "--format=", "HEAD"]), [assessment("alpha")])
        XCTAssertEqual(try fixture.gitLines(["diff", "--cached", "--name-only"]), ["content/resources/library/alpha.json"])
        XCTAssertEqual(try fixture.gitLines(["diff", "--name-only"]), [assessment("beta")])
        XCTAssertEqual(try fixture.git(["show", "HEAD:" + assessment("alpha")]), try fixture.read(assessment("alpha")))
        XCTAssertEqual(try fixture.gitLines(["rev-parse", "HEAD", "HEAD^"]), [commit.id, before])
        XCTAssertEqual(try fixture.gitLines(["log", "-1", "--format=%an%n%ae%n%cn%n%ce%n%B"]),
                       ["Ada Editor", "ada@example.org", "Bo Committer", "bo@example.org", "Update alpha", "Listened again."])
        XCTAssertEqual(try fixture.gitLines(["reflog", "-1", "--format=%gs", "HEAD"]), ["commit: Update alpha"])
        XCTAssertEqual(try fixture.gitLines(["reflog", "-1", "--format=%gs", "main"]), ["commit: Update alpha"])
        try assertFsckClean(fixture)

        XCTAssertEqual(commit.summary, "Update alpha")
        XCTAssertEqual(commit.message, "Update alpha\n\nListened again.\n")
        XCTAssertEqual(commit.author, ada)
        XCTAssertEqual(commit.committer, bo)
        XCTAssertEqual(commit.date.timeIntervalSinceNow, 0, accuracy: 120)
        XCTAssertEqual(try fixture.open().headCommit(), commit)
        XCTAssertFalse(try fixture.gitDirectoryHoldsTemporaryIndex())
    }

    func testFirstCommitOnAnUnbornBranch() throws {
        let fixture = try GitFixture()
        try fixture.write(assessment("alpha"), "{}\n")
        try fixture.write("notes.txt", "staged, not committed\n")
        try fixture.git(["add", "notes.txt"])

        let commit = try fixture.commit([assessment("alpha")], message: "First assessment")

        XCTAssertEqual(try fixture.gitLines(["rev-list", "HEAD"]), [commit.id])
        XCTAssertEqual(try fixture.gitLines(["ls-tree", "-r", "--name-only", "HEAD"]), [assessment("alpha")])
        XCTAssertEqual(try fixture.gitLines(["diff", "--cached", "--name-only"]), ["notes.txt"])
        XCTAssertEqual(try fixture.gitLines(["reflog", "-1", "--format=%gs", "main"]), ["commit (initial): First assessment"])
        XCTAssertEqual(try fixture.open().currentBranch, "main")
        XCTAssertFalse(try fixture.open().isHeadUnborn)
        try assertFsckClean(fixture)
    }

    func testDeletionIsCommitted() throws {
        let fixture = try GitFixture.withContent()
        try fixture.remove(assessment("beta"))
        try fixture.remove(assessment("alpha"))
        try fixture.git(["rm", "-q", "--cached", assessment("alpha")])  // one deletion staged, one not

        try fixture.commit([assessment("beta"), assessment("alpha")], message: "Remove two")

        XCTAssertEqual(try fixture.gitLines(["show", "--name-status", "--format=", "HEAD"]),
                       ["D\t\(assessment("alpha"))", "D\t\(assessment("beta"))"])
        XCTAssertEqual(try fixture.git(["status", "--porcelain"]), "")
        XCTAssertEqual(try fixture.open().indexPaths(under: [assessments]), [])
    }

    func testWorkTreeContentWinsOverAStagedVersion() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": \"staged\"}\n")
        try fixture.git(["add", assessment("alpha")])
        try fixture.write(assessment("alpha"), "{\"v\": \"work tree\"}\n")
        try fixture.write(assessment("gamma"), "{\"new\": true}\n")

        try fixture.commit([assessment("alpha"), assessment("gamma"), assessment("alpha")])

        XCTAssertEqual(try fixture.git(["show", "HEAD:" + assessment("alpha")]), "{\"v\": \"work tree\"}\n")
        XCTAssertEqual(try fixture.git(["show", "HEAD:" + assessment("gamma")]), "{\"new\": true}\n")
        XCTAssertEqual(try fixture.git(["status", "--porcelain"]), "", "index and work tree match the commit")
    }

    func testCleanFiltersAndFileModesApply() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["config", "core.autocrlf", "true"])
        try fixture.write(assessment("alpha"), "{\r\n  \"crlf\": true\r\n}\r\n")
        try fixture.write(assessment("tool"), "#!/bin/sh\n")
        XCTAssertEqual(chmod(fixture.root + "/" + assessment("tool"), 0o755), 0)

        try fixture.commit([assessment("alpha"), assessment("tool")])

        XCTAssertEqual(try fixture.git(["cat-file", "blob", "HEAD:" + assessment("alpha")]), "{\n  \"crlf\": true\n}\n")
        XCTAssertTrue(try fixture.git(["ls-tree", "HEAD", assessment("tool")]).hasPrefix("100755 "))
        XCTAssertEqual(try fixture.git(["status", "--porcelain"]), "")
    }

    func testBeforeCommitSeesTheTemporaryIndexAndItIsRemovedAfterwards() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        try fixture.write("content/resources/library/alpha.json", "{\"title\": \"Staged elsewhere\"}\n")
        try fixture.git(["add", "content/resources/library/alpha.json"])
        var seen: String?

        _ = try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { path in
            seen = path
            XCTAssertTrue(path.hasPrefix(fixture.root + "/.git/assess-index-"), path)
            XCTAssertTrue(FileManager.default.fileExists(atPath: path))
            let staged = try fixture.gitLines(["diff", "--cached", "--name-only"], environment: ["GIT_INDEX_FILE": path])
            XCTAssertEqual(staged, [assessment("alpha")], "the hook sees HEAD plus the committed path alone")
            let dirty = try fixture.gitLines(["diff", "--name-only"], environment: ["GIT_INDEX_FILE": path])
            XCTAssertEqual(dirty, ["content/resources/library/alpha.json"])
        }

        let path = try XCTUnwrap(seen)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(try fixture.gitDirectoryHoldsTemporaryIndex())
    }

    func testWhatTheHookStagesInTheTemporaryIndexIsCommitted() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\":2}\n")

        _ = try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { path in
            // A formatting hook: rewrites the file and stages it where it was told to.
            try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
            try fixture.git(["add", assessment("alpha")], environment: ["GIT_INDEX_FILE": path])
        }

        XCTAssertEqual(try fixture.git(["show", "HEAD:" + assessment("alpha")]), "{\"v\": 2}\n")
        XCTAssertEqual(try fixture.git(["status", "--porcelain"]), "")
    }

    func testCommitFromALinkedWorktree() throws {
        let fixture = try GitFixture.withContent()
        let worktree = fixture.scratch.path + "/second"
        try fixture.git(["worktree", "add", "-q", "-b", "side", worktree])
        try Data("{\"side\": true}\n".utf8).write(to: URL(fileURLWithPath: worktree + "/" + assessment("alpha")))
        try fixture.write(assessment("beta"), "{\"main\": \"untouched\"}\n")

        let repository = try GitRepository.discover(from: worktree)
        let commit = try repository.commit(paths: [assessment("alpha")], message: "Side", author: ada, committer: ada) { _ in }

        XCTAssertEqual(try fixture.gitLines(["rev-parse", "side"]), [commit.id])
        XCTAssertEqual(try fixture.git(["status", "--porcelain"], in: worktree), "")
        XCTAssertEqual(try fixture.gitLines(["status", "--porcelain"]), [" M \(assessment("beta"))"])
        XCTAssertEqual(try fixture.gitLines(["rev-list", "--count", "main"]), ["1"])
    }

    func testIndexLockedAfterTheCommitIsReportedWithTheWayToSync() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        let lock = fixture.root + "/.git/index.lock"

        let error = commitError {
            _ = try fixture.open().commit(paths: [assessment("alpha")], message: "Locked", author: ada, committer: ada) { _ in
                // Another git process starts writing the index while the commit is made.
                _ = FileManager.default.createFile(atPath: lock, contents: Data())
            }
        }

        guard case .indexNotUpdated(let commit, let paths, let cause)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(cause.code, .locked)
        XCTAssertEqual(paths, [assessment("alpha")])
        XCTAssertEqual(try fixture.gitLines(["rev-parse", "HEAD"]), [commit.id])
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock), "the lock is never deleted")
        let message = "\(error!)"
        XCTAssertTrue(message.contains("committed \(commit.shortID)"), message)
        XCTAssertTrue(message.contains("git reset -q -- \(assessment("alpha"))"), message)

        try FileManager.default.removeItem(atPath: lock)
        XCTAssertEqual(try fixture.gitLines(["diff", "--cached", "--name-only"]), [assessment("alpha")], "index still old")
        try fixture.git(["reset", "-q", "--", assessment("alpha")])
        XCTAssertEqual(try fixture.git(["status", "--porcelain"]), "")
    }

    func testUnicodeAndSpacesInPaths() throws {
        let fixture = try GitFixture.withContent()
        let path = "\(assessments)/café notes ☕.json"
        try fixture.write(path, "{}\n")
        XCTAssertEqual(try fixture.open().status(under: [assessments]), [StatusEntry(path: path, unstaged: .added)])

        try fixture.commit([path])

        XCTAssertEqual(try fixture.git(["-c", "core.quotePath=false", "show", "--name-only", "--format=", "HEAD"]), path + "\n")
        XCTAssertEqual(try fixture.open().blobAtHead(path), bytes("{}\n"))
        XCTAssertEqual(try fixture.open().status(under: [assessments]), [])
    }

    func testMessageIsCleaned() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        let commit = try fixture.commit([assessment("alpha")], message: "Title   \n\n\n\nBody\n\n\n")
        XCTAssertEqual(commit.message, "Title\n\nBody\n")
    }

    private func assertFsckClean(_ fixture: GitFixture, file: StaticString = #filePath, line: UInt = #line) throws {
        let fsck = try fixture.gitRun(["fsck", "--strict", "--no-dangling"])
        XCTAssertEqual(fsck.status, 0, fsck.stderr + fsck.stdout, file: file, line: line)
        XCTAssertEqual(fsck.stdout, "", file: file, line: line)
    }
}

extension GitFixture {
    func gitDirectoryHoldsTemporaryIndex() throws -> Bool {
        try FileManager.default.contentsOfDirectory(atPath: gitDirectory).contains { $0.hasPrefix("assess-index") }
    }
}
