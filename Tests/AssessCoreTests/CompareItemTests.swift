@testable import AssessCore
import XCTest

final class CompareItemTests: XCTestCase {
    private func map(
        headline: Double = -10, band: Band = .mixed, lens: String = "technical", confidence: String = "medium",
        slices: [PerspectiveMap.Slice]? = nil, emphases: [String] = ["alignment", "control"]
    ) -> PerspectiveMap {
        PerspectiveMap(
            slug: "item", scorer: "library-lexicon@2026.04", slices: slices,
            stats: .init(count: 12, median: -7, mean: -8.5, min: -25, max: 4, p10: -20, p90: 0, bandShares: nil),
            headline: .init(score: headline, band: band, lens: lens, confidence: confidence, evidenceMode: "interview"),
            emphases: emphases)
    }

    private func assessment(
        score: Double? = -40, band: Band? = .riskForward, lens: String = "technical", status: AssessmentStatus = .reviewed,
        emphases: [String] = ["alignment", "control", "deception"], moments: [Assessment.KeyMoment] = [],
        reviewed: Double? = -4
    ) -> Assessment {
        Assessment(
            slug: "item", status: status,
            perspective: .init(score: score, band: band, lens: lens, confidence: "medium", evidenceMode: "interview"),
            emphases: emphases, keyMoments: moments,
            machineReview: .init(scorer: "library-lexicon@2026.04", headlineScore: reviewed, verdict: "disagree"))
    }

    private func compare(_ map: PerspectiveMap, _ assessment: Assessment, thresholds: VerdictThresholds = .standard) -> ItemComparison {
        ItemComparison(slug: "item", title: "Item", map: map, assessment: assessment, thresholds: thresholds)
    }

    /// Timed slices of 5 minutes: slice i covers [300·i, 300·(i+1)).
    private var slices: [PerspectiveMap.Slice] {
        let scores: [Double] = [-5, -20, -12, -8, 0, 4, -3, -15, -25, -10, -6, -2]
        var slices: [PerspectiveMap.Slice] = []
        for (index, score) in scores.enumerated() {
            let start = Double(index * 300)
            slices.append(PerspectiveMap.Slice(index: index, startSeconds: start, endSeconds: start + 300, score: score))
        }
        return slices
    }

    func testAKnownDisagreementIsReportedAsExactlyThat() throws {
        let c = compare(map(), assessment())
        XCTAssertEqual(c.verdict, .major)
        XCTAssertEqual(c.reasons.map(\.code), ["band-mismatch", "delta-major", "stale-review"])
        let headline = try XCTUnwrap(c.headline)
        XCTAssertEqual(headline.delta, -30)
        XCTAssertFalse(headline.bandsAgree)
        XCTAssertEqual(headline.insideP10P90, false)
        XCTAssertEqual(headline.insideMinMax, false)
        XCTAssertEqual(c.emphases.shared, ["alignment", "control"])
        XCTAssertEqual(c.emphases.machineOnly, [])
        XCTAssertEqual(c.emphases.listenOnly, ["deception"])
        XCTAssertEqual(c.review.state, .stale)
        XCTAssertEqual(c.reasons.map { $0.message(forPeople: false) }, [
            "bands differ: machine mixed, listen risk-forward",
            "delta -30.00 reaches the major threshold of 15 points",
            "stale review: reviewed headline -4, the map now says -10",
        ])
        XCTAssertEqual(c.reasons[1].message(forPeople: true), "delta \u{2212}30.00 reaches the major threshold of 15 points")
    }

    func testTheDeltaIsRoundedToTheStoredDecimals() throws {
        // 6 − (−14.44) is 20.439999999999998 in binary floating point.
        let c = compare(map(headline: -14.44), assessment(score: 6, band: .mixed, reviewed: -14.44))
        XCTAssertEqual(try XCTUnwrap(c.headline).delta, 20.44)
        XCTAssertEqual(c.reasons.map(\.code), ["delta-major"])
        XCTAssertEqual(c.review.state, .current)
    }

