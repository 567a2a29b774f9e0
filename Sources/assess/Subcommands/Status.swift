import ArgumentParser
import AssessCore

extension Assess {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the content files changed against HEAD, staged or not, with their validity."
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Output format: text or json.")
        var format: StatusFormat = .text

        func run() throws {
            let (workspace, git, schemas) = try repository.gitWorkspaceAndSchemas()
            let report: StatusReport
            do {
                report = try StatusReport.make(workspace: workspace, repository: git, schemas: schemas, today: Terminal.today)
            } catch {
                throw CommandError(error.description)
            }
            switch format {
            case .text:
                Terminal.out(report.text(style: Terminal.stdoutStyle, currentDirectory: workspace.currentDirectory, root: workspace.layout.root))
            case .json:
                Terminal.out(report.json())
            }
        }
    }
}
