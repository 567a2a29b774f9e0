/// `assess list`: one line per library item with its assessment state and scores.
public struct ListReport: Sendable {
    public enum Sort: String, Sendable, CaseIterable {
        /// By slug.
        case slug
        /// Largest |delta| first; items without a delta last.
        case delta
        /// missing, draft, in-review, reviewed, published; then by slug.
        case status
    }

    public struct Row: Sendable, Encodable {
        public var slug: String
        public var title: String
        /// missing | draft | in-review | reviewed | published
        public var status: String
        @NullWhenAbsent public var machineScore: Double?
        @NullWhenAbsent public var machineBand: Band?
        @NullWhenAbsent public var listenScore: Double?
        @NullWhenAbsent public var listenBand: Band?
        /// listen - machine, 2 decimals.
        @NullWhenAbsent public var delta: Double?
    }

    public var rows: [Row]
    /// Library items before filtering.
    public var total: Int

    /// The states `--status` accepts.
    public static let states = ["missing"] + AssessmentStatus.allCases.map(\.rawValue)

    public static func make(_ corpus: Corpus, status: String? = nil, sort: Sort = .slug) -> ListReport {
        var rows = corpus.items.map { item -> Row in
            let map = item.map
            let listen = item.assessment?.perspective.score
            let delta = map.flatMap { m in listen.map { NumberFormat.rounded($0 - m.headline.score) } }
            return Row(
                slug: item.slug.rawValue, title: item.library.title, status: item.state, machineScore: map?.headline.score,
                machineBand: map?.headline.band, listenScore: listen,
                listenBand: item.assessment?.listenBand(map?.thresholds ?? .standard), delta: delta)
        }
        if let status { rows = rows.filter { $0.status == status } }
        switch sort {
        case .slug: break
        case .delta:
            rows.sort { a, b in
                switch (a.delta, b.delta) {
                case let (x?, y?): return abs(x) != abs(y) ? abs(x) > abs(y) : a.slug < b.slug
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return a.slug < b.slug
                }
            }
        case .status:
            rows.sort { a, b in
                let x = states.firstIndex(of: a.status) ?? 0, y = states.firstIndex(of: b.status) ?? 0
                return x != y ? x < y : a.slug < b.slug
            }
        }
        return ListReport(rows: rows, total: corpus.items.count)
    }

    var summaryLine: String {
        var counts: [String: Int] = [:]
        for row in rows { counts[row.status, default: 0] += 1 }
        let parts = Self.states.compactMap { state in counts[state].map { "\($0) \(state)" } }
        let shown = rows.count == total ? "\(total)" : "\(rows.count) of \(total)"
        return "\(shown) library \(total == 1 ? "item" : "items")" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    // MARK: text

    public func text(style: TerminalStyle) -> String {
        guard total > 0 else {
            return "No library items in \(ContentLayout.resourcesPath)/\(ContentKind.libraryItem.folder).\n"
        }
        let table = TextTable(
            header: ["slug", "title", "status", "machine", "listen", "delta"], rows: rows.map { cells($0, style: style) },
            rightAligned: [3, 4, 5])
        let body = rows.isEmpty ? [] : table.render(style: style)
        return (body + [summaryLine]).joined(separator: "\n") + "\n"
    }

    private func cells(_ row: Row, style: TerminalStyle) -> [TextTable.Cell] {
        let none = "·"
        let machineBand = row.machineBand, listenBand = row.listenBand
        let missing = row.status == "missing"
        let status: (String) -> String = { text in missing ? style.dim(text) : text }
        let machine: (String) -> String = { text in
            guard let band = machineBand else { return text }
            return style.band(band, text)
        }
        let listen: (String) -> String = { text in
            guard let band = listenBand else { return text }
            return style.band(band, text)
        }
        return [
            TextTable.Cell(row.slug), TextTable.Cell(ComparisonRendering.truncated(row.title, 40)),
            TextTable.Cell(row.status, paint: status),
            TextTable.Cell(row.machineScore.map(NumberFormat.score) ?? none, paint: machine),
            TextTable.Cell(row.listenScore.map(NumberFormat.score) ?? none, paint: listen),
            TextTable.Cell(row.delta.map(NumberFormat.delta) ?? none),
        ]
    }

    // MARK: markdown

    public func markdown() -> String {
        var out = "| Slug | Title | Status | Machine | Listen | Delta |\n|---|---|---|---:|---:|---:|\n"
        for row in rows {
            out += "| `\(row.slug)` | \(ReviewRendering.markdownText(row.title)) | \(row.status) | "
            out += "\(row.machineScore.map(NumberFormat.score) ?? "") | \(row.listenScore.map(NumberFormat.score) ?? "") | \(row.delta.map(NumberFormat.delta) ?? "") |\n"
        }
        return out + "\n" + summaryLine + "\n"
    }

    // MARK: json

    struct JSONReport: Encodable {
        var items: [Row]
        var total: Int
    }

    public func json() -> String { ValidationOutput.encode(JSONReport(items: rows, total: total)) }
}
