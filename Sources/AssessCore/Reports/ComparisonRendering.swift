/// One item's comparison in words, for `assess diff` and `assess show`: text for the terminal and
/// Markdown for a pull-request comment. Numbers for people carry a real minus sign.
enum ComparisonRendering {
    static let fieldWidth = 15

    // MARK: text

    /// Writes the detail lines of a comparison (without the item's heading).
    static func write(_ c: ItemComparison, style: TerminalStyle, width: Int, into out: inout TextBuffer) {
        let wrapWidth = max(30, width - (2 + fieldWidth))
        var value = TextBuffer(capacity: 256)
        // Writes the value written so far under `name`, and clears it for the next field.
        func field(_ name: String) {
            value.withBytes {
                Wrapping.writeField(name, $0, labelWidth: fieldWidth, width: wrapWidth, into: &out)
            }
            value.removeAll()
        }
        writeVerdict(c, style: style, into: &value)
        field("verdict")
        writeHeadline(c, style: style, into: &value)
        field("headline")
        if writeRange(c, into: &value) { field("slice range") }
        writeAgreement(c.lens, style: style, into: &value)
        field("lens")
        writeAgreement(c.confidence, style: style, into: &value)
        field("confidence")
        writeAgreement(c.evidenceMode, style: style, into: &value)
        field("evidence mode")
        writeEmphases(c.emphases, into: &value)
        field("emphases")
        c.keyMoments.writeSummary(into: &value)
        field("key moments")
        writeMomentsTable(c.keyMoments, style: style, into: &out)
        c.review.writeSummary(forPeople: true, into: &value)
        field("review")
    }

    /// Lines under a field's name start here.
    private static let indent = String(repeating: " ", count: 2 + fieldWidth)

    /// Writes the verdict and its reasons: "major disagreement: bands differ: …; delta +20.44 …".
    static func writeVerdict(_ c: ItemComparison, style: TerminalStyle, into out: inout TextBuffer) {
        guard let verdict = c.verdict else {
            return style.write(.dim, into: &out) { out in
                out.append("none: the assessment has no listen score yet (")
                out.append(c.listen.status.rawValue)
                out.append(")")
            }
        }
        style.write(verdict.phrase, TerminalStyle.Paint(verdict), into: &out)
        for (index, reason) in c.reasons.enumerated() {
            out.append(index == 0 ? ": " : "; ")
            out.append(reason.message(forPeople: true))
        }
    }

    /// "machine −14.44 mixed (headline score) · listen 6 mixed · delta +20.44 · bands agree".
    static func headlineText(_ c: ItemComparison, style: TerminalStyle) -> String {
        TextBuffer.text { writeHeadline(c, style: style, into: &$0) }
    }

    /// Writes `headlineText`.
    static func writeHeadline(_ c: ItemComparison, style: TerminalStyle, into out: inout TextBuffer) {
        out.append("machine ")
        style.write(c.machine.band.paint, into: &out) { writeScore(c.machine.score, band: c.machine.band, into: &$0) }
        out.append(" (headline score)")
        guard let score = c.listen.score, let band = c.listen.band, let headline = c.headline else {
            return out.append(" · listen: no score yet")
        }
        out.append(" · listen ")
        style.write(band.paint, into: &out) { writeScore(score, band: band, into: &$0) }
        out.append(" · delta ")
        NumberFormat.writeDelta(headline.delta, into: &out)
        out.append(" · ")
        if headline.bandsAgree {
            style.write("bands agree", .green, into: &out)
        } else {
            style.write("bands differ", .red, into: &out)
        }
    }

    /// "−14.44 mixed".
    static func writeScore(_ score: Double, band: Band, into out: inout TextBuffer) {
        NumberFormat.writeScore(score, into: &out)
        out.append(" ")
        out.append(band.rawValue)
    }

    /// What `writeRange` writes, or nil.
    static func rangeText(_ c: ItemComparison) -> String? {
        var out = TextBuffer(capacity: 128)
        return writeRange(c, into: &out) ? out.string : nil
    }

