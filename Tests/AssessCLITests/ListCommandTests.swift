import AssessJSON
import Foundation
import XCTest
import _AssessTestSupport

final class ListCommandTests: CLITestCase {
    func testTheBundledContent() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("list")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n").filter { !$0.isEmpty }
        let items = try scratch.list("content/resources/library").filter { $0.hasSuffix(".json") }.count
        XCTAssertEqual(lines.count, 1 + items + 1)
        XCTAssertTrue(lines[0].hasPrefix("slug "), lines[0])
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("mechanistic-interpretability-with-neel-nanda ") && $0.hasSuffix("reviewed   −14.44       6  +20.44") },
            result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("superalignment-with-jan-leike ") && $0.contains(" draft ") }, result.stdout)
        XCTAssertEqual(lines.last, "\(items) library items: \(items - 2) missing, 1 draft, 1 reviewed")
    }

    func testFiltersAndSorting() throws {
        try CorpusFixture.write(in: scratch)
        func slugs(_ arguments: String...) throws -> [String] {
            let root = try parseOutput(try AssessProcess.run(arguments + ["--format", "json"], in: scratch.path).stdout)
            return root["items"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } ?? []
        }
        XCTAssertEqual(try slugs("list"), ["bright-outlook", "known-disagreement", "steady-agreement", "waiting-item"])
        XCTAssertEqual(try slugs("list", "--sort", "delta"), ["known-disagreement", "bright-outlook", "steady-agreement", "waiting-item"])
        XCTAssertEqual(try slugs("list", "--sort", "status"), ["waiting-item", "bright-outlook", "known-disagreement", "steady-agreement"])
        XCTAssertEqual(try slugs("list", "--missing"), ["waiting-item"])
        XCTAssertEqual(try slugs("list", "--status", "in-review"), ["bright-outlook"])
        XCTAssertEqual(try slugs("list", "--status", "published"), [])
        let text = try assess("list", "--status", "reviewed").stdout
        XCTAssertTrue(text.hasSuffix("2 of 4 library items: 2 reviewed\n"), text)
    }

    func testJSONHasNullsForWhatIsMissing() throws {
        try CorpusFixture.write(in: scratch)
        let root = try parseOutput(try assess("list", "--format", "json").stdout)
        let items = try XCTUnwrap(root["items"]?.arrayValue)
        let known = try XCTUnwrap(items.first { $0["slug"]?.stringValue == "known-disagreement" })
        XCTAssertEqual(known["delta"]?.numberValue?.literal, "-30")
        XCTAssertEqual(known["listenBand"]?.stringValue, "risk-forward")
        let waiting = try XCTUnwrap(items.first { $0["slug"]?.stringValue == "waiting-item" })
        XCTAssertEqual(waiting["status"]?.stringValue, "missing")
        XCTAssertTrue(waiting["delta"]?.isNull == true)
        XCTAssertTrue(waiting["machineScore"]?.isNull == true)
    }

    func testMarkdown() throws {
        try CorpusFixture.write(in: scratch)
        let out = try assess("list", "--format", "markdown").stdout
        XCTAssertTrue(out.contains("| `known-disagreement` | A Known Disagreement | reviewed | −10 | −40 | −30.00 |"), out)
    }

    func testBadOptions() throws {
        try CorpusFixture.write(in: scratch)
        let both = try assess("list", "--missing", "--status", "draft")
        XCTAssertEqual(both.status, 2)
        XCTAssertTrue(both.stderr.contains("--missing and --status cannot be combined"), both.stderr)
        let bad = try assess("list", "--status", "done")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--status must be one of missing, draft, in-review, reviewed, published"), bad.stderr)
        XCTAssertEqual(try assess("list", "--sort", "score").status, 2)
    }
}
