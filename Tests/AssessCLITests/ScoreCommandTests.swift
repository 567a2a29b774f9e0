import Foundation
import XCTest
import _AssessTestSupport

final class ScoreCommandTests: CLITestCase {
    let example = "oversight-drills-with-maren-castellanos"

    func map(_ slug: String) -> String { "content/resources/perspective-maps/\(slug).json" }
    func transcript(_ slug: String, _ ext: String) -> String { "content/resources/transcripts/\(slug).\(ext)" }

    func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + relative))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func slices(_ slug: String) throws -> [[String: Any]] {
        try XCTUnwrap(try json(map(slug))["slices"] as? [[String: Any]])
    }

    /// A library item for a test episode.
    func writeItem(_ slug: String, extra: String = "") throws {
        try scratch.write(
            library(slug),
            """
            {"$schema": "../../../schemas/library-item.schema.json", "slug": "\(slug)", "title": "Test \(slug)", "show": "Tests",
             "published": "2026-01-05", "shelf": "Tests", "whyItMatters": "A fixture.", "summary": "A fixture episode.",
             "tags": ["tests"]\(extra)}
            """)
    }

    // MARK: the seed episode

    /// The seed's plain-text captions (copied into the scratch repository, never into the project).
    func testSeedTranscriptGives184SlicesOf200WordsStatsThatMatchAndCaptionSuggestions() throws {
        guard let text = try ProjectPaths.seedTranscript() else {
            throw XCTSkip("../shared/seed not found: skipping the seed scoring test")
        }
        try ContentFixture.bundled(in: scratch)
        let seed = ContentFixture.seedSlug
        try scratch.write(transcript(seed, "txt"), text + "\n")

        let scored = try assess("score", seed)
        XCTAssertEqual(scored.status, 0, scored.stderr)
        XCTAssertTrue(scored.stdout.contains("184 slices from content/resources/transcripts/\(seed).txt"), scored.stdout)
        XCTAssertTrue(scored.stdout.contains(#""Neil Nanda" -> Neel Nanda (3×)"#), scored.stdout)
        XCTAssertTrue(scored.stdout.contains(#""grocking" -> grokking (20×)"#), scored.stdout)
        XCTAssertTrue(scored.stdout.contains("Wrote \(map(seed))"), scored.stdout)

        let document = try json(map(seed))
        let slices = try self.slices(seed)
        XCTAssertEqual(slices.count, 184)
        XCTAssertEqual(slices.dropLast().map { $0["words"] as? Int }, Array(repeating: 200, count: 183))
        XCTAssertEqual(slices.last?["words"] as? Int, 65)
        XCTAssertEqual(slices.map { $0["index"] as? Int }, (0..<184).map { Optional($0) })
        XCTAssertNil(slices[0]["startSeconds"])  // plain text and no durationSeconds: no times
        XCTAssertEqual((document["transcript"] as? [String: Any])?["words"] as? Int, 36_665)
        XCTAssertEqual(document["generatedAt"] as? String, "2026-04-02T00:00:00Z")  // the item's source.storedOn

        // The stats, recomputed here independently of assess (numpy's linear percentiles).
        let scores = slices.compactMap { ($0["score"] as? NSNumber)?.doubleValue }.sorted()
        func percentile(_ p: Double) -> Double {
            let h = Double(scores.count - 1) * p / 100
            let i = Int(h)
            return i + 1 < scores.count ? scores[i] + (h - Double(i)) * (scores[i + 1] - scores[i]) : scores[i]
        }
        let stats = try XCTUnwrap(document["stats"] as? [String: Any])
        let expected: [String: Double] = [
            "median": percentile(50), "p10": percentile(10), "p90": percentile(90), "min": scores[0],
            "max": scores[scores.count - 1], "mean": scores.reduce(0, +) / Double(scores.count),
        ]
        XCTAssertEqual(stats["count"] as? Int, 184)
        for (name, value) in expected {
            XCTAssertEqual((stats[name] as? NSNumber)?.doubleValue ?? .nan, value, accuracy: 0.0051, name)
        }
        let shares = try XCTUnwrap(stats["bandShares"] as? [String: Double])
        XCTAssertEqual(shares["mixed"] ?? .nan, 100 * Double(scores.filter { $0 > -20 && $0 < 20 }.count) / 184, accuracy: 0.0051)

        // Valid against the schema and the map rules; re-running gives the same bytes.
        let validated = try assess("validate", map(seed))
        XCTAssertEqual(validated.stdout, "1 file checked: 0 errors, 0 warnings\n", validated.stderr)
        let bytes = try scratch.read(map(seed))
        let again = try assess("score", seed)
        XCTAssertTrue(again.stdout.contains("Unchanged \(map(seed)) (same bytes)"), again.stdout)
        XCTAssertEqual(try scratch.read(map(seed)), bytes)

        // The documented setting for the site's count: 5,807 even segments, 32 per slice.
        let even = try assess("score", seed, "--even-segments", "--dry-run", "--format", "json")
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(even.stdout.utf8)) as? [String: Any])
        let item = try XCTUnwrap((summary["items"] as? [[String: Any]])?.first)
        XCTAssertEqual((item["stats"] as? [String: Any])?["count"] as? Int, 182)
        XCTAssertEqual((item["transcript"] as? [String: Any])?["segments"] as? Int, 5807)

        // assess new prefills the suggestions as caption corrections.
        let created = try assess("new", seed, "--force")
        XCTAssertEqual(created.status, 0, created.stderr)
        let corrections = try XCTUnwrap(try json(assessment(seed))["captionCorrections"] as? [[String: String]])
        XCTAssertTrue(corrections.contains(["heard": "Neil Nanda", "correct": "Neel Nanda"]), "\(corrections)")
        XCTAssertTrue(corrections.contains(["heard": "grocking", "correct": "grokking"]), "\(corrections)")
        let check = try assess("validate", assessment(seed))
        XCTAssertEqual(check.stdout, "1 file checked: 0 errors, 0 warnings\n", check.stderr)
    }

    // MARK: timed fixtures

    func testWebVTTAndSRTFixturesScoreWithRealSliceTimes() throws {
        try ContentFixture.bundled(in: scratch)
        try writeItem("vtt-fixture")
        try writeItem("srt-fixture", extra: #", "people": ["Ada Okafor", "Neel Nanda"]"#)
        try scratch.write(
            transcript("vtt-fixture", "vtt"),
            """
            WEBVTT

            1
            00:00:01.000 --> 00:00:04.500
            <v Ada>We worry this is <i>dangerous</i>.

            2
            00:00:04.500 --> 00:00:09.000
            <v Ben>It is not dangerous;
            it is promising progress.

            00:01:00.250 --> 00:01:02.000
            <v Ada>[Laughter] Fine.

            """)
        try scratch.write(
            transcript("srt-fixture", "srt"),
            """
            1
            00:00:02,000 --> 00:00:05,000
            Neil Nanda explains grocking.

            2
            00:00:05,000 --> 00:00:07,500
            <i>A catastrophic failure</i> would be bad.

            3
            01:00:00,000 --> 01:00:03,000
            Thanks.

            """)
        let result = try assess("score", "vtt-fixture", "srt-fixture", "--segments-per-slice", "2")
        XCTAssertEqual(result.status, 0, result.stderr)
        let vtt = try slices("vtt-fixture")
        XCTAssertEqual(vtt.count, 2)
        XCTAssertEqual(vtt.map { ($0["startSeconds"] as? NSNumber)?.doubleValue }, [1, 60.25])
        XCTAssertEqual(vtt.map { ($0["endSeconds"] as? NSNumber)?.doubleValue }, [9, 62])
        XCTAssertEqual(vtt.map { $0["words"] as? Int }, [13, 1])
        XCTAssertTrue(vtt.allSatisfy { $0["estimated"] == nil })
        let srt = try slices("srt-fixture")
        XCTAssertEqual(srt.map { ($0["startSeconds"] as? NSNumber)?.doubleValue }, [2, 3600])
        XCTAssertEqual(srt.map { ($0["endSeconds"] as? NSNumber)?.doubleValue }, [7.5, 3603])
        XCTAssertLessThan((srt[0]["score"] as? NSNumber)?.doubleValue ?? 0, 0)
        XCTAssertTrue(result.stdout.contains(#""Neil Nanda" -> Neel Nanda (1×, first at 00:00:02)"#), result.stdout)
        // Two voices: an interview.
        XCTAssertEqual((try json(map("vtt-fixture"))["headline"] as? [String: Any])?["evidenceMode"] as? String, "interview")
        let validated = try assess("validate", map("vtt-fixture"), map("srt-fixture"))
        XCTAssertEqual(validated.stdout, "2 files checked: 0 errors, 0 warnings\n", validated.stderr)
    }

    func testPlainTextWithADurationGetsEstimatedTimes() throws {
        try ContentFixture.bundled(in: scratch)
        try writeItem(
            "plain-fixture",
            extra: #", "source": {"platform": "vimeo", "videoId": "1", "captions": "auto", "storedOn": "2026-02-01", "captionSegments": 3, "durationSeconds": 600}"#)
        try scratch.write(transcript("plain-fixture", "txt"), String(repeating: "word ", count: 500) + "\n")
        let result = try assess("score", "plain-fixture")
        XCTAssertEqual(result.status, 0, result.stderr)
        let slices = try slices("plain-fixture")
        XCTAssertEqual(slices.map { ($0["startSeconds"] as? NSNumber)?.doubleValue }, [0, 240, 480])
        XCTAssertEqual(slices.map { ($0["endSeconds"] as? NSNumber)?.doubleValue }, [240, 480, 600])
        XCTAssertEqual(slices.map { $0["estimated"] as? Bool }, [true, true, true])
        XCTAssertEqual(try json(map("plain-fixture"))["generatedAt"] as? String, "2026-02-01T00:00:00Z")
    }

    // MARK: bad transcripts

    func testBrokenCueReportsItsLineAndNothingIsWritten() throws {
        try ContentFixture.bundled(in: scratch)
        try writeItem("broken")
        try scratch.write(
            transcript("broken", "vtt"),
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n00:00:03.000 --> 00:00:0x.000\nbroken\n\n00:00:01.500 --> 00:00:04.000\noverlaps\n")
        let result = try assess("score", "broken")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.contains(
                "content/resources/transcripts/broken.vtt:6:18: error: malformed cue end time \"00:00:0x.000\""),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("[transcript-cue-timing]"), result.stderr)
        XCTAssertTrue(
            result.stderr.contains("content/resources/transcripts/broken.vtt:9:1: error: cue starts at 00:00:01.500, before the previous cue (line 3) ends at 00:00:02.000"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("2 problems in the WebVTT transcript; nothing written"), result.stderr)
        XCTAssertFalse(scratch.exists(map("broken")))
    }

    func testMissingTranscriptOrItemIsAnEnvironmentError() throws {
        try ContentFixture.bundled(in: scratch)
        let none = try assess("score", "tom-davidson-on-ai-enabled-coups")
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no transcript for \"tom-davidson-on-ai-enabled-coups\""), none.stderr)
        let unknown = try assess("score", "oversight-drills-with-maren")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"\(example)\"?"), unknown.stderr)
        let bad = try assess("score", "../etc")
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(try assess("score").status, 2)
        XCTAssertEqual(try assess("score", example, "--generated-at", "yesterday").status, 2)
    }

    // MARK: the bundled example

    /// The committed map is what `assess score` makes of the committed transcript, byte for byte.
    func testBundledMapIsReproducibleAndReRunsAreByteIdentical() throws {
        try ContentFixture.bundled(in: scratch)
        let committed = try scratch.read(map(example))
        let same = try assess("score", example)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertTrue(same.stdout.contains("Unchanged \(map(example)) (same bytes)"), same.stdout)

        try FileManager.default.removeItem(atPath: scratch.path + "/" + map(example))
        let dry = try assess("score", example, "--dry-run")
        XCTAssertTrue(dry.stdout.contains("Dry run: \(map(example)) not written"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains(#""Marin Castellanos" -> Maren Castellanos (1×, first at 00:00:09)"#), dry.stdout)
        XCTAssertFalse(scratch.exists(map(example)))
        let written = try assess("score", example)
        XCTAssertTrue(written.stdout.contains("Wrote \(map(example))"), written.stdout)
        XCTAssertEqual(try scratch.read(map(example)), committed)
        XCTAssertEqual(try scratch.list("content/resources/perspective-maps").filter { $0.hasPrefix(".") }, [])  // no temporary left

        // generatedAt from the environment, as reproducible builds set it.
        let epoch = try assess("score", example, "--dry-run", "--format", "json", environment: ["SOURCE_DATE_EPOCH": "0"])
        XCTAssertTrue(epoch.stdout.contains(#""generatedAt": "1970-01-01T00:00:00Z""#), epoch.stdout)

        let explained = try assess("score", example, "--explain", "1")
        XCTAssertTrue(
            explained.stdout.contains("score = 100 × S / (A + d × n / 100) = 100 × 3.5 / (11.5 + 9.56) = 16.6192 -> 16.62"),
            explained.stdout)
    }

    func testAllScoresEveryItemThatHasATranscript() throws {
        try ContentFixture.bundled(in: scratch)
        for slug in ["first-fixture", "second-fixture"] {
            try writeItem(slug)
            try scratch.write(transcript(slug, "txt"), "We are excited about the progress, though the risk is real.\n")
        }
        let imported = try scratch.read(map(ContentFixture.seedSlug))
        let result = try assess("score", "--all", "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try XCTUnwrap(summary["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["slug"] as? String }, ["first-fixture", example, "second-fixture"])
        XCTAssertEqual(items.map { $0["write"] as? String }, ["written", "unchanged", "written"])
        XCTAssertEqual(try scratch.read(map(ContentFixture.seedSlug)), imported)  // no transcript: left alone
        let validated = try assess("validate")
        XCTAssertTrue(validated.stdout.hasSuffix("0 errors, 0 warnings\n"), validated.stdout + validated.stderr)
    }

    func testNewPrefillsTheExamplesMisheardName() throws {
        try ContentFixture.bundled(in: scratch)
        let created = try assess("new", example)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stderr.contains(#"prefilled 1 caption correction from the transcript ("Marin Castellanos" -> Maren Castellanos)"#), created.stderr)
        let corrections = try json(assessment(example))["captionCorrections"] as? [[String: String]]
        XCTAssertEqual(corrections ?? [], [["heard": "Marin Castellanos", "correct": "Maren Castellanos", "at": "00:00:09"]])
        let validated = try assess("validate", assessment(example))
        XCTAssertEqual(validated.stdout, "1 file checked: 0 errors, 0 warnings\n", validated.stderr)
        // A correction the captions do not hold is still a warning.
        try edit(assessment(example), replacing: "\"Marin Castellanos\"", with: "\"Marina Castellanos\"")
        let warned = try assess("validate", assessment(example))
        XCTAssertTrue(warned.stderr.contains("[caption-heard]"), warned.stderr)
    }

    func testValidateRecomputesMapStats() throws {
        try ContentFixture.bundled(in: scratch)
        try edit(map(example), replacing: "\"median\": 16.62", with: "\"median\": 0")
        let place = try position(of: "\"median\": 0", in: map(example))
        let result = try assess("validate", map(example))
        XCTAssertEqual(result.status, 1)
        let column = Int(place.split(separator: ":")[1])! + "\"median\": ".count
        XCTAssertTrue(
            result.stderr.contains("\(map(example)):\(place.split(separator: ":")[0]):\(column): error: stats.median is 0, but the slices give 16.62 [map-stats]"),
            result.stderr)
    }
}
