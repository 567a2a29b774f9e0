/// A parsed JSON text kept flat: one entry per value and key, in source order, over the source
/// bytes. Strings stay bytes until they are read, numbers are converted once, and nothing is
/// allocated per value, so a tape suits reading a few fields out of many files. It is parsed by
/// the same parser as `JSONParser.parse`, with the same checks and the same errors.
///
/// A tape does not change once parsed; that is what makes it safe to share between threads.
public final class JSONTape: @unchecked Sendable {
    /// One value or key.
    @usableFromInline
    struct Entry {
        @usableFromInline typealias Kind = JSONTapeKind

        @usableFromInline var kind: Kind
        /// For strings and keys: the content is in `decoded` (it had escapes), not in the source.
        @usableFromInline var escaped: Bool
        /// For keys: the content is ASCII.
        @usableFromInline var ascii: Bool
        /// Byte offset of the value's first byte (a key's opening quote) in the source.
        @usableFromInline var offset: UInt32
        /// Strings and keys: where the content starts. Numbers: the `Double`'s bits.
        /// Arrays and objects: the index of the first entry after the container.
        @usableFromInline var first: UInt64
        /// Strings and keys: where the content ends. Numbers: where the literal ends.
        /// Arrays and objects: the number of elements or members.
        @usableFromInline var second: UInt32

        /// The index of the entry after this value and everything in it, this entry being at `index`.
        @inlinable @inline(__always)
        func next(at index: Int) -> Int {
            kind == .array || kind == .object ? Int(first) : index + 1
        }

