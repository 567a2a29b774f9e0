import AssessCore
import AssessJSON
import XCTest

final class SemanticRulesTests: XCTestCase {
    let layout = ContentLayout(root: "/nonexistent")

    func context(
        items: [String: LibraryItemFacts] = [:], maps: [String: PerspectiveMapFacts] = [:],
        transcript: String? = nil
    ) -> CheckContext {
        CheckContext(layout: layout, today: "2026-11-25", items: items, maps: maps) { _ in
            transcript.map { TranscriptReader.read(Array($0.utf8), format: .plainText).transcript }
        }
    }

    func item(published: String = "2023-02-04", duration: Int? = nil) throws -> LibraryItemFacts {
        var text = #"{"title": "T", "published": "\#(published)""#
        if let duration { text += #", "source": {"durationSeconds": \#(duration)}"# }
        return LibraryItemFacts(try JSONParser.parse(Array((text + "}").utf8)).root)
    }

    func map(score: Double = -14.44, scorer: String = "library-lexicon", version: String = "2026.04") throws -> PerspectiveMapFacts {
        let text = #"{"scorer": {"name": "\#(scorer)", "version": "\#(version)"}, "headline": {"score": \#(score), "band": "mixed"}}"#
        return PerspectiveMapFacts(try JSONParser.parse(Array(text.utf8)).root)
    }

    /// Runs the rules on `json` as the assessment file `<stem>.json`; returns (rule, pointer, line, column).
    func run(_ json: String, stem: String = "ep", context: CheckContext) throws -> [(rule: String, pointer: String?, position: SourcePosition?, severity: Severity)] {
        let bytes = Array(json.utf8)
        let root = try JSONParser.parse(bytes).root
        let source = SourceText(bytes)
        // Validation reads a tape: the rules must find the same there.
        let fromTape = SemanticRules.check(CheckedFile(kind: .assessment, stem: stem, root: try JSONTape.parse(bytes).root), context: context)
        let fromTree = SemanticRules.check(CheckedFile(kind: .assessment, stem: stem, root: root), context: context)
        XCTAssertEqual(fromTape.map(FindingText.init), fromTree.map(FindingText.init), "the rules read a tape and a tree differently")
        return fromTree.map {
            let diagnostic = $0.diagnostic(path: "x", source: source)
            return ($0.ruleID, $0.pointer, diagnostic.position, $0.severity)
        }
    }

    func testCleanFileHasNoFindings() throws {
        let json = """
            {"slug": "ep", "status": "reviewed", "assessor": {"name": "A", "email": "a@x.example"},
             "reviewers": [{"name": "B", "email": "b@x.example", "reviewedOn": "2026-11-20"}],
             "listen": {"date": "2026-11-18", "coverage": "full", "minutes": 60},
             "perspective": {"score": 6, "band": "mixed"},
             "keyMoments": [{"at": "00:01:00", "score": 1, "label": "a"}, {"at": "00:02:00", "score": 1, "label": "b"}],
             "machineReview": {"scorer": "library-lexicon@2026.04", "headlineScore": -14.44, "verdict": "agree", "note": "n"},
             "updated": "2026-11-21"}
            """
        let findings = try run(json, context: context(items: ["ep": item(duration: 3600)], maps: ["ep": map()]))
        XCTAssertTrue(findings.isEmpty, "\(findings)")
    }

    func testSlugMustMatchFileName() throws {
        let findings = try run(#"{"slug": "other", "status": "draft"}"#, context: context(items: ["ep": item()]))
        XCTAssertEqual(findings.map(\.rule), ["slug-file-name"])
        XCTAssertEqual(findings.first?.position, SourcePosition(line: 1, column: 10))
    }

    func testLibraryItemMustExist() throws {
        let findings = try run(#"{"slug": "ep", "status": "draft"}"#, context: context())
        XCTAssertEqual(findings.map(\.rule), ["library-item-exists"])
    }

    func testBandMustAgreeWithScore() throws {
        let json = "{\"slug\": \"ep\",\n \"perspective\": {\"score\": -35, \"band\": \"mixed\"}}"
        let findings = try run(json, context: context(items: ["ep": item()]))
        XCTAssertEqual(findings.map(\.rule), ["band-score"])
        XCTAssertEqual(findings.first?.pointer, "/perspective/band")
        XCTAssertEqual(findings.first?.position, SourcePosition(line: 2, column: 40))
        // Exactly at the threshold is risk-forward.
        let edge = try run(#"{"slug": "ep", "perspective": {"score": -20, "band": "risk-forward"}}"#, context: context(items: ["ep": item()]))
        XCTAssertTrue(edge.isEmpty, "\(edge)")
    }

    func testBandUsesTheMapsThresholds() throws {
        let text = #"{"scale": {"riskForwardAtOrBelow": -40, "opportunityForwardAtOrAbove": 40}}"#
        let wide = PerspectiveMapFacts(try JSONParser.parse(Array(text.utf8)).root)
        let findings = try run(
            #"{"slug": "ep", "perspective": {"score": -35, "band": "mixed"}}"#,
            context: context(items: ["ep": item()], maps: ["ep": wide]))
        XCTAssertEqual(findings.map(\.rule), [])
    }

    func testKeyMomentsInOrderAndInsideTheEpisode() throws {
        let json = #"{"slug": "ep", "keyMoments": [{"at": "00:30:00"}, {"at": "00:10:00"}, {"at": "02:00:00"}]}"#
        let findings = try run(json, context: context(items: ["ep": item(duration: 3600)]))
        XCTAssertEqual(findings.map(\.rule), ["key-moment-order", "key-moment-duration"])
        XCTAssertEqual(findings.map(\.pointer), ["/keyMoments/1/at", "/keyMoments/2/at"])
    }

    func testDates() throws {
        let json = #"{"slug": "ep", "listen": {"date": "2027-01-01"}, "updated": "2026-11-25"}"#
        XCTAssertEqual(try run(json, context: context(items: ["ep": item()])).map(\.rule), ["date-future"])
        let early = #"{"slug": "ep", "listen": {"date": "2022-12-31"}}"#
        XCTAssertEqual(try run(early, context: context(items: ["ep": item()])).map(\.rule), ["listen-before-published"])
    }

    func testFourEyesForReviewedFiles() throws {
        let json = """
            {"slug": "ep", "status": "published", "assessor": {"name": "Ada Okafor", "email": "ada@x.example"},
             "reviewers": [{"name": "ada okafor", "email": "other@x.example", "reviewedOn": "2026-11-20"}]}
            """
        XCTAssertEqual(try run(json, context: context(items: ["ep": item()])).map(\.rule), ["four-eyes"])
        let draft = json.replacingOccurrences(of: "published", with: "draft")
        XCTAssertEqual(try run(draft, context: context(items: ["ep": item()])).map(\.rule), [])
    }

    func testStaleMachineReviewIsAWarning() throws {
        let json = #"{"slug": "ep", "machineReview": {"scorer": "library-lexicon@2026.04", "headlineScore": -10}}"#
        let findings = try run(json, context: context(items: ["ep": item()], maps: ["ep": map()]))
        XCTAssertEqual(findings.map(\.rule), ["machine-review-stale"])
        XCTAssertEqual(findings.first?.severity, .warning)
        let rescored = try run(
            #"{"slug": "ep", "machineReview": {"scorer": "library-lexicon@2026.03", "headlineScore": -14.44}}"#,
            context: context(items: ["ep": item()], maps: ["ep": map()]))
        XCTAssertEqual(rescored.map(\.pointer), ["/machineReview/scorer"])
    }

    func testPlaceholdersFailOnlyFinishedFiles() throws {
        let json = #"{"slug": "ep", "status": "reviewed", "summary": "TODO: write it", "emphases": ["TODO"]}"#
        let findings = try run(json, context: context(items: ["ep": item()]))
        XCTAssertEqual(findings.map(\.rule), ["placeholder", "placeholder"])
        XCTAssertEqual(findings.map(\.pointer), ["/summary", "/emphases/0"])
        // Deeper, under keys that need escaping; an accented "Ó" is no marker.
        let nested = #"{"slug": "ep", "status": "in-review", "editorNote": "TODO\u0301 is not one", "keyMoments": [{"at": "00:01:00", "label": "x"}, {"at": "00:02:00", "label": "TODO label"}], "a/b": {"c~d": ["x", "TODO"]}, "escaped": "\u0054ODO, written with an escape"}"#
        let deeper = try run(nested, context: context(items: ["ep": item()]))
        XCTAssertEqual(deeper.filter { $0.rule == "placeholder" }.map(\.pointer), ["/keyMoments/1/label", "/a~1b/c~0d/1", "/escaped"])
        let draft = json.replacingOccurrences(of: "reviewed", with: "draft")
        XCTAssertTrue(try run(draft, context: context(items: ["ep": item()])).isEmpty)
    }

    func testCaptionCorrectionsMustNameTextTheCaptionsHold() throws {
        let json = #"{"slug": "ep", "captionCorrections": [{"heard": "Neil  Nanda", "correct": "Neel Nanda"}, {"heard": "Nile Nanda", "correct": "Neel Nanda"}]}"#
        let findings = try run(json, context: context(items: ["ep": item()], transcript: "hello I'm speaking with neil\nnanda today"))
        XCTAssertEqual(findings.map(\.rule), ["caption-heard"])
        XCTAssertEqual(findings.first?.pointer, "/captionCorrections/1/heard")
        XCTAssertEqual(findings.first?.severity, .warning)
    }

    func testPartialListenRunsForwards() throws {
        let json = #"{"slug": "ep", "listen": {"from": "00:30:00", "to": "00:10:00"}}"#
        XCTAssertEqual(try run(json, context: context(items: ["ep": item()])).map(\.rule), ["listen-range"])
    }
}
