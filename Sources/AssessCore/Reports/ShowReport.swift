/// `assess show <slug>`: everything known about one item, as the library page shows it, but with
/// every figure written correctly and labelled for what it is.
public struct ShowReport: Sendable {
    public var item: CorpusItem
    public var comparison: ItemComparison?

    public init(_ item: CorpusItem, thresholds: VerdictThresholds = .standard) {
        self.item = item
        comparison = ItemComparison(item, thresholds: thresholds)
    }

    public static func make(_ corpus: Corpus, slug: Slug, thresholds: VerdictThresholds = .standard) throws(UnknownItemError) -> ShowReport {
        ShowReport(try UnknownItemError.find(slug, in: corpus), thresholds: thresholds)
    }

    // MARK: the figures, in words (shared by text and Markdown)

    /// (label, value) lines about the library item.
    var libraryFacts: [(String, String)] {
        let library = item.library
        var facts: [(String, String)] = []
        var where_ = [library.show, library.published.map { "published " + $0 }].compactMap { $0 }
        if let shelf = library.shelf { where_.append("shelf: " + shelf) }
        if !where_.isEmpty { facts.append(("episode", where_.joined(separator: " · "))) }
        if !library.people.isEmpty { facts.append(("people", library.people.joined(separator: ", "))) }
        if let text = library.whyItMatters { facts.append(("why it matters", text)) }
        if let text = library.summary { facts.append(("summary", text)) }
        if let text = library.editorNote { facts.append(("editor note", text)) }
        if !library.tags.isEmpty { facts.append(("tags", library.tags.joined(separator: ", "))) }
        if let source = library.source {
            var parts: [String] = []
            let platform = source.platform.map { $0 == "youtube" ? "YouTube" : $0 } ?? "captions"
            parts.append(platform + (source.captions.map { " \($0) captions" } ?? " captions"))
            if let video = source.videoId { parts.append("video " + video) }
            if let stored = source.storedOn { parts.append("stored " + stored) }
            if let segments = source.captionSegments { parts.append(NumberFormat.count(segments) + " caption segments") }
            if let duration = source.durationSeconds { parts.append("duration " + ClockTime.format(Int(duration.rounded()))) }
            facts.append(("captions", parts.joined(separator: " · ")))
        }
        return facts
    }

    /// (label, value) lines about the machine's map.
    static func mapFacts(_ map: PerspectiveMap) -> [(String, String)] {
        var facts: [(String, String)] = []
        var made = [map.scorer.map { "scorer " + $0 }, map.generatedAt.map { "generated " + $0 }].compactMap { $0 }
        if let words = map.transcriptWords { made.append(NumberFormat.count(words) + " words scored") }
        if !made.isEmpty { facts.append(("made by", made.joined(separator: " · "))) }
        let headline = map.headline
        facts.append(("headline score", "\(NumberFormat.score(headline.score)) (\(headline.band.rawValue)): the scorer's placement of the whole episode"))
        let traits = [
            headline.lens.map { "lens " + $0 }, headline.confidence.map { "confidence " + $0 },
            headline.evidenceMode.map { "evidence mode " + $0 },
        ].compactMap { $0 }
        if !traits.isEmpty { facts.append(("reading", traits.joined(separator: " · "))) }
        if let stats = map.stats {
            let count = NumberFormat.count(stats.count)
            var slices = "\(count) slices"
            if let segments = map.transcriptSegments { slices += " of the transcript's \(NumberFormat.count(segments)) caption segments" }
            facts.append(("slices", slices))
            facts.append(("slice median", "\(NumberFormat.score(stats.median)): the median of the \(count) slice scores, not the headline"))
            facts.append(("slice mean", "\(NumberFormat.score(stats.mean)): the mean of the \(count) slice scores"))
            facts.append(("spread", "\(NumberFormat.displayRange(stats.min, stats.max)) (lowest to highest slice)"))
            facts.append(("p10–p90", NumberFormat.displayRange(stats.p10, stats.p90)))
            if let shares = stats.bandShares {
                let parts = NumberFormat.percentText(shares.values)
                facts.append(("band shares", "\(parts[0]) risk-forward / \(parts[1]) mixed / \(parts[2]) opportunity-forward (of \(count) slices)"))
            }
        } else {
            facts.append(("slices", "the map has no slice statistics"))
        }
        facts.append(("emphases", map.emphases.isEmpty ? "none" : map.emphases.joined(separator: ", ")))
        facts.append(("thresholds", map.thresholds.displaySummary))
        return facts
    }

