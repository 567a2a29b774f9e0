import Foundation

/// Content repositories for the comparison commands (`diff`, `show`, `report`, `list`), written as
/// plain JSON files. Unlike the bundled content, these maps list timed slices.
public enum CorpusFixture {
    /// A slice for `map(...)`: times in seconds (nil for an untimed slice) and a score.
    public struct Slice: Sendable {
        public var start: Double?
        public var end: Double?
        public var score: Double

        public init(_ start: Double?, _ end: Double?, _ score: Double) {
            self.start = start
            self.end = end
            self.score = score
        }
    }

    public static func library(_ slug: String, title: String) -> String {
        """
        {
          "$schema": "../../../schemas/library-item.schema.json",
          "slug": "\(slug)",
          "title": "\(title)",
          "show": "Fixture Show",
          "published": "2025-01-15",
          "shelf": "Core safety",
          "whyItMatters": "A fixture for the comparison commands.",
          "summary": "A fixture episode.",
          "tags": ["ai-safety"]
        }
        """
    }

    /// A perspective map. `stats` is written as given: "count, median, mean, min, max, p10, p90" and shares.
    public static func map(
        _ slug: String, headline: Double, band: String, lens: String = "technical", confidence: String = "medium",
        evidenceMode: String = "interview", emphases: [String] = ["alignment", "control"], scorer: String = "2026.04",
        slices: [Slice]? = nil, stats: (count: Int, median: Double, mean: Double, min: Double, max: Double, p10: Double, p90: Double),
        shares: (Double, Double, Double)
    ) -> String {
        var sliceText = ""
        if let slices {
            let items = slices.enumerated().map { index, slice in
                var fields = ["\"index\": \(index)"]
                if let start = slice.start { fields.append("\"startSeconds\": \(number(start))") }
                if let end = slice.end { fields.append("\"endSeconds\": \(number(end))") }
                fields += ["\"words\": 400", "\"score\": \(number(slice.score))"]
                return "    {" + fields.joined(separator: ", ") + "}"
            }
            sliceText = "  \"slices\": [\n" + items.joined(separator: ",\n") + "\n  ],\n"
        }
        return """
            {
              "$schema": "../../../schemas/perspective-map.schema.json",
              "slug": "\(slug)",
              "scorer": {"name": "library-lexicon", "version": "\(scorer)"},
              "generatedAt": "2026-04-02T00:00:00Z",
              "transcript": {"segments": 384, "words": 4800},
              "scale": {"min": -100, "max": 100, "riskForwardAtOrBelow": -20, "opportunityForwardAtOrAbove": 20},
            \(sliceText)  "stats": {
                "count": \(stats.count), "median": \(number(stats.median)), "mean": \(number(stats.mean)),
                "min": \(number(stats.min)), "max": \(number(stats.max)), "p10": \(number(stats.p10)), "p90": \(number(stats.p90)),
                "bandShares": {"riskForward": \(number(shares.0)), "mixed": \(number(shares.1)), "opportunityForward": \(number(shares.2))}
              },
              "headline": {"score": \(number(headline)), "band": "\(band)", "lens": "\(lens)", "confidence": "\(confidence)", "evidenceMode": "\(evidenceMode)"},
              "emphases": [\(emphases.map { "\"\($0)\"" }.joined(separator: ", "))]
            }
            """
    }

    /// A reviewed assessment (or any status), with `keyMoments` as (at, score, label).
    public static func assessment(
        _ slug: String, status: String = "reviewed", score: Double?, band: String?, lens: String = "technical",
        confidence: String = "medium", evidenceMode: String = "interview", emphases: [String],
        keyMoments: [(String, Double, String)] = [], reviewedHeadline: Double?, reviewedScorer: String = "library-lexicon@2026.04"
    ) -> String {
        var perspective: [String] = []
        if let score { perspective.append("\"score\": \(number(score))") }
        if let band { perspective.append("\"band\": \"\(band)\"") }
        perspective += ["\"lens\": \"\(lens)\"", "\"confidence\": \"\(confidence)\"", "\"evidenceMode\": \"\(evidenceMode)\""]
        let moments = keyMoments.map { "    {\"at\": \"\($0.0)\", \"score\": \(number($0.1)), \"label\": \"\($0.2)\"}" }
        let review = reviewedHeadline.map {
            ",\n  \"machineReview\": {\"scorer\": \"\(reviewedScorer)\", \"headlineScore\": \(number($0)), \"verdict\": \"disagree\", \"note\": \"Compared by ear.\"}"
        } ?? ""
        return """
            {
              "$schema": "../../../schemas/transcript-assessment.schema.json",
              "schemaVersion": 1,
              "slug": "\(slug)",
              "status": "\(status)",
              "assessor": {"name": "Ada Okafor", "email": "ada@editors.example"},
              "reviewers": [{"name": "Ben Lindqvist", "email": "ben@editors.example", "reviewedOn": "2026-11-21"}],
              "listen": {"date": "2026-11-18", "coverage": "full", "minutes": 60},
              "summary": "A listen-based summary of the fixture episode, long enough to stand for the real thing in every check that reads it, with a second sentence for good measure, and a third that says what the editor heard that the machine could not.",
              "perspective": {\(perspective.joined(separator: ", "))},
              "emphases": [\(emphases.map { "\"\($0)\"" }.joined(separator: ", "))],
              "keyMoments": [
            \(moments.joined(separator: ",\n"))
              ],
              "updated": "2026-11-21"\(review)
            }
            """
    }

