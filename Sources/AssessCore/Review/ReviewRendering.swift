/// How `assess review` prints field changes: aligned text for a terminal and
/// Markdown for a pull-request comment. (`--format json` encodes the
/// `FieldChange` array itself.)
public enum ReviewRendering {
    /// Words of unchanged context kept on each side of a change in a word diff.
    public static let contextWords = 4

    /// Field names are padded to the longest one, up to this many characters.
    static let maxFieldWidth = 40

    // MARK: text

    /// One change per line: a marker (`+` added, `-` removed, `~` changed),
    /// the field padded to a common width, then what changed:
    ///
    ///     ~ status             draft -> reviewed
    ///     ~ perspective.score  -5 -> -20 (-15)
    ///     + keyMoments         +1 (00:41:10 score 25 "Grokking…")
    ///     ~ emphases           +grokking, -control
    ///     ~ summary            … the residual stream, [-attention-]{+attention heads+} as …
    ///
    /// Word diffs use `git diff --word-diff=plain` markers, so the text reads
    /// the same with colour off; with colour on, additions are green, removals
    /// red and changes yellow. No trailing newline; "" when there are no changes.
    public static func text(_ changes: [FieldChange], style: TerminalStyle) -> String {
        guard !changes.isEmpty else { return "" }
        let labels = changes.map { ReviewValueText.safe($0.field.isEmpty ? FieldDiff.wholeFile : $0.field) }
        let width = min(maxFieldWidth, labels.map(\.count).max() ?? 0)
        var lines: [String] = []
        for (change, label) in zip(changes, labels) {
            let marker: String
            let colour: (String) -> String
            switch change.kind {
            case .added: (marker, colour) = ("+", style.green)
            case .removed: (marker, colour) = ("-", style.red)
            case .changed: (marker, colour) = ("~", style.yellow)
            }
            let detail = textDetail(change, style: style)
            var line = colour(marker) + " " + colour(label)
            if !detail.isEmpty {
                line += String.spaces(max(0, width - label.count)) + "  " + detail
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// A negative number for people: a real minus sign (U+2212), as every command's text output has.
    private static func minusSign(_ text: String) -> String {
        guard text.hasPrefix("-"), text.dropFirst().first?.isNumber == true, Double(text) != nil else { return text }
        return NumberFormat.display(text)
    }

    private static func textDetail(_ change: FieldChange, style: TerminalStyle) -> String {
        if change.path.isEmpty, change.kind == .removed { return style.red("file deleted") }
        if let words = change.words {
            return wordDiff(
                words, equal: { ReviewValueText.safe($0) },
                deleted: { style.red("[-" + ReviewValueText.safe($0) + "-]") },
                inserted: { style.green("{+" + ReviewValueText.safe($0) + "+}") },
                replacementSeparator: "", unchanged: "whitespace changed")
        }
        if change.added != nil || change.removed != nil {
            return itemsDetail(
                change, text: { ReviewValueText.safe($0) }, addedStyle: style.green, removedStyle: style.red)
        }
        let old = change.old.map { minusSign(ReviewValueText.safe(ReviewValueText.display(rendered: $0))) }
        let new = change.new.map { minusSign(ReviewValueText.safe(ReviewValueText.display(rendered: $0))) }
        switch change.kind {
        case .added: return style.green(new ?? "")
        case .removed: return style.red(old ?? "")
        case .changed:
            var detail = style.red(old ?? "") + " -> " + style.green(new ?? "")
            if let delta = change.delta { detail += " (" + minusSign(delta) + ")" }
            return detail
        }
    }

    // MARK: markdown

    /// A Markdown table for a pull-request comment:
    ///
    ///     | Kind | Field | Change |
    ///     |---|---|---|
    ///     | changed | `status` | `draft` → `reviewed` |
    ///     | changed | `summary` | … the residual stream, ~~attention~~ **attention heads** as … |
    ///
    /// Values and fields are code spans; word diffs show deleted words struck
    /// through and inserted words in bold. `|`, `*`, `_`, backticks, brackets,
    /// `<`, `>` and newlines in the content cannot break the table or its
    /// formatting. Ends with a newline; "" when there are no changes.
    public static func markdown(_ changes: [FieldChange]) -> String {
        guard !changes.isEmpty else { return "" }
        var lines = ["| Kind | Field | Change |", "|---|---|---|"]
        for change in changes {
            let field = change.field.isEmpty ? FieldDiff.wholeFile : change.field
            lines.append("| \(change.kind.rawValue) | \(markdownCode(field)) | \(markdownDetail(change)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdownDetail(_ change: FieldChange) -> String {
        if change.path.isEmpty, change.kind == .removed { return "file deleted" }
        if let words = change.words {
            return wordDiff(
                words, equal: { markdownText($0) }, deleted: { "~~" + markdownText($0) + "~~" },
                inserted: { "**" + markdownText($0) + "**" }, replacementSeparator: " ", unchanged: "whitespace changed")
        }
        if change.added != nil || change.removed != nil {
            return itemsDetail(change, text: { markdownText($0) }, addedStyle: { $0 }, removedStyle: { $0 })
        }
        let old = change.old.map { markdownCode(ReviewValueText.display(rendered: $0)) }
        let new = change.new.map { markdownCode(ReviewValueText.display(rendered: $0)) }
        switch change.kind {
        case .added: return new ?? ""
        case .removed: return old.map { "~~" + $0 + "~~" } ?? ""
        case .changed:
            var detail = (old ?? "") + " → " + (new ?? "")
            if let delta = change.delta { detail += " (" + markdownText(delta) + ")" }
            return detail
        }
    }

    /// Escapes text so that Markdown shows it literally, on one line, inside a table cell.
    public static func markdownText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#", "&", "!":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n":
                result += "<br>"
            default:
                result += ReviewValueText.safe(String(character))
            }
        }
        return result
    }

    /// A code span that holds any text: a fence longer than any backtick run
    /// inside, `|` escaped for the table, line breaks as spaces.
    public static func markdownCode(_ text: String) -> String {
        var body = ""
        var longestRun = 0
        var run = 0
        for character in text {
            if character == "`" {
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
            }
            switch character {
            case "|": body += "\\|"
            case "\n", "\r", "\r\n": body += " "
            default: body += ReviewValueText.safe(String(character))
            }
        }
        let fence = String.repeated("`", count: longestRun + 1)
        let padding = body.hasPrefix("`") || body.hasSuffix("`") ? " " : ""
        return fence + padding + body + padding + fence
    }

    // MARK: shared

    /// `+1 (00:41:10 …)` / `-1 (…)` for elements matched by key; `+grokking, -control` for set members.
    private static func itemsDetail(
        _ change: FieldChange, text: (String) -> String,
        addedStyle: (String) -> String, removedStyle: (String) -> String
    ) -> String {
        let added = change.added ?? []
        let removed = change.removed ?? []
        // Set members are strings; anything else is an element of an array of objects.
        if (added + removed).contains(where: { !$0.value.hasPrefix("\"") }) {
            var parts: [String] = []
            if !added.isEmpty {
                parts.append(addedStyle("+\(added.count) (" + added.map { text($0.summary) }.joined(separator: "; ") + ")"))
            }
            if !removed.isEmpty {
                parts.append(removedStyle("-\(removed.count) (" + removed.map { text($0.summary) }.joined(separator: "; ") + ")"))
            }
            return parts.joined(separator: ", ")
        }
        return (added.map { addedStyle("+" + text($0.summary)) } + removed.map { removedStyle("-" + text($0.summary)) })
            .joined(separator: ", ")
    }

    /// Joins word-diff segments, eliding long unchanged runs to `contextWords`
    /// words on each side of a change (a run is cut only when that drops at
    /// least two words). A deletion and the insertion that replaces it are
    /// joined by `replacementSeparator`, other segments by a space.
    static func wordDiff(
        _ segments: [WordSegment], equal: (String) -> String, deleted: (String) -> String,
        inserted: (String) -> String, replacementSeparator: String, unchanged: String
    ) -> String {
        guard segments.contains(where: { $0.kind != .equal }) else { return unchanged }
        let k = contextWords
        var result = ""
        for (index, segment) in segments.enumerated() {
            if index > 0 {
                result += segments[index - 1].kind == .deleted && segment.kind == .inserted ? replacementSeparator : " "
            }
            switch segment.kind {
            case .deleted: result += deleted(segment.text)
            case .inserted: result += inserted(segment.text)
            case .equal:
                let words = segment.text.split(separator: " ", omittingEmptySubsequences: true)
                let isFirst = index == 0
                let isLast = index == segments.count - 1
                var text: String
                if isFirst, words.count > k + 1 {
                    text = "… " + words.suffix(k).joined(separator: " ")
                } else if isLast, words.count > k + 1 {
                    text = words.prefix(k).joined(separator: " ") + " …"
                } else if !isFirst, !isLast, words.count > 2 * k + 1 {
                    text = words.prefix(k).joined(separator: " ") + " … " + words.suffix(k).joined(separator: " ")
                } else {
                    text = words.joined(separator: " ")
                }
                result += equal(text)
            }
        }
        return result
    }
}
