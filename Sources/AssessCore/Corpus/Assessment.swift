import AssessJSON

/// Where an assessment stands in the editorial workflow (DESIGN §2.3).
public enum AssessmentStatus: String, Sendable, Encodable, CaseIterable, Comparable {
    case draft
    case inReview = "in-review"
    case reviewed
    case published

    public var ordinal: Int { AssessmentStatus.allCases.firstIndex(of: self) ?? 0 }

    public static func < (a: AssessmentStatus, b: AssessmentStatus) -> Bool { a.ordinal < b.ordinal }
}

/// A listen-based assessment (DESIGN §2.3) as the reporting commands read it. A draft may lack
/// almost everything, so every field but the status is optional.
public struct Assessment: Sendable, Encodable {
    public struct Person: Sendable, Encodable {
        public var name: String?
        public var email: String?
        public var reviewedOn: String?
    }

    public struct Listen: Sendable, Encodable {
        public var date: String?
        public var coverage: String?
        public var minutes: Double?
        public var from: String?
        public var to: String?
    }

    /// The editor's placement on the spectrum.
    public struct Perspective: Sendable, Encodable {
        public var score: Double?
        public var band: Band?
        public var lens: String?
        public var confidence: String?
        public var evidenceMode: String?

        public init(score: Double? = nil, band: Band? = nil, lens: String? = nil, confidence: String? = nil, evidenceMode: String? = nil) {
            self.score = score
            self.band = band
            self.lens = lens
            self.confidence = confidence
            self.evidenceMode = evidenceMode
        }
    }

    public struct KeyMoment: Sendable, Encodable {
        /// HH:MM:SS as written.
        public var at: String
        /// `at` in seconds, nil when it is not a clock time.
        public var seconds: Int?
        public var score: Double
        public var label: String
        public var quote: String?

        public init(at: String, score: Double, label: String, quote: String? = nil) {
            self.at = at
            seconds = ClockTime.seconds(at)
            self.score = score
            self.label = label
            self.quote = quote
        }
    }

    public struct CaptionCorrection: Sendable, Encodable {
        public var heard: String
        public var correct: String
        public var at: String?
    }

    /// The machine map the editor compared against.
    public struct MachineReview: Sendable, Encodable {
        /// "name@version".
        public var scorer: String?
        public var headlineScore: Double?
        /// agree | partly | disagree
        public var verdict: String?
        public var note: String?

        public init(scorer: String? = nil, headlineScore: Double? = nil, verdict: String? = nil, note: String? = nil) {
            self.scorer = scorer
            self.headlineScore = headlineScore
            self.verdict = verdict
            self.note = note
        }
    }

    public var slug: String
    public var status: AssessmentStatus
    public var assessor: Person?
    public var reviewers: [Person]
    public var listen: Listen?
    public var summary: String?
    public var perspective: Perspective
    public var emphases: [String]
    public var keyMoments: [KeyMoment]
    public var captionCorrections: [CaptionCorrection]
    public var machineReview: MachineReview?
    public var editorNote: String?
    public var updated: String?

    public init(
        slug: String, status: AssessmentStatus, perspective: Perspective = Perspective(), emphases: [String] = [],
        keyMoments: [KeyMoment] = [], machineReview: MachineReview? = nil
    ) {
        self.slug = slug
        self.status = status
        assessor = nil
        reviewers = []
        listen = nil
        summary = nil
        self.perspective = perspective
        self.emphases = emphases
        self.keyMoments = keyMoments
        captionCorrections = []
        self.machineReview = machineReview
        editorNote = nil
        updated = nil
    }

    /// The listen score's band: as the editor wrote it, else from the score under `thresholds`.
    public func listenBand(_ thresholds: BandThresholds) -> Band? {
        perspective.band ?? perspective.score.map(thresholds.band(for:))
    }

    /// Reads an assessment; fails (with the reason) only when the status is missing or unknown.
    /// With `prose` false, `summary`, `editorNote`, the quotes of key moments and the note of
    /// `machineReview` stay nil.
    public static func read<Value: JSONReadable>(slug: String, _ root: Value, prose: Bool = true) -> Result<Assessment, CorpusReadError> {
        guard let raw = root["status"]?.stringValue, let status = AssessmentStatus(rawValue: raw) else {
            let known = AssessmentStatus.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(CorpusReadError(message: "assessment has no known status (one of \(known))", offset: root["status"]?.offset ?? root.offset))
        }
        func person(_ node: Value?) -> Person? {
            guard let node, node.isObject else { return nil }
            return Person(name: node["name"]?.stringValue, email: node["email"]?.stringValue, reviewedOn: node["reviewedOn"]?.stringValue)
        }
        let perspective = root["perspective"]
        var assessment = Assessment(
            slug: slug, status: status,
            perspective: Perspective(
                score: perspective?["score"]?.doubleValue,
                band: perspective?["band"]?.stringValue.flatMap(Band.init(rawValue:)),
                lens: perspective?["lens"]?.stringValue, confidence: perspective?["confidence"]?.stringValue,
                evidenceMode: perspective?["evidenceMode"]?.stringValue),
            emphases: root["emphases"]?.elements?.compactMap(\.stringValue) ?? [],
            keyMoments: (root["keyMoments"]?.elements)?.compactMap { node in
                guard let at = node["at"]?.stringValue, let score = node["score"]?.doubleValue else { return nil }
                return KeyMoment(at: at, score: score, label: node["label"]?.stringValue ?? "", quote: prose ? node["quote"]?.stringValue : nil)
            } ?? [])
        assessment.assessor = person(root["assessor"])
        assessment.reviewers = root["reviewers"]?.elements?.compactMap(person) ?? []
        if let listen = root["listen"], listen.isObject {
            assessment.listen = Listen(
                date: listen["date"]?.stringValue, coverage: listen["coverage"]?.stringValue,
                minutes: listen["minutes"]?.doubleValue, from: listen["from"]?.stringValue, to: listen["to"]?.stringValue)
        }
        assessment.summary = prose ? root["summary"]?.stringValue : nil
        assessment.captionCorrections =
            root["captionCorrections"]?.elements?.compactMap { node in
                guard let heard = node["heard"]?.stringValue, let correct = node["correct"]?.stringValue else { return nil }
                return CaptionCorrection(heard: heard, correct: correct, at: node["at"]?.stringValue)
            } ?? []
        if let review = root["machineReview"], review.isObject {
            assessment.machineReview = MachineReview(
                scorer: review["scorer"]?.stringValue, headlineScore: review["headlineScore"]?.doubleValue,
                verdict: review["verdict"]?.stringValue, note: prose ? review["note"]?.stringValue : nil)
        }
        assessment.editorNote = prose ? root["editorNote"]?.stringValue : nil
        assessment.updated = root["updated"]?.stringValue
        return .success(assessment)
    }
}
