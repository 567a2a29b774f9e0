import Clibgit2
import Foundation

/// A libgit2 failure, with the operation that failed and libgit2's own words.
public struct GitError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Equatable {
        case notFound
        case exists
        case locked
        case modified
        case owner
        case unborn
        case other(Int32)

        init(_ raw: Int32) {
            switch raw {
            case GIT_ENOTFOUND.rawValue: self = .notFound
            case GIT_EEXISTS.rawValue: self = .exists
            case GIT_ELOCKED.rawValue: self = .locked
            case GIT_EMODIFIED.rawValue: self = .modified
            case GIT_EOWNER.rawValue: self = .owner
            case GIT_EUNBORNBRANCH.rawValue: self = .unborn
            default: self = .other(raw)
            }
        }
    }

    public var operation: String
    public var code: Code
    public var libgitMessage: String
    /// What the user can do about it, when known.
    public var hint: String? = nil

    public var description: String {
        let text = libgitMessage.isEmpty ? "\(operation) failed" : "\(operation): \(libgitMessage)"
        return hint.map { "\(text); \($0)" } ?? text
    }
}

/// Runs a libgit2 call and turns a negative return into a `GitError`,
/// reading `git_error_last()` at once, on the same thread.
@discardableResult
func check(_ operation: @autoclosure () -> String, _ result: Int32) throws(GitError) -> Int32 {
    guard result < 0 else { return result }
    throw GitError.last(operation(), result)
}

extension GitError {
    /// The error libgit2 recorded for the call that just returned `result`.
    static func last(_ operation: String, _ result: Int32) -> GitError {
        var message = ""
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text)
        }
        return GitError(operation: operation, code: Code(result), libgitMessage: message, hint: hint(for: message))
    }

    /// Advice for the failures of libgit2 1.5.1 that come from what it does not support.
    private static func hint(for message: String) -> String? {
        if message.contains("unsupported mandatory extension: 'sdir'") {
            return "the index is a sparse index, which libgit2 \(libgit2Version) cannot read; "
                + "turn it off with: git sparse-checkout init --no-sparse-index (or git sparse-checkout disable)"
        }
        if let range = message.range(of: "unsupported extension name ") {
            let name = message[range.upperBound...].trimmingCharacters(in: .whitespaces)
            return "libgit2 \(libgit2Version), which assess uses, cannot open repositories that set \(name); "
                + "use git for this repository, or remove the setting if nothing needs it (git config --unset \(name))"
        }
        return nil
    }
}
