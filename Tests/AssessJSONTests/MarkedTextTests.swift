import AssessJSON
import XCTest
import _AssessTestSupport

final class MarkedTextTests: XCTestCase {
    func testMarkersAreRemovedAndTheirByteOffsetsKept() {
        let marked = MarkedText("⟨^⟩ab⟨^⟩é⟨^⟩\n😀⟨^⟩")
        XCTAssertEqual(marked.text, "abé\n😀")
        XCTAssertEqual(marked.markerOffsets, [0, 2, 4, 9])
        XCTAssertEqual(marked.bytes, Array("abé\n😀".utf8))
    }

    func testCustomMarker() {
        let marked = MarkedText("a|b||c", marker: "|")
        XCTAssertEqual(marked.text, "abc")
        XCTAssertEqual(marked.markerOffsets, [1, 2, 2])
    }

    func testExpectedPositionCountsScalars() {
        let marked = MarkedText("⟨^⟩ab⟨^⟩é⟨^⟩\n😀⟨^⟩")
        XCTAssertEqual(marked.expectedPosition(0), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(marked.expectedPosition(1), SourcePosition(line: 1, column: 3))
        XCTAssertEqual(marked.expectedPosition(2), SourcePosition(line: 1, column: 4))
        XCTAssertEqual(marked.expectedPosition(3), SourcePosition(line: 2, column: 2))
        // It agrees with SourceText.
        let source = SourceText(marked.bytes)
        for k in marked.markerOffsets.indices {
            XCTAssertEqual(source.position(of: marked.markerOffsets[k]), marked.expectedPosition(k))
        }
    }

    func testExpectedPositionSkipsALeadingByteOrderMark() {
        let marked = MarkedText("\u{FEFF}⟨^⟩x⟨^⟩\u{FEFF}⟨^⟩")
        XCTAssertEqual(marked.markerOffsets, [3, 4, 7])
        XCTAssertEqual(marked.expectedPosition(0), SourcePosition(line: 1, column: 1))
        XCTAssertEqual(marked.expectedPosition(1), SourcePosition(line: 1, column: 2))
        XCTAssertEqual(marked.expectedPosition(2), SourcePosition(line: 1, column: 3))
    }
}
