#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system failure, named by path and cause.
public struct FileError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case notAFile
        case outsideRepository(target: String)
        case tooLarge(size: Int, limit: Int)
        case exists
        case system(String)
    }

    public var path: String
    public var reason: Reason

    public var ruleID: String {
        switch reason {
        case .outsideRepository: return "path-outside-repository"
        case .tooLarge: return "json-too-large"
        default: return "io"
        }
    }

    public var message: String {
        switch reason {
        case .notFound: return "no such file or directory"
        case .notAFile: return "not a regular file"
        case .outsideRepository(let target):
            return "refusing to read: it resolves to \(target), outside the repository"
        case .tooLarge(let size, let limit):
            return "file is \(size) bytes, larger than the limit of \(limit) bytes"
        case .exists: return "file already exists"
        case .system(let text): return text
        }
    }

    public var description: String { "\(path): \(message)" }
}

/// Small POSIX wrappers: fast, explicit about symlinks, no Foundation in the hot path.
public enum FileSystem {
    public static func errnoText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    /// The text of a NUL-terminated C buffer.
    static func string(fromNullTerminated buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The canonical absolute path (symlinks resolved), or nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The current directory.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return string(fromNullTerminated: buffer)
    }

    /// Names in a folder (not `.`/`..`), sorted bytewise; empty when the folder is missing.
    public static func list(_ folder: String) -> [String] {
        var names: [String] = []
        forEachName(in: folder) { names.append(String(decoding: $0, as: UTF8.self)) }
        return sortedBytewise(names)
    }

    /// Each name in a folder (not `.`/`..`) in the order the folder gives them, as bytes that
    /// last for the call only; false when the folder cannot be opened.
    @discardableResult
    static func forEachName(in folder: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let dir = opendir(folder) else { return false }
        defer { closedir(dir) }
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let name = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: UInt8.self)
            let count = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
            let dot = UInt8(ascii: ".")
            if name[0] == dot && (count == 1 || (count == 2 && name[1] == dot)) { continue }
            body(UnsafeBufferPointer(start: name, count: count))
        }
        return true
    }

    /// Names in byte order.
    static func sortedBytewise(_ names: [String]) -> [String] {
        sortedByBytes(names) { $0 }
    }

    /// Reads a whole regular file, refusing one larger than `limit` bytes before reading it.
    public static func read(_ path: String, limit: Int) throws(FileError) -> [UInt8] {
        guard let bytes = try read(path, limit: limit, followingFinalLink: true) else {
            throw FileError(path: path, reason: .notFound)
        }
        return bytes
    }

    /// Like `read(_:limit:)`; with `followingFinalLink` false, nil when the file's own
    /// name is a symbolic link (`O_NOFOLLOW`), which the caller then resolves itself.
    /// One path walk and, for most files, one read (see `read(opened:...)`).
    static func read(_ path: String, limit: Int, followingFinalLink: Bool) throws(FileError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingFinalLink ? 0 : O_NOFOLLOW))
        return try read(opened: fd, path: path, limit: limit, followingFinalLink: followingFinalLink)
    }

    /// `read(_:limit:followingFinalLink: false)` of the file `name` in the open folder `folder`:
    /// the kernel looks up one name instead of walking the whole path. `path` names the file
    /// in errors.
    static func read(_ name: UnsafePointer<CChar>, inFolder folder: Int32, path: String, limit: Int) throws(FileError) -> [UInt8]? {
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        return try read(opened: fd, path: path, limit: limit, followingFinalLink: false)
    }

    /// Bytes read on the stack at first: most content files fit, and then the file needs no
    /// `fstat`.
    static let firstReadSize = 16 * 1024

    private static func read(opened fd: Int32, path: String, limit: Int, followingFinalLink: Bool) throws(FileError) -> [UInt8]? {
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP && !followingFinalLink { return nil }
            throw FileError(path: path, reason: code == ENOENT ? .notFound : .system(errnoText(code)))
        }
        defer { close(fd) }
        // One read into a buffer on the stack. A regular file that gives something, but less than
        // the buffer holds, has given all it has (Linux reads regular files in full up to their
        // end), so neither its type nor its size needs asking. Nothing read, a full buffer or an
        // error goes the long way below, where `fstat` decides. The open is non-blocking, so a
        // FIFO gives nothing at once and is refused there; only a FIFO whose writer has already
        // written would pass as a file here, read as what it was sent.
        let first: [UInt8]? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: firstReadSize) { buffer in
            var count = 0
            repeat { count = Glibc.read(fd, buffer.baseAddress!, buffer.count) } while count < 0 && errno == EINTR
            guard count > 0, count < buffer.count, count <= limit else {
                // Start again from the beginning on the long way.
                if count > 0 { lseek(fd, 0, SEEK_SET) }
                return nil
            }
            return Array(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
        if let first { return first }
        return try readWhole(fd, path: path, limit: limit)
    }

    /// `read(opened:...)` for what one read on the stack does not settle: the type and size from
    /// `fstat`, refused before reading when not a regular file or too large.
    private static func readWhole(_ fd: Int32, path: String, limit: Int) throws(FileError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileError(path: path, reason: .system(errnoText())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw FileError(path: path, reason: .notAFile) }
        let size = Int(info.st_size)
        guard size <= limit else { throw FileError(path: path, reason: .tooLarge(size: size, limit: limit)) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var total = 0
            while total < size {
                let count = Glibc.read(fd, buffer.baseAddress! + total, size - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }  // the file shrank while reading
                total += count
            }
            initialized = total
        }
        if failure != 0 { throw FileError(path: path, reason: .system(errnoText(failure))) }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder,
    /// flushed to disk, then renamed over the target. A reader sees the old file
    /// or the new one, never half of either. With `replace` false, an existing
    /// file is never overwritten (the final step is a hard link, which fails if
    /// the name exists).
    public static func writeAtomically(_ bytes: [UInt8], to path: String, replace: Bool) throws(FileError) {
        let folderEnd = path.lastIndex(of: "/")
        let folder = folderEnd.map { String(path[..<$0]) } ?? "."
        let name = folderEnd.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array("\(folder)/.\(name).tmp-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw FileError(path: path, reason: .system(errnoText())) }
        let temporary = string(fromNullTerminated: template)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                let text = errnoText()
                close(fd)
                throw FileError(path: path, reason: .system(text))
            }
            written += count
        }
        fchmod(fd, 0o644)
        guard fsync(fd) == 0, close(fd) == 0 else { throw FileError(path: path, reason: .system(errnoText())) }
        if replace {
            guard rename(temporary, path) == 0 else { throw FileError(path: path, reason: .system(errnoText())) }
        } else {
            guard link(temporary, path) == 0 else {
                let code = errno
                throw FileError(path: path, reason: code == EEXIST ? .exists : .system(errnoText(code)))
            }
            unlink(temporary)
        }
        succeeded = true
        // Make the rename itself durable.
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }
}

