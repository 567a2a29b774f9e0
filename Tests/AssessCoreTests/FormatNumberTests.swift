import AssessCore
import XCTest
import _AssessTestSupport

final class FormatNumberTests: XCTestCase {
    func testScoresForPeopleUseARealMinusSign() {
        XCTAssertEqual(NumberFormat.score(-14.44), "\u{2212}14.44")
        XCTAssertEqual(NumberFormat.score(6), "6")
        XCTAssertEqual(NumberFormat.score(-0.001), "0", "no negative zero")
        XCTAssertEqual(NumberFormat.plain(-14.44), "-14.44", "JSON and files keep ASCII")
    }

    func testDeltasHaveASignAndTwoDecimalsAndNoRawFloats() {
        XCTAssertEqual(NumberFormat.delta(-10.64 - -14.44), "+3.80")
        XCTAssertEqual(NumberFormat.delta(6 - -14.44), "+20.44")
        XCTAssertEqual(NumberFormat.delta(-30), "\u{2212}30.00")
        XCTAssertEqual(NumberFormat.delta(0), "0.00")
    }

    func testRangesAreWrittenWithTo() {
        XCTAssertEqual(NumberFormat.displayRange(-15, 0), "\u{2212}15 to 0")
        XCTAssertEqual(NumberFormat.displayRange(0, 0), "0 to 0")
        XCTAssertEqual(NumberFormat.range(-15, 0), "-15 to 0")
    }

    func testRoundedValuesPrintShortInJSON() {
        XCTAssertEqual(NumberFormat.rounded(6 - -14.44), 20.44)
        XCTAssertEqual("\(NumberFormat.rounded(-10.64 - -14.44))", "3.8")
        XCTAssertEqual(NumberFormat.rounded(0.61832061, decimals: 4), 0.6183)
    }

    func testNumbersTooLargeForTheirDigitsAreWrittenAsSwiftSpellsThem() {
        XCTAssertEqual(NumberFormat.score(1e30), "1e+30")
        XCTAssertEqual(NumberFormat.score(-1e300), "\u{2212}1e+300")
        XCTAssertEqual(NumberFormat.delta(2e19), "+2e+19")
        XCTAssertEqual(NumberFormat.fixed(18_000_000_000_000_000, decimals: 2), "1.8e+16")
        XCTAssertEqual(NumberFormat.fixed(1_800_000_000_000_000, decimals: 2), "1800000000000000.0")
        // Below 2^53 units every digit is the value's own.
        XCTAssertEqual(NumberFormat.fixed(18_000_000_000_000, decimals: 2), "18000000000000.00")
        XCTAssertEqual(NumberFormat.fixed(4_503_599_627_370_495.0, decimals: 0), "4503599627370495")
        XCTAssertEqual(NumberFormat.fixed(1_234_567_890.125, decimals: 2), "1234567890.13")
    }

    /// `writesAlike` says whether `fixed` writes two numbers alike, without writing them.
    func testWriteSameIsFixedWritingTheSameText() {
        var random = SeededGenerator(seed: 4_122_026)
        var values: [Double] = [0, -0.0, 0.004, -0.004, 0.005, -0.005, 14.44, -14.44, 14.445, 1e30, -1e30, .infinity, -.infinity, .nan]
        for _ in 0..<3_000 { values.append(Double(Int.random(in: -4_000...4_000, using: &random)) / 400) }
        for a in values.prefix(400) {
            for b in values.suffix(60) + values.prefix(14) {
                for decimals in [0, 2] {
                    XCTAssertEqual(
                        NumberFormat.writesAlike(a, b, decimals: decimals),
                        NumberFormat.fixed(a, decimals: decimals) == NumberFormat.fixed(b, decimals: decimals), "\(a) \(b) \(decimals)")
                }
            }
        }
    }

