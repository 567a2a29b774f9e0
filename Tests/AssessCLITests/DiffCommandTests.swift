import AssessJSON
import Foundation
import XCTest
import _AssessTestSupport

/// The root of a JSON document printed by a command.
func parseOutput(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONNode {
    do {
        return try JSONParser.parse(text).root
    } catch {
        XCTFail("not JSON: \(error)\n\(text)", file: file, line: line)
        throw error
    }
}

extension JSONNode {
    /// The strings of an array.
    var strings: [String]? { arrayValue?.compactMap(\.stringValue) }
}

final class DiffCommandTests: CLITestCase {
    let known = CorpusFixture.disagreementSlug

    func testTheKnownDisagreementInText() throws {
        try CorpusFixture.write(in: scratch)
        let result = try assess("diff", known, "--width", "200")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let out = result.stdout
        let lines = out.components(separatedBy: "\n")
        XCTAssertEqual(lines[0], "item                machine    listen             delta  p10–p90  min–max  verdict")
        XCTAssertEqual(lines[1], "known-disagreement  −10 mixed  −40 risk-forward  −30.00  outside  outside  major")
        for expected in [
            "  verdict        major disagreement: bands differ: machine mixed, listen risk-forward; delta −30.00 reaches the major threshold of 15 points; stale review: reviewed headline −4, the map now says −10",
            "  headline       machine −10 mixed (headline score) · listen −40 risk-forward · delta −30.00 · bands differ",
            "  slice range    listen −40 is outside p10–p90 (−20 to 0) and outside the slice spread (−25 to 4)",
            "  emphases       shared: alignment, control · machine only: none · listen only: deception",
            "  key moments    2 of 3 key moments placed on the slice covering their time",
            "                 1  00:07:30     −50  1 (00:05:00 to 00:10:00)      −20  −30.00  The deception worry",
            "                 3  02:00:00       5  none covers it                             After the last slice",
            "  review         stale: reviewed headline −4, the map now says −10 (editor's verdict on the machine: disagree)",
            "  arc     ▄▄▄▄▅▅▄▄▄▄▄▄",
            "  bands   ·R······R···",
            "  moments  1       2",
            "1 item compared: 0 agree, 0 minor, 1 major.",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing line:\n\(expected)\nin:\n\(out)")
        }
        XCTAssertFalse(out.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testTheKnownDisagreementInJSON() throws {
        try CorpusFixture.write(in: scratch)
        let result = try assess("diff", known, "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try parseOutput(result.stdout)
        let item = try XCTUnwrap(root["items"]?.arrayValue?.first)
        XCTAssertEqual(item["verdict"]?.stringValue, "major")
        XCTAssertEqual(item["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue }, ["band-mismatch", "delta-major", "stale-review"])
        XCTAssertEqual(item["headline"]?["delta"]?.numberValue?.literal, "-30")
        XCTAssertEqual(item["headline"]?["bandsAgree"]?.boolValue, false)
        XCTAssertEqual(item["machine"]?["band"]?.stringValue, "mixed")
        XCTAssertEqual(item["listen"]?["band"]?.stringValue, "risk-forward")
        XCTAssertEqual(item["emphases"]?["listenOnly"]?.strings, ["deception"])
        XCTAssertEqual(item["emphases"]?["machineOnly"]?.strings, [])
        XCTAssertEqual(item["review"]?["state"]?.stringValue, "stale")
        XCTAssertEqual(item["review"]?["reviewedHeadline"]?.doubleValue, -4)
        let moments = try XCTUnwrap(item["keyMoments"]?["moments"]?.arrayValue)
        XCTAssertEqual(moments.map { $0["delta"]?.doubleValue }, [-30, 0, nil])
        XCTAssertTrue(moments[2]["slice"]?.isNull == true)
        XCTAssertEqual(root["summary"]?["major"]?.numberValue?.intValue, 1)
        XCTAssertFalse(result.stdout.contains("\u{2212}"), "JSON uses ASCII minus")
    }

    func testTheKnownDisagreementInMarkdown() throws {
        try CorpusFixture.write(in: scratch)
        let out = try assess("diff", known, "--format", "markdown").stdout
        for expected in [
            "| `known-disagreement` | −10 mixed | −40 risk-forward | −30.00 | outside | outside | **major** |",
            "- **Verdict:** major disagreement (bands differ: machine mixed, listen risk-forward; delta −30.00 reaches the major threshold of 15 points; stale review: reviewed headline −4, the map now says −10)",
            "- **Emphases:** shared: alignment, control · machine only: none · listen only: deception",
            "| 1 | 00:07:30 | −50 | 1 | −20 | −30.00 | The deception worry |",
        ] {
            XCTAssertTrue(out.contains(expected), "missing:\n\(expected)\nin:\n\(out)")
        }
    }

    func testTheWholeCorpusAndItsVerdicts() throws {
        try CorpusFixture.write(in: scratch)
        let result = try assess("diff", "--no-pictures", "--width", "200")
        XCTAssertEqual(result.status, 0, "disagreement alone never fails: \(result.stderr)")
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(
            Array(lines[1...3]),
            [
                "bright-outlook      25 opportunity-forward  30 opportunity-forward   +5.00  inside   inside   minor",
                "known-disagreement  −10 mixed               −40 risk-forward        −30.00  outside  outside  major",
                "steady-agreement    3 mixed                 5 mixed                  +2.00  inside   inside   agree",
            ])
        XCTAssertTrue(
            result.stdout.contains("3 items compared: 1 agree, 1 minor, 1 major; 1 library item lacks a map or an assessment."), result.stdout)
        XCTAssertFalse(result.stdout.contains("  arc "), "--no-pictures leaves the arc out")
        XCTAssertTrue(result.stdout.contains("the map's slices have no start and end times: 1 key moment cannot be placed on them"))
    }

    func testFailOnIsACIGate() throws {
        try CorpusFixture.write(in: scratch)
        XCTAssertEqual(try assess("diff", "--fail-on", "major").status, 1)
        XCTAssertEqual(try assess("diff", "--fail-on", "minor").status, 1)
        XCTAssertEqual(try assess("diff", CorpusFixture.minorSlug, "--fail-on", "major").status, 0)
        XCTAssertEqual(try assess("diff", CorpusFixture.minorSlug, "--fail-on", "minor").status, 1)
        XCTAssertEqual(try assess("diff", CorpusFixture.agreementSlug, "--fail-on", "minor").status, 0)
        let json = try assess("diff", "--fail-on", "major", "--format", "json")
        XCTAssertEqual(json.status, 1)
        XCTAssertNoThrow(try parseOutput(json.stdout), "the report is printed before the gate")
    }

    func testThresholdsAreTunable() throws {
        try CorpusFixture.write(in: scratch)
        // A minor threshold of 6 makes bright-outlook (delta +5) agree; known-disagreement's delta of
        // −30 falls below the major threshold of 40 (now minor), but its band mismatch keeps it major.
        let out = try assess("diff", "--minor-delta", "6", "--major-delta", "40", "--format", "json").stdout
        let items = try XCTUnwrap(try parseOutput(out)["items"]?.arrayValue)
        XCTAssertEqual(items.map { $0["verdict"]?.stringValue }, ["agree", "major", "agree"])
        XCTAssertEqual(items[1]["reasons"]?.arrayValue?.compactMap { $0["code"]?.stringValue }, ["band-mismatch", "delta-minor", "stale-review"])
        let bad = try assess("diff", "--minor-delta", "20", "--major-delta", "10")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--minor-delta (20) cannot exceed --major-delta (10)"), bad.stderr)
    }

    func testNamedItemsThatCannotBeComparedAreSaidSo() throws {
        try CorpusFixture.write(in: scratch)
        let result = try assess("diff", CorpusFixture.missingSlug)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(
            result.stdout.contains("waiting-item: not compared: no perspective map and no assessment yet"), result.stdout)
        let unknown = try assess("diff", "known-disagreemnt")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no library item \"known-disagreemnt\""), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"known-disagreement\"?"), unknown.stderr)
        let path = try assess("diff", "../known-disagreement")
        XCTAssertEqual(path.status, 2)
        XCTAssertTrue(path.stderr.contains("invalid slug"), path.stderr)
    }

    func testABrokenFileIsAWarningNotACrash() throws {
        try CorpusFixture.write(in: scratch)
        try scratch.write("content/resources/perspective-maps/steady-agreement.json", "{\"headline\": ")
        let result = try assess("diff")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            result.stderr.contains("assess: warning: content/resources/perspective-maps/steady-agreement.json:1:14: unexpected end of file"),
            result.stderr)
        XCTAssertTrue(result.stdout.contains("2 items compared"), result.stdout)
    }

    func testTheBundledContent() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("diff", "--width", "100")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(
            lines[1], "mechanistic-interpretability-with-neel-nanda  −14.44 mixed  6 mixed  +20.44  outside  outside  major")
        for expected in [
            "  verdict        major disagreement: delta +20.44 reaches the major threshold of 15 points",
            "  slice range    listen 6 is outside p10–p90 (0 to 0) and outside the slice spread (−15 to 0)",
            "  key moments    the map lists no slices: 4 key moments cannot be set against the machine's slices",
            "  the map lists no slices, so there is no arc to draw",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing line:\n\(expected)\nin:\n\(result.stdout)")
        }
    }

    func testAnEmptyRepositoryHasNothingToCompare() throws {
        try scratch.makeFolder("content/resources/library")
        let result = try assess("diff")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "No item has both a perspective map and an assessment: nothing to compare.\n")
    }
}
