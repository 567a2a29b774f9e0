/// The episode arc by slice, as the site's "Episode arc by segment" draws it, in text:
///
///     arc       ▅▅▄▅▅▃▅▅▅▅▆▅
///     bands     ·····R····O·
///     moments    1      2
///     time      00:00:00   00:42:10
///
/// Early to late, one column per slice or (when there are more slices than columns) the mean of a
/// run of consecutive slices. Height is the score on the fixed scale −100 (▁) to 100 (█), so a
/// flat arc means the slices really sit close together; colour is the band of the column's score.
/// The band row repeats the colour as letters, so the picture reads without colour. Moments are
/// numbered in the order given and placed only on slices with times.
public struct SliceArc: Sendable {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let gutter = 10

    /// One column of the picture: a run of consecutive slices.
    public struct Column: Sendable, Equatable {
        /// Positions (not indexes) of the slices, in transcript order.
        public var slices: Range<Int>
        /// The mean score of those slices.
        public var score: Double
    }

    /// The block for a score: −100 -> ▁ (level 0), 100 -> █ (level 7), in 8 equal steps of 25.
    public static func level(_ score: Double) -> Int {
        let clamped = Swift.min(100, Swift.max(-100, score))
        return Swift.min(blocks.count - 1, Int(((clamped + 100) / 200 * Double(blocks.count)).rounded(.down)))
    }

    /// `scores` in at most `width` columns: slice runs of (nearly) equal length, each the mean of its run.
    public static func columns(_ scores: [Double], width: Int) -> [Column] {
        let n = scores.count
        guard n > 0, width > 0 else { return [] }
        let count = Swift.min(n, width)
        return (0..<count).map { column in
            let range = (column * n / count)..<((column + 1) * n / count)
            let mean = scores[range].reduce(0, +) / Double(range.count)
            return Column(slices: range, score: mean)
        }
    }

    /// The picture's lines (without trailing newlines), or a sentence when there are no slices.
    public static func render(
        slices: [PerspectiveMap.Slice]?, thresholds: BandThresholds, moments: KeyMomentComparison?, width: Int,
        style: TerminalStyle
    ) -> [String] {
        guard let slices, !slices.isEmpty else {
            return ["  the map lists no slices, so there is no arc to draw"]
        }
        let ordered = slices.sorted { $0.index < $1.index }
        let columns = Self.columns(ordered.map(\.score), width: Swift.max(10, width - gutter))
        func label(_ text: String) -> String { "  " + text.padding(gutter - 2) }
        let columnBands = columns.map { thresholds.band(for: $0.score) }
        let arc = style.bandRuns(zip(columnBands, columns).map { ($0, blocks[level($1.score)]) })
        let bands = style.bandRuns(columnBands.map { ($0, $0.mark) })
        var lines = [label("arc") + arc, label("bands") + bands]

        // Key moments under the column holding their slice.
        var notes: [String] = []
        if let moments, !moments.moments.isEmpty {
            if moments.placement == .placed {
                var row = Array(repeating: Character(" "), count: columns.count)
                var unplaced: [String] = []
                let position = Dictionary(ordered.enumerated().map { ($1.index, $0) }, uniquingKeysWith: { a, _ in a })
                for (number, moment) in moments.moments.enumerated() {
                    let mark = markCharacter(number)
                    guard let index = moment.slice?.index, let slicePosition = position[index],
                        let column = columns.firstIndex(where: { $0.slices.contains(slicePosition) })
                    else {
                        unplaced.append(String(mark))
                        continue
                    }
                    row[column] = row[column] == " " ? mark : "*"
                }
                lines.append(label("moments") + String(characters: row).trimmedRight)
                if row.contains("*") { notes.append("* several moments in one column") }
                if !unplaced.isEmpty { notes.append("moments \(unplaced.joined(separator: ", ")) fall in no timed slice") }
            } else {
                notes.append("key moments not marked: " + moments.summary)
            }
        }
        if let first = ordered.first?.startSeconds, let last = ordered.last?.endSeconds {
            let start = ClockTime.format(Int(first)), end = ClockTime.format(Int(last.rounded()))
            let gap = Swift.max(1, columns.count - start.count - end.count)
            lines.append(label("time") + start + String.spaces(gap) + end)
        } else {
            let gap = Swift.max(1, columns.count - "early".count - "late".count)
            lines.append(label("order") + "early" + String.spaces(gap) + "late")
        }
        let per = columns.count == ordered.count ? "one column per slice" : "each column the mean of \(ordered.count / columns.count)-\((ordered.count + columns.count - 1) / columns.count) slices"
        lines.append(label("") + "\(NumberFormat.count(ordered.count)) slices, \(per)")
        lines.append(label("") + "height = score, ▁ \(NumberFormat.score(-100)) to █ 100")
        lines.append(label("") + "bands: " + Band.markLegend)
        if ordered.contains(where: \.estimated) { notes.append("slice times are estimated from word positions") }
        for note in notes { lines.append(label("") + note) }
        return lines
    }

    /// "1"..."9", then "a"..."z", then "+".
    static func markCharacter(_ number: Int) -> Character {
        number < marks.count ? marks[number] : "+"
    }

    private static let marks = Array("123456789abcdefghijklmnopqrstuvwxyz")
}
