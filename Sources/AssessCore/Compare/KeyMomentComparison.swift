/// The editor's key moments, each against the machine slice that covers its time.
///
/// A moment can only be placed when the map lists slices with start and end times. When it lists no
/// slices, or slices without times, the comparison says so and places nothing: slice order is not
/// clock time, so guessing from the index would put moments in the wrong place.
public struct KeyMomentComparison: Sendable, Encodable {
    public enum Placement: String, Sendable, Encodable {
        case placed
        case noKeyMoments = "no-key-moments"
        case noSlices = "no-slices"
        case noSliceTimes = "no-slice-times"
    }

    /// The slice a moment falls in.
    public struct SliceReference: Sendable, Encodable, Equatable {
        public var index: Int
        public var startSeconds: Double
        public var endSeconds: Double
        public var score: Double
        public var estimated: Bool
    }

    public struct Moment: Sendable, Encodable {
        public var at: String
        public var label: String
        /// The editor's score for the moment.
        public var score: Double
        /// The covering slice; null when the moment could not be placed.
        @NullWhenAbsent public var slice: SliceReference?
        /// The moment's score minus the slice's, 2 decimals; null when not placed.
        @NullWhenAbsent public var delta: Double?
    }

    public var placement: Placement
    public var moments: [Moment]

    public init(moments keyMoments: [Assessment.KeyMoment], slices: [PerspectiveMap.Slice]?) {
        func earlier(_ a: PerspectiveMap.Slice, _ b: PerspectiveMap.Slice) -> Bool {
            (a.startSeconds ?? 0, a.index) < (b.startSeconds ?? 0, b.index)
        }
        var timed = (slices ?? []).filter(\.isTimed)
        // Maps list their slices in order; sorting (which is stable) would change nothing then.
        if zip(timed, timed.dropFirst()).contains(where: { earlier($1, $0) }) { timed.sort(by: earlier) }
        let placement: Placement
        if keyMoments.isEmpty {
            placement = .noKeyMoments
        } else if (slices ?? []).isEmpty {
            placement = .noSlices
        } else if timed.isEmpty {
            placement = .noSliceTimes
        } else {
            placement = .placed
        }
        self.placement = placement
        moments = keyMoments.map { moment in
            var slice: SliceReference?
            if placement == .placed, let seconds = moment.seconds {
                slice = Self.covering(Double(seconds), in: timed)
            }
            return Moment(
                at: moment.at, label: moment.label, score: moment.score, slice: slice,
                delta: slice.map { NumberFormat.rounded(moment.score - $0.score) })
        }
    }

    /// The timed slice with start <= t < end; the last slice also takes its own end time.
    static func covering(_ time: Double, in timed: [PerspectiveMap.Slice]) -> SliceReference? {
        let found =
            timed.first { time >= ($0.startSeconds ?? 0) && time < ($0.endSeconds ?? 0) }
            ?? timed.last.flatMap { time == $0.endSeconds ? $0 : nil }
        guard let slice = found, let start = slice.startSeconds, let end = slice.endSeconds else { return nil }
        return SliceReference(index: slice.index, startSeconds: start, endSeconds: end, score: slice.score, estimated: slice.estimated)
    }

    /// True when a placed moment rests on slice times estimated from word positions.
    public var usesEstimatedTimes: Bool { moments.contains { $0.slice?.estimated == true } }

    /// What the placement means, in a sentence.
    public var summary: String { TextBuffer.text(writeSummary) }

    /// Writes `summary`.
    func writeSummary(into out: inout TextBuffer) {
        let count = moments.count
        let noun: StaticString = count == 1 ? "key moment" : "key moments"
        switch placement {
        case .noKeyMoments:
            out.append("the assessment has no key moments")
        case .noSlices:
            out.append("the map lists no slices: ")
            out.append(decimal: count)
            out.append(" ")
            out.append(noun)
            out.append(" cannot be set against the machine's slices")
        case .noSliceTimes:
            out.append("the map's slices have no start and end times: ")
            out.append(decimal: count)
            out.append(" ")
            out.append(noun)
            out.append(" cannot be placed on them")
        case .placed:
            var placed = 0
            for index in moments.indices where moments[index].slice != nil { placed += 1 }
            out.append(decimal: placed)
            out.append(" of ")
            out.append(decimal: count)
            out.append(" ")
            out.append(noun)
            out.append(" placed on the slice covering their time")
            if usesEstimatedTimes { out.append(" (slice times estimated from word positions)") }
        }
    }
}
