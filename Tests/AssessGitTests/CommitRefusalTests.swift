import AssessGit
import Foundation
import XCTest
import _AssessTestSupport

/// Every refusal leaves HEAD, the index, the work tree and the git directory as they were.
final class CommitRefusalTests: XCTestCase {
    /// Commits alpha with a hook that must never run, expecting a refusal that changes nothing.
    private func refusal(
        _ fixture: GitFixture, paths: [String] = [assessment("alpha")], message: String = "Update",
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> GitCommitError? {
        let before = try fixture.snapshot()
        let error = commitError(file: file, line: line) {
            _ = try fixture.open().commit(paths: paths, message: message, author: ada, committer: ada) { _ in
                XCTFail("beforeCommit must not run for a refused commit", file: file, line: line)
            }
        }
        XCTAssertEqual(try fixture.snapshot(), before, file: file, line: line)
        return error
    }

    func testMergeInProgress() throws {
        let fixture = try GitFixture.withContent()
        try makeConflict(in: fixture, path: assessment("beta"))
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        let error = try refusal(fixture)
        guard case .inProgress(.merge)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(
            "\(error!)", "a merge is in progress; finish or abort it first (git merge --continue / git merge --abort)")
    }

    func testConflictsWithoutAMergeState() throws {
        let fixture = try GitFixture.withContent()
        try makeConflict(in: fixture, path: assessment("beta"))
        try FileManager.default.removeItem(atPath: fixture.root + "/.git/MERGE_HEAD")
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        let error = try refusal(fixture)
        guard case .conflicts(let paths)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(paths, [assessment("beta")])
    }

    func testRebaseInProgress() throws {
        let fixture = try GitFixture.withContent()
        try fixture.commitFiles([assessment("beta"): "{\"v\": 2}\n"], message: "second")
        // Stop an interactive rebase at its first commit, without any conflict.
        try fixture.git(["rebase", "-q", "-i", "HEAD~1"], environment: ["GIT_SEQUENCE_EDITOR": "sed -i 1s/^pick/edit/"])
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        let error = try refusal(fixture)
        guard case .inProgress(let state)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(state, .rebaseInteractive)
        XCTAssertTrue("\(error!)".contains("an interactive rebase is in progress"), "\(error!)")
        XCTAssertTrue("\(error!)".contains("git rebase --abort"), "\(error!)")
    }

    func testConflictedRebaseInProgress() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["checkout", "-q", "-b", "other"])
        try fixture.commitFiles([assessment("beta"): "{\"side\": \"other\"}\n"], message: "other side")
        try fixture.git(["checkout", "-q", "main"])
        try fixture.commitFiles([assessment("beta"): "{\"side\": \"main\"}\n"], message: "main side")
        try fixture.git(["checkout", "-q", "other"])
        XCTAssertNotEqual(try fixture.gitRun(["rebase", "main"]).status, 0)
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        let error = try refusal(fixture)
        guard case .inProgress(let state)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertTrue([.rebase, .rebaseMerge, .rebaseInteractive].contains(state), "\(state)")
    }

    func testHeldIndexLock() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        let lock = try fixture.write(".git/index.lock", "")

        let error = try refusal(fixture)
        guard case .indexLocked(let path)? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(path, lock)
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock), "never deleted")
        XCTAssertEqual(
            "\(error!)", "another git process seems to be running: \(lock) exists; if none is, remove the file and retry")
    }

    func testSparseCheckoutSetByGit() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["sparse-checkout", "set", "content/resources/transcript-assessments"])
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        guard case .sparseCheckout? = try refusal(fixture) else { return XCTFail() }
    }

    func testSparseCheckoutWithASparseIndex() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["sparse-checkout", "set", "--sparse-index", "content/resources/transcript-assessments"])
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        guard case .sparseCheckout? = try refusal(fixture) else { return XCTFail() }
    }

    func testSparseCheckoutInTheRepositoryConfig() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["config", "core.sparseCheckout", "true"])
        try fixture.write(".git/info/sparse-checkout", "/content/resources/transcript-assessments/\n")
        try fixture.git(["read-tree", "-mu", "HEAD"])
        XCTAssertFalse(fixture.exists("content/resources/library/alpha.json"))
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")

        guard case .sparseCheckout? = try refusal(fixture) else { return XCTFail() }
    }

    func testBareRepository() throws {
        let source = try GitFixture.withContent()
        let bare = try GitFixture(bare: true)
        try source.git(["push", "-q", bare.root, "main"])
        let head = try bare.git(["rev-parse", "HEAD"])

        XCTAssertThrowsError(try bare.open()) { error in
            guard case GitRepositoryError.bare = error else { return XCTFail("\(error)") }
        }
        // A work tree whose config says core.bare: libgit2 opens it as bare, and so is refused too.
        try source.git(["config", "core.bare", "true"])
        XCTAssertThrowsError(try source.open()) { error in
            guard case GitRepositoryError.bare = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try bare.git(["rev-parse", "HEAD"]), head)
    }

    func testNothingToCommit() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write("content/resources/library/alpha.json", "{\"staged\": \"elsewhere\"}\n")
        try fixture.git(["add", "content/resources/library/alpha.json"])

        guard case .nothingToCommit? = try refusal(fixture) else { return XCTFail() }
        guard case .nothingToCommit? = try refusal(fixture, paths: [assessment("never-existed")]) else { return XCTFail() }
        guard case .nothingToCommit? = try refusal(fixture, paths: []) else { return XCTFail() }
    }

    func testNothingToCommitOnAnUnbornBranch() throws {
        let fixture = try GitFixture()
        try fixture.write("notes.txt", "staged\n")
        try fixture.git(["add", "notes.txt"])
        guard case .nothingToCommit? = try refusal(fixture) else { return XCTFail() }
    }

    func testEmptyMessage() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        guard case .emptyMessage? = try refusal(fixture, message: " \n\n\t\n") else { return XCTFail() }
    }

    func testPathsOutsideTheRepository() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        for path in ["", "/etc/passwd", "../outside.json", "content/../../outside.json", ".git/config", "content//x.json",
                     "content/./x.json", "content/"] {
            guard case .pathOutsideRepository(let reported)? = try refusal(fixture, paths: [assessment("alpha"), path]) else {
                return XCTFail(path)
            }
            XCTAssertEqual(reported, path)
        }
    }

    func testPathBeyondASymbolicLink() throws {
        let fixture = try GitFixture.withContent()
        let outside = fixture.scratch.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: outside + "/secret.json"))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/linked", withDestinationPath: outside)

        guard case .pathBeyondSymlink(let path)? = try refusal(fixture, paths: ["linked/secret.json"]) else {
            return XCTFail()
        }
        XCTAssertEqual(path, "linked/secret.json")
    }

    func testFolderIsNotAFile() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        guard case .git(let error)? = try refusal(fixture, paths: [assessments]) else { return XCTFail() }
        XCTAssertTrue(error.description.contains("folder"), error.description)
    }

    func testBeforeCommitThrowingChangesNothing() throws {
        struct HookFailed: Error {}
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        try fixture.write("content/resources/library/alpha.json", "{\"staged\": \"elsewhere\"}\n")
        try fixture.git(["add", "content/resources/library/alpha.json"])
        let before = try fixture.snapshot()
        var temporaryIndex: String?

        XCTAssertThrowsError(
            try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { path in
                temporaryIndex = path
                throw HookFailed()
            }
        ) { error in
            XCTAssertTrue(error is HookFailed, "the hook's own error comes back: \(error)")
        }

        XCTAssertEqual(try fixture.snapshot(), before)
        XCTAssertNotNil(temporaryIndex)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporaryIndex ?? ""))
        XCTAssertFalse(try fixture.gitDirectoryHoldsTemporaryIndex())
    }

    func testTemporaryIndexRemovedByTheHook() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        let before = try fixture.snapshot()

        let error = commitError {
            _ = try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { path in
                try FileManager.default.removeItem(atPath: path)
            }
        }

        guard case .git? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(try fixture.snapshot(), before)
    }

    func testHeadMovedWhileCommitting() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        try fixture.write("content/resources/library/alpha.json", "{\"concurrent\": true}\n")

        let error = commitError {
            _ = try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { _ in
                try fixture.git(["commit", "-q", "-m", "concurrent", "--", "content/resources/library/alpha.json"])
            }
        }

        guard case .headMoved? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(try fixture.gitLines(["log", "-1", "--format=%s"]), ["concurrent"])
        XCTAssertEqual(try fixture.gitLines(["status", "--porcelain"]), [" M \(assessment("alpha"))"])
        XCTAssertFalse(try fixture.gitDirectoryHoldsTemporaryIndex())
    }

    func testHeadMovedOnAnUnbornBranch() throws {
        let fixture = try GitFixture()
        try fixture.write(assessment("alpha"), "{}\n")
        try fixture.write("other.txt", "x\n")

        let error = commitError {
            _ = try fixture.open().commit(paths: [assessment("alpha")], message: "m", author: ada, committer: ada) { _ in
                try fixture.git(["add", "other.txt"])
                try fixture.git(["commit", "-q", "-m", "first, elsewhere"])
            }
        }

        guard case .headMoved? = error else { return XCTFail("\(String(describing: error))") }
        XCTAssertEqual(try fixture.gitLines(["log", "--format=%s"]), ["first, elsewhere"])
    }
}
