import AssessJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// JSON Schema compares strings (property names included) by code points and numbers by
// mathematical value. Swift's `String ==` and `String` hashing use Unicode canonical
// equivalence instead ("é" == "e\u{301}", "K" == "\u{212A}" KELVIN SIGN), and
// `JSONNode.jsonEquals` compares numbers as `Double`s (2^64 == 2^64 + 1). The helpers
// here are what the validator uses instead.

/// Code-point (UTF-8 byte) equality, not canonical equivalence.
@inline(__always)
func sameCodePoints(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
    }
}

/// A string (property name, pattern, pointer) as a dictionary / set key that compares by code points.
struct ExactString: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactString, b: ExactString) -> Bool { sameCodePoints(a.string, b.string) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension JSONObject {
    /// The member named exactly `key` (by code points).
    func exactMember(_ key: String) -> JSONMember? {
        for member in members where sameCodePoints(member.key, key) { return member }
        return nil
    }

    func hasExactKey(_ key: String) -> Bool { exactMember(key) != nil }
}

/// Equality as JSON Schema defines it (`const`, `enum`, `uniqueItems`): member order is
/// ignored, strings and keys compare by code points, numbers by exact decimal value
/// (1 == 1.0, but 18446744073709551616 != 18446744073709551617).
func instanceEquals(_ a: JSONNode, _ b: JSONNode) -> Bool {
    switch (a.value, b.value) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return compareNumbers(x, y) == 0
    case (.string(let x), .string(let y)): return sameCodePoints(x, y)
    case (.array(let x), .array(let y)):
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !instanceEquals(p, q) { return false }
        return true
    case (.object(let x), .object(let y)):
        guard x.count == y.count else { return false }
        for member in x.members {
            guard let other = y.exactMember(member.key), instanceEquals(member.value, other.value) else { return false }
        }
        return true
    default: return false
    }
}

/// True when the number is mathematically an integer, decided on the literal: the
/// `Double` of 1.0000000000000001 is 1, but the number is not an integer.
func isExactInteger(_ number: JSONNumber) -> Bool {
    // A Double with a fractional part means the exact value has one too.
    guard number.isInteger else { return false }
    // No '.', 'e' or 'E': an integer literal.
    if !number.literal.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        return true
    }
    guard let exact = ExactDecimal(number.literal) else { return true }
    return exact.isZero || exact.exponent >= 0
}
