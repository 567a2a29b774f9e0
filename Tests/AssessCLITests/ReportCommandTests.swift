import AssessJSON
import Foundation
import XCTest
import _AssessTestSupport

final class ReportCommandTests: CLITestCase {
    /// The fixture's three compared items, machine band against listen band:
    ///     known-disagreement  mixed -> risk-forward          |delta| 30
    ///     steady-agreement    mixed -> mixed                 |delta| 2
    ///     bright-outlook      opportunity -> opportunity     |delta| 5
    /// Rows (machine) R 0, M 2, O 1; columns (listen) R 1, M 1, O 1; n = 3.
    ///     p_o = 2/3, p_e = (0·1 + 2·1 + 1·1) / 9 = 1/3, kappa = (2/3 − 1/3) / (1 − 1/3) = 0.5
    ///     linear: observed = 0.5 · 1 / 3 = 1/6;
    ///             chance = [0.5·(2·1) + 0.5·(2·1) + 1·(1·1) + 0.5·(1·1)] / 9 = 3.5 / 9
    ///             kappa_w = 1 − (1/6) / (3.5/9) = 1 − 9/21 = 0.571428… -> 0.5714
    ///     MAE = (30 + 2 + 5) / 3 = 12.333… -> 12.33
    func testStatisticsMatchTheHandComputation() throws {
        try CorpusFixture.write(in: scratch)
        let result = try assess("report", "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let root = try parseOutput(result.stdout)
        XCTAssertEqual(root["kappa"]?["value"]?.numberValue?.literal, "0.5")
        XCTAssertEqual(root["weightedKappa"]?["value"]?.numberValue?.literal, "0.5714")
        XCTAssertEqual(root["meanAbsoluteError"]?["value"]?.numberValue?.literal, "12.33")
        XCTAssertEqual(root["kappa"]?["items"]?.numberValue?.intValue, 3)
        XCTAssertEqual(root["bands"]?["mixed"]?["risk-forward"]?.numberValue?.intValue, 1)
        XCTAssertEqual(root["bands"]?["opportunity-forward"]?["opportunity-forward"]?.numberValue?.intValue, 1)
        XCTAssertEqual(root["largestDisagreements"]?.arrayValue?.compactMap { $0["slug"]?.stringValue }, ["known-disagreement", "bright-outlook"])
        XCTAssertEqual(root["staleReviews"]?.arrayValue?.compactMap { $0["slug"]?.stringValue }, ["known-disagreement"])
        XCTAssertEqual(root["backlog"]?.strings, ["waiting-item"])
        XCTAssertEqual(root["counts"]?["byStatus"]?["reviewed"]?.numberValue?.intValue, 2)
    }

    /// From reviewed on: known-disagreement (M -> R, |delta| 30) and steady-agreement (M -> M, |delta| 2).
    ///     p_o = 1/2, p_e = (2·1) / 4 = 1/2, kappa = 0 (a value, not null); linear: observed 0.5·1/2 = 0.25,
    ///     chance 0.5·(2·1)/4 = 0.25, kappa_w = 0; MAE = (30 + 2) / 2 = 16.
    func testMinimumStatusAndAZeroThatIsNotNull() throws {
        try CorpusFixture.write(in: scratch)
        let root = try parseOutput(try assess("report", "--min-status", "reviewed", "--format", "json").stdout)
        XCTAssertEqual(root["kappa"]?["value"]?.numberValue?.literal, "0")
        XCTAssertEqual(root["weightedKappa"]?["value"]?.numberValue?.literal, "0")
        XCTAssertEqual(root["meanAbsoluteError"]?["value"]?.numberValue?.literal, "16")
        XCTAssertEqual(root["counts"]?["compared"]?.numberValue?.intValue, 2)
    }

    func testTextAndMarkdown() throws {
        try CorpusFixture.write(in: scratch)
        let text = try assess("report").stdout
        for expected in [
            "  assessed      3 of 4 (75%): 0 draft, 1 in-review, 2 reviewed, 0 published",
            "  missing       1 of 4 (25%): the backlog below",
            "  mixed                           1      1                    0",
            "  Cohen's kappa               0.50 · rests on 3 items",
            "  kappa, linear-weighted      0.57 · rests on 3 items",
            "  mean absolute score error   12.33 points · rests on 3 items",
            "  known-disagreement  reviewed   −10 mixed               −40 risk-forward        −30.00  major",
            "  known-disagreement: reviewed headline −4, the map now says −10",
            "  waiting-item",
        ] {
            XCTAssertTrue(text.contains(expected + "\n"), "missing:\n\(expected)\nin:\n\(text)")
        }
        let markdown = try assess("report", "--format", "markdown").stdout
        XCTAssertTrue(markdown.contains("| Cohen's kappa | 0.50 | 3 |"), markdown)
        XCTAssertTrue(markdown.contains("| mixed | 1 | 1 | 0 |"), markdown)
        XCTAssertTrue(markdown.contains("| `known-disagreement` | reviewed | −10 mixed | −40 risk-forward | −30.00 | **major** |"), markdown)
    }

    func testTheBundledContent() throws {
        try ContentFixture.bundled(in: scratch)
        let items = try scratch.list("content/resources/library").filter { $0.hasSuffix(".json") }.count
        let result = try assess("report")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Corpus: \(items) library items\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  mean absolute score error   20.44 points · rests on 1 item\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  Cohen's kappa               n/a · rests on 1 item · undefined: all compared items share one band on both sides\n"), result.stdout)
        let root = try parseOutput(try assess("report", "--format", "json").stdout)
        XCTAssertTrue(root["kappa"]?["value"]?.isNull == true)
        XCTAssertEqual(root["kappa"]?["items"]?.numberValue?.intValue, 1)
        XCTAssertEqual(root["counts"]?["missing"]?.numberValue?.intValue, items - 2)
    }

    func testAnEmptyCorpusGivesNullsAndAClearMessage() throws {
        try scratch.makeFolder("content/resources/library")
        let result = try assess("report")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("No library items in content/resources/library: nothing to report.\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  Cohen's kappa               n/a · rests on 0 items · nothing to compare: no item has both a perspective map and a listen score\n"), result.stdout)
        let json = try assess("report", "--format", "json").stdout
        let root = try parseOutput(json)
        for key in ["kappa", "weightedKappa", "meanAbsoluteError"] {
            XCTAssertTrue(root[key]?["value"]?.isNull == true, key)
            XCTAssertEqual(root[key]?["items"]?.numberValue?.intValue, 0, key)
        }
        XCTAssertFalse(json.contains("NaN"))
        XCTAssertEqual(try assess("report", "--format", "markdown").status, 0)
    }

    func testBadOptions() throws {
        try CorpusFixture.write(in: scratch)
        XCTAssertEqual(try assess("report", "--min-status", "done").status, 2)
        XCTAssertEqual(try assess("report", "--top", "-1").status, 2)
        XCTAssertEqual(try assess("report", "--format", "html").status, 2)
        let top = try parseOutput(try assess("report", "--top", "1", "--format", "json").stdout)
        XCTAssertEqual(top["largestDisagreements"]?.arrayValue?.count, 1)
    }

    /// Output that cannot be written (a full disk) is an error with status 2, not a crash.
    func testAFailedWriteIsReported() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        try CorpusFixture.write(in: scratch)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: AssessProcess.executable)
        process.arguments = ["report"]
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(message.contains("assess: error: cannot write to standard output: No space left on device"), message)
    }
}
