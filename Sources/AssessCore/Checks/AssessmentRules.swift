import AssessJSON

/// The semantic rules of a transcript assessment (DESIGN §2.4).
enum AssessmentRules {
    static let keyMomentOrder = "key-moment-order"
    static let keyMomentDuration = "key-moment-duration"
    static let captionHeard = "caption-heard"
    static let dateFuture = "date-future"
    static let listenBeforePublished = "listen-before-published"
    static let listenRange = "listen-range"
    static let fourEyes = "four-eyes"
    static let staleMachineReview = "machine-review-stale"
    static let machineReviewMap = "machine-review-map"
    static let placeholder = "placeholder"

    /// Statuses that claim a finished file.
    static let completeStatuses: Set<String> = ["in-review", "reviewed", "published"]
    static let reviewedStatuses: Set<String> = ["reviewed", "published"]

    static func check(_ file: CheckedFile<some JSONReadable>, context: CheckContext) -> [Finding] {
        let root = file.root
        let slug = try? Slug(file.stem)
        let status = root["status"]?.stringValue ?? "draft"
        let item = slug.flatMap { context.items[$0.rawValue] }
        let map = slug.flatMap { context.maps[$0.rawValue] }
        var findings: [Finding] = []
        findings += perspective(root, thresholds: map?.thresholds ?? .standard)
        findings += keyMoments(root, item: item)
        findings += dates(root, item: item, today: context.today)
        findings += listenRange(root)
        if reviewedStatuses.contains(status) { findings += fourEyes(root, status: status) }
        findings += machineReview(root, map: map, slug: file.stem)
        findings += placeholders(root, status: status)
        if let slug { findings += captionCorrections(root, transcript: { context.transcript(slug) }) }
        return findings
    }

    // MARK: perspective.band agrees with perspective.score

    static func perspective(_ root: some JSONReadable, thresholds: BandThresholds) -> [Finding] {
        guard let perspective = root["perspective"], let score = perspective["score"]?.doubleValue,
            let bandNode = perspective["band"], let band = bandNode.stringValue.flatMap(Band.init(rawValue:))
        else { return [] }
        return BandRule.check(
            score: score, band: band, bandNode: bandNode, pointer: "/perspective/band", thresholds: thresholds)
    }

    // MARK: keyMoments in time order and inside the episode

    static func keyMoments(_ root: some JSONReadable, item: LibraryItemFacts?) -> [Finding] {
        guard let moments = root["keyMoments"]?.elements else { return [] }
        var findings: [Finding] = []
        var previous: (seconds: Int, text: String)?
        for (index, moment) in moments.enumerated() {
            guard let atNode = moment["at"], let at = atNode.stringValue, let seconds = ClockTime.seconds(at) else {
                continue
            }
            var pointer: String { "/keyMoments/\(index)/at" }
            if let previous, seconds < previous.seconds {
                findings.append(
                    Finding(
                        at: atNode.offset, .error,
                        "key moment at \(at) comes before the previous one at \(previous.text); keep key moments in time order",
                        rule: keyMomentOrder, pointer: pointer, expected: "at or after \(previous.text)", found: at))
            }
            if let duration = item?.durationSeconds, Double(seconds) > duration {
                let end = ClockTime.format(Int(duration))
                findings.append(
                    Finding(
                        at: atNode.offset, .error, "key moment at \(at) is past the end of the episode (\(end))",
                        rule: keyMomentDuration, pointer: pointer, expected: "at most \(end)", found: at))
            }
            previous = (seconds, at)
        }
        return findings
    }

    // MARK: dates

    static func dates(_ root: some JSONReadable, item: LibraryItemFacts?, today: String) -> [Finding] {
        var findings: [Finding] = []
        func notFuture(_ node: (some JSONReadable)?, _ pointer: @autoclosure () -> String, _ what: String) {
            guard let node, let date = node.stringValue, CalendarDate.isWellFormed(date), date > today else { return }
            findings.append(
                Finding(
                    at: node.offset, .error, "\(what) \(date) is in the future (today is \(today))", rule: dateFuture,
                    pointer: pointer(), expected: "on or before \(today)", found: date))
        }
        let listenDate = root["listen"]?["date"]
        notFuture(listenDate, "/listen/date", "listen date")
        notFuture(root["updated"], "/updated", "updated date")
        for (index, reviewer) in (root["reviewers"]?.elementList ?? []).enumerated() {
            notFuture(reviewer["reviewedOn"], "/reviewers/\(index)/reviewedOn", "review date")
        }
        if let listenDate, let date = listenDate.stringValue, CalendarDate.isWellFormed(date),
            let published = item?.published, date < published
        {
            findings.append(
                Finding(
                    at: listenDate.offset, .error,
                    "listen date \(date) is before the episode was published (\(published))",
                    rule: listenBeforePublished, pointer: "/listen/date", expected: "on or after \(published)",
                    found: date))
        }
        return findings
    }

    // MARK: a partial listen runs forwards

    static func listenRange(_ root: some JSONReadable) -> [Finding] {
        guard let listen = root["listen"], let fromNode = listen["from"], let toNode = listen["to"],
            let from = fromNode.stringValue, let to = toNode.stringValue,
            let start = ClockTime.seconds(from), let end = ClockTime.seconds(to), end <= start
        else { return [] }
        return [
            Finding(
                at: toNode.offset, .error, "listen range ends (\(to)) at or before it starts (\(from))",
                rule: listenRange, pointer: "/listen/to", expected: "after \(from)", found: to)
        ]
    }

