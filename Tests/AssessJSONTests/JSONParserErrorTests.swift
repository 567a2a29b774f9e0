import AssessJSON
import XCTest
import _AssessTestSupport

final class JSONParserErrorTests: XCTestCase {
    // MARK: Empty and too large

    func testEmptyInput() {
        assertParseError("⟨^⟩", .empty, 1, 1)
        assertParseError("⟨^⟩   \n\t\r\n  ", .empty, 1, 1)
        assertParseError(bytes: [0xEF, 0xBB, 0xBF], .empty, offset: 0, 1, 1)
        assertParseError(bytes: [0xEF, 0xBB, 0xBF, 0x20, 0x0A], .empty, offset: 0, 1, 1)
    }

    func testTooLargeIsCheckedBeforeParsing() {
        let nineMiB = [UInt8](repeating: UInt8(ascii: " "), count: 9 * 1024 * 1024)
        assertParseError(
            bytes: nineMiB, .tooLarge(size: 9 * 1024 * 1024, limit: 8 * 1024 * 1024), offset: 0, 1, 1)
        // The limit applies even when the content would be invalid further in.
        var invalid = nineMiB
        invalid[100] = 0xFF
        assertParseError(bytes: invalid, .tooLarge(size: 9 * 1024 * 1024, limit: 8 * 1024 * 1024), offset: 0, 1, 1)
    }

    func testSizeLimitBoundary() {
        let options = JSONParseOptions(maxBytes: 7)
        XCTAssertNotNil(parseValid("[1,2,3]", options: options))
        assertParseError("⟨^⟩[1,2,34]", .tooLarge(size: 8, limit: 7), 1, 1, options: options)
    }

    // MARK: Truncated input

