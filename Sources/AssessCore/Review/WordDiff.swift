/// Word-level diff of prose, like `git diff --word-diff`.
///
/// Words are runs of non-whitespace (punctuation stays attached to its word);
/// any run of whitespace counts as one separator, so re-wrapping a paragraph
/// is not a change. The edit script is a shortest one (Myers); within a run of
/// changes all deleted words come before all inserted ones.
public enum WordDiff {
    /// Strings longer than this many characters are prose.
    public static let proseLength = 80

    /// Past this many differing words the changed middle is shown as one replacement.
    static let maxEditDistance = 1000

    /// Long text or several sentences: summary, editorNote, machineReview.note, quotes.
    public static func isProse(_ text: String) -> Bool {
        if text.count > proseLength { return true }
        let words = Self.words(text)
        guard words.count > 1 else { return false }
        for index in 0..<(words.count - 1) where endsSentence(words[index]) {
            if let first = words[index + 1].first, first.isUppercase || first.isNumber || first == "\"" {
                return true
            }
        }
        return false
    }

    private static func endsSentence(_ word: Substring) -> Bool {
        var trimmed = word[...]
        while let last = trimmed.last, "\"')]”’".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return last == "." || last == "!" || last == "?"
    }

    /// The words of a text: maximal runs of non-whitespace.
    public static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: \.isWhitespace)
    }

    /// The segments that turn `old` into `new`, in reading order. Adjacent
    /// segments never have the same kind; a deleted segment comes before the
    /// inserted one it is replaced by. Equal texts give one equal segment
    /// (or none when both are empty).
    public static func diff(old: String, new: String) -> [WordSegment] {
        let oldWords = words(old)
        let newWords = words(new)
        // Compare words by their exact bytes (not by canonical equivalence), via small integer ids.
        var ids: [[UInt8]: Int] = [:]
        func id(_ word: Substring) -> Int {
            let bytes = Array(word.utf8)
            if let known = ids[bytes] { return known }
            let next = ids.count
            ids[bytes] = next
            return next
        }
        let a = oldWords.map(id)
        let b = newWords.map(id)

        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
            a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
        {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])

        var ops: [Op] = Array(repeating: .equal, count: prefix)
        if let script = myers(middleA, middleB, maxD: maxEditDistance) {
            ops += script
        } else {
            ops += Array(repeating: .delete, count: middleA.count) + Array(repeating: .insert, count: middleB.count)
        }
        ops += Array(repeating: .equal, count: suffix)
        return segments(ops, oldWords: oldWords, newWords: newWords)
    }

    enum Op { case equal, delete, insert }

    /// Groups an edit script into segments: equal runs as they are, and each
    /// run of changes as its deleted words followed by its inserted words.
    private static func segments(_ ops: [Op], oldWords: [Substring], newWords: [Substring]) -> [WordSegment] {
        var result: [WordSegment] = []
        var equal: [Substring] = []
        var deleted: [Substring] = []
        var inserted: [Substring] = []
        var x = 0
        var y = 0

        func flushChanges() {
            if !deleted.isEmpty { result.append(WordSegment(.deleted, deleted.joined(separator: " "))) }
            if !inserted.isEmpty { result.append(WordSegment(.inserted, inserted.joined(separator: " "))) }
            deleted.removeAll()
            inserted.removeAll()
        }
        func flushEqual() {
            if !equal.isEmpty { result.append(WordSegment(.equal, equal.joined(separator: " "))) }
            equal.removeAll()
        }

        for op in ops {
            switch op {
            case .equal:
                flushChanges()
                equal.append(newWords[y])
                x += 1
                y += 1
            case .delete:
                flushEqual()
                deleted.append(oldWords[x])
                x += 1
            case .insert:
                flushEqual()
                inserted.append(newWords[y])
                y += 1
            }
        }
        flushChanges()
        flushEqual()
        return result
    }

    /// Myers' O((N+M)D) shortest edit script, or nil when more than `maxD` edits are needed.
    static func myers(_ a: [Int], _ b: [Int], maxD: Int) -> [Op]? {
        let n = a.count
        let m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let limit = min(n + m, maxD)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        // trace[d][k + d] is the furthest x on diagonal k after d edits.
        var trace: [[Int]] = []
        var found = -1
        search: for d in 0...limit {
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m {
                    trace.append(Array(v[(offset - d)...(offset + d)]))
                    found = d
                    break search
                }
                k += 2
            }
            trace.append(Array(v[(offset - d)...(offset + d)]))
        }
        guard found >= 0 else { return nil }

        var ops: [Op] = []
        ops.reserveCapacity(n + m)
        var x = n
        var y = m
        var d = found
        while d > 0 {
            let previous = trace[d - 1]
            func furthest(_ k: Int) -> Int { previous[k + d - 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && furthest(k - 1) < furthest(k + 1))) ? k + 1 : k - 1
            let previousX = furthest(previousK)
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                ops.append(.equal)
                x -= 1
                y -= 1
            }
            if x == previousX {
                ops.append(.insert)
            } else {
                ops.append(.delete)
            }
            x = previousX
            y = previousY
            d -= 1
        }
        while x > 0, y > 0 {
            ops.append(.equal)
            x -= 1
            y -= 1
        }
        return ops.reversed()
    }
}
