/// Where content bytes come from: the working tree, or a snapshot such as the git index.
public protocol ContentSource: Sendable {
    /// The bytes of the file at `path` (absolute, under the repository root), refusing files over `limit`.
    func read(_ path: String, limit: Int) -> Result<[UInt8], FileError>
}

/// The files on disk. A path must resolve inside the repository: a symlink may not lead out of it.
public struct WorkingTreeSource: ContentSource {
    private let realRoot: String

    public init(root: String) {
        realRoot = FileSystem.realPath(root) ?? root
    }

    public func read(_ path: String, limit: Int) -> Result<[UInt8], FileError> {
        guard let real = FileSystem.realPath(path) else { return .failure(FileError(path: path, reason: .notFound)) }
        guard real.hasPrefix(realRoot + "/") else {
            return .failure(FileError(path: path, reason: .outsideRepository(target: real)))
        }
        do {
            return .success(try FileSystem.read(path, limit: limit))
        } catch {
            return .failure(error)
        }
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
