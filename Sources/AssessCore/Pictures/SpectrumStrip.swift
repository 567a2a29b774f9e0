/// The spectrum strip, −100 to 100, with one row per marker, so markers that sit close together
/// never hide each other and each is named beside its value:
///
///                          −100               −20   0   20                100
///                          ├───────────────────┼────┼────┼──────────────────┤
///       slice min     −15                      ●
///       slice median    0                           ●
///       p10 to p90   0 to 0                         ●
///       headline   −14.44                      ●
///       listen          6                             ●
///
/// The track is coloured by band and divided at the band thresholds; a marker is coloured by the
/// band of its value. Without colour, the thresholds on the scale row say where the bands change.
public struct SpectrumStrip: Sendable {
    public struct Marker: Sendable {
        public var label: String
        public var low: Double
        public var high: Double
        public var isRange: Bool

        /// A single score.
        public init(_ label: String, _ value: Double) {
            self.label = label
            low = value
            high = value
            isRange = false
        }

        /// A range of scores, drawn from low to high.
        public init(_ label: String, from low: Double, to high: Double) {
            self.label = label
            self.low = Swift.min(low, high)
            self.high = Swift.max(low, high)
            isRange = true
        }

        var valueText: String {
            TextBuffer.text(writeValue)
        }

        /// Writes `valueText`: the score, or the range from low to high.
        func writeValue(into out: inout TextBuffer) {
            if isRange {
                NumberFormat.writeRange(low, high, into: &out)
            } else {
                NumberFormat.writeScore(low, into: &out)
            }
        }
    }

    /// The column of `value` on a track of `width` columns (0 ... width − 1).
    public static func column(_ value: Double, width: Int) -> Int {
        let clamped = Swift.min(100, Swift.max(-100, value))
        return Int(((clamped + 100) / 200 * Double(width - 1)).rounded())
    }

    /// The strip's lines: the scale, the track and one row per marker.
    public static func render(markers: [Marker], thresholds: BandThresholds, width: Int, style: TerminalStyle) -> [String] {
        var out = TextBuffer(capacity: 1024)
        write(markers: markers, thresholds: thresholds, width: width, style: style, into: &out)
        return out.lines
    }

    /// Writes the strip's lines: the scale, the track and one row per marker.
    static func write(markers: [Marker], thresholds: BandThresholds, width: Int, style: TerminalStyle, into out: inout TextBuffer) {
        // The markers' values, one after another, and where each ends.
        var values = TextBuffer(capacity: 128)
        var valueEnds: [Int] = []
        valueEnds.reserveCapacity(markers.count)
        var labelWidth = 0, valueWidth = 0
        for marker in markers {
            let start = values.count
            marker.writeValue(into: &values)
            valueEnds.append(values.count)
            labelWidth = Swift.max(labelWidth, marker.label.characterCount)
            valueWidth = Swift.max(valueWidth, values.characterCount(from: start))
        }
        let gutter = 2 + labelWidth + 2 + valueWidth + 2
        let even = Swift.min(81, Swift.max(21, width - gutter))
        let track = even % 2 == 0 ? even - 1 : even  // an odd track puts 0 on a column of its own
        let lowCut = column(thresholds.riskForwardAtOrBelow, width: track)
        let highCut = column(thresholds.opportunityForwardAtOrAbove, width: track)
        let zero = column(0, width: track)

        // Scale: −100 at the left edge, 100 at the right, thresholds and 0 centred where they fall,
        // each left out where it would touch a number placed before it.
        var numbers: [(start: Int, end: Int, text: String)] = []
        numbers.reserveCapacity(5)
        func place(_ text: String, centredOn column: Int) {
            let count = text.characterCount
            let start = Swift.max(0, Swift.min(track - count, column - count / 2)), end = start + count
            guard !numbers.contains(where: { $0.start <= end && start <= $0.end }) else { return }
            numbers.append((start, end, text))
        }
        place(scaleLeft, centredOn: 0)
        place("100", centredOn: track - 1)
        place("0", centredOn: zero)
        place(NumberFormat.score(thresholds.riskForwardAtOrBelow), centredOn: lowCut)
        place(NumberFormat.score(thresholds.opportunityForwardAtOrAbove), centredOn: highCut)
        numbers.sort { $0.start < $1.start }
        out.appendSpaces(gutter)
        var written = 0
        for number in numbers {
            out.appendSpaces(number.start - written)
            out.append(number.text)
            written = number.end
        }
        out.appendNewline()

        out.appendSpaces(gutter)
        style.writeBandRuns(track, into: &out) { index in
            index <= lowCut ? .riskForward : (index >= highCut ? .opportunityForward : .mixed)
        } glyph: { index in
            switch index {
            case 0: return "├"
            case track - 1: return "┤"
            case lowCut, highCut, zero: return "┼"
            default: return "─"
            }
        }
        out.appendNewline()

        values.withBytes { values in
            for (index, marker) in markers.enumerated() {
                let value = UnsafeBufferPointer(rebasing: values[(index > 0 ? valueEnds[index - 1] : 0)..<valueEnds[index]])
                out.append("  ")
                out.append(marker.label, paddedTo: labelWidth)
                out.append("  ")
                out.appendSpaces(valueWidth - UTF8Text.characterCount(value))
                out.append(bytes: value)
                out.append("  ")
                let low = column(marker.low, width: track), high = column(marker.high, width: track)
                out.appendSpaces(low)
                if low == high {
                    style.write("●", thresholds.band(for: marker.low).paint, into: &out)
                } else {
                    style.write("◖", thresholds.band(for: marker.low).paint, into: &out)
                    out.append("━", count: high - low - 1)
                    style.write("◗", thresholds.band(for: marker.high).paint, into: &out)
                }
                out.appendNewline()
            }
        }
    }

    /// The scale's left end, −100.
    private static let scaleLeft = NumberFormat.score(-100)

    /// The machine's markers (slice min, median, max, p10 to p90, headline) and the listen score.
    public static func markers(map: PerspectiveMap, listen: Double?) -> [Marker] {
        var markers: [Marker] = []
        markers.reserveCapacity(6)
        if let stats = map.stats {
            markers.append(Marker("slice min", stats.min))
            markers.append(Marker("slice median", stats.median))
            markers.append(Marker("slice max", stats.max))
            markers.append(Marker("p10 to p90", from: stats.p10, to: stats.p90))
        }
        markers.append(Marker("headline", map.headline.score))
        if let listen { markers.append(Marker("listen", listen)) }
        return markers
    }
}
