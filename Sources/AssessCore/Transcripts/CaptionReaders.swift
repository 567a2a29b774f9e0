/// WebVTT (W3C WebVTT 1.0): a `WEBVTT` header, then blocks separated by blank lines.
/// A cue block is an optional identifier line, a timing line and its text lines;
/// `NOTE`, `STYLE` and `REGION` blocks are skipped.
enum WebVTTReader {
    static func read(_ lines: TextLines) -> TranscriptReading {
        var transcript = Transcript(format: .webVTT)
        var issues: [TranscriptIssue] = []
        let blocks = lines.blocks
        guard let header = blocks.first, header.lowerBound == 1, isHeader(lines[1]) else {
            issues.append(
                TranscriptIssue(.header, line: 1, "not a WebVTT file: the first line must be \"WEBVTT\" (a .vtt transcript is WebVTT; use .srt or .txt for other captions)"))
            return TranscriptReading(transcript: transcript, issues: issues)
        }
        for number in header where contains(lines[number], "-->") {
            issues.append(
                TranscriptIssue(.cueTiming, line: number, "a cue timing line inside the WEBVTT header: leave a blank line after the header"))
        }
        var order = CueOrder()
        for block in blocks.dropFirst() {
            let first = lines[block.lowerBound]
            if startsWithKeyword(first, "NOTE") || startsWithKeyword(first, "STYLE") || startsWithKeyword(first, "REGION") {
                continue
            }
            // The timing line is the first line, or the second after a cue identifier.
            var timingLine = block.lowerBound
            if !contains(first, "-->"), block.count > 1, contains(lines[block.lowerBound + 1], "-->") {
                timingLine += 1
            }
            guard let (timing, textLines) = CueBlock.read(
                lines, block, timingLine: timingLine, style: .webVTT, order: &order, issues: &issues)
            else { continue }
            let cue = CueText.webVTT(textLines)
            transcript.appendSegment(
                text: cue.text, start: timing.start, end: timing.end, line: timingLine, voice: cue.voice)
        }
        return TranscriptReading(transcript: transcript, issues: issues)
    }

    /// `WEBVTT`, alone or followed by a space or tab and any text.
    static func isHeader(_ line: ArraySlice<UInt8>) -> Bool {
        startsWithKeyword(line, "WEBVTT")
    }

    static func startsWithKeyword(_ line: ArraySlice<UInt8>, _ keyword: String) -> Bool {
        guard line.starts(with: keyword.utf8) else { return false }
        let rest = line.dropFirst(keyword.utf8.count)
        return rest.isEmpty || rest.first == 0x20 || rest.first == 0x09
    }

    static func contains(_ line: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard line.count >= needle.count else { return false }
        var index = line.startIndex
        while index <= line.endIndex - needle.count {
            if line[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// SubRip (SRT): blocks separated by blank lines, each a cue number, a timing line
/// (`00:01:02,500 --> 00:01:05,000`) and its text lines.
enum SRTReader {
    static func read(_ lines: TextLines) -> TranscriptReading {
        var transcript = Transcript(format: .srt)
        var issues: [TranscriptIssue] = []
        var order = CueOrder()
        for block in lines.blocks {
            let first = lines[block.lowerBound]
            var timingLine = block.lowerBound
            if !WebVTTReader.contains(first, "-->") {
                guard isCueNumber(first) else {
                    issues.append(
                        TranscriptIssue(
                            .cueTiming, line: block.lowerBound,
                            "expected a cue number or a cue timing line, found \"\(String(decoding: first.prefix(60), as: UTF8.self))\" (is a blank line missing between cues?)"))
                    continue
                }
                guard block.count > 1 else {
                    issues.append(
                        TranscriptIssue(.cueTiming, line: block.lowerBound, "cue number without a timing line"))
                    continue
                }
                timingLine += 1
            }
            guard let (timing, textLines) = CueBlock.read(
                lines, block, timingLine: timingLine, style: .srt, order: &order, issues: &issues)
            else { continue }
            let cue = CueText.srt(textLines)
            transcript.appendSegment(text: cue.text, start: timing.start, end: timing.end, line: timingLine, voice: nil)
        }
        return TranscriptReading(transcript: transcript, issues: issues)
    }

    static func isCueNumber(_ line: ArraySlice<UInt8>) -> Bool {
        var digits = line
        while let last = digits.last, last == 0x20 || last == 0x09 { digits = digits.dropLast() }
        return !digits.isEmpty && digits.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}

/// The part of a cue block both caption formats share: the timing line and the text under it.
enum CueBlock {
    /// The timing and text lines of the cue in `block` whose timing is on `timingLine`, with its
    /// order against the cues before it checked; nil (its issue recorded) when the timing is unreadable.
    static func read(
        _ lines: TextLines, _ block: ClosedRange<Int>, timingLine: Int, style: CueTiming.Style,
        order: inout CueOrder, issues: inout [TranscriptIssue]
    ) -> (CueTiming.Parsed, [ArraySlice<UInt8>])? {
        let timing: CueTiming.Parsed
        switch CueTiming.parse(lines[timingLine], number: timingLine, style: style) {
        case .success(let parsed): timing = parsed
        case .failure(let issue):
            issues.append(issue)
            return nil
        }
        var textLines: [ArraySlice<UInt8>] = []
        var number = timingLine + 1
        while number <= block.upperBound {
            if WebVTTReader.contains(lines[number], "-->") {
                issues.append(
                    TranscriptIssue(
                        .cueTiming, line: number,
                        "a cue timing line inside the text of the cue at line \(timingLine): separate cues with a blank line"))
                break
            }
            textLines.append(lines[number])
            number += 1
        }
        issues += order.check(timing, line: timingLine)
        return (timing, textLines)
    }
}
