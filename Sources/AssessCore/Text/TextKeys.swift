/// Text as it is matched, not as it is shown: case and spacing folded.
enum TextKeys {
    /// Words separated by single spaces, lowercased: "  Ada   OKAFOR " is "ada okafor".
    static func words(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        }
        // ASCII: the same on bytes (whitespace is tab through carriage return, and space). Most
        // terms are keys already (lowercase, single spaces, none at the ends): kept as they are.
        var previousIsSpace = true
        let isKey = utf8.allSatisfy { byte in
            let space = byte == 0x20
            defer { previousIsSpace = space }
            return !(0x41...0x5A).contains(byte) && !(0x09...0x0D).contains(byte) && !(space && previousIsSpace)
        }
        if isKey && !previousIsSpace { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var space = false
        for byte in utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                space = !bytes.isEmpty
                continue
            }
            if space {
                bytes.append(0x20)
                space = false
            }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text.lowercased()`, on bytes when the text is ASCII.
    static func lowercased(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
        guard utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return text }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
