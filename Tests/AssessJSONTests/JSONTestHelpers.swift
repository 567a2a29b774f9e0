import AssessJSON
import XCTest
import _AssessTestSupport

/// Parses marked text and asserts the error kind, the byte offset of the
/// single marker, and the position, given explicitly and cross-checked
/// against `MarkedText.expectedPosition()`.
func assertParseError(
    _ source: String,
    _ kind: JSONParseError.Kind,
    _ line: Int,
    _ column: Int,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    let marked = MarkedText(source)
    guard marked.markerOffsets.count == 1 else {
        XCTFail("test source needs exactly one marker", file: file, line: testLine)
        return
    }
    assertParseError(
        bytes: marked.bytes, kind, offset: marked.offset, line, column, options: options, file: file, line: testLine)
    XCTAssertEqual(
        SourcePosition(line: line, column: column), marked.expectedPosition(),
        "the expected position in the test disagrees with the marker", file: file, line: testLine)
}

/// Parses raw bytes and asserts the error kind, offset and position.
func assertParseError(
    bytes: [UInt8],
    _ kind: JSONParseError.Kind,
    offset: Int,
    _ line: Int,
    _ column: Int,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line testLine: UInt = #line
) {
    do {
        let document = try JSONParser.parse(bytes, options: options)
        XCTFail("parsed without error: \(JSONWriter.write(document.root, indent: 0))", file: file, line: testLine)
    } catch {
        XCTAssertEqual(error.kind, kind, file: file, line: testLine)
        XCTAssertEqual(error.offset, offset, "offset", file: file, line: testLine)
        XCTAssertEqual(error.position, SourcePosition(line: line, column: column), "position", file: file, line: testLine)
        // A tape is parsed by the same parser and must refuse the source with the same error.
        do {
            _ = try JSONTape.parse(bytes, options: options)
            XCTFail("the tape parsed what the tree refused", file: file, line: testLine)
        } catch let tapeError {
            XCTAssertEqual(tapeError, error, "tape error", file: file, line: testLine)
        }
    }
}

/// Parses text that must be valid.
func parseValid(
    _ text: String,
    options: JSONParseOptions = .init(),
    file: StaticString = #filePath,
    line: UInt = #line
) -> JSONNode? {
    do {
        let root = try JSONParser.parse(text, options: options).root
        let tape = try JSONTape.parse(Array(text.utf8), options: options)
        assertSameReading(root, tape.root, file: file, line: line)
        return root
    } catch {
        XCTFail("unexpected error: \(error)", file: file, line: line)
        return nil
    }
}

