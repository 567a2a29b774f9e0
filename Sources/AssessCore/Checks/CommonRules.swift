import AssessJSON

/// Rules for every kind: the slug is the file's name, and the item exists.
enum CommonRules {
    static let slugFileName = "slug-file-name"
    static let libraryItemExists = "library-item-exists"

    static func check(_ file: CheckedFile<some JSONReadable>, context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let slugNode = file.root["slug"]
        if !Slug.isValid(file.stem) {
            findings.append(
                Finding(
                    at: 0, .error, "file name \"\(file.stem).json\" is not a valid slug; rename it to match its slug",
                    rule: slugFileName, notes: ["slugs match ^[a-z0-9]+(-[a-z0-9]+)*$, at most 100 characters"]))
        } else if let slugNode, let slug = slugNode.stringValue, slug != file.stem {
            findings.append(
                Finding(
                    at: slugNode.offset, .error, "slug \"\(slug)\" does not match the file name \"\(file.stem).json\"",
                    rule: slugFileName, pointer: "/slug", expected: JSONSnippet.quoted(file.stem),
                    found: JSONSnippet.quoted(slug)))
        }
        if file.kind != .libraryItem, Slug.isValid(file.stem), context.items[file.stem] == nil {
            let relative = ContentLayout.resourcesPath + "/" + ContentKind.libraryItem.folder + "/\(file.stem).json"
            findings.append(
                Finding(
                    at: slugNode?.offset ?? 0, .error, "no library item for \"\(file.stem)\": \(relative) does not exist",
                    rule: libraryItemExists, pointer: slugNode == nil ? nil : "/slug"))
        }
        return findings
    }
}

/// Rules for perspective maps.
enum MapRules {
    static func check(_ file: CheckedFile<some JSONReadable>, context: CheckContext) -> [Finding] {
        let thresholds = PerspectiveMapFacts(file.root).thresholds
        return headlineBand(file, thresholds: thresholds) + MapStatsRule.check(file.root, thresholds: thresholds)
    }

    static func headlineBand(_ file: CheckedFile<some JSONReadable>, thresholds: BandThresholds) -> [Finding] {
        guard let headline = file.root["headline"], let scoreNode = headline["score"], let score = scoreNode.doubleValue,
            let bandNode = headline["band"], let band = bandNode.stringValue.flatMap(Band.init(rawValue:))
        else { return [] }
        return BandRule.check(
            score: score, band: band, bandNode: bandNode, pointer: "/headline/band", thresholds: thresholds)
    }
}

/// The band written next to a score must be the band the score falls in.
enum BandRule {
    static let id = "band-score"

    static func check(score: Double, band: Band, bandNode: some JSONReadable, pointer: String, thresholds: BandThresholds)
        -> [Finding]
    {
        let expected = thresholds.band(for: score)
        guard expected != band else { return [] }
        return [
            Finding(
                at: bandNode.offset, .error,
                "band \"\(band.rawValue)\" contradicts score \(NumberFormat.plain(score)), which is \(expected.rawValue)",
                rule: id, pointer: pointer, expected: JSONSnippet.quoted(expected.rawValue),
                found: JSONSnippet.quoted(band.rawValue), notes: ["bands: \(thresholds.summary)"])
        ]
    }
}
