import AssessJSON

/// Property names of one schema object (`properties`, or the names `additionalProperties`
/// skips), looked up by code points: "é" and "e\u{301}" are two names.
///
/// Built once at compile time into an open-addressed table. A name of up to 16 bytes (nearly
/// every property name) is packed into two words, so a lookup hashes and compares integers;
/// longer names hash all their bytes (FNV-1a) and compare them.
final class PropertyTable: Sendable {
    /// The names, in schema order, and each one's value (a node index; 0 for plain name sets).
    let names: [String]
    let values: [Int]
    /// Index into `names` + 1; 0 marks an empty slot.
    private let slots: [Int32]
    private let mask: Int
    /// Per name: its UTF-8 length and, for names of at most 16 bytes, those bytes packed
    /// into two words, so that most lookups compare two integers instead of two strings.
    private let packed: [PackedName]
    /// `SmallString.available`, read once.
    private let smallStrings = SmallString.available

    private struct PackedName: Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

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
        var packed: [PackedName] = []
        for (position, name) in names.enumerated() {
            var name = name
            let (hash, entry) = name.withUTF8 { bytes in
                let (low, high) = Self.pack(bytes)
                return (Self.hash(bytes, low, high), PackedName(low: low, high: high, count: bytes.count))
            }
            packed.append(entry)
            var slot = hash & (size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position + 1)
        }
        self.names = names
        self.values = values
        self.slots = slots
        self.mask = size - 1
        self.packed = packed
    }

    convenience init(names: [String]) {
        self.init(names.map { ($0, 0) })
    }

    var isEmpty: Bool { names.isEmpty }

    /// The position of `key` in `names`, or nil. Names compare by their UTF-8 bytes.
    @inline(__always)
    func position(of key: String) -> Int? {
        guard !names.isEmpty else { return nil }
        // Most keys are small strings, whose bytes are already packed in the string itself.
        if smallStrings, let small = SmallString.packed(key) { return position(small.low, small.high, small.count) }
        var key = key
        return key.withUTF8 { position(ofBytes: $0) }
    }

    /// The position of the name whose UTF-8 bytes are `bytes` in `names`, or nil.
    @inline(__always)
    func position(ofBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !names.isEmpty else { return nil }
        let (low, high) = Self.pack(bytes)
        if bytes.count <= 16 { return position(low, high, bytes.count) }
        var slot = Self.hash(bytes, low, high) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let name = packed[entry - 1]
            if name.count == bytes.count, name.low == low, name.high == high {
                var name = names[entry - 1]
                if name.withUTF8({ $0.elementsEqual(bytes) }) { return entry - 1 }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The lookup of a name of at most 16 bytes, given packed.
    @inline(__always)
    func position(_ low: UInt64, _ high: UInt64, _ count: Int) -> Int? {
        var slot = Self.hash(shortLow: low, high, count) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            let name = packed[entry - 1]
            if name.count == count, name.low == low, name.high == high { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    func value(for key: String) -> Int? {
        position(of: key).map { values[$0] }
    }

    func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// The first 16 bytes, little-endian, zero-padded.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        let count = min(bytes.count, 16)
        var index = 0
        while index < min(count, 8) {
            low |= UInt64(bytes[index]) << UInt64(8 * index)
            index += 1
        }
        while index < count {
            high |= UInt64(bytes[index]) << UInt64(8 * (index - 8))
            index += 1
        }
        return (low, high)
    }

    /// Short names hash their packed words; longer ones all their bytes (FNV-1a).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ low: UInt64, _ high: UInt64) -> Int {
        if bytes.count <= 16 { return hash(shortLow: low, high, bytes.count) }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    @inline(__always)
    private static func hash(shortLow low: UInt64, _ high: UInt64, _ count: Int) -> Int {
        let hash = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}

