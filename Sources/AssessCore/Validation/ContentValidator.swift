import AssessJSON

/// Checks a value against one schema; implemented over the compiled JSON Schemas.
public protocol SchemaChecking: Sendable {
    func findings(for root: JSONNode) -> [Finding]
    /// The same findings for a value read from a tape.
    func findings(for root: JSONTape.Value) -> [Finding]
}

/// Validates content files: read, parse, schema, semantic rules; on all cores, in a stable order.
/// The facts one content file gives the checks of others.
enum ContentFacts: Sendable {
    case item(LibraryItemFacts)
    case map(PerspectiveMapFacts)
}

public struct ContentValidator: Sendable {
    public struct Options: Sendable {
        /// Today's date, YYYY-MM-DD.
        public var today: String
        public var maxBytes: Int
        /// The directory paths are shown relative to.
        public var displayDirectory: String

        public init(today: String, maxBytes: Int = JSONParseOptions.defaultMaxBytes, displayDirectory: String) {
            self.today = today
            self.maxBytes = maxBytes
            self.displayDirectory = displayDirectory
        }
    }

    public let layout: ContentLayout
    public let schemas: ContentSchemas
    public let options: Options
    /// Where the bytes come from: the working tree by default, or a snapshot of the index.
    public let source: ContentSource

    public init(layout: ContentLayout, schemas: ContentSchemas, options: Options, source: ContentSource? = nil) {
        self.layout = layout
        self.schemas = schemas
        self.options = options
        self.source = source ?? WorkingTreeSource(root: layout.root)
    }

    public func validate(_ targets: [ContentTarget]) -> ValidationSummary {
        let itemPositions = targets.indices.filter { targets[$0].kind == .libraryItem }
        let mapPositions = targets.indices.filter { targets[$0].kind == .perspectiveMap }
        let assessmentPositions = targets.indices.filter { targets[$0].kind == .assessment }
        precondition(itemPositions.count + mapPositions.count + assessmentPositions.count == targets.count)
        // Targets are read in place, by position: a copy of each would retain its strings.
        func stems(of positions: [[Int]], where wanted: (String) -> Bool) -> Set<String> {
            var stems = Set<String>()
            for list in positions {
                for position in list where wanted(targets[position].stem) { stems.insert(targets[position].stem) }
            }
            return stems
        }

        // On disk, one listing of the transcripts folder spares a failed open per candidate.
        let transcripts: Set<String>? = source is WorkingTreeSource ? Set(FileSystem.list(layout.transcriptsFolder)) : nil

        // Library items first: every other kind's checks need to know which items exist.
        let itemContext = context(items: [:], maps: [:], transcripts: transcripts)
        var itemResults = parallelMap(count: itemPositions.count) { check(targets[itemPositions[$0]], context: itemContext) }
        var itemFacts = facts(from: &itemResults, of: itemPositions, in: targets) { if case .item(let facts) = $0 { facts } else { nil } }
        let wantedItems = stems(of: [mapPositions, assessmentPositions]) { itemFacts[$0] == nil }
        itemFacts.merge(loadFacts(.libraryItem, wantedItems) { $0.map(LibraryItemFacts.init) ?? LibraryItemFacts(JSONNode(.null)) }) { a, _ in a }

        let baseContext = context(items: itemFacts, maps: [:], transcripts: transcripts)
        var mapResults = parallelMap(count: mapPositions.count) { check(targets[mapPositions[$0]], context: baseContext) }
        var mapFacts = facts(from: &mapResults, of: mapPositions, in: targets) { if case .map(let facts) = $0 { facts } else { nil } }
        let wantedMaps = stems(of: [assessmentPositions]) { mapFacts[$0] == nil }
        mapFacts.merge(loadFacts(.perspectiveMap, wantedMaps) { $0.map(PerspectiveMapFacts.init) ?? PerspectiveMapFacts(JSONNode(.null)) }) { a, _ in a }

        let fullContext = context(items: itemFacts, maps: mapFacts, transcripts: transcripts)
        let assessmentResults = parallelMap(count: assessmentPositions.count) { check(targets[assessmentPositions[$0]], context: fullContext) }

        // Reports in the order the targets were given: each kind's positions among them.
        let files = [FileReport](unsafeUninitializedCapacity: targets.count) { buffer, initialized in
            for (results, positions) in [(itemResults, itemPositions), (mapResults, mapPositions), (assessmentResults, assessmentPositions)] {
                for index in results.indices { (buffer.baseAddress! + positions[index]).initialize(to: results[index].report) }
            }
            initialized = targets.count
        }
        // The results and facts of a large repository are many small allocations: they are
        // freed on another core while the caller writes the reports.
        releaseElsewhere((itemResults, mapResults, assessmentResults, itemContext, baseContext, fullContext))
        return ValidationSummary(files: files)
    }

    // MARK: one file

