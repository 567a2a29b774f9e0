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
        TextBuffer.text { writeScore(value, into: &$0) }
    }

    /// A signed delta for people: "+20.44", "−3.80".
    public static func delta(_ value: Double) -> String {
        TextBuffer.text { writeDelta(value, into: &$0) }
    }

    /// A range for people: "−15 to 0".
    public static func displayRange(_ low: Double, _ high: Double) -> String {
        TextBuffer.text { writeRange(low, high, into: &$0) }
    }

    /// Writes `score(value)`.
    static func writeScore(_ value: Double, into out: inout TextBuffer) {
        write(value, decimals: 2, trimmingZeros: true, forPeople: true, into: &out)
    }

    /// Writes `delta(value)`.
    static func writeDelta(_ value: Double, into out: inout TextBuffer) {
        write(value, decimals: 2, plus: true, forPeople: true, into: &out)
    }

    /// Writes `displayRange(low, high)`.
    static func writeRange(_ low: Double, _ high: Double, into out: inout TextBuffer) {
        writeScore(low, into: &out)
        out.append(" to ")
        writeScore(high, into: &out)
    }

    /// A value rounded to `decimals` decimals, for JSON: 20.439999999999998 -> 20.44.
    /// The result prints as its shortest decimal form, so JSON never shows a raw float.
    public static func rounded(_ value: Double, decimals: Int = 2) -> Double {
        guard value.isFinite else { return value }
        // A value too large for exact digits is written as itself (see `write`).
        guard let (scaled, divisor) = scaledMagnitude(value, decimals: decimals) else { return value }
        // The Double nearest the decimal `fixed` writes, without writing it: both operands are
        // exact (below 2^53), and IEEE division rounds their quotient correctly, as parsing the
        // decimal would. Zero comes out unsigned, as "0.00" parses.
        if scaled == 0 { return 0 }
        let magnitude = Double(scaled) / Double(divisor)
        return value < 0 ? -magnitude : magnitude
    }

    /// A count with thousands separators: 5807 -> "5,807".
    public static func count(_ value: Int) -> String {
        TextBuffer.text { writeCount(value, into: &$0) }
    }

    /// Writes `count(value)`.
    static func writeCount(_ value: Int, into out: inout TextBuffer) {
        func groups(_ value: UInt64) {
            guard value >= 1000 else { return out.append(decimal: value) }
            groups(value / 1000)
            out.append(ascii: ",")
            out.append(decimal: value % 1000, minimumDigits: 3)
        }
        if value < 0 { out.append("\u{2212}") }
        groups(UInt64(value.magnitude))
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

extension ClockTime {
    /// Writes `format(seconds)`: `HH:MM:SS`.
    static func write(_ seconds: Int, into out: inout TextBuffer) {
        let s = UInt64(max(0, seconds))
        out.append(decimal: s / 3600, minimumDigits: 2)
        out.append(ascii: ":")
        out.append(decimal: s / 60 % 60, minimumDigits: 2)
        out.append(ascii: ":")
        out.append(decimal: s % 60, minimumDigits: 2)
    }
}
