/// The one place numbers become text, so that every command prints them alike:
/// no raw floats ("3.799999999999999"), no glued ranges ("-150").
public enum NumberFormat {
    /// Fixed decimals with trailing zeros and a trailing point removed: 3.8 -> "3.8", -14.44 -> "-14.44", 0 -> "0".
    /// ASCII minus: for JSON, file content and messages that may be copied into files.
    public static func plain(_ value: Double, maxDecimals: Int = 2) -> String {
        guard value.isFinite else { return fixed(value, decimals: maxDecimals) }
        var (negative, digits, decimals) = scaledDigits(value, decimals: maxDecimals)
        // Trailing zeros of the fraction go, and the point with them when nothing is left.
        while decimals > 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            decimals -= 1
        }
        if digits.allSatisfy({ $0 == UInt8(ascii: "0") }) { negative = false }
        return render(negative: negative, digits: digits, decimals: decimals)
    }

    /// Exactly `decimals` decimals, half away from zero, ASCII minus: 3.8 -> "3.80".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "inf" : "-inf") }
        let (negative, digits, _) = scaledDigits(value, decimals: decimals)
        return render(negative: negative, digits: digits, decimals: decimals)
    }

    /// The value times 10^decimals, rounded half away from zero, as ASCII digits (at least
    /// `decimals + 1` of them), and whether it is below zero once rounded.
    private static func scaledDigits(_ value: Double, decimals: Int) -> (negative: Bool, digits: [UInt8], decimals: Int) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Round the decimal the value was written as, not its binary neighbour: 0.125 -> 0.13.
        var scaled = UInt64((abs(value) * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero))
        let negative = value < 0 && scaled != 0
        var reversed: [UInt8] = []
        reversed.reserveCapacity(24)
        repeat {
            reversed.append(UInt8(ascii: "0") + UInt8(scaled % 10))
            scaled /= 10
        } while scaled > 0
        while reversed.count <= decimals { reversed.append(UInt8(ascii: "0")) }
        return (negative, reversed.reversed(), decimals)
    }

    private static func render(negative: Bool, digits: [UInt8], decimals: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + 2)
        if negative { bytes.append(UInt8(ascii: "-")) }
        bytes += digits[..<(digits.count - decimals)]
        if decimals > 0 {
            bytes.append(UInt8(ascii: "."))
            bytes += digits[(digits.count - decimals)...]
        }
        return String(decoding: bytes, as: UTF8.self)
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
