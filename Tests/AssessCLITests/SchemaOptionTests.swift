import Foundation
import XCTest
import _AssessTestSupport

/// `assess validate --schema`: any JSON against any draft 2020-12 schema, no repository needed.
final class SchemaOptionTests: CLITestCase {
    func testValidatesFilesAgainstASchemaWithSiblingRefs() throws {
        try scratch.write("s/person.json", #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.test/person.json",
             "type": "object", "properties": {"name": {"type": "string"}, "address": {"$ref": "address.json"}},
             "required": ["name"], "additionalProperties": false}
            """#)
        try scratch.write("s/address.json", #"{"$id": "https://example.test/address.json", "type": "object", "required": ["city"]}"#)
        try scratch.write("good.json", #"{"name": "Ada", "address": {"city": "Oslo"}}"#)
        try scratch.write("bad.json", "{\"name\": \"Ada\",\n \"adress\": {}}")
        try scratch.write("bad2.json", "{\"name\": \"Ada\",\n \"address\": {}}")
        let good = try assess("validate", "--schema", "s/person.json", "good.json")
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(good.stdout, "1 file checked: 0 errors, 0 warnings\n")
        let bad = try assess("validate", "--schema", "s/person.json", "good.json", "bad.json", "bad2.json")
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("bad.json:2:2: error: unknown property \"adress\" (did you mean \"address\"?)"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("bad2.json:2:13: error: missing required property \"city\""), bad.stderr)
        XCTAssertEqual(bad.stdout, "3 files checked: 2 errors, 0 warnings\n")
    }

    func testFormatIsAnAnnotationUnlessAsserted() throws {
        try scratch.write("s.json", #"{"type": "string", "format": "date"}"#)
        try scratch.write("d.json", #""2026-13-45""#)
        XCTAssertEqual(try assess("validate", "--schema", "s.json", "d.json").status, 0)
        let asserted = try assess("validate", "--schema", "s.json", "--assert-formats", "d.json")
        XCTAssertEqual(asserted.status, 1)
        XCTAssertTrue(asserted.stderr.contains("d.json:1:1: error:"), asserted.stderr)
    }

    func testBrokenSchemaIsAnEnvironmentError() throws {
        try scratch.write("s.json", "{\"type\": \"strin\"}")
        try scratch.write("d.json", "1")
        let result = try assess("validate", "--schema", "s.json", "d.json")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("s.json:1:10:"), result.stderr)
        let missing = try assess("validate", "--schema", "nope.json", "d.json")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.json: no such file or directory"), missing.stderr)
    }

    func testUnreadableInstanceIsAFinding() throws {
        try scratch.write("s.json", "{}")
        try scratch.write("d.json", "[1, 2")
        let result = try assess("validate", "--schema", "s.json", "d.json", "missing.json")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("d.json:1:6: error: unexpected end of file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("missing.json: error: no such file or directory"), result.stderr)
    }

    /// Many paths (taken aside before argument parsing) keep their order, and options may follow them.
    func testManyFilesWithOptionsAfterThem() throws {
        try scratch.write("s.json", #"{"type": "integer"}"#)
        var names: [String] = []
        for index in 0..<150 {
            let name = String(format: "d%03d.json", index)
            try scratch.write(name, index == 120 ? "\"x\"" : "\(index)")
            names.append(name)
        }
        let result = try AssessProcess.run(["validate", "--schema", "s.json"] + names + ["--format", "json"], in: scratch.path)
        XCTAssertEqual(result.status, 1, result.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let files = (report?["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        XCTAssertEqual(files, names)
        let invalid = (report?["files"] as? [[String: Any]])?.filter { ($0["valid"] as? Bool) == false }.compactMap { $0["path"] as? String }
        XCTAssertEqual(invalid, ["d120.json"])
    }
}
