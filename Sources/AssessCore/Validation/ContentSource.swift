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
        if let (folder, name) = folderInside(path) {
            do {
                if let bytes = try FileSystem.read(name, inFolder: folder, path: path, limit: limit) {
                    return .success(bytes)
                }
            } catch {
                return .failure(error)
            }
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
    /// The path's folder (open) and the file name, when the folder, resolved, is the repository
    /// or lies inside it; nil when the path has no folder part or names `.`/`..`.
    private func folderInside(_ path: String) -> (folder: Int32, name: String)? {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex else {
            return nil
        }
        let name = path[path.utf8.index(after: slash)...]
        guard !name.isEmpty, name != ".", name != "..", let folder = folders.open(path[..<slash]),
            folder.real == realRoot || folder.real.hasPrefix(realRootSlash)
        else { return nil }
        return (folder.descriptor, String(name))
    }

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
    private var recent: [(bytes: [UInt8], real: String, descriptor: Int32)] = []

    deinit {
        for entry in recent { close(entry.descriptor) }
    }

    /// The folder resolved, and open; nil when it cannot be resolved or opened.
    func open(_ folder: Substring) -> (real: String, descriptor: Int32)? {
        // Content lives in a handful of folders: a short list beats hashing a long path.
        var folder = folder
        let known: (real: String, descriptor: Int32)? = folder.withUTF8 { bytes in
            lock.lock()
            defer { lock.unlock() }
            for entry in recent
            where entry.bytes.count == bytes.count && (bytes.isEmpty || memcmp(entry.bytes, bytes.baseAddress!, bytes.count) == 0) {
                return (entry.real, entry.descriptor)
            }
            return nil
        }
        if let known { return known }
        let path = String(folder)
        guard let real = resolve(path) else { return nil }
        let descriptor = Foundation.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        lock.lock()
        defer { lock.unlock() }
        // Another thread may have opened it meanwhile: keep one.
        if let entry = recent.first(where: { $0.bytes.elementsEqual(path.utf8) }) {
            close(descriptor)
            return (entry.real, entry.descriptor)
        }
        guard recent.count < 8 else {
            close(descriptor)
            return nil
        }
        recent.append((Array(path.utf8), real, descriptor))
        return (real, descriptor)
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
