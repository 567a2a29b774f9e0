import AssessJSON

/// Names and terms spelled correctly (`content/glossary.json`), for the caption checks.
public struct Glossary: Sendable {
    public enum Kind: String, Sendable {
        case person
        case organisation
        case term
    }

    public struct Entry: Sendable, Equatable {
        public var term: String
        public var kind: Kind
        /// Known mis-hearings too far from the spelling for the edit-distance check.
        public var heardAs: [String]

        public init(term: String, kind: Kind, heardAs: [String] = []) {
            self.term = term
            self.kind = kind
            self.heardAs = heardAs
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads and checks the glossary; nil when the repository has none.
    public static func load(layout: ContentLayout, displayDirectory: String) throws(DataFileError) -> Glossary? {
        let path = layout.root + "/" + DataFileKind.glossary.defaultRelativePath
        let file: CheckedDataFile
        do {
            file = try DataFileLoader.load(.glossary, path: path, layout: layout, displayDirectory: displayDirectory)
        } catch {
            if case .missing = error { return nil }
            throw error
        }
        let entries = (file.root["entries"]?.arrayValue ?? []).compactMap { node -> Entry? in
            guard let term = node["term"]?.stringValue, let kind = node["kind"]?.stringValue.flatMap(Kind.init) else {
                return nil
            }
            return Entry(term: term, kind: kind, heardAs: node["heardAs"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
        return Glossary(entries: entries)
    }
}
