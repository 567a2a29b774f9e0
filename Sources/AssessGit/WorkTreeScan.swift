import Clibgit2
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The work-tree half of the quick status (see `quickStatus`): which paths under some folders
// `git status` could report on the work-tree side, found without libgit2's single-threaded
// scan. The folders are listed with every file's `lstat` (on other threads, while libgit2
// reads the index), then each tracked file's stat data is compared with the index's, the way
// libgit2 decides whether it must read a file. Every step errs towards listing a path:
// libgit2 still decides what each listed path's status is, so a path listed for nothing
// costs time, never a wrong answer.

/// The tracked files under some folders: the index's entries, sorted by path bytes, that the
/// scans can judge (stage 0, plain files and symbolic links). Borrowed from the index: valid
/// while it is neither re-read nor changed.
struct TrackedFiles {
    let entries: [UnsafePointer<git_index_entry>]

    /// The entries of `index` under `folders` (normalised, "a/b/"; "" for all); nil when one
    /// of them is something the scans do not model: a conflict, a submodule, an
    /// intent-to-add or skip-worktree entry.
    init?(_ index: OpaquePointer, under folders: [String]) {
        let prefixes = folders.map { Array($0.utf8CString) }
        let unusual = GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue | GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue
        var entries: [UnsafePointer<git_index_entry>] = []
        for position in 0..<git_index_entrycount(index) {
            guard let entry = git_index_get_byindex(index, position), let path = entry.pointee.path else { return nil }
            let inside = prefixes.contains { prefix in
                prefix.withUnsafeBufferPointer { strncmp(path, $0.baseAddress!, prefix.count - 1) == 0 }
            }
            guard inside else { continue }
            let mode = entry.pointee.mode
            guard git_index_entry_stage(entry) == 0,
                mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
                    || mode == GIT_FILEMODE_LINK.rawValue,
                UInt32(entry.pointee.flags_extended) & unusual == 0
            else { return nil }
            // The merges below rely on plain byte order (a case-insensitive index is not).
            if let previous = entries.last, strcmp(previous.pointee.path, path) >= 0 { return nil }
            entries.append(entry)
        }
        self.entries = entries
    }

    var count: Int { entries.count }

    func path(_ position: Int) -> UnsafePointer<CChar> { entries[position].pointee.path }

    /// The positions of the paths under `prefix` ("a/b/"; "" for all): a contiguous range.
    func range(under prefix: [CChar]) -> Range<Int> {
        guard !prefix.isEmpty else { return 0..<count }
        // Paths under "a/b/" sort at or after "a/b/" and before "a/b0" ('0' follows '/').
        var after = prefix
        after[after.count - 1] = CChar(UInt8(ascii: "0"))
        let lower = (prefix + [0]).withUnsafeBufferPointer { bound in
            firstPosition(in: 0..<count) { strcmp($0, bound.baseAddress!) >= 0 }
        }
        let upper = (after + [0]).withUnsafeBufferPointer { bound in
            firstPosition(in: lower..<count) { strcmp($0, bound.baseAddress!) >= 0 }
        }
        return lower..<upper
    }

