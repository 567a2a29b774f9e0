/// Numbers for people (text and Markdown) and for scripts (JSON), built on `NumberFormat.plain`
/// and `NumberFormat.fixed`, so that every command writes the same number the same way.
///
/// * Text for people uses a real minus sign (U+2212): "−14.44". JSON and files use ASCII "-".
/// * Scores are written with at most 2 decimals, trailing zeros dropped: "−14.44", "6", "0".
/// * Deltas always carry a sign and exactly 2 decimals: "+20.44", "−3.80", "0.00".
/// * Ranges are written with "to", never glued: "−15 to 0".
/// * Percentages of a whole are rounded so that they add up to 100 (largest remainder).
extension NumberFormat {
    /// A score for people: "−14.44", "6".
    public static func score(_ value: Double) -> String {
        display(plain(value))
    }

    /// A signed delta for people: "+20.44", "−3.80".
    public static func delta(_ value: Double) -> String {
        display(signed(value))
    }

    /// A range for people: "−15 to 0".
    public static func displayRange(_ low: Double, _ high: Double) -> String {
        "\(score(low)) to \(score(high))"
    }

    /// A value rounded to `decimals` decimals, for JSON: 20.439999999999998 -> 20.44.
    /// The result prints as its shortest decimal form, so JSON never shows a raw float.
    public static func rounded(_ value: Double, decimals: Int = 2) -> Double {
        guard value.isFinite else { return value }
        return Double(fixed(value, decimals: decimals)) ?? value
    }

    /// A count with thousands separators: 5807 -> "5,807".
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "\u{2212}" + out : out
    }

    /// Whole percentages of `parts` that add up to exactly 100 (largest-remainder rounding), or nil
    /// when the parts add up to nothing. [1, 1, 1] -> [34, 33, 33]; [0, 100, 0] -> [0, 100, 0].
    /// Ties in the remainder go to the earlier part.
    public static func percentages(_ parts: [Double]) -> [Int]? {
        let total = parts.reduce(0, +)
        guard total > 0, parts.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let exact = parts.map { $0 / total * 100 }
        var whole = exact.map { Int($0.rounded(.down)) }
        var missing = 100 - whole.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - exact[a].rounded(.down)
            let rb = exact[b] - exact[b].rounded(.down)
            return ra != rb ? ra > rb : a < b
        }
        var index = 0
        while missing > 0 {
            whole[order[index % order.count]] += 1
            missing -= 1
            index += 1
        }
        return whole
    }

    /// "0% / 100% / 0%"-style text for parts of a whole; "n/a" for each when the whole is empty.
    public static func percentText(_ parts: [Double]) -> [String] {
        guard let whole = percentages(parts) else { return parts.map { _ in "n/a" } }
        return whole.map { "\($0)%" }
    }
}
