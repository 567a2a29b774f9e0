import ArgumentParser
import AssessCore

/// `--repo PATH`, shared by every command that works on a content repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content repository (default: found from the current directory).", valueName: "path"))
    var repo: String?

    func workspace() throws -> Workspace {
        do {
            return try Workspace.locate(repo: repo, currentDirectory: FileSystem.currentDirectory())
        } catch {
            throw CommandError(error.description)
        }
    }
}
