import AssessCore
import XCTest

final class TranscriptReaderTests: XCTestCase {
    func read(_ text: String, _ format: TranscriptFormat) -> TranscriptReading {
        TranscriptReader.read(Array(text.utf8), format: format)
    }

    func words(_ transcript: Transcript) -> [String] {
        (0..<transcript.wordCount).map(transcript.word)
    }

    // MARK: WebVTT

    func testWebVTTCuesTimesVoicesTagsAndMarkers() {
        let vtt = """
            WEBVTT - an example

            NOTE this block is skipped
            and so is this line

            STYLE
            ::cue { color: yellow }

            intro
            00:00:00.000 --> 00:00:02.500 align:start position:10%
            [Music]

            00:00:02.500 --> 00:00:05.000
            <v.host Joel Whitfield>Welcome, I'm <i>speaking</i> with
            Marin Castellanos &amp; friends.

            01:02.000 --> 01:04.250
            <v Maren Castellanos><c.yellow>It's</c><00:01:03.000> (laughs) long-term&nbsp;work ♪ la la ♪
            """
        let reading = read(vtt, .webVTT)
        XCTAssertEqual(reading.issues, [])
        let transcript = reading.transcript
        XCTAssertEqual(transcript.segments.count, 3)
        XCTAssertEqual(transcript.segments.map(\.start), [0, 2.5, 62])
        XCTAssertEqual(transcript.segments.map(\.end), [2.5, 5, 64.25])
        XCTAssertEqual(transcript.segments.map(\.line), [10, 13, 17])
        XCTAssertEqual(transcript.segments.map(\.voice), [nil, "Joel Whitfield", "Maren Castellanos"])
        XCTAssertEqual(transcript.voices, ["Joel Whitfield", "Maren Castellanos"])
        // Tags gone, the two lines of the cue joined, entities decoded, markers left out.
        XCTAssertEqual(
            words(transcript), ["Welcome,", "I'm", "speaking", "with", "Marin", "Castellanos", "friends.", "It's", "long-term", "work"])
        XCTAssertEqual(transcript.nonSpeechMarkers, 3)
        XCTAssertEqual(transcript.segments.map(\.words), [0..<0, 0..<7, 7..<10])  // "&" is no word
        XCTAssertTrue(transcript.contains("marin  CASTELLANOS"))
        XCTAssertTrue(transcript.contains("long term work"))
        XCTAssertFalse(transcript.contains("la la"))
        XCTAssertFalse(transcript.contains("music"))
    }

    func testBrokenWebVTTCueReportsItsLineAndTheRestIsStillRead() {
        let vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            first cue

            00:00:03.000 -> 00:00:04.000
            a broken arrow

            00:00:05.000 --> 00:00:61.000
            seconds past 59

            00:00:07.000 --> 00:00:08.000
            last cue
            """
        let reading = read(vtt, .webVTT)
        XCTAssertEqual(reading.issues.map(\.ruleID), ["transcript-cue-timing", "transcript-cue-timing"])
        XCTAssertEqual(reading.issues.map(\.line), [6, 9])
        XCTAssertEqual(reading.issues.map(\.column), [1, 18])
        XCTAssertTrue(reading.issues[0].message.contains("expected a cue timing line"), reading.issues[0].message)
        XCTAssertTrue(reading.issues[1].message.contains("malformed cue end time \"00:00:61.000\""), reading.issues[1].message)
        XCTAssertEqual(words(reading.transcript), ["first", "cue", "last", "cue"])
    }

    func testOverlappingBackwardsAndOutOfOrderCuesAreErrors() {
        let vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            one

            00:00:03.500 --> 00:00:05.000
            overlaps the first

            00:00:09.000 --> 00:00:08.000
            ends before it starts

            00:00:02.000 --> 00:00:03.000
            goes back in time
            """
        let reading = read(vtt, .webVTT)
        XCTAssertEqual(
            reading.issues.map { "\($0.line):\($0.column) \($0.ruleID)" },
            ["6:1 transcript-cue-overlap", "9:18 transcript-cue-backwards", "12:1 transcript-cue-order"])
        XCTAssertEqual(
            reading.issues[0].message,
            "cue starts at 00:00:03.500, before the previous cue (line 3) ends at 00:00:04.000; overlapping cues")
    }

