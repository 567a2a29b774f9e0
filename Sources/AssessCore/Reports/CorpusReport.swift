/// `assess report`: the whole corpus. How much is assessed, and how far the machine's reading agrees
/// with the editors': the band confusion matrix, Cohen's kappa (unweighted and linear-weighted),
/// the mean absolute score error, the largest disagreements and the stale reviews.
public struct CorpusReport: Sendable, Encodable {
    public struct Counts: Sendable, Encodable {
        /// Library items.
        public var items: Int
        public var assessed: Int
        /// Items without an assessment: the backlog.
        public var missing: Int
        /// Assessments by status, every status present.
        public var byStatus: [String: Int]
        public var withMap: Int
        /// Items the statistics rest on: a map and a listen score, status at least `minimumStatus`.
        public var compared: Int
    }

    /// A statistic and the number of items it rests on; null (with a note) when it cannot be computed.
    public struct Statistic: Sendable, Encodable {
        @NullWhenAbsent public var value: Double?
        public var items: Int
        @NullWhenAbsent public var note: String?
    }

    public struct Disagreement: Sendable, Encodable {
        public var slug: String
        public var status: AssessmentStatus
        public var machineScore: Double
        public var machineBand: Band
        public var listenScore: Double
        public var listenBand: Band
        public var delta: Double
        public var verdict: Verdict
        public var reasons: [VerdictReason]
    }

    public struct StaleReview: Sendable, Encodable {
        public var slug: String
        public var review: ReviewState
        public var detail: String
    }

    public var counts: Counts
    public var minimumStatus: AssessmentStatus
    public var thresholds: VerdictThresholds
    public var backlog: [String]
    public var bands: BandConfusion
    public var kappa: Statistic
    public var weightedKappa: Statistic
    public var meanAbsoluteError: Statistic
    public var largestDisagreements: [Disagreement]
    public var staleReviews: [StaleReview]

    public static func make(
        _ corpus: Corpus, thresholds: VerdictThresholds = .standard, top: Int = 5, minimumStatus: AssessmentStatus = .draft
    ) -> CorpusReport {
        var byStatus = Dictionary(uniqueKeysWithValues: AssessmentStatus.allCases.map { ($0.rawValue, 0) })
        var assessed = 0, withMap = 0
        var backlog: [String] = []
        // Items are read in place, by index: a loop over the values would copy each one.
        let items = corpus.items
        for index in items.indices {
            if items[index].map != nil { withMap += 1 }
            if let status = items[index].assessment?.status {
                assessed += 1
                byStatus[status.rawValue, default: 0] += 1
            } else {
                backlog.append(items[index].slug.rawValue)
            }
        }
        // Each item is compared on a worker, which also notes the little the totals need from it:
        // the pass over the items below reads those notes, not the large comparisons.
        let comparisons = parallelMap(count: items.count) { index -> (comparison: ItemComparison, tally: Tally)? in
            guard let c = ItemComparison(items[index], thresholds: thresholds) else { return nil }
            return (c, Tally(c, minimumStatus: minimumStatus))
        }

        var bands = BandConfusion()
        var pairs: [(machine: Double, listen: Double)] = []
        var compared = 0
        // The compared items that disagree: their verdict and delta, to rank them before building rows.
        var ranked: [(verdict: Verdict, size: Double, index: Int)] = []
        var staleReviews: [StaleReview] = []
        for index in comparisons.indices {
            guard let tally = comparisons[index]?.tally else { continue }
            if let stale = tally.staleReview { staleReviews.append(stale) }
            guard tally.compared else { continue }
            compared += 1
            guard let listenBand = tally.listenBand, let listenScore = tally.listenScore else { continue }
            bands.add(machine: tally.machineBand, listen: listenBand)
            pairs.append((tally.machineScore, listenScore))
            if let verdict = tally.verdict, verdict != .agree { ranked.append((verdict, tally.size, index)) }
        }
        func kappaNote(_ value: Double?) -> String? {
            guard value == nil else { return nil }
            return compared == 0
                ? "nothing to compare: no item has both a perspective map and a listen score"
                : "undefined: all compared items share one band on both sides"
        }
        let kappa = Agreement.kappa(bands, weighting: .unweighted)
        let weighted = Agreement.kappa(bands, weighting: .linear)
        let mae = Agreement.meanAbsoluteError(pairs)

        // Strongest verdict first, then the largest delta, then slug order (the items' order).
        ranked.sort { ($0.verdict, $0.size, $1.index) > ($1.verdict, $1.size, $0.index) }
        let disagreements = ranked.prefix(max(0, top)).map { entry -> Disagreement in
            let c = comparisons[entry.index]!.comparison
            return Disagreement(
                slug: c.slug, status: c.listen.status, machineScore: c.machine.score, machineBand: c.machine.band,
                listenScore: c.listen.score!, listenBand: c.listen.band!, delta: c.headline!.delta, verdict: entry.verdict,
                reasons: c.reasons)
        }

        // Thousands of comparisons are many small allocations: freed on another core.
        releaseElsewhere(comparisons)
        return CorpusReport(
            counts: Counts(
                items: corpus.items.count, assessed: assessed, missing: corpus.items.count - assessed, byStatus: byStatus,
                withMap: withMap, compared: compared),
            minimumStatus: minimumStatus, thresholds: thresholds,
            backlog: backlog,
            bands: bands,
            kappa: Statistic(value: kappa.map { NumberFormat.rounded($0, decimals: 4) }, items: bands.total, note: kappaNote(kappa)),
            weightedKappa: Statistic(value: weighted.map { NumberFormat.rounded($0, decimals: 4) }, items: bands.total, note: kappaNote(weighted)),
            meanAbsoluteError: Statistic(
                value: mae.map { NumberFormat.rounded($0) }, items: pairs.count,
                note: mae == nil ? "nothing to compare: no item has both a perspective map and a listen score" : nil),
            largestDisagreements: disagreements,
            staleReviews: staleReviews)
    }

