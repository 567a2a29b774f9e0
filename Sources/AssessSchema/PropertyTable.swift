/// Property names of one schema object (`properties`, or the names `additionalProperties`
/// skips), looked up by code points: "é" and "e\u{301}" are two names.
///
/// Built once at compile time; a lookup hashes the key's UTF-8 bytes with FNV-1a (no
/// `Hasher` seeding and finalising per member) into an open-addressed table.
final class PropertyTable: Sendable {
    /// The names, in schema order, and each one's value (a node index; 0 for plain name sets).
    let names: [String]
    let values: [Int]
    /// Index into `names` + 1; 0 marks an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ pairs: [(String, Int)]) {
        var names: [String] = []
        var values: [Int] = []
        for (name, value) in pairs {
            if let existing = names.firstIndex(where: { sameCodePoints($0, name) }) {
                values[existing] = value  // the last one wins, as a dictionary assignment would
            } else {
                names.append(name)
                values.append(value)
            }
        }
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (position, name) in names.enumerated() {
            var slot = Self.hash(name) & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position + 1)
        }
        self.names = names
        self.values = values
        self.slots = slots
        self.mask = size - 1
    }

    convenience init(names: [String]) {
        self.init(names.map { ($0, 0) })
    }

    var isEmpty: Bool { names.isEmpty }

    /// The position of `key` in `names`, or nil.
    @inline(__always)
    func position(of key: String) -> Int? {
        guard !names.isEmpty else { return nil }
        var slot = Self.hash(key) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if sameCodePoints(names[entry - 1], key) { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    func value(for key: String) -> Int? {
        position(of: key).map { values[$0] }
    }

    func contains(_ key: String) -> Bool { position(of: key) != nil }

    @inline(__always)
    static func hash(_ string: String) -> Int {
        var copy = string
        return copy.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }
}
