import AssessCore
import Foundation

extension Workspace {
    /// Every item of the repository; files left out are printed as warnings on standard error.
    /// Only `show` needs the long prose of items (`prose`).
    func loadCorpus(prose: Bool = false) -> Corpus {
        let corpus = Corpus.load(layout, prose: prose)
        for warning in corpus.warnings {
            let path = PathDisplay.relative(layout.root + "/" + warning.path, to: currentDirectory)
            let position = warning.position.map { ":\($0.line):\($0.column)" } ?? ""
            Terminal.warning("\(path)\(position): \(warning.message)")
        }
        // Commands hold the corpus until they end.
        Teardown.leave(corpus)
        return corpus
    }
}

extension Terminal {
    /// The width pictures and wrapped text are drawn to: `--width`, else the terminal's width,
    /// else `COLUMNS`, else 80.
    static func width(_ requested: Int?) -> Int {
        if let requested { return requested }
        if stdoutIsTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
    }
}

/// A slug from the command line, or a usage error.
func parseSlug(_ raw: String) throws -> Slug {
    do { return try Slug(raw) } catch { throw CommandError(error.description) }
}
