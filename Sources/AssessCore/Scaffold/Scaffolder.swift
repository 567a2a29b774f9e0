import AssessJSON

/// Why `assess new` wrote nothing.
public enum ScaffoldError: Error, Sendable, CustomStringConvertible {
    case noLibraryItem(slug: String, path: String, suggestions: [String])
    case unreadableLibraryItem(path: String, position: SourcePosition?, message: String)
    case exists(path: String)
    case write(FileError)

    public var description: String {
        switch self {
        case .noLibraryItem(let slug, let path, let suggestions):
            var text = "no library item for \"\(slug)\": \(path) does not exist"
            if !suggestions.isEmpty {
                text += "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?"
            }
            return text
        case .unreadableLibraryItem(let path, let position, let message):
            return "\(path)\(position.map { ":\($0.line):\($0.column)" } ?? ""): cannot read the library item: \(message)"
        case .exists(let path):
            return "\(path) already exists; use --force to overwrite it"
        case .write(let error):
            return "cannot write \(error.path): \(error.message)"
        }
    }
}

/// A new assessment, written.
public struct ScaffoldResult: Sendable {
    /// Repository-relative path of the file written.
    public var relativePath: String
    public var path: String
    /// Things the editor should know (e.g. no machine map to prefill from).
    public var notes: [String]
}

/// Writes the first draft of an assessment, prefilled from what the repository knows.
public struct Scaffolder: Sendable {
    public var layout: ContentLayout
    /// Today's date, YYYY-MM-DD.
    public var today: String
    /// The editor writing it; nil leaves a placeholder.
    public var assessor: (name: String, email: String)?

    public init(layout: ContentLayout, today: String, assessor: (name: String, email: String)?) {
        self.layout = layout
        self.today = today
        self.assessor = assessor
    }

    public func scaffold(_ slug: Slug, force: Bool) throws(ScaffoldError) -> ScaffoldResult {
        let target = layout.path(.assessment, slug)
        let relative = layout.relativePath(.assessment, slug)
        if !force, FileSystem.exists(target) { throw .exists(path: relative) }

        let item = try libraryItem(slug)
        var notes: [String] = []
        let map = readOptional(layout.path(.perspectiveMap, slug))
        if map == nil {
            notes.append("no perspective map for \"\(slug)\" yet: machineReview left out (run `assess score \(slug)` when the transcript is in)")
        }
        let corrections = captionSuggestions(slug, item: item, notes: &notes)
        let document = Scaffolder.document(
            slug: slug, item: item, map: map, today: today, assessor: assessor, captionCorrections: corrections)
        let bytes = Array(JSONWriter.write(document).utf8)
        if !FileSystem.isDirectory(layout.folder(.assessment)) {
            throw .write(FileError(path: relative, reason: .system("folder \(ContentLayout.resourcesPath)/\(ContentKind.assessment.folder) does not exist")))
        }
        do {
            try FileSystem.writeAtomically(bytes, to: target, replace: force)
        } catch {
            if error.reason == .exists { throw .exists(path: relative) }
            throw .write(FileError(path: relative, reason: error.reason))
        }
        return ScaffoldResult(relativePath: relative, path: target, notes: notes)
    }

