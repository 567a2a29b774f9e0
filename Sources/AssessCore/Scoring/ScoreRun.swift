import AssessJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options of one `assess score` run.
public struct ScoreOptions: Sendable {
    public var slicing: SliceSettings
    /// `generatedAt` for every map of the run; nil derives it from each library item (see `generatedAt(for:)`).
    public var generatedAt: String?
    /// Score and report, but write nothing.
    public var dryRun: Bool
    /// The lexicon file (default `content/lexicons/perspective.json`).
    public var lexiconPath: String?
    /// Look for likely caption mis-hearings too.
    public var captionCheck: Bool

    public init(
        slicing: SliceSettings = .standard, generatedAt: String? = nil, dryRun: Bool = false, lexiconPath: String? = nil,
        captionCheck: Bool = true
    ) {
        self.slicing = slicing
        self.generatedAt = generatedAt
        self.dryRun = dryRun
        self.lexiconPath = lexiconPath
        self.captionCheck = captionCheck
    }
}

/// What scoring one item did.
public struct ScoreReport: Sendable {
    public enum Write: String, Sendable {
        case written
        case unchanged
        case dryRun = "dry-run"
    }

    public var slug: Slug
    /// Repository-relative paths.
    public var transcriptPath: String
    public var mapPath: String
    public var format: TranscriptFormat
    public var segments: Int
    public var nonSpeechMarkers: Int
    public var result: Scorer.Result
    public var captionSuggestions: [CaptionSuggestion]
    public var generatedAt: String
    public var write: Write
    /// The map's text (written, or what would be written).
    public var mapText: String
}

/// Why an item could not be scored.
public struct ScoreFailure: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// A file is wrong (a broken cue, an invalid lexicon): exit status 1.
        case findings
        /// Nothing to score, or the environment is at fault (no transcript, a write failed): exit status 2.
        case environment
    }

    public var slug: Slug?
    public var kind: Kind
    public var message: String
    public var diagnostics: [Diagnostic]

    public init(slug: Slug?, kind: Kind, message: String, diagnostics: [Diagnostic] = []) {
        self.slug = slug
        self.kind = kind
        self.message = message
        self.diagnostics = diagnostics
    }

    public var description: String { message }
}

/// `assess score`: transcript -> slices -> lexicon scores -> perspective map, for one item or all.
public struct ScoreRun: Sendable {
    public let layout: ContentLayout
    public let schemas: ContentSchemas
    public let lexicon: Lexicon
    public let glossary: Glossary?
    public let options: ScoreOptions
    public let displayDirectory: String

    /// The same run with other options (the lexicon and glossary are kept).
    public func with(_ options: ScoreOptions) -> ScoreRun {
        ScoreRun(
            layout: layout, schemas: schemas, lexicon: lexicon, glossary: glossary, options: options,
            displayDirectory: displayDirectory)
    }

    /// Transcripts of long episodes are far larger than content files; this is a safety limit.
    public static let transcriptLimit = 64 << 20

    /// Loads the lexicon and the glossary once for the run.
    public static func prepare(
        layout: ContentLayout, schemas: ContentSchemas, options: ScoreOptions, displayDirectory: String
    ) throws(ScoreFailure) -> ScoreRun {
        let lexicon: Lexicon
        let glossary: Glossary?
        do {
            lexicon = try Lexicon.load(path: options.lexiconPath, layout: layout, displayDirectory: displayDirectory)
            glossary = try Glossary.load(layout: layout, displayDirectory: displayDirectory)
        } catch {
            let kind: ScoreFailure.Kind = error.diagnostics.isEmpty ? .environment : .findings
            var message = error.description
            if case .missing = error {
                message += "; a content repository keeps its lexicon there (copy it from the assess repository)"
            }
            throw ScoreFailure(slug: nil, kind: kind, message: message, diagnostics: error.diagnostics)
        }
        return ScoreRun(
            layout: layout, schemas: schemas, lexicon: lexicon, glossary: glossary, options: options,
            displayDirectory: displayDirectory)
    }

