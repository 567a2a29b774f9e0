import AssessCore
import Foundation
import XCTest

/// Work spread over all cores must come back whole and in input order, whatever the count.
final class ParallelMapTests: XCTestCase {
    func testResultsComeInInputOrderForEveryCount() {
        for count in [0, 1, 2, 3, 63, 64, 65, 1_000, 10_007] {
            XCTAssertEqual(parallelMap(count: count) { $0 * 3 }, (0..<count).map { $0 * 3 }, "count \(count)")
            let words = (0..<count).map { "item-\($0)" }
            XCTAssertEqual(parallelMap(words) { $0.uppercased() }, words.map { $0.uppercased() }, "count \(count)")
        }
    }

    func testEachIndexIsTransformedExactlyOnce() {
        let calls = Calls(count: 5_000)
        let results = parallelMap(count: 5_000) { index -> Int in
            calls.record(index)
            return index
        }
        XCTAssertEqual(results, Array(0..<5_000))
        XCTAssertEqual(calls.counts, Array(repeating: 1, count: 5_000))
    }

    /// Large values read in place by index, as the reports read corpus items.
    func testLargeValuesAreReadInPlace() {
        struct Large: Sendable {
            var name: String
            var values: [Double]
            var notes: [String]
        }
        let items = (0..<2_000).map { Large(name: "n\($0)", values: [Double($0)], notes: ["a", "b"]) }
        let sums = parallelMap(count: items.count) { items[$0].values[0] + Double(items[$0].notes.count) + Double(items[$0].name.utf8.count) }
        XCTAssertEqual(sums, items.map { $0.values[0] + 2 + Double($0.name.utf8.count) })
    }

    /// Values are built where they stay; those after a nil move up, and none is lost, repeated
    /// or left half-moved (strings and arrays must survive the move whole).
    func testCompactMapDropsNilsKeepingOrder() {
        for count in [0, 1, 2, 3, 64, 65, 1_000, 10_007] {
            for dropEvery in [1, 2, 3, 7, count + 1] {
                let kept = parallelCompactMap(count: count) { index -> (String, [Int])? in
                    index % dropEvery == 0 ? nil : ("item-\(index)-" + String(repeating: "x", count: index % 40), [index, index * 2])
                }
                let expected = (0..<count).filter { $0 % dropEvery != 0 }
                XCTAssertEqual(kept.map(\.0), expected.map { "item-\($0)-" + String(repeating: "x", count: $0 % 40) }, "count \(count) drop \(dropEvery)")
                XCTAssertEqual(kept.map(\.1), expected.map { [$0, $0 * 2] }, "count \(count) drop \(dropEvery)")
            }
        }
        let calls = Calls(count: 3_000)
        let none = parallelCompactMap(count: 3_000) { index -> Int? in
            calls.record(index)
            return nil
        }
        XCTAssertEqual(none, [])
        XCTAssertEqual(calls.counts, Array(repeating: 1, count: 3_000))
    }

    /// Two pieces of work at once, each with its own result; work spread over the cores inside
    /// either still comes back whole and in order.
    func testTwoPiecesOfWorkRunAtOnceAndBothFinish() {
        let (words, squares) = inParallel(
            { parallelMap(count: 3_000) { "w\($0)" } },
            { parallelMap(count: 5_000) { $0 * $0 } })
        XCTAssertEqual(words, (0..<3_000).map { "w\($0)" })
        XCTAssertEqual(squares, (0..<5_000).map { $0 * $0 })
        // A failure on either side is a value like any other: the caller decides.
        let (failed, fine) = inParallel({ Result<Int, CancellationError> { () throws(CancellationError) in throw CancellationError() } }, { 7 })
        XCTAssertThrowsError(try failed.get())
        XCTAssertEqual(fine, 7)
    }
}

private final class Calls: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Int]

    init(count: Int) { storage = Array(repeating: 0, count: count) }

    func record(_ index: Int) {
        lock.lock()
        storage[index] += 1
        lock.unlock()
    }

    var counts: [Int] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
