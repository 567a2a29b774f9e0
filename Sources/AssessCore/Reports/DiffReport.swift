/// No library item has the slug a command was given.
public struct UnknownItemError: Error, Sendable, CustomStringConvertible {
    public var slug: String
    public var suggestions: [String]

    public var description: String {
        var text = "no library item \"\(slug)\" (\(ContentLayout.resourcesPath)/\(ContentKind.libraryItem.folder)/\(slug).json)"
        if !suggestions.isEmpty { text += "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?" }
        return text
    }

    /// The item of `slug`, or the error with the nearest known slugs.
    static func find(_ slug: Slug, in corpus: Corpus) throws(UnknownItemError) -> CorpusItem {
        if let item = corpus.item(slug) { return item }
        throw UnknownItemError(
            slug: slug.rawValue, suggestions: NearestNames.suggest(for: slug.rawValue, among: corpus.items.map(\.slug.rawValue)))
    }
}

/// `assess diff`: machine scores against the listen-based assessments, item by item.
public struct DiffReport: Sendable {
    public struct Entry: Sendable {
        public var comparison: ItemComparison
        public var map: PerspectiveMap
    }

    /// A named item that could not be compared.
    public struct NotCompared: Sendable, Encodable {
        public var slug: String
        public var reason: String
    }

    public var entries: [Entry]
    public var notCompared: [NotCompared]
    public var thresholds: VerdictThresholds
    /// Library items left out of a whole-corpus diff for lack of a map or an assessment.
    public var unpaired: Int

    /// Compares `slugs` (all items with both files when empty).
    public static func make(_ corpus: Corpus, slugs: [Slug], thresholds: VerdictThresholds = .standard) throws(UnknownItemError) -> DiffReport {
        var report = DiffReport(entries: [], notCompared: [], thresholds: thresholds, unpaired: 0)
        if slugs.isEmpty {
            var entries = parallelMap(corpus.items) { item -> Entry? in
                guard let map = item.map, let comparison = ItemComparison(item, thresholds: thresholds) else { return nil }
                return Entry(comparison: comparison, map: map)
            }
            report.unpaired = entries.count
            report.entries.reserveCapacity(entries.count)
            // Entries are moved out, not copied: each holds a whole map.
            for index in entries.indices {
                var entry: Entry? = nil
                swap(&entry, &entries[index])
                if let entry { report.entries.append(entry) }
            }
            report.unpaired -= report.entries.count
            return report
        }
        var seen = Set<Slug>()
        for slug in slugs where seen.insert(slug).inserted {
            let item = try UnknownItemError.find(slug, in: corpus)
            if let map = item.map, let comparison = ItemComparison(item, thresholds: thresholds) {
                report.entries.append(Entry(comparison: comparison, map: map))
            } else {
                report.notCompared.append(NotCompared(slug: slug.rawValue, reason: missingReason(item)))
            }
        }
        return report
    }

    static func missingReason(_ item: CorpusItem) -> String {
        switch (item.map == nil, item.assessment == nil) {
        case (true, true): return "no perspective map and no assessment yet"
        case (true, false): return "no perspective map (machine scores) yet"
        default: return "no assessment yet: start one with `assess new \(item.slug)`"
        }
    }

    /// True when some item's verdict reaches `level`.
    public func reaches(_ level: Verdict) -> Bool {
        entries.contains { $0.comparison.reaches(level) }
    }

    public func count(_ verdict: Verdict?) -> Int {
        entries.reduce(0) { $0 + ($1.comparison.verdict == verdict ? 1 : 0) }
    }

    /// The verdict rule in words.
    public var ruleText: String {
        "major when the bands differ or |delta| ≥ \(NumberFormat.score(thresholds.majorDelta)); "
            + "minor when |delta| ≥ \(NumberFormat.score(thresholds.minorDelta)), the lens, confidence or evidence mode differ, or the review is stale"
    }

    // MARK: text

    /// The table, then each item in detail (with its pictures unless `pictures` is false).
    public func text(style: TerminalStyle, width: Int, pictures: Bool = true) -> String {
        var lines: [String] = []
        if entries.isEmpty && notCompared.isEmpty {
            return "No item has both a perspective map and an assessment: nothing to compare.\n"
        }
        if !entries.isEmpty {
            lines += table(style: style)
            // Each item's block is independent of the others: rendered on all cores, in order.
            lines += parallelMap(entries) { entry in
                let c = entry.comparison
                var block = ["", style.bold(c.slug) + " · " + c.title + " (" + c.listen.status.rawValue + ")"]
                block += ComparisonRendering.text(c, style: style, width: width)
                if pictures {
                    block.append("")
                    block += ComparisonRendering.pictures(c, map: entry.map, width: width, style: style)
                }
                return String.joining(block, separator: "\n")
            }
        }
        for item in notCompared {
            lines.append("")
            lines.append(style.bold(item.slug) + ": not compared: " + item.reason)
        }
        lines.append("")
        lines += Wrapping.wrap(summaryLine, width: max(40, width))
        lines += Wrapping.wrap("Verdicts: " + ruleText + ".", width: max(40, width))
        return String.lines(lines)
    }

