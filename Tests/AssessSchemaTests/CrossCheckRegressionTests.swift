import AssessJSON
import AssessSchema
import Foundation
import XCTest

/// Regressions found by cross-checking against another draft 2020-12 implementation
/// (Python `jsonschema`) and, for `pattern`, against ECMA-262 (`new RegExp(p, "u")`).
final class CrossCheckRegressionTests: XCTestCase {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONNode {
        do {
            return try JSONParser.parse(text).root
        } catch {
            XCTFail("test JSON does not parse: \(error)", file: file, line: line)
            return JSONNode(.null)
        }
    }

    /// Validity of `instance`; fails the test when `isValid` and `validate` disagree.
    private func valid(
        _ schema: String, _ instance: String, formats: Bool = false, file: StaticString = #filePath, line: UInt = #line
    ) throws -> Bool {
        let compiled = try SchemaCompiler(options: ValidationOptions(formatAssertion: formats)).compile(parse(schema))
        let node = parse(instance, file: file, line: line)
        let fast = compiled.isValid(node)
        XCTAssertEqual(fast, compiled.validate(node).isEmpty, "isValid and validate disagree", file: file, line: line)
        let tape = try JSONTape.parse(Array(instance.utf8))
        XCTAssertEqual(compiled.isValid(tape.root), fast, "isValid on a tape and on the tree disagree", file: file, line: line)
        return fast
    }

    private func compiles(_ schema: String) -> Bool {
        (try? SchemaCompiler().compile(parse(schema))) != nil
    }

    // MARK: Quick forms answer only "holds"; the rest is the general form's

