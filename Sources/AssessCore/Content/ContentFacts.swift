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
        let bytes = text.utf8
        guard bytes.count == 8 else { return nil }
        var fields = [0, 0, 0]
        for (position, byte) in bytes.enumerated() {
            if position % 3 == 2 {
                guard byte == UInt8(ascii: ":") else { return nil }
                continue
            }
            let digit = Int(byte) - Int(UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9 else { return nil }
            fields[position / 3] = fields[position / 3] * 10 + digit
        }
        guard fields[1] < 60, fields[2] < 60 else { return nil }
        return fields[0] * 3600 + fields[1] * 60 + fields[2]
    }

    /// `HH:MM:SS` for a number of seconds (as `write(_:into:)` writes it).
    public static func format(_ seconds: Int) -> String {
        TextBuffer.text { write(seconds, into: &$0) }
    }
}