    private func firstPosition(in range: Range<Int>, _ isAtOrAfter: (UnsafePointer<CChar>) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if isAtOrAfter(path(middle)) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Walks the entries of `range` that lie directly in its folder (`skip` bytes of prefix,
    /// no further "/") alongside `names`, which must be sorted by bytes: `matched` gets each
    /// name with the position of the entry of that name, or nil.
    func merge(
        _ range: Range<Int>, skip: Int, names: Int, name: (Int) -> UnsafePointer<CChar>,
        _ matched: (Int, Int?) -> Void
    ) {
        var cursor = range.lowerBound
        for index in 0..<names {
            let wanted = name(index)
            var found: Int?
            while cursor < range.upperBound {
                let rest = path(cursor) + skip
                if strchr(rest, Int32(UInt8(ascii: "/"))) != nil {
                    cursor += 1  // in a subfolder: judged with that folder
                    continue
                }
                let order = strcmp(rest, wanted)
                if order < 0 {
                    cursor += 1  // not among the names
                    continue
                }
                if order == 0 {
                    found = cursor
                    cursor += 1
                }
                break
            }
            matched(index, found)
        }
    }

    /// The path of `name` in the folder `prefix`, when it is valid UTF-8.
    static func joined(_ prefix: [CChar], _ name: UnsafePointer<CChar>) -> String? {
        (prefix + Array(UnsafeBufferPointer(start: name, count: strlen(name) + 1))).withUnsafeBufferPointer {
            exactString($0.baseAddress!)
        }
    }
}

/// The candidates of the work-tree side: tracked files that are missing, whose stat data
/// differs from the index's, or that are racily clean (changed in the same instant the index
/// was written), and every file or symbolic link the index does not hold (ignored ones too:
/// libgit2 leaves them out).
struct WorkTreeScan {
    var candidates: [String] = []
    /// False when a path is not valid UTF-8: it could not be handed to libgit2 as it is.
    var isComplete = true

    /// Compares `listing` with `tracked`. `indexModified` is the modification time of the
    /// index file libgit2 read.
    init(_ listing: [WorkTreeListing.Directory], tracked: TrackedFiles, indexModified: TimeStamp) {
        // libgit2 compares nanoseconds when it was built to: then a file is racily clean when
        // its mtime is the index's or later; else when its second is the index's or later.
        let nanoseconds = git_libgit2_features() & Int32(GIT_FEATURE_NSEC.rawValue) != 0
        func isRacilyClean(_ modified: TimeStamp) -> Bool {
            if modified.seconds != indexModified.seconds { return modified.seconds > indexModified.seconds }
            return !nanoseconds || modified.nanoseconds >= indexModified.nanoseconds
        }

        var clean = [Bool](repeating: false, count: tracked.count)
        for directory in listing {
            let range = tracked.range(under: directory.prefix)
            directory.names.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                tracked.merge(
                    range, skip: directory.prefix.count, names: directory.starts.count,
                    name: { base + directory.starts[$0] }
                ) { index, position in
                    // A folder where a file is tracked stays not clean: libgit2 sees a type change.
                    guard directory.kinds[index] == .file else { return }
                    if let position {
                        let stat = directory.stats[index]
                        if stat.matches(tracked.entries[position].pointee), !isRacilyClean(stat.modified) {
                            clean[position] = true
                        }
                    } else {
                        guard let path = TrackedFiles.joined(directory.prefix, base + directory.starts[index]) else {
                            isComplete = false
                            return
                        }
                        candidates.append(path)
                    }
                }
            }
        }
        for position in 0..<tracked.count where !clean[position] {
            guard let path = exactString(tracked.path(position)) else {
                isComplete = false
                return
            }
            candidates.append(path)
        }
    }

    /// The folders that no other folder contains ("a/" makes "a/b/" redundant); [""] for the
    /// whole work tree.
    static func outermost(_ folders: [String]) -> [String] {
        guard !folders.isEmpty else { return [""] }
        let unique = Set(folders)
        return unique.filter { folder in !unique.contains { $0 != folder && folder.hasPrefix($0) } }.sorted()
    }
}

/// Seconds and nanoseconds, as the index stores times.
struct TimeStamp: Equatable {
    var seconds: Int64
    var nanoseconds: Int64

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ time: timespec) {
        self.init(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }
}

/// What identifies one version of a file: a rewritten index (git and libgit2 write a new file
/// and rename it over the old one) changes at least its inode or its times.
struct FileStamp: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: TimeStamp
    var changed: TimeStamp

    /// The stamp of the file at `path` (not following a final symbolic link); nil when it is missing.
    init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.modificationTime
        changed = info.changeTime
    }
}

/// The stat data of one file as the index records it.
struct StatData {
    /// The index's mode for the file's type: 0o100644 or 0o100755 (any owner execute bit),
    /// 0o120000 for a symbolic link, 0 for a type no index entry has.
    var mode: UInt32
    var size: Int64
    var modified: TimeStamp
    var changed: TimeStamp
    var inode: UInt64
    var user: UInt64
    var group: UInt64

    /// A placeholder, for no file.
    init() {
        mode = 0
        size = 0
        modified = TimeStamp(seconds: 0, nanoseconds: 0)
        changed = modified
        inode = 0
        user = 0
        group = 0
    }

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: mode = info.st_mode & 0o100 != 0 ? 0o100755 : 0o100644
        case S_IFLNK: mode = 0o120000
        default: mode = 0
        }
        size = Int64(info.st_size)
        modified = info.modificationTime
        changed = info.changeTime
        inode = UInt64(info.st_ino)
        user = UInt64(info.st_uid)
        group = UInt64(info.st_gid)
    }

    /// Whether libgit2 would take the file for unchanged without reading it (racily clean
    /// aside): same type and execute bit, size, mtime and ctime (nanoseconds included),
    /// inode, owner and group. The index keeps 32 bits of each: the inode is compared on
    /// those, as libgit2 does; a size or time beyond them never matches.
    func matches(_ entry: git_index_entry) -> Bool {
        entry.mode == mode
            && size >= 0 && Int64(entry.file_size) == size
            && Int64(entry.mtime.seconds) == modified.seconds && Int64(entry.mtime.nanoseconds) == modified.nanoseconds
            && Int64(entry.ctime.seconds) == changed.seconds && Int64(entry.ctime.nanoseconds) == changed.nanoseconds
            && entry.ino == UInt32(truncatingIfNeeded: inode) && UInt64(entry.uid) == user && UInt64(entry.gid) == group
    }
}

