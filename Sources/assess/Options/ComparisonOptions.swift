import ArgumentParser
import AssessCore

/// The verdict thresholds of `diff`, `show` and `report` (see README: "Verdicts").
struct ComparisonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A delta of at least this many points is a major disagreement (as is a band mismatch).", valueName: "points"))
    var majorDelta: Double = VerdictThresholds.standard.majorDelta

    @Option(help: ArgumentHelp("A delta of at least this many points is a minor disagreement.", valueName: "points"))
    var minorDelta: Double = VerdictThresholds.standard.minorDelta

    func validate() throws {
        guard majorDelta.isFinite, minorDelta.isFinite, majorDelta >= 0, minorDelta >= 0 else {
            throw ValidationError("--major-delta and --minor-delta are numbers of points, 0 or more")
        }
        guard minorDelta <= majorDelta else {
            throw ValidationError("--minor-delta (\(NumberFormat.plain(minorDelta))) cannot exceed --major-delta (\(NumberFormat.plain(majorDelta)))")
        }
    }

    var thresholds: VerdictThresholds { VerdictThresholds(majorDelta: majorDelta, minorDelta: minorDelta) }
}

/// `--width N` of the commands that draw pictures.
struct PictureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Width of pictures in columns (default: the terminal's width, else $COLUMNS, else 80).", valueName: "columns"))
    var width: Int?

    func validate() throws {
        if let width, !(40...400).contains(width) { throw ValidationError("--width must be between 40 and 400 columns") }
    }

    var columns: Int { Terminal.width(width) }
}
