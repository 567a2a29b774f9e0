@testable import AssessCore
import Testing
import _AssessTestSupport

@Suite("Slugs")
struct SlugTests {
    @Test(arguments: ["mechanistic-interpretability-with-neel-nanda", "a", "gpt-4o-2024", String(repeating: "a", count: 100)])
    func acceptsKebabCase(_ raw: String) throws {
        #expect(try Slug(raw).rawValue == raw)
    }

    @Test(arguments: [
        "", "..", "../etc/passwd", "a/b", "a\\b", "Upper", "has space", "-lead", "trail-", "dou--ble", "dot.json",
        "tab\there", "ümlaut", String(repeating: "a", count: 101), "nul\u{0}",
    ])
    func refusesAnythingThatCouldLeaveItsFolderOrIsNotKebabCase(_ raw: String) {
        #expect(throws: SlugError.self) { try Slug(raw) }
    }

    /// Every string of up to four characters from a small alphabet is accepted exactly when it
    /// matches `^[a-z0-9]+(-[a-z0-9]+)*$`.
    @Test func acceptsExactlyKebabCase() {
        let alphabet: [Character] = ["a", "z", "0", "9", "-", "A", ".", "/", " ", "é"]
        func isKebab(_ text: String) -> Bool {
            !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-") && !text.contains("--")
                && text.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        var strings = [""]
        for _ in 0..<4 { strings += strings.filter { $0.count == strings.last!.count }.flatMap { s in alphabet.map { s + String($0) } } }
        #expect(strings.count == 1 + 10 + 100 + 1_000 + 10_000)
        for text in strings {
            #expect(((try? Slug(text)) != nil) == isKebab(text), "\(text)")
        }
    }

    @Test func explainsTheProblem() throws {
        let upper = try #require(throws: SlugError.self) { try Slug("Neel-Nanda") }
        #expect(upper.description.contains("did you mean \"neel-nanda\""))
        let path = try #require(throws: SlugError.self) { try Slug("../x") }
        #expect(path.description.contains("not a path"))
    }
}

@Suite("Number formatting")
struct NumberFormatTests {
    @Test func noRawFloats() {
        #expect(NumberFormat.signed(-10.64 - -14.44) == "+3.80")
        #expect(NumberFormat.plain(-10.64 - -14.44) == "3.8")
        #expect(NumberFormat.plain(-14.44) == "-14.44")
        #expect(NumberFormat.plain(0) == "0")
        #expect(NumberFormat.plain(-0.001) == "0")
        #expect(NumberFormat.fixed(1.005, decimals: 2) == "1.01")
        #expect(NumberFormat.fixed(-0.125, decimals: 2) == "-0.13")
        #expect(NumberFormat.signed(0) == "0.00")
        #expect(NumberFormat.signed(-12) == "-12.00")
    }

    @Test func rangesAreWrittenWithTo() {
        #expect(NumberFormat.range(-15, 0) == "-15 to 0")
        #expect(NumberFormat.display("-15") == "\u{2212}15")
    }
}

@Suite("Did you mean")
struct NearestNamesTests {
    @Test func suggestsCloseNames() {
        let known = ["keyMoments", "emphases", "summary", "status"]
        #expect(NearestNames.suggest(for: "keyMoment", among: known).first == "keyMoments")
        #expect(NearestNames.suggest(for: "emphasis", among: known).first == "emphases")
        #expect(NearestNames.suggest(for: "zzzzzz", among: known).isEmpty)
    }

    @Test func suggestsSlugsContainingTheGivenName() {
        let slugs = ["superalignment-with-jan-leike", "tom-davidson-on-ai-enabled-coups"]
        #expect(NearestNames.suggest(for: "superalignment-with-jan-leik", among: slugs) == ["superalignment-with-jan-leike"])
        #expect(NearestNames.suggest(for: "jan-leike", among: slugs) == ["superalignment-with-jan-leike"])
    }
}

@Suite("Paths, times and dates")
struct TextFormsTests {
    @Test func relativePaths() {
        #expect(PathDisplay.relative("/r/content/a.json", to: "/r") == "content/a.json")
        #expect(PathDisplay.relative("/r/content/a.json", to: "/r/schemas") == "../content/a.json")
        #expect(PathDisplay.normalize("/r/./a/../b//c") == "/r/b/c")
        #expect(PathDisplay.absolute("x.json", from: "/r/content") == "/r/content/x.json")
        // The byte-level shortcut must agree with the general case at its edges.
        #expect(PathDisplay.relative("/r/content//a.json", to: "/r") == "content/a.json")
        #expect(PathDisplay.relative("/r/content/", to: "/r") == "content")
        #expect(PathDisplay.relative("/rx/a.json", to: "/r") == "../rx/a.json")
        #expect(PathDisplay.relative("/r/é/ü.json", to: "/r") == "é/ü.json")
        #expect(PathDisplay.relative("/r", to: "/r") == ".")
    }

