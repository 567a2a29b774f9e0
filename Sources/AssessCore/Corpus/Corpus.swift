import AssessJSON

/// One library item with whatever the repository holds about it.
public struct CorpusItem: Sendable {
    public var slug: Slug
    public var library: LibraryItem
    public var map: PerspectiveMap?
    public var assessment: Assessment?

    public init(slug: Slug, library: LibraryItem, map: PerspectiveMap? = nil, assessment: Assessment? = nil) {
        self.slug = slug
        self.library = library
        self.map = map
        self.assessment = assessment
    }

    /// "missing" or the assessment's status.
    public var state: String { assessment?.status.rawValue ?? "missing" }
}

/// A content file the corpus left out, and why. The command prints these as warnings.
public struct CorpusWarning: Error, Sendable, Equatable, CustomStringConvertible {
    /// Repository-relative path.
    public var path: String
    public var position: SourcePosition?
    public var message: String

    public var description: String {
        path + (position.map { ":\($0.line):\($0.column)" } ?? "") + ": " + message
    }
}

/// Every library item, perspective map and assessment of a repository, read into typed values.
///
/// Files are read in parallel. A file that cannot be read, parsed or understood is left out with
/// a warning; loading never fails as a whole. Maps and assessments without a library item are left
/// out too (`assess validate` reports them as errors).
public struct Corpus: Sendable {
    /// In slug order.
    public var items: [CorpusItem]
    public var warnings: [CorpusWarning]

    public init(items: [CorpusItem], warnings: [CorpusWarning] = []) {
        self.items = items.sorted { $0.slug < $1.slug }
        self.warnings = warnings
    }

    public func item(_ slug: Slug) -> CorpusItem? {
        items.first { $0.slug == slug }
    }

    /// The items holding both a perspective map and an assessment.
    public var paired: [CorpusItem] { items.filter { $0.map != nil && $0.assessment != nil } }

    public static func load(_ layout: ContentLayout, source: (any ContentSource)? = nil) -> Corpus {
        let source = source ?? WorkingTreeSource(root: layout.root)
        let loaded = parallelMap(ContentTargets.all(in: layout)) { target in
            read(target, source: source)
        }
        var warnings: [CorpusWarning] = []
        var library: [Slug: LibraryItem] = [:]
        var maps: [Slug: PerspectiveMap] = [:]
        var assessments: [Slug: Assessment] = [:]
        for result in loaded {
            switch result {
            case .failure(let warning): warnings.append(warning)
            case .success(.library(let slug, let item)): library[slug] = item
            case .success(.map(let slug, let map)): maps[slug] = map
            case .success(.assessment(let slug, let assessment)): assessments[slug] = assessment
            }
        }
        for (slug, _) in maps where library[slug] == nil {
            warnings.append(
                CorpusWarning(
                    path: layout.relativePath(.perspectiveMap, slug), position: nil,
                    message: "no library item \"\(slug)\": perspective map left out"))
        }
        for (slug, _) in assessments where library[slug] == nil {
            warnings.append(
                CorpusWarning(
                    path: layout.relativePath(.assessment, slug), position: nil,
                    message: "no library item \"\(slug)\": assessment left out"))
        }
        // Slugs are ASCII: their byte order is `Slug`'s order. Sorting the slugs alone, not the items.
        let items = sortedByBytes(Array(library.keys)) { $0.rawValue }.map { slug in
            CorpusItem(slug: slug, library: library[slug]!, map: maps[slug], assessment: assessments[slug])
        }
        return Corpus(sortedItems: items, warnings: warnings.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) })
    }

    /// Items already in slug order.
    private init(sortedItems: [CorpusItem], warnings: [CorpusWarning]) {
        self.items = sortedItems
        self.warnings = warnings
    }

    private enum Loaded: Sendable {
        case library(Slug, LibraryItem)
        case map(Slug, PerspectiveMap)
        case assessment(Slug, Assessment)
    }

    private static func read(_ target: ContentTarget, source: any ContentSource) -> Result<Loaded, CorpusWarning> {
        let stem = target.stem
        let relative = ContentLayout.resourcesPath + "/" + target.kind.folder + "/" + stem + ".json"
        func warning(_ message: String, _ position: SourcePosition? = nil) -> Result<Loaded, CorpusWarning> {
            .failure(CorpusWarning(path: relative, position: position, message: message + "; left out"))
        }
        guard let slug = try? Slug(stem) else { return warning("file name is not a valid slug") }
        let bytes: [UInt8]
        switch source.read(target.path, limit: JSONParseOptions.defaultMaxBytes) {
        case .success(let read): bytes = read
        case .failure(let error): return warning(error.message)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes).root
        } catch {
            return warning(error.message, error.position)
        }
        guard root.objectValue != nil else { return warning("expected a JSON object, found \(root.typeName)", SourcePosition(line: 1, column: 1)) }
        // Lines are counted only for a warning's position.
        var text: SourceText { SourceText(bytes) }
        switch target.kind {
        case .libraryItem:
            return .success(.library(slug, LibraryItem(slug: stem, root)))
        case .perspectiveMap:
            switch PerspectiveMap.read(slug: stem, root) {
            case .success(let map): return .success(.map(slug, map))
            case .failure(let error): return warning(error.message, text.position(of: error.offset))
            }
        case .assessment:
            switch Assessment.read(slug: stem, root) {
            case .success(let assessment): return .success(.assessment(slug, assessment))
            case .failure(let error): return warning(error.message, text.position(of: error.offset))
            }
        }
    }
}
