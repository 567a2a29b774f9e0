/// The one place numbers become text, so that every command prints them alike:
/// no raw floats ("3.799999999999999"), no glued ranges ("-150").
public enum NumberFormat {
    /// Fixed decimals with trailing zeros and a trailing point removed: 3.8 -> "3.8", -14.44 -> "-14.44", 0 -> "0".
    /// ASCII minus: for JSON, file content and messages that may be copied into files.
    public static func plain(_ value: Double, maxDecimals: Int = 2) -> String {
        var text = fixed(value, decimals: maxDecimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Exactly `decimals` decimals, half away from zero, ASCII minus: 3.8 -> "3.80".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Round the decimal the value was written as, not its binary neighbour: 0.125 -> 0.13.
        let scaled = (abs(value) * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled != 0
        var digits = String(UInt64(scaled))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return negative ? "-" + digits : digits
    }

    /// A signed delta: "+3.80", "-12.00", "0.00" (ASCII).
    public static func signed(_ value: Double, decimals: Int = 2) -> String {
        let text = fixed(value, decimals: decimals)
        if text.hasPrefix("-") { return text }
        return fixed(value, decimals: decimals).allSatisfy({ $0 == "0" || $0 == "." }) ? text : "+" + text
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
