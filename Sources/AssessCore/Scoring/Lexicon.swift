import AssessJSON

/// A lexicon term as a sequence of word patterns: "loss of control", "manipulat*", "power-seeking".
/// Spaces and hyphens both separate words; a word ending in `*` matches every key it begins.
public struct TermPattern: Sendable, Hashable {
    public enum Word: Sendable, Hashable {
        case exact(String)
        case prefix(String)
    }

    public var text: String
    public var words: [Word]

    public init(_ text: String) {
        self.text = text
        words = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map { part in
            part.hasSuffix("*") ? .prefix(String(part.dropLast())) : .exact(String(part))
        }
    }

    /// True when a word ends in `*`.
    public var hasWildcard: Bool {
        words.contains { if case .prefix = $0 { return true } else { return false } }
    }

    /// The term with hyphens as spaces: two spellings of one term compare equal.
    var canonical: String {
        words.map { word in
            switch word {
            case .exact(let text): return text
            case .prefix(let text): return text + "*"
            }
        }.joined(separator: " ")
    }
}

/// Which way a scored term leans.
public enum Leaning: String, Sendable {
    case riskForward = "risk-forward"
    case opportunityForward = "opportunity-forward"

    /// -1 for risk-forward, +1 for opportunity-forward.
    public var sign: Double { self == .riskForward ? -1 : 1 }
}

/// The perspective lexicon (`content/lexicons/perspective.json`), read and checked.
/// The formulas that use it are in docs/scoring.md.
public struct Lexicon: Sendable {
    public struct ScoredTerm: Sendable {
        public var pattern: TermPattern
        public var weight: Double
        public var leaning: Leaning
    }

    public struct ConfidenceRule: Sendable {
        public var minMatches: Int
        public var minWords: Int
        public var highMatchesPer1000Words: Double
        public var highBandAgreement: Double
    }

    public var id: String
    public var version: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    public var thresholds: BandThresholds
    /// d: weight added to a score's denominator per 100 words.
    public var damping: Double
    public var negationWindow: Int
    public var negationFactor: Double
    public var negationTerms: [String]
    /// Risk-forward terms, then opportunity-forward terms, each in file order.
    public var scored: [ScoredTerm]
    public var neutral: [TermPattern]
    public var lenses: [(lens: String, terms: [TermPattern])]
    public var evidenceModes: [(mode: String, cues: [TermPattern])]
    public var emphasisTop: Int
    public var emphasisMinCount: Int
    public var emphasisTerms: [TermPattern]
    public var confidence: ConfidenceRule

    /// The formula version this build implements (the lexicon's `formula`).
    public static let formula = 1

    /// The scorer name written into maps; the version is the lexicon's.
    public static let scorerName = "assess-lexicon"

    /// Builds the lexicon from a document that passed its schema.
    init(_ root: JSONNode, sha256: String) {
        func strings(_ node: JSONNode?) -> [String] { node?.arrayValue?.compactMap(\.stringValue) ?? [] }
        id = root["id"]?.stringValue ?? ""
        version = root["version"]?.stringValue ?? ""
        self.sha256 = sha256
        thresholds = BandThresholds(
            riskForwardAtOrBelow: root["bands"]?["riskForwardAtOrBelow"]?.doubleValue ?? -20,
            opportunityForwardAtOrAbove: root["bands"]?["opportunityForwardAtOrAbove"]?.doubleValue ?? 20)
        damping = root["damping"]?.doubleValue ?? 4
        negationWindow = root["negation"]?["window"]?.numberValue?.intValue ?? 0
        negationFactor = root["negation"]?["factor"]?.doubleValue ?? 0
        negationTerms = strings(root["negation"]?["terms"])
        var scored: [ScoredTerm] = []
        for (key, leaning) in [("riskForward", Leaning.riskForward), ("opportunityForward", .opportunityForward)] {
            for entry in root[key]?.arrayValue ?? [] {
                guard let term = entry["term"]?.stringValue, let weight = entry["weight"]?.doubleValue else { continue }
                scored.append(ScoredTerm(pattern: TermPattern(term), weight: weight, leaning: leaning))
            }
        }
        self.scored = scored
        neutral = strings(root["neutral"]).map(TermPattern.init)
        lenses = (root["lenses"]?.arrayValue ?? []).map {
            ($0["lens"]?.stringValue ?? "", strings($0["terms"]).map(TermPattern.init))
        }
        evidenceModes = (root["evidenceModes"]?.arrayValue ?? []).map {
            ($0["mode"]?.stringValue ?? "", strings($0["cues"]).map(TermPattern.init))
        }
        emphasisTop = root["emphasis"]?["top"]?.numberValue?.intValue ?? 3
        emphasisMinCount = root["emphasis"]?["minCount"]?.numberValue?.intValue ?? 1
        emphasisTerms = strings(root["emphasis"]?["terms"]).map(TermPattern.init)
        let rule = root["confidence"]
        confidence = ConfidenceRule(
            minMatches: rule?["minMatches"]?.numberValue?.intValue ?? 0,
            minWords: rule?["minWords"]?.numberValue?.intValue ?? 0,
            highMatchesPer1000Words: rule?["highMatchesPer1000Words"]?.doubleValue ?? 0,
            highBandAgreement: rule?["highBandAgreement"]?.doubleValue ?? 1)
    }

