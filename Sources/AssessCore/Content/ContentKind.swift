/// The three kinds of content file, each in its own folder with its own schema.
public enum ContentKind: String, Sendable, CaseIterable, Codable {
    case libraryItem = "library-item"
    case perspectiveMap = "perspective-map"
    case assessment = "transcript-assessment"

    /// The folder under `content/resources/` that holds this kind.
    public var folder: String {
        switch self {
        case .libraryItem: return "library"
        case .perspectiveMap: return "perspective-maps"
        case .assessment: return "transcript-assessments"
        }
    }

    /// The schema's file name under `schemas/`.
    public var schemaFileName: String { "\(rawValue).schema.json" }

    /// The kind whose folder is `name`, if any.
    public init?(folder name: String) {
        guard let kind = ContentKind.allCases.first(where: { $0.folder == name }) else { return nil }
        self = kind
    }
}

/// Where things live in a content repository (DESIGN §2).
public struct ContentLayout: Sendable {
    /// The repository's root folder (absolute, no trailing slash).
    public let root: String

    public init(root: String) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    public static let resourcesPath = "content/resources"
    public static let schemasPath = "schemas"
    public static let transcriptExtensions = ["vtt", "srt", "txt"]

    public var resources: String { root + "/" + ContentLayout.resourcesPath }
    public var schemas: String { root + "/" + ContentLayout.schemasPath }

    public func folder(_ kind: ContentKind) -> String { resources + "/" + kind.folder }

    /// The path of `slug`'s file of `kind`. The slug is already checked, so the path stays in its folder.
    public func path(_ kind: ContentKind, _ slug: Slug) -> String {
        folder(kind) + "/" + slug.rawValue + ".json"
    }

    /// Repository-relative path of `slug`'s file of `kind`.
    public func relativePath(_ kind: ContentKind, _ slug: Slug) -> String {
        ContentLayout.resourcesPath + "/" + kind.folder + "/" + slug.rawValue + ".json"
    }

    public var transcriptsFolder: String { resources + "/transcripts" }

    /// The candidate transcript paths of `slug`, in order of preference.
    public func transcriptCandidates(_ slug: Slug) -> [String] {
        ContentLayout.transcriptExtensions.map { transcriptsFolder + "/" + slug.rawValue + "." + $0 }
    }
}
