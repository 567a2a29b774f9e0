/// Finds lexicon terms in a transcript's keys: left to right, longest match first, matches
/// never overlapping (after a match, the search resumes after its last key).
///
/// At one position the candidates are tried longest first; at equal length a term without `*`
/// before one with; then in the order given (the lexicon's file order).
struct PhraseMatcher {
    struct Match {
        /// Index of the term in the list the matcher was built from.
        var term: Int
        /// Where it starts in the transcript's keys, and how many keys it spans.
        var key: Int
        var length: Int
    }

    private enum CompiledWord {
        case id(Int32)
        case anyOf(Set<Int32>)

        func matches(_ key: Int32) -> Bool {
            switch self {
            case .id(let id): return key == id
            case .anyOf(let ids): return ids.contains(key)
            }
        }
    }

    private struct Candidate {
        var term: Int
        var words: [CompiledWord]
    }

    /// Candidates by the vocabulary id of their first word, in trial order.
    private var candidates: [Int32: [Candidate]] = [:]
    /// First-word ids that start some candidate, as a dense lookup (vocabulary size).
    private var startsTerm: [Bool]

    init(_ patterns: [TermPattern], vocabulary: Vocabulary) {
        startsTerm = [Bool](repeating: false, count: vocabulary.count)
        var prefixIDs: [String: Set<Int32>] = [:]
        func ids(of word: TermPattern.Word) -> Set<Int32> {
            switch word {
            case .exact(let text):
                return vocabulary.lookup(text).map { [$0] } ?? []
            case .prefix(let text):
                if let known = prefixIDs[text] { return known }
                let bytes = Array(text.utf8)
                var found: Set<Int32> = []
                for id in 0..<Int32(vocabulary.count) where vocabulary.key(id, hasPrefix: bytes) { found.insert(id) }
                prefixIDs[text] = found
                return found
            }
        }
        var ordered: [(candidate: Candidate, first: Set<Int32>, wildcard: Bool)] = []
        for (index, pattern) in patterns.enumerated() {
            var compiled: [CompiledWord] = []
            var first: Set<Int32> = []
            var possible = !pattern.words.isEmpty
            for (position, word) in pattern.words.enumerated() {
                let found = ids(of: word)
                if found.isEmpty {
                    possible = false
                    break
                }
                if position == 0 { first = found }
                if case .exact = word, let id = found.first { compiled.append(.id(id)) } else { compiled.append(.anyOf(found)) }
            }
            guard possible else { continue }
            ordered.append((Candidate(term: index, words: compiled), first, pattern.hasWildcard))
        }
        ordered.sort {
            ($0.candidate.words.count, $0.wildcard ? 0 : 1, -$0.candidate.term)
                > ($1.candidate.words.count, $1.wildcard ? 0 : 1, -$1.candidate.term)
        }
        for entry in ordered {
            for id in entry.first {
                candidates[id, default: []].append(entry.candidate)
                startsTerm[Int(id)] = true
            }
        }
    }

    /// Every match in `keys`, in order.
    func matches(in keys: [Int32]) -> [Match] {
        var result: [Match] = []
        keys.withUnsafeBufferPointer { keys in
            var index = 0
            let count = keys.count
            while index < count {
                let key = keys[index]
                guard startsTerm[Int(key)], let list = candidates[key] else {
                    index += 1
                    continue
                }
                var matched = false
                for candidate in list where index + candidate.words.count <= count {
                    var all = true
                    for offset in 1..<max(1, candidate.words.count) where !candidate.words[offset].matches(keys[index + offset]) {
                        all = false
                        break
                    }
                    if all {
                        result.append(Match(term: candidate.term, key: index, length: candidate.words.count))
                        index += candidate.words.count
                        matched = true
                        break
                    }
                }
                if !matched { index += 1 }
            }
        }
        return result
    }
}