    private func libraryItem(_ slug: Slug) throws(ScaffoldError) -> JSONNode {
        let path = layout.path(.libraryItem, slug)
        let relative = layout.relativePath(.libraryItem, slug)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: JSONParseOptions.defaultMaxBytes)
        } catch {
            if error.reason == .notFound {
                let known = FileSystem.list(layout.folder(.libraryItem)).filter { $0.hasSuffix(".json") }
                    .map { String($0.dropLast(5)) }
                throw .noLibraryItem(
                    slug: slug.rawValue, path: relative,
                    suggestions: NearestNames.suggest(for: slug.rawValue, among: known))
            }
            throw .unreadableLibraryItem(path: relative, position: nil, message: error.message)
        }
        do {
            return try JSONParser.parse(bytes).root
        } catch {
            throw .unreadableLibraryItem(path: relative, position: error.position, message: error.message)
        }
    }

    /// Likely caption mis-hearings of the item's people and the glossary's names and terms, as
    /// suggestions for the editor to check against the audio (none without a transcript).
    private func captionSuggestions(_ slug: Slug, item: JSONNode, notes: inout [String]) -> [CaptionSuggestion] {
        let source = WorkingTreeSource(root: layout.root)
        for path in layout.transcriptCandidates(slug) {
            guard let format = TranscriptFormat(path: path),
                case .success(let bytes) = source.read(path, limit: ScoreRun.transcriptLimit)
            else { continue }
            let transcript = TranscriptReader.read(bytes, format: format).transcript
            var glossary: Glossary?
            do {
                glossary = try Glossary.load(layout: layout, displayDirectory: layout.root)
            } catch {
                notes.append("glossary not used: \(error.description)")
            }
            let people = item["people"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let suggestions = CaptionCheck.suggestions(in: transcript, people: people, glossary: glossary)
            if !suggestions.isEmpty {
                let list = suggestions.prefix(3).map { "\"\($0.heard)\" -> \($0.correct)" }.joined(separator: ", ")
                notes.append(
                    "prefilled \(suggestions.count) caption correction\(suggestions.count == 1 ? "" : "s") from the transcript (\(list)\(suggestions.count > 3 ? ", ..." : "")): check each against the audio")
            }
            return suggestions
        }
        return []
    }

    private func readOptional(_ path: String) -> JSONNode? {
        guard let bytes = try? FileSystem.read(path, limit: JSONParseOptions.defaultMaxBytes) else { return nil }
        return try? JSONParser.parse(bytes).root
    }

    /// The marker of text the editor must replace; a finished file holding one fails validation.
    public static let placeholder = AssessmentRules.placeholderMarker

    /// The draft document. Key order follows the schema.
    static func document(
        slug: Slug, item: JSONNode, map: JSONNode?, today: String, assessor: (name: String, email: String)?,
        captionCorrections: [CaptionSuggestion] = []
    ) -> JSONNode {
        let title = item["title"]?.stringValue ?? slug.rawValue
        var root = JSONObject()
        root.set("$schema", .init(.string("../../../schemas/\(ContentKind.assessment.schemaFileName)")))
        root.set("schemaVersion", 1)
        root.set("slug", .init(.string(slug.rawValue)))
        root.set("status", "draft")
        root.set(
            "assessor",
            [
                "name": .init(.string(assessor?.name ?? "\(placeholder): your name")),
                "email": .init(.string(assessor?.email ?? "\(placeholder)@example.invalid")),
            ])
        root.set("reviewers", [])
        var listen = JSONObject([
            JSONMember(key: "date", value: JSONNode(.string(today))),
            JSONMember(key: "coverage", value: "full"),
        ])
        if let seconds = item["source"]?["durationSeconds"]?.doubleValue, seconds > 0 {
            listen.set("minutes", .init(.number(JSONNumber((seconds / 60).rounded(.up)))))
        }
        root.set("listen", .init(.object(listen)))
        root.set(
            "summary",
            .init(
                .string(
                    "\(placeholder): your listen-based summary of \"\(title)\": what the episode argues, where it sits between risk-forward and opportunity-forward, and why (at least 200 characters)."
                )))
        var perspective = JSONObject()
        if let headline = map?["headline"] {
            // Facts about the episode's form, not a judgement: the editor sets score, band and confidence.
            if let lens = headline["lens"] { perspective.set("lens", JSONNode(lens.value)) }
            if let mode = headline["evidenceMode"] { perspective.set("evidenceMode", JSONNode(mode.value)) }
        }
        root.set("perspective", .init(.object(perspective)))
        root.set("emphases", [])
        root.set("keyMoments", [])
        root.set(
            "captionCorrections",
            JSONNode(
                .array(
                    captionCorrections.map { suggestion in
                        var correction = JSONObject([
                            JSONMember(key: "heard", value: JSONNode(.string(suggestion.heard))),
                            JSONMember(key: "correct", value: JSONNode(.string(suggestion.correct))),
                        ])
                        if let at = suggestion.at { correction.set("at", JSONNode(.string(at))) }
                        return JSONNode(.object(correction))
                    })))
        if let map, let name = map["scorer"]?["name"]?.stringValue, let version = map["scorer"]?["version"]?.stringValue,
            let score = map["headline"]?["score"]?.numberValue
        {
            root.set(
                "machineReview",
                [
                    "scorer": .init(.string("\(name)@\(version)")),
                    "headlineScore": .init(.number(score)),
                    "note": .init(
                        .string(
                            "\(placeholder): where your listening agrees and disagrees with the machine's reading (headline \(NumberFormat.plain(score.double)))."
                        )),
                ])
        }
        root.set("updated", .init(.string(today)))
        return JSONNode(.object(root))
    }
}
