import AssessCore
import XCTest
import _AssessTestSupport

final class CorpusLoadingTests: XCTestCase {
    func testTheBundledContentLoads() throws {
        let corpus = Corpus.load(ContentLayout(root: ProjectPaths.root))
        let libraryFiles = try FileManager.default.contentsOfDirectory(atPath: ProjectPaths.root + "/content/resources/library")
        XCTAssertEqual(corpus.items.count, libraryFiles.filter { $0.hasSuffix(".json") }.count)
        XCTAssertGreaterThanOrEqual(corpus.items.count, 8)
        XCTAssertEqual(corpus.warnings, [])
        let seed = try XCTUnwrap(corpus.item(Slug(ContentFixture.seedSlug)))
        let map = try XCTUnwrap(seed.map)
        XCTAssertEqual(map.headline.score, -14.44)
        XCTAssertNil(map.slices, "the bundled map lists no slices")
        XCTAssertEqual(map.stats?.count, 182)
        XCTAssertEqual(seed.assessment?.status, .reviewed)
        XCTAssertEqual(seed.assessment?.keyMoments.first?.seconds, 4 * 60 + 41)
        XCTAssertTrue(corpus.paired.map(\.slug.rawValue).contains(ContentFixture.seedSlug))
        XCTAssertEqual(try XCTUnwrap(corpus.item(Slug(ContentFixture.draftSlug))).assessment?.perspective.score, nil)
    }

    func testWithoutProseOnlyTheLongProseIsLeftOut() throws {
        let layout = ContentLayout(root: ProjectPaths.root)
        let full = Corpus.load(layout), lean = Corpus.load(layout, prose: false)
        XCTAssertEqual(lean.items.map(\.slug), full.items.map(\.slug))
        let seed = try XCTUnwrap(full.item(Slug(ContentFixture.seedSlug)))
        let leanSeed = try XCTUnwrap(lean.item(Slug(ContentFixture.seedSlug)))
        // The seed has each kind of prose, so the test shows something is left out.
        XCTAssertNotNil(seed.library.summary)
        XCTAssertNotNil(seed.assessment?.summary)
        XCTAssertNotNil(seed.assessment?.keyMoments.first?.quote)
        for item in lean.items {
            XCTAssertNil(item.library.summary)
            XCTAssertNil(item.library.whyItMatters)
            XCTAssertNil(item.library.editorNote)
            XCTAssertNil(item.assessment?.summary)
            XCTAssertNil(item.assessment?.editorNote)
            XCTAssertNil(item.assessment?.machineReview?.note)
            XCTAssertEqual(item.assessment?.keyMoments.compactMap(\.quote), item.assessment.map { _ in [] })
        }
        // Everything the comparisons read is the same.
        for (a, b) in zip(full.items, lean.items) {
            XCTAssertEqual(a.library.title, b.library.title)
            XCTAssertEqual(a.library.tags, b.library.tags)
            XCTAssertEqual(a.map?.headline.score, b.map?.headline.score)
            XCTAssertEqual(a.assessment?.status, b.assessment?.status)
            XCTAssertEqual(a.assessment?.keyMoments.map(\.label), b.assessment?.keyMoments.map(\.label))
            XCTAssertEqual(a.assessment?.machineReview?.headlineScore, b.assessment?.machineReview?.headlineScore)
        }
        let fullDiff = try DiffReport.make(full, slugs: []), leanDiff = try DiffReport.make(lean, slugs: [])
        XCTAssertEqual(leanDiff.text(style: .plain, width: 80), fullDiff.text(style: .plain, width: 80))
        XCTAssertEqual(leanDiff.json(), fullDiff.json())
    }