        /// Calls `body` with the content of this string or key, in `source` or in `decoded`.
        @inline(__always)
        func withContent<Result>(
            source: UnsafeBufferPointer<UInt8>, decoded: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Result
        ) -> Result {
            let range = Int(first)..<Int(second)
            if escaped { return decoded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) } }
            return body(UnsafeBufferPointer(rebasing: source[range]))
        }
    }

    /// The source, as parsed.
    public let source: [UInt8]
    /// The entries, in memory of their own: reading them takes no reference counting.
    @usableFromInline let entries: UnsafeMutableBufferPointer<Entry>
    /// The content of strings and keys written with escapes, decoded.
    @usableFromInline let decoded: [UInt8]
    public let warnings: [JSONParseWarning]

    /// Takes over `entries`, which the tape frees.
    init(source: [UInt8], entries: UnsafeMutableBufferPointer<Entry>, decoded: [UInt8], warnings: [JSONParseWarning]) {
        self.source = source
        self.entries = entries
        self.decoded = decoded
        self.warnings = warnings
    }

    deinit {
        entries.deallocate()
    }

    /// Parses a complete JSON text, as `JSONParser.parse` does.
    public static func parse(_ bytes: [UInt8], options: JSONParseOptions = .init()) throws(JSONParseError) -> JSONTape {
        try JSONParser.checkSize(bytes, options: options)
        // Offsets are kept in 32 bits.
        precondition(bytes.count <= Int(UInt32.max), "sources over 4 GiB are refused by the size limit")
        return try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONTape in
            // About one entry per eight bytes of typical content.
            let builder = TapeBuilder(source: buffer, capacity: bytes.count / 8 + 16)
            var parser = Parser(source: bytes, buffer: buffer, maxDepth: options.maxDepth, builder: builder)
            let warnings: [JSONParseWarning]
            do throws(JSONParseError) {
                warnings = try parser.parseDocument()
            } catch {
                parser.builder.deallocate()
                throw error
            }
            return JSONTape(source: bytes, entries: parser.builder.finish(), decoded: parser.builder.decoded, warnings: warnings)
        }
    }

    /// The top-level value.
    public var root: Value { Value(tape: self, index: 0) }

    /// The index of the entry after the value at `index` and everything in it.
    @inline(__always)
    func next(after index: Int) -> Int { entries[index].next(at: index) }

    /// Calls `body` with the content of the string or key at `index`.
    @inline(__always)
    func withContent<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        source.withUnsafeBufferPointer { entries[index].withContent(source: $0, decoded: decoded, body) }
    }

    /// The index of the value of the first member of the object at `object` whose key is `key`,
    /// matched as `JSONObject` matches keys: the same number of UTF-8 bytes and `==`.
    func member(of object: Int, _ key: String) -> Int? {
        let container = entries[object]
        guard container.kind == .object else { return nil }
        if let flags = SmallString.asciiFlags, let bits = SmallString.asciiBits(key, flags: flags) {
            return member(of: object, container.second, key, small: bits)
        }
        if let found = key.utf8.withContiguousStorageIfAvailable({ member(of: object, container.second, key, $0) }) { return found }
        return Array(key.utf8).withUnsafeBufferPointer { member(of: object, container.second, key, $0) }
    }

    /// `member(of:_:)` for a short ASCII key, compared with the source by whole words where the
    /// source has room to read them.
    private func member(of object: Int, _ count: UInt32, _ key: String, small bits: SmallString.Bits) -> Int? {
        let length = Int((bits.high >> 56) & 0x0F)
        let low = bits.low, high = bits.high & 0x00FF_FFFF_FFFF_FFFF
        let lowMask: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) &- 1
        let highMask: UInt64 = length <= 8 ? 0 : (1 << UInt64(8 * (length - 8))) &- 1
        return source.withUnsafeBufferPointer { source -> Int? in
            let base = UnsafeRawPointer(source.baseAddress!)
            var at = object + 1
            for _ in 0..<count {
                let entry = entries[at]
                let start = Int(entry.first)
                if Int(entry.second) - start == length {
                    if !entry.escaped && start + 16 <= source.count {
                        if base.loadUnaligned(fromByteOffset: start, as: UInt64.self) & lowMask == low,
                            base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self) & highMask == high
                        {
                            return at + 1
                        }
                        // Different ASCII strings are never canonically equivalent.
                        if entry.ascii { at = next(after: at + 1); continue }
                    }
                    if withContent(at, { String(decoding: $0, as: UTF8.self) }) == key { return at + 1 }
                }
                at = next(after: at + 1)
            }
            return nil
        }
    }

    private func member(of object: Int, _ count: UInt32, _ key: String, _ wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        // Whether the wanted key is ASCII, worked out only if a key of its length needs it.
        var wantedASCII: Bool? = nil
        return source.withUnsafeBufferPointer { source -> Int? in
            var at = object + 1
            for _ in 0..<count {
                let entry = entries[at]
                let start = Int(entry.first)
                if Int(entry.second) - start == wanted.count {
                    if entry.escaped ? withContent(at, { sameBytes($0, wanted) }) : sameBytes(source, start, wanted) { return at + 1 }
                    // Different ASCII strings are never canonically equivalent; other keys of the
                    // same length may be.
                    if wantedASCII == nil { wantedASCII = isASCII(wanted) }
                    if !(entry.ascii && wantedASCII!), withContent(at, { String(decoding: $0, as: UTF8.self) }) == key { return at + 1 }
                }
                at = next(after: at + 1)
            }
            return nil
        }
    }

    /// A value in a tape. It keeps its tape alive.
    public struct Value: Sendable {
        public let tape: JSONTape
        @usableFromInline let index: Int

        var entry: Entry { tape.entries[index] }

        /// Byte offset of the value's first byte in the source.
        public var offset: Int { Int(entry.offset) }

        /// The member `key` of an object (the first whose key is `key` under `==`, as `JSONObject`
        /// looks keys up); nil for a missing key or a value that is not an object.
        public subscript(key: String) -> Value? {
            tape.member(of: index, key).map { Value(tape: tape, index: $0) }
        }

        public var isObject: Bool { entry.kind == .object }

        /// The elements of an array, in order; nil for any other value.
        public var elements: Elements? {
            let container = entry
            guard container.kind == .array else { return nil }
            return Elements(tape: tape, start: index + 1, count: Int(container.second))
        }

        /// The members of an object, in order; nil for any other value.
        public var members: Members? {
            let container = entry
            guard container.kind == .object else { return nil }
            return Members(tape: tape, index: index + 1, remaining: Int(container.second))
        }

        /// Calls `body` with each member of an object, in order: its key's bytes and its value.
        public func forEachMember(_ body: (UnsafeBufferPointer<UInt8>, Value) -> Void) {
            let container = entry
            guard container.kind == .object else { return }
            var key = index + 1
            for _ in 0..<Int(container.second) {
                tape.withContent(key) { body($0, Value(tape: tape, index: key + 1)) }
                key = tape.next(after: key + 1)
            }
        }

        /// Inlinable, so that a reader's closure is inlined into the loop over the members.
        @inlinable
        public func forEachScalarMember(_ body: (UnsafeBufferPointer<UInt8>, JSONScalar) -> Void) {
            withReader { reader, object in
                guard reader.kind(object) == .object else { return }
                var key = object + 1
                for _ in 0..<reader.count(object) {
                    let value = key + 1
                    let scalar: JSONScalar
                    switch reader.kind(value) {
                    case .number: scalar = .number(reader.double(value))
                    case .true: scalar = .bool(true)
                    case .false: scalar = .bool(false)
                    case .null: scalar = .null
                    case .string, .key: scalar = .string
                    case .array: scalar = .array
                    case .object: scalar = .object
                    }
                    body(reader.bytes(key), scalar)
                    key = reader.next(after: value)
                }
            }
        }

        /// Searches the whole source and the decoded content of escaped strings (a superset of this
        /// value's text): a string holds `text` only if one of them does.
        public func mayContain(_ text: StaticString) -> Bool {
            let wanted = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            return tape.source.withUnsafeBufferPointer { contains($0, wanted) }
                || tape.decoded.withUnsafeBufferPointer { contains($0, wanted) }
        }

        /// Calls `body` with the content of a string; nil for any other value.
        public func withStringBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
            guard entry.kind == .string else { return nil }
            return tape.withContent(index, body)
        }

        public var stringValue: String? {
            guard entry.kind == .string else { return nil }
            return tape.withContent(index) { SmallString.string($0, flags: SmallString.asciiFlags) }
        }

        public var doubleValue: Double? {
            let entry = entry
            return entry.kind == .number ? Double(bitPattern: entry.first) : nil
        }

        /// The number as an `Int` when it is an integer that fits (as `JSONNumber.intValue`).
        public var intValue: Int? { doubleValue.flatMap(JSONNumber.intValue) }

        public var boolValue: Bool? {
            switch entry.kind {
            case .true: return true
            case .false: return false
            default: return nil
            }
        }

        public var isNull: Bool { entry.kind == .null }

        /// The JSON type name, as JSON Schema spells it ("integer" for integral numbers).
        public var typeName: String {
            switch entry.kind {
            case .null: return "null"
            case .true, .false: return "boolean"
            case .number: return JSONNumber.isInteger(Double(bitPattern: entry.first)) ? "integer" : "number"
            case .string, .key: return "string"
            case .array: return "array"
            case .object: return "object"
            }
        }
    }

    /// The members of an object, in order.
    public struct Members: Sequence, IteratorProtocol, Sendable {
        let tape: JSONTape
        /// The index of the next member's key.
        var index: Int
        var remaining: Int

        public var underestimatedCount: Int { remaining }

        public mutating func next() -> (key: String, value: Value)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let key = tape.withContent(index) { SmallString.string($0, flags: SmallString.asciiFlags) }
            let value = Value(tape: tape, index: index + 1)
            index = tape.next(after: index + 1)
            return (key, value)
        }
    }

    /// The elements of an array.
    public struct Elements: Sequence, IteratorProtocol, Sendable {
        let tape: JSONTape
        var index: Int
        var remaining: Int

        init(tape: JSONTape, start: Int, count: Int) {
            self.tape = tape
            self.index = start
            self.remaining = count
        }

        public var underestimatedCount: Int { remaining }

        public mutating func next() -> Value? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let value = Value(tape: tape, index: index)
            index = tape.next(after: index)
            return value
        }
    }
}