extension stat {
    var modificationTime: TimeStamp {
        #if canImport(Darwin)
        TimeStamp(st_mtimespec)
        #else
        TimeStamp(st_mtim)
        #endif
    }

    var changeTime: TimeStamp {
        #if canImport(Darwin)
        TimeStamp(st_ctimespec)
        #else
        TimeStamp(st_ctim)
        #endif
    }
}

/// Some folders of the work tree, listed with every file's stat data on other threads (it
/// makes no libgit2 call). `wait` gives the result.
///
/// One thread reads the folders; each folder's files are then `lstat`ed on all cores while the
/// next folder is read.
final class WorkTreeListing: @unchecked Sendable {
    /// One listed folder. Its stat data is written by one task, and read once `wait` returns.
    final class Directory: @unchecked Sendable {
        /// Its repository-relative path with a final "/" ("" for the root), without NUL.
        let prefix: [CChar]
        /// The names, each NUL-terminated.
        let names: [CChar]
        /// Where each name starts in `names`, sorted by name bytes.
        let starts: [Int]
        /// The type the folder's listing gave each name (`DT_DIR`...), in the same order.
        let types: [UInt8]
        /// What each name is, in the same order.
        fileprivate(set) var kinds: [Kind]
        /// The stat data of each file (`.file`), in the same order.
        fileprivate(set) var stats: [StatData]

        fileprivate init(prefix: [CChar], names: [CChar], starts: [Int], types: [UInt8]) {
            self.prefix = prefix
            self.names = names
            self.starts = starts
            self.types = types
            kinds = types.map { $0 == UInt8(DT_DIR) ? .folder : .gone }
            stats = [StatData](repeating: StatData(), count: starts.count)
        }

        /// `lstat`s every name but folders in the folder open at `folder`, on all cores; false
        /// when one failed otherwise than by being gone.
        fileprivate func readStats(in folder: Int32) -> Bool {
            let failed = FailureFlag()
            names.withUnsafeBufferPointer { buffer in
                let base = buffer.baseAddress!
                kinds.withUnsafeMutableBufferPointer { kinds in
                    stats.withUnsafeMutableBufferPointer { stats in
                        let slots = UncheckedSendable((kinds, stats))
                        concurrentChunks(starts.count) { chunk in
                            for index in chunk where types[index] != UInt8(DT_DIR) {
                                var info = stat()
                                guard fstatat(folder, base + starts[index], &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                                    if errno != ENOENT { failed.set() }  // ENOENT: gone since the listing
                                    continue
                                }
                                if info.st_mode & S_IFMT == S_IFDIR {
                                    slots.value.0[index] = .folder  // the listing did not know its type
                                } else {
                                    slots.value.0[index] = .file
                                    slots.value.1[index] = StatData(info)
                                }
                            }
                        }
                    }
                }
            }
            return !failed.isSet
        }
    }

    enum Kind: UInt8 {
        /// Gone since the folder was read.
        case gone
        /// A folder: listed on its own.
        case folder
        /// A file, a symbolic link, or anything else that is not a folder.
        case file
    }

    private let done = DispatchGroup()
    /// Written by the listing thread before it leaves `done`; read after `wait`.
    private var directories: [Directory]?
    /// The folders' stat tasks still running, and whether one failed.
    private let statTasks = DispatchGroup()
    private let statFailed = FailureFlag()
    /// Bounds the stat tasks waiting to run (each holds a descriptor).
    private let statSlots = DispatchSemaphore(value: 16)

    /// Starts listing `folders` (normalised, "a/b/"; "" for the whole work tree) of the work
    /// tree at `workdir`, on a thread of its own: it waits for stat tasks, which must never
    /// wait for a free thread of the shared pool.
    init(workdir: String, folders: [String]) {
        done.enter()
        Thread { [self] in
            var listed = list(workdir: workdir, folders: folders)
            statTasks.wait()
            if statFailed.isSet { listed = nil }
            directories = listed
            done.leave()
        }.start()
    }

    /// The listed folders, once the listing has finished; nil when it met something it does
    /// not model the way libgit2 does (a nested repository, a folder it cannot read).
    func wait() -> [Directory]? {
        done.wait()
        return directories
    }

