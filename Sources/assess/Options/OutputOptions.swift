import ArgumentParser
import AssessCore

/// Output formats of the reporting commands.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
    case markdown
}

/// Output formats of `assess status`.
enum StatusFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case json
}
