import AssessCore
import AssessJSON
import Foundation
import XCTest

/// Parses JSON text written in a test (the real parser: positions, duplicate keys and all).
func reviewJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNode {
    do {
        return try JSONParser.parse(text).root
    } catch {
        XCTFail("bad test JSON: \(error)", file: file, line: line)
        return nil
    }
}

/// A 150-word listen-based summary (the opening of the Neel Nanda assessment's summary).
let reviewSummary150 = """
    Daniel Filan interviews Neel Nanda as he moves from independent research to DeepMind's \
    language-model interpretability team. The first hour defines mechanistic interpretability as \
    reverse-engineering a trained network into the algorithms it runs, like decompiling a binary, and \
    gives the safety case: from behaviour alone it may be hard to tell an aligned model from a deceptive \
    one. Pressed on capability externalities, Nanda names publishing as the likeliest way his own work \
    could do harm and is most wary of work that could make frontier models better. The long middle walks \
    through three papers: A Mathematical Framework for Transformer Circuits (the residual stream, attention \
    heads as information routing, Q, K and V composition), In-context Learning and Induction Heads (a \
    circuit found at every scale studied, up to 13 billion parameters, that forms in a sudden phase \
    change), and his grokking work, where a one-layer transformer learns modular addition with Fourier \
    algorithms.
    """

final class ReviewFieldDiffTests: XCTestCase {
    // MARK: scalars and objects

