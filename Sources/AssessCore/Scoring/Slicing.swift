/// How a transcript is cut into slices (docs/scoring.md, "Slices").
public struct SliceSettings: Sendable, Equatable {
    /// Timed transcripts (WebVTT, SRT): this many consecutive cues per slice.
    public var segmentsPerSlice: Int
    /// Plain text: this many consecutive words per slice.
    public var wordsPerSlice: Int
    /// Plain text: slice as if the text were `captionSegments` segments of equal length
    /// (the library item's `source.captionSegments`), `segmentsPerSlice` per slice. Ignored when
    /// the item does not say how many segments its captions had.
    public var evenSegments: Bool

    public static let standard = SliceSettings(segmentsPerSlice: 32, wordsPerSlice: 200, evenSegments: false)

    public init(segmentsPerSlice: Int, wordsPerSlice: Int, evenSegments: Bool) {
        self.segmentsPerSlice = max(1, segmentsPerSlice)
        self.wordsPerSlice = max(1, wordsPerSlice)
        self.evenSegments = evenSegments
    }
}

/// One slice before scoring: its words and where it lies in the episode.
public struct SliceSpan: Sendable, Equatable {
    public var index: Int
    /// Word indices of the transcript.
    public var words: Range<Int>
    public var start: Double?
    public var end: Double?
    /// True when `start`/`end` are estimated from word positions (plain text with a known duration).
    public var estimated: Bool
}

/// How the slices were cut, for the summary and the map's `transcript.segments`.
public struct SlicePlan: Sendable {
    public enum Method: Sendable, Equatable {
        case cues(perSlice: Int)
        case words(perSlice: Int)
        case evenSegments(segments: Int, perSlice: Int)
    }

    public var method: Method
    public var spans: [SliceSpan]
    /// The segments the slicing counted: cues, plain-text lines, or the assumed even segments.
    public var segments: Int

    /// Cuts `transcript`. `captionSegments` and `durationSeconds` come from the library item.
    public static func make(
        _ transcript: Transcript, settings: SliceSettings, captionSegments: Int?, durationSeconds: Double?
    ) -> SlicePlan {
        let words = transcript.wordCount
        if transcript.format.isTimed {
            let segments = transcript.segments
            var spans: [SliceSpan] = []
            var first = 0
            while first < segments.count {
                let last = min(first + settings.segmentsPerSlice, segments.count) - 1
                let end = segments[first...last].compactMap(\.end).max()
                spans.append(
                    SliceSpan(
                        index: spans.count, words: segments[first].words.lowerBound..<segments[last].words.upperBound,
                        start: segments[first].start, end: end, estimated: false))
                first = last + 1
            }
            return SlicePlan(method: .cues(perSlice: settings.segmentsPerSlice), spans: spans, segments: segments.count)
        }
        // Plain text: by words, or by assumed even segments.
        var bounds: [Int] = []
        let method: Method
        let segmentCount: Int
        if settings.evenSegments, let total = captionSegments, total > 0 {
            // Segment j holds words floor(j*W/M) ..< floor((j+1)*W/M); a slice takes segmentsPerSlice of them.
            var segment = 0
            while segment < total {
                bounds.append(segment * words / total)
                segment += settings.segmentsPerSlice
            }
            bounds.append(words)
            method = .evenSegments(segments: total, perSlice: settings.segmentsPerSlice)
            segmentCount = total
        } else {
            var word = 0
            while word < words {
                bounds.append(word)
                word += settings.wordsPerSlice
            }
            bounds.append(words)
            method = .words(perSlice: settings.wordsPerSlice)
            segmentCount = transcript.segments.count
        }
        var spans: [SliceSpan] = []
        for index in 0..<max(0, bounds.count - 1) {
            let range = bounds[index]..<bounds[index + 1]
            var span = SliceSpan(index: index, words: range, start: nil, end: nil, estimated: false)
            if let duration = durationSeconds, duration > 0, words > 0 {
                span.start = duration * Double(range.lowerBound) / Double(words)
                span.end = duration * Double(range.upperBound) / Double(words)
                span.estimated = true
            }
            spans.append(span)
        }
        return SlicePlan(method: method, spans: spans, segments: segmentCount)
    }
}
