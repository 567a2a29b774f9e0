@testable import AssessCore
import AssessJSON
import XCTest

final class ReviewRenderingTests: XCTestCase {
    /// The case `assess review` exists for: a draft becomes reviewed, the score moves, a key moment is
    /// added and one edited, emphases change, and the summary is edited.
    private func editorialRound() -> [FieldChange] {
        let edited = reviewSummary150.replacingOccurrences(
            of: "frontier models better.", with: "frontier models more capable.")
        let old = reviewJSON(
            """
            {"status": "draft", "perspective": {"score": -5, "band": "mixed"},
             "summary": "\(reviewSummary150)",
             "emphases": ["alignment", "control"],
             "keyMoments": [{"at": "00:13:03", "score": 10, "label": "Publishing may speed up capabilities"}]}
            """)
        let new = reviewJSON(
            """
            {"status": "reviewed", "perspective": {"score": -20, "band": "risk-forward"},
             "summary": "\(edited)",
             "emphases": ["alignment", "grokking"],
             "keyMoments": [{"at": "00:13:03", "score": 25, "label": "Publishing may speed up capabilities"},
                            {"at": "00:41:10", "score": 15, "label": "Induction heads | form in a *sudden* phase change"}]}
            """)
        return FieldDiff.diff(old: old, new: new)
    }

    func testTextForAnEditorialRound() {
        XCTAssertEqual(
            ReviewRendering.text(editorialRound(), style: .plain),
            """
            ~ status                      draft -> reviewed
            ~ perspective.score           −5 -> −20 (−15)
            ~ perspective.band            mixed -> risk-forward
            ~ summary                     … could make frontier models [-better.-]{+more capable.+} The long middle walks …
            ~ emphases                    +grokking, -control
            + keyMoments                  +1 (00:41:10 score 15 "Induction heads | form in a *sudden* phase change")
            ~ keyMoments[00:13:03].score  10 -> 25 (+15)
            """)
    }

    func testMarkdownForAnEditorialRound() {
        XCTAssertEqual(
            ReviewRendering.markdown(editorialRound()),
            """
            | Kind | Field | Change |
            |---|---|---|
            | changed | `status` | `draft` → `reviewed` |
            | changed | `perspective.score` | `-5` → `-20` (-15) |
            | changed | `perspective.band` | `mixed` → `risk-forward` |
            | changed | `summary` | … could make frontier models ~~better.~~ **more capable.** The long middle walks … |
            | changed | `emphases` | +grokking, -control |
            | added | `keyMoments` | +1 (00:41:10 score 15 "Induction heads \\| form in a \\*sudden\\* phase change") |
            | changed | `keyMoments[00:13:03].score` | `10` → `25` (+15) |

            """)
    }

