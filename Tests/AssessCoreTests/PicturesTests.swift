import AssessCore
import XCTest

final class PicturesTests: XCTestCase {
    func testBlockLevelsSpanTheWholeScale() {
        XCTAssertEqual(SliceArc.level(-100), 0)
        XCTAssertEqual(SliceArc.level(-75.01), 0)
        XCTAssertEqual(SliceArc.level(-75), 1)
        XCTAssertEqual(SliceArc.level(-0.01), 3)
        XCTAssertEqual(SliceArc.level(0), 4)
        XCTAssertEqual(SliceArc.level(99.99), 7)
        XCTAssertEqual(SliceArc.level(100), 7)
        XCTAssertEqual(SliceArc.level(250), 7, "out-of-range scores are clamped")
    }

    func testDownsamplingCoversEverySliceOnceWithMeans() {
        let scores = (0..<182).map { Double($0 % 7) - 3 }
        let columns = SliceArc.columns(scores, width: 60)
        XCTAssertEqual(columns.count, 60)
        XCTAssertEqual(columns.first?.slices.lowerBound, 0)
        XCTAssertEqual(columns.last?.slices.upperBound, 182)
        for (a, b) in zip(columns, columns.dropFirst()) { XCTAssertEqual(a.slices.upperBound, b.slices.lowerBound) }
        XCTAssertTrue(columns.allSatisfy { (3...4).contains($0.slices.count) })
        XCTAssertEqual(columns[0].score, (-3 + -2 + -1) / 3, accuracy: 1e-12)
        // Fewer slices than columns: one column each, never stretched.
        XCTAssertEqual(SliceArc.columns([1, 2, 3], width: 60).map(\.score), [1, 2, 3])
    }

    private func timedSlices(_ scores: [Double]) -> [PerspectiveMap.Slice] {
        scores.enumerated().map {
            PerspectiveMap.Slice(index: $0.offset, startSeconds: Double($0.offset * 300), endSeconds: Double($0.offset * 300 + 300), score: $0.element)
        }
    }

    func testTheArcReadsWithoutColour() {
        let slices = timedSlices([-5, -20, -12, -8, 0, 4, -3, -15, -25, -10, -6, 60])
        let moments = KeyMomentComparison(
            moments: [
                .init(at: "00:07:30", score: -50, label: "one"), .init(at: "00:45:00", score: -10, label: "two"),
                .init(at: "02:00:00", score: 5, label: "outside"),
            ],
            slices: slices)
        let lines = SliceArc.render(slices: slices, thresholds: .standard, moments: moments, width: 80, style: .plain)
        XCTAssertEqual(
            lines,
            [
                "  arc     ▄▄▄▄▅▅▄▄▄▄▄▇",
                "  bands   ·R······R··O",
                "  moments  1       2",
                "  time    00:00:00 01:00:00",
                "          12 slices, one column per slice",
                "          height = score, ▁ \u{2212}100 to █ 100",
                "          bands: R risk-forward, · mixed, O opportunity-forward",
                "          moments 3 fall in no timed slice",
            ])
        XCTAssertFalse(lines.joined().contains("\u{1B}["))
    }

    func testTheArcIsColouredByBandWhenColourIsOn() {
        let lines = SliceArc.render(slices: timedSlices([-30, 0, 30]), thresholds: .standard, moments: nil, width: 80, style: TerminalStyle(enabled: true))
        XCTAssertTrue(lines[0].contains("\u{1B}[1;33m▃\u{1B}[0m"), "risk-forward in amber (yellow)")
        XCTAssertTrue(lines[0].contains("\u{1B}[36m▅\u{1B}[0m"), "mixed in cyan")
        XCTAssertTrue(lines[0].contains("\u{1B}[1m▆\u{1B}[0m"), "opportunity-forward in white (bold)")
    }

    func testTheArcSaysSoWhenThereAreNoSlicesOrNoTimes() {
        XCTAssertEqual(
            SliceArc.render(slices: nil, thresholds: .standard, moments: nil, width: 80, style: .plain),
            ["  the map lists no slices, so there is no arc to draw"])
        let untimed = [PerspectiveMap.Slice(index: 0, score: 0), PerspectiveMap.Slice(index: 1, score: -30)]
        let moments = KeyMomentComparison(moments: [.init(at: "00:01:00", score: 0, label: "x")], slices: untimed)
        let lines = SliceArc.render(slices: untimed, thresholds: .standard, moments: moments, width: 80, style: .plain)
        XCTAssertEqual(lines[2], "  order   early late")
        XCTAssertTrue(lines.contains { $0.contains("key moments not marked: the map's slices have no start and end times") }, lines.joined(separator: "\n"))
    }

    func testTheArcFitsTheWidthAndMarksMomentsInTheirColumn() {
        // 120 slices of 30 s in 40 columns (width 50 minus the 10-column gutter): 3 slices per column.
        let slices = (0..<120).map { PerspectiveMap.Slice(index: $0, startSeconds: Double($0 * 30), endSeconds: Double($0 * 30 + 30), score: 0) }
        let moments = KeyMomentComparison(moments: [.init(at: "00:30:00", score: 0, label: "x")], slices: slices)
        let lines = SliceArc.render(slices: slices, thresholds: .standard, moments: moments, width: 50, style: .plain)
        XCTAssertEqual(lines[0].count, 10 + 40)
        // 00:30:00 = 1800 s: slice 60, in column 20.
        XCTAssertEqual(lines[2], "  moments" + String(repeating: " ", count: 1 + 20) + "1")
        XCTAssertTrue(lines[4].contains("120 slices, each column the mean of 3-3 slices"), lines[4])
    }

    /// Width 60 with a 22-column gutter leaves 38 columns, made odd: a track of 37 (0 ... 36).
    /// −100 on 0, −20 on 14 (14.4 rounded), 0 on 18, 20 on 22 (21.6), 100 on 36; −15 and −14.44 on 15, 6 on 19.
    func testTheStripPlacesEachMarkerOnItsOwnRow() {
        let lines = SpectrumStrip.render(
            markers: [.init("slice min", -15), .init("p10 to p90", from: 0, to: 0), .init("headline", -14.44), .init("listen", 6)],
            thresholds: .standard, width: 60, style: .plain)
        XCTAssertEqual(
            lines,
            [
                "                      \u{2212}100         \u{2212}20  0  20           100",
                "                      ├─────────────┼───┼───┼─────────────┤",
                "  slice min      \u{2212}15                 ●",
                "  p10 to p90  0 to 0                    ●",
                "  headline    \u{2212}14.44                 ●",
                "  listen           6                     ●",
            ])
    }

    func testStripColumns() {
        XCTAssertEqual(SpectrumStrip.column(-100, width: 61), 0)
        XCTAssertEqual(SpectrumStrip.column(0, width: 61), 30)
        XCTAssertEqual(SpectrumStrip.column(100, width: 61), 60)
        XCTAssertEqual(SpectrumStrip.column(-20, width: 61), 24)
        XCTAssertEqual(SpectrumStrip.column(-500, width: 61), 0)
    }

    /// Width 40 leaves a track of 21 columns (the minimum): −20 falls on column 8, 20 on column 12.
    func testARangeMarkerIsDrawnFromLowToHigh() {
        let lines = SpectrumStrip.render(markers: [.init("p10 to p90", from: -20, to: 20)], thresholds: .standard, width: 40, style: .plain)
        XCTAssertTrue(lines[2].hasSuffix("◖━━━◗"), lines[2])
        XCTAssertTrue(lines[2].contains("\u{2212}20 to 20"))
    }
}
