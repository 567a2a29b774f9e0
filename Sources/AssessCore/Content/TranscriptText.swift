/// A transcript's spoken words, normalised for phrase search: lower case,
/// single spaces, cue numbers, timings and the WebVTT header removed.
public struct TranscriptText: Sendable {
    public let normalized: String

    public init(bytes: [UInt8], fileExtension: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        var words: [Substring] = []
        let timed = fileExtension == "vtt" || fileExtension == "srt"
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if timed {
                let trimmed = line.trimmingSpaces
                if trimmed.hasPrefix("WEBVTT") || trimmed.contains("-->") || trimmed.allSatisfy(\.isNumber) { continue }
                if trimmed.hasPrefix("NOTE") || trimmed.hasPrefix("STYLE") || trimmed.hasPrefix("REGION") { continue }
            }
            words.append(contentsOf: line.split(whereSeparator: \.isWhitespace))
        }
        normalized = " " + words.joined(separator: " ").lowercased() + " "
    }

    /// True when `phrase` occurs, ignoring case and runs of whitespace.
    public func contains(_ phrase: String) -> Bool {
        let needle = phrase.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        guard !needle.isEmpty else { return false }
        return normalized.contains(needle)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
