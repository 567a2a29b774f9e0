import Foundation
import XCTest
import _AssessTestSupport

final class ValidateCommandTests: CLITestCase {
    let seed = ContentFixture.seedSlug

    func testBundledContentIsValid() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("validate")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(repositoryFileCount()) files checked: 0 errors, 0 warnings\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testWorksFromASubfolderAndWithRepo() throws {
        try ContentFixture.bundled(in: scratch)
        XCTAssertEqual(try assess("validate", in: "content/resources/library").status, 0)
        let elsewhere = try ScratchDirectory()
        let result = try AssessProcess.run(["validate", "--repo", scratch.path], in: elsewhere.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(repositoryFileCount()) files checked: 0 errors, 0 warnings\n")
    }

    func testFolderArgumentMeansTheContentFilesUnderIt() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("validate", "content/resources/library")
        XCTAssertEqual(result.stdout, "\(contentFileCount(["library"])) files checked: 0 errors, 0 warnings\n")
    }

    func testUnknownPropertySuggestsTheNearestName() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"keyMoments\":", with: "\"keyMoment\":")
        let where_ = try position(of: "\"keyMoment\"", in: assessment(seed))
        let result = try assess("validate")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(assessment(seed)):\(where_): error: unknown property \"keyMoment\""), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean \"keyMoments\"?"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\(repositoryFileCount()) files checked: "), result.stdout)
    }

    func testBandThatContradictsItsScore() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"band\": \"mixed\"", with: "\"band\": \"risk-forward\"")
        let where_ = try position(of: "\"risk-forward\"", in: assessment(seed))
        let result = try assess("validate", assessment(seed))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(assessment(seed)):\(where_): error: band \"risk-forward\" contradicts score"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[band-score]"), result.stderr)
        XCTAssertEqual(result.stdout, "1 file checked: 1 error, 0 warnings\n")
    }

    func testSlugThatDiffersFromItsFileName() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"slug\": \"\(seed)\"", with: "\"slug\": \"neel-nanda\"")
        let result = try assess("validate", assessment(seed))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: slug \"neel-nanda\" does not match the file name"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[slug-file-name]"), result.stderr)
    }

    func testReviewedFileWithAPlaceholder() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"note\": \"", with: "\"note\": \"TODO: finish this. ")
        let result = try assess("validate", assessment(seed))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: placeholder left in a reviewed file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("[placeholder]"), result.stderr)
    }

    func testOutputFormats() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"status\": \"reviewed\"", with: "\"status\": \"done\"")
        let json = try assess("validate", "--format", "json")
        XCTAssertEqual(json.status, 1)
        let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let summary = report?["summary"] as? [String: Any]
        XCTAssertEqual(summary?["files"] as? Int, repositoryFileCount())
        XCTAssertEqual(summary?["errors"] as? Int, 1)
        let files = report?["files"] as? [[String: Any]]
        let bad = files?.first { ($0["valid"] as? Bool) == false }
        let diagnostic = (bad?["diagnostics"] as? [[String: Any]])?.first
        XCTAssertEqual(diagnostic?["pointer"] as? String, "/status")
        XCTAssertEqual(diagnostic?["found"] as? String, "\"done\"")
        XCTAssertEqual(diagnostic?["line"] as? Int, 5)

        let github = try assess("validate", "--format", "github")
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.contains("::error file=\(assessment(seed)),line=5,col=13,title=schema/enum::"), github.stdout)
    }

    func testNoColourWhenNotATerminal() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(assessment(seed), replacing: "\"status\": \"reviewed\"", with: "\"status\": \"done\"")
        let result = try assess("validate")
        XCTAssertFalse(result.stderr.contains("\u{1B}["), result.stderr)
    }

    func testRepositoryWithoutSchemasUsesTheBuiltInCopies() throws {
        try ContentFixture.bundled(in: scratch, schemas: false)
        let result = try assess("validate")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "\(repositoryFileCount()) files checked: 0 errors, 0 warnings\n")
    }

    func testUsageAndEnvironmentErrorsExitTwo() throws {
        try ContentFixture.bundled(in: scratch)
        XCTAssertEqual(try assess("validate", "--format", "xml").status, 2)
        let missing = try assess("validate", "content/resources/library/nope.json")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.json: no such file or directory"), missing.stderr)
        try scratch.write("notes/x.json", "{}")
        let notContent = try assess("validate", "notes/x.json")
        XCTAssertEqual(notContent.status, 2)
        XCTAssertTrue(notContent.stderr.contains("not a content file"), notContent.stderr)
        let nowhere = try ScratchDirectory()
        let outside = try AssessProcess.run(["validate"], in: nowhere.path)
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("not in a content repository"), outside.stderr)
    }
}

final class DataFileValidationTests: CLITestCase {
    /// A whole-repository run checks the lexicon and the glossary against their schemas too.
    func testLexiconAndGlossaryAreChecked() throws {
        try ContentFixture.bundled(in: scratch)
        let lexicon = "content/lexicons/perspective.json"
        let text = try scratch.read(lexicon)
        XCTAssertTrue(text.contains("\"id\""))
        try scratch.write(lexicon, text.replacingOccurrences(of: "\"id\"", with: "\"idd\""))
        let result = try assess("validate")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(lexicon):"), result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown property \"idd\""), result.stderr)
        // Paths given: only those files.
        XCTAssertEqual(try assess("validate", "content/resources/library").status, 0)
    }
}
