import AssessJSON
import Foundation
import XCTest
import _AssessTestSupport

final class ShowCommandTests: CLITestCase {
    let seed = ContentFixture.seedSlug

    /// The seed page's figures, written as they should have been.
    func testTheSeedEpisodeFiguresAreCorrect() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("show", seed, "--width", "200")
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = result.stdout
        let lines = out.components(separatedBy: "\n")
        for expected in [
            "  headline score  −14.44 (mixed): the scorer's placement of the whole episode",
            "  slice median    0: the median of the 182 slice scores, not the headline",
            "  slice mean      −1: the mean of the 182 slice scores",
            "  spread          −15 to 0 (lowest to highest slice)",
            "  p10–p90         0 to 0",
            "  band shares     0% risk-forward / 100% mixed / 0% opportunity-forward (of 182 slices)",
            "  slices          182 slices of the transcript's 5,807 caption segments",
            "  captions        YouTube auto captions · video 3YbE7zybc5k · stored 2026-04-02 · 5,807 caption segments",
            "  listen score    6 (mixed)",
            "  headline       machine −14.44 mixed (headline score) · listen 6 mixed · delta +20.44 · bands agree",
            "  the map lists no slices, so there is no arc to draw",
        ] {
            XCTAssertTrue(lines.contains(expected), "missing line:\n\(expected)\nin:\n\(out)")
        }
        // The page's defects, never reproduced.
        XCTAssertFalse(out.contains("-150"))
        XCTAssertFalse(out.contains("\u{2212}150"))
        XCTAssertFalse(out.contains("p10–p90 00"))
        XCTAssertFalse(out.contains("99999"))
    }

    func testSpectrumMarkersForTheSeed() throws {
        try ContentFixture.bundled(in: scratch)
        let lines = try assess("show", seed, "--width", "80").stdout.components(separatedBy: "\n")
        let markers = lines.filter { $0.contains("●") }
        let rows = ["  slice min ", "  slice median ", "  headline ", "  listen "].compactMap { prefix in markers.first { $0.hasPrefix(prefix) } }
        XCTAssertEqual(rows.count, 4, lines.joined(separator: "\n"))
        // Each marker's column: the min and the headline sit left of the median; the listen score right of it.
        func column(_ row: String) -> Int { row.distance(from: row.startIndex, to: row.firstIndex(of: "●") ?? row.startIndex) }
        let (min, median, headline, listen) = (column(rows[0]), column(rows[1]), column(rows[2]), column(rows[3]))
        XCTAssertLessThan(min, median)
        XCTAssertEqual(min, headline)
        XCTAssertGreaterThan(listen, median)
    }

    func testJSONKeepsNumbersPlain() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("show", seed, "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try parseOutput(result.stdout)
        XCTAssertEqual(root["map"]?["stats"]?["min"]?.numberValue?.literal, "-15")
        XCTAssertEqual(root["map"]?["headline"]?["score"]?.numberValue?.literal, "-14.44")
        XCTAssertEqual(root["comparison"]?["headline"]?["delta"]?.numberValue?.literal, "20.44")
        XCTAssertEqual(root["comparison"]?["verdict"]?.stringValue, "major")
        XCTAssertEqual(root["assessment"]?["status"]?.stringValue, "reviewed")
        XCTAssertFalse(result.stdout.contains("\u{2212}"))
    }

    func testAnItemWithoutMapOrAssessment() throws {
        try ContentFixture.bundled(in: scratch)
        let slug = "tom-davidson-on-ai-enabled-coups"
        let result = try assess("show", slug)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("no perspective map yet (content/resources/perspective-maps/\(slug).json)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("no assessment yet: start one with `assess new \(slug)`"), result.stdout)
        let root = try parseOutput(try assess("show", slug, "--format", "json").stdout)
        XCTAssertTrue(root["map"]?.isNull == true)
        XCTAssertTrue(root["comparison"]?.isNull == true)
    }

    func testTheArcWithTimedSlicesAndMarkdown() throws {
        try CorpusFixture.write(in: scratch)
        let text = try assess("show", CorpusFixture.disagreementSlug, "--width", "120").stdout
        XCTAssertTrue(text.contains("  arc     ▄▄▄▄▅▅▄▄▄▄▄▄\n  bands   ·R······R···\n  moments  1       2\n  time    00:00:00 01:00:00\n"), text)
        XCTAssertTrue(text.contains("  band shares     17% risk-forward / 83% mixed / 0% opportunity-forward (of 12 slices)"), text)
        let markdown = try assess("show", CorpusFixture.disagreementSlug, "--format", "markdown").stdout
        XCTAssertTrue(markdown.hasPrefix("## A Known Disagreement\n"), markdown)
        XCTAssertTrue(markdown.contains("- **spread:** −25 to 4 (lowest to highest slice)"), markdown)
        XCTAssertTrue(markdown.contains("- **Verdict:** major disagreement"), markdown)
    }

    func testUnknownSlug() throws {
        try ContentFixture.bundled(in: scratch)
        let result = try assess("show", "mechanistic-interpretability-with-neil-nanda")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean \"\(seed)\"?"), result.stderr)
    }
}
