/// How a kappa weighs disagreements between the three ordered bands.
public enum KappaWeighting: String, Sendable, Encodable, CaseIterable {
    /// Any disagreement counts fully (Cohen's kappa).
    case unweighted
    /// Disagreement weight |i - j| / (k - 1): risk-forward against opportunity-forward counts
    /// twice as much as a neighbouring band (linear-weighted kappa).
    case linear
}

/// Agreement statistics between the machine and the editors.
///
/// Every statistic is nil, never 0 or NaN, when there is nothing to rest it on.
public enum Agreement {
    /// Cohen's kappa over the band confusion matrix.
    ///
    /// With n items, observed proportions o_ij = n_ij / n and chance proportions
    /// e_ij = (row_i / n) (column_j / n), and disagreement weights w_ij (0 on the diagonal;
    /// 1 elsewhere unweighted, |i - j| / 2 linear):
    ///
    ///     kappa = 1 - (sum w_ij o_ij) / (sum w_ij e_ij)
    ///
    /// which for the unweighted case is the familiar (p_o - p_e) / (1 - p_e).
    /// nil when there are no items, or when chance disagreement is 0 (both sides put every item
    /// in one and the same band), where kappa is undefined.
    public static func kappa(_ matrix: BandConfusion, weighting: KappaWeighting) -> Double? {
        let n = Double(matrix.total)
        guard n > 0 else { return nil }
        let bands = Band.allCases
        let last = Double(bands.count - 1)
        var observed = 0.0
        var expected = 0.0
        for machine in bands {
            for listen in bands {
                let weight: Double
                switch weighting {
                case .unweighted: weight = machine == listen ? 0 : 1
                case .linear: weight = Double(abs(machine.ordinal - listen.ordinal)) / last
                }
                observed += weight * Double(matrix.count(machine: machine, listen: listen)) / n
                expected += weight * Double(matrix.machineTotal(machine)) / n * Double(matrix.listenTotal(listen)) / n
            }
        }
        guard expected > 1e-12 else { return nil }
        return 1 - observed / expected
    }

    /// Mean absolute difference between paired scores; nil when there are no pairs.
    public static func meanAbsoluteError(_ pairs: [(machine: Double, listen: Double)]) -> Double? {
        guard !pairs.isEmpty else { return nil }
        return pairs.reduce(0) { $0 + abs($1.listen - $1.machine) } / Double(pairs.count)
    }
}
