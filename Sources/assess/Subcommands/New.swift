import ArgumentParser
import AssessCore
import AssessGit
import Foundation

extension Assess {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Scaffold a listen-based assessment, prefilled from the library item and the machine map.",
            discussion: """
                Writes content/resources/transcript-assessments/<slug>.json as a draft, atomically, \
                and never over an existing file unless --force is given.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "The library item's slug, e.g. mechanistic-interpretability-with-neel-nanda.")
        var slug: String

        @Flag(help: "Overwrite an existing assessment.")
        var force = false

        @Flag(help: "Open the new file in $VISUAL or $EDITOR, then validate it.")
        var edit = false

        func run() throws {
            let slug: Slug
            do { slug = try Slug(self.slug) } catch { throw CommandError(error.description) }
            let workspace = try repository.workspace()
            let environment = Terminal.environment
            let identity = try? GitIdentity.find(
                .author, environment: environment, repository: workspace.isGitRepository ? workspace.gitRepository() : nil)
            let scaffolder = Scaffolder(
                layout: workspace.layout, today: Terminal.today,
                assessor: identity.flatMap { $0 }.map { ($0.name, $0.email) })
            let result: ScaffoldResult
            do { result = try scaffolder.scaffold(slug, force: force) } catch { throw CommandError(error.description) }

            let shown = PathDisplay.relative(result.path, to: workspace.currentDirectory)
            Terminal.out("Created \(shown) (draft)\n")
            for note in result.notes { Terminal.note(note) }
            if identity.flatMap({ $0 }) == nil {
                Terminal.note("no git identity found: set user.name and user.email, or replace the assessor placeholder")
            }
            if edit {
                try Editor.open(result.path, environment: environment)
                try Validate.runContent(workspace: workspace, paths: [result.path], format: .text)
            } else {
                Terminal.out("Next: listen, fill in the TODO fields, then run: assess validate \(shown)\n")
            }
        }
    }
}

/// Opens a file in the user's editor as git does: `$VISUAL`, then `$EDITOR`, run by the shell.
enum Editor {
    static func open(_ path: String, environment: [String: String]) throws {
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            throw CommandError("--edit: neither VISUAL nor EDITOR is set")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$@\"", editor, path]
        do { try process.run() } catch { throw CommandError("--edit: cannot start \(editor): \(error.localizedDescription)") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError("--edit: \(editor) exited with status \(process.terminationStatus)")
        }
    }
}
