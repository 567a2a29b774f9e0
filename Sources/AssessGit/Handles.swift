import Clibgit2

// One owner per C handle: a `Handle` frees its pointer exactly once, in `deinit`, with the
// free function its kind names. Handles stay internal; public types hold only Swift values
// copied out of them.

/// A kind of libgit2 handle: its pointer type and the function that frees it.
protocol HandleKind {
    associatedtype Pointer
    static func free(_ pointer: Pointer)
}

/// Owns one libgit2 pointer of kind `Kind`.
final class Handle<Kind: HandleKind> {
    let pointer: Kind.Pointer
    /// The handle this one depends on (its repository, index or object), kept alive until
    /// this one is freed: children are always freed before their parents.
    let owner: AnyObject?

    init(_ pointer: Kind.Pointer, owner: AnyObject? = nil) {
        self.pointer = pointer
        self.owner = owner
    }

    deinit {
        Kind.free(pointer)
    }
}

enum RepositoryKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_repository_free(pointer) } }
enum ConfigKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_config_free(pointer) } }
enum IndexKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_index_free(pointer) } }
/// Commits, trees and blobs: libgit2 frees all of them with `git_object_free`.
enum ObjectKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_object_free(pointer) } }
enum ReferenceKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_reference_free(pointer) } }
enum StatusListKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_status_list_free(pointer) } }
/// Entries returned by `git_tree_entry_bypath` (entries borrowed from a tree are not owned).
enum TreeEntryKind: HandleKind { static func free(_ pointer: OpaquePointer) { git_tree_entry_free(pointer) } }
enum SignatureKind: HandleKind {
    static func free(_ pointer: UnsafeMutablePointer<git_signature>) { git_signature_free(pointer) }
}
enum ConflictIteratorKind: HandleKind {
    static func free(_ pointer: OpaquePointer) { git_index_conflict_iterator_free(pointer) }
}

typealias RepositoryHandle = Handle<RepositoryKind>
typealias ConfigHandle = Handle<ConfigKind>
typealias IndexHandle = Handle<IndexKind>
typealias ObjectHandle = Handle<ObjectKind>
typealias ReferenceHandle = Handle<ReferenceKind>
typealias StatusListHandle = Handle<StatusListKind>
typealias TreeEntryHandle = Handle<TreeEntryKind>
typealias SignatureHandle = Handle<SignatureKind>
typealias ConflictIteratorHandle = Handle<ConflictIteratorKind>

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
