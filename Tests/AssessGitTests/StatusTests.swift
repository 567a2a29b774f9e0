import AssessGit
import XCTest
import _AssessTestSupport

final class StatusTests: XCTestCase {
    func testCleanRepositoryHasNoEntries() throws {
        let fixture = try GitFixture.withContent()
        XCTAssertEqual(try fixture.open().status(under: [assessments]), [])
    }

    func testNewModifiedDeletedAndUntrackedFilesUnderTheFolder() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\", \"status\": \"draft\"}\n")
        try fixture.remove(assessment("beta"))
        try fixture.write(assessment("gamma"), "{}\n")
        try fixture.write(assessment("delta"), "{}\n")
        try fixture.git(["add", assessment("delta")])

        let entries = try fixture.open().status(under: [assessments])
        XCTAssertEqual(
            entries,
            [
                StatusEntry(path: assessment("alpha"), unstaged: .modified),
                StatusEntry(path: assessment("beta"), unstaged: .deleted),
                StatusEntry(path: assessment("delta"), staged: .added),
                StatusEntry(path: assessment("gamma"), unstaged: .added),
            ])
        XCTAssertTrue(entries[3].isUntracked)
        XCTAssertFalse(entries[2].isUntracked)
    }

    func testStagedAndUnstagedChangesOfOneFile() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        try fixture.git(["add", assessment("alpha")])
        try fixture.write(assessment("alpha"), "{\"v\": 3}\n")
        try fixture.git(["rm", "-q", "--cached", assessment("beta")])

        XCTAssertEqual(
            try fixture.open().status(under: [assessments]),
            [
                StatusEntry(path: assessment("alpha"), staged: .modified, unstaged: .modified),
                StatusEntry(path: assessment("beta"), staged: .deleted, unstaged: .added),
            ])
    }

    func testRenamesStagedAndUnstaged() throws {
        let fixture = try GitFixture.withContent()
        let body = String(repeating: "{\"line\": \"the same content, long enough to be a rename\"}\n", count: 5)
        try fixture.commitFiles([assessment("long"): body])
        try fixture.git(["mv", assessment("long"), assessment("longer")])
        try fixture.write(assessment("renamed-in-tree"), try fixture.read(assessment("alpha")))

        var entries = try fixture.open().status(under: [assessments])
        XCTAssertEqual(entries, [
            StatusEntry(path: assessment("longer"), oldPath: assessment("long"), staged: .renamed),
            StatusEntry(path: assessment("renamed-in-tree"), unstaged: .added),
        ])

        // Unstaged rename: tracked file moved away in the work tree, the new one left untracked.
        try fixture.git(["commit", "-q", "-m", "rename"])
        try FileManager.default.moveItem(
            atPath: fixture.root + "/" + assessment("longer"), toPath: fixture.root + "/" + assessment("longest"))
        try fixture.remove(assessment("renamed-in-tree"))
        entries = try fixture.open().status(under: [assessments])
        XCTAssertEqual(entries, [
            StatusEntry(path: assessment("longest"), oldPath: assessment("longer"), unstaged: .renamed)
        ])
    }

    func testFilesOutsideTheFoldersAreLeftOut() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write("content/resources/library/alpha.json", "{\"title\": \"Changed\"}\n")
        try fixture.write("README.md", "hello\n")
        try fixture.write(assessment("alpha"), "{}\n")
        XCTAssertEqual(try fixture.open().status(under: [assessments]).map(\.path), [assessment("alpha")])
        XCTAssertEqual(
            try fixture.open().status(under: [assessments, "content/resources/library"]).map(\.path),
            ["content/resources/library/alpha.json", assessment("alpha")])
        XCTAssertEqual(try fixture.open().status(under: []).count, 3, "no folders: the whole work tree")
    }

    func testSiblingFolderWithTheSamePrefixNeverMatches() throws {
        let fixture = try GitFixture.withContent()
        try fixture.write("\(oldAssessments)/alpha.json", "{\"old\": false}\n")
        try fixture.write("\(oldAssessments)/new.json", "{}\n")
        try fixture.write("\(assessments)-draft.json", "{}\n")
        XCTAssertEqual(try fixture.open().status(under: [assessments]), [])
        XCTAssertEqual(try fixture.open().status(under: [assessments + "/"]), [], "a trailing slash changes nothing")
        XCTAssertEqual(try fixture.open().status(under: [oldAssessments]).count, 2)
    }

    func testUntrackedFolderIsListedFileByFile() throws {
        let fixture = try GitFixture()
        try fixture.commitFiles(["README.md": "hi\n"])
        try fixture.write(assessment("one"), "{}\n")
        try fixture.write(assessment("two"), "{}\n")
        try fixture.write("\(oldAssessments)/three.json", "{}\n")
        XCTAssertEqual(
            try fixture.open().status(under: [assessments]),
            [StatusEntry(path: assessment("one"), unstaged: .added), StatusEntry(path: assessment("two"), unstaged: .added)])
    }

    func testIgnoredFilesAreLeftOut() throws {
        let fixture = try GitFixture.withContent()
        try fixture.commitFiles([".gitignore": "*.tmp\n"])
        try fixture.write("\(assessments)/scratch.tmp", "x\n")
        XCTAssertEqual(try fixture.open().status(under: [assessments]), [])
    }

    func testStatusOnAnUnbornBranch() throws {
        let fixture = try GitFixture()
        try fixture.write(assessment("alpha"), "{}\n")
        try fixture.write(assessment("beta"), "{}\n")
        try fixture.git(["add", assessment("beta")])
        XCTAssertEqual(
            try fixture.open().status(under: [assessments]),
            [StatusEntry(path: assessment("alpha"), unstaged: .added), StatusEntry(path: assessment("beta"), staged: .added)])
    }

    func testConflictIsReported() throws {
        let fixture = try GitFixture.withContent()
        try makeConflict(in: fixture, path: assessment("alpha"))
        let entries = try fixture.open().status(under: [assessments])
        XCTAssertEqual(entries.map(\.path), [assessment("alpha")])
        XCTAssertTrue(entries[0].isConflicted)
    }
}

/// A real conflicting `git merge` on `path`, left in progress.
func makeConflict(in fixture: GitFixture, path: String) throws {
    try fixture.git(["checkout", "-q", "-b", "other"])
    try fixture.commitFiles([path: "{\"side\": \"other\"}\n"], message: "other side")
    try fixture.git(["checkout", "-q", "main"])
    try fixture.commitFiles([path: "{\"side\": \"main\"}\n"], message: "main side")
    let merge = try fixture.gitRun(["merge", "other"])
    XCTAssertNotEqual(merge.status, 0, "the merge should stop on a conflict")
}
