import AssessJSON

/// A problem in a transcript file, at a 1-based line and column.
public struct TranscriptIssue: Error, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Bytes that are not UTF-8.
        case encoding = "transcript-encoding"
        /// A WebVTT file whose first line is not `WEBVTT`.
        case header = "transcript-header"
        /// A cue whose timing line is missing or malformed.
        case cueTiming = "transcript-cue-timing"
        /// A cue that ends before it starts.
        case cueBackwards = "transcript-cue-backwards"
        /// A cue that starts before the previous cue started.
        case cueOrder = "transcript-cue-order"
        /// A cue that starts before the previous cue ended.
        case cueOverlap = "transcript-cue-overlap"
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ kind: Kind, line: Int, column: Int = 1, _ message: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.message = message
    }

    public var ruleID: String { kind.rawValue }

    /// As a diagnostic of the file shown as `path`, with the offending line quoted.
    public func diagnostic(path: String, source: SourceText?) -> Diagnostic {
        Diagnostic(
            path: path, position: SourcePosition(line: line, column: column), severity: .error, message: message,
            ruleID: ruleID, lineText: source?.line(line))
    }
}

/// A transcript and what was wrong with its file. Readers keep going past a broken cue (it is
/// left out), so a lenient caller such as the caption check can still search the rest.
public struct TranscriptReading: Sendable {
    public var transcript: Transcript
    public var issues: [TranscriptIssue]
}

/// Reads a transcript file of any of the three formats.
public enum TranscriptReader {
    public static func read(_ bytes: [UInt8], format: TranscriptFormat) -> TranscriptReading {
        var issues: [TranscriptIssue] = []
        if let bad = UTF8Check.firstInvalidByte(bytes) {
            let position = SourceText(bytes).position(of: bad)
            issues.append(
                TranscriptIssue(
                    .encoding, line: position.line, column: position.column,
                    "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); save the transcript as UTF-8"))
        }
        let lines = TextLines(bytes)
        var reading: TranscriptReading
        switch format {
        case .webVTT: reading = WebVTTReader.read(lines)
        case .srt: reading = SRTReader.read(lines)
        case .plainText: reading = PlainTextReader.read(lines)
        }
        reading.issues = issues + reading.issues
        return reading
    }
}

/// Plain text: every non-empty line is one untimed segment.
enum PlainTextReader {
    static func read(_ lines: TextLines) -> TranscriptReading {
        var transcript = Transcript(format: .plainText)
        for number in stride(from: 1, through: lines.count, by: 1) {
            let line = lines[number]
            guard !TextLines.isBlank(line) else { continue }
            transcript.appendSegment(text: Array(line), start: nil, end: nil, line: number, voice: nil)
        }
        return TranscriptReading(transcript: transcript, issues: [])
    }
}

/// A file's lines (1-based), split at LF, CRLF or CR, without their line ends; a leading
/// byte-order mark is dropped.
struct TextLines {
    let bytes: [UInt8]
    private var ranges: [Range<Int>] = []

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                ranges.append(start..<index)
                index += byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        if start < count { ranges.append(start..<count) }
    }

    var count: Int { ranges.count }

    subscript(number: Int) -> ArraySlice<UInt8> { bytes[ranges[number - 1]] }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Runs of non-blank lines: (first line number, last line number), in order.
    var blocks: [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start: Int?
        for number in stride(from: 1, through: count, by: 1) {
            if TextLines.isBlank(self[number]) {
                if let first = start { result.append(first...(number - 1)) }
                start = nil
            } else if start == nil {
                start = number
            }
        }
        if let first = start { result.append(first...count) }
        return result
    }
}

enum UTF8Check {
    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return index
            }
            guard index + width <= count else { return index }
            if bytes[index + 1] < low || bytes[index + 1] > high { return index }
            for offset in 2..<max(2, width) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += width
        }
        return nil
    }
}
