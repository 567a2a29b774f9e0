@testable import AssessSchema
import XCTest

/// The byte matchers for the content schemas' simple patterns decide exactly what the regex does.
final class SimplePatternTests: XCTestCase {
    static let patterns = [
        "^[a-z0-9]+(-[a-z0-9]+)*$",
        "^\\d{4}-\\d{2}-\\d{2}$",
        "^\\d{2}:[0-5]\\d:[0-5]\\d$",
        "^[^@\\s]+$",
        "^[^@\\s]+@[^@\\s]+$",
        "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
        "^[0-9]+$",
        "^[A-Za-z0-9_-]+$",
        "^[A-Za-z0-9_-]{11}$",
        "^[0-9a-f]{64}$",
        "^[a-z0-9][a-z0-9 -]*$",
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$",
        "^content/resources/transcripts/[a-z0-9]+(-[a-z0-9]+)*\\.(vtt|srt|txt)$",
        "(^|/)transcript-assessment\\.schema\\.json$",
        "(^|/)library-item\\.schema\\.json$",
    ]

    static let samples: [String] = {
        var samples = [
            "", "a", "-", "a-", "-a", "a--b", "a-b", "abc-123-x", "ABC", "a_b", "a.b", "a b", "a\n", "\na", "é", "a-é",
            "2026-11-21", "2026-1-21", "2026-11-2x", "2026/11/21", "12026-11-21", "2026-11-21\n", "٢٠٢٦-11-21",
            "00:00:00", "23:59:59", "99:59:59", "00:60:00", "00:00:60", "0:00:00", "00:00:00\n",
            "ada@example.org", "ada@example", "@example.org", "ada@", "ada@@example.org", "a@b@c", "a b@c.d",
            "ada@example.", "ada@.org", "ada@e.o", "ada\t@x.y", "adá@example.org", "ada@exa\u{00A0}mple.org",
            "ada@exa\u{2003}mple.org", "ada@ex.ample.org", "a@b.", "a@.b.c", "ada", "ad\u{FEFF}a", "a\u{0B}b",
            "0", "0123456789", "12a", "abcdefghijk", "abc-def_GHI", "abcdefghij", "abcdefghijkl", "abc=defghij",
            String(repeating: "a", count: 64), String(repeating: "f", count: 63), String(repeating: "0", count: 65),
            String(repeating: "A", count: 64), "a b c", "a  -", " a", "a\u{0}",
            "content/resources/transcripts/a-b.vtt", "content/resources/transcripts/a-b.srt",
            "content/resources/transcripts/a-b.txt", "content/resources/transcripts/a-b.mp3",
            "content/resources/transcripts/.vtt", "content/resources/transcripts/a-.vtt",
            "content/resources/transcripts/a.b.vtt", "content/resources/transcripts/a-b.vtt\n",
            "xcontent/resources/transcripts/a-b.vtt", "content/resources/transcripts/A.vtt",
            "transcript-assessment.schema.json", "schemas/transcript-assessment.schema.json",
            "https://x.example/schemas/transcript-assessment.schema.json", "xtranscript-assessment.schema.json",
            "transcript-assessment.schema.json#", "transcript-assessmentxschemaxjson", "/transcript-assessment.schema.json",
            "library-item.schema.json", "../library-item.schema.json", "library-item.schema.jsonx",
            "2026-04-02T00:00:00Z", "2026-04-02T00:00:00.5Z", "2026-04-02T00:00:00.123456+02:00", "2026-04-02T00:00:00-07:30",
            "2026-04-02T00:00:00", "2026-04-02T00:00:00.Z", "2026-04-02T00:00:00z", "2026-04-02t00:00:00Z",
            "2026-04-02 00:00:00Z", "2026-04-02T00:00:00+0200", "2026-04-02T00:00:00+02:00Z", "2026-04-02T0:00:00Z",
            "2026-04-02T00:00:00ZZ", "2026-04-02T00:00:00.1.2Z", "2026-04-02T00:00:00+02:0", "2026-04-02T00:00:00+02:000",
            "2026-04-02T00:00:00.", "2026-04-02T00:00:00.1", "２026-04-02T00:00:00Z", "2026-04-02T00:00:00+٠٢:00",
        ]
        samples += samples.map { $0 + "\n" }
        return samples
    }()

    func testEveryContentPatternIsRecognised() {
        for pattern in Self.patterns {
            XCTAssertNotNil(SimplePattern(pattern), pattern)
        }
        XCTAssertNil(SimplePattern("^[a-z]+$"))
        XCTAssertNil(SimplePattern("(^|/)a.b$"))
    }

    func testMatchersAgreeWithTheRegex() throws {
        for pattern in Self.patterns {
            let regex = try CompiledRegex(pattern)
            guard let simple = SimplePattern(pattern) else { continue }
            for sample in Self.samples {
                let expected = regex.matches(sample)
                if let answer = simple.matches(sample) {
                    XCTAssertEqual(answer, expected, "\(pattern) on \(sample.debugDescription)")
                }
            }
        }
    }
}