    /// Library items that have a transcript, sorted: what `--all` scores.
    public static func slugsWithTranscripts(_ layout: ContentLayout) -> [Slug] {
        let items = FileSystem.list(layout.folder(.libraryItem)).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return items.compactMap { try? Slug(String($0.dropLast(5))) }.filter { slug in
            layout.transcriptCandidates(slug).contains(where: FileSystem.exists)
        }
    }

    /// Scores every item in `slugs` on all cores; results in the order given.
    public func score(_ slugs: [Slug]) -> [Result<ScoreReport, ScoreFailure>] {
        parallelMap(slugs) { score($0) }
    }

    public func score(_ slug: Slug) -> Result<ScoreReport, ScoreFailure> {
        do {
            return .success(try scoreOrThrow(slug))
        } catch {
            return .failure(error)
        }
    }

    private func scoreOrThrow(_ slug: Slug) throws(ScoreFailure) -> ScoreReport {
        let source = WorkingTreeSource(root: layout.root)
        let item = try libraryItem(slug, source: source)

        // The transcript: the first of <slug>.vtt, .srt, .txt that exists.
        var found: (path: String, bytes: [UInt8])?
        for path in layout.transcriptCandidates(slug) {
            switch source.read(path, limit: ScoreRun.transcriptLimit) {
            case .success(let bytes): found = (path, bytes)
            case .failure(let error) where error.reason == .notFound: continue
            case .failure(let error):
                throw ScoreFailure(slug: slug, kind: .environment, message: "\(display(path)): \(error.message)")
            }
            break
        }
        guard let (path, bytes) = found, let format = TranscriptFormat(path: path) else {
            let names = ContentLayout.transcriptExtensions.map { ".\($0)" }.joined(separator: ", ")
            throw ScoreFailure(
                slug: slug, kind: .environment,
                message: "no transcript for \"\(slug)\": add \(display(layout.transcriptsFolder))/\(slug) with one of \(names)")
        }
        let reading = TranscriptReader.read(bytes, format: format)
        if !reading.issues.isEmpty {
            let shown = display(path)
            let source = SourceText(bytes)
            throw ScoreFailure(
                slug: slug, kind: .findings,
                message: "\(shown): \(reading.issues.count == 1 ? "1 problem" : "\(reading.issues.count) problems") in the \(format.displayName) transcript; nothing written",
                diagnostics: reading.issues.map { $0.diagnostic(path: shown, source: source) })
        }
        let transcript = reading.transcript

        let plan = SlicePlan.make(
            transcript, settings: options.slicing, captionSegments: item.captionSegments, durationSeconds: item.duration)
        let result = Scorer(lexicon: lexicon).score(transcript, plan: plan)
        let generatedAt = options.generatedAt ?? ScoreRun.generatedAt(storedOn: item.storedOn, published: item.published)
        let relativeTranscript = String(path.dropFirst(layout.root.count + 1))
        let node = MapDocument.node(
            result,
            .init(
                slug: slug, lexicon: lexicon, generatedAt: generatedAt, transcriptPath: relativeTranscript,
                transcriptSHA256: SHA256.hex(bytes), tags: item.tags))
        let text = MapDocument.text(node)
        let mapPath = layout.path(.perspectiveMap, slug)
        try check(text, path: mapPath, slug: slug)

        var write = ScoreReport.Write.dryRun
        if !options.dryRun {
            write = try self.write(text, to: mapPath, slug: slug)
        }
        return ScoreReport(
            slug: slug, transcriptPath: relativeTranscript, mapPath: layout.relativePath(.perspectiveMap, slug),
            format: format, segments: plan.segments, nonSpeechMarkers: transcript.nonSpeechMarkers, result: result,
            captionSuggestions: options.captionCheck
                ? CaptionCheck.suggestions(in: transcript, people: item.people, glossary: glossary) : [],
            generatedAt: generatedAt, write: write, mapText: text)
    }

