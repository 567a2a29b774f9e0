@testable import AssessCore
import AssessJSON
import XCTest
import _AssessTestSupport

/// Everything a finding says, for comparing findings.
struct FindingText: Equatable, CustomStringConvertible {
    var text: String

    init(_ finding: Finding) {
        text = [
            "\(finding.offset.map(String.init) ?? "-")", "\(finding.severity)", finding.ruleID, finding.message,
            finding.pointer ?? "-", finding.expected ?? "-", finding.found ?? "-",
        ].joined(separator: " | ") + finding.notes.map { " | note: " + $0 }.joined()
    }

    var description: String { text }
}

/// Validation reads each file as a tape; the tree is built only for the messages of a value that
/// fails. These tests hold both readings to the same findings.
final class TapeValidationTests: XCTestCase {
    let layout = ContentLayout(root: ProjectPaths.root)

    func bundledFiles() throws -> [(ContentKind, String, [UInt8])] {
        var files: [(ContentKind, String, [UInt8])] = []
        for kind in ContentKind.allCases {
            let folder = layout.folder(kind)
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".json") {
                let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                files.append((kind, String(name.dropLast(5)), bytes))
            }
        }
        return files
    }

    func findings(_ kind: ContentKind, _ stem: String, _ bytes: [UInt8], schemas: ContentSchemas, context: CheckContext)
        throws -> (tree: [FindingText], tape: [FindingText])
    {
        let tree = try JSONParser.parse(bytes).root
        let tape = try JSONTape.parse(bytes).root
        let checker = schemas.checker(for: kind)
        let fromTree = checker.findings(for: tree) + SemanticRules.check(CheckedFile(kind: kind, stem: stem, root: tree), context: context)
        let fromTape = checker.findings(for: tape) + SemanticRules.check(CheckedFile(kind: kind, stem: stem, root: tape), context: context)
        return (fromTree.map(FindingText.init), fromTape.map(FindingText.init))
    }

    /// Random damage to the values of the bundled files (each kind): whatever the schemas and
    /// rules find in the tree, they find in the tape, word for word and at the same offsets.
    func testDamagedContentGetsTheSameFindingsFromTreeAndTape() throws {
        let schemas = try ContentSchemas.load(layout, displayDirectory: layout.root)
        let files = try bundledFiles()
        XCTAssertEqual(Set(files.map(\.0)), Set(ContentKind.allCases), "the bundled content has every kind")
        let items = Dictionary(uniqueKeysWithValues: try files.filter { $0.0 == .libraryItem }.map {
            ($0.1, LibraryItemFacts(try JSONParser.parse($0.2).root))
        })
        let maps = Dictionary(uniqueKeysWithValues: try files.filter { $0.0 == .perspectiveMap }.map {
            ($0.1, PerspectiveMapFacts(try JSONParser.parse($0.2).root))
        })
        let context = CheckContext(layout: layout, today: "2026-11-25", items: items, maps: maps) { _ in nil }
        let replacements: [JSONNode] = [
            JSONNode(.null), JSONNode(.bool(true)), JSONNode(.number(JSONNumber(literal: "1.5", double: 1.5))),
            JSONNode(.number(JSONNumber(literal: "-500", double: -500))), JSONNode(.number(JSONNumber(literal: "7", double: 7))),
            JSONNode(.string("done")), JSONNode(.string("")), JSONNode(.string("TODO: write this")),
            JSONNode(.string("2099-01-01")), JSONNode(.string("00:99:00")), JSONNode(.string("Not A Slug")),
            JSONNode(.array([])), JSONNode(.object(JSONObject())),
        ]
        var random = SeededGenerator(seed: 2026)
        var failing = 0
        var clean = 0
        for round in 0..<1_500 {
            let (kind, stem, bytes) = files[round % files.count]
            var root = try JSONParser.parse(bytes).root
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                damage(&root, replacements: replacements, random: &random)
            }
            let text = Array(JSONWriter.write(root).utf8)
            let (tree, tape) = try findings(kind, stem, text, schemas: schemas, context: context)
            XCTAssertEqual(tape, tree, "\(kind) \(stem), round \(round):\n\(String(decoding: text, as: UTF8.self))")
            if tree.isEmpty { clean += 1 } else { failing += 1 }
        }
        // Both kinds of outcome were tried.
        XCTAssertGreaterThan(failing, 500)
        XCTAssertGreaterThan(clean, 20)
    }

    /// The bundled content itself: no findings either way.
    func testBundledContentIsCleanEitherWay() throws {
        let schemas = try ContentSchemas.load(layout, displayDirectory: layout.root)
        let context = CheckContext(layout: layout, today: "2026-11-25", items: [:], maps: [:]) { _ in nil }
        for (kind, stem, bytes) in try bundledFiles() {
            let (tree, tape) = try findings(kind, stem, bytes, schemas: schemas, context: context)
            XCTAssertEqual(tape, tree, stem)
        }
    }

    /// Replaces, removes or adds one value somewhere in `node`.
    private func damage(_ node: inout JSONNode, replacements: [JSONNode], random: inout SeededGenerator) {
        switch node.value {
        case .object(var object) where !object.isEmpty && Int.random(in: 0..<4, using: &random) > 0:
            let position = Int.random(in: 0..<object.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: object.members.remove(at: position)
            case 1:
                let key = object.members[position].key + "s"
                if object[key] == nil { object.members.append(JSONMember(key: key, value: replacements.randomElement(using: &random)!)) }
            default: damage(&object.members[position].value, replacements: replacements, random: &random)
            }
            node.value = .object(object)
        case .array(var items) where !items.isEmpty && Int.random(in: 0..<4, using: &random) > 0:
            let position = Int.random(in: 0..<items.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: items.remove(at: position)
            case 1: items.append(items[position])
            default: damage(&items[position], replacements: replacements, random: &random)
            }
            node.value = .array(items)
        default:
            node.value = replacements.randomElement(using: &random)!.value
        }
    }
}
