import AssessCore
import XCTest

final class StatsAgreementTests: XCTestCase {
    /// Rows are the machine's band, columns the editor's, both R(isk-forward), M(ixed), O(pportunity-forward):
    ///
    ///              listen R  M  O   row total
    ///     machine R      4   1  0       5
    ///     machine M      2   6  1       9
    ///     machine O      0   1  5       6
    ///     col total      6   8  6      20
    private let twenty = BandConfusion(rows: [[4, 1, 0], [2, 6, 1], [0, 1, 5]])

    func testConfusionMatrixCountsPairsByMachineRowAndListenColumn() {
        let matrix = BandConfusion([
            (.mixed, .riskForward), (.mixed, .mixed), (.opportunityForward, .opportunityForward), (.mixed, .riskForward),
        ])
        XCTAssertEqual(matrix.count(machine: .mixed, listen: .riskForward), 2)
        XCTAssertEqual(matrix.count(machine: .riskForward, listen: .mixed), 0)
        XCTAssertEqual(matrix.count(machine: .mixed, listen: .mixed), 1)
        XCTAssertEqual(matrix.total, 4)
        XCTAssertEqual(matrix.agreeing, 2)
        XCTAssertEqual(matrix.machineTotal(.mixed), 3)
        XCTAssertEqual(matrix.listenTotal(.riskForward), 2)
    }

    /// Hand computation, unweighted:
    ///     p_o = (4 + 6 + 5) / 20 = 0.75
    ///     p_e = (5·6 + 9·8 + 6·6) / 20² = 138 / 400 = 0.345
    ///     kappa = (0.75 − 0.345) / (1 − 0.345) = 0.405 / 0.655 = 0.618320610…
    func testUnweightedKappaMatchesTheHandComputation() throws {
        let kappa = try XCTUnwrap(Agreement.kappa(twenty, weighting: .unweighted))
        XCTAssertEqual(kappa, 0.405 / 0.655, accuracy: 1e-12)
        XCTAssertEqual(kappa, 0.6183, accuracy: 1e-4)
    }

    /// Hand computation, linear weights w = |i − j| / 2 (neighbours 0.5, R against O 1):
    ///     observed disagreement = 0.5 · (1 + 2 + 1 + 1) / 20 + 1 · (0 + 0) / 20 = 2.5 / 20 = 0.125
    ///     chance disagreement   = [0.5·(5·8) + 1·(5·6) + 0.5·(9·6) + 0.5·(9·6) + 1·(6·6) + 0.5·(6·8)] / 400
    ///                           = (20 + 30 + 27 + 27 + 36 + 24) / 400 = 164 / 400 = 0.41
    ///     kappa_w = 1 − 0.125 / 0.41 = 0.695121951…
    func testLinearWeightedKappaMatchesTheHandComputation() throws {
        let kappa = try XCTUnwrap(Agreement.kappa(twenty, weighting: .linear))
        XCTAssertEqual(kappa, 1 - 0.125 / 0.41, accuracy: 1e-12)
        XCTAssertEqual(kappa, 0.6951, accuracy: 1e-4)
    }

    /// Weighting matters: a far disagreement (R against O) costs the weighted kappa more than a near one.
    ///     near: [[1,1,0],[0,1,0],[0,0,1]]   far: [[1,0,1],[0,1,0],[0,0,1]]   (4 items each)
    /// Unweighted, both have p_o = 3/4; their chance agreements differ, so compare each to its own hand value.
    ///     far, linear: observed = 1·1/4 = 0.25; rows (2,1,1), columns (1,1,2):
    ///         chance = [0.5·(2·1) + 1·(2·2) + 0.5·(1·1) + 0.5·(1·2) + 1·(1·1) + 0.5·(1·1)] / 16 = 8 / 16 = 0.5
    ///         kappa_w = 1 − 0.25 / 0.5 = 0.5
    ///     near, linear: observed = 0.5·1/4 = 0.125; rows (2,1,1), columns (1,2,1):
    ///         chance = [0.5·(2·2) + 1·(2·1) + 0.5·(1·1) + 0.5·(1·1) + 1·(1·1) + 0.5·(1·2)] / 16 = 7 / 16
    ///         kappa_w = 1 − 0.125 / (7/16) = 1 − 2/7 = 0.714285…
    func testLinearWeightsCountFarDisagreementsTwice() throws {
        let far = BandConfusion(rows: [[1, 0, 1], [0, 1, 0], [0, 0, 1]])
        XCTAssertEqual(try XCTUnwrap(Agreement.kappa(far, weighting: .linear)), 0.5, accuracy: 1e-12)
        let near = BandConfusion(rows: [[1, 1, 0], [0, 1, 0], [0, 0, 1]])
        XCTAssertEqual(try XCTUnwrap(Agreement.kappa(near, weighting: .linear)), 1 - 2.0 / 7, accuracy: 1e-12)
    }

    /// Perfect agreement over two bands is 1; complete swap between two bands is −1:
    ///     [[0,2,0],[2,0,0],[0,0,0]]: p_o = 0, p_e = (2·2 + 2·2) / 16 = 0.5, kappa = (0 − 0.5) / 0.5 = −1
    func testPerfectAndInverseAgreement() throws {
        XCTAssertEqual(try XCTUnwrap(Agreement.kappa(BandConfusion(rows: [[2, 0, 0], [0, 3, 0], [0, 0, 0]]), weighting: .unweighted)), 1, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(Agreement.kappa(BandConfusion(rows: [[0, 2, 0], [2, 0, 0], [0, 0, 0]]), weighting: .unweighted)), -1, accuracy: 1e-12)
    }

    func testKappaIsNilNotZeroWhenNothingIsComparable() {
        XCTAssertNil(Agreement.kappa(BandConfusion(), weighting: .unweighted))
        XCTAssertNil(Agreement.kappa(BandConfusion(), weighting: .linear))
    }

    /// Every item mixed on both sides: p_e = 1, so kappa = 0/0, undefined: nil, not NaN.
    func testKappaIsNilWhenChanceAgreementIsComplete() {
        let oneBand = BandConfusion(rows: [[0, 0, 0], [0, 3, 0], [0, 0, 0]])
        XCTAssertNil(Agreement.kappa(oneBand, weighting: .unweighted))
        XCTAssertNil(Agreement.kappa(oneBand, weighting: .linear))
    }

    /// Hand computation: |6 − (−14.44)| = 20.44, |4 − 10| = 6, |−25 − (−30)| = 5; (20.44 + 6 + 5) / 3 = 31.44 / 3 = 10.48.
    func testMeanAbsoluteErrorMatchesTheHandComputation() throws {
        let mae = try XCTUnwrap(Agreement.meanAbsoluteError([(-14.44, 6), (10, 4), (-30, -25)]))
        XCTAssertEqual(mae, 10.48, accuracy: 1e-9)
        XCTAssertNil(Agreement.meanAbsoluteError([]))
    }

    func testCorpusReportStatisticsOnAnEmptyCorpusAreNullInJSON() {
        let report = CorpusReport.make(Corpus(items: []))
        XCTAssertNil(report.kappa.value)
        XCTAssertNil(report.weightedKappa.value)
        XCTAssertNil(report.meanAbsoluteError.value)
        XCTAssertEqual(report.kappa.items, 0)
        let json = report.json()
        XCTAssertTrue(json.contains("\"value\": null"), json)
        XCTAssertFalse(json.contains("NaN"))
        XCTAssertTrue(report.text(style: .plain).hasPrefix("No library items in content/resources/library: nothing to report."))
    }
}
