/// A place on the risk-forward ... mixed ... opportunity-forward spectrum.
public enum Band: String, Sendable, Codable, CaseIterable, Comparable {
    case riskForward = "risk-forward"
    case mixed
    case opportunityForward = "opportunity-forward"

    /// Order along the spectrum: risk-forward < mixed < opportunity-forward.
    public var ordinal: Int {
        switch self {
        case .riskForward: return 0
        case .mixed: return 1
        case .opportunityForward: return 2
        }
    }

    public static func < (a: Band, b: Band) -> Bool { a.ordinal < b.ordinal }
}

/// The score thresholds that divide the scale into bands (DESIGN §2.2; defaults -20 and +20).
public struct BandThresholds: Sendable, Equatable {
    public var riskForwardAtOrBelow: Double
    public var opportunityForwardAtOrAbove: Double

    public static let standard = BandThresholds(riskForwardAtOrBelow: -20, opportunityForwardAtOrAbove: 20)

    public init(riskForwardAtOrBelow: Double, opportunityForwardAtOrAbove: Double) {
        self.riskForwardAtOrBelow = riskForwardAtOrBelow
        self.opportunityForwardAtOrAbove = opportunityForwardAtOrAbove
    }

    public func band(for score: Double) -> Band {
        if score <= riskForwardAtOrBelow { return .riskForward }
        if score >= opportunityForwardAtOrAbove { return .opportunityForward }
        return .mixed
    }

    /// The rule in words, e.g. "risk-forward at or below -20, opportunity-forward at or above 20".
    public var summary: String {
        "risk-forward at or below \(NumberFormat.plain(riskForwardAtOrBelow)), "
            + "opportunity-forward at or above \(NumberFormat.plain(opportunityForwardAtOrAbove)), mixed between"
    }
}
