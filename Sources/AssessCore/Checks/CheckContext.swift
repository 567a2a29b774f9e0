import AssessJSON

/// What the semantic rules may know beyond the file they check.
public struct CheckContext: Sendable {
    public var layout: ContentLayout
    /// Today's date, YYYY-MM-DD, for "not in the future".
    public var today: String
    /// Facts about library items and perspective maps, by slug.
    public var items: [String: LibraryItemFacts]
    public var maps: [String: PerspectiveMapFacts]
    /// The transcript of a slug, when the repository holds one (read on demand).
    public var transcript: @Sendable (Slug) -> Transcript?

    public init(
        layout: ContentLayout, today: String, items: [String: LibraryItemFacts], maps: [String: PerspectiveMapFacts],
        transcript: @escaping @Sendable (Slug) -> Transcript?
    ) {
        self.layout = layout
        self.today = today
        self.items = items
        self.maps = maps
        self.transcript = transcript
    }
}

/// A file ready for the semantic rules: parsed, with the slug its name claims.
public struct CheckedFile<Root: JSONReadable & Sendable>: Sendable {
    public var kind: ContentKind
    /// The file name without `.json`.
    public var stem: String
    /// The parsed file, as a tree or a tape.
    public var root: Root

    public init(kind: ContentKind, stem: String, root: Root) {
        self.kind = kind
        self.stem = stem
        self.root = root
    }
}

/// The rules no schema can say (DESIGN §2.4), run after the schema passes or fails.
public enum SemanticRules {
    public static func check(_ file: CheckedFile<some JSONReadable>, context: CheckContext) -> [Finding] {
        guard file.root.isObject else { return [] }  // the schema has already said what is wrong
        var findings = CommonRules.check(file, context: context)
        switch file.kind {
        case .libraryItem:
            break
        case .perspectiveMap:
            findings += MapRules.check(file, context: context)
        case .assessment:
            findings += AssessmentRules.check(file, context: context)
        }
        return findings
    }
}