/// Builds the entries of a `JSONTape`, in memory it hands over to the tape (or frees after an error).
struct TapeBuilder: JSONBuilder {
    typealias Entry = JSONTape.Entry

    let source: UnsafeBufferPointer<UInt8>
    private var entries: MoveStack<Entry>
    var decoded: [UInt8] = []
    /// The entry of each open array or object, innermost last.
    private var open: [Int] = []
    /// Key bytes -> offset of the key, for each open object that has many members (by its entry).
    private var indexes: [Int: [[UInt8]: Int]] = [:]

    init(source: UnsafeBufferPointer<UInt8>, capacity: Int) {
        self.source = source
        self.entries = MoveStack(capacity: max(capacity, 16))
    }

    /// The entries, for the tape to own.
    func finish() -> UnsafeMutableBufferPointer<Entry> { entries.handOver() }

    func deallocate() { entries.deallocate() }

    private var count: Int { entries.count }

    @inline(__always)
    private mutating func append(_ entry: Entry) { entries.append(entry) }

    /// A string or key entry, keeping decoded content.
    @inline(__always)
    private mutating func text(
        _ kind: Entry.Kind, _ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, ascii: Bool = false, at offset: Int
    ) -> Entry {
        var start = 0
        if escaped {
            start = decoded.count
            decoded.append(contentsOf: bytes)
        } else if let base = bytes.baseAddress {
            start = base - source.baseAddress!
        }
        return Entry(
            kind: kind, escaped: escaped, ascii: ascii, offset: UInt32(truncatingIfNeeded: offset), first: UInt64(start),
            second: UInt32(truncatingIfNeeded: start + bytes.count))
    }

