@testable import AssessCore
import AssessJSON
import AssessSchema
import XCTest
import _AssessTestSupport

final class ContentSchemasTests: XCTestCase {
    /// The binary's built-in schemas are the repository's schemas/, byte for byte.
    func testBuiltInCopiesMatchSchemasFolder() throws {
        let folder = ProjectPaths.root + "/schemas"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".schema.json") }.sorted()
        XCTAssertEqual(EmbeddedSchemas.files.map(\.name).sorted(), names)
        for file in EmbeddedSchemas.files {
            let onDisk = try String(contentsOfFile: folder + "/" + file.name, encoding: .utf8)
            XCTAssertEqual(file.text + "\n", onDisk, "\(file.name) differs from its built-in copy: run scripts/embed-schemas")
        }
    }

    /// Loading skips the metaschema check for built-in copies: this test is that check.
    func testBuiltInCopiesAreValidDraft202012Schemas() throws {
        for file in EmbeddedSchemas.files {
            let root = try JSONParser.parse(Array(file.text.utf8)).root
            XCTAssertEqual(SchemaCompiler.metaschemaErrors(for: root).map(\.message), [], file.name)
        }
    }

    func testRepositorySchemasWinOverBuiltInOnes() throws {
        let scratch = try ScratchDirectory()
        try scratch.makeFolder("content/resources/library")
        // A stricter library-item schema of the repository's own: every item needs "isbn".
        try scratch.write("schemas/library-item.schema.json", #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "required": ["isbn"]}"#)
        let schemas = try ContentSchemas.load(ContentLayout(root: scratch.path), displayDirectory: scratch.path)
        XCTAssertEqual(schemas.sources[.libraryItem], "schemas/library-item.schema.json")
        XCTAssertEqual(schemas.sources[.assessment], "built-in")
        let findings = schemas.checker(for: .libraryItem).findings(for: try JSONParser.parse("{}").root)
        XCTAssertEqual(findings.map(\.ruleID), ["schema/required"])
    }

    func testBrokenRepositorySchemaNamesFileAndPlace() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("schemas/transcript-assessment.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\"a\": {\"type\": \"strin\"}}\n}")
        XCTAssertThrowsError(try ContentSchemas.load(ContentLayout(root: scratch.path), displayDirectory: scratch.path)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.hasPrefix("schemas/transcript-assessment.schema.json:3:"), text)
        }
        try scratch.write("schemas/transcript-assessment.schema.json", "{\n  \"type\": \"object\",\n}")
        XCTAssertThrowsError(try ContentSchemas.load(ContentLayout(root: scratch.path), displayDirectory: scratch.path)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("schemas/transcript-assessment.schema.json:2:19: schema is not valid JSON"), "\(error)")
        }
    }
}

/// The bundled reviewed assessment against the seed's real caption transcript (read from ../shared in place).
final class SeedTranscriptTests: XCTestCase {
    func testCaptionCorrectionsOfTheBundledAssessmentOccurInTheSeedTranscript() throws {
        guard let transcript = try ProjectPaths.seedTranscript() else {
            throw XCTSkip("../shared/seed not found: skipping the seed transcript check")
        }
        let scratch = try ScratchDirectory()
        try ContentFixture.bundled(in: scratch)
        let slug = ContentFixture.seedSlug
        try scratch.write("content/resources/transcripts/\(slug).txt", transcript)
        let layout = ContentLayout(root: scratch.path)
        let validator = ContentValidator(
            layout: layout, schemas: try ContentSchemas.load(layout, displayDirectory: scratch.path),
            options: .init(today: "2026-11-25", displayDirectory: scratch.path))
        let target = ContentTarget(path: layout.path(.assessment, try Slug(slug)), kind: .assessment)
        XCTAssertEqual(validator.validate([target]).diagnostics.map(\.message), [])

        // A correction whose "heard" text the captions do not hold is reported where it is written.
        let path = "content/resources/transcript-assessments/\(slug).json"
        let text = try scratch.read(path)
        XCTAssertTrue(text.contains("\"heard\": \"Neil Nanda\""))
        try scratch.write(path, text.replacingOccurrences(of: "\"heard\": \"Neil Nanda\"", with: "\"heard\": \"Nial Nanda\""))
        let findings = validator.validate([target]).diagnostics
        XCTAssertEqual(findings.map(\.ruleID), ["caption-heard"])
        XCTAssertEqual(findings.first?.severity, .warning)
        XCTAssertTrue(findings.first?.message.contains("\"Nial Nanda\" does not occur in the transcript") ?? false)
    }
}
