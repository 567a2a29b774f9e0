import AssessCore
import XCTest

final class SlugTests: XCTestCase {
    func testAcceptsKebabCase() throws {
        XCTAssertEqual(try Slug("mechanistic-interpretability-with-neel-nanda").rawValue, "mechanistic-interpretability-with-neel-nanda")
        XCTAssertEqual(try Slug("a").rawValue, "a")
        XCTAssertEqual(try Slug("gpt-4o-2024").rawValue, "gpt-4o-2024")
        XCTAssertNoThrow(try Slug(String(repeating: "a", count: 100)))
    }

    func testRefusesAnythingThatCouldLeaveItsFolderOrIsNotKebabCase() {
        let bad = ["", "..", "../etc/passwd", "a/b", "a\\b", "Upper", "has space", "-lead", "trail-", "dou--ble",
                   "dot.json", "tab\there", "ümlaut", String(repeating: "a", count: 101), "nul\u{0}"]
        for raw in bad {
            XCTAssertThrowsError(try Slug(raw), "\(raw) should be refused") { error in
                XCTAssertTrue(String(describing: error).contains("invalid slug"), "\(error)")
            }
        }
    }

    func testExplainsTheProblem() {
        XCTAssertThrowsError(try Slug("Neel-Nanda")) { error in
            XCTAssertTrue(String(describing: error).contains("did you mean \"neel-nanda\""), "\(error)")
        }
        XCTAssertThrowsError(try Slug("../x")) { error in
            XCTAssertTrue(String(describing: error).contains("not a path"), "\(error)")
        }
    }
}

final class NumberFormatTests: XCTestCase {
    func testNoRawFloats() {
        XCTAssertEqual(NumberFormat.signed(-10.64 - -14.44), "+3.80")
        XCTAssertEqual(NumberFormat.plain(-10.64 - -14.44), "3.8")
        XCTAssertEqual(NumberFormat.plain(-14.44), "-14.44")
        XCTAssertEqual(NumberFormat.plain(0), "0")
        XCTAssertEqual(NumberFormat.plain(-0.001), "0")
        XCTAssertEqual(NumberFormat.fixed(1.005, decimals: 2), "1.01")
        XCTAssertEqual(NumberFormat.fixed(-0.125, decimals: 2), "-0.13")
        XCTAssertEqual(NumberFormat.signed(0), "0.00")
        XCTAssertEqual(NumberFormat.signed(-12), "-12.00")
    }

    func testRangesAreWrittenWithTo() {
        XCTAssertEqual(NumberFormat.range(-15, 0), "-15 to 0")
        XCTAssertEqual(NumberFormat.display("-15"), "\u{2212}15")
    }
}

final class NearestNamesTests: XCTestCase {
    func testSuggestsCloseNames() {
        let known = ["keyMoments", "emphases", "summary", "status"]
        XCTAssertEqual(NearestNames.suggest(for: "keyMoment", among: known).first, "keyMoments")
        XCTAssertEqual(NearestNames.suggest(for: "emphasis", among: known).first, "emphases")
        XCTAssertEqual(NearestNames.suggest(for: "zzzzzz", among: known), [])
    }

    func testSuggestsSlugsContainingTheGivenName() {
        let slugs = ["superalignment-with-jan-leike", "tom-davidson-on-ai-enabled-coups"]
        XCTAssertEqual(NearestNames.suggest(for: "superalignment-with-jan-leik", among: slugs), ["superalignment-with-jan-leike"])
        XCTAssertEqual(NearestNames.suggest(for: "jan-leike", among: slugs), ["superalignment-with-jan-leike"])
    }
}

final class PathDisplayTests: XCTestCase {
    func testRelativePaths() {
        XCTAssertEqual(PathDisplay.relative("/r/content/a.json", to: "/r"), "content/a.json")
        XCTAssertEqual(PathDisplay.relative("/r/content/a.json", to: "/r/schemas"), "../content/a.json")
        XCTAssertEqual(PathDisplay.normalize("/r/./a/../b//c"), "/r/b/c")
        XCTAssertEqual(PathDisplay.absolute("x.json", from: "/r/content"), "/r/content/x.json")
    }
}

final class ClockTimeTests: XCTestCase {
    func testParsesAndFormats() {
        XCTAssertEqual(ClockTime.seconds("01:02:03"), 3723)
        XCTAssertNil(ClockTime.seconds("1:02:03"))
        XCTAssertNil(ClockTime.seconds("00:60:00"))
        XCTAssertEqual(ClockTime.format(3723), "01:02:03")
    }
}

final class CalendarDateTests: XCTestCase {
    func testOnlyRealDates() {
        XCTAssertTrue(CalendarDate.isWellFormed("2024-02-29"))
        XCTAssertFalse(CalendarDate.isWellFormed("2023-02-29"))
        XCTAssertFalse(CalendarDate.isWellFormed("2026-13-01"))
        XCTAssertFalse(CalendarDate.isWellFormed("2026-04-31"))
        XCTAssertFalse(CalendarDate.isWellFormed("2026-4-01"))
        XCTAssertTrue(CalendarDate.isWellFormed("2000-02-29"))
        XCTAssertFalse(CalendarDate.isWellFormed("1900-02-29"))
    }
}
