import AssessGit
import AssessJSON

/// The machine's headline beside the editor's score, for one item.
public struct MachineDelta: Sendable, Encodable {
    public var scorer: String?
    public var headlineScore: Double
    public var headlineBand: Band
    public var listenScore: Double
    public var listenBand: Band
    /// listen - machine.
    public var delta: Double
    public var bandsAgree: Bool

    public init?(map: PerspectiveMapFacts?, assessment: JSONNode?) {
        guard let map, let headline = map.headlineScore, let listen = assessment?["perspective"]?["score"]?.doubleValue
        else { return nil }
        scorer = map.scorer
        headlineScore = headline
        headlineBand = map.headlineBand ?? map.thresholds.band(for: headline)
        listenScore = listen
        listenBand = map.thresholds.band(for: listen)
        // Scores are stored to 2 decimals: round the difference there, so JSON never shows 3.799999999999999.
        delta = ((listen - headline) * 100).rounded() / 100
        bandsAgree = headlineBand == listenBand
    }

    /// "machine −14.44 (mixed) · listen 6 (mixed) · delta +20.44 · bands agree"
    public func text(style: TerminalStyle) -> String {
        let machine = NumberFormat.display(NumberFormat.plain(headlineScore))
        let listen = NumberFormat.display(NumberFormat.plain(listenScore))
        let delta = NumberFormat.display(NumberFormat.signed(self.delta))
        let agreement = bandsAgree ? style.green("bands agree") : style.red("bands differ")
        return "machine \(machine) (\(headlineBand.rawValue)) · listen \(listen) (\(listenBand.rawValue)) · delta \(delta) · \(agreement)"
    }
}

/// `assess review`: what a commit would record, assessment by assessment.
public struct ReviewReport: Sendable {
    public struct Item: Sendable {
        public var change: ContentChange
        public var fieldChanges: [FieldChange]
        public var diagnostics: [Diagnostic]
        public var machine: MachineDelta?
    }

    public var items: [Item]

    /// Reviews the changed assessments (all of them, or those of `slugs`).
    public static func make(
        workspace: Workspace, repository: GitRepository, schemas: ContentSchemas, today: String, slugs: [Slug]
    ) throws(GitError) -> ReviewReport {
        var changes = try ContentChanges.collect(repository, kinds: [.assessment])
        if !slugs.isEmpty {
            let wanted = Set(slugs.map(\.rawValue))
            changes = changes.filter { wanted.contains($0.stem) || wanted.contains(ContentTarget(path: $0.oldPath ?? "", kind: .assessment).stem) }
        }
        let layout = workspace.layout
        let source = WorkingTreeSource(root: layout.root)
        let validator = ContentValidator(
            layout: layout, schemas: schemas,
            options: .init(today: today, displayDirectory: workspace.currentDirectory))
        let targets = changes.filter { !$0.isDeleted }.map { ContentTarget(path: layout.root + "/" + $0.path, kind: .assessment) }
        var diagnostics: [String: [Diagnostic]] = [:]
        for (target, report) in zip(targets, validator.validate(targets).files) {
            diagnostics[target.path] = report.diagnostics
        }
        var items: [Item] = []
        for change in changes {
            let old = try repository.blobAtHead(change.oldPath ?? change.path).flatMap { try? JSONParser.parse($0).root }
            let absolute = layout.root + "/" + change.path
            let new = change.isDeleted ? nil : (try? source.read(absolute, limit: JSONParseOptions.defaultMaxBytes).get())
                .flatMap { try? JSONParser.parse($0).root }
            let map = (try? Slug(change.stem)).flatMap { slug in
                (try? source.read(layout.path(.perspectiveMap, slug), limit: JSONParseOptions.defaultMaxBytes).get())
                    .flatMap { try? JSONParser.parse($0).root }
            }.map(PerspectiveMapFacts.init)
            // A file that exists but does not parse (a conflicted one) is not a deletion: its validation says why.
            let fieldChanges = !change.isDeleted && new == nil ? [] : FieldDiff.diff(old: old, new: new)
            items.append(
                Item(
                    change: change, fieldChanges: fieldChanges,
                    diagnostics: diagnostics[absolute] ?? [], machine: MachineDelta(map: map, assessment: new)))
        }
        return ReviewReport(items: items)
    }