    func testVerdictThresholdsAtTheirEdges() {
        func verdict(_ listen: Double) -> Verdict? {
            compare(map(headline: 0), assessment(score: listen, band: .mixed, reviewed: 0)).verdict
        }
        XCTAssertEqual(verdict(4.99), .agree)
        XCTAssertEqual(verdict(5), .minor)
        XCTAssertEqual(verdict(-14.99), .minor)
        XCTAssertEqual(verdict(15), .major)
        XCTAssertEqual(verdict(-15), .major)
    }

    func testThresholdsAreTunableButABandMismatchStaysMajor() {
        let loose = VerdictThresholds(majorDelta: 40, minorDelta: 35)
        let c = compare(map(), assessment(reviewed: -10), thresholds: loose)
        XCTAssertEqual(c.reasons.map(\.code), ["band-mismatch"])
        XCTAssertEqual(c.verdict, .major)
        // Same bands, delta 12: minor by default, agree with a minor threshold of 13.
        let close = compare(map(headline: 0), assessment(score: 12, band: .mixed, reviewed: 0))
        XCTAssertEqual(close.verdict, .minor)
        XCTAssertEqual(compare(map(headline: 0), assessment(score: 12, band: .mixed, reviewed: 0), thresholds: .init(majorDelta: 15, minorDelta: 13)).verdict, .agree)
    }

    func testLensConfidenceAndEvidenceMismatchesAreMinor() {
        let c = compare(map(headline: 0, confidence: "high"), assessment(score: 1, band: .mixed, lens: "governance", reviewed: 0))
        XCTAssertEqual(c.verdict, .minor)
        XCTAssertEqual(c.reasons.map(\.code), ["lens-mismatch", "confidence-mismatch"])
        XCTAssertEqual(c.lens.agree, false)
        XCTAssertEqual(c.evidenceMode.agree, true)
    }

    func testADraftWithoutAListenScoreGetsNoVerdict() {
        let c = compare(map(), assessment(score: nil, band: nil, status: .draft))
        XCTAssertNil(c.verdict)
        XCTAssertNil(c.headline)
        XCTAssertFalse(c.reaches(.minor))
        XCTAssertTrue(ValidationOutput.encode(c).contains("\"verdict\": null"))
    }

    func testKeyMomentsAgainstTheSliceCoveringTheirTime() throws {
        let moments = [
            Assessment.KeyMoment(at: "00:07:30", score: -50, label: "The deception worry"),
            Assessment.KeyMoment(at: "00:45:00", score: -10, label: "Exactly at a slice start"),
            Assessment.KeyMoment(at: "01:00:00", score: 0, label: "The last slice's end"),
            Assessment.KeyMoment(at: "02:00:00", score: 5, label: "After the last slice"),
        ]
        let k = compare(map(slices: slices), assessment(moments: moments)).keyMoments
        XCTAssertEqual(k.placement, .placed)
        XCTAssertEqual(k.moments.map { $0.slice?.index }, [1, 9, 11, nil])
        XCTAssertEqual(k.moments.map(\.delta), [-30, 0, 2, nil])
        XCTAssertEqual(k.summary, "3 of 4 key moments placed on the slice covering their time")
    }

    func testKeyMomentsAreNotGuessedWithoutSlicesOrTimes() {
        let moments = [Assessment.KeyMoment(at: "00:07:30", score: -50, label: "A moment")]
        let none = compare(map(slices: nil), assessment(moments: moments)).keyMoments
        XCTAssertEqual(none.placement, .noSlices)
        XCTAssertNil(none.moments[0].slice)
        XCTAssertEqual(none.summary, "the map lists no slices: 1 key moment cannot be set against the machine's slices")
        let untimed = compare(map(slices: [.init(index: 0, score: 3), .init(index: 1, score: 4)]), assessment(moments: moments)).keyMoments
        XCTAssertEqual(untimed.placement, .noSliceTimes)
        XCTAssertNil(untimed.moments[0].delta)
        XCTAssertEqual(compare(map(slices: slices), assessment(moments: [])).keyMoments.placement, .noKeyMoments)
    }

    func testEstimatedSliceTimesAreSaid() {
        let estimated = slices.map { slice -> PerspectiveMap.Slice in
            var copy = slice
            copy.estimated = true
            return copy
        }
        let k = compare(map(slices: estimated), assessment(moments: [.init(at: "00:01:00", score: 0, label: "x")])).keyMoments
        XCTAssertTrue(k.usesEstimatedTimes)
        XCTAssertTrue(k.summary.hasSuffix("(slice times estimated from word positions)"))
    }

