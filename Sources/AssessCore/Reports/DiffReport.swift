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
            let items = corpus.items
            // Each entry is built where it stays: it holds a whole map.
            report.entries = parallelCompactMap(count: items.count) { index -> Entry? in
                guard let map = items[index].map, let comparison = ItemComparison(items[index], thresholds: thresholds) else {
                    return nil
                }
                return Entry(comparison: comparison, map: map)
            }
            report.unpaired = items.count - report.entries.count
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
        // By index: a closure over the elements would be handed a copy of each whole entry.
        var count = 0
        for index in entries.indices where entries[index].comparison.verdict == verdict { count += 1 }
        return count
    }

    /// The verdict rule in words.
    public var ruleText: String {
        "major when the bands differ or |delta| ≥ \(NumberFormat.score(thresholds.majorDelta)); "
            + "minor when |delta| ≥ \(NumberFormat.score(thresholds.minorDelta)), the lens, confidence or evidence mode differ, or the review is stale"
    }

    // MARK: text

    /// The table, then each item in detail (with its pictures unless `pictures` is false).
    public func text(style: TerminalStyle, width: Int, pictures: Bool = true) -> String {
        var text: [UInt8] = []
        write(style: style, width: width, pictures: pictures) { text += $0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// Items rendered at a time by `write`: enough to keep every core busy, few enough that the
    /// text of a large corpus never sits in memory whole. The first piece, rendered beside the
    /// summary table (one job of a row per item), is larger so the other cores have blocks to
    /// render while one writes the table.
    static let itemsPerPiece = 256
    static let itemsInFirstPiece = 1024
    /// Consecutive items a job renders into one buffer, written out as one run of bytes.
    static let itemsPerJob = 8

    /// The UTF-8 of `text(style:width:pictures:)` in runs, in order, each passed to `output` as
    /// soon as its piece is ready: written out as bytes, the text is never checked again as a
    /// `String`, nor gathered into one buffer.
    public func write(style: TerminalStyle, width: Int, pictures: Bool = true, to output: ([UInt8]) -> Void) {
        if entries.isEmpty && notCompared.isEmpty {
            output(Array("No item has both a perspective map and an assessment: nothing to compare.\n".utf8))
            return
        }
        // Each item's block is independent of the others: rendered on all cores, in order.
        var bounds = [0]
        while bounds.last! < entries.count {
            bounds.append(min(entries.count, bounds.last! + (bounds.count == 1 ? Self.itemsInFirstPiece : Self.itemsPerPiece)))
        }
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            // Job k renders the items from `start + (k - first) * itemsPerJob`; in the first
            // piece (`first` 1) job 0 renders the table instead.
            let first = start == 0 ? 1 : 0
            let runs = parallelMap(count: (end - start + Self.itemsPerJob - 1) / Self.itemsPerJob + first) { job -> [UInt8] in
                guard job >= first else {
                    var out = TextBuffer(capacity: 64 * entries.count)
                    table(style: style).write(style: style, into: &out)
                    return out.byteArray
                }
                let from = start + (job - first) * Self.itemsPerJob
                var run = TextBuffer(capacity: 4096 * Self.itemsPerJob)
                for index in from..<min(end, from + Self.itemsPerJob) {
                    Self.writeBlock(entries[index], style: style, width: width, pictures: pictures, into: &run)
                }
                return run.byteArray
            }
            for run in runs { output(run) }
        }
        var end = TextBuffer()
        for item in notCompared {
            end.appendNewline()
            style.write(item.slug, .bold, into: &end)
            end.append(": not compared: ")
            end.append(item.reason)
            end.appendNewline()
        }
        end.appendNewline()
        Wrapping.write(summaryLine, width: max(40, width), into: &end)
        Wrapping.write("Verdicts: " + ruleText + ".", width: max(40, width), into: &end)
        output(end.byteArray)
    }

    /// One item in detail. The entry is borrowed where it lies, not copied.
    private static func writeBlock(_ entry: Entry, style: TerminalStyle, width: Int, pictures: Bool, into block: inout TextBuffer) {
        let c = entry.comparison
        block.appendNewline()
        style.write(c.slug, .bold, into: &block)
        block.append(" · ")
        block.append(c.title)
        block.append(" (")
        block.append(c.listen.status.rawValue)
        block.append(")\n")
        ComparisonRendering.write(c, style: style, width: width, into: &block)
        if pictures {
            block.appendNewline()
            ComparisonRendering.writePictures(
                map: entry.map, moments: c.keyMoments, listen: c.listen.score, width: width, style: style, into: &block)
        }
    }

    var summaryLine: String {
        var text = "\(entries.count) \(entries.count == 1 ? "item" : "items") compared: \(count(.agree)) agree, \(count(.minor)) minor, \(count(.major)) major"
        let none = count(nil)
        if none > 0 { text += ", \(none) without a listen score" }
        if unpaired > 0 { text += "; \(unpaired) library \(unpaired == 1 ? "item lacks" : "items lack") a map or an assessment" }
        if !notCompared.isEmpty { text += "; \(notCompared.count) not compared" }
        return text + "."
    }

    func table(style: TerminalStyle) -> TextTable {
        var table = TextTable(header: ["item", "machine", "listen", "delta", "p10–p90", "min–max", "verdict"], rightAligned: [3])
        for index in entries.indices { Self.addRow(entries[index].comparison, to: &table) }
        return table
    }

    /// One item's row. The comparison is borrowed where it lies: a local copy for the cells'
    /// closures to capture would retain every string and array of it, 10,000 times over.
    private static func addRow(_ c: ItemComparison, to table: inout TextTable) {
        table.add(c.slug)
        table.add(paint: c.machine.band.paint) { ComparisonRendering.writeScore(c.machine.score, band: c.machine.band, into: &$0) }
        if let score = c.listen.score, let band = c.listen.band, let headline = c.headline {
            table.add(paint: band.paint) { ComparisonRendering.writeScore(score, band: band, into: &$0) }
            table.add { NumberFormat.writeDelta(headline.delta, into: &$0) }
            table.add(headline.insideP10P90.map { $0 ? "inside" : "outside" } ?? "n/a")
            table.add(headline.insideMinMax.map { $0 ? "inside" : "outside" } ?? "n/a")
        } else {
            for text in ["no score", "n/a", "n/a", "n/a"] { table.add(text) }
        }
        table.add(c.verdict?.rawValue ?? "none", paint: TerminalStyle.Paint(c.verdict))
        table.endRow()
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
                let pictures = TextBuffer.text {
                    ComparisonRendering.writePictures(
                        map: entry.map, moments: entry.comparison.keyMoments, listen: entry.comparison.listen.score, width: 80,
                        style: .plain, into: &$0)
                }
                out += "\n```text\n" + pictures + "```\n"
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
