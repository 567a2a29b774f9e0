import Clibgit2

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
