import ArgumentParser
import AssessCore

extension Assess {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List every library item with its assessment status, machine headline, listen score and delta."
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Output format: text, json or markdown.")
        var format: ReportFormat = .text

        @Flag(help: "Only the items without an assessment (the backlog); the same as --status missing.")
        var missing = false

        @Option(help: "Only the items in this state: missing, draft, in-review, reviewed or published.")
        var status: String?

        @Option(help: "Order: slug, delta (largest disagreement first) or status.")
        var sort: ListReport.Sort = .slug

        func validate() throws {
            if missing && status != nil { throw ValidationError("--missing and --status cannot be combined") }
            if let status, !ListReport.states.contains(status) {
                throw ValidationError("--status must be one of \(ListReport.states.joined(separator: ", ")); got \"\(status)\"")
            }
        }

        func run() throws {
            let corpus = try repository.workspace().loadCorpus()
            let report = ListReport.make(corpus, status: missing ? "missing" : status, sort: sort)
            switch format {
            case .text: Terminal.out(report.text(style: Terminal.stdoutStyle))
            case .markdown: Terminal.out(report.markdown())
            case .json: Terminal.out(report.json())
            }
        }
    }
}

extension ListReport.Sort: ExpressibleByArgument {}
