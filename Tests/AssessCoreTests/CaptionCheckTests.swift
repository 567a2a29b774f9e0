import AssessCore
import XCTest
import _AssessTestSupport

final class CaptionCheckTests: XCTestCase {
    let glossary = Glossary(entries: [
        .init(term: "Neel Nanda", kind: .person), .init(term: "Chris Olah", kind: .person),
        .init(term: "grokking", kind: .term), .init(term: "in-context learning", kind: .term),
        .init(term: "induction heads", kind: .term), .init(term: "TransformerLens", kind: .term),
        .init(term: "superposition", kind: .term), .init(term: "Redwood Research", kind: .organisation),
        .init(term: "stochastic gradient descent", kind: .term, heardAs: ["static gradient descent"]),
    ])

    func suggestions(_ text: String, format: TranscriptFormat = .plainText, people: [String] = []) -> [String] {
        let transcript = TranscriptReader.read(Array(text.utf8), format: format).transcript
        return CaptionCheck.suggestions(in: transcript, people: people, glossary: glossary).map {
            "\($0.heard) -> \($0.correct) ×\($0.count)" + ($0.at.map { " at \($0)" } ?? "")
        }
    }

    func testCloseSpellingsOfNamesAndTermsAreSuggested() {
        let text = """
            I'm speaking with Neil Nanda, who worked with Chris Ola. We discuss grocking, grock king and in cortex
            learning, then induction heads and static gradient descent. Neil nanda again.
            """
        XCTAssertEqual(
            suggestions(text),
            [
                "Neil Nanda -> Neel Nanda ×2", "Chris Ola -> Chris Olah ×1", "grocking -> grokking ×1", "grock king -> grokking ×1",
                "in cortex learning -> in-context learning ×1", "static gradient descent -> stochastic gradient descent ×1",
            ])
    }

    func testNearMissesThatAreNotMishearingsAreLeftAlone() {
        // A first name alone, a real word two edits away, a split that holds the term itself, spacing,
        // a plural, a word too different, and correct spellings.
        let text = """
            Neil did the work. We were rocking. It is superposition so. The Transformer lens library.
            Redwoods research and induction head circuits, induction ads, Neel Nanda and grokking.
            """
        XCTAssertEqual(suggestions(text), [])
    }

    func testTheLibraryItemsPeopleCountAndTimedTranscriptsGiveTheTime() {
        let vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            <v Joel Whitfield>Welcome.

            00:01:05.500 --> 00:01:08.000
            <v Joel Whitfield>I'm speaking with Marin Castellanos today.
            """
        XCTAssertEqual(
            suggestions(vtt, format: .webVTT, people: ["Joel Whitfield", "Maren Castellanos"]),
            ["Marin Castellanos -> Maren Castellanos ×1 at 00:01:05"])
    }

    /// The seed's captions (read from ../shared in place): "Neil Nanda" and "grocking" among the suggestions.
    func testSeedTranscriptMishearings() throws {
        guard let text = try ProjectPaths.seedTranscript() else {
            throw XCTSkip("../shared/seed not found: skipping the seed caption check")
        }
        let layout = ContentLayout(root: ProjectPaths.root)
        let glossary = try Glossary.load(layout: layout, displayDirectory: ProjectPaths.root)
        let transcript = TranscriptReader.read(Array(text.utf8), format: .plainText).transcript
        let found = CaptionCheck.suggestions(in: transcript, people: ["Daniel Filan", "Neel Nanda"], glossary: glossary)
        let pairs = found.map { "\($0.heard) -> \($0.correct)" }
        XCTAssertTrue(pairs.contains("Neil Nanda -> Neel Nanda"), "\(pairs)")
        XCTAssertTrue(pairs.contains("grocking -> grokking"), "\(pairs)")
        XCTAssertTrue(pairs.contains("in cortex learning -> in-context learning"), "\(pairs)")
        XCTAssertEqual(found.first { $0.heard == "grocking" }?.count, 20)
        XCTAssertEqual(found.first { $0.heard == "Neil Nanda" }?.count, 3)
        // Every suggestion names text the captions really hold, as the caption-heard check requires.
        XCTAssertTrue(found.allSatisfy { transcript.contains($0.heard) })
    }
}