    private static func scalar(_ kind: Entry.Kind, at offset: Int, first: UInt64 = 0, second: UInt32 = 0) -> Entry {
        Entry(kind: kind, escaped: false, ascii: false, offset: UInt32(truncatingIfNeeded: offset), first: first, second: second)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, at offset: Int) {
        append(text(.string, bytes, escaped: escaped, at: offset))
    }

    mutating func number(_ double: Double, literal: UnsafeBufferPointer<UInt8>, at offset: Int) {
        append(Self.scalar(.number, at: offset, first: double.bitPattern, second: UInt32(truncatingIfNeeded: offset + literal.count)))
    }

    mutating func bool(_ value: Bool, at offset: Int) {
        append(Self.scalar(value ? .true : .false, at: offset))
    }

    mutating func null(at offset: Int) {
        append(Self.scalar(.null, at: offset))
    }

    mutating func beginArray(at offset: Int) {
        open.append(count)
        append(Self.scalar(.array, at: offset))
    }

    mutating func beginObject(at offset: Int) {
        open.append(count)
        append(Self.scalar(.object, at: offset))
    }

    mutating func endArray() { close() }
    mutating func endObject() { close() }

    private mutating func close() {
        let container = open.removeLast()
        let end = count
        if entries[container].kind == .array {
            // Counted by hopping from element to element, not on every value appended anywhere.
            var elements: UInt32 = 0
            var at = container + 1
            while at < end {
                at = next(after: at)
                elements &+= 1
            }
            entries[container].second = elements
        }
        entries[container].first = UInt64(end)
        if !indexes.isEmpty { indexes[container] = nil }
    }

