import AssessJSON

/// What the checks of other files need to know about a library item.
public struct LibraryItemFacts: Sendable {
    public var title: String?
    /// Publication date, YYYY-MM-DD.
    public var published: String?
    public var durationSeconds: Double?
    public var people: [String]

    public init(_ root: some JSONReadable) {
        title = root["title"]?.stringValue
        published = root["published"]?.stringValue.flatMap { CalendarDate.isWellFormed($0) ? $0 : nil }
        durationSeconds = root["source"]?["durationSeconds"]?.doubleValue
        people = root["people"]?.elements?.compactMap(\.stringValue) ?? []
    }
}

/// What the checks of an assessment need to know about its perspective map.
public struct PerspectiveMapFacts: Sendable {
    public var headlineScore: Double?
    public var headlineBand: Band?
    /// "name@version", as an assessment's `machineReview.scorer` names it.
    public var scorer: String?
    public var thresholds: BandThresholds

    public init(_ root: some JSONReadable) {
        let headline = root["headline"]
        headlineScore = headline?["score"]?.doubleValue
        headlineBand = headline?["band"]?.stringValue.flatMap(Band.init(rawValue:))
        let scorerObject = root["scorer"]
        if let name = scorerObject?["name"]?.stringValue, let version = scorerObject?["version"]?.stringValue {
            scorer = name + "@" + version
        }
        let scale = root["scale"]
        thresholds = BandThresholds(
            riskForwardAtOrBelow: scale?["riskForwardAtOrBelow"]?.doubleValue
                ?? BandThresholds.standard.riskForwardAtOrBelow,
            opportunityForwardAtOrAbove: scale?["opportunityForwardAtOrAbove"]?.doubleValue
                ?? BandThresholds.standard.opportunityForwardAtOrAbove
        )
    }
}

/// Calendar dates as the content writes them: `YYYY-MM-DD`, compared as text.
public enum CalendarDate {
    /// True for a real calendar date written `YYYY-MM-DD` (no 2026-13-01, no 2026-02-30).
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// Clock times as the content writes them: `HH:MM:SS`.
public enum ClockTime {
    /// Seconds from the start, or nil when not `HH:MM:SS` with minutes and seconds below 60.
    public static func seconds(_ text: String) -> Int? {
        // On the bytes where they lie (a native string is not copied), with no array made.
        var text = text
        return text.withUTF8 { bytes -> Int? in
            let colon = UInt8(ascii: ":")
            guard bytes.count == 8, bytes[2] == colon, bytes[5] == colon else { return nil }
            /// The two digits at `at` as a number.
            func field(_ at: Int) -> Int? {
                let tens = Int(bytes[at]) - Int(UInt8(ascii: "0")), ones = Int(bytes[at + 1]) - Int(UInt8(ascii: "0"))
                guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
                return tens * 10 + ones
            }
            guard let hours = field(0), let minutes = field(3), let seconds = field(6), minutes < 60, seconds < 60 else { return nil }
            return hours * 3600 + minutes * 60 + seconds
        }
    }

    /// `HH:MM:SS` for a number of seconds (as `write(_:into:)` writes it).
    public static func format(_ seconds: Int) -> String {
        TextBuffer.text { write(seconds, into: &$0) }
    }
}