    public var errorCount: Int { items.reduce(0) { $0 + $1.diagnostics.filter { $0.severity == .error }.count } }

    // MARK: text

    public func text(style: TerminalStyle, currentDirectory: String, root: String) -> String {
        guard !items.isEmpty else { return "No assessment changes against HEAD: nothing to review.\n" }
        var blocks: [String] = []
        for item in items {
            let path = PathDisplay.relative(root + "/" + item.change.path, to: currentDirectory)
            var header = style.bold(path) + "  (" + item.change.summary
            if let transition = item.change.statusTransition { header += ", " + transition }
            header += ")"
            var lines = [header]
            let fields = ReviewRendering.text(item.fieldChanges, style: style)
            if !fields.isEmpty { lines.append(fields.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")) }
            if item.change.isDeleted {
                lines.append("  validation: - (deleted)")
            } else if item.diagnostics.isEmpty {
                lines.append("  validation: " + style.green("valid"))
            } else {
                let errors = item.diagnostics.filter { $0.severity == .error }.count
                let warnings = item.diagnostics.count - errors
                lines.append("  validation: " + (errors > 0 ? style.red : style.yellow)("\(ValidationOutput.plural(errors, "error")), \(ValidationOutput.plural(warnings, "warning"))"))
                for diagnostic in item.diagnostics {
                    let position = diagnostic.position.map { "\($0.line):\($0.column): " } ?? ""
                    lines.append("    \(position)\(style.severity(diagnostic.severity)): \(diagnostic.message) [\(diagnostic.ruleID)]")
                }
            }
            if let machine = item.machine {
                lines.append("  " + machine.text(style: style))
            } else if !item.change.isDeleted {
                lines.append("  machine: no perspective map or no listen score to compare")
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        let errors = errorCount
        let footer = "\(ValidationOutput.plural(items.count, "assessment")) to commit" + (errors > 0 ? ", \(ValidationOutput.plural(errors, "error")): assess commit will refuse until they are fixed" : "")
        return blocks.joined(separator: "\n\n") + "\n\n" + footer + "\n"
    }

    // MARK: markdown

    public func markdown() -> String {
        guard !items.isEmpty else { return "No assessment changes against HEAD.\n" }
        var out = ""
        for item in items {
            out += "### `\(item.change.path)` (\(item.change.summary)"
            if let transition = item.change.statusTransition { out += ", \(ReviewRendering.markdownText(transition))" }
            out += ")\n\n"
            let table = ReviewRendering.markdown(item.fieldChanges)
            out += table.isEmpty ? "No field changes.\n" : table
            out += "\n"
            if item.change.isDeleted {
                out += "**Validation:** deleted\n"
            } else if item.diagnostics.isEmpty {
                out += "**Validation:** valid\n"
            } else {
                out += "**Validation:**\n\n"
                for diagnostic in item.diagnostics {
                    let position = diagnostic.position.map { "line \($0.line), column \($0.column): " } ?? ""
                    out += "- \(diagnostic.severity.rawValue): \(position)\(ReviewRendering.markdownText(diagnostic.message)) `\(diagnostic.ruleID)`\n"
                }
            }
            if let machine = item.machine {
                out += "\n**Machine:** \(ReviewRendering.markdownText(machine.text(style: .plain)))\n"
            }
            out += "\n"
        }
        return out
    }

    // MARK: json

    struct JSONItem: Encodable {
        var path: String
        var oldPath: String?
        var change: String
        var statusAtHead: String?
        var status: String?
        var fields: [FieldChange]
        var valid: Bool?
        var diagnostics: [ValidationOutput.JSONDiagnostic]
        var machine: MachineDelta?
    }

    public func json() -> String {
        ValidationOutput.encode(
            items.map {
                JSONItem(
                    path: $0.change.path, oldPath: $0.change.oldPath, change: $0.change.summary,
                    statusAtHead: $0.change.statusAtHead, status: $0.change.statusNow, fields: $0.fieldChanges,
                    valid: $0.change.isDeleted ? nil : !$0.diagnostics.contains { $0.severity == .error },
                    diagnostics: $0.diagnostics.map(ValidationOutput.jsonDiagnostic), machine: $0.machine)
            })
    }
}
