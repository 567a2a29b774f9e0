/// The scorer: a transcript and a lexicon in, slice scores and a headline out.
/// Every formula here is written out in docs/scoring.md; keep the two in step.
public struct Scorer: Sendable {
    public let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// One scored term found in the transcript.
    public struct Match: Sendable, Equatable {
        /// The lexicon term as written ("loss of control", "manipulat*").
        public var term: String
        public var weight: Double
        public var leaning: Leaning
        /// A negation term stood within the window before it.
        public var negated: Bool
        /// c = sign × weight, times -factor when negated.
        public var contribution: Double
        /// The word where it starts.
        public var word: Int
        /// The matched text as the captions spell it.
        public var text: String
    }

    /// One slice and its score.
    public struct Slice: Sendable {
        public var span: SliceSpan
        /// S: the sum of the slice's contributions.
        public var signed: Double
        /// A: the sum of their absolute values.
        public var absolute: Double
        /// 100 × S / (A + d × n / 100), unrounded.
        public var exact: Double
        /// The stored score: `exact` rounded to 2 decimals.
        public var score: Double
        /// Indices into `Result.matches`.
        public var matches: Range<Int>

        public var words: Int { span.words.count }
    }

    public struct Headline: Sendable, Equatable {
        public var score: Double
        public var band: Band
        public var lens: String
        public var confidence: String
        public var evidenceMode: String
    }

    public struct Result: Sendable {
        public var plan: SlicePlan
        public var slices: [Slice]
        public var matches: [Match]
        public var stats: SliceStatistics
        public var headline: Headline
        public var emphases: [String]
        public var words: Int
        /// Term counts behind the lens, evidence mode and emphases, in lexicon order.
        public var lensCounts: [(String, Int)]
        public var modeCounts: [(String, Int)]
        public var emphasisCounts: [(String, Int)]
        /// Share (0..1) of slices in the headline's band.
        public var bandAgreement: Double
    }

    public func score(_ transcript: Transcript, plan: SlicePlan) -> Result {
        let keys = transcript.keys
        let vocabulary = transcript.vocabulary

        // Scored and neutral terms, one matcher: risk-forward, opportunity-forward, then neutral.
        let scoredCount = lexicon.scored.count
        let matcher = PhraseMatcher(lexicon.scored.map(\.pattern) + lexicon.neutral, vocabulary: vocabulary)
        let negators = Set(lexicon.negationTerms.compactMap { vocabulary.lookup($0) })
        var matches: [Match] = []
        for found in matcher.matches(in: keys) where found.term < scoredCount {
            let term = lexicon.scored[found.term]
            let windowStart = max(0, found.key - lexicon.negationWindow)
            let negated = !negators.isEmpty && keys[windowStart..<found.key].contains(where: negators.contains)
            let contribution = term.leaning.sign * term.weight * (negated ? -lexicon.negationFactor : 1)
            let firstWord = Int(transcript.keyWords[found.key])
            let lastWord = Int(transcript.keyWords[found.key + found.length - 1])
            matches.append(
                Match(
                    term: term.pattern.text, weight: term.weight, leaning: term.leaning, negated: negated,
                    contribution: contribution, word: firstWord, text: Scorer.trimmed(transcript.text(firstWord..<lastWord + 1))))
        }

        // Slices: each match belongs to the slice holding its first word.
        var slices: [Slice] = []
        var next = 0
        for span in plan.spans {
            let first = next
            var signed = 0.0
            var absolute = 0.0
            while next < matches.count, matches[next].word < span.words.upperBound {
                signed += matches[next].contribution
                absolute += abs(matches[next].contribution)
                next += 1
            }
            let exact = Scorer.formula(signed: signed, absolute: absolute, words: span.words.count, damping: lexicon.damping)
            slices.append(
                Slice(
                    span: span, signed: signed, absolute: absolute, exact: exact, score: Rounding.twoDecimals(exact),
                    matches: first..<next))
        }
        let stats = SliceStatistics(scores: slices.map(\.score), thresholds: lexicon.thresholds)

        // Headline: the same formula over every match and every word.
        let words = transcript.wordCount
        let headlineScore = Rounding.twoDecimals(
            Scorer.formula(
                signed: matches.reduce(0) { $0 + $1.contribution }, absolute: matches.reduce(0) { $0 + abs($1.contribution) },
                words: words, damping: lexicon.damping))
        let band = lexicon.thresholds.band(for: headlineScore)
        let agreement = slices.isEmpty
            ? 0 : Double(slices.filter { lexicon.thresholds.band(for: $0.score) == band }.count) / Double(slices.count)

        let lensCounts = lexicon.lenses.map { lens in (lens.lens, count(lens.terms, in: transcript)) }
        let modeCounts = lexicon.evidenceModes.map { mode in (mode.mode, count(mode.cues, in: transcript)) }
        let emphasisCounts = zip(lexicon.emphasisTerms, perTermCounts(lexicon.emphasisTerms, in: transcript)).map {
            ($0.0.text, $0.1)
        }

        let headline = Headline(
            score: headlineScore, band: band, lens: Scorer.lens(lensCounts),
            confidence: confidence(matches: matches.count, words: words, agreement: agreement),
            evidenceMode: Scorer.evidenceMode(modeCounts, voices: transcript.voices.count))
        return Result(
            plan: plan, slices: slices, matches: matches, stats: stats, headline: headline,
            emphases: emphases(emphasisCounts), words: words, lensCounts: lensCounts, modeCounts: modeCounts,
            emphasisCounts: emphasisCounts, bandAgreement: agreement)
    }

