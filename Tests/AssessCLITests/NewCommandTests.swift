import Foundation
import XCTest
import _AssessTestSupport

final class NewCommandTests: CLITestCase {
    let slug = "tom-davidson-on-ai-enabled-coups"
    let identity = ["GIT_AUTHOR_NAME": "Cleo Marsh", "GIT_AUTHOR_EMAIL": "cleo@editors.example"]

    override func setUpWithError() throws {
        try super.setUpWithError()
        try ContentFixture.bundled(in: scratch)
    }

    func testScaffoldValidatesAsADraft() throws {
        let result = try assess("new", slug, environment: identity)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").first, "Created \(assessment(slug)) (draft)")
        let text = try scratch.read(assessment(slug))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        XCTAssertEqual(json?["status"] as? String, "draft")
        XCTAssertEqual(json?["slug"] as? String, slug)
        XCTAssertEqual((json?["assessor"] as? [String: Any])?["name"] as? String, "Cleo Marsh")
        XCTAssertEqual((json?["listen"] as? [String: Any])?["date"] as? String, "2026-11-25")
        XCTAssertEqual(json?["updated"] as? String, "2026-11-25")
        XCTAssertNil(json?["machineReview"], "no map exists for this item")

        let validate = try assess("validate", assessment(slug))
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertEqual(validate.stdout, "1 file checked: 0 errors, 0 warnings\n")
    }

    func testPrefillsTheMachineReviewFromTheMap() throws {
        try FileManager.default.removeItem(atPath: scratch.path + "/" + assessment(ContentFixture.seedSlug))
        XCTAssertEqual(try assess("new", ContentFixture.seedSlug, environment: identity).status, 0)
        let text = try scratch.read(assessment(ContentFixture.seedSlug))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let review = json?["machineReview"] as? [String: Any]
        XCTAssertEqual(review?["scorer"] as? String, "library-lexicon@2026.04")
        XCTAssertEqual(review?["headlineScore"] as? Double, -14.44)
        XCTAssertTrue(text.contains("\"headlineScore\": -14.44"), text)
        XCTAssertEqual(try assess("validate").status, 0)
    }

    func testAFinishedScaffoldStillHoldingPlaceholdersFails() throws {
        XCTAssertEqual(try assess("new", slug, environment: identity).status, 0)
        try edit(assessment(slug), replacing: "\"status\": \"draft\"", with: "\"status\": \"reviewed\"")
        let result = try assess("validate", assessment(slug))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("[placeholder]"), result.stderr)
    }

    func testRefusesToOverwriteWithoutForce() throws {
        XCTAssertEqual(try assess("new", slug, environment: identity).status, 0)
        try edit(assessment(slug), replacing: "\"status\": \"draft\"", with: "\"status\": \"draft\", \"editorNote\": \"mine\"")
        let again = try assess("new", slug, environment: identity)
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists; use --force"), again.stderr)
        XCTAssertTrue(try scratch.read(assessment(slug)).contains("mine"), "the file was changed")
        let forced = try assess("new", slug, "--force", environment: identity)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertFalse(try scratch.read(assessment(slug)).contains("mine"))
    }

    func testRefusesBadSlugsBeforeTouchingTheFileSystem() throws {
        for bad in ["../../etc/passwd", "Tom", "a b", "", "x/y"] {
            let result = try assess("new", bad, environment: identity)
            XCTAssertEqual(result.status, 2, "\(bad): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("invalid slug"), result.stderr)
        }
        XCTAssertEqual(
            try scratch.list("content/resources/transcript-assessments"),
            ["mechanistic-interpretability-with-neel-nanda.json", "superalignment-with-jan-leike.json"])
    }

    func testUnknownSlugSuggestsTheNearest() throws {
        let result = try assess("new", "tom-davidson-on-ai-enabled-coup", environment: identity)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no library item for \"tom-davidson-on-ai-enabled-coup\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"\(slug)\"?"), result.stderr)
    }

    func testLeavesNoTemporaryFiles() throws {
        XCTAssertEqual(try assess("new", slug, environment: identity).status, 0)
        let names = try scratch.list("content/resources/transcript-assessments")
        XCTAssertFalse(names.contains { $0.hasPrefix(".") }, "\(names)")
    }

    func testWithoutAnIdentityLeavesAPlaceholderAndSaysSo() throws {
        let result = try assess("new", slug)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("no git identity found"), result.stderr)
        XCTAssertTrue(try scratch.read(assessment(slug)).contains("\"TODO: your name\""))
    }

    func testEditOpensTheEditorThenValidates() throws {
        let editor = try scratch.write(".bin/fake-editor", "#!/bin/sh\nsed -i 's/\"status\": \"draft\"/\"status\": \"draft\", \"editorNote\": \"edited\"/' \"$1\"\n")
        chmod(editor, 0o755)
        var environment = identity
        environment["EDITOR"] = editor
        let result = try assess("new", slug, "--edit", environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(try scratch.read(assessment(slug)).contains("\"editorNote\": \"edited\""))
        XCTAssertTrue(result.stdout.contains("1 file checked: 0 errors, 0 warnings"), result.stdout)
    }
}
