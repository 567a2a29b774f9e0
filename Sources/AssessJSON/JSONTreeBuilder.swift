/// Builds the tree of `JSONNode`s that `JSONParser.parse` returns.
struct TreeBuilder: JSONBuilder {
    /// An open array or object.
    struct Frame {
        var isObject: Bool
        /// Offset of the opening bracket.
        var start: Int
        /// Index of this container's first element in `values` or `members`.
        var base: Int
        /// The key whose value comes next (objects only).
        var key: String = ""
        var keyOffset: Int = 0
        /// Key -> offset of the key, built once an object has many members.
        var index: [ExactKey: Int]? = nil
    }

    /// Objects with fewer members than this check duplicates by a linear scan.
    static let linearKeyScanLimit = 32

    /// `SmallString.asciiFlags`, read once: short ASCII strings are made without the library's checks.
    let smallFlags = SmallString.asciiFlags
    /// Elements of all open arrays, innermost last.
    private var values = MoveStack<JSONNode>()
    /// Members of all open objects, innermost last.
    private var members = MoveStack<JSONMember>()
    private var frames: [Frame] = []
    private var root: JSONNode? = nil

    /// The parsed value; call once, after a successful parse.
    mutating func takeRoot() -> JSONNode {
        var taken: JSONNode? = nil
        swap(&taken, &root)
        return taken!
    }

    /// Frees the stacks (and any values still on them after an error).
    func deallocate() {
        values.deallocate()
        members.deallocate()
    }

    /// Adds a complete value to the innermost open container, or makes it the root.
    @inline(__always)
    private mutating func place(_ node: __owned JSONNode) {
        let top = frames.count - 1
        guard top >= 0 else {
            root = node
            return
        }
        if frames[top].isObject {
            var key = ""
            swap(&key, &frames[top].key)
            members.append(JSONMember(key: key, keyOffset: frames[top].keyOffset, value: node))
        } else {
            values.append(node)
        }
    }

    /// The string of `bytes`: short ASCII ones are made from their bytes directly.
    @inline(__always)
    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        SmallString.string(bytes, flags: smallFlags)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, at offset: Int) {
        place(JSONNode(.string(makeString(bytes)), offset: offset))
    }

    mutating func number(_ double: Double, literal: UnsafeBufferPointer<UInt8>, at offset: Int) {
        place(JSONNode(.number(JSONNumber(literal: makeString(literal), double: double)), offset: offset))
    }

    mutating func bool(_ value: Bool, at offset: Int) {
        place(JSONNode(.bool(value), offset: offset))
    }

    mutating func null(at offset: Int) {
        place(JSONNode(.null, offset: offset))
    }

    mutating func beginArray(at offset: Int) {
        frames.append(Frame(isObject: false, start: offset, base: values.count))
    }

    mutating func endArray() {
        let frame = frames.removeLast()
        place(JSONNode(.array(values.moveOut(from: frame.base)), offset: frame.start))
    }

    mutating func beginObject(at offset: Int) {
        frames.append(Frame(isObject: true, start: offset, base: members.count))
    }

    mutating func endObject() {
        let frame = frames.removeLast()
        place(JSONNode(.object(JSONObject(members.moveOut(from: frame.base))), offset: frame.start))
    }

    mutating func key(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, ascii: Bool, at offset: Int) -> Int? {
        let key = makeString(bytes)
        let top = frames.count - 1
        let base = frames[top].base
        if frames[top].index != nil {
            if let first = frames[top].index!.updateValue(offset, forKey: ExactKey(string: key)) { return first }
        } else if members.count - base < Self.linearKeyScanLimit {
            if let smallFlags, let bits = SmallString.asciiBits(key, flags: smallFlags) {
                // A short ASCII key equals another short ASCII key exactly when their stored words
                // do; a key stored otherwise is compared in full.
                var m = base
                while m < members.count {
                    let other = members.withElement(m) { JSONMember.keyBits($0) }
                    if other == bits || (!SmallString.isASCII(other, flags: smallFlags) && exactlyEqual(members[m].key, key)) {
                        return members[m].keyOffset
                    }
                    m += 1
                }
            } else {
                var m = base
                while m < members.count {
                    if exactlyEqual(members[m].key, key) { return members[m].keyOffset }
                    m += 1
                }
            }
        } else {
            var index: [ExactKey: Int] = [:]
            index.reserveCapacity(2 * Self.linearKeyScanLimit)
            for m in base..<members.count { index[ExactKey(string: members[m].key)] = members[m].keyOffset }
            if let first = index.updateValue(offset, forKey: ExactKey(string: key)) { return first }
            frames[top].index = index
        }
        frames[top].key = key
        frames[top].keyOffset = offset
        return nil
    }
}

/// An object key compared and hashed by its exact UTF-8 bytes.
struct ExactKey: Hashable {
    var string: String

    static func == (a: ExactKey, b: ExactKey) -> Bool { exactlyEqual(a.string, b.string) }

    func hash(into hasher: inout Hasher) {
        var string = string
        string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// True when two strings have the same Unicode scalars (String's `==` uses canonical equivalence).
@inline(__always)
func exactlyEqual(_ a: String, _ b: String) -> Bool {
    // Different lengths settle most pairs at once; equal scalars imply canonical
    // equivalence, and `==` is fast for ASCII.
    guard a.utf8.count == b.utf8.count, a == b else { return false }
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
}
