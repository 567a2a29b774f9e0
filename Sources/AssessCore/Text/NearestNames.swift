/// "Did you mean ...?": the known names closest to a mistyped one.
public enum NearestNames {
    /// Up to `limit` candidates within a distance that scales with the name's length, closest first.
    public static func suggest(for name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased().unicodeScalars)
        let threshold = max(2, target.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased().unicodeScalars)
            var distance = optimalStringAlignment(target, other)
            // A name that contains the other whole ("jan-leike" in "superalignment-with-jan-leike") is close too.
            if distance > threshold, target.count >= 4,
                candidate.lowercased().contains(name.lowercased()) || name.lowercased().contains(candidate.lowercased())
            {
                distance = threshold
            }
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
        return scored.prefix(limit).map(\.name)
    }

    /// Edit distance counting insertions, deletions, substitutions and adjacent transpositions.
    public static func optimalStringAlignment<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
