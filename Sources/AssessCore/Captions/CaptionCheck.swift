/// A likely caption mis-hearing: text in the transcript close to a known name or term.
public struct CaptionSuggestion: Sendable, Equatable {
    /// The words as the captions have them, e.g. "Neil Nanda".
    public var heard: String
    /// The correct spelling, e.g. "Neel Nanda".
    public var correct: String
    /// How often the captions have it.
    public var count: Int
    /// Where it first occurs, `HH:MM:SS`, in a timed transcript.
    public var at: String?
    /// The first word of its first occurrence.
    public var word: Int
}

/// Finds likely mis-hearings of known names and terms (the library item's people and the
/// glossary) in a transcript, by edit distance over word n-grams, case-insensitively
/// (docs/scoring.md, "Caption checks"):
///
/// * A name or term of two or more words is compared with every run of as many words that
///   shares at least one word with it exactly: each other word may differ by at most a third
///   of its letters (rounded down; "Neil" for "Neel", "cortex" for "context"), the whole by at
///   most a sixth of its letters (at least 1, at most 3). A person is matched only by full name.
/// * A single-word term of 6 or more letters is compared with every word (at most 1 edit, 2
///   from 10 letters: "grocking" for "grokking") and with every pair of adjacent words that
///   only together come close ("grock king").
/// * Differences of case, punctuation, spacing ("Transformer lens") or a final "s" are not
///   mis-hearings; neither is another known name or term. `heardAs` phrases of the glossary are
///   looked up as they are.
public enum CaptionCheck {
    public static func suggestions(
        in transcript: Transcript, people: [String], glossary: Glossary?, limit: Int = 20
    ) -> [CaptionSuggestion] {
        var known: [Glossary.Entry] = people.map { Glossary.Entry(term: $0, kind: .person) }
        var seen = Set(people.map { $0.lowercased() })
        for entry in glossary?.entries ?? [] where seen.insert(entry.term.lowercased()).inserted { known.append(entry) }
        let knownLetters = Set(known.map { letters(WordKeys.keys($0.term)) })

        let context = Context(transcript: transcript, knownLetters: knownLetters)
        var found: [[Int32]: Candidate] = [:]
        func record(_ keyIDs: [Int32], first: Int, count: Int, correct: String, distance: Int) {
            if let existing = found[keyIDs], existing.distance <= distance { return }
            found[keyIDs] = Candidate(first: first, count: count, correct: correct, distance: distance, length: keyIDs.count)
        }
        for entry in known {
            let words = WordKeys.keys(entry.term).map { Array($0.utf8) }
            for phrase in entry.heardAs {
                guard let ids = transcript.keyIDs(phrase) else { continue }
                let positions = context.positions(of: ids)
                if let first = positions.first { record(ids, first: first, count: positions.count, correct: entry.term, distance: 0) }
            }
            if words.count >= 2 {
                context.phraseCandidates(words, record: { record($0, first: $1, count: $2, correct: entry.term, distance: $3) })
            } else if words.count == 1, entry.kind != .person {
                context.wordCandidates(words[0], record: { record($0, first: $1, count: $2, correct: entry.term, distance: $3) })
            }
        }
        let ordered = found.sorted {
            ($0.value.first, $0.value.length, $0.value.correct) < ($1.value.first, $1.value.length, $1.value.correct)
        }.prefix(limit)
        return ordered.map { ids, candidate in
            let firstWord = Int(transcript.keyWords[candidate.first])
            var at: String?
            if transcript.format.isTimed, let segment = transcript.segmentIndex(ofWord: firstWord),
                let start = transcript.segments[segment].start
            {
                at = ClockTime.format(Int(start))
            }
            return CaptionSuggestion(
                heard: context.heard(at: candidate.first, length: ids.count), correct: candidate.correct,
                count: candidate.count, at: at, word: firstWord)
        }
    }

    struct Candidate {
        var first: Int
        var count: Int
        var correct: String
        var distance: Int
        var length: Int
    }

