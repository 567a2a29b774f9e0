import AssessGit
import XCTest
import _AssessTestSupport

final class IndexAndBlobTests: XCTestCase {
    func testBlobsAtHeadAndInTheIndex() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"staged\": true}\n")
        try fixture.git(["add", assessment("alpha")])
        try fixture.write(assessment("alpha"), "{\"in the work tree\": true}\n")
        let repository = try fixture.open()

        XCTAssertEqual(try repository.blobAtHead(assessment("alpha")), bytes("{\"slug\": \"alpha\"}\n"))
        XCTAssertEqual(try repository.blobInIndex(assessment("alpha")), bytes("{\"staged\": true}\n"))
        XCTAssertEqual(try repository.blobAtHead(assessment("beta")), try repository.blobInIndex(assessment("beta")))
    }

    func testAbsentFilesFoldersAndUnbornBranches() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("new"), "{}\n")
        try fixture.git(["add", assessment("new")])
        try fixture.git(["rm", "-q", "--cached", assessment("beta")])
        let repository = try fixture.open()
        XCTAssertNil(try repository.blobAtHead(assessment("new")))
        XCTAssertEqual(try repository.blobInIndex(assessment("new")), bytes("{}\n"))
        XCTAssertNil(try repository.blobInIndex(assessment("beta")))
        XCTAssertNil(try repository.blobAtHead(assessments), "a folder is not a blob")
        XCTAssertNil(try repository.blobAtHead("no/such/file.json"))

        let unborn = try GitFixture()
        try unborn.write("a.json", "{}\n")
        try unborn.git(["add", "a.json"])
        XCTAssertNil(try unborn.open().blobAtHead("a.json"))
        XCTAssertEqual(try unborn.open().blobInIndex("a.json"), bytes("{}\n"))
    }

    func testIndexSeesWhatGitStagedAfterOpening() throws {
        let fixture = try GitFixture.withContent()
        let repository = try fixture.open()
        XCTAssertEqual(try repository.blobInIndex(assessment("alpha")), bytes("{\"slug\": \"alpha\"}\n"))
        try fixture.write(assessment("alpha"), "{\"later\": 1}\n")
        try fixture.git(["add", assessment("alpha")])
        XCTAssertEqual(try repository.blobInIndex(assessment("alpha")), bytes("{\"later\": 1}\n"))
    }

    func testBlobsAreStoredContentAfterCleanFilters() throws {
        let fixture = try GitFixture()
        try fixture.git(["config", "core.autocrlf", "true"])
        try fixture.write("a.json", "{\r\n}\r\n")
        try fixture.git(["add", "a.json"])
        try fixture.git(["commit", "-q", "-m", "crlf"])
        XCTAssertEqual(try fixture.open().blobAtHead("a.json"), bytes("{\n}\n"))
    }

    func testIndexPathsUnderFolders() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("new"), "{}\n")
        try fixture.write(assessment("untracked"), "{}\n")
        try fixture.git(["add", assessment("new")])
        let repository = try fixture.open()
        XCTAssertEqual(
            try repository.indexPaths(under: [assessments]),
            [assessment("alpha"), assessment("beta"), assessment("new")])
        XCTAssertEqual(try repository.indexPaths(under: [oldAssessments]), ["\(oldAssessments)/alpha.json"])
        XCTAssertEqual(try repository.indexPaths(under: []).count, 5)
    }

    func testConflicts() throws {
        let fixture = try GitFixture.withContent()
        XCTAssertFalse(try fixture.open().hasConflicts())
        try makeConflict(in: fixture, path: assessment("alpha"))
        let repository = try fixture.open()
        XCTAssertTrue(try repository.hasConflicts())
        XCTAssertEqual(try repository.conflictedPaths(), [assessment("alpha")])
        XCTAssertNil(try repository.blobInIndex(assessment("alpha")), "only conflict stages, no stage 0")
        XCTAssertFalse(try repository.indexPaths(under: [assessments]).contains(assessment("alpha")))
        XCTAssertEqual(repository.state(), .merge)
    }

    func testIndexLock() throws {
        let fixture = try GitFixture.withContent()
        let repository = try fixture.open()
        XCTAssertEqual(repository.indexLockPath, fixture.root + "/.git/index.lock")
        XCTAssertFalse(repository.isIndexLocked)
        try fixture.write(".git/index.lock", "")
        XCTAssertTrue(repository.isIndexLocked)
    }
}
