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
    public static let blocks: [Character] = blockScalars.map(Character.init)
    static let blockScalars: [Unicode.Scalar] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
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
        return Swift.min(blockScalars.count - 1, Int(((clamped + 100) / 200 * Double(blockScalars.count)).rounded(.down)))
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
        var out = TextBuffer(capacity: 1024)
        write(slices: slices, thresholds: thresholds, moments: moments, width: width, style: style, into: &out)
        return out.lines
    }

    /// Writes the picture's lines, or a sentence when there are no slices.
    static func write(
        slices: [PerspectiveMap.Slice]?, thresholds: BandThresholds, moments: KeyMomentComparison?, width: Int,
        style: TerminalStyle, into out: inout TextBuffer
    ) {
        guard let slices, !slices.isEmpty else {
            return out.append("  the map lists no slices, so there is no arc to draw\n")
        }
        // Maps list their slices in order; sorting is stable, so such a list is used as it is.
        let inOrder = zip(slices, slices.dropFirst()).allSatisfy { $0.index <= $1.index }
        let ordered = inOrder ? slices : slices.sorted { $0.index < $1.index }
        let columns = Self.columns(ordered.map(\.score), width: Swift.max(10, width - gutter))
        func label(_ text: String) {
            out.append("  ")
            out.append(text, paddedTo: gutter - 2)
        }
        func band(_ column: Int) -> Band { thresholds.band(for: columns[column].score) }
        label("arc")
        style.writeBandRuns(columns.count, into: &out, band: band) { blockScalars[level(columns[$0].score)] }
        out.appendNewline()
        label("bands")
        style.writeBandRuns(columns.count, into: &out, band: band) { band($0).markScalar }
        out.appendNewline()

        // Key moments under the column holding their slice; what cannot be shown there is noted.
        var unplaced = ""
        var several = false
        if let moments, moments.placement == .placed, !moments.moments.isEmpty {
            label("moments")
            let row = out.count
            out.appendSpaces(columns.count)
            for (number, moment) in moments.moments.enumerated() {
                let mark = markScalar(number)
                guard let index = moment.slice?.index, let position = ordered.firstIndex(where: { $0.index == index }),
                    let column = columns.firstIndex(where: { $0.slices.contains(position) })
                else {
                    if !unplaced.isEmpty { unplaced += ", " }
                    unplaced.unicodeScalars.append(mark)
                    continue
                }
                if out[row + column] == UInt8(ascii: " ") {
                    out[row + column] = UInt8(ascii: mark)
                } else {
                    out[row + column] = UInt8(ascii: "*")
                    several = true
                }
            }
            out.trimTrailingSpaces(from: row)
            out.appendNewline()
        }
        if let first = ordered.first?.startSeconds, let last = ordered.last?.endSeconds {
            var end = TextBuffer(capacity: 16)
            ClockTime.write(Int(last.rounded()), into: &end)
            label("time")
            let start = out.count
            ClockTime.write(Int(first), into: &out)
            out.appendSpaces(Swift.max(1, columns.count - (out.count - start) - end.count))
            out.append(end)
        } else {
            label("order")
            out.append("early")
            out.appendSpaces(Swift.max(1, columns.count - "early".count - "late".count))
            out.append("late")
        }
        out.appendNewline()
        label("")
        NumberFormat.writeCount(ordered.count, into: &out)
        if columns.count == ordered.count {
            out.append(" slices, one column per slice\n")
        } else {
            out.append(" slices, each column the mean of ")
            out.append(decimal: UInt64(ordered.count / columns.count))
            out.append(ascii: "-")
            out.append(decimal: UInt64((ordered.count + columns.count - 1) / columns.count))
            out.append(" slices\n")
        }
        label("")
        out.append(heightLegend)
        label("")
        out.append("bands: ")
        out.append(Band.markLegend)
        out.appendNewline()
        if several {
            label("")
            out.append("* several moments in one column\n")
        }
        if !unplaced.isEmpty {
            label("")
            out.append("moments ")
            out.append(unplaced)
            out.append(" fall in no timed slice\n")
        }
        if let moments, moments.placement != .placed, !moments.moments.isEmpty {
            label("")
            out.append("key moments not marked: ")
            out.append(moments.summary)
            out.appendNewline()
        }
        if ordered.contains(where: \.estimated) {
            label("")
            out.append("slice times are estimated from word positions\n")
        }
    }

    private static let heightLegend = "height = score, ▁ \(NumberFormat.score(-100)) to █ 100\n"

    /// "1"..."9", then "a"..."z", then "+".
    static func markCharacter(_ number: Int) -> Character {
        Character(markScalar(number))
    }

    static func markScalar(_ number: Int) -> Unicode.Scalar {
        number < marks.count ? marks[number] : "+"
    }

    private static let marks = Array("123456789abcdefghijklmnopqrstuvwxyz".unicodeScalars)
}
