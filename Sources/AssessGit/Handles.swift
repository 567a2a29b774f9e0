import Clibgit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// One owner per C handle: each class frees its pointer exactly once, in `deinit`.
// They stay internal; public types hold only Swift values copied out of them.

/// Owns one `git_index`.
final class IndexHandle {
    let pointer: OpaquePointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        git_index_free(pointer)
    }
}

/// Owns one `git_object` (a commit, tree or blob: libgit2 frees all of them with `git_object_free`).
final class ObjectHandle {
    let pointer: OpaquePointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        git_object_free(pointer)
    }
}

/// Owns one `git_reference`.
final class ReferenceHandle {
    let pointer: OpaquePointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        git_reference_free(pointer)
    }
}

/// Owns one `git_status_list`.
final class StatusListHandle {
    let pointer: OpaquePointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        git_status_list_free(pointer)
    }
}

/// Owns one `git_tree_entry` returned by `git_tree_entry_bypath` (entries borrowed from a tree are not owned).
final class TreeEntryHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_tree_entry_free(pointer)
    }
}

/// Owns one `git_signature`.
final class SignatureHandle {
    let pointer: UnsafeMutablePointer<git_signature>

    init(_ pointer: UnsafeMutablePointer<git_signature>) {
        self.pointer = pointer
    }

    deinit {
        git_signature_free(pointer)
    }
}

/// Owns one `git_index_conflict_iterator`.
final class ConflictIteratorHandle {
    let pointer: OpaquePointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: OpaquePointer, owner: AnyObject?) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        git_index_conflict_iterator_free(pointer)
    }
}

/// Calls a libgit2 constructor with an out-pointer, checks its result and returns the new pointer.
func create(
    _ operation: @autoclosure () -> String, _ body: (inout OpaquePointer?) -> Int32
) throws(GitError) -> OpaquePointer {
    var pointer: OpaquePointer?
    try check(operation(), body(&pointer))
    guard let pointer else {
        throw GitError(operation: operation(), code: .other(-1), libgitMessage: "libgit2 returned no object")
    }
    return pointer
}

/// The 40 hexadecimal digits of an object id.
func hexString(_ oid: UnsafePointer<git_oid>) -> String {
    var buffer = [CChar](repeating: 0, count: 41)  // GIT_OID_HEXSZ (40, SHA-1) and a NUL
    git_oid_fmt(&buffer, oid)
    return String(decoding: buffer.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// A borrowed C string copied into Swift, or nil.
func copiedString(_ pointer: UnsafePointer<CChar>?) -> String? {
    pointer.map { String(cString: $0) }
}

/// Runs `body` with `strings` as a `git_strarray` that lives for the call only.
func withStringArray<Result>(_ strings: [String], _ body: (inout git_strarray) -> Result) -> Result {
    var copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeMutableBufferPointer { buffer in
        var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
        return body(&array)
    }
}

/// Whether something (a file, folder or symbolic link, even a dangling one) exists at `path`.
func pathExists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}

/// Whether `path` is a symbolic link.
func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// Whether `path` is a folder (not following a final symbolic link).
func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}