    @Test func contentTargetStem() {
        var target = ContentTarget(path: "/r/content/resources/library/a-b.json", kind: .libraryItem)
        #expect(target.stem == "a-b")
        target.path = "/r/content/resources/library/c.json"
        #expect(target.stem == "c")
        #expect(ContentTarget(path: "/r/x/", kind: .libraryItem).stem == "x")
    }

    @Test func fileNamesSortByBytes() {
        let ascii = ["b.json", "B.json", "a-b.json", "a.json", "a_b.json", "a0.json"]
        #expect(FileSystem.sortedBytewise(ascii) == ascii.sorted(by: bytewiseLess))
        // "e\u{301}" and "é" are equal as Swift strings but differ in bytes; byte order decides.
        let mixed = ["é.json", "e\u{301}.json", "f.json", "e.json", "z.json"]
        #expect(FileSystem.sortedBytewise(mixed) == ["e.json", "e\u{301}.json", "f.json", "z.json", "é.json"])
        // Names that share their first 16 bytes, prefixes of each other, and names of every length.
        var names = ["episode-00001-interpretability.json", "episode-00001-interp.json", "episode-00001-in",
                     "episode-00001-i", "episode-00001-inz", "episode-0000", "", "episode-00001-interpretability"]
        var state: UInt64 = 42
        for _ in 0..<500 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            let length = Int(state >> 59)
            names.append(String((0..<length).map { offset in "ab-é0"[("ab-é0".index("ab-é0".startIndex, offsetBy: Int((state >> UInt64(offset * 3)) % 5)))] }))
        }
        #expect(FileSystem.sortedBytewise(names) == names.sorted(by: bytewiseLess))
        // The same names as ranges of one buffer, as folder listings sort them.
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for name in names {
            ranges.append(buffer.count..<(buffer.count + name.utf8.count))
            buffer += Array(name.utf8)
        }
        let sorted = buffer.withUnsafeBufferPointer { bytes in
            sortedByBytes(ranges, of: bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(sorted == names.sorted(by: bytewiseLess))
    }

    /// `validate` lists files by name; the corpus pairs them by stem ("a-b.json" sorts before
    /// "a.json", but "a" before "a-b"). Hidden files and other names are not content.
    @Test func folderListingsComeInNameOrderOrStemOrder() throws {
        let scratch = try ScratchDirectory()
        for name in ["a.json", "a-b.json", "b.json", ".hidden.json", "notes.txt", ".json", "c.json.bak", "é.json", "Z.json"] {
            try scratch.write("content/resources/library/" + name, "{}")
        }
        let layout = ContentLayout(root: scratch.path)
        let folder = layout.folder(.libraryItem) + "/"
        let all = ContentTargets.all(in: layout)
        #expect(all.map(\.path) == ["Z.json", "a-b.json", "a.json", "b.json", "é.json"].map { folder + $0 })
        #expect(all.map(\.stem) == ["Z", "a-b", "a", "b", "é"])
        #expect(all.allSatisfy { $0.kind == .libraryItem })
        let byKind = ContentTargets.byKind(in: layout)
        #expect(byKind.count == ContentKind.allCases.count)
        let library = byKind[ContentKind.allCases.firstIndex(of: .libraryItem)!]
        #expect(library.map(\.stem) == ["Z", "a", "a-b", "b", "é"])
        #expect(library.map(\.path) == ["Z.json", "a.json", "a-b.json", "b.json", "é.json"].map { folder + $0 })
        #expect(byKind.joined().count == library.count, "the other folders are missing: no files")
    }

    @Test func clockTimes() {
        #expect(ClockTime.seconds("01:02:03") == 3723)
        #expect(ClockTime.seconds("1:02:03") == nil)
        #expect(ClockTime.seconds("00:60:00") == nil)
        #expect(ClockTime.seconds("00:59:60") == nil)
        #expect(ClockTime.seconds("99:59:59") == 359_999)
        #expect(ClockTime.seconds("+1:00:00") == nil)
        #expect(ClockTime.seconds("-1:00:00") == nil)
        #expect(ClockTime.seconds("01-02-03") == nil)
        #expect(ClockTime.seconds("01:02:0٣") == nil)
        #expect(ClockTime.seconds("") == nil)
        #expect(ClockTime.format(3723) == "01:02:03")
        #expect(ClockTime.seconds("00:00:00") == 0)
        #expect(ClockTime.seconds("0a:00:00") == nil)
        #expect(ClockTime.seconds("00:00:0/") == nil)
        #expect(ClockTime.seconds("00:00:00:") == nil)
        for seconds in stride(from: 0, to: 360_000, by: 37) {
            #expect(ClockTime.seconds(ClockTime.format(seconds)) == seconds)
        }
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2026-13-01", false), ("2026-04-31", false),
                      ("2026-4-01", false), ("2000-02-29", true), ("1900-02-29", false)])
    func onlyRealCalendarDates(_ text: String, _ valid: Bool) {
        #expect(CalendarDate.isWellFormed(text) == valid)
    }
}
