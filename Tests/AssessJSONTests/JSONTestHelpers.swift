import AssessJSON
import XCTest
import _AssessTestSupport

/// Parses marked text and asserts the error kind, the byte offset of the
/// single marker, and the position, given explicitly and cross-checked
/// against `MarkedText.expectedPosition()`.
func assertParseError(
    _ source: String,
    _ kind: JSONParseError.Kind,
    _ line: Int,
    _ column: Int,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    let marked = MarkedText(source)
    guard marked.markerOffsets.count == 1 else {
        XCTFail("test source needs exactly one marker", file: file, line: testLine)
        return
    }
    assertParseError(
        bytes: marked.bytes, kind, offset: marked.offset, line, column, options: options, file: file, line: testLine)
    XCTAssertEqual(
        SourcePosition(line: line, column: column), marked.expectedPosition(),
        "the expected position in the test disagrees with the marker", file: file, line: testLine)
}

/// Parses raw bytes and asserts the error kind, offset and position.
func assertParseError(
    bytes: [UInt8],
    _ kind: JSONParseError.Kind,
    offset: Int,
    _ line: Int,
    _ column: Int,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    do {
        let document = try JSONParser.parse(bytes, options: options)
        XCTFail("parsed without error: \(JSONWriter.write(document.root, indent: 0))", file: file, line: testLine)
    } catch {
        XCTAssertEqual(error.kind, kind, file: file, line: testLine)
        XCTAssertEqual(error.offset, offset, "offset", file: file, line: testLine)
        XCTAssertEqual(error.position, SourcePosition(line: line, column: column), "position", file: file, line: testLine)
    }
}

/// Parses text that must be valid.
func parseValid(
    _ text: String,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line: UInt = #line
) -> JSONNode? {
    do {
        return try JSONParser.parse(text, options: options).root
    } catch {
        XCTFail("unexpected error: \(error)", file: file, line: line)
        return nil
    }
}

/// Equality that also requires the same member order, number literals and
/// string scalars (stricter than `jsonEquals`). Offsets are ignored.
func identical(_ a: JSONNode, _ b: JSONNode) -> Bool {
    switch (a.value, b.value) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)):
        return x.literal == y.literal && x.double.bitPattern == y.double.bitPattern
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
    case (.object(let x), .object(let y)):
        return x.count == y.count
            && zip(x.members, y.members).allSatisfy {
                $0.key.unicodeScalars.elementsEqual($1.key.unicodeScalars) && identical($0.value, $1.value)
            }
    default: return false
    }
}

/// A small deterministic random generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