    /// (label, value) lines about the assessment.
    static func assessmentFacts(_ a: Assessment, thresholds: BandThresholds) -> [(String, String)] {
        var facts: [(String, String)] = [("status", a.status.rawValue)]
        if let assessor = a.assessor { facts.append(("assessor", [assessor.name, assessor.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))) }
        for reviewer in a.reviewers {
            facts.append(("reviewer", [reviewer.name, reviewer.email.map { "<\($0)>" }, reviewer.reviewedOn.map { "on " + $0 }].compactMap { $0 }.joined(separator: " ")))
        }
        if let listen = a.listen {
            var parts = [listen.date.map { "on " + $0 }, listen.coverage].compactMap { $0 }
            if let from = listen.from, let to = listen.to { parts.append("\(from) to \(to)") }
            if let minutes = listen.minutes { parts.append(NumberFormat.plain(minutes) + " minutes") }
            facts.append(("listen", parts.joined(separator: " · ")))
        }
        let p = a.perspective
        if let score = p.score {
            facts.append(("listen score", "\(NumberFormat.score(score)) (\(a.listenBand(thresholds)?.rawValue ?? "no band"))"))
        } else {
            facts.append(("listen score", "none yet"))
        }
        let traits = [p.lens.map { "lens " + $0 }, p.confidence.map { "confidence " + $0 }, p.evidenceMode.map { "evidence mode " + $0 }].compactMap { $0 }
        if !traits.isEmpty { facts.append(("reading", traits.joined(separator: " · "))) }
        facts.append(("emphases", a.emphases.isEmpty ? "none" : a.emphases.joined(separator: ", ")))
        if let summary = a.summary { facts.append(("summary", summary)) }
        for moment in a.keyMoments {
            facts.append(("key moment", "\(moment.at) \(NumberFormat.score(moment.score)): \(moment.label)"))
        }
        if !a.captionCorrections.isEmpty {
            let list = a.captionCorrections.map { "\"\($0.heard)\" → \"\($0.correct)\"" + ($0.at.map { " (\($0))" } ?? "") }
            facts.append(("caption fixes", "\(a.captionCorrections.count): " + list.joined(separator: ", ")))
        }
        if let review = a.machineReview {
            var parts = [review.verdict.map { "verdict " + $0 }, review.scorer.map { "against " + $0 }].compactMap { $0 }
            if let headline = review.headlineScore { parts.append("reviewed headline " + NumberFormat.score(headline)) }
            facts.append(("machine review", parts.joined(separator: " · ")))
            if let note = review.note { facts.append(("review note", note)) }
        }
        if let note = a.editorNote { facts.append(("editor note", note)) }
        if let updated = a.updated { facts.append(("updated", updated)) }
        return facts
    }

    // MARK: text

