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

    /// The looks text can be given: bold, dim, or a colour (bold for red, yellow and blue).
    public enum Paint: Sendable {
        case bold, dim, red, yellow, green, cyan, blue

        /// The escape sequence that starts the look.
        var opening: String {
            switch self {
            case .bold: return "\u{1B}[1m"
            case .dim: return "\u{1B}[2m"
            case .red: return "\u{1B}[1;31m"
            case .yellow: return "\u{1B}[1;33m"
            case .green: return "\u{1B}[32m"
            case .cyan: return "\u{1B}[36m"
            case .blue: return "\u{1B}[1;34m"
            }
        }

        /// The escape sequence that ends any look.
        static let closing = "\u{1B}[0m"
    }

    /// `text` with `paint` (plain when colour is off).
    public func paint(_ paint: Paint, _ text: String) -> String {
        enabled ? paint.opening + text + Paint.closing : text
    }

    /// Writes what `body` writes, with `paint` when colour is on and there is one.
    func write(_ paint: Paint?, into out: inout TextBuffer, _ body: (inout TextBuffer) -> Void) {
        guard enabled, let paint else { return body(&out) }
        out.append(paint.opening)
        body(&out)
        out.append(Paint.closing)
    }

    /// Writes `text`, with `paint` when colour is on and there is one.
    @_disfavoredOverload
    func write(_ text: String, _ paint: Paint?, into out: inout TextBuffer) {
        write(paint, into: &out) { $0.append(text) }
    }

    /// Writes literal `text`, with `paint` when colour is on and there is one.
    func write(_ text: StaticString, _ paint: Paint?, into out: inout TextBuffer) {
        write(paint, into: &out) { $0.append(text) }
    }

    public func bold(_ text: String) -> String { paint(.bold, text) }
    public func dim(_ text: String) -> String { paint(.dim, text) }
    public func red(_ text: String) -> String { paint(.red, text) }
    public func yellow(_ text: String) -> String { paint(.yellow, text) }
    public func green(_ text: String) -> String { paint(.green, text) }
    public func cyan(_ text: String) -> String { paint(.cyan, text) }
    public func blue(_ text: String) -> String { paint(.blue, text) }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return red("error")
        case .warning: return yellow("warning")
        case .note: return blue("note")
        }
    }
}
