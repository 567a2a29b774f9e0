import AssessJSON
import Foundation

/// How `assess validate` prints its findings.
public enum ValidationOutputFormat: String, Sendable, CaseIterable {
    /// `path:line:col: error: message [rule]` with an excerpt, for people and editors.
    case text
    /// One JSON document on stdout, for scripts.
    case json
    /// GitHub Actions workflow commands (`::error file=,line=,col=::`), for CI annotations.
    case github
}

/// Renders a validation summary in each output format.
public enum ValidationOutput {
    // MARK: text

    /// One finding as a compiler prints it, with the source line and a caret when known.
    public static func text(_ diagnostic: Diagnostic, style: TerminalStyle) -> String {
        var location = diagnostic.path
        if let position = diagnostic.position { location += ":\(position.line):\(position.column)" }
        var lines = [
            "\(style.bold(location + ":")) \(style.severity(diagnostic.severity)): \(style.bold(diagnostic.message)) \(style.dim("[\(diagnostic.ruleID)]"))"
        ]
        if let position = diagnostic.position, let line = diagnostic.lineText, line.count <= 200 {
            let expanded = line.replacingOccurrences(of: "\t", with: " ")
            lines.append("    " + expanded)
            lines.append("    " + String.spaces(max(0, position.column - 1)) + style.green("^"))
        }
        var detail: [String] = []
        if let pointer = diagnostic.pointer { detail.append("at \(pointer)") }
        if let expected = diagnostic.expected { detail.append("expected \(expected)") }
        if let found = diagnostic.found { detail.append("found \(found)") }
        if !detail.isEmpty { lines.append("  " + style.dim(detail.joined(separator: "; "))) }
        for note in diagnostic.notes { lines.append("  \(style.severity(.note)): \(note)") }
        return lines.joined(separator: "\n")
    }

    /// "3 files checked: 0 errors, 1 warning".
    public static func summaryLine(_ summary: ValidationSummary) -> String {
        "\(plural(summary.fileCount, "file")) checked: \(plural(summary.errorCount, "error")), \(plural(summary.warningCount, "warning"))"
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    // MARK: json

    struct JSONReport: Encodable {
        struct File: Encodable {
            var path: String
            var valid: Bool
            var errors: Int
            var warnings: Int
            var diagnostics: [JSONDiagnostic]
        }
        struct Summary: Encodable {
            var files: Int
            var errors: Int
            var warnings: Int
        }
        var files: [File]
        var summary: Summary
    }

    struct JSONDiagnostic: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var severity: Severity
        var message: String
        var rule: String
        var pointer: String?
        var expected: String?
        var found: String?
        var notes: [String]
    }

    public static func json(_ summary: ValidationSummary) -> String {
        let report = JSONReport(
            files: summary.files.map { file in
                JSONReport.File(
                    path: file.path, valid: file.errorCount == 0, errors: file.errorCount, warnings: file.warningCount,
                    diagnostics: file.diagnostics.map(jsonDiagnostic))
            },
            summary: .init(files: summary.fileCount, errors: summary.errorCount, warnings: summary.warningCount))
        return encode(report)
    }

    static func jsonDiagnostic(_ d: Diagnostic) -> JSONDiagnostic {
        JSONDiagnostic(
            file: d.path, line: d.position?.line, column: d.position?.column, severity: d.severity,
            message: d.message, rule: d.ruleID, pointer: d.pointer, expected: d.expected, found: d.found,
            notes: d.notes)
    }

    /// Sorted keys, two-space indentation, a final newline: stable for scripts and diffs.
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        // Re-printed by the project's writer: the same layout as the content files.
        guard let document = try? JSONParser.parse([UInt8](data)) else { return String(decoding: data, as: UTF8.self) + "\n" }
        return JSONWriter.write(document.root)
    }

    // MARK: github

    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C,title=RULE::MESSAGE`.
    /// Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF.
    public static func github(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties = ["file=\(escapeProperty(diagnostic.path))"]
        if let position = diagnostic.position {
            properties.append("line=\(position.line)")
            properties.append("col=\(position.column)")
        }
        properties.append("title=\(escapeProperty(diagnostic.ruleID))")
        var message = diagnostic.message
        if let pointer = diagnostic.pointer { message += " (at \(pointer))" }
        for note in diagnostic.notes { message += "\nnote: \(note)" }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
