import AssessJSON

/// A library item (DESIGN §2.1) as the reporting commands read it: every field the page shows.
/// Missing fields stay nil; `assess validate` is the place that insists on them.
public struct LibraryItem: Sendable, Encodable {
    public struct Source: Sendable, Encodable {
        public var platform: String?
        public var videoId: String?
        /// auto | uploaded
        public var captions: String?
        public var storedOn: String?
        public var captionSegments: Int?
        public var durationSeconds: Double?
    }

    public var slug: String
    /// The title, or the slug when the file has none.
    public var title: String
    public var show: String?
    public var published: String?
    public var shelf: String?
    public var whyItMatters: String?
    public var summary: String?
    public var tags: [String]
    public var editorNote: String?
    public var people: [String]
    public var source: Source?

    /// Reads an item; with `prose` false, `whyItMatters`, `summary` and `editorNote` stay nil.
    public init(slug: String, _ root: some JSONReadable, prose: Bool = true) {
        self.slug = slug
        title = root["title"]?.stringValue ?? slug
        show = root["show"]?.stringValue
        published = root["published"]?.stringValue
        shelf = root["shelf"]?.stringValue
        whyItMatters = prose ? root["whyItMatters"]?.stringValue : nil
        summary = prose ? root["summary"]?.stringValue : nil
        tags = root["tags"]?.elements?.compactMap(\.stringValue) ?? []
        editorNote = prose ? root["editorNote"]?.stringValue : nil
        people = root["people"]?.elements?.compactMap(\.stringValue) ?? []
        source = root["source"].flatMap { node in
            guard node.isObject else { return nil }
            return Source(
                platform: node["platform"]?.stringValue, videoId: node["videoId"]?.stringValue,
                captions: node["captions"]?.stringValue, storedOn: node["storedOn"]?.stringValue,
                captionSegments: node["captionSegments"]?.intValue,
                durationSeconds: node["durationSeconds"]?.doubleValue)
        }
    }
}