    func testStatusTransitionAndScoreChange() {
        let old = reviewJSON(#"{"status": "draft", "perspective": {"score": -5, "band": "mixed", "lens": "technical"}}"#)
        let new = reviewJSON(#"{"status": "reviewed", "perspective": {"lens": "technical", "band": "risk-forward", "score": -20}}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(
            changes,
            [
                FieldChange(path: "/status", field: "status", kind: .changed, old: #""draft""#, new: #""reviewed""#),
                FieldChange(path: "/perspective/band", field: "perspective.band", kind: .changed, old: #""mixed""#, new: #""risk-forward""#),
                FieldChange(path: "/perspective/score", field: "perspective.score", kind: .changed, old: "-5", new: "-20", delta: "-15"),
            ])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            ~ status             draft -> reviewed
            ~ perspective.band   mixed -> risk-forward
            ~ perspective.score  −5 -> −20 (−15)
            """)
    }

    func testMemberOrderAndNumberSpellingAreNotChanges() {
        let old = reviewJSON(#"{"a": 1, "b": {"x": 6.0, "y": [1, 2]}}"#)
        let new = reviewJSON(#"{"b": {"y": [1, 2.00], "x": 6}, "a": 1.0}"#)
        XCTAssertEqual(FieldDiff.diff(old: old, new: new), [])
    }

    func testNoChangeIsEmpty() {
        let node = reviewJSON(#"{"status": "draft", "emphases": ["grokking", "control"], "summary": "\#(reviewSummary150)"}"#)
        let changes = FieldDiff.diff(old: node, new: node)
        XCTAssertEqual(changes, [])
        XCTAssertEqual(ReviewRendering.text(changes, style: TerminalStyle(enabled: true)), "")
        XCTAssertEqual(ReviewRendering.markdown(changes), "")
        XCTAssertEqual(FieldDiff.diff(old: nil, new: nil), [])
    }

    func testNumbersNeverPrintAsRawFloats() {
        let old = reviewJSON(#"{"machineReview": {"headlineScore": -14.44}, "listen": {"minutes": 229.0}, "x": 0.1}"#)
        let new = reviewJSON(#"{"machineReview": {"headlineScore": -10.64}, "listen": {"minutes": 230}, "x": 0.3}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.map(\.old), ["-14.44", "229", "0.1"])
        XCTAssertEqual(changes.map(\.new), ["-10.64", "230", "0.3"])
        // -10.64 - -14.44 is 3.799999999999999 in binary floating point; 0.3 - 0.1 is 0.19999999999999998.
        XCTAssertEqual(changes.map(\.delta), ["+3.8", "+1", "+0.2"])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            ~ machineReview.headlineScore  −14.44 -> −10.64 (+3.8)
            ~ listen.minutes               229 -> 230 (+1)
            ~ x                            0.1 -> 0.3 (+0.2)
            """)
    }

    func testAddedRemovedAndRetypedMembers() {
        let old = reviewJSON(#"{"listen": {"coverage": "full", "minutes": 229}, "editorNote": null, "assessor": {"name": "Ada Okafor"}}"#)
        let new = reviewJSON(#"{"listen": {"coverage": "partial", "from": "00:00:00", "to": "01:30:00"}, "editorNote": "", "assessor": {"name": "Ada Okafor-Lind"}}"#)
        XCTAssertEqual(
            ReviewRendering.text(FieldDiff.diff(old: old, new: new), style: .plain),
            """
            ~ listen.coverage  full -> partial
            + listen.from      00:00:00
            + listen.to        01:30:00
            - listen.minutes   229
            ~ editorNote       null -> ""
            ~ assessor.name    "Ada Okafor" -> "Ada Okafor-Lind"
            """)
    }

    func testOtherArraysByIndexWithIndexPaths() {
        let old = reviewJSON(#"{"slices": [{"score": 1}, {"score": 2}, {"score": 3}]}"#)
        let new = reviewJSON(#"{"slices": [{"score": 1}, {"score": 5}]}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.map(\.path), ["/slices/1/score", "/slices/2"])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            ~ slices[1].score  2 -> 5 (+3)
            - slices[2]        {"score": 3}
            """)
    }

    func testOddKeysAreQuotedInDisplayPathsAndEscapedInPointers() {
        let old = reviewJSON(#"{"a/b": {"two words": 1}}"#)
        let new = reviewJSON(#"{"a/b": {"two words": 2}}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.map(\.path), ["/a~1b/two words"])
        XCTAssertEqual(changes.map(\.field), [#"["a/b"]["two words"]"#])
    }

    // MARK: keyed arrays

    func testKeyMomentAddedAndOneEdited() {
        let old = reviewJSON(
            """
            {"keyMoments": [
              {"at": "00:04:41", "score": -30, "label": "Why do it: behaviour alone may not tell aligned from deceptive"},
              {"at": "00:13:03", "score": 10, "label": "Publishing may speed up capabilities"}
            ]}
            """)
        let new = reviewJSON(
            """
            {"keyMoments": [
              {"at": "00:04:41", "score": -30, "label": "Why do it: behaviour alone may not tell aligned from deceptive"},
              {"at": "00:13:03", "score": 25, "label": "Publishing may speed up capabilities"},
              {"at": "00:41:10", "score": 15, "label": "Induction heads appear in a sudden phase change during training"}
            ]}
            """)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.map(\.path), ["/keyMoments", "/keyMoments/1/score"])
        XCTAssertEqual(changes[0].kind, .added)
        XCTAssertEqual(changes[0].added?.map(\.path), ["/keyMoments/2"])
        XCTAssertEqual(changes[0].added?.map(\.key), ["00:41:10"])
        XCTAssertEqual(
            changes[0].added?.first?.value,
            #"{"at": "00:41:10", "score": 15, "label": "Induction heads appear in a sudden phase change during training"}"#)
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            + keyMoments                  +1 (00:41:10 score 15 "Induction heads appear in a sudden phase change during trai…")
            ~ keyMoments[00:13:03].score  10 -> 25 (+15)
            """)
    }

    func testKeyMomentsMatchedByTimeNotPositionAndByLabelWhenTheTimeMoves() {
        let old = reviewJSON(
            """
            {"keyMoments": [
              {"at": "00:04:41", "score": -30, "label": "A"},
              {"at": "00:13:03", "score": -35, "label": "B"},
              {"at": "02:55:03", "score": 35, "label": "C"}
            ]}
            """)
        // A removed (the others shift up an index), B's time corrected, C untouched.
        let new = reviewJSON(
            """
            {"keyMoments": [
              {"at": "00:13:30", "score": -35, "label": "B"},
              {"at": "02:55:03", "score": 35, "label": "C"}
            ]}
            """)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            - keyMoments               -1 (00:04:41 score -30 "A")
            ~ keyMoments[00:13:30].at  00:13:03 -> 00:13:30
            """)
        XCTAssertEqual(changes.map(\.path), ["/keyMoments", "/keyMoments/0/at"])
        XCTAssertEqual(changes[0].removed?.map(\.path), ["/keyMoments/0"])
    }

    func testReordersOfKeyedArraysAreNotChanges() {
        let old = reviewJSON(#"{"reviewers": [{"name": "A", "email": "a@x.example"}, {"name": "B", "email": "b@x.example"}]}"#)
        let new = reviewJSON(#"{"reviewers": [{"email": "b@x.example", "name": "B"}, {"name": "A", "email": "a@x.example"}]}"#)
        XCTAssertEqual(FieldDiff.diff(old: old, new: new), [])
    }

    func testReviewersByEmailAndCaptionCorrectionsByHeard() {
        let old = reviewJSON(
            """
            {"reviewers": [{"name": "Ben Lindqvist", "email": "ben@editors.example", "reviewedOn": "2026-11-20"}],
             "captionCorrections": [{"heard": "Neil Nanda", "correct": "Neel Nanda"}, {"heard": "grocking", "correct": "grokking"}]}
            """)
        let new = reviewJSON(
            """
            {"reviewers": [{"name": "Chloé Marchetti", "email": "chloe@editors.example", "reviewedOn": "2026-11-22"},
                           {"name": "Ben Lindqvist", "email": "ben@editors.example", "reviewedOn": "2026-11-21"}],
             "captionCorrections": [{"heard": "Neil Nanda", "correct": "Neel  Nanda", "at": "00:00:04"}]}
            """)
        XCTAssertEqual(
            ReviewRendering.text(FieldDiff.diff(old: old, new: new), style: .plain),
            """
            + reviewers                                 +1 (Chloé Marchetti <chloe@editors.example> on 2026-11-22)
            ~ reviewers[ben@editors.example].reviewedOn  2026-11-20 -> 2026-11-21
            - captionCorrections                        -1 ("grocking" -> "grokking")
            ~ captionCorrections["Neil Nanda"].correct  "Neel Nanda" -> "Neel  Nanda"
            + captionCorrections["Neil Nanda"].at       00:00:04
            """)
    }

    func testDraftElementsWithoutTheirKeyPairUpByPosition() {
        let old = reviewJSON(#"{"keyMoments": [{"score": 5}, {"at": "00:01:00", "score": 1}]}"#)
        let new = reviewJSON(#"{"keyMoments": [{"at": "00:01:00", "score": 1}, {"score": 10, "label": "TBD"}]}"#)
        XCTAssertEqual(
            ReviewRendering.text(FieldDiff.diff(old: old, new: new), style: .plain),
            """
            ~ keyMoments[1].score  5 -> 10 (+5)
            + keyMoments[1].label  TBD
            """)
        let added = FieldDiff.diff(old: reviewJSON(#"{"keyMoments": []}"#), new: reviewJSON(#"{"keyMoments": [{"score": 5, "label": "TBD"}]}"#))
        XCTAssertEqual(ReviewRendering.text(added, style: .plain), #"+ keyMoments  +1 (score 5 "TBD")"#)
        XCTAssertEqual(added.first?.added?.first?.key, nil)
    }

    // MARK: sets of strings

    func testEmphasesSetChange() {
        let old = reviewJSON(#"{"emphases": ["alignment", "control", "induction heads"]}"#)
        let new = reviewJSON(#"{"emphases": ["induction heads", "alignment", "grokking", "transformer circuits"]}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0].kind, .changed)
        XCTAssertEqual(changes[0].added?.map(\.path), ["/emphases/2", "/emphases/3"])
        XCTAssertEqual(changes[0].removed?.map(\.path), ["/emphases/1"])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            #"~ emphases  +grokking, +"transformer circuits", -control"#)
        // Only additions: the change is an addition.
        let grown = FieldDiff.diff(old: old, new: reviewJSON(#"{"emphases": ["control", "alignment", "induction heads", "grokking"]}"#))
        XCTAssertEqual(ReviewRendering.text(grown, style: .plain), "+ emphases  +grokking")
        // A reorder alone is no change.
        XCTAssertEqual(FieldDiff.diff(old: old, new: reviewJSON(#"{"emphases": ["control", "induction heads", "alignment"]}"#)), [])
    }

    // MARK: prose

    func testProseEditInA150WordSummaryIsACompactWordDiff() {
        XCTAssertEqual(WordDiff.words(reviewSummary150).count, 150)
        let edited = reviewSummary150
            .replacingOccurrences(of: "and gives the safety case", with: "and makes the safety case")
            .replacingOccurrences(of: "frontier models better.", with: "frontier models more capable.")
        let changes = FieldDiff.diff(
            old: reviewJSON(#"{"summary": "\#(reviewSummary150)"}"#), new: reviewJSON(#"{"summary": "\#(edited)"}"#))
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0].path, "/summary")
        XCTAssertEqual(changes[0].kind, .changed)
        XCTAssertEqual(changes[0].old, #""Daniel Filan interviews Neel Nanda as he moves from indepe…"#)
        XCTAssertEqual(changes[0].words?.map(\.kind), [.equal, .deleted, .inserted, .equal, .deleted, .inserted, .equal])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            "~ summary  … decompiling a binary, and [-gives-]{+makes+} the safety case: from … could make frontier models [-better.-]{+more capable.+} The long middle walks …"
        )
    }

    func testWhitespaceIsNormalisedAndPunctuationStaysWithItsWord() {
        let old = "The band agrees (mixed) but the lean does not.  The headline of -14.44 sits near the risk-forward threshold."
        let new = "The band agrees (mixed), but the lean does not.\nThe headline of -14.44 sits near the\trisk-forward threshold."
        let changes = FieldDiff.diff(old: reviewJSON(#"{"note": "\#(old)"}"#), new: reviewJSON(JSONWriter.write(["note": JSONNode(.string(new))])))
        XCTAssertEqual(
            changes.first?.words,
            [
                WordSegment(.equal, "The band agrees"), WordSegment(.deleted, "(mixed)"), WordSegment(.inserted, "(mixed),"),
                WordSegment(.equal, "but the lean does not. The headline of -14.44 sits near the risk-forward threshold."),
            ])
        XCTAssertEqual(ReviewRendering.text(changes, style: .plain), "~ note  The band agrees [-(mixed)-]{+(mixed),+} but the lean does …")
        // Only whitespace changed: still a change to the file, said so.
        let rewrapped = FieldDiff.diff(old: reviewJSON(#"{"note": "\#(old)"}"#), new: reviewJSON(#"{"note": "\#(old.replacingOccurrences(of: "  ", with: " "))"}"#))
        XCTAssertEqual(ReviewRendering.text(rewrapped, style: .plain), "~ note  whitespace changed")
    }

    func testShortStringsAreNotProseButSeveralSentencesAre() {
        XCTAssertFalse(WordDiff.isProse("risk-forward"))
        XCTAssertFalse(WordDiff.isProse("Neel Nanda"))
        XCTAssertTrue(WordDiff.isProse("Checked. Times are estimates."))
        XCTAssertTrue(WordDiff.isProse(String(repeating: "word ", count: 17)))
        let changes = FieldDiff.diff(old: reviewJSON(#"{"q": "Checked. Times are estimates."}"#), new: reviewJSON(#"{"q": "Checked. Times are exact."}"#))
        XCTAssertEqual(ReviewRendering.text(changes, style: .plain), "~ q  Checked. Times are [-estimates.-]{+exact.+}")
    }

    func testWordDiffSegmentsRebuildBothTexts() {
        // Pseudo-random edits over a small vocabulary: the segments must give back both texts exactly.
        var generator = ReviewSplitMix(seed: 42)
        let vocabulary = ["the", "model", "risk", "a", "b", "c", "scale.", "(mixed)", "Nanda"]
        for _ in 0..<300 {
            let a = (0..<Int(generator.next() % 30)).map { _ in vocabulary[Int(generator.next() % 9)] }
            var b = a
            for _ in 0..<Int(generator.next() % 6) {
                let position = b.isEmpty ? 0 : Int(generator.next() % UInt64(b.count + 1))
                switch generator.next() % 3 {
                case 0: b.insert(vocabulary[Int(generator.next() % 9)], at: position)
                case 1 where position < b.count: b.remove(at: position)
                default: if position < b.count { b[position] = vocabulary[Int(generator.next() % 9)] }
                }
            }
            let segments = WordDiff.diff(old: a.joined(separator: " "), new: b.joined(separator: " "))
            let rebuiltOld = segments.filter { $0.kind != .inserted }.map(\.text).joined(separator: " ")
            let rebuiltNew = segments.filter { $0.kind != .deleted }.map(\.text).joined(separator: " ")
            XCTAssertEqual(rebuiltOld, a.joined(separator: " "))
            XCTAssertEqual(rebuiltNew, b.joined(separator: " "))
            for (x, y) in zip(segments, segments.dropFirst()) { XCTAssertNotEqual(x.kind, y.kind) }
            // Shortest: exactly as many changed words as the longest common subsequence leaves.
            let changed = segments.filter { $0.kind != .equal }.reduce(0) { $0 + $1.text.split(separator: " ").count }
            XCTAssertEqual(changed, reviewLCSEditDistance(a, b))
        }
    }

    func testHugeTinyAndDeepValuesNeitherCrashNorPrintFloatNoise() {
        let old = reviewJSON(#"{"a": 1e300, "b": 1e-9, "c": 0.125}"#)
        let new = reviewJSON(#"{"a": -1e300, "b": 2e-9, "c": 0.1250000}"#)
        let changes = FieldDiff.diff(old: old, new: new)
        XCTAssertEqual(changes.map(\.old), ["1e300", "1e-9"])
        XCTAssertEqual(changes.map(\.new), ["-1e300", "2e-9"])
        XCTAssertEqual(changes.map(\.delta), [nil, nil])

        var deepOld: JSONNode = 1
        var deepNew: JSONNode = 2
        for _ in 0..<500 {
            deepOld = ["x": deepOld]
            deepNew = ["x": deepNew]
        }
        let deep = FieldDiff.diff(old: deepOld, new: deepNew)
        XCTAssertEqual(deep.count, 1)
        XCTAssertEqual(deep[0].kind, .changed)
        XCTAssertLessThan(ReviewRendering.text(deep, style: .plain).count, 2_000)
    }

    func testVeryDifferentLongProseFallsBackToOneReplacement() {
        let old = (0..<1500).map { "old\($0)" }.joined(separator: " ")
        let new = (0..<1500).map { "new\($0)" }.joined(separator: " ")
        let words = FieldDiff.diff(old: ["note": JSONNode(.string(old))], new: ["note": JSONNode(.string(new))]).first?.words
        XCTAssertEqual(words, [WordSegment(.deleted, old), WordSegment(.inserted, new)])
    }

    // MARK: whole files

    func testNewFileShowsEveryTopLevelFieldAsAdded() {
        let new = reviewJSON(
            """
            {"$schema": "../../../schemas/transcript-assessment.schema.json", "schemaVersion": 1,
             "slug": "mechanistic-interpretability-with-neel-nanda", "status": "draft",
             "assessor": {"name": "Ada Okafor", "email": "ada@editors.example"},
             "perspective": {"score": 6.0}, "emphases": ["grokking"], "keyMoments": []}
            """)
        let changes = FieldDiff.diff(old: nil, new: new)
        XCTAssertEqual(changes.map(\.kind), Array(repeating: .added, count: 8))
        XCTAssertEqual(changes.map(\.path), ["/$schema", "/schemaVersion", "/slug", "/status", "/assessor", "/perspective", "/emphases", "/keyMoments"])
        XCTAssertEqual(
            ReviewRendering.text(changes, style: .plain),
            """
            + $schema        "../../../schemas/transcript-assessment.schema.json"
            + schemaVersion  1
            + slug           mechanistic-interpretability-with-neel-nanda
            + status         draft
            + assessor       {"name": "Ada Okafor", "email": "ada@editors.example"}
            + perspective    {"score": 6}
            + emphases       ["grokking"]
            + keyMoments     []
            """)
    }

    func testNewFileShowsLongProseWhole() {
        let changes = FieldDiff.diff(old: nil, new: reviewJSON(#"{"summary": "\#(reviewSummary150)"}"#))
        XCTAssertEqual(changes, [FieldChange(path: "/summary", field: "summary", kind: .added, new: JSONWriter.quoted(reviewSummary150))])
    }

    func testDeletedFileIsOneRemoval() {
        let old = reviewJSON(#"{"slug": "mechanistic-interpretability-with-neel-nanda", "status": "reviewed", "summary": "\#(reviewSummary150)"}"#)
        let changes = FieldDiff.diff(old: old, new: nil)
        XCTAssertEqual(changes.count, 1)
        XCTAssertEqual(changes[0].path, "")
        XCTAssertEqual(changes[0].field, "")
        XCTAssertEqual(changes[0].kind, .removed)
        XCTAssertEqual(changes[0].old?.count, 120)
        XCTAssertEqual(changes[0].old?.hasPrefix(#"{"slug": "mechanistic-interpretability-with-neel-nanda", "status": "reviewed""#), true)
        XCTAssertEqual(ReviewRendering.text(changes, style: .plain), "- (file)  file deleted")
        XCTAssertEqual(ReviewRendering.markdown(changes), "| Kind | Field | Change |\n|---|---|---|\n| removed | `(file)` | file deleted |\n")
    }

    // MARK: JSON output

    func testJSONEncodingHasSensibleKeysAndOmitsAbsentOnes() throws {
        let changes = FieldDiff.diff(
            old: reviewJSON(#"{"perspective": {"score": -5}, "emphases": ["control"]}"#),
            new: reviewJSON(#"{"perspective": {"score": -20}, "emphases": ["grokking"]}"#))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(changes), as: UTF8.self)
        XCTAssertEqual(
            text,
            #"[{"delta":"-15","field":"perspective.score","kind":"changed","new":"-20","old":"-5","path":"/perspective/score"},"#
                + #"{"added":[{"path":"/emphases/0","summary":"grokking","value":"\"grokking\""}],"field":"emphases","kind":"changed","new":"[\"grokking\"]","old":"[\"control\"]","path":"/emphases","removed":[{"path":"/emphases/0","summary":"control","value":"\"control\""}]}]"#
        )
        XCTAssertEqual(try JSONDecoder().decode([FieldChange].self, from: Data(text.utf8)), changes)
    }
}

// MARK: - helpers

/// A tiny deterministic generator for the property test.
private struct ReviewSplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Insertions plus deletions of a shortest edit script, by dynamic programming (the reference for Myers).
private func reviewLCSEditDistance(_ a: [String], _ b: [String]) -> Int {
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
        for j in stride(from: b.count - 1, through: 0, by: -1) {
            table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
    }
    return a.count + b.count - 2 * table[0][0]
}