    /// Writes where the listen score falls among the slice scores; false, writing nothing, when
    /// there are no slice statistics or no listen score.
    static func writeRange(_ c: ItemComparison, into out: inout TextBuffer) -> Bool {
        guard let stats = c.machine.stats, let score = c.listen.score, let headline = c.headline else { return false }
        func inside(_ flag: Bool?) -> StaticString { flag == true ? "inside" : "outside" }
        out.append("listen ")
        NumberFormat.writeScore(score, into: &out)
        out.append(" is ")
        out.append(inside(headline.insideP10P90))
        out.append(" p10–p90 (")
        NumberFormat.writeRange(stats.p10, stats.p90, into: &out)
        out.append(") and ")
        out.append(inside(headline.insideMinMax))
        out.append(" the slice spread (")
        NumberFormat.writeRange(stats.min, stats.max, into: &out)
        out.append(")")
        return true
    }

    /// "machine technical · listen technical: agree".
    static func agreementText(_ a: ItemComparison.FieldAgreement, style: TerminalStyle) -> String {
        TextBuffer.text { writeAgreement(a, style: style, into: &$0) }
    }

    /// Writes `agreementText`.
    static func writeAgreement(_ a: ItemComparison.FieldAgreement, style: TerminalStyle, into out: inout TextBuffer) {
        out.append("machine ")
        out.append(a.machine ?? "—")
        out.append(" · listen ")
        out.append(a.listen ?? "—")
        out.append(": ")
        switch a.agree {
        case true?: style.write("agree", .green, into: &out)
        case false?: style.write("differ", .yellow, into: &out)
        case nil: style.write("not compared", .dim, into: &out)
        }
    }

    /// "shared: none · machine only: alignment, control · listen only: audit".
    static func emphasesText(_ e: ItemComparison.Emphases) -> String {
        TextBuffer.text { writeEmphases(e, into: &$0) }
    }

    /// Writes `emphasesText`.
    static func writeEmphases(_ e: ItemComparison.Emphases, into out: inout TextBuffer) {
        func list(_ terms: [String]) {
            guard !terms.isEmpty else { return out.append("none") }
            for (index, term) in terms.enumerated() {
                if index > 0 { out.append(", ") }
                out.append(term)
            }
        }
        out.append("shared: ")
        list(e.shared)
        out.append(" · machine only: ")
        list(e.machineOnly)
        out.append(" · listen only: ")
        list(e.listenOnly)
    }

    /// Writes the key moments as a table under the fields' values:
    /// "1  00:04:41  listen −30  slice 3 (00:04:00 to 00:06:00) −5  delta −25  label".
    static func writeMomentsTable(_ k: KeyMomentComparison, style: TerminalStyle, into out: inout TextBuffer) {
        guard !k.moments.isEmpty else { return }
        let placed = k.placement == .placed
        var table = TextTable(
            header: placed ? ["#", "at", "listen", "slice", "machine", "delta", "moment"] : ["#", "at", "listen", "moment"],
            rightAligned: placed ? [2, 4, 5] : [2])
        for (number, moment) in k.moments.enumerated() {
            table.add { $0.append(SliceArc.markScalar(number)) }
            table.add(moment.at)
            table.add { NumberFormat.writeScore(moment.score, into: &$0) }
            if placed {
                if let slice = moment.slice, let delta = moment.delta {
                    table.add { out in
                        out.append(decimal: slice.index)
                        out.append(" (")
                        ClockTime.write(Int(slice.startSeconds), into: &out)
                        out.append(" to ")
                        ClockTime.write(Int(slice.endSeconds.rounded()), into: &out)
                        out.append(")")
                    }
                    table.add { NumberFormat.writeScore(slice.score, into: &$0) }
                    table.add { NumberFormat.writeDelta(delta, into: &$0) }
                } else {
                    table.add("none covers it")
                    table.add("")
                    table.add("")
                }
            }
            table.add { writeTruncated(moment.label, 60, into: &$0) }
            table.endRow()
        }
        table.write(style: style, indent: indent, into: &out)
    }

