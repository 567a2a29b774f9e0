/// One field-level difference between two versions of an assessment, as
/// `assess review` shows it.
///
/// Encoded as JSON (for `--format json`) with these keys, absent ones omitted:
///
/// * `path`: the JSON Pointer of the value. It points into the new version,
///   except for a removal, which points into the old one. `""` is the whole file.
/// * `field`: the same place for people: `perspective.score`, `reviewers[0].name`,
///   `keyMoments[00:41:10].score` (array elements matched by identity show
///   their key, others their index), `""` for the whole file.
/// * `kind`: `added`, `removed` or `changed`.
/// * `old`, `new`: one-line JSON renderings of the two values (numbers without
///   float noise: `6.0` is `6`). Added and removed values are rendered whole;
///   for prose (`words` present) they are short excerpts.
/// * `delta`: for a number that changed, new minus old, signed (`"-15"`, `"+3.8"`).
/// * `words`: for a prose change, the word-level diff as segments.
/// * `added`, `removed`: elements an array gained or lost. For arrays of
///   strings (`emphases`) these are set members; for arrays of objects matched
///   by an identifying field (`keyMoments` by `at`, `reviewers` by `email`,
///   `captionCorrections` by `heard`) they are whole elements, each with its `key`.
public struct FieldChange: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case added
        case removed
        case changed
    }

    /// An element an array gained or lost.
    public struct Item: Sendable, Equatable, Codable {
        /// JSON Pointer of the element (into the new version when added, the old one when removed).
        public var path: String
        /// The identifying value the element was matched by (`"00:41:10"`), nil for set members and unkeyed elements.
        public var key: String?
        /// A short description for people: `grokking`, `00:41:10 score 25 "Grokking…"`.
        public var summary: String
        /// The whole element as one-line JSON.
        public var value: String

        public init(path: String, key: String? = nil, summary: String, value: String) {
            self.path = path
            self.key = key
            self.summary = summary
            self.value = value
        }
    }

    public var path: String
    public var field: String
    public var kind: Kind
    public var old: String?
    public var new: String?
    public var delta: String?
    public var words: [WordSegment]?
    public var added: [Item]?
    public var removed: [Item]?

    public init(
        path: String, field: String, kind: Kind, old: String? = nil, new: String? = nil, delta: String? = nil,
        words: [WordSegment]? = nil, added: [Item]? = nil, removed: [Item]? = nil
    ) {
        self.path = path
        self.field = field
        self.kind = kind
        self.old = old
        self.new = new
        self.delta = delta
        self.words = words
        self.added = added
        self.removed = removed
    }
}

/// A run of words in a word-level diff of prose: unchanged, inserted or deleted.
/// `text` is the words joined by single spaces (whitespace is normalised).
public struct WordSegment: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case equal
        case inserted
        case deleted
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
