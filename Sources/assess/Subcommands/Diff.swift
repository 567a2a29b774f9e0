import ArgumentParser
import AssessCore

extension Assess {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare the machine's scores with the listen-based assessments, item by item.",
            discussion: """
                For each item: headline score and band against the listen score, the delta, whether the listen \
                score falls inside the machine's p10-p90 range and min-max spread, lens, confidence and evidence \
                mode, emphases, key moments against the slices covering them, the staleness of the editor's \
                machineReview, and a verdict: major when the bands differ or |delta| >= --major-delta (15); minor \
                when |delta| >= --minor-delta (5), lens, confidence or evidence mode differ, or the review is stale.

                Exit status: 0, also when items disagree; 1 when --fail-on is given and an item reaches that verdict; \
                2 for usage or environment errors.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var comparison: ComparisonOptions
        @OptionGroup var pictures: PictureOptions

        @Option(help: "Output format: text, json or markdown.")
        var format: ReportFormat = .text

        @Option(help: "Exit 1 when any item's verdict reaches this level: minor or major (a CI gate).")
        var failOn: FailLevel?

        @Flag(help: "Leave out the episode arc and the spectrum strip in text output.")
        var noPictures = false

        @Argument(help: "Slugs to compare (default: every item with both a perspective map and an assessment).")
        var slugs: [String] = []

        func run() throws {
            let slugs = try self.slugs.map(parseSlug)
            let corpus = try repository.workspace().loadCorpus()
            let report: DiffReport
            do {
                report = try DiffReport.make(corpus, slugs: slugs, thresholds: comparison.thresholds)
            } catch {
                throw CommandError(error.description)
            }
            Teardown.leave(report)
            switch format {
            case .text: report.write(style: Terminal.stdoutStyle, width: pictures.columns, pictures: !noPictures, to: Terminal.out(bytes:))
            case .markdown: Terminal.out(report.markdown())
            case .json: Terminal.out(report.json())
            }
            if let failOn, report.reaches(failOn.verdict) { throw ExitCode(1) }
        }
    }
}

/// The verdict level `--fail-on` gates on.
enum FailLevel: String, CaseIterable, ExpressibleByArgument {
    case minor
    case major

    var verdict: Verdict { self == .minor ? .minor : .major }
}
