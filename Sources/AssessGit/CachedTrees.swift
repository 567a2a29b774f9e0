import Clibgit2

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The trees git recorded in the index file (its "TREE" extension, the cache tree): for each
/// folder whose entries have not changed since its tree was last written, the id of the tree
/// those entries form. When that id is HEAD's tree for the folder, no file under it is staged:
/// the shortcut git itself takes in `git status` and `git commit`.
///
/// libgit2 reads this extension but does not expose it, so it is read here from the same
/// file libgit2 read (checked by its stamp). Only the entries' lengths are decoded, to reach
/// the extensions; anything unexpected leaves the cache empty, which only costs the quick
/// status a comparison with HEAD's trees.
struct CachedTrees {
    /// Valid folders ("" for the root, "a/b" without a final "/") and their tree ids.
    private(set) var ids: [String: git_oid] = [:]

    /// The cache tree of the index file at `path`, if it still has `stamp`; empty when the
    /// file has none or is not in a format read here.
    init(indexFile path: String, stamp: FileStamp) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, FileStamp(info) == stamp, info.st_size > 32 else { return }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return }
        defer { munmap(mapped, size) }
        ids = Self.parse(UnsafeRawBufferPointer(start: mapped, count: size)) ?? [:]
    }

    /// The tree id recorded for `folder` ("a/b/" or "a/b"; "" for the root), when valid.
    func id(of folder: String) -> git_oid? {
        ids[folder.hasSuffix("/") ? String(folder.dropLast()) : folder]
    }

    /// The valid cache-tree nodes of an index file (versions 2 to 4, SHA-1 ids); nil when the
    /// bytes do not have the expected shape.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [String: git_oid]? {
        let hashSize = 20
        guard bytes.count >= 12 + hashSize, bytes[0] == 0x44, bytes[1] == 0x49, bytes[2] == 0x52, bytes[3] == 0x43  // "DIRC"
        else { return nil }
        let version = bigEndian32(bytes, 4)
        let count = bigEndian32(bytes, 8)
        guard (2...4).contains(version) else { return nil }
        let end = bytes.count - hashSize  // the checksum follows the extensions

        // Entries: 40 bytes of stat data, the id, 16 bits of flags, 16 more when extended
        // (version 3 and later), then the path: padded with 1 to 8 NULs to a multiple of 8
        // bytes (versions 2 and 3), or prefix-compressed and NUL-terminated (version 4).
        var offset = 12
        for _ in 0..<count {
            let flagsAt = offset + 40 + hashSize
            guard flagsAt + 2 <= end else { return nil }
            let flags = Int(bytes[flagsAt]) << 8 | Int(bytes[flagsAt + 1])
            var nameAt = flagsAt + 2
            if flags & 0x4000 != 0 {
                guard version >= 3 else { return nil }
                nameAt += 2
            }
            if version == 4 {
                // The number of bytes to drop from the previous path, as a varint.
                while nameAt < end, bytes[nameAt] & 0x80 != 0 { nameAt += 1 }
                nameAt += 1
                guard let terminator = firstNul(bytes, from: nameAt, before: end) else { return nil }
                offset = terminator + 1
            } else {
                guard let terminator = firstNul(bytes, from: nameAt, before: end) else { return nil }
                let length = terminator - nameAt
                guard flags & 0x0FFF == min(length, 0x0FFF) else { return nil }
                offset += ((nameAt - offset) + length + 8) & ~7
            }
            guard offset <= end else { return nil }
        }

        // Extensions: a 4-byte signature and a 32-bit size, up to the checksum.
        var trees: [String: git_oid]?
        while offset + 8 <= end {
            let size = bigEndian32(bytes, offset + 4)
            let data = offset + 8
            guard size >= 0, data + size <= end else { return nil }
            if bytes[offset] == 0x54, bytes[offset + 1] == 0x52, bytes[offset + 2] == 0x45, bytes[offset + 3] == 0x45 {  // "TREE"
                var cursor = data
                var found: [String: git_oid] = [:]
                guard readNode(bytes, &cursor, end: data + size, parent: nil, into: &found), cursor == data + size else {
                    return nil
                }
                trees = found
            }
            offset = data + size
        }
        guard offset == end else { return nil }
        return trees ?? [:]
    }

    /// Reads one node and its subtrees: the name (relative to the parent) and a NUL, the
    /// number of index entries it covers (negative: invalid), a space, the number of
    /// subtrees, a newline, then the tree id when valid.
    private static func readNode(
        _ bytes: UnsafeRawBufferPointer, _ cursor: inout Int, end: Int, parent: String?, into found: inout [String: git_oid]
    ) -> Bool {
        guard let terminator = firstNul(bytes, from: cursor, before: end) else { return false }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[cursor..<terminator]), as: UTF8.self)
        cursor = terminator + 1
        guard let entries = readNumber(bytes, &cursor, end: end, until: 0x20),  // " "
            let subtrees = readNumber(bytes, &cursor, end: end, until: 0x0A),  // "\n"
            subtrees >= 0
        else { return false }
        let path = parent.map { $0.isEmpty ? name : $0 + "/" + name } ?? ""
        if entries >= 0 {
            guard cursor + 20 <= end else { return false }
            var id = git_oid()
            withUnsafeMutableBytes(of: &id) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + 20])) }
            found[path] = id
            cursor += 20
        }
        for _ in 0..<subtrees {
            guard readNode(bytes, &cursor, end: end, parent: path, into: &found) else { return false }
        }
        return true
    }

    /// A decimal number, possibly negative, ended by `terminator`.
    private static func readNumber(_ bytes: UnsafeRawBufferPointer, _ cursor: inout Int, end: Int, until terminator: UInt8)
        -> Int?
    {
        var negative = false
        if cursor < end, bytes[cursor] == 0x2D {  // "-"
            negative = true
            cursor += 1
        }
        var value = 0
        var digits = 0
        while cursor < end, bytes[cursor] != terminator {
            let byte = bytes[cursor]
            guard byte >= 0x30, byte <= 0x39, digits < 12 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
            cursor += 1
        }
        guard cursor < end, digits > 0 else { return nil }
        cursor += 1
        return negative ? -value : value
    }

    private static func firstNul(_ bytes: UnsafeRawBufferPointer, from start: Int, before end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, 0, end - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private static func bigEndian32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
    }
}

/// Values read from the repository's files, kept for as long as those files keep their stamp.
final class RepositoryMemo {
    var cachedTrees: (stamp: FileStamp, trees: CachedTrees)?
}

extension GitRepository {
    /// The cache tree of the index file at `indexFile` with `stamp`, read once per stamp.
    func cachedTrees(indexFile: String, stamp: FileStamp) -> CachedTrees {
        if let memo = memo.cachedTrees, memo.stamp == stamp { return memo.trees }
        let trees = CachedTrees(indexFile: indexFile, stamp: stamp)
        memo.cachedTrees = (stamp, trees)
        return trees
    }
}
