/// Colours and letters of the bands, as the site draws them: amber (risk-forward), cyan (mixed),
/// white (opportunity-forward). Every picture also carries the letters, so it reads without colour.
extension TerminalStyle {
    /// `text` in its band's colour (plain when colour is off).
    public func band(_ band: Band, _ text: String) -> String {
        switch band {
        case .riskForward: return yellow(text)
        case .mixed: return cyan(text)
        case .opportunityForward: return bold(text)
        }
    }

    /// Characters each in its band's colour, runs of one band wrapped once.
    public func bandRuns(_ cells: [(band: Band, character: Character)]) -> String {
        var out = ""
        var index = 0
        while index < cells.count {
            var end = index + 1
            while end < cells.count, cells[end].band == cells[index].band { end += 1 }
            out += band(cells[index].band, String(characters: cells[index..<end].lazy.map(\.character)))
            index = end
        }
        return out
    }

    /// `text` in the colour of a verdict: green agree, yellow minor, red major, dim for none.
    public func verdict(_ verdict: Verdict?, _ text: String) -> String {
        switch verdict {
        case .agree: return green(text)
        case .minor: return yellow(text)
        case .major: return red(text)
        case nil: return dim(text)
        }
    }
}

extension Band {
    /// The band's mark in a picture's band row: "R" risk-forward, "·" mixed, "O" opportunity-forward.
    public var mark: Character {
        switch self {
        case .riskForward: return "R"
        case .mixed: return "·"
        case .opportunityForward: return "O"
        }
    }

    /// The legend of `mark`.
    public static let markLegend = "R risk-forward, · mixed, O opportunity-forward"
}
