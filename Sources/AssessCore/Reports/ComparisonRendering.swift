/// One item's comparison in words, for `assess diff` and `assess show`: text for the terminal and
/// Markdown for a pull-request comment. Numbers for people carry a real minus sign.
enum ComparisonRendering {
    static let fieldWidth = 15

    // MARK: text

    /// The detail lines of a comparison (without the item's heading).
    static func text(_ c: ItemComparison, style: TerminalStyle, width: Int) -> [String] {
        let indent = String.spaces(2 + fieldWidth)
        func field(_ name: String, _ value: String) -> String {
            let lines = Wrapping.wrap(value, width: max(30, width - indent.count))
            return "  " + name.padding(fieldWidth) + lines.joined(separator: "\n" + indent)
        }
        var lines: [String] = []
        lines.append(field("verdict", verdictText(c, style: style)))
        lines.append(field("headline", headlineText(c, style: style)))
        if let range = rangeText(c) { lines.append(field("slice range", range)) }
        for (name, agreement) in [("lens", c.lens), ("confidence", c.confidence), ("evidence mode", c.evidenceMode)] {
            lines.append(field(name, agreementText(agreement, style: style)))
        }
        lines.append(field("emphases", emphasesText(c.emphases)))
        lines.append(field("key moments", c.keyMoments.summary))
        for row in momentsTable(c.keyMoments, style: style) { lines.append(indent + row) }
        lines.append(field("review", c.review.summary()))
        return lines
    }

    static func verdictText(_ c: ItemComparison, style: TerminalStyle) -> String {
        guard let verdict = c.verdict else {
            return style.dim("none: the assessment has no listen score yet (\(c.listen.status.rawValue))")
        }
        let reasons = c.reasons.map { $0.message(forPeople: true) }
        return style.verdict(verdict, verdict.phrase) + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
    }

    static func headlineText(_ c: ItemComparison, style: TerminalStyle) -> String {
        let machine = "machine " + style.band(c.machine.band, "\(NumberFormat.score(c.machine.score)) \(c.machine.band.rawValue)")
            + " (headline score)"
        guard let score = c.listen.score, let band = c.listen.band, let headline = c.headline else {
            return machine + " · listen: no score yet"
        }
        let listen = "listen " + style.band(band, "\(NumberFormat.score(score)) \(band.rawValue)")
        let bands = headline.bandsAgree ? style.green("bands agree") : style.red("bands differ")
        return "\(machine) · \(listen) · delta \(NumberFormat.delta(headline.delta)) · \(bands)"
    }

    static func rangeText(_ c: ItemComparison) -> String? {
        guard let stats = c.machine.stats, let score = c.listen.score, let headline = c.headline else { return nil }
        func inside(_ flag: Bool?) -> String { flag == true ? "inside" : "outside" }
        return "listen \(NumberFormat.score(score)) is \(inside(headline.insideP10P90)) p10–p90 (\(NumberFormat.displayRange(stats.p10, stats.p90)))"
            + " and \(inside(headline.insideMinMax)) the slice spread (\(NumberFormat.displayRange(stats.min, stats.max)))"
    }

    static func agreementText(_ a: ItemComparison.FieldAgreement, style: TerminalStyle) -> String {
        let machine = a.machine ?? "—", listen = a.listen ?? "—"
        switch a.agree {
        case true?: return "machine \(machine) · listen \(listen): " + style.green("agree")
        case false?: return "machine \(machine) · listen \(listen): " + style.yellow("differ")
        case nil: return "machine \(machine) · listen \(listen): " + style.dim("not compared")
        }
    }

    static func emphasesText(_ e: ItemComparison.Emphases) -> String {
        func list(_ terms: [String]) -> String { terms.isEmpty ? "none" : terms.joined(separator: ", ") }
        return "shared: \(list(e.shared)) · machine only: \(list(e.machineOnly)) · listen only: \(list(e.listenOnly))"
    }

    /// "1  00:04:41  listen −30  slice 3 (00:04:00 to 00:06:00) −5  delta −25  label".
    static func momentsTable(_ k: KeyMomentComparison, style: TerminalStyle) -> [String] {
        guard !k.moments.isEmpty else { return [] }
        let placed = k.placement == .placed
        var rows: [[TextTable.Cell]] = []
        for (number, moment) in k.moments.enumerated() {
            var row = [
                TextTable.Cell(String(SliceArc.markCharacter(number))), TextTable.Cell(moment.at),
                TextTable.Cell(NumberFormat.score(moment.score)),
            ]
            if placed {
                if let slice = moment.slice, let delta = moment.delta {
                    row.append(TextTable.Cell("\(slice.index) (\(ClockTime.format(Int(slice.startSeconds))) to \(ClockTime.format(Int(slice.endSeconds.rounded()))))"))
                    row.append(TextTable.Cell(NumberFormat.score(slice.score)))
                    row.append(TextTable.Cell(NumberFormat.delta(delta)))
                } else {
                    row += [TextTable.Cell("none covers it"), TextTable.Cell(""), TextTable.Cell("")]
                }
            }
            row.append(TextTable.Cell(truncated(moment.label, 60)))
            rows.append(row)
        }
        let header = placed ? ["#", "at", "listen", "slice", "machine", "delta", "moment"] : ["#", "at", "listen", "moment"]
        return TextTable(header: header, rows: rows, rightAligned: placed ? [2, 4, 5] : [2]).render(style: style)
    }

    /// The arc and the spectrum strip.
    static func pictures(_ c: ItemComparison, map: PerspectiveMap, width: Int, style: TerminalStyle) -> [String] {
        var lines = ["  " + style.bold("episode arc") + " (early to late; height and colour by score)"]
        lines += SliceArc.render(slices: map.slices, thresholds: map.thresholds, moments: c.keyMoments, width: width, style: style)
        lines.append("")
        lines.append("  " + style.bold("spectrum") + " (one row per marker; bands change at the thresholds)")
        lines += SpectrumStrip.render(
            markers: SpectrumStrip.markers(map: map, listen: c.listen.score), thresholds: map.thresholds, width: width, style: style)
        return lines
    }

    static func truncated(_ text: String, _ limit: Int) -> String {
        // Printable ASCII has no line breaks and one character per byte.
        if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return single.count <= limit ? single : String(single.prefix(limit - 1)) + "…"
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