    /// `generatedAt` without a clock, so re-running gives the same bytes: the day the captions
    /// were stored (`source.storedOn`), else the day the episode was published, at midnight UTC.
    public static func generatedAt(storedOn: String?, published: String?) -> String {
        let day = [storedOn, published].compactMap { $0 }.first(where: CalendarDate.isWellFormed) ?? "1970-01-01"
        return day + "T00:00:00Z"
    }

    // MARK: steps

    private struct Item {
        var people: [String]
        var tags: [String]
        var published: String?
        var storedOn: String?
        var captionSegments: Int?
        var duration: Double?
    }

    private func libraryItem(_ slug: Slug, source: ContentSource) throws(ScoreFailure) -> Item {
        let path = layout.path(.libraryItem, slug)
        let bytes: [UInt8]
        switch source.read(path, limit: JSONParseOptions.defaultMaxBytes) {
        case .success(let read): bytes = read
        case .failure(let error):
            if error.reason == .notFound {
                let known = FileSystem.list(layout.folder(.libraryItem)).filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
                let suggestions = NearestNames.suggest(for: slug.rawValue, among: known)
                var message = "no library item for \"\(slug)\": \(display(path)) does not exist"
                if !suggestions.isEmpty { message += "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?" }
                throw ScoreFailure(slug: slug, kind: .environment, message: message)
            }
            throw ScoreFailure(slug: slug, kind: .environment, message: "\(display(path)): \(error.message)")
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes).root
        } catch {
            let shown = display(path)
            let finding = Finding(at: error.offset, .error, error.message, rule: error.ruleID)
            throw ScoreFailure(
                slug: slug, kind: .findings, message: "\(shown): cannot read the library item",
                diagnostics: [finding.diagnostic(path: shown, source: SourceText(bytes))])
        }
        let facts = LibraryItemFacts(root)
        let source = root["source"]
        return Item(
            people: facts.people, tags: root["tags"]?.arrayValue?.compactMap(\.stringValue) ?? [],
            published: facts.published, storedOn: source?["storedOn"]?.stringValue,
            captionSegments: source?["captionSegments"]?.numberValue?.intValue, duration: facts.durationSeconds)
    }

    /// The map must pass its own schema and the map rules before it is written.
    private func check(_ text: String, path: String, slug: Slug) throws(ScoreFailure) {
        let bytes = Array(text.utf8)
        let shown = display(path)
        guard let root = try? JSONParser.parse(bytes).root else {
            throw ScoreFailure(slug: slug, kind: .environment, message: "\(shown): internal error: the map is not valid JSON")
        }
        let findings = schemas.checker(for: .perspectiveMap).findings(for: root) + MapRules.check(
            CheckedFile(kind: .perspectiveMap, stem: slug.rawValue, root: root),
            context: CheckContext(layout: layout, today: "9999-12-31", items: [:], maps: [:]) { _ in nil })
        guard findings.isEmpty else {
            let source = SourceText(bytes)
            throw ScoreFailure(
                slug: slug, kind: .findings, message: "\(shown): the scored map does not pass its schema; nothing written",
                diagnostics: findings.map { $0.diagnostic(path: shown + " (not written)", source: source) })
        }
    }

    /// Writes atomically; an identical file is left alone.
    private func write(_ text: String, to path: String, slug: Slug) throws(ScoreFailure) -> ScoreReport.Write {
        let bytes = Array(text.utf8)
        if let existing = try? FileSystem.read(path, limit: ScoreRun.transcriptLimit), existing == bytes { return .unchanged }
        let folder = layout.folder(.perspectiveMap)
        if !FileSystem.isDirectory(folder), mkdir(folder, 0o755) != 0, !FileSystem.isDirectory(folder) {
            throw ScoreFailure(
                slug: slug, kind: .environment, message: "cannot create \(display(folder)): \(FileSystem.errnoText())")
        }
        do {
            try FileSystem.writeAtomically(bytes, to: path, replace: true)
        } catch {
            throw ScoreFailure(slug: slug, kind: .environment, message: "cannot write \(display(path)): \(error.message)")
        }
        return .written
    }

    private func display(_ path: String) -> String {
        PathDisplay.relative(path, to: displayDirectory)
    }
}
