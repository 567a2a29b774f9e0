/// The distinct word keys of one transcript, each with a small integer id.
///
/// Keys are byte strings (lowercase ASCII, see `WordKey`); an open-addressing table over
/// FNV-1a hashes interns them without building a `String` per word, which keeps reading a
/// long transcript to a few milliseconds. Lexicon terms are looked up here once, so
/// matching compares ids, not text.
public struct Vocabulary: Sendable {
    private var arena: [UInt8] = []
    /// `starts[id] ..< starts[id + 1]` is the key's range in `arena`.
    private var starts: [Int32] = [0]
    private var hashes: [UInt64] = []
    /// Slot -> id, or -1 when empty. The capacity is a power of two, at most half full.
    private var table: [Int32] = [Int32](repeating: -1, count: 1024)

    public init() {}

    public var count: Int { hashes.count }

    /// The id of `key`, adding it when new.
    @discardableResult
    public mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        if let found = find(key, hash: hash) { return found }
        if (count + 1) * 2 > table.count { grow() }
        let id = Int32(count)
        arena.append(contentsOf: key)
        starts.append(Int32(arena.count))
        hashes.append(hash)
        insert(id, hash: hash)
        return id
    }

    public mutating func intern(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { intern($0) }
    }

    /// The id of `key`, or nil when no word of the transcript has it.
    public func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        find(key, hash: Self.hash(key))
    }

    public func lookup(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { lookup($0) }
    }

    /// The key of `id` as text.
    public func key(_ id: Int32) -> String {
        let range = Int(starts[Int(id)])..<Int(starts[Int(id) + 1])
        return String(decoding: arena[range], as: UTF8.self)
    }

    /// True when the key of `id` starts with `prefix` (for lexicon entries ending in `*`).
    public func key(_ id: Int32, hasPrefix prefix: [UInt8]) -> Bool {
        let start = Int(starts[Int(id)])
        let end = Int(starts[Int(id) + 1])
        guard end - start >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where arena[start + offset] != byte { return false }
        return true
    }

    // MARK: the table

    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = table[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    private func equals(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[Int(id)])
        let end = Int(starts[Int(id) + 1])
        guard end - start == key.count else { return false }
        return arena.withUnsafeBufferPointer { buffer in
            for index in 0..<key.count where buffer[start + index] != key[index] { return false }
            return true
        }
    }

    private mutating func insert(_ id: Int32, hash: UInt64) {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 { slot = (slot + 1) & mask }
        table[slot] = id
    }

    private mutating func grow() {
        table = [Int32](repeating: -1, count: table.count * 2)
        for id in 0..<count { insert(Int32(id), hash: hashes[id]) }
    }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
