/// The text of a caption cue: tags removed, character references decoded, the voice kept.
struct CueText {
    var text: [UInt8]
    /// The name in the first WebVTT voice tag (`<v Name>`, `<v.class Name>`), if any.
    var voice: String?

    /// WebVTT cue text: `<...>` tags removed (`<v>`, `<c>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<lang>`,
    /// timestamps), `&amp;` `&lt;` `&gt;` `&nbsp;` `&lrm;` `&rlm;` `&quot;` `&apos;` and numeric
    /// references decoded. Lines are joined with a line feed.
    static func webVTT(_ lines: [ArraySlice<UInt8>]) -> CueText {
        var result = CueText(text: [], voice: nil)
        for (number, line) in lines.enumerated() {
            if number > 0 { result.text.append(0x0A) }
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                if byte == UInt8(ascii: "<"), let close = line[index...].firstIndex(of: UInt8(ascii: ">")) {
                    let tag = line[(index + 1)..<close]
                    if result.voice == nil, tag.first == UInt8(ascii: "v"),
                        tag.count > 1, [UInt8(ascii: " "), UInt8(ascii: "."), 0x09].contains(tag[tag.startIndex + 1])
                    {
                        result.voice = voiceName(tag)
                    }
                    result.text.append(0x20)  // a tag may separate words ("word<00:00:01.000>word")
                    index = close + 1
                } else if byte == UInt8(ascii: "&"), let (decoded, length) = reference(line[index...]) {
                    result.text.append(contentsOf: decoded)
                    index += length
                } else {
                    result.text.append(byte)
                    index += 1
                }
            }
        }
        return result
    }

    /// SRT cue text: HTML-like tags (`<i>`, `<b>`, `<u>`, `<font ...>`) and `{...}` override
    /// codes (`{\an8}`) removed. Lines are joined with a line feed.
    static func srt(_ lines: [ArraySlice<UInt8>]) -> CueText {
        var result = CueText(text: [], voice: nil)
        for (number, line) in lines.enumerated() {
            if number > 0 { result.text.append(0x0A) }
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                if byte == UInt8(ascii: "<"), let close = line[index...].firstIndex(of: UInt8(ascii: ">")),
                    isTag(line[(index + 1)..<close])
                {
                    index = close + 1
                } else if byte == UInt8(ascii: "{"), let close = line[index...].firstIndex(of: UInt8(ascii: "}")),
                    line[index + 1..<close].first == UInt8(ascii: "\\")
                {
                    index = close + 1
                } else {
                    result.text.append(byte)
                    index += 1
                }
            }
        }
        return result
    }

    /// `<v.loud Ada Okafor>` -> "Ada Okafor".
    private static func voiceName(_ tag: ArraySlice<UInt8>) -> String? {
        guard let space = tag.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) else { return nil }
        let name = String(decoding: tag[(space + 1)...], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return name.isEmpty ? nil : name
    }

    /// `i`, `/i`, `b`, `font color="..."`: a tag name of letters after an optional slash.
    private static func isTag(_ inner: ArraySlice<UInt8>) -> Bool {
        var body = inner
        if body.first == UInt8(ascii: "/") { body = body.dropFirst() }
        guard let first = body.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) else { return false }
        return true
    }

    private static let named: [(String, [UInt8])] = [
        ("amp;", [UInt8(ascii: "&")]), ("lt;", [UInt8(ascii: "<")]), ("gt;", [UInt8(ascii: ">")]),
        ("nbsp;", [0xC2, 0xA0]), ("lrm;", []), ("rlm;", []), ("quot;", [UInt8(ascii: "\"")]),
        ("apos;", [UInt8(ascii: "'")]),
    ]

    /// A character reference at the start of `text` (which starts with `&`): its bytes and length.
    private static func reference(_ text: ArraySlice<UInt8>) -> ([UInt8], Int)? {
        let rest = text.dropFirst()
        for (name, bytes) in named where rest.starts(with: name.utf8) { return (bytes, name.utf8.count + 1) }
        guard rest.first == UInt8(ascii: "#"), let semicolon = rest.prefix(10).firstIndex(of: UInt8(ascii: ";")) else {
            return nil
        }
        var digits = rest[(rest.startIndex + 1)..<semicolon]
        var radix = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard let value = UInt32(String(decoding: digits, as: UTF8.self), radix: radix), let scalar = Unicode.Scalar(value)
        else { return nil }
        return (Array(String(Character(scalar)).utf8), semicolon - text.startIndex + 1)
    }
}

/// Cue timing lines: `start --> end [settings]`.
enum CueTiming {
    enum Style {
        /// `[hh:]mm:ss.ttt`, hours optional.
        case webVTT
        /// `hh:mm:ss,ttt` (a dot is accepted too).
        case srt
    }

    struct Parsed {
        var start: Double
        var end: Double
        /// 1-based columns of the two timestamps.
        var startColumn: Int
        var endColumn: Int
    }

