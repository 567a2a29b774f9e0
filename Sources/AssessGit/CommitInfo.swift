import Clibgit2
import Foundation

/// A commit, copied out of libgit2.
public struct CommitInfo: Sendable, Equatable {
    /// The full object id: 40 hexadecimal digits.
    public var id: String
    /// The first 7 digits of `id`.
    public var shortID: String
    /// The first paragraph of the message, on one line.
    public var summary: String
    /// The whole message.
    public var message: String
    public var author: GitIdentity
    public var committer: GitIdentity
    /// The author date.
    public var date: Date

    public init(
        id: String, summary: String, message: String, author: GitIdentity, committer: GitIdentity, date: Date
    ) {
        self.id = id
        self.shortID = String(id.prefix(7))
        self.summary = summary
        self.message = message
        self.author = author
        self.committer = committer
        self.date = date
    }

    /// Copies everything out of a `git_commit` at once.
    init(commit: OpaquePointer) {
        let id = git_commit_id(commit).map { hexString($0) } ?? ""
        let author = git_commit_author(commit)
        let committer = git_commit_committer(commit)
        self.init(
            id: id,
            summary: copiedString(git_commit_summary(commit)) ?? "",
            message: copiedString(git_commit_message(commit)) ?? "",
            author: GitIdentity(signature: author),
            committer: GitIdentity(signature: committer),
            date: Date(timeIntervalSince1970: TimeInterval(author?.pointee.when.time ?? git_commit_time(commit))))
    }
}

extension GitIdentity {
    init(signature: UnsafePointer<git_signature>?) {
        self.init(
            name: copiedString(signature?.pointee.name) ?? "", email: copiedString(signature?.pointee.email) ?? "")
    }
}