    func testConstAndUniqueItemsQuickFormsAgreeWithTheGeneralForm() throws {
        XCTAssertTrue(try valid(#"{"const": 1}"#, "1"))
        XCTAssertTrue(try valid(#"{"const": 1}"#, "1.0"), "another spelling of the same number")
        XCTAssertTrue(try valid(#"{"const": 100}"#, "1e2"))
        XCTAssertFalse(try valid(#"{"const": 1}"#, "2"))
        XCTAssertFalse(try valid(#"{"const": 1}"#, #""1""#))
        XCTAssertTrue(try valid(#"{"const": 12345678901234567890}"#, "12345678901234567890"), "a literal over 16 characters")
        XCTAssertTrue(try valid(#"{"const": "partial"}"#, #""partial""#))
        XCTAssertFalse(try valid(#"{"const": "partial"}"#, #""full""#))
        XCTAssertFalse(try valid(#"{"const": "é"}"#, #""é""#))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, #"["a", "b", "ab"]"#))
        XCTAssertFalse(try valid(#"{"uniqueItems": true}"#, #"["a", "b", "a"]"#))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, #"["é", "é"]"#))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, #"[1, "1"]"#))
        XCTAssertFalse(try valid(#"{"uniqueItems": true}"#, #"[1, 1.0]"#))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, "[]"))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, "[{}]"))
        let many = (0..<40).map { "\"s\($0)\"" }
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, "[\(many.joined(separator: ", "))]"))
        XCTAssertFalse(try valid(#"{"uniqueItems": true}"#, "[\((many + ["\"s3\""]).joined(separator: ", "))]"))
        // At the limit: equal Doubles are not always equal numbers.
        XCTAssertTrue(try valid(#"{"minimum": 0, "maximum": 100}"#, "0"))
        XCTAssertTrue(try valid(#"{"minimum": 0, "maximum": 100}"#, "-0"))
        XCTAssertTrue(try valid(#"{"minimum": 0, "maximum": 100}"#, "100"))
        XCTAssertTrue(try valid(#"{"minimum": 0, "maximum": 100}"#, "1e2"))
        XCTAssertFalse(try valid(#"{"minimum": 0}"#, "-1e-400"), "below zero, though its Double is -0")
        XCTAssertFalse(try valid(#"{"maximum": 100}"#, "100.0000000000000001"), "above 100, though its Double is 100")
        XCTAssertFalse(try valid(#"{"minimum": -100}"#, "-100.0000000000000001"))
        XCTAssertTrue(try valid(#"{"minimum": -100.0}"#, "-100"))
        XCTAssertTrue(try valid(#"{"maximum": 9007199254740993}"#, "9007199254740993"))
        XCTAssertFalse(try valid(#"{"maximum": 9007199254740992}"#, "9007199254740993"), "one more, with the same Double")
        XCTAssertTrue(try valid(#"{"format": "date-time"}"#, #""2026-04-02T00:00:00Z""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "date-time"}"#, #""2026-02-30T00:00:00Z""#, formats: true))
        XCTAssertTrue(try valid(#"{"format": "date"}"#, "12", formats: true), "format asserts nothing of a number")
        XCTAssertTrue(try valid(#"{"format": "email"}"#, #""a.b+c@example.org""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "email"}"#, #""a..b@example.org""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "email"}"#, #"".ab@example.org""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "email"}"#, #""ab.@example.org""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "email"}"#, #""ab@ex--ample.org""#, formats: true), "-- at 3-4 needs xn--")
        XCTAssertTrue(try valid(#"{"format": "email"}"#, #""ab@XN--bcher-kva.example""#, formats: true), "an A-label, in capitals")
    }

    // MARK: Property names compare by code points

    /// "\u00e9" (é) and "e\u0301" (e + combining acute) are canonically equivalent, so Swift's
    /// `String ==` and hashing call them equal; JSON Schema compares code points.
    func testPropertyNamesAreNotUnicodeNormalized() throws {
        let decomposed = #"{"e\u0301": 1}"#
        XCTAssertFalse(try valid(#"{"required": ["\u00e9"]}"#, decomposed))
        XCTAssertTrue(try valid(#"{"properties": {"\u00e9": false}}"#, decomposed))
        XCTAssertFalse(try valid(#"{"properties": {"\u00e9": true}, "additionalProperties": false}"#, decomposed))
        XCTAssertFalse(try valid(#"{"properties": {"\u00e9": true}, "unevaluatedProperties": false}"#, decomposed))
        XCTAssertTrue(try valid(#"{"dependentRequired": {"\u00e9": ["x"]}}"#, decomposed))
        XCTAssertTrue(try valid(#"{"dependentSchemas": {"\u00e9": false}}"#, decomposed))
        XCTAssertFalse(try valid(#"{"const": {"\u00e9": 1}}"#, decomposed))
        XCTAssertFalse(try valid(#"{"enum": [{"\u00e9": 1}]}"#, decomposed))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, #"[{"\u00e9": 1}, {"e\u0301": 1}]"#))
        // KELVIN SIGN is canonically equivalent to "K".
        XCTAssertFalse(try valid(#"{"required": ["K"]}"#, #"{"\u212a": 1}"#))
        // Two schema properties that differ only by normalization stay two.
        let both = #"{"properties": {"\u00e9": {"type": "string"}, "e\u0301": {"type": "integer"}}}"#
        XCTAssertTrue(try valid(both, #"{"\u00e9": "x", "e\u0301": 1}"#))
        XCTAssertFalse(try valid(both, #"{"e\u0301": "x"}"#))
        // The same exact names still match.
        XCTAssertTrue(try valid(#"{"required": ["\u00e9"], "properties": {"\u00e9": {"const": 1}}}"#, #"{"\u00e9": 1}"#))
        // Patterns too (one compiled regex per distinct pattern).
        let patterns = #"{"properties": {"a": {"pattern": "^\u00e9$"}, "b": {"pattern": "^e\u0301$"}}}"#
        XCTAssertTrue(try valid(patterns, #"{"a": "\u00e9", "b": "e\u0301"}"#))
        XCTAssertFalse(try valid(patterns, #"{"b": "\u00e9"}"#))
        // JSON Pointer tokens in $ref compare by code points too.
        XCTAssertFalse(compiles(##"{"$defs": {"e\u0301": {"type": "integer"}}, "$ref": "#/$defs/\u00e9"}"##))
        XCTAssertTrue(compiles(##"{"$defs": {"\u00e9": {"type": "integer"}}, "$ref": "#/$defs/\u00e9"}"##))
    }

    // MARK: Numbers compare by exact value

    func testConstEnumAndUniqueItemsCompareNumbersExactly() throws {
        // 2^64 and 2^64 + 1 are the same Double.
        XCTAssertFalse(try valid(#"{"const": 18446744073709551616}"#, "18446744073709551617"))
        XCTAssertFalse(try valid(#"{"enum": [18446744073709551617]}"#, "18446744073709551616"))
        XCTAssertTrue(try valid(#"{"uniqueItems": true}"#, "[18446744073709551616, 18446744073709551617]"))
        // Still equal: the same value written differently.
        XCTAssertTrue(try valid(#"{"const": 1}"#, "1.0"))
        XCTAssertTrue(try valid(#"{"const": 100}"#, "1e2"))
        XCTAssertTrue(try valid(#"{"const": 0}"#, "-0.0"))
        XCTAssertFalse(try valid(#"{"uniqueItems": true}"#, "[1, 1.0]"))
        XCTAssertFalse(try valid(#"{"uniqueItems": true}"#, #"[{"a": 1, "b": [2]}, {"b": [2.0], "a": 1}]"#))
        XCTAssertFalse(try valid(#"{"const": 1}"#, "true"))
    }

    func testIntegerIsDecidedOnTheLiteral() throws {
        XCTAssertTrue(try valid(#"{"type": "integer"}"#, "1.0"))
        XCTAssertTrue(try valid(#"{"type": "integer"}"#, "1e2"))
        XCTAssertTrue(try valid(#"{"type": "integer"}"#, "-0.0"))
        XCTAssertTrue(try valid(#"{"type": "integer"}"#, "18446744073709551617"))
        // Their Doubles are integers, the numbers are not.
        XCTAssertFalse(try valid(#"{"type": "integer"}"#, "1.0000000000000001"))
        XCTAssertFalse(try valid(#"{"type": "integer"}"#, "1e-400"))
        XCTAssertTrue(try valid(#"{"type": "number"}"#, "1.0000000000000001"))
    }

    func testMultipleOfWithLongDivisorsIsExact() throws {
        let schema = #"{"multipleOf": 123456789012345678901234567890}"#
        XCTAssertTrue(try valid(schema, "246913578024691357802469135780"))
        XCTAssertFalse(try valid(schema, "123456789012345678901234567891"))
        XCTAssertTrue(try valid(schema, "1.2345678901234567890123456789e31"))
        XCTAssertFalse(try valid(schema, "5"))
        XCTAssertTrue(try valid(#"{"multipleOf": 1.00000000000000000001}"#, "2.00000000000000000002"))
        XCTAssertFalse(try valid(#"{"multipleOf": 1.00000000000000000001}"#, "2"))
        XCTAssertTrue(try valid(#"{"multipleOf": 0.0001}"#, "0.0075"))
        XCTAssertTrue(try valid(#"{"multipleOf": 3}"#, "3e300"))
        XCTAssertFalse(try valid(#"{"multipleOf": 3}"#, "1e300"))
    }

    // MARK: pattern: ECMA-262 (Unicode mode) semantics

    func testDotMatchesAllButLineTerminators() throws {
        let schema = #"{"pattern": "^a.c$"}"#
        for character in ["b", "\\u000b", "\\u000c", "\\u0085", "\\u00e9", "\\ud83d\\ude00"] {
            XCTAssertTrue(try valid(schema, "\"a\(character)c\""), character)
        }
        for character in ["\\n", "\\r", "\\u2028", "\\u2029"] {
            XCTAssertFalse(try valid(schema, "\"a\(character)c\""), character)
        }
    }

    func testEscapesMeanWhatECMA262Says() throws {
        XCTAssertTrue(try valid(#"{"pattern": "^\\v$"}"#, #""\u000b""#))
        XCTAssertFalse(try valid(#"{"pattern": "^\\v$"}"#, #""\n""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[\\b]$"}"#, #""\b""#))
        XCTAssertFalse(try valid(#"{"pattern": "^[\\b]$"}"#, #""b""#))
        XCTAssertTrue(try valid(#"{"pattern": "^\\0$"}"#, #""\u0000""#))
        XCTAssertTrue(try valid(#"{"pattern": "^\\cJ$"}"#, #""\n""#))
        XCTAssertTrue(try valid(#"{"pattern": "^\\u{1F600}$"}"#, #""\ud83d\ude00""#))
        XCTAssertTrue(try valid(#"{"pattern": "^\\uD83D\\uDE00$"}"#, #""\ud83d\ude00""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[\\uD83D\\uDE00]$"}"#, #""\ud83d\ude00""#))
        // \b and \B are ASCII word boundaries: "é" is not a word character.
        XCTAssertTrue(try valid(#"{"pattern": "\\bfoo\\b"}"#, #""\u00e9foo""#))
        XCTAssertTrue(try valid(#"{"pattern": "^\\B$"}"#, #""""#))
        // \s is ECMA-262's list: U+FEFF yes, U+0085 no.
        XCTAssertTrue(try valid(#"{"pattern": "^\\s$"}"#, #""\ufeff""#))
        XCTAssertFalse(try valid(#"{"pattern": "^\\s$"}"#, #""\u0085""#))
        // Inside a class every character is literal, "[" and "&&" included.
        XCTAssertTrue(try valid(#"{"pattern": "^[[]$"}"#, #""[""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[a&&b]+$"}"#, #""a&b""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[a-z--b]+$"}"#, #""a-b""#))
        // [] matches nothing and [^] anything, quantified or not.
        XCTAssertFalse(try valid(#"{"pattern": "[]"}"#, #""a""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[]*a$"}"#, #""a""#))
        XCTAssertTrue(try valid(#"{"pattern": "^[^]{2}$"}"#, #""\n\u2028""#))
    }

    func testPatternsUnicodeModeRejectsAreSchemaErrors() {
        for pattern in [
            #"\\q"#, #"\\y"#, #"\\A"#, #"\\Z"#, #"\\x{41}"#, #"\\x4"#, #"\\u12"#, #"\\pL"#, #"\\01"#, #"[\\1]"#, #"(a)\\2"#,
            #"[\\d-z]"#, #"[a-\\w]"#, #"[z-a]"#, #"[a--b]"#, "]", "a]", "(?=a)*", "^*", #"\\b+"#, "(?s).", "(?m)^a",
            "(?i)a", "(?#c)a", "(?>a)", "(?P<n>a)", "a++", "a*+", "a{2}+", "a*?+",
        ] {
            XCTAssertFalse(compiles(#"{"pattern": "\#(pattern)"}"#), pattern)
        }
        for pattern in [
            "", #"\\1(a)"#, #"(a)\\1"#, #"[\\w-]"#, #"[-\\d]"#, #"\\/"#, #"\\-"#, "(?<n>a)\\\\k<n>", #"\\p{L}"#, "(?<=a)b", "a{2,3}?",
            "a+?", "a??", "(?:a)+", "(?<!a)b", #"\\p{digit}"#,
        ] {
            XCTAssertTrue(compiles(#"{"pattern": "\#(pattern)"}"#), pattern)
        }
    }

    func testRegexFormatAcceptsTheEmptyPattern() throws {
        XCTAssertTrue(try valid(#"{"format": "regex"}"#, #""""#, formats: true))
        XCTAssertTrue(try valid(#"{"format": "regex"}"#, #""^a$""#, formats: true))
        XCTAssertFalse(try valid(#"{"format": "regex"}"#, #""(""#, formats: true))
    }

    // MARK: References

    func testURISchemesAreCaseInsensitive() throws {
        let schema = #"""
        {"$id": "http://example.com/root.json",
         "$defs": {"x": {"$id": "http://example.com/x.json", "type": "integer"}},
         "$ref": "HTTP://example.com/x.json"}
        """#
        XCTAssertTrue(try valid(schema, "1"))
        XCTAssertFalse(try valid(schema, #""a""#))
    }
}
