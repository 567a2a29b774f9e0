/// Machine band against listen band, counted over items: rows are the machine's band, columns the
/// editor's, both in spectrum order (risk-forward, mixed, opportunity-forward).
public struct BandConfusion: Sendable, Equatable {
    /// counts[machine.ordinal][listen.ordinal]
    public private(set) var counts: [[Int]]

    public init() {
        counts = Array(repeating: Array(repeating: 0, count: Band.allCases.count), count: Band.allCases.count)
    }

    public init(_ pairs: [(machine: Band, listen: Band)]) {
        self.init()
        for pair in pairs { add(machine: pair.machine, listen: pair.listen) }
    }

    /// From a table written row by row (machine) and column by column (listen): for tests and examples.
    public init(rows: [[Int]]) {
        precondition(rows.count == 3 && rows.allSatisfy { $0.count == 3 }, "a band confusion matrix is 3 x 3")
        counts = rows
    }

    public mutating func add(machine: Band, listen: Band) {
        counts[machine.ordinal][listen.ordinal] += 1
    }

    public func count(machine: Band, listen: Band) -> Int { counts[machine.ordinal][listen.ordinal] }

    /// The number of items counted.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Items on the diagonal: the bands agree.
    public var agreeing: Int { Band.allCases.reduce(0) { $0 + count(machine: $1, listen: $1) } }

    public func machineTotal(_ band: Band) -> Int { counts[band.ordinal].reduce(0, +) }

    public func listenTotal(_ band: Band) -> Int { counts.reduce(0) { $0 + $1[band.ordinal] } }
}

extension BandConfusion: Encodable {
    /// `{"machine band": {"listen band": count}}`, every band present, so scripts need no defaults.
    public func encode(to encoder: any Encoder) throws {
        var table: [String: [String: Int]] = [:]
        for machine in Band.allCases {
            var row: [String: Int] = [:]
            for listen in Band.allCases { row[listen.rawValue] = count(machine: machine, listen: listen) }
            table[machine.rawValue] = row
        }
        var container = encoder.singleValueContainer()
        try container.encode(table)
    }
}
