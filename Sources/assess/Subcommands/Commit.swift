import ArgumentParser
import AssessCore

extension Assess {
    struct Commit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "commit",
            abstract: "Validate, then commit the changed assessments alone through libgit2.",
            discussion: """
                Like `git commit -- PATHS`: the commit holds HEAD plus the given content files as they are in the \
                work tree; whatever else is staged stays staged and out of the commit. With no arguments, commits \
                every changed assessment; a slug also takes its changed library item and perspective map. \
                Runs the repository's pre-commit and commit-msg hooks (libgit2 runs none) unless --no-verify.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(name: .shortAndLong, help: "The commit message (default: generated from the slugs and their status changes).")
        var message: String?

        @Flag(name: .long, help: "Skip the pre-commit and commit-msg hooks.")
        var noVerify = false

        @Argument(help: "Slugs or content file paths to commit (default: every changed assessment).")
        var items: [String] = []

        func run() throws {
            let (workspace, git, schemas) = try repository.gitWorkspaceAndSchemas()
            let run = CommitRun(
                arguments: items, message: message, runHooks: !noVerify, environment: Terminal.environment,
                today: Terminal.today)
            let outcome: CommitRun.Outcome
            do {
                outcome = try run.run(workspace: workspace, repository: git, schemas: schemas)
            } catch {
                if let summary = error.validation {
                    try? Validate.finish(summary, format: .text)
                    Terminal.error(error.description)
                    throw ExitCode(1)
                }
                throw CommandError(error.description)
            }
            let branch = outcome.branch ?? "detached HEAD"
            let root = outcome.wasInitial ? " (root-commit)" : ""
            var text = "[\(branch)\(root) \(outcome.commit.shortID)] \(outcome.commit.summary)\n"
            let count = outcome.plan.paths.count
            text += " \(count) file\(count == 1 ? "" : "s") changed\n"
            for path in outcome.plan.paths { text += "  \(PathDisplay.relative(workspace.layout.root + "/" + path, to: workspace.currentDirectory))\n" }
            Terminal.out(text)
        }
    }
}
