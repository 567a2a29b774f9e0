import ArgumentParser
import AssessCore
import Foundation

extension ScoreOutputFormat: ExpressibleByArgument {}

extension Assess {
    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "score",
            abstract: "Score transcripts with the lexicon and write their perspective maps.",
            discussion: """
                Reads content/resources/transcripts/<slug>.vtt, .srt or .txt, cuts it into slices (timed: \
                32 cues per slice; plain text: 200 words), scores each slice and the whole with \
                content/lexicons/perspective.json, and writes content/resources/perspective-maps/<slug>.json \
                atomically. The same inputs always give the same bytes: generatedAt comes from --generated-at, \
                SOURCE_DATE_EPOCH, or the library item's source.storedOn (else published) at 00:00:00Z. \
                Also reports likely caption mis-hearings of known names and terms. Formulas: docs/scoring.md.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Argument(help: "Library item slugs to score.")
        var slugs: [String] = []

        @Flag(help: "Score every library item that has a transcript, in parallel.")
        var all = false

        @Flag(help: "Print the summary without writing any map.")
        var dryRun = false

        @Option(help: "Output format: text or json.")
        var format: ScoreOutputFormat = .text

        @Option(help: ArgumentHelp("generatedAt of the maps, RFC 3339 (e.g. 2026-04-02T00:00:00Z).", valueName: "time"))
        var generatedAt: String?

        @Option(help: "Cues per slice of a timed (WebVTT, SRT) transcript.")
        var segmentsPerSlice = SliceSettings.standard.segmentsPerSlice

        @Option(help: "Words per slice of a plain-text transcript.")
        var wordsPerSlice = SliceSettings.standard.wordsPerSlice

        @Flag(help: "Slice plain text as the library item's source.captionSegments equal segments, --segments-per-slice per slice.")
        var evenSegments = false

        @Option(help: ArgumentHelp("The lexicon file (default: content/lexicons/perspective.json).", valueName: "file"))
        var lexicon: String?

        @Option(help: ArgumentHelp("Show how slice N was scored, term by term (writes nothing).", valueName: "N"))
        var explain: Int?

        @Option(help: .hidden)
        var benchmark: Int?

        func validate() throws {
            if all == !slugs.isEmpty { throw ValidationError("name the items to score, or give --all (not both)") }
            if explain != nil || benchmark != nil, slugs.count != 1 {
                throw ValidationError("--explain and --benchmark take exactly one slug")
            }
            if segmentsPerSlice < 1 || wordsPerSlice < 1 { throw ValidationError("slices need at least 1 cue or word") }
            if let generatedAt, !Timestamp.isValid(generatedAt) {
                throw ValidationError("--generated-at \(generatedAt): expected RFC 3339, e.g. 2026-04-02T00:00:00Z")
            }
        }

        func run() throws {
            let workspace = try repository.workspace()
            let display = workspace.currentDirectory
            let options = ScoreOptions(
                slicing: SliceSettings(segmentsPerSlice: segmentsPerSlice, wordsPerSlice: wordsPerSlice, evenSegments: evenSegments),
                generatedAt: try generatedAtOption(), dryRun: dryRun || benchmark != nil || explain != nil,
                lexiconPath: lexicon.map { PathDisplay.absolute($0, from: display) })
            let schemas = try workspace.contentSchemas()
            let scoring: ScoreRun
            do {
                scoring = try ScoreRun.prepare(layout: workspace.layout, schemas: schemas, options: options, displayDirectory: display)
            } catch {
                try finish([.failure(error)])
                return
            }
            let targets: [Slug]
            do { targets = all ? ScoreRun.slugsWithTranscripts(workspace.layout) : try slugs.map { try Slug($0) } } catch {
                throw CommandError(String(describing: error))
            }
            if let benchmark { return try Score.benchmark(scoring, targets[0], times: benchmark) }
            let results = scoring.score(targets)
            if let explain, case .success(let report) = results[0] {
                guard let text = ScoreOutput.explain(report, slice: explain, damping: scoring.lexicon.damping) else {
                    throw CommandError("--explain \(explain): \(report.slug) has \(report.result.slices.count) slices (0 to \(report.result.slices.count - 1))")
                }
                return Terminal.out(text)
            }
            if all, targets.isEmpty { Terminal.note("no library item has a transcript in \(ContentLayout.resourcesPath)/transcripts") }
            try finish(results)
        }

        /// Prints the results; exit 2 if any failed for the environment, else 1 if any had findings.
        private func finish(_ results: [Result<ScoreReport, ScoreFailure>]) throws {
            let failures = results.compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
            switch format {
            case .json:
                Terminal.out(ScoreOutput.json(results))
            case .text:
                for result in results {
                    switch result {
                    case .success(let report): Terminal.out(ScoreOutput.text(report, style: Terminal.stdoutStyle))
                    case .failure(let failure):
                        Terminal.err(failure.diagnostics.map { ValidationOutput.text($0, style: Terminal.stderrStyle) + "\n" }.joined())
                        Terminal.error(failure.message)
                    }
                }
            }
            if failures.contains(where: { $0.kind == .environment }) { throw ExitCode(2) }
            if !failures.isEmpty { throw ExitCode(1) }
        }

        private func generatedAtOption() throws -> String? {
            if let generatedAt { return generatedAt }
            guard let epoch = Terminal.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty else { return nil }
            guard let seconds = Int64(epoch) else { throw CommandError("SOURCE_DATE_EPOCH=\(epoch): expected whole seconds since 1970") }
            return Timestamp.rfc3339(epochSeconds: seconds)
        }

        /// Scores one item `times` times in this process (nothing written) and prints the time per
        /// transcript: the whole `assess score` work, and without the caption check.
        static func benchmark(_ scoring: ScoreRun, _ slug: Slug, times: Int) throws {
            guard case .success(let first) = scoring.score(slug) else {
                throw CommandError("--benchmark: \(slug) does not score; run without --benchmark to see why")
            }
            var withoutCaptions = scoring.options
            withoutCaptions.captionCheck = false
            let runs = max(1, times)
            func milliseconds(_ run: ScoreRun) -> Double {
                let elapsed = ContinuousClock().measure { for _ in 0..<runs { _ = run.score(slug) } }
                return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) * 1000 / Double(runs)
            }
            let scoringOnly = milliseconds(scoring.with(withoutCaptions))
            let all = milliseconds(scoring)
            func line(_ what: String, _ ms: Double) -> String {
                "  \(what): \(NumberFormat.fixed(ms, decimals: 2)) ms per transcript, \(NumberFormat.fixed(ms, decimals: 2)) s per 1,000 transcripts on one core\n"
            }
            Terminal.out(
                "\(slug): \(first.result.words) words, \(ScoreOutput.plural(first.segments, "segment")), \(first.result.slices.count) slices; \(runs) runs each\n"
                    + line("read, slice, score, map text, schema check", scoringOnly)
                    + line("the same plus the caption check", all))
        }
    }
}