    func testBadFilesAreLeftOutWithAWarningNeverACrash() throws {
        let scratch = try ScratchDirectory()
        try CorpusFixture.write(in: scratch)
        try scratch.write("content/resources/perspective-maps/steady-agreement.json", "{\"slug\": \"steady-agreement\",\n  \"headline\": {")
        try scratch.write("content/resources/transcript-assessments/bright-outlook.json", "{\"slug\": \"bright-outlook\", \"status\": \"finished\"}")
        try scratch.write("content/resources/library/Bad Name.json", "{}")
        try scratch.write("content/resources/transcript-assessments/no-such-item.json", "{\"status\": \"draft\"}")
        try scratch.write("content/resources/library/not-an-object.json", "[1, 2]")
        let corpus = Corpus.load(ContentLayout(root: scratch.path))
        XCTAssertEqual(corpus.items.map(\.slug.rawValue), ["bright-outlook", "known-disagreement", "steady-agreement", "waiting-item"])
        XCTAssertNil(try XCTUnwrap(corpus.item(Slug("steady-agreement"))).map)
        XCTAssertNil(try XCTUnwrap(corpus.item(Slug("bright-outlook"))).assessment)
        XCTAssertEqual(
            corpus.warnings.map(\.description),
            [
                "content/resources/library/Bad Name.json: file name is not a valid slug; left out",
                "content/resources/library/not-an-object.json:1:1: expected a JSON object, found array; left out",
                "content/resources/perspective-maps/steady-agreement.json:2:16: unexpected end of file; expected a key in double quotes or '}'; left out",
                "content/resources/transcript-assessments/bright-outlook.json:1:38: assessment has no known status (one of draft, in-review, reviewed, published); left out",
                "content/resources/transcript-assessments/no-such-item.json: no library item \"no-such-item\": assessment left out",
            ])
    }

    /// Files are paired by slug, though "item-two.json" sorts before "item.json" by file name.
    func testFilesPairBySlugWhereOneSlugPrefixesAnother() throws {
        let scratch = try ScratchDirectory()
        try CorpusFixture.write(in: scratch)
        let folders = "content/resources/"
        for kind in ["library", "perspective-maps", "transcript-assessments"] {
            let source = try String(contentsOfFile: scratch.path + "/" + folders + kind + "/" + CorpusFixture.disagreementSlug + ".json", encoding: .utf8)
            for slug in ["item", "item-two"] {
                try scratch.write(folders + kind + "/" + slug + ".json", source.replacingOccurrences(of: CorpusFixture.disagreementSlug, with: slug))
            }
        }
        // A library item that does not parse leaves its map and assessment without an item.
        try scratch.write(folders + "library/item-two.json", "{")
        let corpus = Corpus.load(ContentLayout(root: scratch.path))
        let item = try XCTUnwrap(corpus.item(Slug("item")))
        XCTAssertEqual(item.map?.slug, "item")
        XCTAssertEqual(item.assessment?.slug, "item")
        XCTAssertNil(corpus.item(try Slug("item-two")))
        XCTAssertEqual(corpus.items.map(\.slug.rawValue), corpus.items.map(\.slug.rawValue).sorted())
        XCTAssertEqual(
            corpus.warnings.map(\.description),
            [
                "content/resources/library/item-two.json:1:2: unexpected end of file; expected a key in double quotes or '}'; left out",
                "content/resources/perspective-maps/item-two.json: no library item \"item-two\": perspective map left out",
                "content/resources/transcript-assessments/item-two.json: no library item \"item-two\": assessment left out",
            ])
    }

    func testTimedSlicesAreRead() throws {
        let scratch = try ScratchDirectory()
        try CorpusFixture.write(in: scratch)
        let corpus = Corpus.load(ContentLayout(root: scratch.path))
        let map = try XCTUnwrap(corpus.item(Slug(CorpusFixture.disagreementSlug))?.map)
        XCTAssertEqual(map.slices?.count, 12)
        XCTAssertEqual(map.slices?[1], PerspectiveMap.Slice(index: 1, startSeconds: 300, endSeconds: 600, words: 400, score: -20))
    }
}
