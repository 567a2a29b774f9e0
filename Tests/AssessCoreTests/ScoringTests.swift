@testable import AssessCore
import AssessJSON
import XCTest
import _AssessTestSupport

final class ScoringTests: XCTestCase {
    let example = "oversight-drills-with-maren-castellanos"

    func bundledLexicon() throws -> Lexicon {
        let layout = ContentLayout(root: ProjectPaths.root)
        return try Lexicon.load(layout: layout, displayDirectory: ProjectPaths.root)
    }

    func bundledTranscript() throws -> Transcript {
        let path = ProjectPaths.root + "/content/resources/transcripts/\(example).vtt"
        let reading = TranscriptReader.read(try FileSystem.read(path, limit: 1 << 20), format: .webVTT)
        XCTAssertEqual(reading.issues, [])
        return reading.transcript
    }

    // MARK: the doc's formula, by hand

    /// docs/scoring.md, "Worked example": slice 1 of the bundled episode, recomputed from the
    /// formula score = 100 × S / (A + d × n / 100) with the matches the doc lists.
    func testTheDocsWorkedExampleReproducesTheSliceScore() throws {
        let doc = try String(contentsOfFile: ProjectPaths.root + "/docs/scoring.md", encoding: .utf8)
        // The contributions exactly as the doc's table lists them, in transcript order.
        let table: [(term: String, c: Double)] = [
            ("pessimis*", 0.5), ("improved", 1), ("exciting", 2), ("tractable", 2), ("improve", 1), ("sabotage*", -2),
            ("worries", -1), ("failures", -1), ("robust", 1),
        ]
        for row in table { XCTAssertTrue(doc.contains("| `\(row.term)` |"), "docs/scoring.md no longer lists \(row.term)") }
        XCTAssertTrue(doc.contains("100 × 3.5 / (11.5 + 9.56) = 16.62"))

        // By hand, from the doc's numbers only.
        let n = 239.0
        let d = 4.0
        let s = table.reduce(0) { $0 + $1.c }
        let a = table.reduce(0) { $0 + abs($1.c) }
        XCTAssertEqual(s, 3.5)
        XCTAssertEqual(a, 11.5)
        let byHand = 100 * s / (a + d * n / 100)
        XCTAssertEqual(NumberFormat.plain(byHand), "16.62")

        // The scorer agrees, match for match, and so does the committed map.
        let lexicon = try bundledLexicon()
        XCTAssertEqual(lexicon.damping, d)
        let transcript = try bundledTranscript()
        let plan = SlicePlan.make(transcript, settings: .standard, captionSegments: nil, durationSeconds: nil)
        let result = Scorer(lexicon: lexicon).score(transcript, plan: plan)
        let slice = result.slices[1]
        XCTAssertEqual(slice.words, Int(n))
        XCTAssertEqual(result.matches[slice.matches].map(\.term), table.map(\.term))
        XCTAssertEqual(result.matches[slice.matches].map(\.contribution), table.map(\.c))
        XCTAssertEqual(slice.score, 16.62)
        let map = try String(contentsOfFile: ProjectPaths.root + "/content/resources/perspective-maps/\(example).json", encoding: .utf8)
        XCTAssertTrue(map.contains(#"{"index": 1, "startSeconds": 91.73, "endSeconds": 190.59, "words": 239, "score": 16.62}"#), map)

        // The headline: the same formula over all slices (doc: -50 / 45.46 = -1.1).
        let total = result.slices.reduce(0) { $0 + $1.signed }
        let evidence = result.slices.reduce(0) { $0 + $1.absolute }
        XCTAssertEqual(total, -0.5)
        XCTAssertEqual(evidence, 23.5)
        XCTAssertEqual(NumberFormat.plain(100 * total / (evidence + d * Double(result.words) / 100)), "-1.1")
        XCTAssertEqual(result.headline.score, -1.1)
        XCTAssertEqual(result.headline.band, .mixed)
        XCTAssertEqual(result.headline.confidence, "medium")
        XCTAssertEqual(result.headline.evidenceMode, "interview")
        XCTAssertEqual(result.headline.lens, "technical")
    }

    // MARK: statistics

    /// Values numpy gives: numpy.percentile([...], p) with the default linear method.
    func testPercentilesInterpolateLinearlyAsNumpyDoes() {
        XCTAssertEqual(Percentile.linear([1, 2, 3, 4], 10), 1.3, accuracy: 1e-12)
        XCTAssertEqual(Percentile.linear([1, 2, 3, 4], 50), 2.5, accuracy: 1e-12)
        XCTAssertEqual(Percentile.linear([1, 2, 3, 4], 90), 3.7, accuracy: 1e-12)
        XCTAssertEqual(Percentile.linear([-48.54, 16.62, 50.51], 10), -35.508, accuracy: 1e-9)
        XCTAssertEqual(Percentile.linear([-48.54, 16.62, 50.51], 90), 43.732, accuracy: 1e-9)
        XCTAssertEqual(Percentile.linear([7], 90), 7)
        let stats = SliceStatistics(scores: [-15, 0, 0, 0, 25, -20, 20], thresholds: .standard)
        XCTAssertEqual(stats.median, 0)
        XCTAssertEqual(stats.mean, 1.43)
        XCTAssertEqual(stats.p10, -17)
        XCTAssertEqual(stats.p90, 22)
        XCTAssertEqual([stats.riskForward, stats.mixed, stats.opportunityForward], [14.29, 57.14, 28.57])
    }

    func testMapStatsMustMatchTheSlices() throws {
        func findings(_ json: String) throws -> [Finding] {
            let root = try JSONParser.parse(Array(json.utf8)).root
            return MapStatsRule.check(root, thresholds: PerspectiveMapFacts(root).thresholds)
        }
        let good = """
            {"slug": "ep", "slices": [{"index": 0, "words": 200, "score": -48.54}, {"index": 1, "words": 200, "score": 16.62}, {"index": 2, "words": 90, "score": 50.51}],
             "stats": {"count": 3, "median": 16.62, "mean": 6.2, "min": -48.54, "max": 50.51, "p10": -35.51, "p90": 43.73,
                       "bandShares": {"riskForward": 33.33, "mixed": 33.33, "opportunityForward": 33.33}}}
            """
        XCTAssertEqual(try findings(good).map(\.ruleID), [])
        let bad = good.replacingOccurrences(of: "\"median\": 16.62", with: "\"median\": 0")
            .replacingOccurrences(of: "\"count\": 3", with: "\"count\": 182")
            .replacingOccurrences(of: "\"mixed\": 33.33", with: "\"mixed\": 100")
        let found = try findings(bad)
        XCTAssertEqual(found.map(\.ruleID), ["map-stats", "map-stats", "map-stats"])
        XCTAssertEqual(found.map(\.pointer), ["/stats/count", "/stats/median", "/stats/bandShares/mixed"])
        XCTAssertEqual(found[1].message, "stats.median is 0, but the slices give 16.62")
        // A map imported without slices is not checked.
        XCTAssertEqual(try findings(#"{"stats": {"count": 182, "median": 0}}"#).count, 0)
    }

    // MARK: slicing

    func testSlicingPlainTextByWordsOrEvenSegmentsWithEstimatedTimes() {
        let text = (0..<1000).map { "w\($0)" }.joined(separator: " ")
        let transcript = TranscriptReader.read(Array(text.utf8), format: .plainText).transcript
        let byWords = SlicePlan.make(transcript, settings: .standard, captionSegments: nil, durationSeconds: nil)
        XCTAssertEqual(byWords.spans.map(\.words.count), [200, 200, 200, 200, 200])
        XCTAssertEqual(byWords.spans.compactMap(\.start), [])
        let timed = SlicePlan.make(
            transcript, settings: SliceSettings(segmentsPerSlice: 32, wordsPerSlice: 300, evenSegments: false),
            captionSegments: nil, durationSeconds: 500)
        XCTAssertEqual(timed.spans.map(\.words.count), [300, 300, 300, 100])
        XCTAssertEqual(timed.spans.map(\.start), [0, 150, 300, 450])
        XCTAssertEqual(timed.spans.map(\.end), [150, 300, 450, 500])
        XCTAssertTrue(timed.spans.allSatisfy(\.estimated))
        // The seed's arithmetic: 36,665 words as 5,807 even segments, 32 per slice -> 182 slices.
        let long = TranscriptReader.read(Array(String(repeating: "word ", count: 36_665).utf8), format: .plainText).transcript
        let even = SlicePlan.make(
            long, settings: SliceSettings(segmentsPerSlice: 32, wordsPerSlice: 200, evenSegments: true), captionSegments: 5807,
            durationSeconds: nil)
        XCTAssertEqual(even.spans.count, 182)
        XCTAssertEqual(even.segments, 5807)
        XCTAssertEqual(even.spans.map(\.words.count).reduce(0, +), 36_665)
        XCTAssertEqual(SlicePlan.make(long, settings: .standard, captionSegments: 5807, durationSeconds: nil).spans.count, 184)
    }

    func testTimedSlicesTakeTheirCueTimes() throws {
        let transcript = try bundledTranscript()
        let plan = SlicePlan.make(transcript, settings: .standard, captionSegments: nil, durationSeconds: nil)
        XCTAssertEqual(plan.spans.count, 3)  // 80 cues, 32 per slice
        XCTAssertEqual(plan.spans.map(\.start), [0, 91.731, 190.692])
        XCTAssertEqual(plan.spans.map(\.estimated), [false, false, false])
        XCTAssertEqual(plan.spans.map(\.words.count).reduce(0, +), transcript.wordCount)
    }

    // MARK: matching

    func testLongestMatchNeutralPhrasesAndNegation() throws {
        let lexicon = try bundledLexicon()
        let text = "AI safety is not dangerous work. Then loss of control is catastrophic. No real progress yet, but promising."
        let transcript = TranscriptReader.read(Array(text.utf8), format: .plainText).transcript
        let plan = SlicePlan.make(transcript, settings: .standard, captionSegments: nil, durationSeconds: nil)
        let result = Scorer(lexicon: lexicon).score(transcript, plan: plan)
        XCTAssertEqual(result.matches.map(\.term), ["dangerous", "loss of control", "catastrophic", "progress", "promising"])
        XCTAssertEqual(result.matches.map(\.negated), [true, false, false, true, false])
        XCTAssertEqual(result.matches.map(\.contribution), [1, -3, -3, -1, 2])
        // S = -4, A = 10, n = 18: 100 × -4 / (10 + 4 × 18 / 100)
        XCTAssertEqual(result.slices[0].words, 18)
        XCTAssertEqual(result.slices[0].score, Rounding.twoDecimals(-400 / 10.72))
    }

    // MARK: the lexicon and the glossary as content

    func testBundledLexiconAndGlossaryPassTheirSchemas() throws {
        let lexicon = try bundledLexicon()
        XCTAssertEqual(lexicon.id, "perspective")
        XCTAssertEqual(lexicon.scorer, "assess-lexicon@\(lexicon.version)")
        XCTAssertEqual(lexicon.sha256.count, 64)
        let glossary = try XCTUnwrap(Glossary.load(layout: ContentLayout(root: ProjectPaths.root), displayDirectory: ProjectPaths.root))
        XCTAssertTrue(glossary.entries.contains(Glossary.Entry(term: "Neel Nanda", kind: .person)))
        XCTAssertTrue(glossary.entries.contains { $0.term == "grokking" })
    }

    func testLexiconFindingsNameFileLineAndRule() throws {
        let scratch = try ScratchDirectory()
        let original = try String(contentsOfFile: ProjectPaths.root + "/content/lexicons/perspective.json", encoding: .utf8)
        // A term listed on both sides, and an emphasis with a wildcard.
        let duplicated = original.replacingOccurrences(of: #"{ "term": "promising", "weight": 2 }"#, with: #"{ "term": "danger", "weight": 2 }"#)
        XCTAssertNotEqual(duplicated, original)
        try scratch.write("content/lexicons/perspective.json", duplicated)
        let layout = ContentLayout(root: scratch.path)
        XCTAssertThrowsError(try Lexicon.load(layout: layout, displayDirectory: scratch.path)) { error in
            let diagnostics = (error as? DataFileError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.ruleID), ["lexicon-duplicate"])
            XCTAssertEqual(diagnostics.first?.path, "content/lexicons/perspective.json")
            XCTAssertTrue(diagnostics.first?.message.contains("\"danger\" is already listed at /riskForward/") ?? false)
        }
        try scratch.write("content/lexicons/perspective.json", original.replacingOccurrences(of: #""alignment", "control""#, with: #""align*", "control""#))
        XCTAssertThrowsError(try Lexicon.load(layout: layout, displayDirectory: scratch.path)) { error in
            XCTAssertEqual((error as? DataFileError)?.diagnostics.map(\.ruleID), ["schema/pattern"])
        }
    }

    // MARK: hashing and bytes

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testMapTextParsesBackToTheSameDocument() throws {
        let lexicon = try bundledLexicon()
        let transcript = try bundledTranscript()
        let plan = SlicePlan.make(transcript, settings: .standard, captionSegments: nil, durationSeconds: 235)
        let result = Scorer(lexicon: lexicon).score(transcript, plan: plan)
        let node = MapDocument.node(
            result,
            .init(
                slug: try Slug(example), lexicon: lexicon, generatedAt: "2026-04-02T00:00:00Z",
                transcriptPath: "content/resources/transcripts/\(example).vtt", transcriptSHA256: String(repeating: "0", count: 64),
                tags: []))
        let text = MapDocument.text(node)
        XCTAssertTrue(try JSONParser.parse(Array(text.utf8)).root.jsonEquals(node))
        XCTAssertEqual(text, MapDocument.text(MapDocument.node(Scorer(lexicon: lexicon).score(transcript, plan: plan), .init(
            slug: try Slug(example), lexicon: lexicon, generatedAt: "2026-04-02T00:00:00Z",
            transcriptPath: "content/resources/transcripts/\(example).vtt", transcriptSHA256: String(repeating: "0", count: 64),
            tags: []))))
    }

    func testTimestamps() {
        XCTAssertEqual(Timestamp.rfc3339(epochSeconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.rfc3339(epochSeconds: 1_775_088_000), "2026-04-02T00:00:00Z")
        XCTAssertEqual(Timestamp.rfc3339(epochSeconds: 951_827_696), "2000-02-29T12:34:56Z")
        XCTAssertTrue(Timestamp.isValid("2026-04-02T00:00:00Z"))
        XCTAssertTrue(Timestamp.isValid("2026-04-02T10:00:00.5+02:00"))
        XCTAssertFalse(Timestamp.isValid("2026-02-30T00:00:00Z"))
        XCTAssertFalse(Timestamp.isValid("2026-04-02 00:00:00Z"))
        XCTAssertEqual(ScoreRun.generatedAt(storedOn: "2026-04-02", published: "2023-02-04"), "2026-04-02T00:00:00Z")
        XCTAssertEqual(ScoreRun.generatedAt(storedOn: nil, published: "2023-02-04"), "2023-02-04T00:00:00Z")
    }
}
