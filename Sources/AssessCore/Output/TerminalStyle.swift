/// ANSI styling, on only when the output is a terminal and `NO_COLOR` is unset.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour for a stream: a terminal, `NO_COLOR` unset or empty, and `TERM` not "dumb".
    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return TerminalStyle(enabled: false) }
        if environment["TERM"] == "dumb" { return TerminalStyle(enabled: false) }
        return TerminalStyle(enabled: isTerminal)
    }

    public static let plain = TerminalStyle(enabled: false)

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func yellow(_ text: String) -> String { wrap(text, "1;33") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }
    public func blue(_ text: String) -> String { wrap(text, "1;34") }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return red("error")
        case .warning: return yellow("warning")
        case .note: return blue("note")
        }
    }
}
