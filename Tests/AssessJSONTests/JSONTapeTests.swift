import AssessJSON
import XCTest
import _AssessTestSupport

/// The tape against the tree: the same parser must accept and refuse the same sources with the
/// same errors, and both must read the same values.
final class JSONTapeTests: XCTestCase {
    let document = #"""
        {
          "$schema": "../x.json",
          "slug": "an-item",
          "escaped \"key\"": "tab\there, \u00e9 and \ud83d\ude00",
          "caf\u00e9": "e with acute, escaped",
          "cafe": 1,
          "nested": {"a": [1, 2.5, -0, 1e2, true, false, null, [], {}], "b": {"c": {"d": "deep"}}},
          "numbers": [0, -12, 9007199254740993, 1.0, 3.25e-3, 123456789012345678901234567890],
          "empty": "",
          "long": "a string well over fifteen bytes, with ünïcödé in it",
          "objects": [{"index": 0, "score": 1.5}, {"index": 1, "score": -2}]
        }
        """#

    func testTapeReadsWhatTheTreeReads() throws {
        let root = try XCTUnwrap(parseValid(document))
        let tape = try JSONTape.parse(Array(document.utf8))
        XCTAssertEqual(tape.root["escaped \"key\""]?.stringValue, "tab\there, é and 😀")
        XCTAssertEqual(tape.root["nested"]?["b"]?["c"]?["d"]?.stringValue, "deep")
        XCTAssertEqual(tape.root["numbers"]?.elements.map { $0.map(\.intValue) }, [0, -12, 9_007_199_254_740_992, 1, nil, nil])
        XCTAssertEqual(tape.root["objects"]?.elements.map { $0.compactMap { $0["score"]?.doubleValue } }, [1.5, -2])
        XCTAssertNil(tape.root["slug"]?["x"])
        XCTAssertNil(tape.root["nested"]?["a"]?.stringValue)
        XCTAssertEqual(tape.root["numbers"]?.typeName, "array")
        XCTAssertEqual(root["numbers"]?.elements?.map(\.typeName), tape.root["numbers"]?.elements.map { $0.map(\.typeName) })
    }

    func testScalarMembersComeInOrderWithTheirValues() throws {
        let text = #"{"index": 3, "score": -1.5, "estimated": true, "no": false, "gap": null, "n\u0061me": "x", "a": [1], "o": {"p": 1}}"#
        let tape = try JSONTape.parse(Array(text.utf8)).root
        var seen: [(String, JSONScalar)] = []
        tape.forEachScalarMember { seen.append((String(decoding: $0, as: UTF8.self), $1)) }
        XCTAssertEqual(seen.map(\.0), ["index", "score", "estimated", "no", "gap", "name", "a", "o"])
        XCTAssertEqual(seen.map(\.1), [.number(3), .number(-1.5), .bool(true), .bool(false), .null, .string, .array, .object])
        XCTAssertEqual(seen.map(\.1.intValue), [3, nil, nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(seen.map(\.1.boolValue), [nil, nil, true, false, nil, nil, nil, nil])
        // Not an object: no members.
        var calls = 0
        tape["a"]?.forEachScalarMember { _, _ in calls += 1 }
        tape["index"]?.forEachScalarMember { _, _ in calls += 1 }
        XCTAssertEqual(calls, 0)
    }

    func testArraysCountTheirOwnElementsWhateverIsNestedInThem() throws {
        let text = #"[[], [[]], [1, [2, 3], {"a": [4, 5, 6]}, "x"], {"b": []}, [{}, {}, {}], 7]"#
        let tape = try JSONTape.parse(Array(text.utf8)).root
        func counts(_ value: JSONTape.Value) -> [Int] {
            guard let elements = value.elements.map(Array.init) else { return [] }
            return [elements.count] + elements.flatMap(counts)
        }
        XCTAssertEqual(counts(tape), [6, 0, 1, 0, 4, 2, 3])
        func element(_ value: JSONTape.Value?, _ index: Int) -> JSONTape.Value? { value?.elements.map(Array.init)?[index] }
        XCTAssertEqual(element(element(tape, 2), 2)?["a"]?.elements.map { Array($0).compactMap(\.intValue) }, [4, 5, 6])
        XCTAssertEqual(element(tape, 3)?["b"]?.elements.map { Array($0).count }, 0)
        XCTAssertEqual(element(tape, 5)?.intValue, 7)
        try assertSameReading(XCTUnwrap(parseValid(text)), tape)
    }

    func testKeysAreLookedUpAsTheTreeLooksThemUp() throws {
        // Keys match when they have as many UTF-8 bytes and are canonically equivalent. "é"
        // written two ways, and the Kelvin sign and "K", differ in length and are told apart;
        // the angstrom sign and A with a combining ring are both 3 bytes and match.
        let text = #"{"e\u0301": 1, "é": 2, "\u212A": 3, "K": 4, "\u212B": 5, "Å": 6}"#
        let root = try XCTUnwrap(parseValid(text))
        let tape = try JSONTape.parse(Array(text.utf8)).root
        for key in ["é", "e\u{301}", "K", "\u{212A}", "k", "\u{212B}", "Å", "A\u{30A}"] {
            XCTAssertEqual(tape[key]?.intValue, root[key]?.intValue, key)
        }
        XCTAssertEqual(tape["é"]?.intValue, 2)
        XCTAssertEqual(tape["e\u{301}"]?.intValue, 1)
        XCTAssertEqual(tape["K"]?.intValue, 4)
        XCTAssertEqual(tape["A\u{30A}"]?.intValue, 5)
    }

    func testShortKeysAreFoundNearTheEndOfTheSourceAndWhenEscaped() throws {
        // Short keys are compared by whole words only where 16 bytes of source follow them.
        for text in [#"{"a":1}"#, #"{"ab":1,"a":2}"#, #"{"\u0061":1}"#, #"{"fifteen-bytes-k":1}"#, #"{"x":{"a":1}}"#] {
            let root = try XCTUnwrap(parseValid(text))
            let tape = try JSONTape.parse(Array(text.utf8)).root
            for key in ["a", "ab", "fifteen-bytes-k", "fifteen-bytes-", "b", ""] {
                XCTAssertEqual(tape[key]?.intValue, root[key]?.intValue, "\(key) in \(text)")
            }
        }
        let padded = #"{"score": 1, "scoreX": 2, "s": 3, "padding": "........................"}"#
        let tape = try JSONTape.parse(Array(padded.utf8)).root
        XCTAssertEqual(tape["score"]?.intValue, 1)
        XCTAssertEqual(tape["scoreX"]?.intValue, 2)
        XCTAssertEqual(tape["s"]?.intValue, 3)
        XCTAssertNil(tape["scor"])
        XCTAssertNil(tape["score "])
    }

    func testDuplicateKeysAreRefusedAtTheSecondKey() {
        // Escaped and plain spellings of one key, in small and large objects.
        assertParseError(#"{"a": 1, "b": 2, ⟨^⟩"\u0061": 3}"#, .duplicateKey("a", first: SourcePosition(line: 1, column: 2)), 1, 18)
        let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let text = "{\(many), ⟨^⟩\"k\\u0037\": 0}"
        let first = Array(text.utf8).firstRange(of: Array("\"k7\"".utf8))!.lowerBound
        let marked = MarkedText(text)
        assertParseError(text, .duplicateKey("k7", first: SourcePosition(line: 1, column: first + 1)), 1, marked.offset + 1)
    }

    /// Keys of one length whose first, middle and last bytes agree share one bit of the builder's
    /// key filter: they are still told apart by their bytes, and a real duplicate among them is found.
    func testKeysAlikeAtTheEndsAndMiddleAreToldApart() {
        let keys = (0..<20).map { "a\($0 % 10)b\($0 / 10)a" }
        let members = keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ", ")
        XCTAssertNotNil(parseValid("{\(members)}"))
        let text = "{\(members), ⟨^⟩\"a7b1a\": 0}"
        let first = Array(text.utf8).firstRange(of: Array("\"a7b1a\"".utf8))!.lowerBound
        let marked = MarkedText(text)
        assertParseError(text, .duplicateKey("a7b1a", first: SourcePosition(line: 1, column: first + 1)), 1, marked.offset + 1)
    }

    /// `mayContain` is false only when the text is nowhere in the source or in decoded strings:
    /// found at either end, past an eight-byte word, after a false start, and behind an escape.
    func testMayContainFindsTextWhereverItIs() throws {
        func tape(_ text: String) throws -> JSONTape.Value { try JSONTape.parse(Array(text.utf8)).root }
        XCTAssertTrue(try tape(#"["TODO"]"#).mayContain("TODO"))
        XCTAssertTrue(try tape(#"{"a": "xxxxxxxxxxxxxxxxxxxxTODO"}"#).mayContain("TODO"))
        XCTAssertTrue(try tape(#"{"a": "TOTOTODO"}"#).mayContain("TODO"), "after false starts")
        XCTAssertTrue(try tape("[1, \"xTOD\"]").mayContain("TOD"), "at the very end of a string")
        XCTAssertTrue(try tape("[1]").mayContain("1]"), "at the very end of the source")
        XCTAssertTrue(try tape("[1, 2, 3, 4, 5, 6]").mayContain("6]"), "past the last whole word")
        XCTAssertFalse(try tape("[1, 2, 3, 4, 5, 6]").mayContain("6]]"), "longer than what is left")
        XCTAssertTrue(try tape(#"["\u0054ODO"]"#).mayContain("TODO"), "behind an escape")
        XCTAssertFalse(try tape(#"["\u0054OD"]"#).mayContain("TODO"))
        XCTAssertFalse(try tape(#"{"a": "TOD O", "b": "todo", "c": "TOTOD"}"#).mayContain("TODO"))
        XCTAssertFalse(try tape("1").mayContain("TODO"), "a source shorter than the text")
        XCTAssertTrue(try tape("1").mayContain(""))
        XCTAssertTrue(JSONNode(.null).mayContain("TODO"), "a tree cannot tell")
    }

    /// Random damage to a valid document: whatever the tree makes of it, the tape makes the same.
    func testDamagedSourcesGetTheSameVerdictFromBoth() {
        var random = SeededGenerator(seed: 2026)
        let original = Array(document.utf8)
        let replacements: [UInt8] = Array(#"{}[]",:\"0123456789.eE+-tfnu "#.utf8) + [0x00, 0x0A, 0x80, 0xC3, 0xE2, 0xFF]
        var refused = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[at] = replacements.randomElement(using: &random)!
                case 1: bytes.remove(at: at)
                default: bytes.insert(replacements.randomElement(using: &random)!, at: at)
                }
            }
            let tree = Result { () throws(JSONParseError) in try JSONParser.parse(bytes) }
            let tape = Result { () throws(JSONParseError) in try JSONTape.parse(bytes) }
            switch (tree, tape) {
            case (.success(let document), .success(let tape)):
                assertSameReading(document.root, tape.root)
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a, b)
                refused += 1
            default:
                XCTFail("the tree and the tape disagree on \(String(decoding: bytes, as: UTF8.self))")
            }
        }
        // Most damage breaks the document; some leaves it valid. Both kinds were tried.
        XCTAssertGreaterThan(refused, 1_000)
        XCTAssertLessThan(refused, 3_000)
    }
}
