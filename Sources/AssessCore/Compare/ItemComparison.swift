/// The machine's reading of one item against the editor's listen: the heart of `assess diff`.
public struct ItemComparison: Sendable, Encodable {
    public struct Machine: Sendable, Encodable {
        public var scorer: String?
        /// The headline score: the scorer's placement of the whole episode (not the slice median).
        public var score: Double
        public var band: Band
        public var lens: String?
        public var confidence: String?
        public var evidenceMode: String?
        /// Statistics over the slice scores, when the map has them.
        public var stats: PerspectiveMap.Stats?
    }

    public struct Listen: Sendable, Encodable {
        public var status: AssessmentStatus
        @NullWhenAbsent public var score: Double?
        @NullWhenAbsent public var band: Band?
        public var lens: String?
        public var confidence: String?
        public var evidenceMode: String?
    }

    /// The headline against the listen score.
    public struct Headline: Sendable, Encodable {
        /// listen - machine, rounded to 2 decimals.
        public var delta: Double
        public var bandsAgree: Bool
        /// p10 <= listen <= p90; null when the map has no statistics.
        @NullWhenAbsent public var insideP10P90: Bool?
        /// min <= listen <= max; null when the map has no statistics.
        @NullWhenAbsent public var insideMinMax: Bool?
    }

    /// One categorical field on both sides.
    public struct FieldAgreement: Sendable, Encodable {
        @NullWhenAbsent public var machine: String?
        @NullWhenAbsent public var listen: String?
        /// Null when either side is missing.
        @NullWhenAbsent public var agree: Bool?

        init(machine: String?, listen: String?) {
            self.machine = machine
            self.listen = listen
            agree = machine.flatMap { m in listen.map { $0 == m } }
        }
    }

    public struct Emphases: Sendable, Encodable {
        public var shared: [String]
        public var machineOnly: [String]
        public var listenOnly: [String]

        init(machine: [String], listen: [String]) {
            let machineKeys = machine.map(Self.key)
            let listenKeys = listen.map(Self.key)
            // The lists are short: a scan finds a term for less than hashing it would cost.
            shared = []
            listenOnly = []
            for (term, key) in zip(listen, listenKeys) {
                if machineKeys.contains(key) { shared.append(term) } else { listenOnly.append(term) }
            }
            machineOnly = zip(machine, machineKeys).filter { !listenKeys.contains($0.1) }.map(\.0)
        }

        /// A term as it is matched: words separated by single spaces, lowercased.
        static func key(_ term: String) -> String { TextKeys.words(term) }
    }

    public var slug: String
    public var title: String
    public var machine: Machine
    public var listen: Listen
    /// Null when the assessment has no listen score yet.
    @NullWhenAbsent public var headline: Headline?
    public var lens: FieldAgreement
    public var confidence: FieldAgreement
    public var evidenceMode: FieldAgreement
    public var emphases: Emphases
    public var keyMoments: KeyMomentComparison
    public var review: ReviewState
    /// Null when there is no listen score to judge by.
    @NullWhenAbsent public var verdict: Verdict?
    public var reasons: [VerdictReason]

    /// Compares an item's map and assessment; nil when it lacks either.
    public init?(_ item: CorpusItem, thresholds: VerdictThresholds = .standard) {
        guard let map = item.map, let assessment = item.assessment else { return nil }
        self.init(slug: item.slug.rawValue, title: item.library.title, map: map, assessment: assessment, thresholds: thresholds)
    }

    public init(slug: String, title: String, map: PerspectiveMap, assessment: Assessment, thresholds: VerdictThresholds = .standard) {
        self.slug = slug
        self.title = title
        let perspective = assessment.perspective
        machine = Machine(
            scorer: map.scorer, score: map.headline.score, band: map.headline.band, lens: map.headline.lens,
            confidence: map.headline.confidence, evidenceMode: map.headline.evidenceMode, stats: map.stats)
        listen = Listen(
            status: assessment.status, score: perspective.score, band: assessment.listenBand(map.thresholds),
            lens: perspective.lens, confidence: perspective.confidence, evidenceMode: perspective.evidenceMode)
        var headline: Headline?
        if let score = perspective.score, let band = assessment.listenBand(map.thresholds) {
            headline = Headline(
                delta: NumberFormat.rounded(score - map.headline.score), bandsAgree: band == map.headline.band,
                insideP10P90: map.stats.map { $0.p10 <= score && score <= $0.p90 },
                insideMinMax: map.stats.map { $0.min <= score && score <= $0.max })
        }
        let lens = FieldAgreement(machine: map.headline.lens, listen: perspective.lens)
        let confidence = FieldAgreement(machine: map.headline.confidence, listen: perspective.confidence)
        let evidenceMode = FieldAgreement(machine: map.headline.evidenceMode, listen: perspective.evidenceMode)
        let review = ReviewState(review: assessment.machineReview, map: map)
        self.headline = headline
        self.lens = lens
        self.confidence = confidence
        self.evidenceMode = evidenceMode
        self.review = review
        emphases = Emphases(machine: map.emphases, listen: assessment.emphases)
        keyMoments = KeyMomentComparison(moments: assessment.keyMoments, slices: map.slices)

        var reasons: [VerdictReason] = []
        if let headline, let listenBand = assessment.listenBand(map.thresholds) {
            if !headline.bandsAgree { reasons.append(.bandMismatch(machine: map.headline.band, listen: listenBand)) }
            if abs(headline.delta) >= thresholds.majorDelta {
                reasons.append(.deltaMajor(delta: headline.delta, threshold: thresholds.majorDelta))
            } else if abs(headline.delta) >= thresholds.minorDelta {
                reasons.append(.deltaMinor(delta: headline.delta, threshold: thresholds.minorDelta))
            }
        }
        for (name, field) in [("lens", lens), ("confidence", confidence), ("evidence mode", evidenceMode)] where field.agree == false {
            reasons.append(.fieldMismatch(field: name, machine: field.machine ?? "", listen: field.listen ?? ""))
        }
        if review.state == .stale { reasons.append(.staleReview(review)) }
        self.reasons = reasons
        verdict = headline == nil ? nil : (reasons.map(\.level).max() ?? .agree)
    }

    /// Whether the verdict reaches `level` (a --fail-on gate).
    public func reaches(_ level: Verdict) -> Bool {
        verdict.map { $0 >= level } ?? false
    }
}
