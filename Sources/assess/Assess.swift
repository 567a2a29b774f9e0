import ArgumentParser
import AssessGit

struct Assess: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "The editorial assessment workbench: listen-based assessments beside the machine's scores.",
        discussion: """
            Works inside a content repository (found from the current directory, or --repo PATH): \
            schemas/ and content/resources/{library,perspective-maps,transcript-assessments}/.

            Exit status: 0 success, 1 findings, 2 usage or environment errors.
            """,
        version: "assess \(Assess.version) (libgit2 \(libgit2Version))",
        subcommands: [New.self, Validate.self, Status.self, Review.self, Commit.self, Hooks.self, Diff.self, Show.self, Report.self, List.self, Score.self]
    )
}

@main
enum Main {
    static func main() {
        do {
            let (arguments, paths) = BulkArguments.split(Array(CommandLine.arguments.dropFirst()))
            if GitUse.expected(arguments) { GitRepository.prepareInBackground() }
            var command = try Assess.parseAsRoot(arguments)
            if !paths.isEmpty, var validate = command as? Assess.Validate {
                validate.paths += paths
                command = validate
            }
            try command.run()
        } catch {
            Terminal.exit(for: error)
        }
    }
}

/// Which command lines will open the repository through libgit2.
enum GitUse {
    static let commands: Set<String> = ["status", "review", "commit", "hooks", "new"]

    static func expected(_ arguments: [String]) -> Bool {
        guard let command = arguments.first else { return false }
        return commands.contains(command) || (command == "validate" && arguments.contains("--staged"))
    }
}