    func testReviewSummariesSayWhatWasReviewed() {
        let current = map(headline: -14.44)
        func summary(_ review: Assessment.MachineReview?, forPeople: Bool = true) -> String {
            ReviewState(review: review, map: current).summary(forPeople: forPeople)
        }
        XCTAssertEqual(summary(nil), "no machineReview: the editor has not recorded which map they compared against")
        XCTAssertEqual(
            summary(.init(verdict: "partly")),
            "machineReview records no scorer or headline score to check (editor's verdict on the machine: partly)")
        XCTAssertEqual(summary(.init(scorer: "library-lexicon@2026.04")), "current: reviewed against library-lexicon@2026.04, as the map still says")
        XCTAssertEqual(summary(.init(headlineScore: -14.44)), "current: reviewed against headline \u{2212}14.44, as the map still says")
        XCTAssertEqual(
            summary(.init(scorer: "library-lexicon@2026.04", headlineScore: -14.44, verdict: "agree"), forPeople: false),
            "current: reviewed against library-lexicon@2026.04, headline -14.44, as the map still says (editor's verdict on the machine: agree)")
        XCTAssertEqual(
            summary(.init(scorer: "library-lexicon@2026.03", headlineScore: -10, verdict: "disagree")),
            "stale: reviewed headline \u{2212}10, the map now says \u{2212}14.44; reviewed scorer library-lexicon@2026.03, "
                + "the map is now from library-lexicon@2026.04 (editor's verdict on the machine: disagree)")
        XCTAssertEqual(summary(.init(headlineScore: -10)), "stale: reviewed headline \u{2212}10, the map now says \u{2212}14.44")
    }

    func testKeyMomentSummariesCountWhatWasPlaced() {
        let two = [Assessment.KeyMoment(at: "00:07:30", score: -50, label: "A"), Assessment.KeyMoment(at: "00:08:00", score: 1, label: "B")]
        XCTAssertEqual(compare(map(slices: slices), assessment(moments: [])).keyMoments.summary, "the assessment has no key moments")
        XCTAssertEqual(
            compare(map(slices: nil), assessment(moments: two)).keyMoments.summary,
            "the map lists no slices: 2 key moments cannot be set against the machine's slices")
        XCTAssertEqual(
            compare(map(slices: [.init(index: 0, score: 3)]), assessment(moments: Array(two.prefix(1)))).keyMoments.summary,
            "the map's slices have no start and end times: 1 key moment cannot be placed on them")
        XCTAssertEqual(
            compare(map(slices: slices), assessment(moments: two)).keyMoments.summary, "2 of 2 key moments placed on the slice covering their time")
    }

    func testStalenessFromTheReviewedScorerOrHeadline() {
        var review = Assessment.MachineReview(scorer: "library-lexicon@2026.03", headlineScore: -10, verdict: "agree")
        XCTAssertEqual(ReviewState(review: review, map: map()).state, .stale)
        XCTAssertEqual(
            ReviewState(review: review, map: map()).staleDetail(forPeople: false),
            "reviewed scorer library-lexicon@2026.03, the map is now from library-lexicon@2026.04")
        review.scorer = "library-lexicon@2026.04"
        XCTAssertEqual(ReviewState(review: review, map: map()).state, .current)
        review.headlineScore = -10.001  // the same at the 2 decimals files store
        XCTAssertEqual(ReviewState(review: review, map: map()).state, .current)
        XCTAssertEqual(ReviewState(review: nil, map: map()).state, .notReviewed)
        XCTAssertEqual(ReviewState(review: .init(verdict: "agree"), map: map()).state, .unrecorded)
    }

    func testEmphasesCompareIgnoringCaseAndSpacing() {
        let c = compare(map(emphases: ["Induction  heads", "control"]), assessment(emphases: ["induction heads", "grokking"]))
        XCTAssertEqual(c.emphases.shared, ["induction heads"])
        XCTAssertEqual(c.emphases.machineOnly, ["control"])
        XCTAssertEqual(c.emphases.listenOnly, ["grokking"])
    }

