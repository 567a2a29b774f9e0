import AssessJSON

/// A JSON number literal as an exact decimal: `significand × 10^exponent`.
struct ExactDecimal {
    /// Decimal digits of the significand without leading zeros ("0" stays empty).
    var digits: [UInt8]
    var exponent: Int
    var negative: Bool

    init?(_ literal: String) {
        var bytes = Array(literal.utf8)[...]
        negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 {
                digits.append(byte - 0x30)
                if seenPoint { exponent -= 1 }
            } else if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let value = Int(String(decoding: bytes[(index + 1)...], as: UTF8.self)),
                      abs(value) < 100_000 else { return nil }
                exponent += value
                break
            } else {
                return nil
            }
            index += 1
        }
        while let first = digits.first, first == 0 { digits.removeFirst() }
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        guard digits.count <= 400 else { return nil }
        self.digits = digits
        self.exponent = exponent
    }

    var isZero: Bool { digits.isEmpty }
}

/// `dividend` is a multiple of `divisor` (> 0), computed exactly on the decimal
/// literals: 0.0075 is a multiple of 0.0001, and 1e308 is not a multiple of
/// 0.123456789 (no overflow, no crash).
func isMultiple(_ dividend: JSONNumber, of divisor: JSONNumber) -> Bool {
    if let x = ExactDecimal(dividend.literal), let d = ExactDecimal(divisor.literal), !d.isZero {
        if x.isZero { return true }
        // A non-zero value smaller in magnitude than the divisor is no multiple of it. This
        // also bounds the scaled divisor below by the dividend's digits (at most 400).
        if x.digits.count + x.exponent < d.digits.count + d.exponent { return false }
        // x = X·10^ex, d = D·10^ed. With e = min(ex, ed): x/d = (X·10^(ex-e)) / (D·10^(ed-e)).
        let e = min(x.exponent, d.exponent)
        let divisorDigits = d.digits + [UInt8](repeating: 0, count: d.exponent - e)
        let zeros = x.exponent - e
        // remainder * 10 + 9 must fit in 64 bits: a divisor of at most 18 digits.
        guard divisorDigits.count <= 18 else {
            // Longer divisors (e.g. multipleOf 123456789012345678901234567890) are done with
            // big numbers; falling back to Double here gave wrong answers.
            var big = BigRemainder(divisor: divisorDigits)
            return big.isMultiple(digits: x.digits, zeros: zeros)
        }
        var divisorValue: UInt64 = 0
        for digit in divisorDigits { divisorValue = divisorValue * 10 + UInt64(digit) }
        // Remainder of X·10^(ex-e) modulo D, digit by digit.
        var remainder: UInt64 = 0
        func push(_ digit: UInt8) {
            remainder = (remainder * 10 + UInt64(digit)) % divisorValue
        }
        for digit in x.digits { push(digit) }
        var remaining = zeros
        while remaining > 0, remainder != 0 {
            push(0)
            remaining -= 1
        }
        return remainder == 0
    }
    return fallbackIsMultiple(dividend.double, divisor.double)
}

/// The remainder of a decimal digit string modulo a divisor of any length, in base-10^18
/// limbs (little-endian). The remainder stays below the divisor, so `remainder·10 + digit`
/// is below ten divisors and at most nine subtractions bring it back.
private struct BigRemainder {
    static let base: UInt64 = 1_000_000_000_000_000_000
    var divisor: [UInt64]
    var remainder: [UInt64]

    init(divisor digits: [UInt8]) {
        var limbs: [UInt64] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 18)
            var limb: UInt64 = 0
            for digit in digits[start..<end] { limb = limb * 10 + UInt64(digit) }
            limbs.append(limb)
            end = start
        }
        divisor = limbs
        remainder = [UInt64](repeating: 0, count: limbs.count + 1)
    }

    var isZero: Bool { remainder.allSatisfy { $0 == 0 } }

    /// remainder >= divisor
    private func atLeastDivisor() -> Bool {
        if remainder[divisor.count] != 0 { return true }
        var index = divisor.count - 1
        while index >= 0 {
            if remainder[index] != divisor[index] { return remainder[index] > divisor[index] }
            index -= 1
        }
        return true
    }

    private mutating func subtractDivisor() {
        var borrow: UInt64 = 0
        for index in remainder.indices {
            let subtrahend = (index < divisor.count ? divisor[index] : 0) + borrow
            if remainder[index] >= subtrahend {
                remainder[index] -= subtrahend
                borrow = 0
            } else {
                remainder[index] = remainder[index] + Self.base - subtrahend
                borrow = 1
            }
        }
    }

    mutating func push(_ digit: UInt8) {
        var carry = UInt64(digit)
        for index in remainder.indices {
            let value = remainder[index] * 10 + carry  // < 10^19 + 10 < 2^64
            remainder[index] = value % Self.base
            carry = value / Self.base
        }
        while atLeastDivisor() { subtractDivisor() }
    }

    mutating func isMultiple(digits: [UInt8], zeros: Int) -> Bool {
        for digit in digits { push(digit) }
        var zeros = zeros
        while zeros > 0, !isZero {
            push(0)
            zeros -= 1
        }
        return isZero
    }
}

private func fallbackIsMultiple(_ x: Double, _ d: Double) -> Bool {
    let quotient = x / d
    guard quotient.isFinite else { return false }
    return quotient == quotient.rounded(.towardZero)
}

/// Compares two JSON numbers: exactly when both literals are decimal, else by `Double`.
func compareNumbers(_ a: JSONNumber, _ b: JSONNumber) -> Int {
    if a.double < b.double { return -1 }
    if a.double > b.double { return 1 }
    // Equal as doubles: decide exactly when the literals differ.
    if a.literal == b.literal { return 0 }
    guard let x = ExactDecimal(a.literal), let y = ExactDecimal(b.literal) else { return 0 }
    return compareExact(x, y)
}

private func compareExact(_ x: ExactDecimal, _ y: ExactDecimal) -> Int {
    if x.isZero && y.isZero { return 0 }
    let xSign = x.isZero ? 0 : (x.negative ? -1 : 1)
    let ySign = y.isZero ? 0 : (y.negative ? -1 : 1)
    if xSign != ySign { return xSign < ySign ? -1 : 1 }
    // Same sign: compare magnitudes.
    let xMagnitude = x.digits.count + x.exponent
    let yMagnitude = y.digits.count + y.exponent
    var result = 0
    if xMagnitude != yMagnitude {
        result = xMagnitude < yMagnitude ? -1 : 1
    } else {
        let length = max(x.digits.count, y.digits.count)
        for index in 0..<length {
            let a = index < x.digits.count ? x.digits[index] : 0
            let b = index < y.digits.count ? y.digits[index] : 0
            if a != b {
                result = a < b ? -1 : 1
                break
            }
        }
    }
    return xSign < 0 ? -result : result
}
