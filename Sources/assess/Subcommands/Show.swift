import ArgumentParser
import AssessCore

extension Assess {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show everything known about one item: library facts, machine scores, the assessment, and how they compare.",
            discussion: """
                The machine's headline score and its slice statistics are different things and are labelled so: \
                the headline is the scorer's placement of the whole episode; the slice median, mean, spread \
                (min to max) and p10 to p90 describe the scores of the transcript's slices.
                """
        )

        @OptionGroup var repository: RepositoryOptions
        @OptionGroup var comparison: ComparisonOptions
        @OptionGroup var pictures: PictureOptions

        @Option(help: "Output format: text, json or markdown.")
        var format: ReportFormat = .text

        @Argument(help: "The item's slug, e.g. mechanistic-interpretability-with-neel-nanda.")
        var slug: String

        func run() throws {
            let slug = try parseSlug(slug)
            let corpus = try repository.workspace().loadCorpus(prose: true)
            let report: ShowReport
            do {
                report = try ShowReport.make(corpus, slug: slug, thresholds: comparison.thresholds)
            } catch {
                throw CommandError(error.description)
            }
            switch format {
            case .text: Terminal.out(report.text(style: Terminal.stdoutStyle, width: pictures.columns))
            case .markdown: Terminal.out(report.markdown())
            case .json: Terminal.out(report.json())
            }
        }
    }
}
