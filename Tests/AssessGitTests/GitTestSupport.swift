import AssessGit
import XCTest
import _AssessTestSupport

/// The folder the commands work on, and a sibling that must never match it.
let assessments = "content/resources/transcript-assessments"
let oldAssessments = "content/resources/transcript-assessments-old"

func assessment(_ slug: String) -> String { "\(assessments)/\(slug).json" }

let ada = GitIdentity(name: "Ada Editor", email: "ada@example.org")
let bo = GitIdentity(name: "Bo Committer", email: "bo@example.org")

extension GitFixture {
    /// A fixture with one commit holding an assessment, a library item and an old assessment.
    static func withContent() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.commitFiles(
            [
                assessment("alpha"): "{\"slug\": \"alpha\"}\n",
                assessment("beta"): "{\"slug\": \"beta\"}\n",
                "content/resources/library/alpha.json": "{\"title\": \"Alpha\"}\n",
                "\(oldAssessments)/alpha.json": "{\"old\": true}\n",
            ], message: "initial content")
        return fixture
    }

    func open() throws -> GitRepository {
        try GitRepository.discover(from: root)
    }

    /// Commits `paths` with the test identities and no hook.
    @discardableResult
    func commit(_ paths: [String], message: String = "Update assessments") throws -> CommitInfo {
        try open().commit(paths: paths, message: message, author: ada, committer: bo) { _ in }
    }
}

/// The `GitCommitError` a call threw, failing the test when it threw something else or nothing.
func commitError(
    file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) -> GitCommitError? {
    do {
        try body()
        XCTFail("expected a GitCommitError, but the call succeeded", file: file, line: line)
    } catch let error as GitCommitError {
        return error
    } catch {
        XCTFail("expected a GitCommitError, got \(error)", file: file, line: line)
    }
    return nil
}

func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
