import AssessJSON

/// The perspective map `assess score` writes (schemas/perspective-map.schema.json), as JSON text.
///
/// The text is a pure function of its inputs: no clock is read, member order follows the
/// schema, numbers are written with at most 2 decimals, and each slice takes one line (so a
/// re-scored map diffs slice by slice). Scoring the same transcript with the same lexicon and
/// options therefore gives the same bytes.
public enum MapDocument {
    public struct Inputs: Sendable {
        public var slug: Slug
        public var lexicon: Lexicon
        public var generatedAt: String
        /// Repository-relative transcript path and the SHA-256 of its bytes.
        public var transcriptPath: String
        public var transcriptSHA256: String
        public var tags: [String]

        public init(slug: Slug, lexicon: Lexicon, generatedAt: String, transcriptPath: String, transcriptSHA256: String, tags: [String]) {
            self.slug = slug
            self.lexicon = lexicon
            self.generatedAt = generatedAt
            self.transcriptPath = transcriptPath
            self.transcriptSHA256 = transcriptSHA256
            self.tags = tags
        }
    }

    public static func node(_ result: Scorer.Result, _ inputs: Inputs) -> JSONNode {
        let lexicon = inputs.lexicon
        var root = JSONObject()
        root.set("$schema", "../../../schemas/perspective-map.schema.json")
        root.set("slug", JSONNode(.string(inputs.slug.rawValue)))
        root.set(
            "scorer",
            [
                "name": JSONNode(.string(Lexicon.scorerName)),
                "version": JSONNode(.string(lexicon.version)),
                "lexicon": ["id": JSONNode(.string(lexicon.id)), "sha256": JSONNode(.string(lexicon.sha256))],
            ])
        root.set("generatedAt", JSONNode(.string(inputs.generatedAt)))
        root.set(
            "transcript",
            [
                "path": JSONNode(.string(inputs.transcriptPath)),
                "sha256": JSONNode(.string(inputs.transcriptSHA256)),
                "segments": JSONNode(.number(JSONNumber(result.plan.segments))),
                "words": JSONNode(.number(JSONNumber(result.words))),
            ])
        root.set(
            "scale",
            [
                "min": -100, "max": 100,
                "riskForwardAtOrBelow": number(lexicon.thresholds.riskForwardAtOrBelow),
                "opportunityForwardAtOrAbove": number(lexicon.thresholds.opportunityForwardAtOrAbove),
            ])
        root.set("slices", JSONNode(.array(result.slices.map(slice))))
        let stats = result.stats
        root.set(
            "stats",
            [
                "count": JSONNode(.number(JSONNumber(stats.count))),
                "median": number(stats.median), "mean": number(stats.mean), "min": number(stats.min),
                "max": number(stats.max), "p10": number(stats.p10), "p90": number(stats.p90),
                "bandShares": [
                    "riskForward": number(stats.riskForward), "mixed": number(stats.mixed),
                    "opportunityForward": number(stats.opportunityForward),
                ],
            ])
        let headline = result.headline
        root.set(
            "headline",
            [
                "score": number(headline.score), "band": JSONNode(.string(headline.band.rawValue)),
                "lens": JSONNode(.string(headline.lens)), "confidence": JSONNode(.string(headline.confidence)),
                "evidenceMode": JSONNode(.string(headline.evidenceMode)),
            ])
        root.set("emphases", JSONNode(.array(result.emphases.map { JSONNode(.string($0)) })))
        if !inputs.tags.isEmpty { root.set("tags", JSONNode(.array(inputs.tags.map { JSONNode(.string($0)) }))) }
        return JSONNode(.object(root))
    }

    private static func slice(_ slice: Scorer.Slice) -> JSONNode {
        var object = JSONObject()
        object.set("index", JSONNode(.number(JSONNumber(slice.span.index))))
        if let start = slice.span.start { object.set("startSeconds", number(start)) }
        if let end = slice.span.end { object.set("endSeconds", number(end)) }
        if slice.span.estimated { object.set("estimated", true) }
        object.set("words", JSONNode(.number(JSONNumber(slice.words))))
        object.set("score", number(slice.score))
        return JSONNode(.object(object))
    }

    /// A number rounded to 2 decimals and written as `NumberFormat.plain` writes it ("-14.44", "0", "3.5").
    static func number(_ value: Double) -> JSONNode {
        let literal = NumberFormat.plain(value)
        return JSONNode(.number(JSONNumber(literal: literal, double: Double(literal) ?? value)))
    }

    /// The file's text: `JSONWriter`'s layout, with each slice object on one line.
    public static func text(_ node: JSONNode) -> String {
        let lines = JSONWriter.write(node).split(separator: "\n", omittingEmptySubsequences: false)
        var output: [Substring] = []
        output.reserveCapacity(lines.count)
        var inSlices = false
        var pending: [Substring] = []
        for line in lines {
            if !inSlices {
                output.append(line)
                if line == "  \"slices\": [" { inSlices = true }
                continue
            }
            if line == "  ]" || line == "  ]," {
                inSlices = false
                output.append(line)
            } else if line == "    {" {
                pending = []
            } else if line == "    }" || line == "    }," {
                let members = pending.map { member -> Substring in
                    var text = member.drop(while: { $0 == " " })
                    if text.hasSuffix(",") { text = text.dropLast() }
                    return text
                }
                output.append("    {" + members.joined(separator: ", ") + "}" + (line.hasSuffix(",") ? "," : ""))
            } else {
                pending.append(line)
            }
        }
        return output.joined(separator: "\n")
    }
}
