import AssessJSON

/// How serious a finding is. Errors fail a run; warnings are reported and pass.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about one file: where, how serious, what, and which rule said so.
public struct Diagnostic: Sendable, Equatable {
    /// The file, as it is shown to the user (relative to the current directory when possible).
    public var path: String
    /// 1-based line and column; nil for findings about a whole file that has no position.
    public var position: SourcePosition?
    public var severity: Severity
    public var message: String
    /// A stable identifier of the rule, printed as `[rule-id]`.
    public var ruleID: String
    /// The JSON Pointer of the value concerned, when there is one.
    public var pointer: String?
    public var expected: String?
    public var found: String?
    /// Further lines of context, printed under the finding as `note:` lines.
    public var notes: [String]
    /// The source line the position is on, for an excerpt under the finding.
    public var lineText: String?

    public init(
        path: String, position: SourcePosition?, severity: Severity, message: String, ruleID: String,
        pointer: String? = nil, expected: String? = nil, found: String? = nil, notes: [String] = [],
        lineText: String? = nil
    ) {
        self.lineText = lineText
        self.path = path
        self.position = position
        self.severity = severity
        self.message = message
        self.ruleID = ruleID
        self.pointer = pointer
        self.expected = expected
        self.found = found
        self.notes = notes
    }
}

/// The findings of one file, in the order they are printed.
public struct FileReport: Sendable {
    public var path: String
    public var diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// The outcome of a validation run over many files.
public struct ValidationSummary: Sendable {
    public var files: [FileReport]

    public init(files: [FileReport]) {
        self.files = files
    }

    public var fileCount: Int { files.count }
    public var errorCount: Int { files.reduce(0) { $0 + $1.errorCount } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warningCount } }
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
}
