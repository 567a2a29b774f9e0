/// How far the machine's reading of an item and the editor's listen disagree.
public enum Verdict: String, Sendable, Encodable, CaseIterable, Comparable {
    case agree
    case minor
    case major

    public var ordinal: Int { Verdict.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.ordinal < b.ordinal }

    /// "agree", "minor disagreement", "major disagreement".
    public var phrase: String {
        switch self {
        case .agree: return "agree"
        case .minor: return "minor disagreement"
        case .major: return "major disagreement"
        }
    }
}

/// The documented rule that turns a comparison into a verdict.
///
/// * **major** when the bands differ, or |delta| >= `majorDelta` (default 15);
/// * **minor** when anything else that is compared differs: |delta| >= `minorDelta` (default 5),
///   the lens, the confidence or the evidence mode, or a stale review (the map changed since the
///   editor's `machineReview`);
/// * **agree** otherwise.
///
/// Emphases and key moments are reported but do not move the verdict: the machine's emphases are
/// lexicon hits, and key moments are the editor's detail, not a placement of the whole episode.
/// An assessment without a listen score (a draft) gets no verdict.
public struct VerdictThresholds: Sendable, Equatable, Encodable {
    public var majorDelta: Double
    public var minorDelta: Double

    public static let standard = VerdictThresholds(majorDelta: 15, minorDelta: 5)

    public init(majorDelta: Double, minorDelta: Double) {
        self.majorDelta = majorDelta
        self.minorDelta = minorDelta
    }
}

/// One reason behind a verdict.
public enum VerdictReason: Sendable, Equatable, Encodable {
    case bandMismatch(machine: Band, listen: Band)
    case deltaMajor(delta: Double, threshold: Double)
    case deltaMinor(delta: Double, threshold: Double)
    case fieldMismatch(field: String, machine: String, listen: String)
    case staleReview(ReviewState)

    public var level: Verdict {
        switch self {
        case .bandMismatch, .deltaMajor: return .major
        case .deltaMinor, .fieldMismatch, .staleReview: return .minor
        }
    }

    public var code: String {
        switch self {
        case .bandMismatch: return "band-mismatch"
        case .deltaMajor: return "delta-major"
        case .deltaMinor: return "delta-minor"
        case .fieldMismatch(let field, _, _): return field.split(separator: " ").joined(separator: "-") + "-mismatch"
        case .staleReview: return "stale-review"
        }
    }

    /// The reason in words; `forPeople` writes numbers with a real minus sign.
    public func message(forPeople: Bool) -> String {
        func number(_ value: Double) -> String { forPeople ? NumberFormat.score(value) : NumberFormat.plain(value) }
        func delta(_ value: Double) -> String { forPeople ? NumberFormat.delta(value) : NumberFormat.signed(value) }
        switch self {
        case .bandMismatch(let machine, let listen):
            return "bands differ: machine \(machine.rawValue), listen \(listen.rawValue)"
        case .deltaMajor(let value, let threshold):
            return "delta \(delta(value)) reaches the major threshold of \(number(threshold)) points"
        case .deltaMinor(let value, let threshold):
            return "delta \(delta(value)) reaches the minor threshold of \(number(threshold)) points"
        case .fieldMismatch(let field, let machine, let listen):
            return "\(field) differs: machine \(machine), listen \(listen)"
        case .staleReview(let review):
            return "stale review: " + review.staleDetail(forPeople: forPeople)
        }
    }

    private enum Keys: String, CodingKey { case code, level, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(code, forKey: .code)
        try container.encode(level, forKey: .level)
        try container.encode(message(forPeople: false), forKey: .message)
    }
}