    private func withContent<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        entries[index].withContent(source: source, decoded: decoded, body)
    }

    private func next(after index: Int) -> Int { entries[index].next(at: index) }

    /// One of 64 bits for a key, from its length and three of its bytes: keys with different
    /// bits differ.
    @inline(__always)
    private static func filterBit(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var mixed = UInt64(bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            mixed |= UInt64(base[0]) << 16 | UInt64(base[bytes.count - 1]) << 24 | UInt64(base[bytes.count / 2]) << 32
        }
        return 1 << ((mixed &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, ascii: Bool, at offset: Int) -> Int? {
        let object = open[open.count - 1]
        let members = Int(entries[object].second)
        // While an object is open, its entry's `first` holds the filter bits of its keys: a key
        // whose bit is not among them is new, and needs no scan.
        let bit = Self.filterBit(bytes)
        let seen = entries[object].first
        entries[object].first = seen | bit
        // Keys are valid UTF-8, so the same Unicode scalars are the same bytes.
        if members < TreeBuilder.linearKeyScanLimit && seen & bit == 0 {
            // New: nothing to compare.
        } else if members > TreeBuilder.linearKeyScanLimit {
            if let first = indexes[object]!.updateValue(offset, forKey: Array(bytes)) { return first }
        } else if members < TreeBuilder.linearKeyScanLimit {
            var at = object + 1
            for _ in 0..<members {
                let entry = entries[at]
                if Int(entry.second) - Int(entry.first) == bytes.count, withContent(at, { sameBytes($0, bytes) }) {
                    return Int(entry.offset)
                }
                at = next(after: at + 1)
            }
        } else {
            var index: [[UInt8]: Int] = [:]
            index.reserveCapacity(2 * TreeBuilder.linearKeyScanLimit)
            var at = object + 1
            for _ in 0..<members {
                index[withContent(at, Array.init)] = Int(entries[at].offset)
                at = next(after: at + 1)
            }
            if let first = index.updateValue(offset, forKey: Array(bytes)) { return first }
            indexes[object] = index
        }
        entries[object].second &+= 1
        append(text(.key, bytes, escaped: escaped, ascii: ascii, at: offset))
        return nil
    }
}

/// Whether `bytes` holds `wanted` somewhere: candidates for its first byte found eight bytes at
/// a time, then compared.
func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = wanted.first else { return true }
    guard let base = bytes.baseAddress, bytes.count >= wanted.count else { return false }
    let last = bytes.count - wanted.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let pattern = ones &* UInt64(first)
    var start = 0
    while start <= last {
        if start &+ 8 <= bytes.count {
            // Bytes equal to `first` become zero; a zero byte sets its high bit here.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)) ^ pattern
            let zeros = (word &- ones) & ~word & (ones &* 0x80)
            if zeros == 0 {
                start &+= 8
                continue
            }
            start &+= zeros.trailingZeroBitCount >> 3
        } else if base[start] != first {
            start &+= 1
            continue
        }
        if start <= last, sameBytes(UnsafeBufferPointer(start: base + start, count: wanted.count), wanted) { return true }
        start &+= 1
    }
    return false
}

/// True when every byte is below 0x80.
@inline(__always)
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var k = 0
    var high: UInt64 = 0
    while k &+ 8 <= bytes.count {
        high |= UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
        k &+= 8
    }
    while k < bytes.count {
        high |= UInt64(base[k])
        k &+= 1
    }
    return high & 0x8080_8080_8080_8080 == 0
}

/// True when `a` and `b` hold the same bytes.
@inline(__always)
func sameBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    var k = 0
    while k &+ 8 <= a.count {
        if UnsafeRawPointer(x + k).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(y + k).loadUnaligned(as: UInt64.self) { return false }
        k &+= 8
    }
    while k < a.count {
        if x[k] != y[k] { return false }
        k &+= 1
    }
    return true
}

/// True when `source` holds `b` from `start` on (the caller checks there is room).
@inline(__always)
func sameBytes(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    sameBytes(UnsafeBufferPointer(start: source.baseAddress.map { $0 + start }, count: b.count), b)
}
