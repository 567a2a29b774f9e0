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
            NumberFormat.fixed($0, decimals: 2) != NumberFormat.fixed(map.headline.score, decimals: 2)
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
        func number(_ value: Double) -> String { forPeople ? NumberFormat.score(value) : NumberFormat.plain(value) }
        var parts: [String] = []
        if headlineChanged, let reviewed = reviewedHeadline {
            parts.append("reviewed headline \(number(reviewed)), the map now says \(number(currentHeadline))")
        }
        if scorerChanged, let reviewed = reviewedScorer, let current = currentScorer {
            parts.append("reviewed scorer \(reviewed), the map is now from \(current)")
        }
        return parts.joined(separator: "; ")
    }

    /// One line for people.
    public func summary(forPeople: Bool = true) -> String {
        func number(_ value: Double) -> String { forPeople ? NumberFormat.score(value) : NumberFormat.plain(value) }
        let verdict = editorVerdict.map { " (editor's verdict on the machine: \($0))" } ?? ""
        switch state {
        case .notReviewed:
            return "no machineReview: the editor has not recorded which map they compared against"
        case .unrecorded:
            return "machineReview records no scorer or headline score to check" + verdict
        case .current:
            var what: [String] = []
            if let scorer = reviewedScorer { what.append(scorer) }
            if let headline = reviewedHeadline { what.append("headline \(number(headline))") }
            return "current: reviewed against \(what.joined(separator: ", ")), as the map still says" + verdict
        case .stale:
            return "stale: " + staleDetail(forPeople: forPeople) + verdict
        }
    }
}