    struct FileResult: Sendable {
        var report: FileReport
        /// What other files' checks need from a library item or map; the parsed tree itself is not kept.
        var facts: ContentFacts?
        /// The file exists (even if it does not parse) and its name is a valid slug: its
        /// dependants may look it up.
        var known: Bool
    }

    private func check(_ target: ContentTarget, context: CheckContext) -> FileResult {
        let display = PathDisplay.relative(target.path, to: options.displayDirectory)
        func failure(_ finding: Finding, source: SourceText? = nil, exists: Bool = true) -> FileResult {
            FileResult(
                report: FileReport(path: display, diagnostics: [finding.diagnostic(path: display, source: source)]),
                facts: nil, known: exists && Slug.isValid(target.stem))
        }
        let bytes: [UInt8]
        switch source.read(target.path, limit: options.maxBytes) {
        case .success(let read): bytes = read
        case .failure(let error):
            return failure(Finding(at: nil, .error, error.message, rule: error.ruleID), exists: error.reason != .notFound)
        }
        // A tape, not a tree: the schema and the rules read a few fields of each value in place.
        let document: JSONTape
        do {
            document = try JSONTape.parse(bytes, options: JSONParseOptions(maxBytes: options.maxBytes))
        } catch {
            return failure(Finding(at: error.offset, .error, error.message, rule: error.ruleID), source: SourceText(bytes))
        }
        var findings = document.warnings.map { Finding(at: $0.offset, .warning, $0.message, rule: $0.ruleID) }
        findings += schemas.checker(for: target.kind).findings(for: document.root)
        findings += SemanticRules.check(
            CheckedFile(kind: target.kind, stem: target.stem, root: document.root), context: context)
        var diagnostics: [Diagnostic] = []
        if !findings.isEmpty {
            let source = SourceText(bytes)
            diagnostics = findings.map { $0.diagnostic(path: display, source: source) }
            diagnostics.sort { ($0.position ?? .init(line: 0, column: 0)) < ($1.position ?? .init(line: 0, column: 0)) }
        }
        let facts: ContentFacts?
        switch target.kind {
        case .libraryItem: facts = .item(LibraryItemFacts(document.root))
        case .perspectiveMap: facts = .map(PerspectiveMapFacts(document.root))
        case .assessment: facts = nil
        }
        return FileResult(report: FileReport(path: display, diagnostics: diagnostics), facts: facts, known: Slug.isValid(target.stem))
    }

    // MARK: facts shared between files

    /// The facts of `results` (of the targets at `positions`) by stem, moved out of them.
    private func facts<Facts>(
        from results: inout [FileResult], of positions: [Int], in targets: [ContentTarget], _ pick: (ContentFacts) -> Facts?
    ) -> [String: Facts] {
        var facts = [String: Facts](minimumCapacity: results.count)
        for index in results.indices where results[index].known {
            let position = positions[index]
            // A file that exists but does not parse still exists: its dependants get empty facts.
            if let found = results[index].facts.take().flatMap(pick) {
                facts[targets[position].stem] = found
            } else if let empty = pick(targets[position].kind == .libraryItem ? .item(LibraryItemFacts(JSONNode(.null))) : .map(PerspectiveMapFacts(JSONNode(.null)))) {
                facts[targets[position].stem] = empty
            }
        }
        return facts
    }

    /// Facts about files that are not being validated themselves: parsed quietly, findings dropped.
    private func loadFacts<Facts: Sendable>(
        _ kind: ContentKind, _ stems: Set<String>, _ make: @escaping @Sendable (JSONTape.Value?) -> Facts
    ) -> [String: Facts] {
        let slugs = stems.compactMap { try? Slug($0) }.sorted()
        let loaded = parallelMap(slugs) { slug -> Facts? in
            let path = layout.path(kind, slug)
            guard case .success(let bytes) = source.read(path, limit: options.maxBytes) else { return nil }
            return make((try? JSONTape.parse(bytes, options: JSONParseOptions(maxBytes: options.maxBytes)))?.root)
        }
        var facts: [String: Facts] = [:]
        for (slug, fact) in zip(slugs, loaded) { if let fact { facts[slug.rawValue] = fact } }
        return facts
    }

    /// `transcripts`: the names in the transcripts folder, when known.
    private func context(
        items: [String: LibraryItemFacts], maps: [String: PerspectiveMapFacts], transcripts present: Set<String>?
    ) -> CheckContext {
        let layout = self.layout
        let limit = options.maxBytes * 8  // transcripts of long episodes are larger than content files
        let source = self.source
        return CheckContext(layout: layout, today: options.today, items: items, maps: maps) { slug in
            if let present, !ContentLayout.transcriptExtensions.contains(where: { present.contains(slug.rawValue + "." + $0) }) {
                return nil
            }
            for path in layout.transcriptCandidates(slug) {
                guard case .success(let bytes) = source.read(path, limit: limit) else { continue }
                guard let format = TranscriptFormat(path: path) else { continue }
                return TranscriptReader.read(bytes, format: format).transcript
            }
            return nil
        }
    }
}
