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
            isRange ? NumberFormat.displayRange(low, high) : NumberFormat.score(low)
        }
    }

    /// The column of `value` on a track of `width` columns (0 ... width − 1).
    public static func column(_ value: Double, width: Int) -> Int {
        let clamped = Swift.min(100, Swift.max(-100, value))
        return Int(((clamped + 100) / 200 * Double(width - 1)).rounded())
    }

    /// The strip's lines: the scale, the track and one row per marker.
    public static func render(markers: [Marker], thresholds: BandThresholds, width: Int, style: TerminalStyle) -> [String] {
        let labelWidth = markers.map(\.label.count).max() ?? 0
        let valueWidth = markers.map(\.valueText.count).max() ?? 0
        let gutter = 2 + labelWidth + 2 + valueWidth + 2
        var track = Swift.min(81, Swift.max(21, width - gutter))
        if track % 2 == 0 { track -= 1 }  // an odd track puts 0 on a column of its own
        let lowCut = column(thresholds.riskForwardAtOrBelow, width: track)
        let highCut = column(thresholds.opportunityForwardAtOrAbove, width: track)
        let zero = column(0, width: track)
        let pad = String.spaces(gutter)

        // Scale: −100 at the left edge, 100 at the right, thresholds and 0 centred where they fall.
        var scale = Array(repeating: Character(" "), count: track)
        var taken = Array(repeating: false, count: track)
        func place(_ text: String, centredOn column: Int) {
            let characters = Array(text)
            let start = Swift.max(0, Swift.min(track - characters.count, column - characters.count / 2))
            let range = start..<(start + characters.count)
            let guarded = Swift.max(0, range.lowerBound - 1)..<Swift.min(track, range.upperBound + 1)
            guard !taken[guarded].contains(true) else { return }
            for (offset, character) in characters.enumerated() { scale[start + offset] = character }
            for index in range { taken[index] = true }
        }
        place(NumberFormat.score(-100), centredOn: 0)
        place("100", centredOn: track - 1)
        place(NumberFormat.score(0), centredOn: zero)
        place(NumberFormat.score(thresholds.riskForwardAtOrBelow), centredOn: lowCut)
        place(NumberFormat.score(thresholds.opportunityForwardAtOrAbove), centredOn: highCut)

        var cells: [(band: Band, character: Character)] = []
        for index in 0..<track {
            let character: Character
            switch index {
            case 0: character = "├"
            case track - 1: character = "┤"
            case lowCut, highCut, zero: character = "┼"
            default: character = "─"
            }
            let band: Band = index <= lowCut ? .riskForward : (index >= highCut ? .opportunityForward : .mixed)
            cells.append((band, character))
        }
        var lines = [pad + String(characters: scale).trimmedRight, pad + style.bandRuns(cells)]
        for marker in markers {
            let low = column(marker.low, width: track), high = column(marker.high, width: track)
            var row = String.spaces(low)
            if low == high {
                row += style.band(thresholds.band(for: marker.low), "●")
            } else {
                row += style.band(thresholds.band(for: marker.low), "◖")
                    + String.repeated("━", count: high - low - 1)
                    + style.band(thresholds.band(for: marker.high), "◗")
            }
            lines.append("  " + marker.label.padding(labelWidth) + "  " + marker.valueText.leftPadding(valueWidth) + "  " + row)
        }
        return lines
    }

    /// The machine's markers (slice min, median, max, p10 to p90, headline) and the listen score.
    public static func markers(map: PerspectiveMap, listen: Double?) -> [Marker] {
        var markers: [Marker] = []
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