    func testDiffTextComesInPiecesThatAddUpToTheWhole() {
        // More items than two pieces hold, each with its own slug, so the order shows.
        let count = DiffReport.itemsInFirstPiece + DiffReport.itemsPerPiece + 3
        var entries: [DiffReport.Entry] = []
        for number in 0..<count {
            let slug = "item-\(number)"
            var itemMap = self.map(headline: Double(number % 40) - 20, slices: self.slices)
            itemMap.slug = slug
            var itemAssessment = self.assessment()
            itemAssessment.slug = slug
            entries.append(
                DiffReport.Entry(
                    comparison: ItemComparison(slug: slug, title: "Item \(number)", map: itemMap, assessment: itemAssessment),
                    map: itemMap))
        }
        let report = DiffReport(entries: entries, notCompared: [], thresholds: .standard, unpaired: 0)
        var pieces: [String] = []
        report.write(style: .plain, width: 80) { pieces.append(String(decoding: $0, as: UTF8.self)) }
        // The table, the items in runs, and the summary.
        // Runs of whole pieces, then one of the last 3 items.
        let runs = (DiffReport.itemsInFirstPiece + DiffReport.itemsPerPiece) / DiffReport.itemsPerJob + 1
        XCTAssertEqual(pieces.count, 1 + runs + 1)
        XCTAssertTrue(pieces[0].hasPrefix("item "), "the table comes first")
        XCTAssertFalse(pieces[0].contains(" · "), "the table comes alone")
        XCTAssertEqual(pieces.joined(), report.text(style: .plain, width: 80))
        let headings = pieces.joined().split(separator: "\n").filter { $0.hasPrefix("item-") && $0.contains(" · ") }
        XCTAssertEqual(headings.map { String($0.prefix { $0 != " " }) }, (0..<count).map { "item-\($0)" })
        XCTAssertTrue(pieces.last!.contains("\(count) items compared"))
    }
}

final class EmphasisKeyTests: XCTestCase {
    /// The byte-level key of an ASCII term is what splitting on whitespace, joining with one
    /// space and lowercasing would give.
    func testASCIIKeysMatchTheGeneralRule() {
        let terms = ["Scalable Oversight", "  scalable\toversight ", "RLHF", "a\n\nb", "", " ", "x\u{0B}y\u{0C}z", "Model-Evals 2"]
        for term in terms {
            let general = term.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
            XCTAssertEqual(ItemComparison.Emphases.key(term), general, "\(term.debugDescription)")
        }
        XCTAssertEqual(ItemComparison.Emphases.key("Évaluation  Intérieure"), "évaluation intérieure")
        let emphases = ItemComparison.Emphases(machine: ["Oversight", "RLHF"], listen: ["oversight ", "deception"])
        XCTAssertEqual(emphases.shared, ["oversight "])
        XCTAssertEqual(emphases.machineOnly, ["RLHF"])
        XCTAssertEqual(emphases.listenOnly, ["deception"])
    }

}

final class TextKeysTests: XCTestCase {
    func testLowercasedMatchesTheLibrary() {
        for text in ["Ada@Editors.Example", "ada@editors.example", "", "MIXED case 123", "Élodie@Example.org", "ÀÉÎ"] {
            XCTAssertEqual(TextKeys.lowercased(text), text.lowercased(), text)
        }
    }

    func testWordsFoldSpacingAndCase() {
        XCTAssertEqual(TextKeys.words("  Ada \t OKAFOR "), "ada okafor")
        XCTAssertEqual(TextKeys.words("Zoë  Brandt"), "zoë brandt")
        XCTAssertEqual(TextKeys.words("already a key"), "already a key")
        for text in ["", " ", "a ", " a", "a  b", "a\tb", "a\nb", "A", "a-b c_d 1"] {
            XCTAssertEqual(TextKeys.words(text), text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased(), text)
        }
        // Every short string of these bytes folds as the library folds it.
        let alphabet: [Character] = ["a", "Z", " ", "\t", "\r", "\n", "-", "é"]
        var texts = [""]
        for _ in 0..<4 { texts = texts.flatMap { text in alphabet.map { text + String($0) } } }
        for text in texts {
            XCTAssertEqual(TextKeys.words(text), text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased(), text.debugDescription)
        }
    }
}
