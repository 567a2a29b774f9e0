import Foundation

/// A person as git records them.
public struct GitIdentity: Sendable, Equatable {
    public var name: String
    public var email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// Which identity git would use for a commit's author or committer.
public enum IdentityRole: Sendable {
    case author
    case committer

    var prefix: String {
        switch self {
        case .author: return "GIT_AUTHOR"
        case .committer: return "GIT_COMMITTER"
        }
    }
}

extension GitIdentity {
    /// The identity git would record, found as git finds it: `GIT_AUTHOR_NAME` /
    /// `GIT_AUTHOR_EMAIL` (or the committer pair), then `user.name` / `user.email`
    /// from configuration (the repository's, or the user's own outside a repository),
    /// then `EMAIL` for the address. Never invented: nil when either part is missing.
    public static func find(
        _ role: IdentityRole, environment: [String: String], repository: GitRepository?
    ) throws(GitError) -> GitIdentity? {
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return value
        }
        let config: GitConfiguration?
        if let repository {
            config = try repository.configuration()
        } else {
            config = try GitConfiguration.userDefault()
        }
        let configName = try nonEmpty(config?.string("user.name"))
        let configEmail = try nonEmpty(config?.string("user.email"))
        let name = nonEmpty(environment["\(role.prefix)_NAME"]) ?? configName
        let email = nonEmpty(environment["\(role.prefix)_EMAIL"]) ?? configEmail ?? nonEmpty(environment["EMAIL"])
        guard let name, let email else { return nil }
        return GitIdentity(name: name, email: email)
    }
}
