/// Small strings (at most 15 UTF-8 bytes), which Swift stores inside the `String` value itself:
/// the first eight bytes in the first word, the next seven in the second with the count and
/// flags in its top byte. Reading those bytes, or making an ASCII string from them, needs no
/// copy, validation or allocation.
///
/// A check at first use compares this layout against strings the standard library made itself:
/// callers read `available` (or `asciiFlags`) once and, when it is false (nil), take the general
/// path and never call `packed`, `isASCII` or `ascii`.
public enum SmallString {
    public struct Packed: Sendable, Equatable {
        public var low: UInt64
        public var high: UInt64
        public var count: Int

        @inlinable
        public init(low: UInt64, high: UInt64, count: Int) {
            self.low = low
            self.high = high
            self.count = count
        }
    }

    /// Whether small strings are laid out as described: read this once and keep it, then call
    /// the functions below only when it is true.
    public static var available: Bool { layout.known }

    /// The flags an ASCII small string carries in its top byte (nil unless `available`),
    /// for `ascii(_:count:flags:)`.
    public static var asciiFlags: UInt64? { layout.known ? layout.asciiFlags : nil }

    /// The bytes of `string` packed little-endian, zero-padded, when it is a small string.
    /// Only when `available`.
    @inlinable @inline(__always)
    public static func packed(_ string: String) -> Packed? {
        let (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
        // Bit 61 of the second word marks a small string; its count is the top byte's low nibble.
        guard high & (1 << 61) != 0 else { return nil }
        return Packed(low: low, high: high & 0x00FF_FFFF_FFFF_FFFF, count: Int((high >> 56) & 0x0F))
    }

    /// A string's two words, as stored.
    public struct Bits: Equatable {
        public var low: UInt64
        public var high: UInt64
    }

    /// The words of `string` when it is a small ASCII string (nil otherwise, or when the layout
    /// is not the one described).
    @inline(__always)
    public static func asciiBits(_ string: String) -> Bits? {
        guard let flags = asciiFlags else { return nil }
        return asciiBits(string, flags: flags)
    }

    /// `asciiBits(_:)` with `flags` from `asciiFlags`, read once by the caller.
    @inline(__always)
    public static func asciiBits(_ string: String, flags: UInt64) -> Bits? {
        let (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
        guard high & 0xF000_0000_0000_0000 == flags else { return nil }
        return Bits(low: low, high: high)
    }

    /// Whether stored words are those of a small ASCII string (call only when `available`).
    @inline(__always)
    public static func isASCII(_ bits: Bits) -> Bool {
        isASCII(bits, flags: layout.asciiFlags)
    }

    /// `isASCII(_:)` with `flags` from `asciiFlags`, read once by the caller.
    @inline(__always)
    public static func isASCII(_ bits: Bits, flags: UInt64) -> Bool {
        bits.high & 0xF000_0000_0000_0000 == flags
    }

    /// The string of `count` bytes at `bytes` when they are ASCII and at most 15; `flags` from
    /// `asciiFlags`.
    @inline(__always)
    public static func ascii(_ bytes: UnsafePointer<UInt8>, count: Int, flags: UInt64) -> String? {
        guard count <= 15 else { return nil }
        return make(bytes, count: count, flags: flags)
    }

    /// The string of `bytes`: made from them directly when they are ASCII and at most 15
    /// (`flags` from `asciiFlags`; nil when not `available`), decoded by the library otherwise.
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>, flags: UInt64?) -> String {
        if let flags, let base = bytes.baseAddress, let small = ascii(base, count: bytes.count, flags: flags) { return small }
        return String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    private static func make(_ bytes: UnsafePointer<UInt8>, count: Int, flags: UInt64) -> String? {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.baseAddress!.copyMemory(from: bytes, byteCount: count) }
        let low = UInt64(littleEndian: words.0), high = UInt64(littleEndian: words.1)
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        return unsafeBitCast((low, high | flags | UInt64(count) << 56), to: String.self)
    }

    private struct Layout {
        var known: Bool
        /// The top nibble of an ASCII small string's second word.
        var asciiFlags: UInt64
    }

    private static let layout: Layout = {
        let unknown = Layout(known: false, asciiFlags: 0)
        guard MemoryLayout<String>.size == 16, UInt16(1).littleEndian == 1 else { return unknown }
        // The flags the library gives an ASCII small string it makes from bytes.
        let probe = String(decoding: Array("a".utf8), as: UTF8.self)
        let flags = unsafeBitCast(probe, to: (UInt64, UInt64).self).1 & 0xF000_0000_0000_0000
        var samples = ["", "a", "é", "ab\u{301}c", "0123456789abcde", "status", "$schema", "évidence", "-14.44", "2026-11-18"]
        for length in 1...15 { samples.append(String(repeating: "x", count: length)) }
        for sample in samples {
            let bytes = Array(sample.utf8)
            // As the library makes it from bytes, and as a literal.
            for made in [String(decoding: bytes, as: UTF8.self), sample] {
                guard let found = packed(made), found.count == bytes.count else { return unknown }
                var low: UInt64 = 0, high: UInt64 = 0
                for (index, byte) in bytes.enumerated() {
                    if index < 8 { low |= UInt64(byte) << UInt64(8 * index) } else { high |= UInt64(byte) << UInt64(8 * (index - 8)) }
                }
                guard found.low == low, found.high == high else { return unknown }
            }
            if bytes.allSatisfy({ $0 < 0x80 }) {
                // Made here, bit for bit what the library makes, and equal to it.
                let ours = bytes.withUnsafeBufferPointer { buffer in
                    make(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: bytes.count, flags: flags)
                }
                let theirs = String(decoding: bytes, as: UTF8.self)
                guard let ours, unsafeBitCast(ours, to: (UInt64, UInt64).self) == unsafeBitCast(theirs, to: (UInt64, UInt64).self),
                    ours == theirs, ours.hashValue == theirs.hashValue, ours.utf8.count == bytes.count
                else { return unknown }
            }
        }
        // Strings too long to be small, made at run time, must not pass for small ones.
        let long = String(repeating: "y", count: 16 + samples.count % 2)
        guard packed(long) == nil, packed(samples.joined()) == nil else { return unknown }
        return Layout(known: true, asciiFlags: flags)
    }()
}
