/// The map the editor reviewed (`machineReview`) against the map now: is the review stale?
public struct ReviewState: Sendable, Equatable, Encodable {
    public enum State: String, Sendable, Encodable {
        /// The assessment has no `machineReview`.
        case notReviewed = "not-reviewed"
        /// `machineReview` records neither a scorer nor a headline score to check.
        case unrecorded
        /// The reviewed scorer and headline are the map's current ones.
        case current
        /// The map's scorer or headline changed since the review.
        case stale
    }

    public var state: State
    public var reviewedScorer: String?
    public var reviewedHeadline: Double?
    public var currentScorer: String?
    public var currentHeadline: Double
    /// The editor's verdict on the machine: agree | partly | disagree.
    public var editorVerdict: String?
    public var scorerChanged: Bool
    public var headlineChanged: Bool

    public init(review: Assessment.MachineReview?, map: PerspectiveMap) {
        reviewedScorer = review?.scorer
        reviewedHeadline = review?.headlineScore
        currentScorer = map.scorer
        currentHeadline = map.headline.score
        editorVerdict = review?.verdict
        // Compared at the 2 decimals the files store, as `assess validate` does.
        headlineChanged = review?.headlineScore.map {
            !NumberFormat.writesAlike($0, map.headline.score, decimals: 2)
        } ?? false
        scorerChanged = review?.scorer.flatMap { reviewed in map.scorer.map { reviewed != $0 } } ?? false
        if review == nil {
            state = .notReviewed
        } else if headlineChanged || scorerChanged {
            state = .stale
        } else if review?.headlineScore == nil && review?.scorer == nil {
            state = .unrecorded
        } else {
            state = .current
        }
    }

    /// "reviewed headline −10, the map now says −14.44; reviewed scorer a@1, the map is now from a@2".
    public func staleDetail(forPeople: Bool) -> String {
        TextBuffer.text { writeStaleDetail(forPeople: forPeople, into: &$0) }
    }

    /// One line for people.
    public func summary(forPeople: Bool = true) -> String {
        TextBuffer.text { writeSummary(forPeople: forPeople, into: &$0) }
    }

    /// Writes `summary(forPeople:)`.
    func writeSummary(forPeople: Bool, into out: inout TextBuffer) {
        switch state {
        case .notReviewed:
            return out.append("no machineReview: the editor has not recorded which map they compared against")
        case .unrecorded:
            out.append("machineReview records no scorer or headline score to check")
        case .current:
            out.append("current: reviewed against ")
            if let scorer = reviewedScorer { out.append(scorer) }
            if let headline = reviewedHeadline {
                if reviewedScorer != nil { out.append(", ") }
                out.append("headline ")
                Self.write(headline, forPeople: forPeople, into: &out)
            }
            out.append(", as the map still says")
        case .stale:
            out.append("stale: ")
            writeStaleDetail(forPeople: forPeople, into: &out)
        }
        if let editorVerdict {
            out.append(" (editor's verdict on the machine: ")
            out.append(editorVerdict)
            out.append(")")
        }
    }

    /// Writes `staleDetail(forPeople:)`.
    func writeStaleDetail(forPeople: Bool, into out: inout TextBuffer) {
        var first = true
        if headlineChanged, let reviewed = reviewedHeadline {
            first = false
            out.append("reviewed headline ")
            Self.write(reviewed, forPeople: forPeople, into: &out)
            out.append(", the map now says ")
            Self.write(currentHeadline, forPeople: forPeople, into: &out)
        }
        if scorerChanged, let reviewed = reviewedScorer, let current = currentScorer {
            if !first { out.append("; ") }
            out.append("reviewed scorer ")
            out.append(reviewed)
            out.append(", the map is now from ")
            out.append(current)
        }
    }

    /// A score as `NumberFormat.score` (for people) or `NumberFormat.plain` writes it.
    private static func write(_ value: Double, forPeople: Bool, into out: inout TextBuffer) {
        NumberFormat.write(value, decimals: 2, trimmingZeros: true, forPeople: forPeople, into: &out)
    }
}
