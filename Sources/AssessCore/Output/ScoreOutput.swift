/// Output formats of `assess score`.
public enum ScoreOutputFormat: String, Sendable, CaseIterable {
    case text
    case json
}

/// Renders `assess score` results for people (text) and scripts (JSON).
public enum ScoreOutput {
    // MARK: text

    /// The summary of one scored item, several lines, ending with a newline.
    public static func text(_ report: ScoreReport, style: TerminalStyle) -> String {
        let result = report.result
        let stats = result.stats
        let headline = result.headline
        func n(_ value: Double) -> String { NumberFormat.display(NumberFormat.plain(value)) }
        let unit: String
        switch result.plan.method {
        case .cues(let perSlice): unit = "\(plural(report.segments, "cue")), \(perSlice) per slice"
        case .words(let perSlice): unit = "\(plural(report.segments, "line")), \(perSlice) words per slice"
        case .evenSegments(let segments, let perSlice):
            unit = "as \(segments) even segments, \(perSlice) per slice"
        }
        var source = "\(report.format.displayName), \(unit); \(plural(result.words, "word"))"
        if report.nonSpeechMarkers > 0 {
            source += "; \(plural(report.nonSpeechMarkers, "non-speech marker")) left out"
        }
        var lines = [
            "\(style.bold("Scored \(report.slug)")): \(plural(stats.count, "slice")) from \(report.transcriptPath) (\(source))",
            "  headline \(n(headline.score)) \(headline.band.rawValue) · lens \(headline.lens) · confidence \(headline.confidence) · evidence \(headline.evidenceMode)",
            "  slices: median \(n(stats.median)) · mean \(n(stats.mean)) · min \(n(stats.min)) to max \(n(stats.max)) · p10 \(n(stats.p10)) to p90 \(n(stats.p90))",
            "  bands: \(NumberFormat.plain(stats.riskForward))% risk-forward · \(NumberFormat.plain(stats.mixed))% mixed · \(NumberFormat.plain(stats.opportunityForward))% opportunity-forward",
            "  emphases: \(result.emphases.isEmpty ? "none" : result.emphases.joined(separator: ", "))",
        ]
        if report.captionSuggestions.isEmpty {
            lines.append("  caption check: no likely mis-hearings of known names or terms")
        } else {
            lines.append("  caption check: \(plural(report.captionSuggestions.count, "likely mis-hearing")) (assess new prefills them as captionCorrections):")
            for suggestion in report.captionSuggestions {
                var detail = "\(suggestion.count)×"
                if let at = suggestion.at { detail += ", first at \(at)" }
                lines.append("    \(JSONSnippet.quoted(suggestion.heard)) -> \(suggestion.correct) (\(detail))")
            }
        }
        switch report.write {
        case .written: lines.append("Wrote \(report.mapPath)")
        case .unchanged: lines.append("Unchanged \(report.mapPath) (same bytes)")
        case .dryRun: lines.append("Dry run: \(report.mapPath) not written")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How slice `index` was scored, term by term, with the arithmetic of docs/scoring.md.
    public static func explain(_ report: ScoreReport, slice index: Int, damping: Double) -> String? {
        let result = report.result
        guard result.slices.indices.contains(index) else { return nil }
        let slice = result.slices[index]
        func n(_ value: Double, _ decimals: Int = 2) -> String { NumberFormat.plain(value, maxDecimals: decimals) }
        var where_ = "words \(slice.span.words.lowerBound)..<\(slice.span.words.upperBound)"
        if let start = slice.span.start, let end = slice.span.end {
            where_ += ", \(CueTiming.format(start)) to \(CueTiming.format(end))\(slice.span.estimated ? " (estimated)" : "")"
        }
        var lines = ["slice \(index) of \(report.slug): n = \(slice.words) words (\(where_))"]
        let matches = result.matches[slice.matches]
        if matches.isEmpty {
            lines.append("  no scored terms")
        } else {
            let rows = matches.map { match -> [String] in
                let sign = match.leaning == .riskForward ? "-" : "+"
                var how = "\(sign)\(n(match.weight))"
                if match.negated { how += " × -\(n(match.weight == 0 ? 0 : abs(match.contribution) / match.weight, 4))" }
                return [match.term, JSONSnippet.quoted(match.text), match.leaning.rawValue, how + (match.negated ? " (negated)" : ""), NumberFormat.signed(match.contribution)]
            }
            let header = ["term", "heard", "leaning", "weight", "c"]
            let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            for row in [header] + rows {
                let cells = row.enumerated().map { column, cell in
                    column == row.count - 1 ? cell : cell + String.spaces(widths[column] - cell.count)
                }
                lines.append("  " + cells.joined(separator: "  "))
            }
        }
        let denominator = damping * Double(slice.words) / 100
        lines.append("  S = sum of c = \(n(slice.signed, 4))")
        lines.append("  A = sum of |c| = \(n(slice.absolute, 4))")
        lines.append("  d × n / 100 = \(n(damping, 4)) × \(slice.words) / 100 = \(n(denominator, 4))")
        lines.append(
            "  score = 100 × S / (A + d × n / 100) = 100 × \(n(slice.signed, 4)) / (\(n(slice.absolute, 4)) + \(n(denominator, 4))) = \(n(slice.exact, 4)) -> \(n(slice.score))")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    // MARK: json

    struct JSONRun: Encodable {
        var items: [JSONItem]
        var summary: JSONSummary
    }

    struct JSONSummary: Encodable {
        var scored: Int
        var written: Int
        var unchanged: Int
        var failed: Int
    }

    struct JSONItem: Encodable {
        struct Transcript: Encodable {
            var path: String
            var format: String
            var segments: Int
            var words: Int
            var nonSpeechMarkers: Int
        }
        struct Stats: Encodable {
            var count: Int
            var median, mean, min, max, p10, p90: Double
            var bandShares: [String: Double]
        }
        struct Headline: Encodable {
            var score: Double
            var band, lens, confidence, evidenceMode: String
        }
        struct Suggestion: Encodable {
            var heard, correct: String
            var count: Int
            var at: String?
        }
        var slug: String
        var map: String?
        var write: String?
        var generatedAt: String?
        var transcript: Transcript?
        var slicing: String?
        var stats: Stats?
        var headline: Headline?
        var emphases: [String]?
        var captionSuggestions: [Suggestion]?
        var error: String?
        var diagnostics: [ValidationOutput.JSONDiagnostic]?
    }

    public static func json(_ results: [Result<ScoreReport, ScoreFailure>]) -> String {
        var items: [JSONItem] = []
        var summary = JSONSummary(scored: 0, written: 0, unchanged: 0, failed: 0)
        for result in results {
            switch result {
            case .success(let report):
                summary.scored += 1
                if report.write == .written { summary.written += 1 }
                if report.write == .unchanged { summary.unchanged += 1 }
                items.append(item(report))
            case .failure(let failure):
                summary.failed += 1
                items.append(
                    JSONItem(
                        slug: failure.slug?.rawValue ?? "", error: failure.message,
                        diagnostics: failure.diagnostics.map(ValidationOutput.jsonDiagnostic)))
            }
        }
        return ValidationOutput.encode(JSONRun(items: items, summary: summary))
    }

    static func item(_ report: ScoreReport) -> JSONItem {
        let result = report.result
        let stats = result.stats
        let headline = result.headline
        let slicing: String
        switch result.plan.method {
        case .cues(let perSlice): slicing = "\(perSlice) cues per slice"
        case .words(let perSlice): slicing = "\(perSlice) words per slice"
        case .evenSegments(let segments, let perSlice): slicing = "\(segments) even segments, \(perSlice) per slice"
        }
        return JSONItem(
            slug: report.slug.rawValue, map: report.mapPath, write: report.write.rawValue, generatedAt: report.generatedAt,
            transcript: .init(
                path: report.transcriptPath, format: report.format.rawValue, segments: report.segments, words: result.words,
                nonSpeechMarkers: report.nonSpeechMarkers),
            slicing: slicing,
            stats: .init(
                count: stats.count, median: stats.median, mean: stats.mean, min: stats.min, max: stats.max, p10: stats.p10,
                p90: stats.p90,
                bandShares: [
                    "riskForward": stats.riskForward, "mixed": stats.mixed, "opportunityForward": stats.opportunityForward,
                ]),
            headline: .init(
                score: headline.score, band: headline.band.rawValue, lens: headline.lens, confidence: headline.confidence,
                evidenceMode: headline.evidenceMode),
            emphases: result.emphases,
            captionSuggestions: report.captionSuggestions.map {
                JSONItem.Suggestion(heard: $0.heard, correct: $0.correct, count: $0.count, at: $0.at)
            })
    }
}

/// RFC 3339 timestamps for `generatedAt`, without a clock.
public enum Timestamp {
    /// True for `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with a real calendar date.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[10] == UInt8(ascii: "T"),
            CalendarDate.isWellFormed(String(decoding: bytes[0..<10], as: UTF8.self)),
            let time = ClockTime.seconds(String(decoding: bytes[11..<19], as: UTF8.self)), time < 86_400
        else { return false }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            let digits = rest.prefix { $0 >= 0x30 && $0 <= 0x39 }
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
        }
        if rest.elementsEqual("Z".utf8) { return true }
        guard rest.count == 6, rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") else { return false }
        let offset = String(decoding: rest.dropFirst(), as: UTF8.self).split(separator: ":")
        guard offset.count == 2, let hours = Int(offset[0]), let minutes = Int(offset[1]), offset[0].count == 2,
            offset[1].count == 2
        else { return false }
        return hours < 24 && minutes < 60
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970-01-01T00:00:00Z (e.g. `SOURCE_DATE_EPOCH`).
    public static func rfc3339(epochSeconds: Int64) -> String {
        let days = Int64((Double(epochSeconds) / 86_400).rounded(.down))
        let seconds = Int(epochSeconds - days * 86_400)
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String.repeated("0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(ClockTime.format(seconds))Z"
    }
}
