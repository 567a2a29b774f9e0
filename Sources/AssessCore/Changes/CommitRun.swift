import AssessGit
import Foundation

/// Why `assess commit` stopped. Every case but a partly failed index update means nothing changed.
public enum CommitRunError: Error, Sendable, CustomStringConvertible {
    case plan(CommitPlanError)
    case refused(GitCommitError)
    case noIdentity(IdentityRole)
    case signing
    case hook(HookError)
    case git(GitError)
    case failed(String)

    public var description: String {
        switch self {
        case .plan(let error): return error.description
        case .refused(let error): return error.description
        case .noIdentity(let role):
            let variable = role == .author ? "GIT_AUTHOR" : "GIT_COMMITTER"
            return """
                no git identity for the \(role == .author ? "author" : "committer"): set one with
                  git config --global user.name "Your Name"
                  git config --global user.email you@example.com
                (or \(variable)_NAME and \(variable)_EMAIL in the environment)
                """
        case .signing:
            return "this repository signs commits (commit.gpgsign), which assess cannot do; commit with git instead: git commit -- <paths>"
        case .hook(let error): return error.description
        case .git(let error): return error.description
        case .failed(let text): return text
        }
    }

    /// Findings that stopped the commit, when validation did.
    public var validation: ValidationSummary? {
        if case .plan(.invalid(let summary)) = self { return summary }
        return nil
    }
}

/// `assess commit`: refuse what git would refuse (and what assess cannot do), validate,
/// run the hooks libgit2 does not, and commit the content paths alone.
public struct CommitRun {
    public var arguments: [String]
    public var message: String?
    public var runHooks: Bool
    public var environment: [String: String]
    public var today: String

    public init(arguments: [String], message: String?, runHooks: Bool, environment: [String: String], today: String) {
        self.arguments = arguments
        self.message = message
        self.runHooks = runHooks
        self.environment = environment
        self.today = today
    }

    public struct Outcome: Sendable {
        public var plan: CommitPlan
        public var commit: CommitInfo
        public var branch: String?
        public var wasInitial: Bool
    }

    public func run(workspace: Workspace, repository: GitRepository, schemas: ContentSchemas) throws(CommitRunError) -> Outcome {
        // The refusals that need no work come first, so their message is the only one.
        let state = repository.state()
        if state != .clean { throw .refused(.inProgress(state)) }
        if repository.isIndexLocked { throw .refused(.indexLocked(path: repository.indexLockPath)) }
        if repository.isSparseCheckout { throw .refused(.sparseCheckout) }
        let conflicts: [String]
        do { conflicts = try repository.conflictedPaths() } catch { throw .git(error) }
        if !conflicts.isEmpty { throw .refused(.conflicts(conflicts)) }
        if repository.signsCommits { throw .signing }

        let author: GitIdentity?
        let committer: GitIdentity?
        do {
            author = try GitIdentity.find(.author, environment: environment, repository: repository)
            committer = try GitIdentity.find(.committer, environment: environment, repository: repository)
        } catch {
            throw .git(error)
        }
        guard let author else { throw .noIdentity(.author) }
        guard let committer else { throw .noIdentity(.committer) }

        let plan: CommitPlan
        do {
            plan = try CommitPlan.make(
                arguments: arguments, message: message, workspace: workspace, repository: repository,
                schemas: schemas, today: today)
        } catch {
            throw .plan(error)
        }

        let hooks = HookRunner(directory: repository.hooksDirectory, workdir: repository.workdir)
        let runHooks = self.runHooks
        let messageFile = repository.gitDirectory + "/COMMIT_EDITMSG"
        let wasInitial = repository.isHeadUnborn
        do {
            let commit = try repository.commit(
                paths: plan.paths, message: plan.message, author: author, committer: committer,
                beforeCommit: { indexPath in
                    guard runHooks else { return }
                    try hooks.run("pre-commit", environment: ["GIT_INDEX_FILE": indexPath, "GIT_EDITOR": ":"])
                },
                finalMessage: { message in
                    guard runHooks, hooks.has("commit-msg") else { return message }
                    try FileSystem.writeAtomically(Array(message.utf8), to: messageFile, replace: true)
                    try hooks.run("commit-msg", arguments: [messageFile], environment: ["GIT_EDITOR": ":"])
                    return String(decoding: try FileSystem.read(messageFile, limit: 1 << 20), as: UTF8.self)
                })
            return Outcome(plan: plan, commit: commit, branch: repository.currentBranch, wasInitial: wasInitial)
        } catch let error as HookError {
            throw .hook(error)
        } catch let error as GitCommitError {
            throw .refused(error)
        } catch let error as GitError {
            throw .git(error)
        } catch let error as FileError {
            throw .failed("cannot write \(error.path): \(error.message); nothing was committed")
        } catch {
            throw .failed("\(error)")
        }
    }
}
