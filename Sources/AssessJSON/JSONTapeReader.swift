/// What one entry of a tape holds.
public enum JSONTapeKind: UInt8, Sendable {
    case null, `false`, `true`, number, string, key, array, object
}

/// Reads a tape by entry index, for code that walks many values of it at a time (the schema
/// evaluator): reading a value copies nothing and counts no reference. A value is the index of
/// its entry; an object's members follow it as key, value, key, value, ...; an array's elements
/// follow it in order. Valid only inside `JSONTape.withReader`.
public struct JSONTapeReader {
    @usableFromInline let entries: UnsafeMutableBufferPointer<JSONTape.Entry>
    @usableFromInline let source: UnsafeBufferPointer<UInt8>
    @usableFromInline let decoded: UnsafeBufferPointer<UInt8>

    @usableFromInline
    init(entries: UnsafeMutableBufferPointer<JSONTape.Entry>, source: UnsafeBufferPointer<UInt8>, decoded: UnsafeBufferPointer<UInt8>) {
        self.entries = entries
        self.source = source
        self.decoded = decoded
    }

    @inlinable @inline(__always)
    public func kind(_ index: Int) -> JSONTapeKind { entries[index].kind }

    /// Byte offset of the value's (or key's) first byte in the source.
    @inlinable @inline(__always)
    public func offset(_ index: Int) -> Int { Int(entries[index].offset) }

    /// The number of elements of an array or members of an object.
    @inlinable @inline(__always)
    public func count(_ index: Int) -> Int { Int(entries[index].second) }

    /// The index of the entry after the value at `index` and everything in it.
    @inlinable @inline(__always)
    public func next(after index: Int) -> Int { entries[index].next(at: index) }

    /// The `Double` of a number.
    @inlinable @inline(__always)
    public func double(_ index: Int) -> Double { Double(bitPattern: entries[index].first) }

