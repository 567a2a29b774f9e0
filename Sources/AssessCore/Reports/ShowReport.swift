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
        var out = TextBuffer(capacity: 8192)
        func heading(_ title: String) {
            out.appendNewline()
            style.write(title, .bold, into: &out)
            out.appendNewline()
        }
        func section(_ title: String, _ facts: [(String, String)]) {
            heading(title)
            for (label, value) in facts { Wrapping.writeField(label, value, labelWidth: labelWidth, width: wrapWidth, into: &out) }
        }
        style.write(item.library.title, .bold, into: &out)
        out.appendNewline()
        out.append(item.slug.rawValue)
        out.appendNewline()
        section("Library item", libraryFacts)
        if let map = item.map {
            section("Machine scores (perspective map)", Self.mapFacts(map))
            out.appendNewline()
            writePictures(map, width: width, style: style, into: &out)
        } else {
            heading("Machine scores")
            out.append("  no perspective map yet (\(ContentLayout.resourcesPath)/perspective-maps/\(item.slug).json)\n")
        }
        if let assessment = item.assessment {
            section("Listen-based assessment", Self.assessmentFacts(assessment, thresholds: item.map?.thresholds ?? .standard))
        } else {
            heading("Listen-based assessment")
            out.append("  no assessment yet: start one with `assess new \(item.slug)`\n")
        }
        if let comparison {
            heading("Machine against listen")
            ComparisonRendering.write(comparison, style: style, width: width, into: &out)
        }
        return out.string
    }

    /// The arc and the strip, with the editor's moments and score when there is an assessment.
    func writePictures(_ map: PerspectiveMap, width: Int, style: TerminalStyle, into out: inout TextBuffer) {
        ComparisonRendering.writePictures(
            map: map, moments: comparison?.keyMoments, listen: comparison?.listen.score, width: width, style: style, into: &out)
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
            out += "\n```text\n" + TextBuffer.text { writePictures(map, width: 80, style: .plain, into: &$0) } + "```\n"
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
        var out = TextBuffer()
        var ends: [Int] = []
        var text = text
        text.withUTF8 { bytes in write(bytes, width: width, into: &out) { ends.append($0.count) } }
        ends.append(out.count)
        var start = 0
        return ends.map { end in
            defer { start = end }
            return out.withBytes { String(decoding: $0[start..<end], as: UTF8.self) }
        }
    }

    /// Writes `text` wrapped to `width`, each line ended by a newline and the lines after the
    /// first indented by `indent` spaces.
    static func write(_ text: String, width: Int, indent: Int = 0, into out: inout TextBuffer) {
        var text = text
        text.withUTF8 { write($0, width: width, indent: indent, into: &out) }
    }

    /// Writes the UTF-8 text `text` as `write(_:width:indent:into:)` does.
    static func write(_ text: UnsafeBufferPointer<UInt8>, width: Int, indent: Int = 0, into out: inout TextBuffer) {
        write(text, width: width, into: &out) { out in
            out.appendNewline()
            out.appendSpaces(indent)
        }
        out.appendNewline()
    }

    /// A labelled value: two spaces and `label` padded to `labelWidth` characters, then `value`
    /// wrapped to `width` with its later lines under its first.
    static func writeField(_ label: String, _ value: UnsafeBufferPointer<UInt8>, labelWidth: Int, width: Int, into out: inout TextBuffer) {
        out.append("  ")
        out.append(label, paddedTo: labelWidth)
        write(value, width: width, indent: 2 + labelWidth, into: &out)
    }

    /// `writeField` for a value held in a string.
    static func writeField(_ label: String, _ value: String, labelWidth: Int, width: Int, into out: inout TextBuffer) {
        var value = value
        value.withUTF8 { writeField(label, $0, labelWidth: labelWidth, width: width, into: &out) }
    }

    /// Writes the lines of `text` wrapped to `width`, calling `lineBreak` between them (not after the last).
    private static func write(
        _ text: UnsafeBufferPointer<UInt8>, width: Int, into out: inout TextBuffer, lineBreak: (inout TextBuffer) -> Void
    ) {
        // Most values fit: no character is more than one UTF-8 byte, so a short text has no break.
        if text.count <= width, !UTF8Text.containsNewline(text) { return out.append(bytes: text) }
        if splitsByBytes(text) { return writeByBytes(text, width: width, into: &out, lineBreak: lineBreak) }
        for (index, line) in linesByCharacters(String(decoding: text, as: UTF8.self), width: width).enumerated() {
            if index > 0 { lineBreak(&out) }
            out.append(line)
        }
    }

    /// Wrapping split at characters, for any text.
    private static func linesByCharacters(_ text: String, width: Int) -> [String] {
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

    /// Whether the text's spaces and newlines are characters of their own (no "\r\n", no mark
    /// or joiner right after one), so that splitting it by bytes splits it as by characters.
    private static func splitsByBytes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            guard byte <= UInt8(ascii: " ") else { continue }
            if byte == UInt8(ascii: "\r") { return false }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n"), index < text.count, text[index] >= 0x80,
                let (value, _) = UTF8Text.scalar(in: text, at: index), let next = Unicode.Scalar(value), joinsPrevious(next)
            {
                return false
            }
        }
        return true
    }

    /// The wrapping on UTF-8 bytes, for text that `splitsByBytes`. A word's length is its byte
    /// count when it is ASCII, else its count of characters. Words that stand one space apart in
    /// `text` and on one line are copied together.
    private static func writeByBytes(
        _ text: UnsafeBufferPointer<UInt8>, width: Int, into out: inout TextBuffer, lineBreak: (inout TextBuffer) -> Void
    ) {
        let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
        var lineLength = 0
        var lineHasWords = false
        var unwritten = 0..<0  // the end of the line, still to be copied from `text`
        func writeLine() {
            out.append(bytes: UnsafeBufferPointer(rebasing: text[unwritten]))
            unwritten = 0..<0
        }
        func addWord(_ word: Range<Int>, isASCII: Bool) {
            let length = isASCII ? word.count : UTF8Text.characterCount(UnsafeBufferPointer(rebasing: text[word]))
            if !lineHasWords {
                lineHasWords = true
                lineLength = length
                unwritten = word
            } else if lineLength + 1 + length <= width {
                lineLength += 1 + length
                if word.lowerBound == unwritten.upperBound + 1 {
                    unwritten = unwritten.lowerBound..<word.upperBound
                } else {
                    writeLine()
                    out.append(ascii: " ")
                    unwritten = word
                }
            } else {
                writeLine()
                lineBreak(&out)
                lineLength = length
                unwritten = word
            }
        }
        var index = 0
        while index < text.count {
            switch text[index] {
            case space:
                index += 1
            case newline:
                writeLine()
                lineBreak(&out)
                lineHasWords = false
                lineLength = 0
                index += 1
            default:
                // A word, up to the next space or newline.
                let start = index
                var bits: UInt8 = 0  // every byte of the word or'ed: ASCII while below 0x80
                repeat {
                    let byte = text[index]
                    if byte == space || byte == newline { break }
                    bits |= byte
                    index += 1
                } while index < text.count
                addWord(start..<index, isASCII: bits < 0x80)
            }
        }
        writeLine()
    }

    /// Whether a scalar after a space would join it into one character (marks, joiners,
    /// emoji modifiers), so that splitting there by bytes would differ from splitting by characters.
    private static func joinsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        // None does among Latin up to the combining marks (but the soft hyphen, a format
        // character), general punctuation but its format characters, arrows, operators, box
        // drawing and shapes: the text the reports write, told without looking up a category.
        let value = scalar.value
        if (value < 0x300 && value != 0xAD) || (0x2010...0x2027).contains(value) || (0x2030...0x205F).contains(value)
            || (0x2100...0x2BFF).contains(value)
        {
            return false
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return (0x1F3FB...0x1F3FF).contains(scalar.value)
        }
    }
}
