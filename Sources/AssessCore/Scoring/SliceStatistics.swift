/// Statistics over slice scores, as maps store them (DESIGN §2.2; docs/scoring.md, "Statistics").
/// Computed from the scores as stored (rounded to 2 decimals), so anyone can recompute them
/// from a map's `slices`; the results are rounded to 2 decimals in turn.
public struct SliceStatistics: Sendable, Equatable {
    public var count: Int
    public var median: Double
    public var mean: Double
    public var min: Double
    public var max: Double
    public var p10: Double
    public var p90: Double
    /// Percent of slices in each band, 0..100.
    public var riskForward: Double
    public var mixed: Double
    public var opportunityForward: Double

    public init(scores: [Double], thresholds: BandThresholds) {
        count = scores.count
        guard !scores.isEmpty else {
            (median, mean, min, max, p10, p90, riskForward, mixed, opportunityForward) = (0, 0, 0, 0, 0, 0, 0, 0, 0)
            return
        }
        let sorted = scores.sorted()
        median = Rounding.twoDecimals(Percentile.linear(sorted, 50))
        mean = Rounding.twoDecimals(scores.reduce(0, +) / Double(scores.count))
        min = Rounding.twoDecimals(sorted[0])
        max = Rounding.twoDecimals(sorted[sorted.count - 1])
        p10 = Rounding.twoDecimals(Percentile.linear(sorted, 10))
        p90 = Rounding.twoDecimals(Percentile.linear(sorted, 90))
        var risk = 0, middle = 0, opportunity = 0
        for score in scores {
            switch thresholds.band(for: score) {
            case .riskForward: risk += 1
            case .mixed: middle += 1
            case .opportunityForward: opportunity += 1
            }
        }
        func share(_ count: Int) -> Double { Rounding.twoDecimals(100 * Double(count) / Double(scores.count)) }
        riskForward = share(risk)
        mixed = share(middle)
        opportunityForward = share(opportunity)
    }
}

public enum Percentile {
    /// The `p`th percentile of ascending `sorted` values by linear interpolation, as numpy's
    /// default (`method="linear"`): position h = (n - 1) * p / 100, then
    /// x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h]).
    public static func linear(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = Double(sorted.count - 1) * p / 100
        let low = Int(position.rounded(.down))
        let high = Swift.min(low + 1, sorted.count - 1)
        return sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    }
}

public enum Rounding {
    /// `value` rounded to 2 decimals, half away from zero, as the number `NumberFormat` writes
    /// (so the stored literal and the value compare equal); -0 becomes 0.
    public static func twoDecimals(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        // As `NumberFormat.fixed` rounds: the value times 100, half away from zero. Dividing
        // that whole number by 100 rounds correctly, as parsing the written decimal does.
        let hundredths = (abs(value) * 100 * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero)
        guard hundredths < 9_007_199_254_740_992 else {
            let rounded = Double(NumberFormat.fixed(value, decimals: 2)) ?? value
            return rounded == 0 ? 0 : rounded
        }
        if hundredths == 0 { return 0 }
        return value < 0 ? -(hundredths / 100) : hundredths / 100
    }
}
