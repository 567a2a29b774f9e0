import Foundation
/// Where content bytes come from: the working tree, or a snapshot such as the git index.
public protocol ContentSource: Sendable {
    /// The bytes of the file at `path` (absolute, under the repository root), refusing files over `limit`.
    func read(_ path: String, limit: Int) -> Result<[UInt8], FileError>
}

/// The files on disk. A path must resolve inside the repository: a symlink may not lead out of it.
public struct WorkingTreeSource: ContentSource {
    private let realRoot: String
    private let realRootSlash: String
    /// Resolved folders: `realpath` asks the kernel about every component of every path
    /// (some 16 `readlink` calls per content file); files of one folder share its answer.
    private let folders = RealFolderCache()

    public init(root: String) {
        realRoot = FileSystem.realPath(root) ?? root
        realRootSlash = realRoot == "/" ? "/" : realRoot + "/"
    }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
        // The common case in one open: the folder (resolved once per folder) lies inside,
        // and the file's own name is no symbolic link (O_NOFOLLOW says so).
        switch readInsideFolder(path, limit: limit) {
        case .some(.success(let bytes?)): return .success(bytes)
        case .some(.failure(let error)): return .failure(error)
        case .some(.success(nil)), nil: break
        }
        guard let real = resolved(path) else { return .failure(FileError(path: path, reason: .notFound)) }
        guard real.hasPrefix(realRootSlash) else {
            return .failure(FileError(path: path, reason: .outsideRepository(target: real)))
        }
        do {
            return .success(try FileSystem.read(path, limit: limit))
        } catch {
            return .failure(error)
        }
    }
}

extension WorkingTreeSource {
    /// The file read by its name in its folder (open), when the folder, resolved, is the
    /// repository or lies inside it: nil when the path has no folder part, names `.`/`..` or
    /// lies elsewhere; a nil read when the name is a symbolic link. Worked out on the path's
    /// bytes, with no `String` made: the name is copied, with its NUL, onto the stack.
    private func readInsideFolder(_ path: String, limit: Int) -> Result<[UInt8]?, FileError>? {
        var bytesOfPath = path
        return bytesOfPath.withUTF8 { bytes -> Result<[UInt8]?, FileError>? in
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            var at = bytes.count
            while at > 0, bytes[at - 1] != slash { at -= 1 }
            let nameLength = bytes.count - at
            guard at > 1, nameLength > 0, !(bytes[at] == dot && (nameLength == 1 || (nameLength == 2 && bytes[at + 1] == dot))),
                let folder = folders.open(UnsafeBufferPointer(rebasing: bytes[..<(at - 1)]), inside: isInside)
            else { return nil }
            // The name as a C string, on the stack.
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: nameLength + 1) { name in
                for offset in 0..<nameLength { name[offset] = CChar(bitPattern: bytes[at + offset]) }
                name[nameLength] = 0
                return Result { () throws(FileError) in
                    try FileSystem.read(name.baseAddress!, inFolder: folder, path: path, limit: limit)
                }
            }
        }
    }

    /// Whether a resolved folder is the repository or lies inside it.
    private func isInside(_ real: String) -> Bool { real == realRoot || real.hasPrefix(realRootSlash) }

    /// `realpath(path)`: the resolved folder plus the file name, when the name itself is not a
    /// symbolic link (nor `.`/`..`); otherwise, or when in doubt, `realpath` itself.
    func resolved(_ path: String) -> String? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            return FileSystem.realPath(path)
        }
        let folder = String(path[..<slash])
        let name = String(path[path.utf8.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != ".." else { return FileSystem.realPath(path) }
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFLNK { return FileSystem.realPath(path) }
        guard let realFolder = folders.resolve(folder) else { return FileSystem.realPath(path) }
        return realFolder == "/" ? "/" + name : realFolder + "/" + name
    }
}

/// Folder paths and what `realpath` made of them, shared by the threads of one run; the few
/// folders content is read from are also kept open, to open their files by name.
final class RealFolderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var resolved: [String: String] = [:]
    /// Folders by their bytes, each open (nil: it lies outside, not to be read by name).
    private var recent: [(bytes: [UInt8], descriptor: Int32?)] = []

    deinit {
        for entry in recent { if let descriptor = entry.descriptor { close(descriptor) } }
    }

    /// The folder, open, when it resolves to a place `inside` accepts; nil when it does not, or
    /// cannot be resolved or opened. Each folder is resolved and judged once.
    func open(_ folder: UnsafeBufferPointer<UInt8>, inside: (String) -> Bool) -> Int32? {
        // Content lives in a handful of folders: a short list beats hashing a long path.
        let known: Int32?? = {
            lock.lock()
            defer { lock.unlock() }
            for entry in recent
            where entry.bytes.count == folder.count && (folder.isEmpty || memcmp(entry.bytes, folder.baseAddress!, folder.count) == 0) {
                return .some(entry.descriptor)
            }
            return nil
        }()
        if let known { return known }
        let path = String(decoding: folder, as: UTF8.self)
        guard let real = resolve(path) else { return nil }
        var descriptor: Int32? = nil
        if inside(real) {
            let opened = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard opened >= 0 else { return nil }
            descriptor = opened
        }
        lock.lock()
        defer { lock.unlock() }
        // Another thread may have opened it meanwhile: keep one.
        if let entry = recent.first(where: { $0.bytes.elementsEqual(folder) }) {
            if let descriptor { close(descriptor) }
            return entry.descriptor
        }
        guard recent.count < 8 else {
            if let descriptor { close(descriptor) }
            return nil
        }
        recent.append((Array(folder), descriptor))
        return descriptor
    }

    func resolve(_ folder: String) -> String? {
        lock.lock()
        if let known = resolved[folder] {
            lock.unlock()
            return known
        }
        lock.unlock()
        guard let real = FileSystem.realPath(folder) else { return nil }
        lock.lock()
        resolved[folder] = real
        lock.unlock()
        return real
    }
}

/// Files read beforehand (e.g. blobs from the git index), served from memory to any thread.
public struct SnapshotSource: ContentSource {
    /// Bytes by absolute path.
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
        guard let bytes = files[path] else { return .failure(FileError(path: path, reason: .notFound)) }
        guard bytes.count <= limit else {
            return .failure(FileError(path: path, reason: .tooLarge(size: bytes.count, limit: limit)))
        }
        return .success(bytes)
    }
}
