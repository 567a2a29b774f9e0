import AssessJSON
import XCTest
import _AssessTestSupport

final class JSONWriterTests: XCTestCase {
    let sample: JSONNode = [
        "name": "assess",
        "list": [true, nil, 1.5, -2],
        "empty object": [:],
        "empty array": [],
        "nested": ["a": ["b": []]],
    ]

    func testPrettyPrinting() {
        XCTAssertEqual(
            JSONWriter.write(sample),
            """
            {
              "name": "assess",
              "list": [
                true,
                null,
                1.5,
                -2
              ],
              "empty object": {},
              "empty array": [],
              "nested": {
                "a": {
                  "b": []
                }
              }
            }

            """)
    }

    func testIndentWidth() {
        XCTAssertEqual(JSONWriter.write(["a": [1]], indent: 4), "{\n    \"a\": [\n        1\n    ]\n}\n")
    }

    func testCompact() {
        XCTAssertEqual(
            JSONWriter.write(sample, indent: 0),
            #"{"name":"assess","list":[true,null,1.5,-2],"empty object":{},"empty array":[],"nested":{"a":{"b":[]}}}"#
                + "\n")
    }

    func testScalarsAndEmptyContainersAtTheRoot() {
        XCTAssertEqual(JSONWriter.write(nil), "null\n")
        XCTAssertEqual(JSONWriter.write(true), "true\n")
        XCTAssertEqual(JSONWriter.write(42), "42\n")
        XCTAssertEqual(JSONWriter.write("x"), "\"x\"\n")
        XCTAssertEqual(JSONWriter.write([]), "[]\n")
        XCTAssertEqual(JSONWriter.write([:]), "{}\n")
    }

    func testNumbersAreWrittenByLiteral() throws {
        let node = try JSONParser.parse("[1.50, 1E+2, -0, 12345678901234567890123, 1e-400]").root
        XCTAssertEqual(JSONWriter.write(node, indent: 0), "[1.50,1E+2,-0,12345678901234567890123,1e-400]\n")
        XCTAssertEqual(
            JSONWriter.write(JSONNode(.number(JSONNumber(Double.infinity))), indent: 0), "null\n",
            "JSON has no infinity")
    }

    func testStringEscaping() {
        XCTAssertEqual(
            JSONWriter.quoted("a\"b\\c/d\n\r\t\u{8}\u{C}\u{1}\u{1F}\u{0}\u{7F}é😀\u{2028}"),
            #""a\"b\\c/d\n\r\t\b\f\u0001\u001F\u0000"# + "\u{7F}é😀\u{2028}\"")
        XCTAssertEqual(JSONWriter.write(["k\"ey": "v"], indent: 0), #"{"k\"ey":"v"}"# + "\n")
    }

    func testMembersKeepStoredOrder() {
        let object = JSONNode(.object(JSONObject([
            JSONMember(key: "z", value: 1), JSONMember(key: "a", value: 2), JSONMember(key: "m", value: 3),
        ])))
        XCTAssertEqual(JSONWriter.write(object, indent: 0), #"{"z":1,"a":2,"m":3}"# + "\n")
    }

    func testRoundTripOfASample() throws {
        for indent in [0, 1, 2, 4] {
            let text = JSONWriter.write(sample, indent: indent)
            let parsed = try JSONParser.parse(text).root
            XCTAssertTrue(identical(parsed, sample), text)
            XCTAssertEqual(JSONWriter.write(parsed, indent: indent), text, "writing is stable")
        }
    }

    func testRoundTripOfRandomDocuments() throws {
        var random = SeededGenerator(seed: 7)
        for round in 0..<300 {
            let node = randomNode(depth: 0, random: &random)
            for indent in [0, 2] {
                let text = JSONWriter.write(node, indent: indent)
                let parsed: JSONNode
                do {
                    parsed = try JSONParser.parse(text).root
                } catch {
                    XCTFail("round \(round): \(error)\n\(text)")
                    continue
                }
                XCTAssertTrue(identical(parsed, node), "round \(round):\n\(text)")
                XCTAssertTrue(parsed.jsonEquals(node))
                XCTAssertEqual(JSONWriter.write(parsed, indent: indent), text)
            }
        }
    }

    func testRoundTripOfParsedTextWithEscapes() throws {
        let source = #"{"a\u0000b": "\ud83d\ude00\t\"\\\/\u001f", "n": [-0.0e-0, 1E300]}"#
        let node = try JSONParser.parse(source).root
        let again = try JSONParser.parse(JSONWriter.write(node)).root
        XCTAssertTrue(identical(node, again))
        XCTAssertEqual(again.objectValue?.keys.first, "a\u{0}b")
        XCTAssertEqual(again["a\u{0}b"]?.stringValue, "😀\t\"\\/\u{1F}")
    }

    func testWritingVeryDeepValuesDoesNotUseTheCallStack() throws {
        let depth = 20_000
        var node: JSONNode = 1
        for k in 0..<depth { node = k % 2 == 0 ? [node] : ["k": node] }
        let text = JSONWriter.write(node, indent: 0)
        XCTAssertEqual(text.utf8.count, depth / 2 * 2 + depth / 2 * 6 + 2)
        XCTAssertNoThrow(try JSONParser.parse(text, options: JSONParseOptions(maxDepth: depth)))
    }

    // MARK: Random documents

    private func randomNode(depth: Int, random: inout SeededGenerator) -> JSONNode {
        let pick = Int.random(in: 0..<(depth >= 5 ? 4 : 7), using: &random)
        switch pick {
        case 0: return nil
        case 1: return JSONNode(booleanLiteral: Bool.random(using: &random))
        case 2:
            let literals = ["0", "-0", "1", "-17", "3.25", "1e10", "-2.5E-3", "123456789012345678901", "0.1", "1E+300"]
            let literal = literals.randomElement(using: &random)!
            return JSONNode(.number(JSONNumber(literal: literal, double: Double(literal)!)))
        case 3: return JSONNode(.string(randomString(random: &random)))
        case 4, 5:
            return JSONNode(.array((0..<Int.random(in: 0...4, using: &random)).map { _ in
                randomNode(depth: depth + 1, random: &random)
            }))
        default:
            var members: [JSONMember] = []
            var seen = Set<String>()
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let key = randomString(random: &random)
                guard !seen.contains(key) else { continue }
                seen.insert(key)
                members.append(JSONMember(key: key, value: randomNode(depth: depth + 1, random: &random)))
            }
            return JSONNode(.object(JSONObject(members)))
        }
    }

    private func randomString(random: inout SeededGenerator) -> String {
        let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "日", "😀", "\u{2028}", "~", "{", "]"]
        var result = ""
        for _ in 0..<Int.random(in: 0...12, using: &random) { result += pieces.randomElement(using: &random)! }
        return result
    }
}
