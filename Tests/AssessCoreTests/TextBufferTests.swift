@testable import AssessCore
import XCTest

final class TextBufferTests: XCTestCase {
    func testAppendsStringsLiteralsScalarsAndNumbers() {
        var out = TextBuffer(capacity: 1)
        let name = "naïve"
        out.append("literal ")
        out.append(name)
        out.append(ascii: " ")
        out.append("●" as Unicode.Scalar)
        out.append("━", count: 3)
        out.appendSpaces(2)
        out.append(decimal: 7)
        out.append(ascii: ":")
        out.append(decimal: 7, minimumDigits: 2)
        out.append(ascii: ":")
        out.append(decimal: 12_345, minimumDigits: 8)
        out.append(ascii: " ")
        out.append(decimal: -42)
        out.append(scalarsAt: 0..<3) { ["a", "é", "▁"][$0] }
        out.appendNewline()
        XCTAssertEqual(out.string, "literal naïve ●━━━  7:07:00012345 -42aé▁\n")
        XCTAssertEqual(out.count, out.string.utf8.count)
    }

    func testGrowsPastItsCapacity() {
        var out = TextBuffer(capacity: 4)
        var expected = ""
        for index in 0..<500 {
            out.append(decimal: UInt64(index))
            out.appendSpaces(index % 40)
            expected += String(index) + String(repeating: " ", count: index % 40)
        }
        XCTAssertEqual(out.string, expected)
    }

    func testLinesRemoveAllAndSubscript() {
        var out = TextBuffer()
        out.append("one\n\nthree\n")
        XCTAssertEqual(out.lines, ["one", "", "three"])
        out.removeAll(from: 4)
        out.append("two")
        XCTAssertEqual(out.lines, ["one", "two"])
        out[0] = UInt8(ascii: "O")
        XCTAssertEqual(out[0], UInt8(ascii: "O"))
        XCTAssertEqual(out.string, "One\ntwo")
        out.removeAll()
        XCTAssertEqual(out.string, "")
    }

    /// Trimming drops the spaces `String.trimmedRight` drops, also where a space belongs to the
    /// character before it (U+0600 is a prepended mark, joined with what follows it).
    func testTrimsTrailingSpacesAsStringsDo() {
        for line in ["a  ", "   ", "x", "é  ", "−5 ", "prepend \u{600}   ", "a \u{600} "] {
            var out = TextBuffer()
            out.append("kept  ")
            let start = out.count
            out.append(line)
            out.trimTrailingSpaces(from: start)
            XCTAssertEqual(out.string, "kept  " + line.trimmedRight, line.debugDescription)
        }
    }

    func testCharacterCountAgreesWithStrings() {
        let texts = [
            "", "plain", "exactly8", "longer than eight bytes of ASCII text", "−24.24 risk-forward", "◖━━━━━━◗ ● ├─┼─┤ ▁▂▃▄▅▆▇█",
            "a\r\nb", "tab\there", "e\u{301}", "👍🏽", "🇫🇷", "x\u{FE0F}", "soft\u{AD}hyphen", "café · naïve — “quoted” … →",
            "\u{1B}[1;33m−6.81 mixed\u{1B}[0m", "del\u{7F}ete", "ᄀ\u{1161}", "a\u{200D}b", "\u{20DD}○",
        ]
        for text in texts {
            var out = TextBuffer()
            out.append("prefix")
            out.append(text)
            XCTAssertEqual(out.characterCount(from: 6), text.count, text.debugDescription)
            XCTAssertEqual(text.characterCount, text.count, text.debugDescription)
        }
    }

