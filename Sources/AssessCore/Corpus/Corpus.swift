import AssessJSON
import Foundation

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

    /// Every item of the repository at `layout`, read from `source` (the working tree by default).
    /// With `prose` false the long prose of items (summaries, notes, quotes), which only `show`
    /// prints, is left out: a large corpus then loads faster and holds less memory.
    public static func load(_ layout: ContentLayout, source: (any ContentSource)? = nil, prose: Bool = true) -> Corpus {
        let source = source ?? WorkingTreeSource(root: layout.root)
        let targets = Targets(byKind: ContentTargets.byKind(in: layout))
        let library = targets.library, maps = targets.maps, assessments = targets.assessments

        // Each library item with its map and assessment, matched by name; maps and assessments
        // without a library item on their own. Jobs name files by index: no target is copied.
        var jobs: [Job] = []
        jobs.reserveCapacity(library.count)
        var m = 0, a = 0
        func orphansBefore(_ stem: String?, _ kind: ContentKind, _ files: [ContentTarget], _ index: inout Int) -> Int? {
            while index < files.count, stem.map({ bytewiseLess(files[index].stem, $0) }) ?? true {
                jobs.append(.orphan(kind, index))
                index += 1
            }
            guard index < files.count, let stem, files[index].stem == stem else { return nil }
            index += 1
            return index - 1
        }
        for index in library.indices {
            let stem = library[index].stem
            let map = orphansBefore(stem, .perspectiveMap, maps, &m)
            let assessment = orphansBefore(stem, .assessment, assessments, &a)
            jobs.append(.item(index, map: map, assessment: assessment))
        }
        _ = orphansBefore(nil, .perspectiveMap, maps, &m)
        _ = orphansBefore(nil, .assessment, assessments, &a)

        // Read, parsed and paired on all cores; items come out in slug order (library stems are
        // sorted by bytes, and a slug is ASCII).
        // Each item is built where it stays; the few warnings are gathered as they come and put
        // in path order after.
        let allJobs = jobs
        let warnings = WarningSink()
        let items = parallelCompactMap(count: allJobs.count) { index -> CorpusItem? in
            let built = build(allJobs[index], targets, source: source, prose: prose)
            if !built.warnings.isEmpty { warnings.add(built.warnings) }
            return built.item
        }
        return Corpus(sortedItems: items, warnings: warnings.sorted)
    }

    /// Warnings added from any thread.
    private final class WarningSink: @unchecked Sendable {
        private let lock = NSLock()
        private var warnings: [CorpusWarning] = []

        func add(_ more: [CorpusWarning]) {
            lock.lock()
            warnings += more
            lock.unlock()
        }

        /// By path (a file has one warning at most).
        var sorted: [CorpusWarning] {
            lock.lock()
            defer { lock.unlock() }
            return warnings.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }
    }

    /// The content files, each kind's sorted by stem.
    private struct Targets: Sendable {
        var library: [ContentTarget]
        var maps: [ContentTarget]
        var assessments: [ContentTarget]

        init(byKind: [[ContentTarget]]) {
            func files(_ kind: ContentKind) -> [ContentTarget] { byKind[ContentKind.allCases.firstIndex(of: kind)!] }
            library = files(.libraryItem)
            maps = files(.perspectiveMap)
            assessments = files(.assessment)
        }

        subscript(kind: ContentKind, index: Int) -> ContentTarget {
            switch kind {
            case .libraryItem: return library[index]
            case .perspectiveMap: return maps[index]
            case .assessment: return assessments[index]
            }
        }
    }

    /// Files by their index among `Targets`' files of their kind.
    private enum Job: Sendable {
        case item(Int, map: Int?, assessment: Int?)
        case orphan(ContentKind, Int)
    }

    private static func build(_ job: Job, _ targets: Targets, source: any ContentSource, prose: Bool)
        -> (item: CorpusItem?, warnings: [CorpusWarning])
    {
        var warnings: [CorpusWarning] = []
        /// A map or assessment read on its own: without the library item it is left out.
        func orphan(_ target: ContentTarget) {
            switch read(target, source: source, prose: prose) {
            case .failure(let warning): warnings.append(warning)
            case .success:
                let what = target.kind == .perspectiveMap ? "perspective map" : "assessment"
                warnings.append(
                    CorpusWarning(
                        path: ContentLayout.resourcesPath + "/" + target.kind.folder + "/" + target.stem + ".json", position: nil,
                        message: "no library item \"\(target.stem)\": \(what) left out"))
            }
        }
        switch job {
        case .orphan(let kind, let index):
            orphan(targets[kind, index])
            return (nil, warnings)
        case .item(let libraryIndex, let mapIndex, let assessmentIndex):
            let libraryTarget = targets[.libraryItem, libraryIndex]
            let mapTarget = mapIndex.map { targets[.perspectiveMap, $0] }
            let assessmentTarget = assessmentIndex.map { targets[.assessment, $0] }
            let libraryRead = read(libraryTarget, source: source, prose: prose)
            guard case .success(.library(let slug, let library)) = libraryRead else {
                if case .failure(let warning) = libraryRead { warnings.append(warning) }
                mapTarget.map(orphan)
                assessmentTarget.map(orphan)
                return (nil, warnings)
            }
            var item = CorpusItem(slug: slug, library: library)
            if let mapTarget {
                switch read(mapTarget, source: source, prose: prose) {
                case .success(.map(_, let map)): item.map = map
                case .failure(let warning): warnings.append(warning)
                default: break
                }
            }
            if let assessmentTarget {
                switch read(assessmentTarget, source: source, prose: prose) {
                case .success(.assessment(_, let assessment)): item.assessment = assessment
                case .failure(let warning): warnings.append(warning)
                default: break
                }
            }
            return (item, warnings)
        }
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

    private static func read(_ target: ContentTarget, source: any ContentSource, prose: Bool) -> Result<Loaded, CorpusWarning> {
        let stem = target.stem
        // The repository-relative path is spelled out only for a warning.
        func warning(_ message: String, _ position: SourcePosition? = nil) -> Result<Loaded, CorpusWarning> {
            let relative = ContentLayout.resourcesPath + "/" + target.kind.folder + "/" + stem + ".json"
            return .failure(CorpusWarning(path: relative, position: position, message: message + "; left out"))
        }
        guard let slug = try? Slug(stem) else { return warning("file name is not a valid slug") }
        let bytes: [UInt8]
        switch source.read(target.path, limit: JSONParseOptions.defaultMaxBytes) {
        case .success(let read): bytes = read
        case .failure(let error): return warning(error.message)
        }
        // A tape, not a tree: a few fields are read out of each file.
        let root: JSONTape.Value
        do {
            root = try JSONTape.parse(bytes).root
        } catch {
            return warning(error.message, error.position)
        }
        guard root.isObject else { return warning("expected a JSON object, found \(root.typeName)", SourcePosition(line: 1, column: 1)) }
        // Lines are counted only for a warning's position.
        var text: SourceText { SourceText(bytes) }
        switch target.kind {
        case .libraryItem:
            return .success(.library(slug, LibraryItem(slug: stem, root, prose: prose)))
        case .perspectiveMap:
            switch PerspectiveMap.read(slug: stem, root) {
            case .success(let map): return .success(.map(slug, map))
            case .failure(let error): return warning(error.message, text.position(of: error.offset))
            }
        case .assessment:
            switch Assessment.read(slug: stem, root, prose: prose) {
            case .success(let assessment): return .success(.assessment(slug, assessment))
            case .failure(let error): return warning(error.message, text.position(of: error.offset))
            }
        }
    }
}
