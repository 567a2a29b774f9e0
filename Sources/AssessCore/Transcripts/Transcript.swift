/// The three transcript formats, by file extension (DESIGN §2: `transcripts/<slug>.vtt|.srt|.txt`).
public enum TranscriptFormat: String, Sendable, CaseIterable {
    case webVTT = "vtt"
    case srt
    case plainText = "txt"

    /// The format a file's extension names, if any.
    public init?(fileExtension: String) {
        self.init(rawValue: fileExtension.lowercased())
    }

    /// The format of the file at `path`, from its extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(fileExtension: String(path[path.index(after: dot)...]))
    }

    /// Captions with cue times (WebVTT, SRT), as opposed to plain text.
    public var isTimed: Bool { self != .plainText }

    public var displayName: String {
        switch self {
        case .webVTT: return "WebVTT"
        case .srt: return "SRT"
        case .plainText: return "plain text"
        }
    }
}

/// One caption segment: a cue of a WebVTT or SRT file, or a non-empty line of plain text.
public struct TranscriptSegment: Sendable, Equatable {
    /// Cue times in seconds; nil in plain text.
    public var start: Double?
    public var end: Double?
    /// The 1-based line of the cue's timing line (or of the plain-text line).
    public var line: Int
    /// The speaker named by a WebVTT voice tag (`<v Name>`), if any.
    public var voice: String?
    /// The segment's spoken words: indices into the transcript's words.
    public var words: Range<Int>
}

/// A transcript as read: its segments and its spoken words, ready for scoring and search.
///
/// A *word* is a whitespace-separated token with at least one letter or digit, outside
/// non-speech markers (`[Music]`, `[Laughter]`, `(applause)`, `♪ … ♪`). Words are counted
/// and sliced. Each word has one or more *keys*: its runs of letters, digits and
/// apostrophes, lowercased (ASCII), so "Long-term," gives the keys "long" and "term"
/// (see `WordKeys`). Lexicon terms and searches match keys.
public struct Transcript: Sendable {
    public var format: TranscriptFormat
    public internal(set) var segments: [TranscriptSegment] = []
    /// How many non-speech markers were left out.
    public internal(set) var nonSpeechMarkers = 0
    /// Distinct voice names of WebVTT voice tags, in order of first appearance.
    public internal(set) var voices: [String] = []

    /// The original spelling of every word, back to back: word `i` is `wordBytes[wordStarts[i] ..< wordStarts[i + 1]]`.
    var wordBytes: [UInt8] = []
    var wordStarts: [Int32] = [0]
    /// The keys of word `i` are `keys[wordKeyStarts[i] ..< wordKeyStarts[i + 1]]`.
    var wordKeyStarts: [Int32] = [0]
    /// Every key of every word, in order, as vocabulary ids.
    public internal(set) var keys: [Int32] = []
    /// The word each key belongs to.
    public internal(set) var keyWords: [Int32] = []
    public internal(set) var vocabulary = Vocabulary()

    public init(format: TranscriptFormat) {
        self.format = format
    }

    public var wordCount: Int { wordStarts.count - 1 }

    /// Word `index` as the captions spell it (punctuation included).
    public func word(_ index: Int) -> String {
        String(decoding: wordBytes[Int(wordStarts[index])..<Int(wordStarts[index + 1])], as: UTF8.self)
    }

    /// The words of `range` as the captions spell them, separated by single spaces.
    public func text(_ range: Range<Int>) -> String {
        range.map(word).joined(separator: " ")
    }

    /// The range of keys belonging to the words of `range`.
    public func keyRange(_ range: Range<Int>) -> Range<Int> {
        Int(wordKeyStarts[range.lowerBound])..<Int(wordKeyStarts[range.upperBound])
    }

    /// The segment holding word `index` (the segments' word ranges are in order).
    public func segmentIndex(ofWord index: Int) -> Int? {
        var low = 0
        var high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].words.upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return low < segments.count && segments[low].words.contains(index) ? low : nil
    }

    /// The keys of `phrase`, tokenised as transcript words are; nil when one of them is no
    /// key of this transcript (so the phrase cannot occur).
    public func keyIDs(_ phrase: String) -> [Int32]? {
        var ids: [Int32] = []
        var missing = false
        WordKeys.forEachKey(in: Array(phrase.utf8)) { key in
            if let id = vocabulary.lookup(key) { ids.append(id) } else { missing = true }
        }
        return missing || ids.isEmpty ? nil : ids
    }

    /// True when `phrase` occurs, ignoring case, punctuation, line breaks and non-speech markers.
    public func contains(_ phrase: String) -> Bool {
        firstOccurrence(of: phrase) != nil
    }

    /// The index of the first key where `phrase` occurs.
    public func firstOccurrence(of phrase: String) -> Int? {
        guard let needle = keyIDs(phrase) else { return nil }
        return firstOccurrence(ofKeys: needle)
    }

    func firstOccurrence(ofKeys needle: [Int32]) -> Int? {
        guard !needle.isEmpty, keys.count >= needle.count else { return nil }
        let first = needle[0]
        return keys.withUnsafeBufferPointer { keys in
            var index = 0
            let last = keys.count - needle.count
            while index <= last {
                if keys[index] == first {
                    var matched = true
                    for offset in 1..<needle.count where keys[index + offset] != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return index }
                }
                index += 1
            }
            return nil
        }
    }

    // MARK: building

    /// Adds a segment from its text (tags already removed): markers are left out, words split and keyed.
    mutating func appendSegment(text: [UInt8], start: Double?, end: Double?, line: Int, voice: String?) {
        var text = text
        nonSpeechMarkers += WordKeys.blankNonSpeech(&text)
        let first = wordCount
        // Work on local arrays (moved out of self and back), so appends need no access through self.
        var keys = self.keys
        var keyWords = self.keyWords
        var wordBytes = self.wordBytes
        var wordStarts = self.wordStarts
        var wordKeyStarts = self.wordKeyStarts
        var vocabulary = self.vocabulary
        (self.keys, self.keyWords, self.wordBytes, self.wordStarts, self.wordKeyStarts) = ([], [], [], [], [])
        self.vocabulary = Vocabulary()
        let expected = keys.count + text.count / 4  // about one key per five bytes of captions
        if keys.capacity < expected {
            keys.reserveCapacity(expected)
            keyWords.reserveCapacity(expected)
            wordStarts.reserveCapacity(expected)
            wordKeyStarts.reserveCapacity(expected)
            wordBytes.reserveCapacity(wordBytes.count + text.count)
        }
        var scanner = KeyScanner()
        WordKeys.forEachToken(in: text) { token in
            let word = Int32(wordStarts.count - 1)
            var keyCount = 0
            scanner.forEachKey(in: token) { key in
                keys.append(vocabulary.intern(key))
                keyWords.append(word)
                keyCount += 1
            }
            guard keyCount > 0 else { return }
            wordBytes.append(contentsOf: token)
            wordStarts.append(Int32(wordBytes.count))
            wordKeyStarts.append(Int32(keys.count))
        }
        (self.keys, self.keyWords, self.wordBytes, self.wordStarts, self.wordKeyStarts) = (keys, keyWords, wordBytes, wordStarts, wordKeyStarts)
        self.vocabulary = vocabulary
        if let voice, !voices.contains(voice) { voices.append(voice) }
        segments.append(TranscriptSegment(start: start, end: end, line: line, voice: voice, words: first..<wordCount))
    }
}