    func testWebVTTHeaderAndMissingBlankLine() {
        XCTAssertEqual(read("00:00:01.000 --> 00:00:02.000\nhello\n", .webVTT).issues.map(\.ruleID), ["transcript-header"])
        let glued = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhello\n00:00:02.000 --> 00:00:03.000\nworld\n"
        let reading = read(glued, .webVTT)
        XCTAssertEqual(reading.issues.map { "\($0.line) \($0.ruleID)" }, ["5 transcript-cue-timing"])
        // A byte-order mark and CRLF line ends are fine.
        let crlf = "\u{FEFF}WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nhi there\r\n"
        XCTAssertEqual(read(crlf, .webVTT).issues, [])
        XCTAssertEqual(read(crlf, .webVTT).transcript.wordCount, 2)
    }

    // MARK: SRT

    func testSRTCuesTimesAndTags() {
        let srt = """
            1
            00:00:01,000 --> 00:00:03,200
            <i>Hello</i> and {\\an8}welcome
            to the <font color="#ffff00">show</font>.

            2
            00:00:03,200 --> 00:01:00,000
            [Applause] Thanks.
            """
        let reading = read(srt, .srt)
        XCTAssertEqual(reading.issues, [])
        XCTAssertEqual(reading.transcript.segments.map(\.start), [1, 3.2])
        XCTAssertEqual(reading.transcript.segments.map(\.end), [3.2, 60])
        XCTAssertEqual(reading.transcript.segments.map(\.line), [2, 7])
        XCTAssertEqual(words(reading.transcript), ["Hello", "and", "welcome", "to", "the", "show.", "Thanks."])
        XCTAssertEqual(reading.transcript.nonSpeechMarkers, 1)
    }

    func testBrokenSRTCueReportsItsLine() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nfine\n\n2\n00:00:02.5 --> 00:00:04,000\nbad start\n\n3\n00:00:01,000 --> 00:00:05,000\nback in time\n"
        let reading = read(srt, .srt)
        XCTAssertEqual(reading.issues.map { "\($0.line):\($0.column) \($0.ruleID)" }, ["6:1 transcript-cue-timing", "10:1 transcript-cue-overlap"])
        XCTAssertTrue(reading.issues[0].message.hasPrefix("malformed cue start time \"00:00:02.5\""), reading.issues[0].message)
        let noNumber = read("hello there\n00:00:01,000 --> 00:00:02,000\n", .srt)
        XCTAssertEqual(noNumber.issues.map { "\($0.line) \($0.ruleID)" }, ["1 transcript-cue-timing"])
    }

    // MARK: plain text and bytes

    func testPlainTextLinesAreUntimedSegments() {
        let reading = read("[Music] hello everybody\n\n(applause) in this episode (a long parenthesis stays spoken)\n", .plainText)
        XCTAssertEqual(reading.issues, [])
        let transcript = reading.transcript
        XCTAssertEqual(transcript.segments.count, 2)
        XCTAssertEqual(transcript.segments.map(\.start), [nil, nil])
        XCTAssertEqual(transcript.segments.map(\.line), [1, 3])
        XCTAssertEqual(transcript.nonSpeechMarkers, 2)
        XCTAssertEqual(
            words(transcript), ["hello", "everybody", "in", "this", "episode", "(a", "long", "parenthesis", "stays", "spoken)"])
    }

    func testInvalidUTF8IsReportedWithItsLine() {
        var bytes = Array("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nna".utf8)
        bytes.append(0xFF)
        bytes += Array("ive\n".utf8)
        let reading = TranscriptReader.read(bytes, format: .webVTT)
        XCTAssertEqual(reading.issues.map { "\($0.line):\($0.column) \($0.ruleID)" }, ["4:3 transcript-encoding"])
    }

    func testKeysIgnoreCasePunctuationAndHyphens() {
        XCTAssertEqual(WordKeys.keys("Long-term, don’t  axrp.net 'quoted' Über"), ["long", "term", "don't", "axrp", "net", "quoted", "Über"])
        let transcript = read("It's NOT dangerous -- really.", .plainText).transcript
        XCTAssertEqual(transcript.wordCount, 4)  // "--" is no word
        XCTAssertTrue(transcript.contains("it's not"))
        XCTAssertFalse(transcript.contains("not safe"))
    }
}