    /// What the corpus totals need from one item's comparison.
    private struct Tally: Sendable {
        var staleReview: StaleReview?
        /// It has a headline comparison and its assessment's status is at least the minimum.
        var compared: Bool
        var machineBand: Band
        var machineScore: Double
        var listenBand: Band?
        var listenScore: Double?
        var verdict: Verdict?
        /// |delta| of the headline scores.
        var size: Double

        init(_ c: ItemComparison, minimumStatus: AssessmentStatus) {
            staleReview = c.review.state == .stale
                ? StaleReview(slug: c.slug, review: c.review, detail: c.review.staleDetail(forPeople: false)) : nil
            compared = c.headline != nil && c.listen.status >= minimumStatus
            machineBand = c.machine.band
            machineScore = c.machine.score
            listenBand = c.listen.band
            listenScore = c.listen.score
            verdict = c.verdict
            size = c.headline.map { abs($0.delta) } ?? 0
        }
    }

    // MARK: text

    public func text(style: TerminalStyle) -> String {
        var lines: [String] = []
        if counts.items == 0 {
            lines.append("No library items in \(ContentLayout.resourcesPath)/\(ContentKind.libraryItem.folder): nothing to report.")
        } else {
            lines.append(style.bold("Corpus") + ": \(counts.items) library \(counts.items == 1 ? "item" : "items")")
            let shares = NumberFormat.percentText([Double(counts.assessed), Double(counts.missing)])
            let statuses = AssessmentStatus.allCases.map { "\(counts.byStatus[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            lines.append("  assessed      \(counts.assessed) of \(counts.items) (\(shares[0])): \(statuses)")
            lines.append("  missing       \(counts.missing) of \(counts.items) (\(shares[1])): the backlog below")
            lines.append("  machine maps  \(counts.withMap) of \(counts.items)")
            lines.append("  compared      \(counts.compared) with a map and a listen score (status \(minimumStatus.rawValue) or later)")
        }

        if counts.items > 0 {
            lines += bandLines(style: style)
        }
        lines += ["", style.bold("Agreement")]
        func statistic(_ name: String, _ s: Statistic, unit: String = "") -> String {
            let rests = "rests on \(s.items) \(s.items == 1 ? "item" : "items")"
            guard let value = s.value else { return "  " + name.padding(28) + "n/a · \(rests) · \(s.note ?? "")" }
            return "  " + name.padding(28) + NumberFormat.display(NumberFormat.fixed(value, decimals: 2)) + unit + " · " + rests
        }
        lines.append(statistic("Cohen's kappa", kappa))
        lines.append(statistic("kappa, linear-weighted", weightedKappa))
        lines.append(statistic("mean absolute score error", meanAbsoluteError, unit: " points"))
        guard counts.items > 0 else { return lines.joined(separator: "\n") + "\n" }

        lines += ["", style.bold("Largest disagreements")]
        if largestDisagreements.isEmpty {
            lines.append("  none")
        } else {
            let rows = largestDisagreements.map { d in
                [
                    TextTable.Cell(d.slug), TextTable.Cell(d.status.rawValue),
                    TextTable.Cell(NumberFormat.score(d.machineScore) + " " + d.machineBand.rawValue, paint: { style.band(d.machineBand, $0) }),
                    TextTable.Cell(NumberFormat.score(d.listenScore) + " " + d.listenBand.rawValue, paint: { style.band(d.listenBand, $0) }),
                    TextTable.Cell(NumberFormat.delta(d.delta)), TextTable.Cell(d.verdict.rawValue, paint: { style.verdict(d.verdict, $0) }),
                ]
            }
            lines += TextTable(header: ["item", "status", "machine", "listen", "delta", "verdict"], rows: rows, rightAligned: [4])
                .render(style: style, indent: "  ")
        }

        lines += ["", style.bold("Stale reviews") + " (the map changed since the editor's machineReview)"]
        if staleReviews.isEmpty {
            lines.append("  none")
        } else {
            for stale in staleReviews { lines.append("  \(stale.slug): \(stale.review.staleDetail(forPeople: true))") }
        }

        lines += ["", style.bold("Backlog") + ": \(backlog.count) library \(backlog.count == 1 ? "item" : "items") without an assessment"]
        lines += backlog.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }

    func bandLines(style: TerminalStyle) -> [String] {
        var lines = ["", style.bold("Bands") + ": machine (rows) against listen (columns)"]
        let header = [""] + Band.allCases.map(\.rawValue)
        let rows = Band.allCases.map { machine in
            [TextTable.Cell(machine.rawValue, paint: { style.band(machine, $0) })]
                + Band.allCases.map { TextTable.Cell(String(bands.count(machine: machine, listen: $0))) }
        }
        lines += TextTable(header: header, rows: rows, rightAligned: [1, 2, 3]).render(style: style, indent: "  ")
        lines.append("  bands agree on \(bands.agreeing) of \(bands.total)")

        return lines
    }

    // MARK: markdown

    public func markdown() -> String {
        let m = ReviewRendering.markdownText
        var out = "## Corpus report\n\n"
        if counts.items == 0 {
            out += "No library items in `\(ContentLayout.resourcesPath)/\(ContentKind.libraryItem.folder)`: nothing to report.\n\n"
        } else {
            let statuses = AssessmentStatus.allCases.map { "\(counts.byStatus[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            out += "- **Library items:** \(counts.items)\n- **Assessed:** \(counts.assessed) (\(statuses))\n"
            out += "- **Missing:** \(counts.missing)\n- **Machine maps:** \(counts.withMap)\n"
            out += "- **Compared:** \(counts.compared) (status \(minimumStatus.rawValue) or later)\n\n"
        }
        out += "### Bands: machine (rows) against listen (columns)\n\n| Machine \\\\ Listen | " + Band.allCases.map(\.rawValue).joined(separator: " | ") + " |\n"
        out += "|---|---:|---:|---:|\n"
        for machine in Band.allCases {
            out += "| \(machine.rawValue) | " + Band.allCases.map { String(bands.count(machine: machine, listen: $0)) }.joined(separator: " | ") + " |\n"
        }
        out += "\n### Agreement\n\n| Statistic | Value | Items |\n|---|---:|---:|\n"
        for (name, s) in [("Cohen's kappa", kappa), ("Kappa, linear-weighted", weightedKappa), ("Mean absolute score error", meanAbsoluteError)] {
            let value = s.value.map { NumberFormat.display(NumberFormat.fixed($0, decimals: 2)) } ?? "n/a (\(m(s.note ?? "")))"
            out += "| \(name) | \(value) | \(s.items) |\n"
        }
        out += "\n### Largest disagreements\n\n"
        if largestDisagreements.isEmpty {
            out += "None.\n"
        } else {
            out += "| Item | Status | Machine | Listen | Delta | Verdict |\n|---|---|---|---|---:|---|\n"
            for d in largestDisagreements {
                out += "| `\(d.slug)` | \(d.status.rawValue) | \(NumberFormat.score(d.machineScore)) \(d.machineBand.rawValue) | "
                out += "\(NumberFormat.score(d.listenScore)) \(d.listenBand.rawValue) | \(NumberFormat.delta(d.delta)) | **\(d.verdict.rawValue)** |\n"
            }
        }
        out += "\n### Stale reviews\n\n"
        out += staleReviews.isEmpty ? "None.\n" : staleReviews.map { "- `\($0.slug)`: \(m($0.review.staleDetail(forPeople: true)))\n" }.joined()
        out += "\n### Backlog\n\n"
        out += backlog.isEmpty ? "None.\n" : backlog.map { "- `\($0)`\n" }.joined()
        return out
    }

    // MARK: json

    public func json() -> String { ValidationOutput.encode(self) }
}