/// Asserts that a tree and a tape of the same source read the same through `JSONReadable`:
/// types, offsets, scalars, elements and every member looked up by its key. Without recursion,
/// for documents nested thousands deep.
func assertSameReading(_ tree: JSONNode, _ tape: JSONTape.Value, file: StaticString = #filePath, line: UInt = #line) {
    assertSameTree(tree, tape.node, file: file, line: line)
    var pending = [(tree, tape)]
    while let (tree, tape) = pending.popLast() {
        XCTAssertEqual(tree.typeName, tape.typeName, "type at \(tree.offset)", file: file, line: line)
        XCTAssertEqual(tree.offset, tape.offset, "offset", file: file, line: line)
        XCTAssertEqual(tree.isObject, tape.isObject, file: file, line: line)
        XCTAssertEqual(
            tree.stringValue.map { Array($0.unicodeScalars) }, tape.stringValue.map { Array($0.unicodeScalars) }, file: file, line: line)
        XCTAssertEqual(tree.doubleValue?.bitPattern, tape.doubleValue?.bitPattern, file: file, line: line)
        XCTAssertEqual(tree.intValue, tape.intValue, file: file, line: line)
        XCTAssertEqual(tree.boolValue, tape.boolValue, file: file, line: line)
        XCTAssertEqual(tree.isNull, tape.isNull, file: file, line: line)
        XCTAssertEqual(tree.elements == nil, tape.elements == nil, file: file, line: line)
        if let elements = tree.elements, let tapeElements = tape.elements {
            let tapeArray = Array(tapeElements)
            XCTAssertEqual(elements.count, tapeArray.count, "element count", file: file, line: line)
            pending += zip(elements, tapeArray)
        }
        XCTAssertEqual(
            tree.members.map { $0.map { Array($0.key.unicodeScalars) } },
            tape.members.map { $0.map { Array($0.key.unicodeScalars) } }, "member keys in order", file: file, line: line)
        var treeVisits: [([UInt8], Int)] = [], tapeVisits: [([UInt8], Int)] = []
        tree.forEachMember { treeVisits.append((Array($0), $1.offset)) }
        tape.forEachMember { tapeVisits.append((Array($0), $1.offset)) }
        XCTAssertEqual(treeVisits.map(\.0), tapeVisits.map(\.0), "forEachMember keys", file: file, line: line)
        XCTAssertEqual(treeVisits.map(\.1), tapeVisits.map(\.1), "forEachMember values", file: file, line: line)
        var treeScalars: [([UInt8], JSONScalar)] = [], tapeScalars: [([UInt8], JSONScalar)] = []
        tree.forEachScalarMember { treeScalars.append((Array($0), $1)) }
        tape.forEachScalarMember { tapeScalars.append((Array($0), $1)) }
        XCTAssertEqual(treeScalars.map(\.0), tapeScalars.map(\.0), "forEachScalarMember keys", file: file, line: line)
        XCTAssertEqual(treeScalars.map(\.1), tapeScalars.map(\.1), "forEachScalarMember values", file: file, line: line)
        if let object = tree.objectValue {
            // Every member of small objects; a sample of large ones, whose lookups are linear.
            let step = object.count <= 64 ? 1 : 97
            for member in stride(from: 0, to: object.count, by: step).map({ object.members[$0] }) {
                guard let found = tape[member.key] else {
                    XCTFail("the tape has no member \"\(member.key)\"", file: file, line: line)
                    continue
                }
                pending.append((tree[member.key]!, found))
            }
            XCTAssertNil(tape["no such key, surely"], file: file, line: line)
        } else {
            XCTAssertNil(tape["a"], file: file, line: line)
        }
    }
}

/// Asserts that two trees are the same, offsets included (as `JSONTape.Value.node` must give the
/// tree the parser builds). Without recursion.
func assertSameTree(_ a: JSONNode, _ b: JSONNode, file: StaticString = #filePath, line: UInt = #line) {
    var pending = [(a, b)]
    while let (a, b) = pending.popLast() {
        XCTAssertEqual(a.offset, b.offset, "offset", file: file, line: line)
        switch (a.value, b.value) {
        case (.null, .null): break
        case (.bool(let x), .bool(let y)): XCTAssertEqual(x, y, file: file, line: line)
        case (.number(let x), .number(let y)):
            XCTAssertEqual(x.literal, y.literal, file: file, line: line)
            XCTAssertEqual(x.double.bitPattern, y.double.bitPattern, file: file, line: line)
        case (.string(let x), .string(let y)):
            XCTAssertEqual(Array(x.unicodeScalars), Array(y.unicodeScalars), file: file, line: line)
        case (.array(let x), .array(let y)):
            XCTAssertEqual(x.count, y.count, "element count at \(a.offset)", file: file, line: line)
            pending += zip(x, y)
        case (.object(let x), .object(let y)):
            XCTAssertEqual(x.count, y.count, "member count at \(a.offset)", file: file, line: line)
            for (p, q) in zip(x.members, y.members) {
                XCTAssertEqual(Array(p.key.unicodeScalars), Array(q.key.unicodeScalars), file: file, line: line)
                XCTAssertEqual(p.keyOffset, q.keyOffset, "key offset", file: file, line: line)
                pending.append((p.value, q.value))
            }
        default:
            XCTFail("\(a.typeName) at \(a.offset) against \(b.typeName)", file: file, line: line)
        }
    }
}

/// Equality that also requires the same member order, number literals and
/// string scalars (stricter than `jsonEquals`). Offsets are ignored.
func identical(_ a: JSONNode, _ b: JSONNode) -> Bool {
    switch (a.value, b.value) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)):
        return x.literal == y.literal && x.double.bitPattern == y.double.bitPattern
    case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
    case (.object(let x), .object(let y)):
        return x.count == y.count
            && zip(x.members, y.members).allSatisfy {
                $0.key.unicodeScalars.elementsEqual($1.key.unicodeScalars) && identical($0.value, $1.value)
            }
    default: return false
    }
}