    // MARK: four eyes

    static func fourEyes(_ root: some JSONReadable, status: String) -> [Finding] {
        guard let assessor = root["assessor"] else { return [] }
        let assessorEmail = assessor["email"]?.stringValue.map(TextKeys.lowercased)
        let assessorName = assessor["name"]?.stringValue.map(TextKeys.words)
        var findings: [Finding] = []
        for (index, reviewer) in (root["reviewers"]?.elementList ?? []).enumerated() {
            let sameEmail = assessorEmail != nil && reviewer["email"]?.stringValue.map(TextKeys.lowercased) == assessorEmail
            let sameName = assessorName != nil && reviewer["name"]?.stringValue.map(TextKeys.words) == assessorName
            guard sameEmail || sameName else { continue }
            findings.append(
                Finding(
                    at: reviewer.offset, .error,
                    "the assessor cannot review their own assessment; a \(status) file needs a reviewer other than \(assessor["name"]?.stringValue ?? "the assessor")",
                    rule: fourEyes, pointer: "/reviewers/\(index)"))
        }
        return findings
    }

    // MARK: the machine map the editor compared against

    static func machineReview(_ root: some JSONReadable, map: PerspectiveMapFacts?, slug: String) -> [Finding] {
        guard let review = root["machineReview"] else { return [] }
        guard let map else {
            return [
                Finding(
                    at: review.offset, .warning,
                    "machineReview refers to a machine map, but there is no perspective map for \"\(slug)\"",
                    rule: machineReviewMap, pointer: "/machineReview")
            ]
        }
        var findings: [Finding] = []
        if let scoreNode = review["headlineScore"], let reviewed = scoreNode.doubleValue, let current = map.headlineScore,
            !NumberFormat.writesAlike(reviewed, current, decimals: 2)
        {
            findings.append(
                Finding(
                    at: scoreNode.offset, .warning,
                    "machine scores changed since this review: reviewed headline \(NumberFormat.plain(reviewed)), the map now says \(NumberFormat.plain(current))",
                    rule: staleMachineReview, pointer: "/machineReview/headlineScore",
                    expected: NumberFormat.plain(current), found: NumberFormat.plain(reviewed),
                    notes: ["compare with `assess diff \(slug)` and update machineReview"]))
        }
        if let scorerNode = review["scorer"], let reviewed = scorerNode.stringValue, let current = map.scorer,
            reviewed != current
        {
            findings.append(
                Finding(
                    at: scorerNode.offset, .warning,
                    "machine scores changed since this review: reviewed scorer \(reviewed), the map is now from \(current)",
                    rule: staleMachineReview, pointer: "/machineReview/scorer",
                    expected: JSONSnippet.quoted(current), found: JSONSnippet.quoted(reviewed)))
        }
        return findings
    }

    // MARK: placeholders left by `assess new`

    /// The marker `assess new` writes into text an editor must replace.
    static let placeholderMarker = placeholderBytes.description
    /// The same, for the quick test on raw bytes.
    private static let placeholderBytes: StaticString = "TODO"

    static func placeholders<Root: JSONReadable>(_ root: Root, status: String) -> [Finding] {
        // Most finished files hold no marker at all, which a tape tells without a walk.
        guard completeStatuses.contains(status), root.mayContain(placeholderBytes) else { return [] }
        var findings: [Finding] = []
        // The path is kept as each container and the position in it; keys are spelled out
        // only for a finding.
        var path: [(container: Root, position: Int)] = []
        let marker = Array(placeholderMarker.utf8)
        func pointer() -> JSONPointer {
            JSONPointer(tokens: path.map { step in
                guard let members = step.container.members else { return String(step.position) }
                return Array(members)[step.position].key
            })
        }
        func walk(_ node: Root) {
            if let starts = node.withStringBytes({ $0.starts(with: marker) }) {
                guard starts, let text = node.stringValue, text.hasPrefix(placeholderMarker) else { return }
                findings.append(
                    Finding(
                        at: node.offset, .error,
                        "placeholder left in \(status == "in-review" ? "an" : "a") \(status) file: replace \(JSONSnippet.quoted(String(text.prefix(40)))) with real text",
                        rule: placeholder, pointer: pointer().description))
            } else if let items = node.elements {
                for (index, item) in items.enumerated() {
                    path.append((node, index))
                    walk(item)
                    path.removeLast()
                }
            } else {
                var position = 0
                node.forEachMember { _, value in
                    path.append((node, position))
                    walk(value)
                    path.removeLast()
                    position += 1
                }
            }
        }
        walk(root)
        return findings
    }

    // MARK: caption corrections name text the captions really hold

    static func captionCorrections(_ root: some JSONReadable, transcript: () -> Transcript?) -> [Finding] {
        guard let corrections = root["captionCorrections"]?.elementList, !corrections.isEmpty,
            let text = transcript()
        else { return [] }
        var findings: [Finding] = []
        for (index, correction) in corrections.enumerated() {
            guard let heardNode = correction["heard"], let heard = heardNode.stringValue, !text.contains(heard) else {
                continue
            }
            findings.append(
                Finding(
                    at: heardNode.offset, .warning, "\(JSONSnippet.quoted(heard)) does not occur in the transcript",
                    rule: captionHeard, pointer: "/captionCorrections/\(index)/heard",
                    notes: ["copy the mis-heard words exactly as the captions spell them"]))
        }
        return findings
    }
}