    /// `rounded` is the number `fixed` writes, read back: worked out without the text, it must
    /// give the same Double (and the same sign on zero) for every value.
    func testRoundedIsTheNumberFixedWrites() {
        var random = SeededGenerator(seed: 20_261_204)
        var values: [Double] = [0, -0.0, 0.005, -0.005, 0.125, -0.125, 1.005, 2.675, 20.44, -14.44, 99.995, -100, 1e-9, 4.5e15, -4.5e15, 1.9e15, 1.7e19, 1e30, -1e300]
        for _ in 0..<20_000 {
            let magnitude = [1.0, 100, 1e4, 1e9][Int.random(in: 0..<4, using: &random)]
            values.append(Double.random(in: -magnitude...magnitude, using: &random))
            // Halves and near-halves of the last decimal, where rounding is decided.
            values.append(Double(Int.random(in: -20_000...20_000, using: &random)) / 200)
        }
        for value in values {
            for decimals in 0...4 {
                let expected = Double(NumberFormat.fixed(value, decimals: decimals))!
                let got = NumberFormat.rounded(value, decimals: decimals)
                XCTAssertEqual(got.bitPattern, expected.bitPattern, "\(value) to \(decimals) decimals: \(got) vs \(expected)")
            }
        }
    }

    func testCountsHaveThousandsSeparators() {
        XCTAssertEqual(NumberFormat.count(5807), "5,807")
        XCTAssertEqual(NumberFormat.count(36675), "36,675")
        XCTAssertEqual(NumberFormat.count(182), "182")
        XCTAssertEqual(NumberFormat.count(1_000_000), "1,000,000")
        XCTAssertEqual(NumberFormat.count(0), "0")
    }

    func testPercentagesAddUpToAHundred() {
        XCTAssertEqual(NumberFormat.percentages([0, 100, 0]), [0, 100, 0])
        XCTAssertEqual(NumberFormat.percentages([1, 1, 1]), [34, 33, 33])
        XCTAssertEqual(NumberFormat.percentages([16.67, 83.33, 0]), [17, 83, 0])
        XCTAssertEqual(NumberFormat.percentages([2, 6]), [25, 75])
        XCTAssertEqual(NumberFormat.percentages([1, 1, 1, 1, 1, 1, 1]), [15, 15, 14, 14, 14, 14, 14])
        for parts in [[33.3, 33.3, 33.4], [0.4, 0.4, 99.2], [1, 2, 3, 4, 5, 6], [12.5, 12.5, 75]] {
            XCTAssertEqual(NumberFormat.percentages(parts)?.reduce(0, +), 100, "\(parts)")
        }
        XCTAssertNil(NumberFormat.percentages([0, 0, 0]))
        XCTAssertEqual(NumberFormat.percentText([0, 0]), ["n/a", "n/a"])
        XCTAssertEqual(NumberFormat.percentText([0, 100, 0]), ["0%", "100%", "0%"])
    }

    func testFixedAndPlainDigits() {
        XCTAssertEqual(NumberFormat.fixed(3.8, decimals: 2), "3.80")
        XCTAssertEqual(NumberFormat.fixed(0.125, decimals: 2), "0.13")
        XCTAssertEqual(NumberFormat.fixed(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.005, decimals: 2), "-0.01")
        XCTAssertEqual(NumberFormat.fixed(0.05, decimals: 2), "0.05")
        XCTAssertEqual(NumberFormat.fixed(12, decimals: 0), "12")
        XCTAssertEqual(NumberFormat.fixed(-100, decimals: 1), "-100.0")
        XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "n/a")
        XCTAssertEqual(NumberFormat.plain(3.8), "3.8")
        XCTAssertEqual(NumberFormat.plain(100), "100")
        XCTAssertEqual(NumberFormat.plain(-0.001), "0")
        XCTAssertEqual(NumberFormat.plain(-20), "-20")
        XCTAssertEqual(NumberFormat.plain(0.1), "0.1")
        XCTAssertEqual(NumberFormat.plain(2.005, maxDecimals: 2), "2.01")
        XCTAssertEqual(NumberFormat.plain(0.61832061, maxDecimals: 4), "0.6183")
    }

    /// Rounding to two decimals by arithmetic gives exactly the number the written decimal parses to.
    func testTwoDecimalsMatchesTheWrittenNumber() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: state >> 11) % 4_000_000) / Double(1 << (state % 12))
        }
        var values: [Double] = [0, -0.0, 0.005, -0.005, 0.125, 2.675, 1.005, 99.995, -14.44, 20.445, 1e12 + 0.005]
        for _ in 0..<20_000 { values.append(next() - 1_000) }
        for value in values {
            let written = Double(NumberFormat.fixed(value, decimals: 2))!
            XCTAssertEqual(Rounding.twoDecimals(value), written == 0 ? 0 : written, "\(value)")
            XCTAssertFalse(Rounding.twoDecimals(value).sign == .minus && Rounding.twoDecimals(value) == 0, "no -0 for \(value)")
        }
    }
}
