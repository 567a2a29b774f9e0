#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file to validate and the kind its folder says it is.
public struct ContentTarget: Sendable, Hashable {
    /// Absolute path.
    public var path: String { didSet { stem = Self.stem(of: path) } }
    public var kind: ContentKind
    /// The file name without `.json` (worked out once: sets and dictionaries of stems are
    /// built from thousands of targets).
    public private(set) var stem: String

    public init(path: String, kind: ContentKind) {
        self.path = path
        self.kind = kind
        self.stem = Self.stem(of: path)
    }

    /// A target whose file name less ".json" is already known.
    init(path: String, kind: ContentKind, stem: String) {
        self.path = path
        self.kind = kind
        self.stem = stem
    }

    static func stem(of path: String) -> String {
        // On UTF-8 bytes ('/' and ".json" are ASCII): the last non-empty component, less ".json".
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return path }
        let start = utf8[..<end].lastIndex(of: slash).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = utf8[start..<end]
        if name.count >= 5, name.suffix(5).elementsEqual(".json".utf8) {
            return String(path[start..<utf8.index(end, offsetBy: -5)])
        }
        return String(path[start..<end])
    }
}

/// Why the paths given on the command line cannot be validated.
public enum TargetError: Error, Sendable, CustomStringConvertible {
    case notFound(String)
    case outsideRepository(String)
    case notContent(String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .outsideRepository(let path):
            return "\(path): outside the repository"
        case .notContent(let path):
            let folders = ContentKind.allCases.map(\.folder).joined(separator: ", ")
            return "\(path): not a content file (content files are \(ContentLayout.resourcesPath)/{\(folders)}/<slug>.json); use --schema FILE to validate any JSON file"
        }
    }
}

public enum ContentTargets {
    /// Every content file of the repository, in a stable order (by kind, then name).
    public static func all(in layout: ContentLayout) -> [ContentTarget] {
        // The three folders are listed at once: listing is mostly the kernel reading directory blocks.
        parallelMap(ContentKind.allCases) { listed($0, in: layout, byStem: false) }.flatMap { $0 }
    }

    /// The content files of each kind (in `ContentKind.allCases` order), each kind's sorted by
    /// the bytes of their stems, as items are paired by name.
    static func byKind(in layout: ContentLayout) -> [[ContentTarget]] {
        parallelMap(ContentKind.allCases) { listed($0, in: layout, byStem: true) }
    }

    /// The visible `.json` files of `kind`'s folder, in the byte order of their names, or of
    /// their stems (names less ".json"; the orders differ where a stem is a prefix of another).
    /// Names are gathered as bytes in one buffer and sorted there; each target's strings are
    /// made once, in order.
    private static func listed(_ kind: ContentKind, in layout: ContentLayout, byStem: Bool) -> [ContentTarget] {
        let suffix: StaticString = ".json"
        let s = suffix.utf8CodeUnitCount
        var names: [UInt8] = []
        var keys: [Range<Int>] = []
        FileSystem.forEachName(in: layout.folder(kind)) { name in
            guard name.count > s, name[0] != UInt8(ascii: "."), memcmp(name.baseAddress! + (name.count - s), suffix.utf8Start, s) == 0
            else { return }
            let start = names.count
            names.append(contentsOf: name)
            keys.append(start..<(names.count - (byStem ? s : 0)))
        }
        var folder = layout.folder(kind) + "/"
        return folder.withUTF8 { folder in
            names.withUnsafeBufferPointer { names in
                sortedByBytes(keys, of: names).map { key -> ContentTarget in
                    let name = UnsafeBufferPointer(rebasing: names[key.lowerBound..<(byStem ? key.upperBound + s : key.upperBound)])
                    let path = String(unsafeUninitializedCapacity: folder.count + name.count) { path in
                        _ = path.initialize(fromContentsOf: folder)
                        _ = UnsafeMutableBufferPointer(rebasing: path[folder.count...]).initialize(fromContentsOf: name)
                        return folder.count + name.count
                    }
                    let stem = String(decoding: UnsafeBufferPointer(rebasing: name[..<(name.count - s)]), as: UTF8.self)
                    return ContentTarget(path: path, kind: kind, stem: stem)
                }
            }
        }
    }

    /// The content files named by `paths` (files, or folders searched recursively), deduplicated, in a stable order.
    /// Relative paths are taken from `currentDirectory`.
    public static func resolve(_ paths: [String], in layout: ContentLayout, currentDirectory: String) throws(TargetError)
        -> [ContentTarget]
    {
        guard !paths.isEmpty else { return all(in: layout) }
        let realRoot = FileSystem.realPath(layout.root) ?? layout.root
        var seen = Set<String>()
        var targets: [ContentTarget] = []
        for raw in paths {
            let absolute = PathDisplay.absolute(raw, from: currentDirectory)
            guard let real = FileSystem.realPath(absolute) else { throw .notFound(raw) }
            guard real == realRoot || real.hasPrefix(realRoot + "/") else { throw .outsideRepository(raw) }
            if FileSystem.isDirectory(absolute) {
                for path in walk(absolute) where !seen.contains(path) {
                    guard let kind = kind(of: path) else { continue }
                    seen.insert(path)
                    targets.append(ContentTarget(path: path, kind: kind))
                }
            } else {
                guard let kind = kind(of: absolute) else { throw .notContent(raw) }
                if seen.insert(absolute).inserted { targets.append(ContentTarget(path: absolute, kind: kind)) }
            }
        }
        return targets
    }

    /// The kind of a `.json` file from the folder that holds it.
    static func kind(of path: String) -> ContentKind? {
        guard path.hasSuffix(".json") else { return nil }
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[parts.count - 3] == "resources" else { return nil }
        return ContentKind(folder: String(parts[parts.count - 2]))
    }

    /// `.json` files under `folder`, depth first, names sorted; hidden entries skipped.
    static func walk(_ folder: String) -> [String] {
        var result: [String] = []
        var stack = [folder]
        while let current = stack.popLast() {
            var subfolders: [String] = []
            for name in FileSystem.list(current) where !name.hasPrefix(".") {
                let path = current == "/" ? "/" + name : current + "/" + name
                if FileSystem.isDirectory(path) {
                    subfolders.append(path)
                } else if name.hasSuffix(".json") {
                    result.append(path)
                }
            }
            stack.append(contentsOf: subfolders.reversed())
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Paths as people see them: relative to where they stand when possible.
public enum PathDisplay {
    public static func absolute(_ path: String, from directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        return normalize(joined)
    }

    /// Removes `.`, `..` and doubled slashes without touching the file system.
    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `directory` (both absolute): "content/x.json", "../x.json".
    public static func relative(_ path: String, to directory: String) -> String {
        // The common case, a path inside the directory, on bytes: what follows "directory/",
        // when it has no empty components (which the general case below would drop).
        var pathCopy = path, directoryCopy = directory
        let inside: String? = pathCopy.withUTF8 { p in
            directoryCopy.withUTF8 { d in
                let slash = UInt8(ascii: "/")
                guard p.count > d.count + 1, d.count > 1, memcmp(p.baseAddress!, d.baseAddress!, d.count) == 0,
                      p[d.count] == slash
                else { return nil }
                let rest = UnsafeBufferPointer(rebasing: p[(d.count + 1)...])
                var previous = slash
                for byte in rest {
                    if byte == slash && previous == slash { return nil }
                    previous = byte
                }
                return previous == slash ? nil : String(decoding: rest, as: UTF8.self)
            }
        }
        if let inside { return inside }
        let target = path.split(separator: "/")
        let base = directory.split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
