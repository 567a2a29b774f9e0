import AssessJSON
import XCTest
import _AssessTestSupport

final class JSONParserTests: XCTestCase {
    func testScalarsAtTheRoot() {
        XCTAssertTrue(parseValid("null")?.isNull ?? false)
        XCTAssertEqual(parseValid("true")?.boolValue, true)
        XCTAssertEqual(parseValid(" false ")?.boolValue, false)
        XCTAssertEqual(parseValid("\"x\"")?.stringValue, "x")
        XCTAssertEqual(parseValid("\"\"")?.stringValue, "")
        XCTAssertEqual(parseValid("-12")?.numberValue?.literal, "-12")
        XCTAssertEqual(parseValid("\t\r\n 0 \n")?.doubleValue, 0)
    }

    func testContainers() throws {
        let node = try XCTUnwrap(parseValid(#"{"a": [1, 2, {"b": null}], "c": {}, "d": [], "e": [[]]}"#))
        XCTAssertEqual(node.objectValue?.keys, ["a", "c", "d", "e"])
        XCTAssertEqual(node["a"]?.arrayValue?.count, 3)
        XCTAssertTrue(node["a"]?.arrayValue?[2]["b"]?.isNull ?? false)
        XCTAssertEqual(node["c"]?.objectValue?.count, 0)
        XCTAssertEqual(node["d"]?.arrayValue?.count, 0)
        XCTAssertEqual(node["e"]?.arrayValue?.first?.arrayValue?.count, 0)
    }

    func testMembersKeepSourceOrder() {
        let keys = (0..<50).map { "k\(($0 * 37) % 50)" }
        let text = "{" + keys.map { "\"\($0)\": 1" }.joined(separator: ",") + "}"
        XCTAssertEqual(parseValid(text)?.objectValue?.keys, keys)
    }

    func testOffsetsOfValuesAndKeys() throws {
        let marked = MarkedText(
            "⟨^⟩{⟨^⟩\"a\": ⟨^⟩[⟨^⟩1, ⟨^⟩{⟨^⟩\"bé\":⟨^⟩null}],\n ⟨^⟩\"c\"  :  ⟨^⟩\"x\", ⟨^⟩\"d\": ⟨^⟩-2.5e3}")
        let o = marked.markerOffsets
        let root = try JSONParser.parse(marked.bytes).root
        XCTAssertEqual(root.offset, o[0])
        let members = try XCTUnwrap(root.objectValue?.members)
        XCTAssertEqual(members.map(\.keyOffset), [o[1], o[7], o[9]])
        XCTAssertEqual(members[0].value.offset, o[2])
        let items = try XCTUnwrap(members[0].value.arrayValue)
        XCTAssertEqual(items[0].offset, o[3])
        XCTAssertEqual(items[1].offset, o[4])
        XCTAssertEqual(items[1].objectValue?.members[0].keyOffset, o[5])
        XCTAssertEqual(items[1]["bé"]?.offset, o[6])
        XCTAssertEqual(members[1].value.offset, o[8])
        XCTAssertEqual(members[2].value.offset, o[10])
        XCTAssertEqual(SourceText(marked.bytes).position(of: o[9]), SourcePosition(line: 2, column: 15))
        XCTAssertEqual(marked.expectedPosition(9), SourcePosition(line: 2, column: 15))
    }

    // MARK: Strings

    func testEscapes() {
        XCTAssertEqual(
            parseValid(#""\" \\ \/ \b \f \n \r \t""#)?.stringValue, "\" \\ / \u{8} \u{C} \n \r \t")
        XCTAssertEqual(parseValid(#""\u0041\u00e9\u00E9\u4E2D\u0000""#)?.stringValue, "Aéé中\u{0}")
        XCTAssertEqual(parseValid(#""a\u0000b""#)?.stringValue.map { Array($0.utf8) }, [0x61, 0, 0x62])
        XCTAssertEqual(parseValid(#""\uD83D\uDE00""#)?.stringValue, "😀")
        XCTAssertEqual(parseValid(#""\ud83d\ude00!""#)?.stringValue, "😀!")
        XCTAssertEqual(parseValid(#""\uDBFF\uDFFF""#)?.stringValue, "\u{10FFFF}")
        XCTAssertEqual(parseValid(#""x\uD800\uDC00y""#)?.stringValue, "x\u{10000}y")
        XCTAssertEqual(parseValid(#""é\n日本語\t😀""#)?.stringValue, "é\n日本語\t😀")
        XCTAssertEqual(parseValid(#"{"\n": "\/"}"#)?.objectValue?.keys, ["\n"])
    }

    func testStringsWithSpecialBytesAtEveryPositionOfTheFastScan() {
        for k in 0..<24 {
            let prefix = String(repeating: "a", count: k)
            let suffix = String(repeating: "b", count: 24 - k)
            XCTAssertEqual(parseValid("\"\(prefix)é\(suffix)\"")?.stringValue, "\(prefix)é\(suffix)")
            XCTAssertEqual(parseValid("\"\(prefix)\\\"\(suffix)\"")?.stringValue, "\(prefix)\"\(suffix)")
            XCTAssertEqual(parseValid("\"\(prefix)\\\\\(suffix)\\n\"")?.stringValue, "\(prefix)\\\(suffix)\n")
            XCTAssertEqual(parseValid("[\"\(prefix)\", \"\(suffix)\"]")?.arrayValue?.map(\.stringValue), [prefix, suffix])
            XCTAssertEqual(parseValid("\"\(prefix)\u{7F}😀\(suffix)\"")?.stringValue, "\(prefix)\u{7F}😀\(suffix)")
        }
    }

    func testLongStrings() {
        let long = String(repeating: "abcdefghij", count: 10_000)
        XCTAssertEqual(parseValid("\"\(long)\"")?.stringValue, long)
        let escaped = String(repeating: "ab\\ncd\\u00e9", count: 1_000)
        XCTAssertEqual(parseValid("\"\(escaped)\"")?.stringValue, String(repeating: "ab\ncdé", count: 1_000))
    }

    // MARK: Numbers

    func testNumberLiteralsAreKeptAsWritten() {
        let literals = ["0", "-0", "1.50", "1E+2", "1e-2", "-0.0", "100", "0.000", "12345678901234567890123", "1e-400"]
        for literal in literals {
            XCTAssertEqual(parseValid(literal)?.numberValue?.literal, literal)
            XCTAssertEqual(parseValid("[\(literal)]")?.arrayValue?.first?.numberValue?.literal, literal)
        }
        XCTAssertEqual(parseValid("-0")?.doubleValue?.sign, .minus)
        XCTAssertEqual(parseValid("1e-400")?.doubleValue, 0)
        XCTAssertEqual(parseValid("1.50")?.numberValue?.isInteger, false)
        XCTAssertEqual(parseValid("1E+2")?.numberValue?.intValue, 100)
    }

    func testNumberConversionIsCorrectlyRounded() {
        let literals = [
            "0.1", "0.2", "0.3", "1e23", "8.98846567431158e307", "1.7976931348623157e308", "-1.7976931348623157e308",
            "2.2250738585072014e-308", "2.2250738585072011e-308", "4.9e-324", "5e-324", "2.4703282292062328e-324",
            "9007199254740993", "9007199254740992", "9007199254740991", "18446744073709551615", "18446744073709551616",
            "123456789012345678901234567890", "0.000000000000000000000000001", "-12.5e-3", "1e22", "1e-22", "1e23",
            "9007199254740992e22", "9007199254740993e-22", "3.141592653589793238462643383279", "1.00000000000000011102230246251565404236316680908203125",
            "7.038531e-26", "0.9999999999999999999999", "1234567890123456789", "9999999999999999999",
            "99999999999999999999", "1e0", "1E-0", "0e1000", "-0e-1000", "123.456e-2", "0.00001234e20",
        ]
        for literal in literals {
            guard let parsed = parseValid(literal)?.doubleValue, let expected = Double(literal) else {
                XCTFail("no value for \(literal)")
                continue
            }
            XCTAssertEqual(parsed.bitPattern, expected.bitPattern, literal)
        }
    }

    func testRandomNumbersMatchTheStandardLibrary() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<20_000 {
            var literal = Bool.random(using: &random) ? "-" : ""
            let integerDigits = Int.random(in: 1...20, using: &random)
            literal += String(Int.random(in: 1...9, using: &random))
            for _ in 1..<integerDigits { literal += String(Int.random(in: 0...9, using: &random)) }
            if Bool.random(using: &random) {
                literal += "."
                for _ in 0..<Int.random(in: 1...20, using: &random) { literal += String(Int.random(in: 0...9, using: &random)) }
            }
            if Bool.random(using: &random) {
                literal += ["e", "E", "e+", "e-", "E-"].randomElement(using: &random)!
                literal += String(Int.random(in: 0...40, using: &random))
            }
            guard let expected = Double(literal) else {
                XCTFail("the standard library refused \(literal)")
                continue
            }
            let parsed = (try? JSONParser.parse(literal))?.root.doubleValue
            XCTAssertEqual(parsed?.bitPattern, expected.bitPattern, literal)
        }
    }

    // MARK: Objects

    func testLargeObjectsWithoutDuplicates() {
        let count = 5_000
        let text = "{" + (0..<count).map { "\"key\($0)\": \($0)" }.joined(separator: ",\n") + "}"
        let object = parseValid(text)?.objectValue
        XCTAssertEqual(object?.count, count)
        XCTAssertEqual(object?["key4999"]?.numberValue?.intValue, 4999)
    }

    func testSameKeysInDifferentObjectsAreFine() {
        let text = #"{"a": {"a": {"a": 1}}, "b": [{"a": 1, "b": 2}, {"a": 1, "b": 2}], "c": {"a": 1}}"#
        XCTAssertEqual(parseValid(text)?.objectValue?.keys, ["a", "b", "c"])
        // Large sibling objects each get their own index.
        let inner = "{" + (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let outer = "{\"x\": \(inner), \"y\": \(inner), \"z\": [\(inner), \(inner)]}"
        XCTAssertEqual(parseValid(outer)?["z"]?.arrayValue?[1].objectValue?.count, 20)
    }

    // MARK: Byte-order mark

    func testByteOrderMarkIsSkippedWithAWarning() throws {
        let document = try JSONParser.parse("\u{FEFF}{\"a\": 1}")
        XCTAssertEqual(document.warnings, [JSONParseWarning(kind: .byteOrderMark, offset: 0)])
        XCTAssertEqual(document.warnings.first?.ruleID, "json-bom")
        XCTAssertEqual(document.root.offset, 3)
        XCTAssertEqual(document.root["a"]?.doubleValue, 1)
        XCTAssertEqual(try JSONParser.parse("{}").warnings, [])
    }

    func testByteOrderMarkTakesNoColumn() {
        let text = SourceText(Array("\u{FEFF}{\n}".utf8))
        XCTAssertEqual(text.position(of: 0), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(text.position(of: 3), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(text.position(of: 4), SourcePosition(line: 1, column: 2))
        XCTAssertEqual(text.position(of: 5), SourcePosition(line: 2, column: 1))
        XCTAssertEqual(text.line(1), "{")
        XCTAssertEqual(text.line(2), "}")
    }

    // MARK: Input forms

    func testStringAndByteInputsAgree() throws {
        let text = #"{"é": [1, "x"]}"#
        let fromString = try JSONParser.parse(text).root
        let fromSubstring = try JSONParser.parse(text.dropFirst(0)).root
        let fromBytes = try JSONParser.parse(Array(text.utf8)).root
        XCTAssertTrue(identical(fromString, fromBytes))
        XCTAssertTrue(identical(fromSubstring, fromBytes))
    }

    func testMaxBytesAllowsTheExactLimit() {
        let text = "[" + String(repeating: " ", count: 8 * 1024 * 1024 - 2) + "]"
        XCTAssertEqual(parseValid(text)?.arrayValue?.count, 0)
    }
}
