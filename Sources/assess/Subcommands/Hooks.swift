import ArgumentParser
import AssessCore
import Foundation

extension Assess {
    struct Hooks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hooks",
            abstract: "Manage the git hooks assess provides.",
            subcommands: [Install.self]
        )

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install a pre-commit hook that runs `assess validate --staged`.",
                discussion: "Never overwrites a pre-commit hook that assess did not write."
            )

            @OptionGroup var repository: RepositoryOptions

            func run() throws {
                let (_, git) = try repository.gitWorkspace()
                // The running binary, for when `assess` is not on the PATH of the shell that runs the hook.
                let resolved = FileSystem.realPath("/proc/self/exe")
                    ?? CommandLine.arguments.first.map { PathDisplay.absolute($0, from: FileSystem.currentDirectory()) }
                    ?? "assess"
                do {
                    switch try HookInstaller.install(hooksDirectory: git.hooksDirectory, executable: resolved) {
                    case .installed(let path): Terminal.out("Installed \(path)\n")
                    case .updated(let path): Terminal.out("Updated \(path)\n")
                    }
                } catch let refusal as HookInstaller.Refusal {
                    throw CommandError(refusal.description)
                } catch {
                    throw CommandError("cannot write the hook: \(error.localizedDescription)")
                }
            }
        }
    }
}
