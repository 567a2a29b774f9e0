@testable import AssessCore
import XCTest
import _AssessTestSupport

/// `assess diff` renders a large corpus in pieces (`DiffReport.itemsInFirstPiece` items, then
/// `DiffReport.itemsPerPiece`) on all cores, written out in runs of `DiffReport.itemsPerJob`:
/// across the edges of pieces and runs no item may be lost, repeated or moved.
final class DiffReportPiecesTests: XCTestCase {
    func testEveryItemAppearsOnceInOrderAcrossPieces() throws {
        let bundled = Corpus.load(ContentLayout(root: ProjectPaths.root), prose: false).paired
        XCTAssertFalse(bundled.isEmpty)
        let count = DiffReport.itemsInFirstPiece + DiffReport.itemsPerPiece + 3
        var items: [CorpusItem] = []
        for index in 0..<count {
            var item = bundled[index % bundled.count]
            item.slug = try Slug("item-\(String(format: "%05d", index))")
            items.append(item)
        }
        let report = try DiffReport.make(Corpus(items: items), slugs: [])
        XCTAssertEqual(report.entries.count, count)

        var pieces: [[UInt8]] = []
        report.write(style: .plain, width: 80) { pieces.append($0) }
        // Runs of whole pieces, then one of the last 3 items.
        let runs = (DiffReport.itemsInFirstPiece + DiffReport.itemsPerPiece) / DiffReport.itemsPerJob + 1
        XCTAssertEqual(pieces.count, 1 + runs + 1, "the table, the runs of items, then the summary")
        let text = String(decoding: pieces.joined(), as: UTF8.self)
        XCTAssertEqual(text, report.text(style: .plain, width: 80))

        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The table: a header and one row per item, in order, before any item's details.
        XCTAssertTrue(lines[0].hasPrefix("item "), String(lines[0]))
        let rows = lines[1...count].map { String($0.prefix(10)) }
        XCTAssertEqual(rows, (0..<count).map { "item-\(String(format: "%05d", $0))" })
        // The details: each item's heading exactly once, in order.
        let headings = lines.filter { $0.hasPrefix("item-") && $0.contains(" · ") }.map { String($0.prefix(10)) }
        XCTAssertEqual(headings, (0..<count).map { "item-\(String(format: "%05d", $0))" })
        XCTAssertTrue(text.contains("\(count) items compared"), String(text.suffix(300)))
    }
}
