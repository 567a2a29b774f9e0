import Clibgit2

/// An operation git has left half-done in the repository, as `git_repository_state` reports it.
public enum RepositoryState: Sendable, Equatable, Hashable, CustomStringConvertible {
    case clean
    case merge
    case revert
    case cherryPick
    case bisect
    case rebase
    case rebaseInteractive
    case rebaseMerge
    case applyMailbox
    case applyMailboxOrRebase

    init(libgit2 raw: Int32) {
        switch UInt32(bitPattern: raw) {
        case GIT_REPOSITORY_STATE_MERGE.rawValue: self = .merge
        case GIT_REPOSITORY_STATE_REVERT.rawValue, GIT_REPOSITORY_STATE_REVERT_SEQUENCE.rawValue: self = .revert
        case GIT_REPOSITORY_STATE_CHERRYPICK.rawValue, GIT_REPOSITORY_STATE_CHERRYPICK_SEQUENCE.rawValue:
            self = .cherryPick
        case GIT_REPOSITORY_STATE_BISECT.rawValue: self = .bisect
        case GIT_REPOSITORY_STATE_REBASE.rawValue: self = .rebase
        case GIT_REPOSITORY_STATE_REBASE_INTERACTIVE.rawValue: self = .rebaseInteractive
        case GIT_REPOSITORY_STATE_REBASE_MERGE.rawValue: self = .rebaseMerge
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX.rawValue: self = .applyMailbox
        case GIT_REPOSITORY_STATE_APPLY_MAILBOX_OR_REBASE.rawValue: self = .applyMailboxOrRebase
        default: self = .clean
        }
    }

    /// The operation with its article, for sentences like "a merge is in progress".
    public var description: String {
        switch self {
        case .clean: return "no operation"
        case .merge: return "a merge"
        case .revert: return "a revert"
        case .cherryPick: return "a cherry-pick"
        case .bisect: return "a bisect"
        case .rebase, .rebaseMerge: return "a rebase"
        case .rebaseInteractive: return "an interactive rebase"
        case .applyMailbox: return "a patch series (git am)"
        case .applyMailboxOrRebase: return "a rebase or git am"
        }
    }

    /// The git commands that finish or abandon the operation; empty when clean.
    public var resolution: String {
        switch self {
        case .clean: return ""
        case .merge: return "git merge --continue / git merge --abort"
        case .revert: return "git revert --continue / git revert --abort"
        case .cherryPick: return "git cherry-pick --continue / git cherry-pick --abort"
        case .bisect: return "git bisect reset"
        case .rebase, .rebaseMerge, .rebaseInteractive: return "git rebase --continue / git rebase --abort"
        case .applyMailbox: return "git am --continue / git am --abort"
        case .applyMailboxOrRebase: return "git rebase --continue / git rebase --abort, or git am --continue / git am --abort"
        }
    }
}

extension GitRepository {
    /// The operation in progress (merge, rebase, ...), or `.clean`.
    public func state() -> RepositoryState {
        RepositoryState(libgit2: git_repository_state(handle.pointer))
    }
}