    func testPrintablePrefixAndNewlines() {
        func bytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            var text = text
            return text.withUTF8(body)
        }
        XCTAssertEqual(bytes("printable ASCII only", UTF8Text.printablePrefix), 20)
        XCTAssertEqual(bytes("twelve bytes\u{7F}", UTF8Text.printablePrefix), 12)
        XCTAssertEqual(bytes("ten bytes!\ttab", UTF8Text.printablePrefix), 10)
        XCTAssertEqual(bytes("seven b−", UTF8Text.printablePrefix), 7)
        XCTAssertEqual(bytes("", UTF8Text.printablePrefix), 0)
        for position in 0..<20 {
            var text = String(repeating: "x", count: 20)
            XCTAssertFalse(bytes(text, UTF8Text.containsNewline))
            text.insert("\n", at: text.index(text.startIndex, offsetBy: position))
            XCTAssertTrue(bytes(text, UTF8Text.containsNewline), "newline at \(position)")
        }
        XCTAssertFalse(bytes("no newline but \u{0B}\u{0C}\r and ◖━◗", UTF8Text.containsNewline))
    }
}

final class ByteFormattingTests: XCTestCase {
    /// Numbers written as digits of the value scaled and rounded half away from zero.
    private func reference(_ value: Double, decimals: Int, trimmingZeros: Bool, plus: Bool) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = UInt64((abs(value) * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero))
        var digits = String(scaled)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
        var whole = String(digits.dropLast(decimals)), fraction = String(digits.suffix(decimals))
        if trimmingZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        if !fraction.isEmpty { whole += "." + fraction }
        if scaled == 0 { return whole }
        return (value < 0 ? "-" : (plus ? "+" : "")) + whole
    }

    func testNumbersMatchTheirDigits() {
        var values: [Double] = [0, 0.125, -0.125, 2.005, 1.005, -0.005, -0.004, 99.995, 100, -100, 1e-9, 12345.678, 0.61832061]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 { values.append(Double.random(in: -150...150, using: &generator)) }
        for value in values {
            XCTAssertEqual(NumberFormat.plain(value), reference(value, decimals: 2, trimmingZeros: true, plus: false), "\(value)")
            XCTAssertEqual(NumberFormat.plain(value, maxDecimals: 4), reference(value, decimals: 4, trimmingZeros: true, plus: false), "\(value)")
            XCTAssertEqual(NumberFormat.fixed(value, decimals: 2), reference(value, decimals: 2, trimmingZeros: false, plus: false), "\(value)")
            XCTAssertEqual(NumberFormat.fixed(value, decimals: 0), reference(value, decimals: 0, trimmingZeros: false, plus: false), "\(value)")
            XCTAssertEqual(NumberFormat.signed(value), reference(value, decimals: 2, trimmingZeros: false, plus: true), "\(value)")
            XCTAssertEqual(NumberFormat.score(value), NumberFormat.display(NumberFormat.plain(value)), "\(value)")
            XCTAssertEqual(NumberFormat.delta(value), NumberFormat.display(NumberFormat.signed(value)), "\(value)")
        }
    }

    func testValuesThatAreNotFinite() {
        XCTAssertEqual(NumberFormat.plain(.nan), "n/a")
        XCTAssertEqual(NumberFormat.plain(-.infinity), "-inf")
        XCTAssertEqual(NumberFormat.fixed(.infinity, decimals: 2), "inf")
        XCTAssertEqual(NumberFormat.signed(.nan), "+n/a")
        XCTAssertEqual(NumberFormat.signed(.infinity), "+inf")
        XCTAssertEqual(NumberFormat.signed(-.infinity), "-inf")
        XCTAssertEqual(NumberFormat.score(-.infinity), "\u{2212}inf")
        XCTAssertEqual(NumberFormat.delta(.nan), "+n/a")
    }

    func testCountsAndClockTimes() {
        XCTAssertEqual(NumberFormat.count(0), "0")
        XCTAssertEqual(NumberFormat.count(999), "999")
        XCTAssertEqual(NumberFormat.count(1000), "1,000")
        XCTAssertEqual(NumberFormat.count(1_234_567), "1,234,567")
        XCTAssertEqual(NumberFormat.count(-5807), "\u{2212}5,807")
        XCTAssertEqual(NumberFormat.count(Int.min), "\u{2212}9,223,372,036,854,775,808")
        let expected = [
            -5: "00:00:00", 0: "00:00:00", 1: "00:00:01", 59: "00:00:59", 60: "00:01:00", 3599: "00:59:59", 3600: "01:00:00",
            86_399: "23:59:59", 359_999: "99:59:59", 360_000: "100:00:00", 1_000_000: "277:46:40",
        ]
        for (seconds, text) in expected {
            XCTAssertEqual(ClockTime.format(seconds), text, "\(seconds)")
            // Times round-trip where the format allows it (two-digit hours).
            if seconds >= 0, seconds < 360_000 { XCTAssertEqual(ClockTime.seconds(text), seconds) }
        }
    }
}

