/// Colours and letters of the bands, as the site draws them: amber (risk-forward), cyan (mixed),
/// white (opportunity-forward). Every picture also carries the letters, so it reads without colour.
extension TerminalStyle {
    /// `text` in its band's colour (plain when colour is off).
    public func band(_ band: Band, _ text: String) -> String {
        paint(band.paint, text)
    }

    /// Writes `count` cells, cell `index` being the glyph `glyph(index)` in the colour of
    /// `band(index)`; a run of cells of one band is coloured once.
    func writeBandRuns(
        _ count: Int, into out: inout TextBuffer, band: (Int) -> Band, glyph: (Int) -> Unicode.Scalar
    ) {
        var start = 0
        while start < count {
            let runBand = band(start)
            var end = start + 1
            while end < count, band(end) == runBand { end += 1 }
            write(runBand.paint, into: &out) { $0.append(scalarsAt: start..<end, glyph) }
            start = end
        }
    }

    /// `text` in the colour of a verdict: green agree, yellow minor, red major, dim for none.
    public func verdict(_ verdict: Verdict?, _ text: String) -> String {
        paint(Paint(verdict), text)
    }
}

extension TerminalStyle.Paint {
    /// The colour of a verdict: green agree, yellow minor, red major, dim for none.
    init(_ verdict: Verdict?) {
        switch verdict {
        case .agree: self = .green
        case .minor: self = .yellow
        case .major: self = .red
        case nil: self = .dim
        }
    }
}

extension Band {
    /// The band's colour: amber (bold yellow) risk-forward, cyan mixed, white (bold) opportunity-forward.
    var paint: TerminalStyle.Paint {
        switch self {
        case .riskForward: return .yellow
        case .mixed: return .cyan
        case .opportunityForward: return .bold
        }
    }

    /// The band's mark in a picture's band row: "R" risk-forward, "·" mixed, "O" opportunity-forward.
    public var mark: Character { Character(markScalar) }

    var markScalar: Unicode.Scalar {
        switch self {
        case .riskForward: return "R"
        case .mixed: return "·"
        case .opportunityForward: return "O"
        }
    }

    /// The legend of `mark`.
    public static let markLegend = "R risk-forward, · mixed, O opportunity-forward"
}