    /// Writes the arc and the spectrum strip of `map`, with the editor's key moments and listen score when given.
    static func writePictures(
        map: PerspectiveMap, moments: KeyMomentComparison?, listen: Double?, width: Int, style: TerminalStyle,
        into out: inout TextBuffer
    ) {
        out.append("  ")
        style.write("episode arc", .bold, into: &out)
        out.append(" (early to late; height and colour by score)\n")
        SliceArc.write(slices: map.slices, thresholds: map.thresholds, moments: moments, width: width, style: style, into: &out)
        out.append("\n  ")
        style.write("spectrum", .bold, into: &out)
        out.append(" (one row per marker; bands change at the thresholds)\n")
        SpectrumStrip.write(
            markers: SpectrumStrip.markers(map: map, listen: listen), thresholds: map.thresholds, width: width, style: style, into: &out)
    }

    /// `text` on one line in at most `limit` characters, cut with "…" when longer.
    static func truncated(_ text: String, _ limit: Int) -> String {
        TextBuffer.text { writeTruncated(text, limit, into: &$0) }
    }

    /// Writes `truncated(text, limit)`.
    static func writeTruncated(_ text: String, _ limit: Int, into out: inout TextBuffer) {
        var text = text
        let written = text.withUTF8 { bytes in
            // Printable ASCII has no line breaks and one character per byte.
            guard UTF8Text.printablePrefix(bytes) == bytes.count else { return false }
            if bytes.count <= limit {
                out.append(bytes: bytes)
            } else {
                out.append(bytes: UnsafeBufferPointer(rebasing: bytes[..<(limit - 1)]))
                out.append("…")
            }
            return true
        }
        guard !written else { return }
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        out.append(single.count <= limit ? single : String(single.prefix(limit - 1)) + "…")
    }

    // MARK: markdown

    static func markdown(_ c: ItemComparison) -> String {
        let m = ReviewRendering.markdownText
        var out = ""
        if let verdict = c.verdict {
            let reasons = c.reasons.map { $0.message(forPeople: true) }
            out += "- **Verdict:** \(verdict.phrase)" + (reasons.isEmpty ? "" : " (\(m(reasons.joined(separator: "; "))))") + "\n"
        } else {
            out += "- **Verdict:** none: the assessment has no listen score yet (\(c.listen.status.rawValue))\n"
        }
        out += "- **Headline:** \(m(headlineText(c, style: .plain)))\n"
        if let range = rangeText(c) { out += "- **Slice range:** \(m(range))\n" }
        for (name, agreement) in [("Lens", c.lens), ("Confidence", c.confidence), ("Evidence mode", c.evidenceMode)] {
            out += "- **\(name):** \(m(agreementText(agreement, style: .plain)))\n"
        }
        out += "- **Emphases:** \(m(emphasesText(c.emphases)))\n"
        out += "- **Key moments:** \(m(c.keyMoments.summary))\n"
        out += "- **Review:** \(m(c.review.summary()))\n"
        if !c.keyMoments.moments.isEmpty {
            let placed = c.keyMoments.placement == .placed
            out += "\n| # | At | Listen |" + (placed ? " Slice | Machine | Delta |" : "") + " Moment |\n"
            out += "|---|---|---:|" + (placed ? "---|---:|---:|" : "") + "---|\n"
            for (number, moment) in c.keyMoments.moments.enumerated() {
                out += "| \(SliceArc.markCharacter(number)) | \(moment.at) | \(NumberFormat.score(moment.score)) |"
                if placed {
                    if let slice = moment.slice, let delta = moment.delta {
                        out += " \(slice.index) | \(NumberFormat.score(slice.score)) | \(NumberFormat.delta(delta)) |"
                    } else {
                        out += " none covers it | | |"
                    }
                }
                out += " \(m(moment.label)) |\n"
            }
        }
        return out
    }
}
