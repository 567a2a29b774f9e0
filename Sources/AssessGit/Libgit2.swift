import Clibgit2
import Dispatch

/// Process-wide libgit2 initialisation. `git_libgit2_init` is reference
/// counted and thread-safe; the library stays initialised for the process.
enum Libgit2 {
    static let initialised: Bool = {
        git_libgit2_init()
        // Trees are written from index entries that name objects already in the object
        // database (HEAD's tree, blobs just added): checking each of them again costs a
        // header read per file (a third of `assess commit` in a 30,000-file repository).
        _ = assess_git_set_strict_object_creation(0)
        // With files staged in a content folder, a status reads HEAD's tree of that folder
        // (thousands of entries) to compare it with the index, libgit2 reads it again, and
        // `blobAtHead` once more: keep trees parsed after the first read.
        _ = assess_git_set_cache_object_limit(GIT_OBJECT_TREE, 16 << 20)
        return true
    }()

    static func ensureInitialised() {
        _ = initialised
    }
}

extension GitRepository {
    /// Starts libgit2's one-time set-up on another thread, so that it overlaps the caller's
    /// own start-up (parsing arguments, compiling schemas). The set-up reads the system's CA
    /// certificates, a third of a small `assess status`; the first libgit2 call waits for it.
    public static func prepareInBackground() {
        DispatchQueue.global(qos: .userInitiated).async { Libgit2.ensureInitialised() }
    }
}

/// The version of the linked libgit2, e.g. "1.5.1".
public var libgit2Version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
}
