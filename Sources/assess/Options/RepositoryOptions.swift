import ArgumentParser
import AssessCore
import AssessGit

/// `--repo PATH`, shared by every command that works on a content repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content repository (default: found from the current directory).", valueName: "path"))
    var repo: String?

    /// The workspace and its git repository: commands that read history need both.
    func gitWorkspace() throws -> (Workspace, GitRepository) {
        let workspace = try workspace()
        guard workspace.isGitRepository else {
            throw CommandError("\(workspace.layout.root) is not a git repository; this command works on git history")
        }
        do {
            return (workspace, try workspace.gitRepository())
        } catch {
            throw CommandError(error.description)
        }
    }

    /// The workspace, its content schemas and its git repository. The schemas compile before
    /// the repository opens, while libgit2 sets itself up on another thread.
    func gitWorkspaceAndSchemas() throws -> (Workspace, GitRepository, ContentSchemas) {
        let workspace = try workspace()
        guard workspace.isGitRepository else {
            throw CommandError("\(workspace.layout.root) is not a git repository; this command works on git history")
        }
        let schemas = try workspace.contentSchemas()
        do {
            return (workspace, try workspace.gitRepository(), schemas)
        } catch {
            throw CommandError(error.description)
        }
    }

    func workspace() throws -> Workspace {
        do {
            return try Workspace.locate(repo: repo, currentDirectory: FileSystem.currentDirectory())
        } catch {
            throw CommandError(error.description)
        }
    }
}

extension Workspace {
    /// The content schemas, compiled once for the command; a broken schema is an environment error.
    func contentSchemas() throws -> ContentSchemas {
        do {
            return try ContentSchemas.load(layout, displayDirectory: currentDirectory)
        } catch {
            throw CommandError(error.description)
        }
    }
}