    /// `name@version` as maps and assessments name the scorer.
    public var scorer: String { "\(Lexicon.scorerName)@\(version)" }

    // MARK: reading

    /// Reads, parses and checks the lexicon at `path` (default `content/lexicons/perspective.json`).
    public static func load(path: String? = nil, layout: ContentLayout, displayDirectory: String) throws(DataFileError)
        -> Lexicon
    {
        let path = path ?? layout.root + "/" + DataFileKind.lexicon.defaultRelativePath
        let file = try DataFileLoader.load(
            .lexicon, path: path, layout: layout, displayDirectory: displayDirectory, rules: LexiconRules.check)
        return Lexicon(file.root, sha256: SHA256.hex(file.bytes))
    }
}

/// What the lexicon schema cannot say: a term is listed once across the scored and neutral
/// lists, each lens and evidence mode once, the formula is one this build implements.
enum LexiconRules {
    static let duplicate = "lexicon-duplicate"
    static let formula = "lexicon-formula"

    static func check(_ root: JSONNode) -> [Finding] {
        var findings: [Finding] = []
        if let node = root["formula"], let value = node.numberValue?.intValue, value != Lexicon.formula {
            findings.append(
                Finding(
                    at: node.offset, .error, "this assess implements scoring formula \(Lexicon.formula), not \(value)",
                    rule: formula, pointer: "/formula"))
        }
        var seen: [String: String] = [:]
        func note(_ node: JSONNode?, _ pointer: String) {
            guard let node, let text = node.stringValue else { return }
            let canonical = TermPattern(text).canonical
            if let first = seen[canonical] {
                findings.append(
                    Finding(
                        at: node.offset, .error, "\(JSONSnippet.quoted(text)) is already listed at \(first); list a term once",
                        rule: duplicate, pointer: pointer))
            } else {
                seen[canonical] = pointer
            }
        }
        for list in ["riskForward", "opportunityForward"] {
            for (index, entry) in (root[list]?.arrayValue ?? []).enumerated() {
                note(entry["term"], "/\(list)/\(index)/term")
            }
        }
        for (index, node) in (root["neutral"]?.arrayValue ?? []).enumerated() { note(node, "/neutral/\(index)") }
        for (list, key) in [("lenses", "lens"), ("evidenceModes", "mode")] {
            var names: Set<String> = []
            for (index, entry) in (root[list]?.arrayValue ?? []).enumerated() {
                guard let node = entry[key], let name = node.stringValue else { continue }
                if !names.insert(name).inserted {
                    findings.append(
                        Finding(
                            at: node.offset, .error, "\(key) \(JSONSnippet.quoted(name)) is listed twice in \(list)",
                            rule: duplicate, pointer: "/\(list)/\(index)/\(key)"))
                }
            }
        }
        return findings
    }
}