    public func text(style: TerminalStyle, width: Int) -> String {
        let labelWidth = 16
        let wrapWidth = max(40, width - labelWidth - 2)
        func section(_ title: String, _ facts: [(String, String)]) -> [String] {
            var lines = ["", style.bold(title)]
            for (label, value) in facts {
                let wrapped = Wrapping.wrap(value, width: wrapWidth)
                for (index, line) in wrapped.enumerated() {
                    lines.append("  " + (index == 0 ? label : "").padding(labelWidth) + line)
                }
            }
            return lines
        }
        var lines = [style.bold(item.library.title), item.slug.rawValue]
        lines += section("Library item", libraryFacts)
        if let map = item.map {
            lines += section("Machine scores (perspective map)", Self.mapFacts(map))
            lines.append("")
            lines += pictureLines(map, width: width, style: style)
        } else {
            lines += ["", style.bold("Machine scores"), "  no perspective map yet (\(ContentLayout.resourcesPath)/perspective-maps/\(item.slug).json)"]
        }
        if let assessment = item.assessment {
            lines += section("Listen-based assessment", Self.assessmentFacts(assessment, thresholds: item.map?.thresholds ?? .standard))
        } else {
            lines += [
                "", style.bold("Listen-based assessment"),
                "  no assessment yet: start one with `assess new \(item.slug)`",
            ]
        }
        if let comparison {
            lines += ["", style.bold("Machine against listen")]
            lines += ComparisonRendering.text(comparison, style: style, width: width)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The arc and the strip, with the editor's moments and score when there is an assessment.
    func pictureLines(_ map: PerspectiveMap, width: Int, style: TerminalStyle) -> [String] {
        if let comparison { return ComparisonRendering.pictures(comparison, map: map, width: width, style: style) }
        var lines = ["  " + style.bold("episode arc") + " (early to late; height and colour by score)"]
        lines += SliceArc.render(slices: map.slices, thresholds: map.thresholds, moments: nil, width: width, style: style)
        lines.append("")
        lines.append("  " + style.bold("spectrum") + " (one row per marker; bands change at the thresholds)")
        lines += SpectrumStrip.render(
            markers: SpectrumStrip.markers(map: map, listen: nil), thresholds: map.thresholds, width: width, style: style)
        return lines
    }

    // MARK: markdown

    public func markdown() -> String {
        let m = ReviewRendering.markdownText
        func section(_ title: String, _ facts: [(String, String)]) -> String {
            "\n### \(title)\n\n" + facts.map { "- **\(m($0.0)):** \(m($0.1))\n" }.joined()
        }
        var out = "## \(m(item.library.title))\n\n`\(item.slug)`\n"
        out += section("Library item", libraryFacts)
        if let map = item.map {
            out += section("Machine scores (perspective map)", Self.mapFacts(map))
            out += "\n```text\n" + pictureLines(map, width: 80, style: .plain).joined(separator: "\n") + "\n```\n"
        } else {
            out += "\n### Machine scores\n\nNo perspective map yet.\n"
        }
        if let assessment = item.assessment {
            out += section("Listen-based assessment", Self.assessmentFacts(assessment, thresholds: item.map?.thresholds ?? .standard))
        } else {
            out += "\n### Listen-based assessment\n\nNo assessment yet: start one with `assess new \(item.slug)`.\n"
        }
        if let comparison {
            out += "\n### Machine against listen\n\n" + ComparisonRendering.markdown(comparison)
        }
        return out
    }

    // MARK: json

    struct JSONReport: Encodable {
        var slug: String
        var library: LibraryItem
        @NullWhenAbsent var map: PerspectiveMap?
        @NullWhenAbsent var assessment: Assessment?
        @NullWhenAbsent var comparison: ItemComparison?
    }

    public func json() -> String {
        ValidationOutput.encode(
            JSONReport(slug: item.slug.rawValue, library: item.library, map: item.map, assessment: item.assessment, comparison: comparison))
    }
}

extension BandThresholds {
    /// "risk-forward at or below −20, opportunity-forward at or above 20, mixed between".
    public var displaySummary: String {
        "risk-forward at or below \(NumberFormat.score(riskForwardAtOrBelow)), "
            + "opportunity-forward at or above \(NumberFormat.score(opportunityForwardAtOrAbove)), mixed between"
    }
}

/// Word wrapping for long prose in text output.
enum Wrapping {
    /// `text` in lines of at most `width` characters, broken at spaces (a longer word gets a line of its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        // Most values fit: no character is more than one UTF-8 byte, so a short text has no break.
        if text.utf8.count <= width, !text.utf8.contains(UInt8(ascii: "\n")) { return [text] }
        if let lines = wrapByBytes(text, width: width) { return lines }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineLength = 0  // in characters, kept as words are added rather than recounted
            for word in paragraph.split(separator: " ") {
                let wordLength = word.count
                if line.isEmpty {
                    line = String(word)
                    lineLength = wordLength
                } else if lineLength + 1 + wordLength <= width {
                    line += " "
                    line += word
                    lineLength += 1 + wordLength
                } else {
                    lines.append(line)
                    line = String(word)
                    lineLength = wordLength
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `wrap` on UTF-8 bytes, for text whose spaces and newlines are characters of their own
    /// (no "\r\n", no mark or joiner right after one); nil for other text. A word's length is
    /// its byte count when it is ASCII, else its count of characters.
    private static func wrapByBytes(_ text: String, width: Int) -> [String]? {
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        for index in bytes.indices where bytes[index] == space || bytes[index] == newline || bytes[index] == UInt8(ascii: "\r") {
            if bytes[index] == UInt8(ascii: "\r") { return nil }
            if index + 1 < bytes.count, bytes[index + 1] >= 0x80,
               let next = String(decoding: bytes[(index + 1)..<min(index + 5, bytes.count)], as: UTF8.self).unicodeScalars.first,
               joinsPrevious(next)
            {
                return nil
            }
        }
        var lines: [String] = []
        var line: [UInt8] = []
        var lineLength = 0
        var wordStart: Int? = nil
        var wordIsASCII = true
        func addWord(_ end: Int) {
            guard let start = wordStart else { return }
            let word = bytes[start..<end]
            let length = wordIsASCII ? word.count : String(decoding: word, as: UTF8.self).count
            if line.isEmpty {
                line.append(contentsOf: word)
                lineLength = length
            } else if lineLength + 1 + length <= width {
                line.append(space)
                line.append(contentsOf: word)
                lineLength += 1 + length
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
                line = Array(word)
                lineLength = length
            }
            wordStart = nil
            wordIsASCII = true
        }
        for (index, byte) in bytes.enumerated() {
            if byte == space {
                addWord(index)
            } else if byte == newline {
                addWord(index)
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                lineLength = 0
            } else {
                if wordStart == nil { wordStart = index }
                if byte >= 0x80 { wordIsASCII = false }
            }
        }
        addWord(bytes.count)
        lines.append(String(decoding: line, as: UTF8.self))
        return lines
    }

    /// Whether a scalar after a space would join it into one character (marks, joiners,
    /// emoji modifiers), so that splitting there by bytes would differ from splitting by characters.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return (0x1F3FB...0x1F3FF).contains(scalar.value)
        }
    }
}