    /// Letters of keys without apostrophes, joined: ["neel's", "nanda"] -> "neelsnanda".
    static func letters(_ keys: [String]) -> [UInt8] {
        keys.flatMap { $0.utf8.filter { $0 != UInt8(ascii: "'") } }
    }

    static func letters(_ keys: [[UInt8]]) -> [UInt8] {
        keys.flatMap { $0.filter { $0 != UInt8(ascii: "'") } }
    }

    /// The optimal-string-alignment distance of `a` and `b` (insertions, deletions, substitutions,
    /// adjacent transpositions), or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let width = b.count + 1
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: width * 3) { rows in
            var before = 0  // row i - 2
            var previous = width  // row i - 1
            var current = 2 * width  // row i
            for j in 0..<width { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                var rowMinimum = i
                for j in 1..<width {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[before + j - 2] + 1)
                    }
                    rows[current + j] = value
                    rowMinimum = min(rowMinimum, value)
                }
                if rowMinimum > limit { return limit + 1 }
                (before, previous, current) = (previous, current, before)
            }
            return min(rows[previous + width - 1], limit + 1)
        }
    }

    /// Equal but for a final "s" or "'s" ("redwoods" / "redwood", "heads" / "head").
    static func samePlural(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func stem(_ word: [UInt8]) -> ArraySlice<UInt8> {
            var word = word[...]
            if word.last == UInt8(ascii: "s") { word = word.dropLast() }
            if word.last == UInt8(ascii: "'") { word = word.dropLast() }
            return word
        }
        return stem(a) == stem(b)
    }

    /// The transcript's keys as letters, where each occurs, and the searches over them.
    struct Context {
        let transcript: Transcript
        let knownLetters: Set<[UInt8]>
        /// Letters of each vocabulary key (apostrophes removed), by vocabulary id.
        let letters: [[UInt8]]
        /// Where each vocabulary key occurs in the transcript's keys, by vocabulary id.
        let positions: [[Int32]]
        /// Number of letters, first and last letter of each vocabulary key (for quick filters).
        let letterCounts: [Int]
        let firstLetters: [UInt8]
        let lastLetters: [UInt8]

        init(transcript: Transcript, knownLetters: Set<[UInt8]>) {
            self.transcript = transcript
            self.knownLetters = knownLetters
            let vocabulary = transcript.vocabulary
            letters = (0..<Int32(vocabulary.count)).map { id in
                Array(vocabulary.key(id).utf8).filter { $0 != UInt8(ascii: "'") }
            }
            letterCounts = letters.map(\.count)
            firstLetters = letters.map { $0.first ?? 0 }
            lastLetters = letters.map { $0.last ?? 0 }
            var positions = [[Int32]](repeating: [], count: vocabulary.count)
            for (index, key) in transcript.keys.enumerated() { positions[Int(key)].append(Int32(index)) }
            self.positions = positions
        }

        func positions(of ids: [Int32]) -> [Int] {
            let keys = transcript.keys
            var result: [Int] = []
            var last = -1
            for start in positions[Int(ids[0])] {
                let start = Int(start)
                guard start > last, start + ids.count <= keys.count,
                    ids.indices.allSatisfy({ keys[start + $0] == ids[$0] })
                else { continue }
                result.append(start)
                last = start + ids.count - 1
            }
            return result
        }

        /// Runs of `words.count` keys that share a word with `words` exactly and come close in the rest.
        func phraseCandidates(_ words: [[UInt8]], record: ([Int32], Int, Int, Int) -> Void) {
            let target = CaptionCheck.letters(words)
            let total = target.count < 18 ? max(1, target.count / 6) : 3
            let keys = transcript.keys
            var starts = Set<Int>()
            for (position, word) in words.enumerated() {
                guard let id = transcript.vocabulary.lookup(String(decoding: word, as: UTF8.self)) else { continue }
                for index in positions[Int(id)] {
                    let start = Int(index) - position
                    if start >= 0, start + words.count <= keys.count { starts.insert(start) }
                }
            }
            var groups: [[Int32]: (first: Int, count: Int, distance: Int)] = [:]
            for start in starts {
                let ids = Array(keys[start..<start + words.count])
                if let group = groups[ids] {
                    groups[ids] = (min(group.first, start), group.count + 1, group.distance)
                    continue
                }
                var differs = false
                var acceptable = true
                for (id, word) in zip(ids, words) {
                    let heard = letters[Int(id)]
                    if heard == word || CaptionCheck.samePlural(heard, word) { continue }
                    differs = true
                    let limit = word.count / 3
                    if limit == 0 || CaptionCheck.distance(heard, word, limit: limit) > limit {
                        acceptable = false
                        break
                    }
                }
                var distance = Int.max
                if differs, acceptable {
                    let candidate = ids.flatMap { letters[Int($0)] }
                    let whole = CaptionCheck.distance(candidate, target, limit: total)
                    if whole <= total, !knownLetters.contains(candidate) { distance = whole }
                }
                groups[ids] = (start, 1, distance)
            }
            for (ids, group) in groups where group.distance != Int.max {
                record(ids, group.first, group.count, group.distance)
            }
        }

        /// Single keys, and pairs of adjacent keys, close to a one-word term.
        func wordCandidates(_ word: [UInt8], record: ([Int32], Int, Int, Int) -> Void) {
            let target = word.filter { $0 != UInt8(ascii: "'") }
            guard target.count >= 6 else { return }
            let limit = target.count < 10 ? 1 : 2
            // Single words: over the distinct keys.
            for id in letters.indices where abs(letterCounts[id] - target.count) <= limit {
                let heard = letters[id]
                guard heard != target,
                    !CaptionCheck.samePlural(heard, target), !knownLetters.contains(heard)
                else { continue }
                let distance = CaptionCheck.distance(heard, target, limit: limit)
                if distance <= limit, let first = positions[id].first {
                    record([Int32(id)], Int(first), positions[id].count, distance)
                }
            }
            // Pairs ("grock king"): adjacent keys that only together come close, with the term's
            // first and last letters.
            let keys = transcript.keys
            guard keys.count > 1 else { return }
            var pairs: [UInt64: (first: Int, count: Int, distance: Int)] = [:]
            let firstLetter = target[0]
            let lastLetter = target[target.count - 1]
            for index in 0..<(keys.count - 1) {
                let first = Int(keys[index])
                let second = Int(keys[index + 1])
                guard firstLetters[first] == firstLetter, lastLetters[second] == lastLetter,
                    abs(letterCounts[first] + letterCounts[second] - target.count) <= limit
                else { continue }
                let a = letters[first]
                let b = letters[second]
                let pair = UInt64(UInt32(bitPattern: keys[index])) << 32 | UInt64(UInt32(bitPattern: keys[index + 1]))
                if let entry = pairs[pair] {
                    pairs[pair] = (entry.first, entry.count + 1, entry.distance)
                    continue
                }
                var distance = Int.max
                let joined = a + b
                if joined != target, !knownLetters.contains(joined),
                    CaptionCheck.distance(a, target, limit: limit) > limit, CaptionCheck.distance(b, target, limit: limit) > limit
                {
                    let whole = CaptionCheck.distance(joined, target, limit: limit)
                    if whole <= limit { distance = whole }
                }
                pairs[pair] = (index, 1, distance)
            }
            for (pair, entry) in pairs where entry.distance != Int.max {
                record([Int32(truncatingIfNeeded: pair >> 32), Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)], entry.first, entry.count, entry.distance)
            }
        }

        /// The words of keys `first ..< first + length` as the captions spell them.
        func heard(at first: Int, length: Int) -> String {
            let firstWord = Int(transcript.keyWords[first])
            let lastWord = Int(transcript.keyWords[first + length - 1])
            let wholeWords = transcript.keyRange(firstWord..<lastWord + 1) == first..<(first + length)
            guard wholeWords else {
                return (first..<first + length).map { transcript.vocabulary.key(transcript.keys[$0]) }.joined(separator: " ")
            }
            return Scorer.trimmed(transcript.text(firstWord..<lastWord + 1))
        }
    }
}
