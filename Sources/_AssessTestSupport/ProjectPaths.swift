import Foundation

/// Where the project and its neighbours are, from this file's own path.
public enum ProjectPaths {
    /// The package root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // _AssessTestSupport, Sources, root
        return url.path
    }()

    /// `../shared` beside the package, when present.
    public static var shared: String? {
        let path = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The seed page, when `../shared` is present.
    public static var seedPage: String? {
        guard let shared else { return nil }
        let path = shared + "/seed/000_c826d1af202b36c2.txt"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The caption transcript inside the seed page: the line after "Show full transcript".
    public static func seedTranscript() throws -> String? {
        guard let seedPage else { return nil }
        let text = try String(contentsOfFile: seedPage, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        guard let marker = lines.firstIndex(where: { $0.hasPrefix("Show full transcript") }) else { return nil }
        return lines[(marker + 1)...].first(where: { !$0.isEmpty })
    }
}