    /// The content of a string or key (escapes decoded).
    @inlinable @inline(__always)
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        let range = Int(entry.first)..<Int(entry.second)
        return UnsafeBufferPointer(rebasing: (entry.escaped ? decoded : source)[range])
    }

    /// The content of a string or key of at most 16 bytes, packed little-endian and zero-padded
    /// into two words (as `SmallString.packed` gives a short string's); nil for a longer one.
    @inlinable @inline(__always)
    public func packed(_ index: Int) -> SmallString.Packed? {
        let entry = entries[index]
        let start = Int(entry.first)
        let count = Int(entry.second) - start
        guard count <= 16 else { return nil }
        let buffer = entry.escaped ? decoded : source
        guard start + 16 <= buffer.count, let base = buffer.baseAddress else { return Self.pack(bytes(index)) }
        // Two loads where the buffer has room for them, masked to the content's length.
        let low = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
        let high = UnsafeRawPointer(base + start + 8).loadUnaligned(as: UInt64.self)
        let lowMask: UInt64 = count >= 8 ? ~0 : (1 << UInt64(8 * count)) &- 1
        let highMask: UInt64 = count <= 8 ? 0 : count == 16 ? ~0 : (1 << UInt64(8 * (count - 8))) &- 1
        return SmallString.Packed(low: UInt64(littleEndian: low) & lowMask, high: UInt64(littleEndian: high) & highMask, count: count)
    }

    /// At most 16 bytes, packed little-endian and zero-padded into two words.
    @inlinable
    public static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> SmallString.Packed {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { low |= UInt64(byte) << UInt64(8 * index) } else { high |= UInt64(byte) << UInt64(8 * (index - 8)) }
        }
        return SmallString.Packed(low: low, high: high, count: bytes.count)
    }

    /// A number as written in the source.
    @inlinable @inline(__always)
    public func literal(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let entry = entries[index]
        return UnsafeBufferPointer(rebasing: source[Int(entry.offset)..<Int(entry.second)])
    }

    /// The string of a string or key, made as the tree makes it.
    public func string(_ index: Int) -> String {
        SmallString.string(bytes(index), flags: SmallString.asciiFlags)
    }

    /// The value at `index` as the tree that `JSONParser.parse` builds of the same text: the same
    /// strings, numbers and offsets. Entries are in source order, so the value's entries are read
    /// once, front to back, with the open containers on a stack of its own, not the call stack.
    public func node(_ index: Int) -> JSONNode {
        /// An array or object being built.
        struct Open {
            var isObject: Bool
            var offset: Int
            var remaining: Int
            var items: [JSONNode] = []
            var members: [JSONMember] = []
            /// The key whose value comes next (objects only).
            var key = ""
            var keyOffset = 0
        }
        // Most values asked for are scalars.
        if entries[index].kind != .array && entries[index].kind != .object { return scalar(index) }
        var open: [Open] = []
        var at = index
        while true {
            let entry = entries[at]
            let offset = Int(entry.offset)
            var value: JSONNode
            switch entry.kind {
            case .null, .false, .true, .number, .string, .key:
                value = scalar(at)
            case .array, .object:
                let isObject = entry.kind == .object
                if entry.second > 0 {
                    var container = Open(isObject: isObject, offset: offset, remaining: Int(entry.second))
                    at += 1
                    if isObject {
                        container.key = string(at)
                        container.keyOffset = self.offset(at)
                        at += 1
                    }
                    open.append(container)
                    continue
                }
                value = isObject ? JSONNode(.object(JSONObject()), offset: offset) : JSONNode(.array([]), offset: offset)
            }
            at += 1
            // Place the value in its container; a container it completes is placed in turn.
            while true {
                guard var container = open.popLast() else { return value }
                if container.isObject {
                    container.members.append(JSONMember(key: container.key, keyOffset: container.keyOffset, value: value))
                } else {
                    container.items.append(value)
                }
                container.remaining -= 1
                if container.remaining == 0 {
                    value = container.isObject
                        ? JSONNode(.object(JSONObject(container.members)), offset: container.offset)
                        : JSONNode(.array(container.items), offset: container.offset)
                    continue
                }
                if container.isObject {
                    container.key = string(at)
                    container.keyOffset = self.offset(at)
                    at += 1
                }
                open.append(container)
                break
            }
        }
    }
}

extension JSONTapeReader {
    /// The tree node of a value that is no array or object.
    private func scalar(_ index: Int) -> JSONNode {
        let offset = self.offset(index)
        switch kind(index) {
        case .null: return JSONNode(.null, offset: offset)
        case .false: return JSONNode(.bool(false), offset: offset)
        case .true: return JSONNode(.bool(true), offset: offset)
        case .number:
            let literal = SmallString.string(literal(index), flags: SmallString.asciiFlags)
            return JSONNode(.number(JSONNumber(literal: literal, double: double(index))), offset: offset)
        case .string, .key:
            return JSONNode(.string(string(index)), offset: offset)
        case .array, .object:
            preconditionFailure("arrays and objects are built by node(_:)")
        }
    }
}

extension JSONTape {
    /// Calls `body` with a reader of this tape.
    @inlinable @inline(__always)
    public func withReader<Result>(_ body: (JSONTapeReader) throws -> Result) rethrows -> Result {
        try source.withUnsafeBufferPointer { source in
            try decoded.withUnsafeBufferPointer { decoded in
                try body(JSONTapeReader(entries: entries, source: source, decoded: decoded))
            }
        }
    }
}

extension JSONTape.Value {
    /// Calls `body` with a reader of the tape and this value's index in it.
    @inlinable @inline(__always)
    public func withReader<Result>(_ body: (JSONTapeReader, Int) throws -> Result) rethrows -> Result {
        try tape.withReader { try body($0, index) }
    }

    /// This value as the tree that `JSONParser.parse` builds of the same text.
    public var node: JSONNode { withReader { $0.node($1) } }
}
