import AssessJSON

/// Text with markers that tests use to name places in it.
///
/// `MarkedText("{\"a\": 1, ⟨^⟩\"a\": 2}")` gives the text without the marker
/// and the UTF-8 byte offset where the marker stood, so a test can assert
/// the exact offset of a diagnostic. `expectedPosition(_:)` computes the line
/// and column of a marker from the Swift string itself, independently of
/// `SourceText`, so tests check positions against a second implementation.
public struct MarkedText: Sendable, Equatable {
    /// The text with every marker removed.
    public let text: String
    /// UTF-8 byte offsets in `text` where the markers stood, in order.
    public let markerOffsets: [Int]

    public init(_ text: String, marker: String = "⟨^⟩") {
        precondition(!marker.isEmpty, "the marker must not be empty")
        var result: [UInt8] = []
        var offsets: [Int] = []
        let source = Array(text.utf8)
        let pattern = Array(marker.utf8)
        var k = 0
        while k < source.count {
            if k + pattern.count <= source.count, source[k..<k + pattern.count].elementsEqual(pattern) {
                offsets.append(result.count)
                k += pattern.count
            } else {
                result.append(source[k])
                k += 1
            }
        }
        self.text = String(decoding: result, as: UTF8.self)
        self.markerOffsets = offsets
    }

    /// The UTF-8 bytes of `text`.
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The offset of the only marker.
    public var offset: Int {
        precondition(markerOffsets.count == 1, "expected exactly one marker, found \(markerOffsets.count)")
        return markerOffsets[0]
    }

    /// Line and column of a marker (1-based; columns count Unicode scalars,
    /// lines end at "\n"), computed from the string's scalars.
    public func expectedPosition(_ marker: Int = 0) -> SourcePosition {
        let target = markerOffsets[marker]
        var line = 1
        var column = 1
        var offset = 0
        for scalar in text.unicodeScalars {
            if offset >= target { break }
            let scalarStart = offset
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else if !(scalarStart == 0 && scalar == "\u{FEFF}") {
                // A leading byte-order mark takes no column.
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
