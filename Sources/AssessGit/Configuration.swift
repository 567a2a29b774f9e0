import Clibgit2

/// A read-only view of git configuration.
public struct GitConfiguration {
    let handle: ConfigHandle

    init(_ handle: ConfigHandle) {
        self.handle = handle
    }

    /// The user's own configuration (global, XDG, system) for use outside any repository;
    /// nil when there is none.
    public static func userDefault() throws(GitError) -> GitConfiguration? {
        Libgit2.ensureInitialised()
        var config: OpaquePointer?
        let result = git_config_open_default(&config)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("read configuration", result)
        guard let config else { return nil }
        var snapshot: OpaquePointer?
        defer { git_config_free(config) }
        try check("read configuration", git_config_snapshot(&snapshot, config))
        return snapshot.map { GitConfiguration(ConfigHandle($0)) }
    }

    /// A string value, or nil when unset.
    public func string(_ name: String) throws(GitError) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = git_config_get_string_buf(&buffer, handle.pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("read configuration value \(name)", result)
        guard let pointer = buffer.ptr else { return nil }
        return String(cString: pointer)
    }

    /// A boolean value, or nil when unset.
    public func bool(_ name: String) throws(GitError) -> Bool? {
        var value: Int32 = 0
        let result = git_config_get_bool(&value, handle.pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("read configuration value \(name)", result)
        return value != 0
    }
}

extension GitConfiguration {
    /// One configuration file read on its own (e.g. a worktree's `config.worktree`).
    static func file(_ path: String) throws(GitError) -> GitConfiguration {
        GitConfiguration(ConfigHandle(try create("read configuration file \(path)", { git_config_open_ondisk(&$0, path) })))
    }

    /// A path value with `~/` expanded, or nil when unset.
    public func path(_ name: String) throws(GitError) -> String? {
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let result = git_config_get_path(&buffer, handle.pointer, name)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check("read configuration value \(name)", result)
        return copiedString(buffer.ptr)
    }
}
