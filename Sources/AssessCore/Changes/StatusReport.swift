import AssessGit

/// `assess status`: the content files that differ from HEAD, each with its validity.
public struct StatusReport: Sendable {
    public struct Entry: Sendable {
        public var change: ContentChange
        /// Findings of the working-tree version (zero for a deleted file).
        public var errors: Int
        public var warnings: Int
    }

    public var branch: String?
    public var entries: [Entry]

    /// Collects the changes and validates every changed file that still exists.
    public static func make(workspace: Workspace, repository: GitRepository, schemas: ContentSchemas, today: String)
        throws(GitError) -> StatusReport
    {
        let changes = try ContentChanges.collect(repository)
        let targets = changes.filter { !$0.isDeleted }.map {
            ContentTarget(path: workspace.layout.root + "/" + $0.path, kind: $0.kind)
        }
        let validator = ContentValidator(
            layout: workspace.layout, schemas: schemas,
            options: .init(today: today, displayDirectory: workspace.layout.root))
        var counts: [String: (Int, Int)] = [:]
        for file in validator.validate(targets).files { counts[file.path] = (file.errorCount, file.warningCount) }
        let entries = changes.map { change in
            let (errors, warnings) = counts[change.path] ?? (0, 0)
            return Entry(change: change, errors: errors, warnings: warnings)
        }
        return StatusReport(branch: repository.currentBranch, entries: entries)
    }

    // MARK: output

    public func text(style: TerminalStyle, currentDirectory: String, root: String) -> String {
        var lines: [String] = []
        lines.append(branch.map { "On branch \($0)" } ?? "HEAD detached")
        guard !entries.isEmpty else {
            lines.append("No content changes against HEAD.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Content changes against HEAD:")
        let rows = entries.map { entry -> [String] in
            let path = PathDisplay.relative(root + "/" + entry.change.path, to: currentDirectory)
            let shownPath = entry.change.oldPath.map {
                PathDisplay.relative(root + "/" + $0, to: currentDirectory) + " -> " + path
            } ?? path
            return [entry.change.summary, entry.change.stage, shownPath, entry.change.statusTransition ?? "", validity(entry)]
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (row, entry) in zip(rows, entries) {
            var cells = (0..<4).map { row[$0].padding(widths[$0]) }
            cells[0] = colour(cells[0], entry.change, style)
            let result = entry.errors > 0 ? style.red(row[4]) : entry.warnings > 0 ? style.yellow(row[4]) : style.green(row[4])
            lines.append("  " + cells.joined(separator: "  ") + "  " + result)
        }
        let invalid = entries.filter { $0.errors > 0 }.count
        if invalid > 0 {
            lines.append("")
            lines.append("\(ValidationOutput.plural(invalid, "file")) with errors: run `assess validate` for details.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func validity(_ entry: Entry) -> String {
        if entry.change.isDeleted { return "-" }
        if entry.errors == 0 && entry.warnings == 0 { return "valid" }
        var parts: [String] = []
        if entry.errors > 0 { parts.append(ValidationOutput.plural(entry.errors, "error")) }
        if entry.warnings > 0 { parts.append(ValidationOutput.plural(entry.warnings, "warning")) }
        return parts.joined(separator: ", ")
    }

    private func colour(_ text: String, _ change: ContentChange, _ style: TerminalStyle) -> String {
        switch change.summary {
        case "new": return style.green(text)
        case "deleted", "conflicted": return style.red(text)
        default: return style.yellow(text)
        }
    }

    struct JSONEntry: Encodable {
        var path: String
        var oldPath: String?
        var kind: String
        var change: String
        var stage: String
        var statusAtHead: String?
        var status: String?
        var valid: Bool?
        var errors: Int
        var warnings: Int
    }

    struct JSONReport: Encodable {
        var branch: String?
        var clean: Bool
        var changes: [JSONEntry]
    }

    public func json() -> String {
        ValidationOutput.encode(
            JSONReport(
                branch: branch, clean: entries.isEmpty,
                changes: entries.map {
                    JSONEntry(
                        path: $0.change.path, oldPath: $0.change.oldPath, kind: $0.change.kind.rawValue,
                        change: $0.change.summary, stage: $0.change.stage, statusAtHead: $0.change.statusAtHead,
                        status: $0.change.statusNow, valid: $0.change.isDeleted ? nil : $0.errors == 0,
                        errors: $0.errors, warnings: $0.warnings)
                }))
    }
}