    /// Walks each folder from the work tree's root, one component at a time without following
    /// symbolic links (libgit2 never follows them). A folder that is missing, or is a file or
    /// a symbolic link, is not listed: its tracked files then count as missing.
    private func list(workdir: String, folders: [String]) -> [Directory]? {
        let root = open(workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return nil }
        defer { close(root) }
        var directories: [Directory] = []
        for folder in folders {
            var descriptor = dup(root)
            guard descriptor >= 0 else { return nil }
            var prefix: [CChar] = []
            var present = true
            for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
                let child = openat(descriptor, String(component), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                let failure = errno
                close(descriptor)
                guard child >= 0 else {
                    guard Self.meansAbsent(failure) else { return nil }
                    present = false
                    break
                }
                descriptor = child
                prefix += Array(String(component).utf8CString.dropLast()) + [CChar(UInt8(ascii: "/"))]
            }
            guard present else { continue }
            guard list(descriptor, prefix: prefix, into: &directories) else { return nil }
        }
        return directories
    }

    /// A folder that cannot be opened because it is gone, is not a folder, or is a symbolic
    /// link: libgit2 sees no folder there either.
    private static func meansAbsent(_ error: Int32) -> Bool {
        error == ENOENT || error == ENOTDIR || error == ELOOP
    }

    /// Lists the folder open at `descriptor` (taking ownership of it), whose
    /// repository-relative path is `prefix`, starts its stat task, then lists its subfolders.
    /// False when unsure.
    private func list(_ descriptor: Int32, prefix: [CChar], into directories: inout [Directory]) -> Bool {
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(stream) }
        let folder = dirfd(stream)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

        var names: [CChar] = []
        var items: [(start: Int, type: UInt8)] = []
        names.reserveCapacity(1 << 16)
        errno = 0
        while let item = readdir(stream) {
            let name = (UnsafeRawPointer(item) + nameOffset).assumingMemoryBound(to: CChar.self)
            if name[0] == CChar(UInt8(ascii: ".")) {
                if name[1] == 0 || (name[1] == CChar(UInt8(ascii: ".")) && name[2] == 0) { continue }
                if strcmp(name, ".git") == 0 {
                    // The root's own git directory is skipped; elsewhere it is a nested
                    // repository, which libgit2 shows as one untracked folder.
                    guard prefix.isEmpty else { return false }
                    continue
                }
            }
            let length = strlen(name)
            #if canImport(Darwin)
            // libgit2 may precompose Unicode names there: leave those to it.
            for offset in 0..<length where name[offset] < 0 { return false }
            #endif
            items.append((names.count, item.pointee.d_type))
            names.append(contentsOf: UnsafeBufferPointer(start: name, count: length + 1))
        }
        guard errno == 0 else { return false }
        names.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            items.withUnsafeMutableBufferPointer { items in
                items.sort { strcmp(base + $0.start, base + $1.start) < 0 }
            }
        }
        let directory = Directory(prefix: prefix, names: names, starts: items.map(\.start), types: items.map(\.type))
        directories.append(directory)

        // The subfolders: known from the listing, or else only once the stat data is in.
        var subfolders: [Int]
        if items.contains(where: { $0.type == UInt8(DT_UNKNOWN) }) {
            guard directory.readStats(in: folder) else { return false }
            subfolders = directory.kinds.indices.filter { directory.kinds[$0] == .folder }
        } else {
            subfolders = directory.types.indices.filter { directory.types[$0] == UInt8(DT_DIR) }
            let copy = dup(folder)
            guard copy >= 0 else { return false }
            statSlots.wait()
            statTasks.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                if !directory.readStats(in: copy) { statFailed.set() }
                close(copy)
                statSlots.signal()
                statTasks.leave()
            }
        }

        for index in subfolders {
            let complete = names.withUnsafeBufferPointer { buffer -> Bool in
                let name = buffer.baseAddress! + directory.starts[index]
                let child = openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard child >= 0 else { return Self.meansAbsent(errno) }
                let path = prefix + Array(UnsafeBufferPointer(start: name, count: strlen(name))) + [CChar(UInt8(ascii: "/"))]
                return list(child, prefix: path, into: &directories)
            }
            guard complete else { return false }
        }
        return true
    }
}

/// Set by any worker thread that met a failure.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// Runs `body` over `0..<count` split into chunks, on all cores when there is enough work
/// (the calling thread takes part and waits for the rest). `body` must be safe to run on
/// several threads at once.
private func concurrentChunks(_ count: Int, _ body: (Range<Int>) -> Void) {
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let minimumChunk = 256
    guard workers > 1, count >= 2 * minimumChunk else {
        body(0..<count)
        return
    }
    let chunks = min(workers * 8, count / minimumChunk)
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            shared.value((count * chunk / chunks)..<(count * (chunk + 1) / chunks))
        }
    }
}

/// A value handed to worker threads that the owner keeps alive, and does not touch, until they finish.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