    /// The item with a known disagreement: the machine says −10 (mixed), the editor −40 (risk-forward):
    /// a band mismatch and a delta of −30; the editor reviewed a map whose headline was −4 (stale
    /// now); "deception" is an emphasis only the editor saw. Twelve timed slices of 5 minutes.
    public static let disagreementSlug = "known-disagreement"
    /// Machine 3 (mixed), listen 5 (mixed): delta +2, the review current: agree.
    public static let agreementSlug = "steady-agreement"
    /// Machine 25 (opportunity-forward), listen 30 (opportunity-forward): delta +5: minor. Untimed slices.
    public static let minorSlug = "bright-outlook"
    /// A library item with no assessment: the backlog.
    public static let missingSlug = "waiting-item"

    public static let disagreementScores: [Double] = [-5, -20, -12, -8, 0, 4, -3, -15, -25, -10, -6, -2]

    public static var disagreementSlices: [Slice] {
        var slices: [Slice] = []
        for (index, score) in disagreementScores.enumerated() {
            let start = Double(index * 300)
            slices.append(Slice(start, start + 300, score))
        }
        return slices
    }

    /// Writes the four items above (and the bundled schemas) into `scratch`.
    public static func write(in scratch: ScratchDirectory) throws {
        try FileManager.default.copyItem(atPath: ProjectPaths.root + "/schemas", toPath: scratch.path + "/schemas")
        func put(_ folder: String, _ slug: String, _ text: String) throws {
            try scratch.write("content/resources/\(folder)/\(slug).json", text + "\n")
        }
        try put("library", disagreementSlug, library(disagreementSlug, title: "A Known Disagreement"))
        try put(
            "perspective-maps", disagreementSlug,
            map(
                disagreementSlug, headline: -10, band: "mixed", slices: disagreementSlices,
                stats: (12, -7, -8.5, -25, 4, -20, 0), shares: (16.67, 83.33, 0)))
        try put(
            "transcript-assessments", disagreementSlug,
            assessment(
                disagreementSlug, score: -40, band: "risk-forward", emphases: ["alignment", "control", "deception"],
                keyMoments: [
                    ("00:07:30", -50, "The deception worry"), ("00:45:00", -10, "A calm stretch"),
                    ("02:00:00", 5, "After the last slice"),
                ],
                reviewedHeadline: -4))

        try put("library", agreementSlug, library(agreementSlug, title: "Steady Agreement"))
        try put(
            "perspective-maps", agreementSlug,
            map(agreementSlug, headline: 3, band: "mixed", stats: (10, 2, 2.5, -6, 9, -3, 7), shares: (0, 100, 0)))
        try put(
            "transcript-assessments", agreementSlug,
            assessment(agreementSlug, score: 5, band: "mixed", emphases: ["alignment"], reviewedHeadline: 3))

        try put("library", minorSlug, library(minorSlug, title: "Bright Outlook"))
        try put(
            "perspective-maps", minorSlug,
            map(
                minorSlug, headline: 25, band: "opportunity-forward", emphases: ["progress"],
                slices: [Slice(nil, nil, 20), Slice(nil, nil, 30), Slice(nil, nil, 25)],
                stats: (3, 25, 25, 20, 30, 20, 30), shares: (0, 0, 100)))
        try put(
            "transcript-assessments", minorSlug,
            assessment(
                minorSlug, status: "in-review", score: 30, band: "opportunity-forward", emphases: ["progress"],
                keyMoments: [("00:10:00", 40, "The upside")], reviewedHeadline: 25))

        try put("library", missingSlug, library(missingSlug, title: "Waiting Item"))
    }

    /// Numbers as JSON writes them: no trailing ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
