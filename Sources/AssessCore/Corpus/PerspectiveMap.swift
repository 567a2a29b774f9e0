import AssessJSON

/// A perspective map (DESIGN §2.2): the machine's scores of one episode.
public struct PerspectiveMap: Sendable, Encodable {
    /// One slice of the transcript and its score.
    public struct Slice: Sendable, Encodable, Equatable {
        public var index: Int
        public var startSeconds: Double?
        public var endSeconds: Double?
        /// True when the times are estimated from word positions, not read from caption timings.
        public var estimated: Bool
        public var words: Int
        public var score: Double

        public init(
            index: Int, startSeconds: Double? = nil, endSeconds: Double? = nil, estimated: Bool = false, words: Int = 0,
            score: Double
        ) {
            self.index = index
            self.startSeconds = startSeconds
            self.endSeconds = endSeconds
            self.estimated = estimated
            self.words = words
            self.score = score
        }

        /// True when the slice says where it starts and ends in the episode.
        public var isTimed: Bool { startSeconds != nil && endSeconds != nil }
    }

    /// Statistics over all slice scores (the full pass).
    public struct Stats: Sendable, Encodable {
        public struct BandShares: Sendable, Encodable {
            /// Percentages, 0..100.
            public var riskForward: Double
            public var mixed: Double
            public var opportunityForward: Double

            public var values: [Double] { [riskForward, mixed, opportunityForward] }

            public init(riskForward: Double, mixed: Double, opportunityForward: Double) {
                self.riskForward = riskForward
                self.mixed = mixed
                self.opportunityForward = opportunityForward
            }
        }

        public var count: Int
        public var median: Double
        public var mean: Double
        public var min: Double
        public var max: Double
        public var p10: Double
        public var p90: Double
        public var bandShares: BandShares?

        public init(
            count: Int, median: Double, mean: Double, min: Double, max: Double, p10: Double, p90: Double, bandShares: BandShares?
        ) {
            self.count = count
            self.median = median
            self.mean = mean
            self.min = min
            self.max = max
            self.p10 = p10
            self.p90 = p90
            self.bandShares = bandShares
        }
    }

    /// The headline placement the site shows.
    public struct Headline: Sendable, Encodable {
        /// The scorer's score for the whole episode: not the slice median, not the mean.
        public var score: Double
        public var band: Band
        public var lens: String?
        public var confidence: String?
        public var evidenceMode: String?

        public init(score: Double, band: Band, lens: String? = nil, confidence: String? = nil, evidenceMode: String? = nil) {
            self.score = score
            self.band = band
            self.lens = lens
            self.confidence = confidence
            self.evidenceMode = evidenceMode
        }
    }

    public var slug: String
    /// "name@version", as an assessment's `machineReview.scorer` names it.
    public var scorer: String?
    public var generatedAt: String?
    public var transcriptSegments: Int?
    public var transcriptWords: Int?
    public var riskForwardAtOrBelow: Double
    public var opportunityForwardAtOrAbove: Double
    /// The slices in transcript order; nil when the map lists none (maps imported from the site).
    public var slices: [Slice]?
    public var stats: Stats?
    public var headline: Headline
    public var emphases: [String]
    public var tags: [String]

    public var thresholds: BandThresholds {
        BandThresholds(riskForwardAtOrBelow: riskForwardAtOrBelow, opportunityForwardAtOrAbove: opportunityForwardAtOrAbove)
    }

    public init(
        slug: String, scorer: String? = nil, thresholds: BandThresholds = .standard, slices: [Slice]? = nil,
        stats: Stats? = nil, headline: Headline, emphases: [String] = []
    ) {
        self.slug = slug
        self.scorer = scorer
        riskForwardAtOrBelow = thresholds.riskForwardAtOrBelow
        opportunityForwardAtOrAbove = thresholds.opportunityForwardAtOrAbove
        self.slices = slices
        self.stats = stats
        self.headline = headline
        self.emphases = emphases
        tags = []
    }