/// `items` ordered by the UTF-8 bytes of `key`. Each key's first 16 bytes are packed into two
/// big-endian words once, so most comparisons are of integers; keys that share those bytes
/// compare in full. (No key holds a NUL byte, so the zero padding sorts a prefix first.)
func sortedByBytes<Item>(_ items: [Item], key: (Item) -> String) -> [Item] {
    orderedByBytes(items.count, prefix: { packedPrefix(key(items[$0]).utf8) }, less: { bytewiseLess(key(items[$0]), key(items[$1])) })
        .map { items[$0] }
}

/// `ranges` of `bytes` ordered by the bytes each holds, as `sortedByBytes(_:key:)` orders keys,
/// with no `String` made: for the thousands of names of a folder listing.
func sortedByBytes(_ ranges: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[ranges[index]]) }
    return orderedByBytes(ranges.count, prefix: { packedPrefix(key($0)) }, less: { bytewiseLess(key($0), key($1)) })
        .map { ranges[$0] }
}

/// The indices `0..<count` in the byte order of their keys, given by each key's first 16 bytes
/// packed (`prefix`) and, for keys that share those, the comparison of the whole keys (`less`).
private func orderedByBytes(_ count: Int, prefix: (Int) -> (UInt64, UInt64), less: (Int, Int) -> Bool) -> [Int] {
    var keyed: [(high: UInt64, low: UInt64, index: Int)] = []
    keyed.reserveCapacity(count)
    for index in 0..<count {
        let (high, low) = prefix(index)
        keyed.append((high, low, index))
    }
    keyed.sort { a, b in
        if a.high != b.high { return a.high < b.high }
        if a.low != b.low { return a.low < b.low }
        return less(a.index, b.index)
    }
    return keyed.map(\.index)
}

/// The first 16 bytes as two big-endian words, zero-padded.
@inline(__always)
private func packedPrefix(_ bytes: some Sequence<UInt8>) -> (UInt64, UInt64) {
    var high: UInt64 = 0, low: UInt64 = 0
    var position = 0
    for byte in bytes {
        if position < 8 {
            high |= UInt64(byte) << UInt64(56 - 8 * position)
        } else if position < 16 {
            low |= UInt64(byte) << UInt64(56 - 8 * (position - 8))
        } else {
            break
        }
        position += 1
    }
    return (high, low)
}

/// `a < b` comparing UTF-8 bytes (unsigned), as `memcmp` does.
func bytewiseLess(_ a: String, _ b: String) -> Bool {
    // Native strings are read where they lie; only another kind is copied (by `withUTF8`).
    if let less = a.utf8.withContiguousStorageIfAvailable({ x in
        b.utf8.withContiguousStorageIfAvailable { y in bytewiseLess(x, y) }
    }), let less { return less }
    var a = a, b = b
    return a.withUTF8 { x in b.withUTF8 { y in bytewiseLess(x, y) } }
}

/// `bytewiseLess` on UTF-8 bytes.
private func bytewiseLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let common = min(x.count, y.count)
    if common > 0, let p = x.baseAddress, let q = y.baseAddress {
        let order = memcmp(p, q, common)
        if order != 0 { return order < 0 }
    }
    return x.count < y.count
}