    /// The cue times of `line`, or an issue pointing at the part that is wrong.
    static func parse(_ line: ArraySlice<UInt8>, number: Int, style: Style) -> Result<Parsed, TranscriptIssue> {
        let example = style == .webVTT ? "00:01:02.500 --> 00:01:05.000" : "00:01:02,500 --> 00:01:05,000"
        func failure(_ column: Int, _ message: String) -> Result<Parsed, TranscriptIssue> {
            .failure(TranscriptIssue(.cueTiming, line: number, column: column, message + " (expected e.g. \(example))"))
        }
        let bytes = Array(line)
        guard let arrow = find(Array("-->".utf8), in: bytes) else {
            return failure(1, "expected a cue timing line, found \(quoted(bytes))")
        }
        var startIndex = 0
        while startIndex < arrow, bytes[startIndex] == 0x20 || bytes[startIndex] == 0x09 { startIndex += 1 }
        var startEnd = arrow
        while startEnd > startIndex, bytes[startEnd - 1] == 0x20 || bytes[startEnd - 1] == 0x09 { startEnd -= 1 }
        var endIndex = arrow + 3
        while endIndex < bytes.count, bytes[endIndex] == 0x20 || bytes[endIndex] == 0x09 { endIndex += 1 }
        var endEnd = endIndex
        while endEnd < bytes.count, bytes[endEnd] != 0x20, bytes[endEnd] != 0x09 { endEnd += 1 }
        guard let start = timestamp(bytes[startIndex..<startEnd], style: style) else {
            return failure(startIndex + 1, "malformed cue start time \(quoted(Array(bytes[startIndex..<startEnd])))")
        }
        guard endEnd > endIndex, let end = timestamp(bytes[endIndex..<endEnd], style: style) else {
            return failure(endIndex + 1, "malformed cue end time \(quoted(Array(bytes[endIndex..<endEnd])))")
        }
        return .success(Parsed(start: start, end: end, startColumn: startIndex + 1, endColumn: endIndex + 1))
    }

    /// Seconds of `hh:mm:ss.ttt` (minutes and seconds below 60, exactly three fraction digits).
    static func timestamp(_ text: ArraySlice<UInt8>, style: Style) -> Double? {
        let parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        if style == .srt, parts.count != 3 { return nil }
        let last = parts[parts.count - 1]
        let separators: [UInt8] = style == .webVTT ? [UInt8(ascii: ".")] : [UInt8(ascii: ","), UInt8(ascii: ".")]
        guard let dot = last.firstIndex(where: { separators.contains($0) }) else { return nil }
        func number(_ digits: ArraySlice<UInt8>, exactly width: Int?) -> Int? {
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            if let width, digits.count != width { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard let seconds = number(last[..<dot], exactly: 2), seconds < 60,
            let millis = number(last[(dot + 1)...], exactly: 3),
            let minutes = number(parts[parts.count - 2], exactly: 2), minutes < 60
        else { return nil }
        var hours = 0
        if parts.count == 3 {
            guard let value = number(parts[0], exactly: nil), parts[0].count >= (style == .webVTT ? 2 : 1) else { return nil }
            hours = value
        }
        return Double(hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis) / 1000
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for index in 0...(bytes.count - needle.count) where bytes[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    private static func quoted(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(60), as: UTF8.self)
        return "\"\(text)\(bytes.count > 60 ? "…" : "")\""
    }

    /// `hh:mm:ss.ttt` for messages.
    static func format(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String.repeated("0", count: max(0, width - text.count)) + text
        }
        return "\(pad(millis / 3_600_000, 2)):\(pad(millis / 60_000 % 60, 2)):\(pad(millis / 1000 % 60, 2)).\(pad(millis % 1000, 3))"
    }
}

/// Cues in time order, each after the previous one ends: checked as cues are read.
struct CueOrder {
    private var previous: (start: Double, end: Double, line: Int)?

    /// Issues of a cue at `line` with `timing`; the cue is kept as the new "previous" either way.
    mutating func check(_ timing: CueTiming.Parsed, line: Int) -> [TranscriptIssue] {
        var issues: [TranscriptIssue] = []
        let start = CueTiming.format(timing.start)
        let end = CueTiming.format(timing.end)
        if timing.end < timing.start {
            issues.append(
                TranscriptIssue(
                    .cueBackwards, line: line, column: timing.endColumn, "cue ends (\(end)) before it starts (\(start))"))
        }
        if let previous {
            if timing.start < previous.start {
                issues.append(
                    TranscriptIssue(
                        .cueOrder, line: line, column: timing.startColumn,
                        "cue starts at \(start), before the previous cue (line \(previous.line)) started at \(CueTiming.format(previous.start)); cues must be in time order"
                    ))
            } else if timing.start < previous.end {
                issues.append(
                    TranscriptIssue(
                        .cueOverlap, line: line, column: timing.startColumn,
                        "cue starts at \(start), before the previous cue (line \(previous.line)) ends at \(CueTiming.format(previous.end)); overlapping cues"
                    ))
            }
        }
        previous = (timing.start, max(timing.start, timing.end), line)
        return issues
    }
}
