import Foundation
import XCTest
import _AssessTestSupport

/// A test that runs the built `assess` binary against a scratch copy of the bundled content.
class CLITestCase: XCTestCase {
    var scratch: ScratchDirectory!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: AssessProcess.executable) else {
            throw XCTSkip("the assess executable is not built at \(AssessProcess.executable)")
        }
        scratch = try ScratchDirectory()
    }

    override func tearDown() {
        scratch = nil
    }

    /// Runs assess in the scratch folder (or a folder under it).
    @discardableResult
    func assess(
        _ arguments: String..., in folder: String? = nil, environment: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> AssessProcess.Result {
        try AssessProcess.run(arguments, in: folder.map { scratch.path + "/" + $0 } ?? scratch.path, environment: environment)
    }

    /// How many content files the scratch repository holds in `folders` (default: all three kinds).
    func contentFileCount(_ folders: [String] = ["library", "perspective-maps", "transcript-assessments"]) -> Int {
        folders.reduce(0) { total, folder in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/content/resources/" + folder)) ?? []
            return total + names.filter { $0.hasSuffix(".json") }.count
        }
    }

    /// How many files a whole-repository `assess validate` checks: the content files, the lexicons and the glossary.
    func repositoryFileCount() -> Int {
        let lexicons = (try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/content/lexicons")) ?? []
        let glossary = FileManager.default.fileExists(atPath: scratch.path + "/content/glossary.json") ? 1 : 0
        return contentFileCount() + lexicons.filter { $0.hasSuffix(".json") }.count + glossary
    }

    func assessment(_ slug: String) -> String { "content/resources/transcript-assessments/\(slug).json" }
    func library(_ slug: String) -> String { "content/resources/library/\(slug).json" }

    /// Replaces `old` with `new` in a file of the scratch repository (failing when `old` is absent).
    func edit(_ relative: String, replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try scratch.read(relative)
        XCTAssertTrue(text.contains(old), "\(relative) does not contain \(old)", file: file, line: line)
        try scratch.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    /// The 1-based line and column of the first occurrence of `needle` in a scratch file.
    func position(of needle: String, in relative: String) throws -> String {
        let text = try scratch.read(relative)
        guard let range = text.range(of: needle) else { XCTFail("\(needle) not in \(relative)"); return "" }
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        let column = text[lineStart..<range.lowerBound].unicodeScalars.count + 1
        return "\(line):\(column)"
    }
}
