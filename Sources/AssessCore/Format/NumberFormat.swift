/// The one place numbers become text, so that every command prints them alike:
/// no raw floats ("3.799999999999999"), no glued ranges ("-150").
public enum NumberFormat {
    /// Fixed decimals with trailing zeros and a trailing point removed: 3.8 -> "3.8", -14.44 -> "-14.44", 0 -> "0".
    /// ASCII minus: for JSON, file content and messages that may be copied into files.
    public static func plain(_ value: Double, maxDecimals: Int = 2) -> String {
        TextBuffer.text { write(value, decimals: maxDecimals, trimmingZeros: true, into: &$0) }
    }

    /// Exactly `decimals` decimals, half away from zero, ASCII minus: 3.8 -> "3.80".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        TextBuffer.text { write(value, decimals: decimals, into: &$0) }
    }

    /// A signed delta: "+3.80", "-12.00", "0.00" (ASCII).
    public static func signed(_ value: Double, decimals: Int = 2) -> String {
        TextBuffer.text { write(value, decimals: decimals, plus: true, into: &$0) }
    }

    /// Writes `value` with `decimals` decimals, rounded half away from zero; with `trimmingZeros`,
    /// trailing zeros of the fraction go, and the point with them when nothing is left. The sign
    /// is a minus below zero once rounded (a real minus sign, U+2212, `forPeople`), a plus above
    /// zero with `plus`, and none on zero. A value that is not finite is written "n/a", "inf" or
    /// "-inf", signed as a number would be.
    static func write(
        _ value: Double, decimals: Int, trimmingZeros: Bool = false, plus: Bool = false, forPeople: Bool = false,
        into out: inout TextBuffer
    ) {
        func minus() { out.append(forPeople ? "\u{2212}" : "-") }
        guard value.isFinite else {
            if value < 0 { minus() } else if plus { out.append(ascii: "+") }
            out.append(value.isNaN ? "n/a" : "inf")
            return
        }
        guard let (scaled, divisor) = scaledMagnitude(value, decimals: decimals) else {
            // Too large for its digits to be exact: as Swift spells it, shortest ("1e+30").
            if value < 0 { minus() } else if plus { out.append(ascii: "+") }
            out.append(abs(value).description)
            return
        }
        if scaled != 0 {
            if value < 0 { minus() } else if plus { out.append(ascii: "+") }
        }
        var fraction = scaled % divisor
        var decimals = decimals
        if trimmingZeros {
            while decimals > 0, fraction % 10 == 0 {
                fraction /= 10
                decimals -= 1
            }
        }
        out.append(decimal: scaled / divisor)
        if decimals > 0 {
            out.append(ascii: ".")
            out.append(decimal: fraction, minimumDigits: decimals)
        }
    }

    /// Whether `fixed(a, decimals:)` and `fixed(b, decimals:)` are the same text, worked out
    /// without writing either.
    public static func writesAlike(_ a: Double, _ b: Double, decimals: Int) -> Bool {
        guard a.isFinite, b.isFinite, let x = scaledMagnitude(a, decimals: decimals), let y = scaledMagnitude(b, decimals: decimals)
        else { return fixed(a, decimals: decimals) == fixed(b, decimals: decimals) }
        // The text is the sign (only on a number that is not zero once rounded) and the digits.
        return x.scaled == y.scaled && (x.scaled == 0 || (a < 0) == (b < 0))
    }

    /// |value| in units of 10^-decimals, rounded half away from zero, and 10^decimals: the digits
    /// `write` prints; nil when the value is too large for them to be exact (2^53 units or more).
    /// `value` is finite.
    static func scaledMagnitude(_ value: Double, decimals: Int) -> (scaled: UInt64, divisor: UInt64)? {
        var scale = 1.0
        var divisor: UInt64 = 1
        for _ in 0..<min(decimals, 15) {
            scale *= 10
            divisor *= 10
        }
        let product = abs(value) * scale
        guard product < 0x1p53 else { return nil }
        // Round the decimal the value was written as, not its binary neighbour: 0.125 -> 0.13.
        // The nudge, four units in the last place, stays far below a unit only up to 2^42.
        let nudged = product < 0x1p42 ? product * (1 + 4 * Double.ulpOfOne) : product
        return (UInt64(nudged.rounded(.toNearestOrAwayFromZero)), divisor)
    }

    /// Text for people: the ASCII hyphen-minus becomes a real minus sign (U+2212).
    public static func display(_ text: String) -> String {
        text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// A range written with "to": "-15 to 0".
    public static func range(_ low: Double, _ high: Double, maxDecimals: Int = 2) -> String {
        "\(plain(low, maxDecimals: maxDecimals)) to \(plain(high, maxDecimals: maxDecimals))"
    }
}