    var summaryLine: String {
        var text = "\(entries.count) \(entries.count == 1 ? "item" : "items") compared: \(count(.agree)) agree, \(count(.minor)) minor, \(count(.major)) major"
        let none = count(nil)
        if none > 0 { text += ", \(none) without a listen score" }
        if unpaired > 0 { text += "; \(unpaired) library \(unpaired == 1 ? "item lacks" : "items lack") a map or an assessment" }
        if !notCompared.isEmpty { text += "; \(notCompared.count) not compared" }
        return text + "."
    }

    func table(style: TerminalStyle) -> [String] {
        var rows: [[TextTable.Cell]] = []
        for entry in entries {
            let c = entry.comparison
            var row = [
                TextTable.Cell(c.slug),
                TextTable.Cell(NumberFormat.score(c.machine.score) + " " + c.machine.band.rawValue, paint: { style.band(c.machine.band, $0) }),
            ]
            if let score = c.listen.score, let band = c.listen.band, let headline = c.headline {
                row.append(TextTable.Cell(NumberFormat.score(score) + " " + band.rawValue, paint: { style.band(band, $0) }))
                row.append(TextTable.Cell(NumberFormat.delta(headline.delta)))
                row.append(TextTable.Cell(headline.insideP10P90.map { $0 ? "inside" : "outside" } ?? "n/a"))
                row.append(TextTable.Cell(headline.insideMinMax.map { $0 ? "inside" : "outside" } ?? "n/a"))
            } else {
                row += [TextTable.Cell("no score"), TextTable.Cell("n/a"), TextTable.Cell("n/a"), TextTable.Cell("n/a")]
            }
            row.append(TextTable.Cell(c.verdict?.rawValue ?? "none", paint: { style.verdict(c.verdict, $0) }))
            rows.append(row)
        }
        return TextTable(
            header: ["item", "machine", "listen", "delta", "p10–p90", "min–max", "verdict"], rows: rows, rightAligned: [3]
        ).render(style: style)
    }

    // MARK: markdown

    public func markdown() -> String {
        let m = ReviewRendering.markdownText
        guard !(entries.isEmpty && notCompared.isEmpty) else {
            return "No item has both a perspective map and an assessment: nothing to compare.\n"
        }
        var out = "## Machine scores against listen-based assessments\n\n"
        if !entries.isEmpty {
            out += "| Item | Machine | Listen | Delta | p10–p90 | Min–max | Verdict |\n|---|---|---|---:|---|---|---|\n"
            for entry in entries {
                let c = entry.comparison
                out += "| `\(c.slug)` | \(NumberFormat.score(c.machine.score)) \(c.machine.band.rawValue) | "
                if let score = c.listen.score, let band = c.listen.band, let headline = c.headline {
                    out += "\(NumberFormat.score(score)) \(band.rawValue) | \(NumberFormat.delta(headline.delta)) | "
                    out += (headline.insideP10P90.map { $0 ? "inside" : "outside" } ?? "n/a") + " | "
                    out += (headline.insideMinMax.map { $0 ? "inside" : "outside" } ?? "n/a") + " | "
                } else {
                    out += "no score | n/a | n/a | n/a | "
                }
                out += "**\(c.verdict?.rawValue ?? "none")** |\n"
            }
            for entry in entries {
                out += "\n### `\(entry.comparison.slug)`: \(m(entry.comparison.title))\n\n"
                out += ComparisonRendering.markdown(entry.comparison)
                out += "\n```text\n" + ComparisonRendering.pictures(entry.comparison, map: entry.map, width: 80, style: .plain).joined(separator: "\n") + "\n```\n"
            }
        }
        for item in notCompared {
            out += "\n### `\(item.slug)`\n\nNot compared: \(m(item.reason))\n"
        }
        out += "\n" + m(summaryLine) + " Verdicts: " + m(ruleText) + ".\n"
        return out
    }

    // MARK: json

    struct JSONReport: Encodable {
        struct Summary: Encodable {
            var compared: Int
            var agree: Int
            var minor: Int
            var major: Int
            var withoutVerdict: Int
            var unpaired: Int
        }
        var thresholds: VerdictThresholds
        var items: [ItemComparison]
        var notCompared: [NotCompared]
        var summary: Summary
    }

    public func json() -> String {
        ValidationOutput.encode(
            JSONReport(
                thresholds: thresholds, items: entries.map(\.comparison), notCompared: notCompared,
                summary: .init(
                    compared: entries.count, agree: count(.agree), minor: count(.minor), major: count(.major),
                    withoutVerdict: count(nil), unpaired: unpaired)))
    }
}
