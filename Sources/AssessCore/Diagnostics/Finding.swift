import AssessJSON

/// A finding placed by byte offset, before its file's line table is built.
/// Rules produce these; `SourceText` turns them into `Diagnostic`s only for files that have any.
public struct Finding: Sendable {
    public var offset: Int?
    public var severity: Severity
    public var message: String
    public var ruleID: String
    public var pointer: String?
    public var expected: String?
    public var found: String?
    public var notes: [String]

    public init(
        at offset: Int?, _ severity: Severity, _ message: String, rule ruleID: String,
        pointer: String? = nil, expected: String? = nil, found: String? = nil, notes: [String] = []
    ) {
        self.offset = offset
        self.severity = severity
        self.message = message
        self.ruleID = ruleID
        self.pointer = pointer
        self.expected = expected
        self.found = found
        self.notes = notes
    }

    public func diagnostic(path: String, source: SourceText?) -> Diagnostic {
        let position = offset.flatMap { source?.position(of: $0) }
        return Diagnostic(
            path: path, position: position, severity: severity, message: message, ruleID: ruleID,
            pointer: pointer, expected: expected, found: found, notes: notes,
            lineText: position.flatMap { source?.line($0.line) })
    }
}

/// Renders a JSON value in one short line for `expected`/`found`.
public enum JSONSnippet {
    public static func render(_ node: JSONNode, limit: Int = 60) -> String {
        var text: String
        switch node.value {
        case .null: text = "null"
        case .bool(let value): text = value ? "true" : "false"
        case .number(let number): text = number.literal
        case .string(let string): text = quoted(string)
        case .array(let items): text = items.isEmpty ? "[]" : "[…] (\(items.count) items)"
        case .object(let object): text = object.isEmpty ? "{}" : "{…} (\(object.count) properties)"
        }
        if text.count > limit { text = String(text.prefix(limit - 1)) + "…" }
        return text
    }

    public static func quoted(_ string: String) -> String {
        JSONWriter.quoted(string)
    }
}