    /// Text without the punctuation around it: "tractable." -> "tractable".
    static func trimmed(_ text: String) -> String {
        var text = text[...]
        while let character = text.first, !character.isLetter, !character.isNumber { text = text.dropFirst() }
        while let character = text.last, !character.isLetter, !character.isNumber { text = text.dropLast() }
        return String(text)
    }

    // MARK: the formulas (docs/scoring.md)

    /// score = 100 × S / (A + d × n / 100); 0 when the denominator is 0.
    public static func formula(signed: Double, absolute: Double, words: Int, damping: Double) -> Double {
        let denominator = absolute + damping * Double(words) / 100
        return denominator > 0 ? 100 * signed / denominator : 0
    }

    /// The lens whose terms occur most often; ties and no matches go to the lens listed first.
    static func lens(_ counts: [(String, Int)]) -> String {
        var best = counts.first ?? ("technical", 0)
        for entry in counts.dropFirst() where entry.1 > best.1 { best = entry }
        return best.0
    }

    /// low: fewer than minWords words or minMatches matches; high: at least
    /// highMatchesPer1000Words matches per 1,000 words and highBandAgreement of the slices in the
    /// headline's band; medium otherwise.
    func confidence(matches: Int, words: Int, agreement: Double) -> String {
        let rule = lexicon.confidence
        if words < rule.minWords || matches < rule.minMatches { return "low" }
        let density = words > 0 ? 1000 * Double(matches) / Double(words) : 0
        if density >= rule.highMatchesPer1000Words && agreement >= rule.highBandAgreement { return "high" }
        return "medium"
    }

    /// Voices named by WebVTT voice tags narrow the choice: one voice -> lecture, monologue or
    /// narration; two -> interview or debate; three or more -> panel or debate; none -> any mode.
    /// Among the allowed modes, the one whose cue phrases occur most; ties (and no cues) go to
    /// the mode listed first in the lexicon.
    static func evidenceMode(_ counts: [(String, Int)], voices: Int) -> String {
        let allowed: Set<String>
        switch voices {
        case 0: allowed = Set(counts.map(\.0))
        case 1: allowed = ["lecture", "monologue", "narration"]
        case 2: allowed = ["interview", "debate"]
        default: allowed = ["panel", "debate"]
        }
        var best: (String, Int)?
        for entry in counts where allowed.contains(entry.0) {
            if best == nil || entry.1 > best!.1 { best = entry }
        }
        if let best { return best.0 }
        // The lexicon lists none of the allowed modes: the fixed order of the schema.
        return ["interview", "lecture", "panel", "debate", "monologue", "narration"].first(where: allowed.contains) ?? "interview"
    }

    /// The `top` most frequent emphasis terms that occur at least `minCount` times; ties in lexicon order.
    func emphases(_ counts: [(String, Int)]) -> [String] {
        let eligible = counts.enumerated().filter { $0.element.1 >= lexicon.emphasisMinCount }
        let ranked = eligible.sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
        return ranked.prefix(lexicon.emphasisTop).map(\.element.0)
    }

    private func count(_ terms: [TermPattern], in transcript: Transcript) -> Int {
        PhraseMatcher(terms, vocabulary: transcript.vocabulary).matches(in: transcript.keys).count
    }

    private func perTermCounts(_ terms: [TermPattern], in transcript: Transcript) -> [Int] {
        var counts = [Int](repeating: 0, count: terms.count)
        for match in PhraseMatcher(terms, vocabulary: transcript.vocabulary).matches(in: transcript.keys) {
            counts[match.term] += 1
        }
        return counts
    }
}
