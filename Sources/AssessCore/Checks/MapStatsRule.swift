import AssessJSON

/// A map's `stats` must be the statistics of its own `slices` (recomputed on every check):
/// count, median, mean, min, max, p10 and p90 of `slices[].score` (percentiles by linear
/// interpolation, as numpy's default), and the percent of slices in each band under the map's
/// `scale` thresholds. Stored values may differ from the recomputed ones by rounding (0.01).
/// Maps without `slices` (imported from the library site) are not checked.
enum MapStatsRule {
    static let id = "map-stats"
    static let tolerance = 0.01 + 1e-9

    /// `thresholds` are the map's own (`PerspectiveMapFacts.thresholds`), worked out once by the caller.
    static func check(_ root: some JSONReadable, thresholds: BandThresholds) -> [Finding] {
        guard let slices = root["slices"]?.elements, let stats = root["stats"], stats.isObject else {
            return []
        }
        // One pass over each slice's members (many slices, few members each).
        var scores: [Double] = []
        scores.reserveCapacity(slices.underestimatedCount)
        var sliceCount = 0
        for slice in slices {
            sliceCount += 1
            slice.forEachScalarMember { key, value in
                if key.equals("score"), let score = value.doubleValue { scores.append(score) }
            }
        }
        guard scores.count == sliceCount else { return [] }  // the schema reports a slice without a score
        let expected = SliceStatistics(scores: scores, thresholds: thresholds)
        // Spelled out only when there is a finding to attach it to.
        var note: String { "stats are recomputed from slices[].score (percentiles by linear interpolation; bands: \(thresholds.summary)); run `assess score \(root["slug"]?.stringValue ?? "<slug>")` to regenerate the map" }
        var findings: [Finding] = []
        if let node = stats["count"], let count = node.intValue, count != sliceCount {
            findings.append(
                Finding(
                    at: node.offset, .error, "stats.count is \(count), but the map lists \(sliceCount) slices",
                    rule: id, pointer: "/stats/count", expected: "\(sliceCount)", found: "\(count)", notes: [note]))
        }
        let values: [(String, String, Double)] = [
            ("median", "/stats/median", expected.median), ("mean", "/stats/mean", expected.mean),
            ("min", "/stats/min", expected.min), ("max", "/stats/max", expected.max),
            ("p10", "/stats/p10", expected.p10), ("p90", "/stats/p90", expected.p90),
        ]
        for (name, pointer, value) in values {
            guard let node = stats[name], let stored = node.doubleValue, abs(stored - value) > tolerance else { continue }
            findings.append(
                Finding(
                    at: node.offset, .error,
                    "stats.\(name) is \(NumberFormat.plain(stored)), but the slices give \(NumberFormat.plain(value))",
                    rule: id, pointer: pointer, expected: NumberFormat.plain(value), found: NumberFormat.plain(stored),
                    notes: [note]))
        }
        let shares: [(String, Double)] = [
            ("riskForward", expected.riskForward), ("mixed", expected.mixed),
            ("opportunityForward", expected.opportunityForward),
        ]
        for (name, value) in shares {
            guard let node = stats["bandShares"]?[name], let stored = node.doubleValue, abs(stored - value) > tolerance
            else { continue }
            findings.append(
                Finding(
                    at: node.offset, .error,
                    "stats.bandShares.\(name) is \(NumberFormat.plain(stored))%, but \(NumberFormat.plain(value))% of the slices are \(name == "mixed" ? "mixed" : name == "riskForward" ? "risk-forward" : "opportunity-forward")",
                    rule: id, pointer: "/stats/bandShares/\(name)", expected: NumberFormat.plain(value),
                    found: NumberFormat.plain(stored), notes: [note]))
        }
        return findings
    }
}