    func testMarkdownEscapesPipesAndStarsInWordDiffsAndCodeSpans() {
        let changes = FieldDiff.diff(
            old: reviewJSON(#"{"machineReview": {"note": "The map says a | b, and the lexicon scores *control* once. Listening disagrees."}, "lens": "a|b"}"#),
            new: reviewJSON(#"{"machineReview": {"note": "The map says a | c, and the lexicon scores **control** once. Listening disagrees."}, "lens": "a`|`b"}"#))
        XCTAssertEqual(
            ReviewRendering.markdown(changes),
            """
            | Kind | Field | Change |
            |---|---|---|
            | changed | `machineReview.note` | The map says a \\| ~~b,~~ **c,** and the lexicon scores ~~\\*control\\*~~ **\\*\\*control\\*\\*** once. Listening disagrees. |
            | changed | `lens` | `"a\\|b"` → ``"a`\\|`b"`` |

            """)
        // Every row still has exactly four unescaped cell separators.
        for row in ReviewRendering.markdown(changes).split(separator: "\n").dropFirst(2) {
            let separators = row.indices.filter { row[$0] == "|" && (row.startIndex == $0 || row[row.index(before: $0)] != "\\") }
            XCTAssertEqual(separators.count, 4, String(row))
        }
    }

    func testMarkdownEscapesUnderscoresBackticksAndNewlines() {
        XCTAssertEqual(ReviewRendering.markdownText("snake_case `code` [link](x) <b>\nnext"), #"snake\_case \`code\` \[link\](x) \<b\><br>next"#)
        XCTAssertEqual(ReviewRendering.markdownCode("``x``"), "``` ``x`` ```")
        XCTAssertEqual(ReviewRendering.markdownCode("a\nb|c"), #"`a b\|c`"#)
    }

    func testColourOnlyThroughTheStyle() {
        let changes = FieldDiff.diff(
            old: reviewJSON(#"{"status": "draft", "editorNote": "x"}"#),
            new: reviewJSON(#"{"status": "reviewed", "updated": "2026-11-21"}"#))
        let coloured = ReviewRendering.text(changes, style: TerminalStyle(enabled: true))
        let red = "\u{1B}[1;31m", green = "\u{1B}[32m", yellow = "\u{1B}[1;33m", reset = "\u{1B}[0m"
        XCTAssertEqual(
            coloured,
            """
            \(yellow)~\(reset) \(yellow)status\(reset)      \(red)draft\(reset) -> \(green)reviewed\(reset)
            \(green)+\(reset) \(green)updated\(reset)     \(green)2026-11-21\(reset)
            \(red)-\(reset) \(red)editorNote\(reset)  \(red)x\(reset)
            """)
        XCTAssertFalse(ReviewRendering.text(changes, style: .plain).contains("\u{1B}"))
    }

    func testControlAndBidiCharactersCannotReachTheTerminal() {
        let changes = FieldDiff.diff(
            old: reviewJSON(#"{"label": "ok"}"#),
            new: reviewJSON(#"{"label": "ok\u001B[2J \u202Eevil", "k\u0007": 1}"#))
        let text = ReviewRendering.text(changes, style: .plain)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, text)
        XCTAssertEqual(
            text,
            #"""
            ~ label        ok -> "ok\u001B[2J \u{202E}evil"
            + ["k\u0007"]  1
            """#)
    }

    func testWordDiffElidesOnlyLongUnchangedRuns() {
        let segments = [
            WordSegment(.equal, "one two three four five six"), WordSegment(.deleted, "x"), WordSegment(.inserted, "y"),
            WordSegment(.equal, "a b c d e f g h i"), WordSegment(.inserted, "z"), WordSegment(.equal, "p q r s"),
        ]
        let change = FieldChange(path: "/summary", field: "summary", kind: .changed, words: segments)
        XCTAssertEqual(
            ReviewRendering.text([change], style: .plain),
            "~ summary  … three four five six [-x-]{+y+} a b c d e f g h i {+z+} p q r s")
        var longer = change
        longer.words?[3] = WordSegment(.equal, "a b c d e f g h i j")
        XCTAssertEqual(
            ReviewRendering.text([longer], style: .plain),
            "~ summary  … three four five six [-x-]{+y+} a b c d … g h i j {+z+} p q r s")
    }
}

final class WrappingTests: XCTestCase {
    func testWrapsAtSpacesWithinTheWidth() {
        XCTAssertEqual(Wrapping.wrap("short", width: 10), ["short"])
        XCTAssertEqual(Wrapping.wrap("aaa bbb ccc", width: 7), ["aaa bbb", "ccc"])
        XCTAssertEqual(Wrapping.wrap("aaa bbb ccc", width: 6), ["aaa", "bbb", "ccc"])
        XCTAssertEqual(Wrapping.wrap("averyveryverylongword x", width: 5), ["averyveryverylongword", "x"])
        XCTAssertEqual(Wrapping.wrap("a\nb c", width: 10), ["a", "b c"])
        // Characters, not bytes: "é" counts one.
        XCTAssertEqual(Wrapping.wrap("ééé ééé", width: 7), ["ééé ééé"])
        XCTAssertEqual(Wrapping.wrap("ééé ééé", width: 6), ["ééé", "ééé"])
        XCTAssertEqual(Wrapping.wrap("", width: 6), [""])
    }
}

extension WrappingTests {
    /// The byte-level path breaks where splitting by characters would, whatever the text.
    func testByteAndCharacterWrappingAgree() {
        func byCharacters(_ text: String, width: Int) -> [String] {
            var lines: [String] = []
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                var line = ""
                for word in paragraph.split(separator: " ") {
                    if line.isEmpty { line = String(word) }
                    else if line.count + 1 + word.count <= width { line += " " + word }
                    else { lines.append(line); line = String(word) }
                }
                lines.append(line)
            }
            return lines
        }
        let texts = [
            "machine \u{2212}3.2 mixed (headline score) · listen 10 mixed · delta +13.2 · bands agree and then some more words",
            "a \u{301}b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii jj kk",
            "line one\r\nline two is here and it is long enough to wrap around the width of forty",
            "emoji 👍🏽 and 🇫🇷 flags with e\u{301}accents across a text that wraps  twice  over",
            "  leading and trailing spaces  \n\nand blank lines in between them, long enough to wrap",
        ]
        for text in texts {
            for width in [10, 20, 40] {
                XCTAssertEqual(Wrapping.wrap(text, width: width), byCharacters(text, width: width), "\(width): \(text.debugDescription)")
            }
        }
    }
}

final class CharacterCountTests: XCTestCase {
    /// The quick count agrees with `count` on the text the reports draw, and falls back to it
    /// on anything else.
    func testAgreesWithCount() {
        let texts = [
            "", "plain", "−24.24 risk-forward", "◖━━━━━━◗ ● ├─┼─┤ ▁▂▃▄▅▆▇█", "a\r\nb", "tab\there", "e\u{301}", "👍🏽",
            "🇫🇷", "x\u{FE0F}", "soft\u{AD}hyphen", "café · naïve — “quoted” … →", "ᄀ\u{1161}", "a\u{200D}b", "\u{20DD}○",
        ]
        for text in texts {
            XCTAssertEqual(text.characterCount, text.count, text.debugDescription)
            XCTAssertEqual(text.padding(12).count, max(12, text.count), text.debugDescription)
            XCTAssertEqual((text + "  ").trimmedRight, text, text.debugDescription)
        }
        XCTAssertEqual("a  ".trimmedRight, "a")
        XCTAssertEqual("−5".leftPadding(4), "  −5")
    }
}
