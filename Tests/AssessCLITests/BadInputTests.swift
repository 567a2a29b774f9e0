import Foundation
import XCTest
import _AssessTestSupport

/// DESIGN §4: every bad input gets a message naming file and place, exit 1 or 2, and no crash.
final class BadInputTests: CLITestCase {
    let file = "content/resources/library/superalignment-with-jan-leike.json"

    func check(
        _ bytes: [UInt8], expect fragment: String, at position: String?, status: Int32 = 1,
        file testFile: StaticString = #filePath, line: UInt = #line
    ) throws {
        try scratch.write(file, bytes: bytes)
        let result = try assess("validate", file)
        XCTAssertEqual(result.status, status, result.stderr, file: testFile, line: line)
        let location = position.map { "\(file):\($0):" } ?? "\(file):"
        XCTAssertTrue(result.stderr.contains(location), "expected \(location) in:\n\(result.stderr)", file: testFile, line: line)
        XCTAssertTrue(result.stderr.contains(fragment), "expected \(fragment) in:\n\(result.stderr)", file: testFile, line: line)
    }

    override func setUpWithError() throws {
        try super.setUpWithError()
        try ContentFixture.bundled(in: scratch)
    }

    func testTruncatedJSON() throws {
        try check(Array("{\n  \"slug\": \"x\",\n  \"tags\": [\"a\"".utf8), expect: "unexpected end of file", at: "3:15")
    }

    func testMalformedJSON() throws {
        try check(Array("{\n  \"slug\": 'x'\n}".utf8), expect: "error:", at: "2:11")
        try check(Array("{\"a\": 1,}".utf8), expect: "trailing comma", at: "1:8")
    }

    func testInvalidUTF8() throws {
        try check([0x7B, 0x0A, 0x22, 0x61, 0x22, 0x3A, 0x20, 0x22, 0xC3, 0x28, 0x22, 0x7D], expect: "invalid UTF-8", at: "2:7")
    }

    func testByteOrderMarkIsAWarningOnly() throws {
        let original = try scratch.read(file)
        try scratch.write(file, bytes: [0xEF, 0xBB, 0xBF] + Array(original.utf8))
        let result = try assess("validate", file)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("\(file):1:1: warning: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("byte-order mark"), result.stderr)
        XCTAssertEqual(result.stdout, "1 file checked: 0 errors, 1 warning\n")
    }

    func testDuplicateKeys() throws {
        try check(Array("{\n  \"slug\": \"a\",\n  \"slug\": \"b\"\n}".utf8), expect: "duplicate key \"slug\"", at: "3:3")
    }

    func testDeepNesting() throws {
        let deep = "{\"a\": " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        try check(Array(deep.utf8), expect: "nesting deeper than", at: nil)
    }

    func testNumberOutOfRange() throws {
        try check(Array("{\"captionSegments\": 1e400}".utf8), expect: "out of range", at: "1:21")
    }

    /// A score far outside the scale is JSON all the same: `validate` names it, and the commands
    /// that print it print it as it is, rather than stopping on it.
    func testScoreFarOutsideTheScaleIsReportedNotFatal() throws {
        let map = "content/resources/perspective-maps/mechanistic-interpretability-with-neel-nanda.json"
        let original = try scratch.read(map)
        XCTAssertTrue(original.contains("\"headline\""))
        try scratch.write(map, original.replacingOccurrences(of: #""score": -?[0-9.]+"#, with: #""score": 1e30"#, options: .regularExpression))
        let validate = try assess("validate", map)
        XCTAssertEqual(validate.status, 1, validate.stderr)
        XCTAssertTrue(validate.stderr.contains("\(map):"), validate.stderr)
        let results = try [
            ("diff", assess("diff")), ("report", assess("report")),
            ("show", assess("show", "mechanistic-interpretability-with-neel-nanda")),
        ]
        for (command, result) in results {
            XCTAssertEqual(result.status, 0, "\(command): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("1e+30"), "\(command):\n\(result.stdout)")
        }
    }

    func testNumberThatIsNotJSON() throws {
        try check(Array("{\"n\": 01}".utf8), expect: "leading zeros", at: "1:8")
        try check(Array("{\"n\": NaN}".utf8), expect: "error:", at: "1:7")
    }

    func testControlCharacterInString() throws {
        try check(Array("{\"title\": \"a\tb\"}".utf8), expect: "control character", at: "1:13")
    }

    func testHugeFile() throws {
        let huge = "{\"x\": \"" + String(repeating: "a", count: 9 * 1024 * 1024) + "\"}"
        try check(Array(huge.utf8), expect: "larger than the limit", at: nil)
    }

    /// A file past the first read on the stack is read whole, and its errors are still placed.
    func testFileLargerThanOneReadIsReadWhole() throws {
        let padding = String(repeating: "x", count: 40 * 1024)
        try check(Array("{\"slug\": \"\(padding)\",\n  \"title\": tru}".utf8), expect: "error", at: "2:12")
    }

    /// A FIFO in place of a content file is refused as not a file, at once: nothing waits for a
    /// writer that never comes.
    func testFIFOIsNotAFileAndDoesNotHang() throws {
        let path = scratch.path + "/" + file
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        let result = try assess("validate", file)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("\(file): error:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("not a regular file"), result.stderr)
    }

    func testEmptyFile() throws {
        try check([], expect: "empty", at: nil)
    }

    func testSymlinkOutsideTheRepository() throws {
        let outside = try ScratchDirectory()
        try outside.write("secret.json", "{\"slug\": \"secret\"}")
        let link = scratch.path + "/content/resources/library/secret.json"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside.path + "/secret.json")
        let result = try assess("validate")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/resources/library/secret.json: error: refusing to read"), result.stderr)
        XCTAssertTrue(result.stderr.contains("outside the repository"), result.stderr)
    }

    func testNothingIsWrittenByValidate() throws {
        try scratch.write(file, "{broken")
        let before = try scratch.list("content/resources/library")
        _ = try assess("validate")
        XCTAssertEqual(try scratch.list("content/resources/library"), before)
        XCTAssertEqual(try scratch.read(file), "{broken")
    }
}