    func testTruncatedInput() {
        assertParseError(#"{"a": [1, 2⟨^⟩"#, .unexpectedEnd(expected: "',' or ']'"), 1, 12)
        assertParseError(#"{"a": 1⟨^⟩"#, .unexpectedEnd(expected: "',' or '}'"), 1, 8)
        assertParseError("[⟨^⟩", .unexpectedEnd(expected: "a value or ']'"), 1, 2)
        assertParseError("[1,⟨^⟩", .unexpectedEnd(expected: "a value"), 1, 4)
        assertParseError("{⟨^⟩", .unexpectedEnd(expected: "a key in double quotes or '}'"), 1, 2)
        assertParseError(#"{"a"⟨^⟩"#, .unexpectedEnd(expected: "':' after the key"), 1, 5)
        assertParseError(#"{"a":⟨^⟩"#, .unexpectedEnd(expected: "a value"), 1, 6)
        assertParseError(#"{"a":1,⟨^⟩"#, .unexpectedEnd(expected: "a key in double quotes"), 1, 8)
        assertParseError(#""abc⟨^⟩"#, .unexpectedEnd(expected: "'\"' to close the string"), 1, 5)
        assertParseError(#"{"ab⟨^⟩"#, .unexpectedEnd(expected: "'\"' to close the string"), 1, 5)
        assertParseError("tru⟨^⟩", .unexpectedEnd(expected: "'true'"), 1, 4)
        assertParseError("[fal⟨^⟩", .unexpectedEnd(expected: "'false'"), 1, 5)
        assertParseError("[1, nul⟨^⟩", .unexpectedEnd(expected: "'null'"), 1, 8)
        assertParseError(#""\u12⟨^⟩"#, .unexpectedEnd(expected: "four hex digits after '\\u'"), 1, 6)
        assertParseError(#""\⟨^⟩"#, .unexpectedEnd(expected: "an escape character after '\\'"), 1, 3)
    }

    func testTruncatedMultiLineInputReportsEndOfFile() {
        let source = "{\n  \"é\": [\n    1,\n    2\n⟨^⟩"
        assertParseError(source, .unexpectedEnd(expected: "',' or ']'"), 5, 1)
    }

    // MARK: Unexpected characters

    func testTrailingCommas() {
        assertParseError("[1, 2⟨^⟩, ]", .unexpectedCharacter(found: "trailing comma before ']'", expected: "a value"), 1, 6)
        assertParseError(
            "{\"a\": 1⟨^⟩,\n}", .unexpectedCharacter(found: "trailing comma before '}'", expected: "a key in double quotes"),
            1, 8)
    }

    func testKeywordMistakes() {
        assertParseError(
            "⟨^⟩True", .unexpectedCharacter(found: "'True'", expected: "'true' (JSON keywords are lowercase)"), 1, 1)
        assertParseError(
            "[⟨^⟩FALSE]", .unexpectedCharacter(found: "'FALSE'", expected: "'false' (JSON keywords are lowercase)"), 1, 2)
        assertParseError("[⟨^⟩tru]", .unexpectedCharacter(found: "'tru'", expected: "'true'"), 1, 2)
        assertParseError("[⟨^⟩truex]", .unexpectedCharacter(found: "'truex'", expected: "'true'"), 1, 2)
        assertParseError(#"{"a": ⟨^⟩nul, "b": 1}"#, .unexpectedCharacter(found: "'nul'", expected: "'null'"), 1, 7)
        assertParseError("⟨^⟩None", .unexpectedCharacter(found: "'None'", expected: "'null'"), 1, 1)
        assertParseError("[⟨^⟩undefined]", .unexpectedCharacter(found: "'undefined'", expected: "'null'"), 1, 2)
        assertParseError(
            "[⟨^⟩NULL]", .unexpectedCharacter(found: "'NULL'", expected: "'null' (JSON keywords are lowercase)"), 1, 2)
        assertParseError("[⟨^⟩nan]", .unexpectedCharacter(found: "'nan'", expected: "'null'"), 1, 2)
        assertParseError("[⟨^⟩yes]", .unexpectedCharacter(found: "letter 'y'", expected: "a value or ']'"), 1, 2)
    }

    func testSingleQuotes() {
        let quote = "\"'\" (JSON strings use double quotes)"
        assertParseError("{⟨^⟩'a': 1}", .unexpectedCharacter(found: quote, expected: "a key in double quotes or '}'"), 1, 2)
        assertParseError("[⟨^⟩'a']", .unexpectedCharacter(found: quote, expected: "a value or ']'"), 1, 2)
        assertParseError(#"{"a": 1, ⟨^⟩'b': 2}"#, .unexpectedCharacter(found: quote, expected: "a key in double quotes"), 1, 10)
    }

    func testCurlyQuotes() {
        assertParseError(
            "{⟨^⟩“a”: 1}",
            .unexpectedCharacter(
                found: "'“' (U+201C; JSON strings use straight double quotes)", expected: "a key in double quotes or '}'"),
            1, 2)
    }

    func testComments() {
        let lineComment = "'//' (JSON does not allow comments)"
        let blockComment = "'/*' (JSON does not allow comments)"
        assertParseError(
            "{\"a\": 1 ⟨^⟩// note\n}", .unexpectedCharacter(found: lineComment, expected: "',' or '}'"), 1, 9)
        assertParseError("⟨^⟩/* header */ 1", .unexpectedCharacter(found: blockComment, expected: "a value"), 1, 1)
        assertParseError(
            "[\n  1,\n  ⟨^⟩# one\n]",
            .unexpectedCharacter(found: "'#' (JSON does not allow comments)", expected: "a value"), 3, 3)
    }

    func testMissingSeparators() {
        assertParseError("[1 ⟨^⟩2]", .unexpectedCharacter(found: "digit '2'", expected: "',' or ']'"), 1, 4)
        assertParseError(#"{"a" ⟨^⟩1}"#, .unexpectedCharacter(found: "digit '1'", expected: "':' after the key"), 1, 6)
        assertParseError(#"{"a"⟨^⟩= 1}"#, .unexpectedCharacter(found: "'='", expected: "':' after the key"), 1, 5)
        assertParseError(#"{"a": 1 ⟨^⟩"b": 2}"#, .unexpectedCharacter(found: "'\"'", expected: "',' or '}'"), 1, 9)
        assertParseError(#"{"a": 1⟨^⟩]"#, .unexpectedCharacter(found: "']'", expected: "',' or '}'"), 1, 8)
        assertParseError("[1⟨^⟩}", .unexpectedCharacter(found: "'}'", expected: "',' or ']'"), 1, 3)
    }

    func testMissingValues() {
        assertParseError(#"{"a": ⟨^⟩}"#, .unexpectedCharacter(found: "'}'", expected: "a value"), 1, 7)
        assertParseError("[⟨^⟩,1]", .unexpectedCharacter(found: "','", expected: "a value or ']'"), 1, 2)
        assertParseError("[1,⟨^⟩,2]", .unexpectedCharacter(found: "','", expected: "a value"), 1, 4)
        assertParseError("{⟨^⟩1: 2}", .unexpectedCharacter(found: "digit '1'", expected: "a key in double quotes or '}'"), 1, 2)
        assertParseError("{⟨^⟩a: 2}", .unexpectedCharacter(found: "letter 'a'", expected: "a key in double quotes or '}'"), 1, 2)
    }

    func testUnexpectedNonASCIICharacters() {
        assertParseError("[1, ⟨^⟩é]", .unexpectedCharacter(found: "character 'é' (U+00E9)", expected: "a value"), 1, 5)
        assertParseError(
            "[1,⟨^⟩\u{A0}2]", .unexpectedCharacter(found: "non-breaking space U+00A0", expected: "a value"), 1, 4)
        assertParseError(
            "[1,⟨^⟩\u{FEFF}]",
            .unexpectedCharacter(found: "byte-order mark U+FEFF", expected: "a value"), 1, 4)
        assertParseError(
            "⟨^⟩\u{2003}1", .unexpectedCharacter(found: "invisible character U+2003", expected: "a value"), 1, 1)
        assertParseError("[⟨^⟩\u{01}]", .unexpectedCharacter(found: "control character U+0001", expected: "a value or ']'"), 1, 2)
    }

    func testColumnsCountUnicodeScalars() {
        // 日本語 is 9 bytes but 3 columns.
        assertParseError(#"{"日本語": 1 ⟨^⟩x}"#, .unexpectedCharacter(found: "letter 'x'", expected: "',' or '}'"), 1, 11)
        // 😀 is 4 bytes, 1 scalar.
        assertParseError(#"["😀", ⟨^⟩x]"#, .unexpectedCharacter(found: "letter 'x'", expected: "a value"), 1, 7)
        // e + combining acute is 2 scalars (one character on screen, but columns count scalars).
        assertParseError("[\"e\u{301}\" ⟨^⟩1]", .unexpectedCharacter(found: "digit '1'", expected: "',' or ']'"), 1, 7)
        let multiLine = "{\n  \"naïve\": \"日本語\",\n  \"b\": ⟨^⟩x\n}"
        assertParseError(multiLine, .unexpectedCharacter(found: "letter 'x'", expected: "a value"), 3, 8)
        let crlf = "{\r\n  \"ü\": 1,\r\n  \"b\": ⟨^⟩}\r\n"
        assertParseError(crlf, .unexpectedCharacter(found: "'}'", expected: "a value"), 3, 8)
    }

    func testUTF16IsRefusedWithAClearMessage() {
        let expected = "UTF-8 text (save the file as UTF-8)"
        // UTF-16LE with a byte-order mark: "{}".
        assertParseError(
            bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00],
            .unexpectedCharacter(found: "UTF-16 byte-order mark", expected: expected), offset: 0, 1, 1)
        // UTF-16BE with a byte-order mark.
        assertParseError(
            bytes: [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D],
            .unexpectedCharacter(found: "UTF-16 byte-order mark", expected: expected), offset: 0, 1, 1)
        let nul = "NUL byte (the file looks like UTF-16 or UTF-32)"
        // UTF-16LE without a mark: NUL is the second byte.
        assertParseError(
            bytes: [0x7B, 0x00, 0x7D, 0x00], .unexpectedCharacter(found: nul, expected: expected), offset: 1, 1, 2)
        // UTF-16BE without a mark: NUL is the first byte.
        assertParseError(
            bytes: [0x00, 0x7B, 0x00, 0x7D], .unexpectedCharacter(found: nul, expected: expected), offset: 0, 1, 1)
    }

    // MARK: Invalid UTF-8

    func testInvalidUTF8InStrings() {
        let q = UInt8(ascii: "\"")
        let a = UInt8(ascii: "a")
        // Overlong encoding of "/" and of NUL.
        assertParseError(bytes: [q, a, 0xC0, 0xAF, q], .invalidUTF8, offset: 2, 1, 3)
        assertParseError(bytes: [q, 0xC1, 0x80, q], .invalidUTF8, offset: 1, 1, 2)
        // Overlong three- and four-byte forms.
        assertParseError(bytes: [q, 0xE0, 0x80, 0xAF, q], .invalidUTF8, offset: 1, 1, 2)
        assertParseError(bytes: [q, 0xF0, 0x80, 0x80, 0xAF, q], .invalidUTF8, offset: 1, 1, 2)
        // A UTF-8-encoded surrogate (U+D800).
        assertParseError(bytes: [q, a, a, 0xED, 0xA0, 0x80, q], .invalidUTF8, offset: 3, 1, 4)
        // Beyond U+10FFFF, and bytes that never occur.
        assertParseError(bytes: [q, 0xF4, 0x90, 0x80, 0x80, q], .invalidUTF8, offset: 1, 1, 2)
        assertParseError(bytes: [q, 0xF5, 0x80, 0x80, 0x80, q], .invalidUTF8, offset: 1, 1, 2)
        assertParseError(bytes: [q, a, 0xFF, q], .invalidUTF8, offset: 2, 1, 3)
        assertParseError(bytes: [q, a, 0xFE, q], .invalidUTF8, offset: 2, 1, 3)
        // A stray continuation byte.
        assertParseError(bytes: [q, 0x80, q], .invalidUTF8, offset: 1, 1, 2)
        // A sequence cut short by the closing quote, and by the end of the file.
        assertParseError(bytes: [q, 0xE2, 0x82, q], .invalidUTF8, offset: 1, 1, 2)
        assertParseError(bytes: [q, 0xE2, 0x82], .invalidUTF8, offset: 1, 1, 2)
        assertParseError(bytes: [q, 0xF0, 0x9F, 0x98], .invalidUTF8, offset: 1, 1, 2)
        // After valid non-ASCII text the column counts scalars: " é then the bad byte.
        assertParseError(bytes: [q, 0xC3, 0xA9, 0xFF, q], .invalidUTF8, offset: 3, 1, 3)
        // In a key, and after an escape.
        assertParseError(bytes: Array("{\"k".utf8) + [0xC3, 0x28] + Array("\": 1}".utf8), .invalidUTF8, offset: 3, 1, 4)
        assertParseError(bytes: Array("\"\\n".utf8) + [0xFF, q], .invalidUTF8, offset: 3, 1, 4)
        assertParseError(bytes: Array("\"\\".utf8) + [0xFF, q], .invalidUTF8, offset: 2, 1, 3)
        // Long strings go through the eight-bytes-at-a-time scan.
        let long = [q] + Array("abcdefghijklmnopqrstuvwxyz".utf8) + [0xC0, 0x80, q]
        assertParseError(bytes: long, .invalidUTF8, offset: 27, 1, 28)
    }

    func testInvalidUTF8OutsideStrings() {
        assertParseError(bytes: Array("[1, ".utf8) + [0xFF] + Array("]".utf8), .invalidUTF8, offset: 4, 1, 5)
        assertParseError(bytes: Array("{\n  ".utf8) + [0xC3, 0x28], .invalidUTF8, offset: 4, 2, 3)
        assertParseError(bytes: [0x80], .invalidUTF8, offset: 0, 1, 1)
        assertParseError(bytes: Array("1 ".utf8) + [0xE2, 0x82], .invalidUTF8, offset: 2, 1, 3)
        assertParseError(bytes: Array("[1".utf8) + [0xED, 0xBF, 0xBF], .invalidUTF8, offset: 2, 1, 3)
    }

    func testValidUTF8Boundaries() throws {
        let scalars: [UInt32] = [0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF]
        for value in scalars {
            let scalar = try XCTUnwrap(Unicode.Scalar(value))
            let string = String(scalar)
            let node = parseValid("[\"\(string)\", \"x\(string)y\(string)\"]")
            XCTAssertEqual(node?.arrayValue?[0].stringValue, string, "U+\(String(value, radix: 16))")
            XCTAssertEqual(node?.arrayValue?[1].stringValue, "x\(string)y\(string)")
        }
    }

    // MARK: Strings

    func testControlCharactersInStrings() {
        assertParseError("\"a⟨^⟩\tb\"", .controlCharacterInString(0x09), 1, 3)
        assertParseError("{\"line one⟨^⟩\nline two\": 1}", .controlCharacterInString(0x0A), 1, 11)
        assertParseError("[\"ok\", \"é⟨^⟩\u{1F}\"]", .controlCharacterInString(0x1F), 1, 10)
        assertParseError("[\"⟨^⟩\u{0}\"]", .controlCharacterInString(0x00), 1, 3)
        // A backslash followed by a raw line break.
        assertParseError("\"a\\⟨^⟩\n\"", .controlCharacterInString(0x0A), 1, 4)
        // In a string that needs the escape path.
        assertParseError("\"\\n⟨^⟩\r\"", .controlCharacterInString(0x0D), 1, 4)
        // DEL is not a control character in JSON.
        XCTAssertEqual(parseValid("\"\u{7F}\"")?.stringValue, "\u{7F}")
    }

    func testControlCharacterAtEveryPositionOfTheFastScan() {
        for k in 0..<20 {
            let text = "\"" + String(repeating: "a", count: k) + "⟨^⟩\u{1}" + String(repeating: "b", count: 20) + "\""
            assertParseError(text, .controlCharacterInString(0x01), 1, 2 + k)
        }
    }

    func testInvalidEscapes() {
        assertParseError(#""a⟨^⟩\x41""#, .invalidEscape("\\x"), 1, 3)
        assertParseError(#""⟨^⟩\'""#, .invalidEscape("\\'"), 1, 2)
        assertParseError(#""⟨^⟩\U0041""#, .invalidEscape("\\U"), 1, 2)
        assertParseError(#""⟨^⟩\é""#, .invalidEscape("\\é"), 1, 2)
        assertParseError(#"["\n", "⟨^⟩\a"]"#, .invalidEscape("\\a"), 1, 9)
    }

    func testInvalidUnicodeEscapes() {
        assertParseError(#""⟨^⟩\u12G4""#, .invalidUnicodeEscape("\\u12G"), 1, 2)
        assertParseError(#""⟨^⟩\u12""#, .invalidUnicodeEscape("\\u12"), 1, 2)
        assertParseError(#""x⟨^⟩\u""#, .invalidUnicodeEscape("\\u"), 1, 3)
        assertParseError(#""⟨^⟩\u-123""#, .invalidUnicodeEscape("\\u-"), 1, 2)
        // The second half of a pair is checked too.
        assertParseError(#""\uD83D⟨^⟩\uZZZZ""#, .invalidUnicodeEscape("\\uZ"), 1, 8)
    }

    func testLoneSurrogates() {
        assertParseError(#""⟨^⟩\uD800""#, .loneSurrogate("\\uD800"), 1, 2)
        assertParseError(#""⟨^⟩\uDC00""#, .loneSurrogate("\\uDC00"), 1, 2)
        assertParseError(#""ab⟨^⟩\udfff cd""#, .loneSurrogate("\\udfff"), 1, 4)
        assertParseError(#""⟨^⟩\uD83D\u0041""#, .loneSurrogate("\\uD83D"), 1, 2)
        assertParseError(#""⟨^⟩\uD83D\uD83D""#, .loneSurrogate("\\uD83D"), 1, 2)
        assertParseError(#""⟨^⟩\uD83Dx""#, .loneSurrogate("\\uD83D"), 1, 2)
        assertParseError(#""⟨^⟩\uD83D\n""#, .loneSurrogate("\\uD83D"), 1, 2)
        assertParseError(#"{"k": "⟨^⟩\uDBFF"}"#, .loneSurrogate("\\uDBFF"), 1, 8)
        // A low surrogate after a complete pair.
        assertParseError(#""\uD83D\uDE00⟨^⟩\uDE00""#, .loneSurrogate("\\uDE00"), 1, 14)
    }

    // MARK: Numbers

    func testInvalidNumbers() {
        assertParseError("⟨^⟩+1", .invalidNumber("a number cannot start with '+'"), 1, 1)
        assertParseError("[⟨^⟩.5]", .invalidNumber("a number needs a digit before the decimal point"), 1, 2)
        assertParseError("1.⟨^⟩", .invalidNumber("expected a digit after the decimal point"), 1, 3)
        assertParseError("[1.⟨^⟩]", .invalidNumber("expected a digit after the decimal point"), 1, 4)
        assertParseError("[1.⟨^⟩e5]", .invalidNumber("expected a digit after the decimal point"), 1, 4)
        assertParseError("0⟨^⟩1", .invalidNumber("leading zeros are not allowed"), 1, 2)
        assertParseError("[-0⟨^⟩7]", .invalidNumber("leading zeros are not allowed"), 1, 4)
        assertParseError("[0⟨^⟩0]", .invalidNumber("leading zeros are not allowed"), 1, 3)
        assertParseError("0⟨^⟩x1F", .invalidNumber("hexadecimal numbers are not allowed"), 1, 2)
        assertParseError("-0⟨^⟩X1", .invalidNumber("hexadecimal numbers are not allowed"), 1, 3)
        assertParseError("10⟨^⟩x1", .invalidNumber("unexpected letter 'x' in number"), 1, 3)
        assertParseError("0.0⟨^⟩x1", .invalidNumber("unexpected letter 'x' in number"), 1, 4)
        assertParseError("1e⟨^⟩", .invalidNumber("expected a digit in the exponent"), 1, 3)
        assertParseError("[1E+⟨^⟩]", .invalidNumber("expected a digit in the exponent"), 1, 5)
        assertParseError("[1e-⟨^⟩]", .invalidNumber("expected a digit in the exponent"), 1, 5)
        assertParseError("-⟨^⟩", .invalidNumber("expected a digit after '-'"), 1, 2)
        assertParseError("[-⟨^⟩ 1]", .invalidNumber("expected a digit after '-'"), 1, 3)
        assertParseError("-⟨^⟩a", .invalidNumber("expected a digit after '-'"), 1, 2)
        assertParseError("[-⟨^⟩-1]", .invalidNumber("expected a digit after '-'"), 1, 3)
        assertParseError("⟨^⟩NaN", .invalidNumber("NaN is not a JSON number"), 1, 1)
        assertParseError("[⟨^⟩Infinity]", .invalidNumber("Infinity is not a JSON number"), 1, 2)
        assertParseError("[-⟨^⟩Infinity]", .invalidNumber("-Infinity is not a JSON number"), 1, 3)
        assertParseError("12⟨^⟩abc", .invalidNumber("unexpected letter 'a' in number"), 1, 3)
        assertParseError("1.5⟨^⟩.3", .invalidNumber("unexpected '.' in number"), 1, 4)
        assertParseError("[1⟨^⟩-2]", .invalidNumber("unexpected '-' in number"), 1, 3)
        assertParseError("[1e5⟨^⟩e3]", .invalidNumber("unexpected letter 'e' in number"), 1, 5)
        assertParseError("{\"n\":\n  1⟨^⟩_000}", .unexpectedCharacter(found: "'_'", expected: "',' or '}'"), 2, 4)
    }

    func testNumbersOutOfRange() {
        assertParseError("⟨^⟩1e400", .numberOutOfRange("1e400"), 1, 1)
        assertParseError("[1, ⟨^⟩-1.5E+309]", .numberOutOfRange("-1.5E+309"), 1, 5)
        assertParseError("⟨^⟩1.8e308", .numberOutOfRange("1.8e308"), 1, 1)
        let huge = "1" + String(repeating: "0", count: 400)
        assertParseError("{\"n\": ⟨^⟩\(huge)}", .numberOutOfRange(huge), 1, 7)
        assertParseError("⟨^⟩1e99999999999999999999", .numberOutOfRange("1e99999999999999999999"), 1, 1)
    }

    // MARK: Duplicate keys

    func testDuplicateKeys() {
        assertParseError(
            #"{"a": 1, ⟨^⟩"a": 2}"#, .duplicateKey("a", first: SourcePosition(line: 1, column: 2)), 1, 10)
        let multiLine = "{\n  \"ключ\": 1,\n  \"b\": {\"ключ\": 2},\n  ⟨^⟩\"ключ\": 3\n}"
        assertParseError(multiLine, .duplicateKey("ключ", first: SourcePosition(line: 2, column: 3)), 4, 3)
        // Escapes are decoded before comparing.
        assertParseError(
            #"{"ab": 1, ⟨^⟩"\u0061b": 2}"#, .duplicateKey("ab", first: SourcePosition(line: 1, column: 2)), 1, 11)
        // A duplicate after a nested container.
        assertParseError(
            #"{"a": {"x": [1]}, "b": 2, ⟨^⟩"a": 3}"#, .duplicateKey("a", first: SourcePosition(line: 1, column: 2)),
            1, 27)
        // The empty key.
        assertParseError(
            #"{"": 1, ⟨^⟩"": 2}"#, .duplicateKey("", first: SourcePosition(line: 1, column: 2)), 1, 9)
    }

    func testDuplicateKeysInObjectsOfEverySize() {
        // Small objects scan linearly, large ones use an index: check both sides of the switch.
        for size in [1, 2, 10, 11, 12, 13, 14, 30, 200] {
            for duplicated in Set([0, size / 2, size - 1]) {
                var text = "{"
                for k in 0..<size { text += "\"key\(k)\": \(k), " }
                text += "⟨^⟩\"key\(duplicated)\": 0}"
                let marked = MarkedText(text)
                let firstOffset = Array(marked.text.utf8).firstRange(of: Array("\"key\(duplicated)\"".utf8))!.lowerBound
                assertParseError(
                    text, .duplicateKey("key\(duplicated)", first: SourcePosition(line: 1, column: firstOffset + 1)),
                    1, marked.offset + 1)
            }
            // A duplicate later in a large object, after more keys went into the index.
            var text = "{"
            for k in 0..<size { text += "\"key\(k)\": \(k), " }
            text += "\"later\": 1, ⟨^⟩\"later\": 2}"
            let marked = MarkedText(text)
            let firstOffset = Array(marked.text.utf8).firstRange(of: Array("\"later\"".utf8))!.lowerBound
            assertParseError(
                text, .duplicateKey("later", first: SourcePosition(line: 1, column: firstOffset + 1)), 1, marked.offset + 1)
        }
    }

    func testCanonicallyEquivalentKeysAreDistinct() {
        // "é" precomposed and "e" + combining acute are different keys in JSON.
        for padding in [0, 20] {
            var text = "{"
            for k in 0..<padding { text += "\"p\(k)\": 0, " }
            text += "\"\u{E9}\": 1, \"e\u{301}\": 2}"
            let object = parseValid(text)?.objectValue
            XCTAssertEqual(object?.count, padding + 2)
            XCTAssertEqual(object?.members.last?.key.unicodeScalars.count, 2)
        }
    }

    // MARK: Depth

    func testHundredThousandNestedArraysFailWithoutCrashing() {
        let text = String(repeating: "[", count: 100_000)
        var expected = String(repeating: "[", count: 256)
        expected += "⟨^⟩"
        expected += String(repeating: "[", count: 100_000 - 256)
        assertParseError(expected, .tooDeep(limit: 256), 1, 257)
        XCTAssertEqual(MarkedText(expected).text, text)
    }

    func testHundredThousandNestedObjectsFailWithoutCrashing() {
        let level = #"{"a":"#
        let text = String(repeating: level, count: 256) + "⟨^⟩" + String(repeating: level, count: 100_000 - 256)
        assertParseError(text, .tooDeep(limit: 256), 1, 256 * 5 + 1)
    }

    func testDepthLimitIsExact() {
        let options = JSONParseOptions(maxDepth: 3)
        XCTAssertNotNil(parseValid("[[[]]]", options: options))
        XCTAssertNotNil(parseValid(#"[{"a": [1]}]"#, options: options))
        assertParseError("[[[⟨^⟩[]]]]", .tooDeep(limit: 3), 1, 4, options: options)
        assertParseError("[{\"a\": [⟨^⟩{}]}]", .tooDeep(limit: 3), 1, 9, options: options)
        assertParseError("⟨^⟩[]", .tooDeep(limit: 0), 1, 1, options: JSONParseOptions(maxDepth: 0))
        XCTAssertNotNil(parseValid("1", options: JSONParseOptions(maxDepth: 0)))

        let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        XCTAssertNotNil(parseValid(deepest))
        let tooDeep = String(repeating: "[", count: 256) + "⟨^⟩[" + String(repeating: "]", count: 257)
        assertParseError(tooDeep, .tooDeep(limit: 256), 1, 257)
    }

    func testVeryDeepNestingWithAHighLimitDoesNotUseTheCallStack() {
        let depth = 20_000
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        var node = parseValid(text, options: JSONParseOptions(maxDepth: depth))
        var levels = 0
        while let items = node?.arrayValue {
            levels += 1
            node = items.first
        }
        XCTAssertEqual(levels, depth)
        XCTAssertEqual(node?.numberValue?.literal, "1")
    }

    // MARK: Trailing content

    func testTrailingContent() {
        assertParseError("{} ⟨^⟩{}", .trailingContent(found: "'{'"), 1, 4)
        assertParseError("1 ⟨^⟩2", .trailingContent(found: "digit '2'"), 1, 3)
        assertParseError("[1]⟨^⟩]", .trailingContent(found: "']'"), 1, 4)
        assertParseError("\"a\" ⟨^⟩// c", .trailingContent(found: "'//' (JSON does not allow comments)"), 1, 5)
        assertParseError("{\"ü\": 1}\n\n⟨^⟩x", .trailingContent(found: "letter 'x'"), 3, 1)
        assertParseError("null⟨^⟩,", .trailingContent(found: "','"), 1, 5)
        assertParseError(bytes: Array("1 ".utf8) + [0xFF], .invalidUTF8, offset: 2, 1, 3)
    }

    // MARK: Byte-order mark

    func testErrorPositionsAfterAByteOrderMarkDoNotCountIt() {
        assertParseError(
            "\u{FEFF}{⟨^⟩'a': 1}",
            .unexpectedCharacter(found: "\"'\" (JSON strings use double quotes)", expected: "a key in double quotes or '}'"),
            1, 2)
        assertParseError("\u{FEFF}⟨^⟩\u{FEFF}1", .unexpectedCharacter(found: "byte-order mark U+FEFF", expected: "a value"), 1, 1)
    }

    // MARK: Messages

    func testMessagesAndRuleIDs() {
        func error(_ text: String) -> JSONParseError? {
            do {
                _ = try JSONParser.parse(text)
                return nil
            } catch {
                return error
            }
        }
        XCTAssertEqual(error(#"{"a": [1, 2"#)?.description, "1:12: unexpected end of file; expected ',' or ']'")
        XCTAssertEqual(error("[1, 2,]")?.description, "1:6: unexpected trailing comma before ']'; expected a value")
        XCTAssertEqual(error("{'a': 1}")?.message, "unexpected \"'\" (JSON strings use double quotes); expected a key in double quotes or '}'")
        XCTAssertEqual(error("True")?.message, "unexpected 'True'; expected 'true' (JSON keywords are lowercase)")
        XCTAssertEqual(error(#"{"a": 1, "a": 2}"#)?.message, "duplicate key \"a\" in object (first at line 1, column 2)")
        XCTAssertEqual(error(#"{"a": 1, "a": 2}"#)?.ruleID, "json-duplicate-key")
        XCTAssertEqual(error("\"\u{1}\"")?.message, "control character U+0001 in string; write it as an escape")
        XCTAssertEqual(error("01")?.ruleID, "json-number")
        XCTAssertEqual(error("1e400")?.ruleID, "json-number-range")
        XCTAssertEqual(error("{} x")?.message, "unexpected letter 'x' after the JSON value")
    }
}