    /// Reads a map; nil (with the reason) when it has no headline score, the one thing every comparison needs.
    public static func read(slug: String, _ root: some JSONReadable) -> Result<PerspectiveMap, CorpusReadError> {
        guard let score = root["headline"]?["score"]?.doubleValue else {
            return .failure(CorpusReadError(message: "perspective map has no headline.score", offset: root["headline"]?.offset ?? root.offset))
        }
        let facts = PerspectiveMapFacts(root)
        let thresholds = facts.thresholds
        let headlineNode = root["headline"]
        let headline = Headline(
            score: score, band: facts.headlineBand ?? thresholds.band(for: score),
            lens: headlineNode?["lens"]?.stringValue, confidence: headlineNode?["confidence"]?.stringValue,
            evidenceMode: headlineNode?["evidenceMode"]?.stringValue)
        var map = PerspectiveMap(
            slug: slug, scorer: facts.scorer, thresholds: thresholds, slices: nil, stats: nil, headline: headline,
            emphases: root["emphases"]?.elements?.compactMap(\.stringValue) ?? [])
        map.generatedAt = root["generatedAt"]?.stringValue
        map.transcriptSegments = root["transcript"]?["segments"]?.intValue
        map.transcriptWords = root["transcript"]?["words"]?.intValue
        map.tags = root["tags"]?.elements?.compactMap(\.stringValue) ?? []
        if let items = root["slices"]?.elements {
            var slices: [Slice] = []
            slices.reserveCapacity(items.underestimatedCount)
            for (position, item) in items.enumerated() {
                // One pass over each slice's members (many slices, few members each).
                var index: Int?, startSeconds: Double?, endSeconds: Double?, estimated: Bool?, words: Int?, score: Double?
                item.forEachScalarMember { key, value in
                    switch key.count {
                    case 5 where key.equals("index"): index = value.intValue
                    case 5 where key.equals("words"): words = value.intValue
                    case 5 where key.equals("score"): score = value.doubleValue
                    case 9 where key.equals("estimated"): estimated = value.boolValue
                    case 10 where key.equals("endSeconds"): endSeconds = value.doubleValue
                    case 12 where key.equals("startSeconds"): startSeconds = value.doubleValue
                    default: break
                    }
                }
                guard let score else {
                    return .failure(CorpusReadError(message: "slice \(position) has no score", offset: item.offset))
                }
                slices.append(
                    Slice(
                        index: index ?? position, startSeconds: startSeconds, endSeconds: endSeconds,
                        estimated: estimated ?? false, words: words ?? 0, score: score))
            }
            if !slices.isEmpty {
                let inOrder = zip(slices, slices.dropFirst()).allSatisfy { $0.index <= $1.index }
                map.slices = inOrder ? slices : slices.sorted { $0.index < $1.index }
            }
        }
        if let node = root["stats"], let count = node["count"]?.intValue,
            let median = node["median"]?.doubleValue, let mean = node["mean"]?.doubleValue,
            let min = node["min"]?.doubleValue, let max = node["max"]?.doubleValue,
            let p10 = node["p10"]?.doubleValue, let p90 = node["p90"]?.doubleValue
        {
            let shares = node["bandShares"]
            var bandShares: Stats.BandShares?
            if let risk = shares?["riskForward"]?.doubleValue, let mixed = shares?["mixed"]?.doubleValue,
                let opportunity = shares?["opportunityForward"]?.doubleValue
            {
                bandShares = Stats.BandShares(riskForward: risk, mixed: mixed, opportunityForward: opportunity)
            }
            map.stats = Stats(count: count, median: median, mean: mean, min: min, max: max, p10: p10, p90: p90, bandShares: bandShares)
        }
        return .success(map)
    }
}

/// Why a content file was skipped while loading the corpus.
public struct CorpusReadError: Error, Sendable {
    public var message: String
    /// Byte offset of the value at fault.
    public var offset: Int
}