final class TextTableTests: XCTestCase {
    func testColumnsArePaddedAlignedAndTrimmed() {
        var table = TextTable(header: ["name", "n", "note"], rightAligned: [1])
        table.add("a")
        table.add { $0.append(decimal: 12_345) }
        table.add("")
        table.endRow()
        table.add("longer name")
        table.add("−5")
        table.add("ends in spaces  ")
        table.endRow()
        XCTAssertEqual(
            table.render(style: .plain, indent: "  "),
            [
                "  name             n  note",
                "  a            12345",
                "  longer name     −5  ends in spaces",
            ])
    }

    func testPaintsWithoutCountingColourCodes() {
        let style = TerminalStyle(enabled: true)
        var direct = TextTable(header: ["band", "verdict"])
        direct.add("mixed", paint: .cyan)
        direct.add("agree", paint: .green)
        direct.endRow()
        let cells = TextTable(
            header: ["band", "verdict"], rows: [[TextTable.Cell("mixed", paint: style.cyan), TextTable.Cell("agree", paint: style.green)]])
        let expected = [
            "\u{1B}[1mband\u{1B}[0m   \u{1B}[1mverdict\u{1B}[0m",
            "\u{1B}[36mmixed\u{1B}[0m  \u{1B}[32magree\u{1B}[0m",
        ]
        XCTAssertEqual(direct.render(style: style), expected)
        XCTAssertEqual(cells.render(style: style), expected)
    }

    /// Cells past the header's columns keep their own width.
    func testRowsLongerThanTheHeader() {
        let table = TextTable(header: ["a"], rows: [[TextTable.Cell("x"), TextTable.Cell("y"), TextTable.Cell("z")]])
        XCTAssertEqual(table.render(style: .plain), ["a", "x  y  z"])
    }
}

final class FieldWrappingTests: XCTestCase {
    func testFieldsContinueUnderTheirFirstLine() {
        var out = TextBuffer()
        Wrapping.writeField("label", "one two three four five", labelWidth: 8, width: 9, into: &out)
        Wrapping.writeField("a very long label", "fits", labelWidth: 8, width: 9, into: &out)
        Wrapping.writeField("empty", "", labelWidth: 8, width: 9, into: &out)
        XCTAssertEqual(
            out.string,
            "  label   one two\n          three\n          four five\n  a very long labelfits\n  empty   \n")
    }

    /// Text that cannot be split by bytes is wrapped by characters even when that is found
    /// only after some of it was written.
    func testLateCarriageReturnsAndMarksFallBackToCharacters() {
        for text in ["several words that wrap before the end\r\nof the text", "words that wrap before a mark after a space \u{301}x"] {
            var lines: [String] = []
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = ""
                for word in paragraph.split(separator: " ") {
                    if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= 12 { line += " " + word } else {
                        lines.append(line)
                        line = String(word)
                    }
                }
                lines.append(line)
            }
            XCTAssertEqual(Wrapping.wrap(text, width: 12), lines, text.debugDescription)
            var out = TextBuffer()
            Wrapping.write(text, width: 12, indent: 2, into: &out)
            XCTAssertEqual(out.string, lines.joined(separator: "\n  ") + "\n", text.debugDescription)
        }
    }
}
