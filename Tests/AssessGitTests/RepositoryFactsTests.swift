import AssessGit
import Foundation
import XCTest
import _AssessTestSupport

final class RepositoryFactsTests: XCTestCase {
    func testUnbornBranch() throws {
        let fixture = try GitFixture()
        let repository = try fixture.open()
        XCTAssertTrue(repository.isHeadUnborn)
        XCTAssertNil(try repository.headCommit())
        XCTAssertEqual(repository.currentBranch, "main")
        XCTAssertEqual(repository.gitDirectory, fixture.root + "/.git")
        XCTAssertEqual(repository.state(), .clean)
    }

    func testHeadCommit() throws {
        let fixture = try GitFixture()
        try fixture.write("a.json", "{}\n")
        try fixture.git(["add", "a.json"])
        try fixture.git(
            ["commit", "-q", "-m", "Add a\n\nWith a body."],
            environment: ["GIT_AUTHOR_DATE": "@1700000000 +0100", "GIT_AUTHOR_NAME": "Cy Author", "GIT_AUTHOR_EMAIL": "cy@example.org"])
        let repository = try fixture.open()
        XCTAssertFalse(repository.isHeadUnborn)
        let head = try XCTUnwrap(try repository.headCommit())
        XCTAssertEqual(head.id, try fixture.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(head.id.count, 40)
        XCTAssertEqual(head.shortID, String(head.id.prefix(7)))
        XCTAssertEqual(head.summary, "Add a")
        XCTAssertEqual(head.message, "Add a\n\nWith a body.\n")
        XCTAssertEqual(head.author, GitIdentity(name: "Cy Author", email: "cy@example.org"))
        XCTAssertEqual(head.committer, GitIdentity(name: GitFixture.authorName, email: GitFixture.authorEmail))
        XCTAssertEqual(head.date, Date(timeIntervalSince1970: 1_700_000_000))
    }

    func testDetachedHeadHasNoBranch() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["checkout", "-q", "--detach"])
        XCTAssertNil(try fixture.open().currentBranch)
        try fixture.git(["checkout", "-q", "-b", "feature/x"])
        XCTAssertEqual(try fixture.open().currentBranch, "feature/x")
    }

    func testSigningAndHooksConfiguration() throws {
        let fixture = try GitFixture.withContent()
        var repository = try fixture.open()
        XCTAssertFalse(repository.signsCommits)
        XCTAssertEqual(repository.hooksDirectory, fixture.root + "/.git/hooks")

        try fixture.git(["config", "commit.gpgsign", "true"])
        try fixture.git(["config", "core.hooksPath", "tools/hooks"])
        repository = try fixture.open()
        XCTAssertTrue(repository.signsCommits)
        XCTAssertEqual(repository.hooksDirectory, fixture.root + "/tools/hooks")

        try fixture.git(["config", "core.hooksPath", "/opt/hooks"])
        XCTAssertEqual(try fixture.open().hooksDirectory, "/opt/hooks")
    }

    func testPrettifyMessage() throws {
        let repository = try GitFixture().open()
        XCTAssertEqual(try repository.prettifyMessage("  Title  \n\n\n# a comment\nBody   \n\n"), "  Title\n\nBody\n")
        XCTAssertEqual(try repository.prettifyMessage("# only a comment\n\n"), "")
        XCTAssertEqual(try repository.prettifyMessage("#1 keeps\n", stripComments: false), "#1 keeps\n")
    }

    func testSparseCheckoutDetection() throws {
        let fixture = try GitFixture.withContent()
        XCTAssertFalse(try fixture.open().isSparseCheckout)
        // `git sparse-checkout` (git 2.36+) writes core.sparseCheckout to config.worktree,
        // which libgit2 1.5.1 does not read on its own.
        try fixture.git(["sparse-checkout", "set", "content/resources/library"])
        XCTAssertTrue(try fixture.open().isSparseCheckout)
        try fixture.git(["sparse-checkout", "disable"])
        XCTAssertFalse(try fixture.open().isSparseCheckout)
    }

    func testDiscoveryFromASubfolder() throws {
        let fixture = try GitFixture.withContent()
        let repository = try GitRepository.discover(from: fixture.root + "/" + assessments)
        XCTAssertEqual(repository.workdir, fixture.root)
    }

    func testBareRepositoryIsRefusedAtDiscovery() throws {
        let fixture = try GitFixture(bare: true)
        XCTAssertThrowsError(try GitRepository.discover(from: fixture.root)) { error in
            guard case GitRepositoryError.bare = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("bare repository"))
        }
    }

    func testRepositoryOwnedByAnotherUser() throws {
        guard getuid() == 0 else { throw XCTSkip("needs root to give the repository to another user") }
        let fixture = try GitFixture.withContent()
        XCTAssertEqual(chown(fixture.root, 65534, 65534), 0)
        XCTAssertEqual(chown(fixture.root + "/.git", 65534, 65534), 0)
        XCTAssertThrowsError(try fixture.open()) { error in
            guard case GitRepositoryError.unsafeOwnership(let path) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, fixture.root)
            XCTAssertTrue("\(error)".contains("safe.directory"), "\(error)")
        }
    }

    func testSparseIndexIsExplained() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["sparse-checkout", "set", "--sparse-index", assessments])
        let repository = try fixture.open()
        XCTAssertTrue(repository.isSparseCheckout)
        XCTAssertThrowsError(try repository.status(under: [assessments])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("sparse index") && text.contains("--no-sparse-index"), text)
        }
        XCTAssertThrowsError(try repository.blobInIndex(assessment("alpha")))
    }

    func testUnsupportedRepositoryExtensionIsExplained() throws {
        let fixture = try GitFixture.withContent()
        try fixture.git(["config", "core.repositoryformatversion", "1"])
        try fixture.git(["config", "extensions.worktreeConfig", "true"])
        XCTAssertThrowsError(try fixture.open()) { error in
            guard case GitRepositoryError.git(let cause) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(cause.description.contains("cannot open repositories that set extensions.worktreeconfig"), "\(cause)")
        }
    }
}
