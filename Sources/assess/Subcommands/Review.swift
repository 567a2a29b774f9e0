import ArgumentParser
import AssessCore

extension Assess {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Show what a commit would record: each changed assessment against HEAD, field by field.",
            discussion: "Also shows each file's validation findings and its distance from the machine's headline."
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Output format: text, json or markdown (for a pull-request comment).")
        var format: ReportFormat = .text

        @Argument(help: "Slugs to review (default: every changed assessment).")
        var slugs: [String] = []

        func run() throws {
            let slugs = try self.slugs.map { raw in
                do { return try Slug(raw) } catch { throw CommandError(String(describing: error)) }
            }
            let (workspace, git, schemas) = try repository.gitWorkspaceAndSchemas()
            let report: ReviewReport
            do {
                report = try ReviewReport.make(
                    workspace: workspace, repository: git, schemas: schemas, today: Terminal.today, slugs: slugs)
            } catch {
                throw CommandError(error.description)
            }
            switch format {
            case .text:
                Terminal.out(report.text(style: Terminal.stdoutStyle, currentDirectory: workspace.currentDirectory, root: workspace.layout.root))
            case .markdown:
                Terminal.out(report.markdown())
            case .json:
                Terminal.out(report.json())
            }
        }
    }
}
