import ArgumentParser
import AssessCore

extension Assess {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report on the whole corpus: assessment backlog, band agreement, kappa, mean absolute error, disagreements.",
            discussion: """
                The statistics rest on the items with a perspective map and a listen score (from the status given \
                by --min-status on). Cohen's kappa compares the machine's headline band with the editor's band, \
                unweighted and linear-weighted over the ordered bands; the mean absolute error is the mean of \
                |listen score - headline score|. Each is null when nothing is comparable.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var comparison: ComparisonOptions

        @Option(help: "Output format: text, json or markdown.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("How many of the largest disagreements to list.", valueName: "n"))
        var top: Int = 5

        @Option(help: "Count assessments from this status on: draft, in-review, reviewed or published.")
        var minStatus: AssessmentStatus = .draft

        func validate() throws {
            guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        }

        func run() throws {
            let corpus = try repository.workspace().loadCorpus()
            let report = CorpusReport.make(corpus, thresholds: comparison.thresholds, top: top, minimumStatus: minStatus)
            switch format {
            case .text: Terminal.out(report.text(style: Terminal.stdoutStyle))
            case .markdown: Terminal.out(report.markdown())
            case .json: Terminal.out(report.json())
            }
        }
    }
}

extension AssessmentStatus: ExpressibleByArgument {}
