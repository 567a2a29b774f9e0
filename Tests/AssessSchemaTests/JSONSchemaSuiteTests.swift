import AssessJSON
import AssessSchema
import Foundation
import XCTest

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) against the validator.
final class JSONSchemaSuiteTests: XCTestCase {
    /// `<package root>/../shared/json-schema-test-suite`, or `$JSON_SCHEMA_TEST_SUITE`.
    static func suitePath() -> (path: String?, tried: [String]) {
        var candidates: [String] = []
        if let fromEnvironment = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"], !fromEnvironment.isEmpty {
            candidates.append(fromEnvironment)
        }
        // This file is <root>/Tests/AssessSchemaTests/JSONSchemaSuiteTests.swift. Try the path as
        // written and with symlinks resolved (the test folder may be linked into another package).
        let file = URL(fileURLWithPath: #filePath)
        for url in [file, file.resolvingSymlinksInPath()] {
            let root = url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let path = root.deletingLastPathComponent().appendingPathComponent("shared/json-schema-test-suite").path
            if !candidates.contains(path) { candidates.append(path) }
        }
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/tests/draft2020-12") {
            return (candidate, candidates)
        }
        return (nil, candidates)
    }

    static func parse(_ path: String) throws -> JSONNode {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONParser.parse([UInt8](data)).root
    }

    /// Serves `remotes/` as http://localhost:1234/.
    static func remoteResolver(suite: String) -> SchemaCompiler.Resolver {
        let remotes = suite + "/remotes/"
        return { uri in
            let prefix = "http://localhost:1234/"
            guard uri.hasPrefix(prefix) else { return nil }
            let path = remotes + uri.dropFirst(prefix.count)
            return try? JSONSchemaSuiteTests.parse(path)
        }
    }

    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    static func run(file: String, suite: String, options: ValidationOptions) throws -> Outcome {
        var outcome = Outcome()
        let groups = try parse(file).arrayValue ?? []
        let compiler = SchemaCompiler(options: options, resolver: remoteResolver(suite: suite))
        for group in groups {
            let description = group["description"]?.stringValue ?? "?"
            let tests = group["tests"]?.arrayValue ?? []
            guard let schemaNode = group["schema"] else { continue }
            let schema: Schema
            do {
                schema = try compiler.compile(schemaNode)
            } catch {
                outcome.total += tests.count
                outcome.failures.append("\(description): schema failed to compile: \(error.message)")
                continue
            }
            for test in tests {
                outcome.total += 1
                let testDescription = test["description"]?.stringValue ?? "?"
                guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                let fast = schema.isValid(data)
                let errors = schema.validate(data)
                // The same value read from a tape, as content validation reads it.
                let tape = try JSONTape.parse(Array(JSONWriter.write(data).utf8))
                let fromTape = schema.isValid(tape.root)
                if fast == expected && errors.isEmpty == expected && fromTape == expected {
                    outcome.passed += 1
                } else {
                    var line = "\(description) / \(testDescription): expected \(expected ? "valid" : "invalid"), isValid=\(fast), on a tape \(fromTape), validate gave \(errors.count) error(s)"
                    if let first = errors.first { line += " [first: \(first)]" }
                    outcome.failures.append(line)
                }
            }
        }
        return outcome
    }

    func testDraft202012() throws {
        let (found, tried) = Self.suitePath()
        guard let suite = found else {
            throw XCTSkip("json-schema-test-suite not found at \(tried.joined(separator: " or ")): skipping")
        }
        let folder = suite + "/tests/draft2020-12"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "no test files in \(folder)")
        var passed = 0
        var total = 0
        for name in files {
            let outcome = try Self.run(file: folder + "/" + name, suite: suite, options: ValidationOptions())
            print("\(name): \(outcome.passed) of \(outcome.total) passed")
            passed += outcome.passed
            total += outcome.total
            for failure in outcome.failures {
                XCTFail("\(name): \(failure)")
            }
        }
        print("draft2020-12 total: \(passed) of \(total) passed")
        XCTAssertGreaterThan(total, 1000)
    }

    /// optional/format with format assertion on. Prints the counts; fails only for the formats
    /// this validator promises (the seven the content schemas use).
    func testOptionalFormats() throws {
        let (found, tried) = Self.suitePath()
        guard let suite = found else {
            throw XCTSkip("json-schema-test-suite not found at \(tried.joined(separator: " or ")): skipping")
        }
        let folder = suite + "/tests/draft2020-12/optional/format"
        let promised: Set<String> = ["date", "date-time", "time", "email", "uri", "uuid", "duration"]
        let formats = [
            "date", "date-time", "time", "duration", "email", "uri", "uuid",
            "ipv4", "ipv6", "hostname", "uri-reference", "json-pointer", "regex",
        ]
        var passed = 0
        var total = 0
        for format in formats {
            let path = folder + "/" + format + ".json"
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let outcome = try Self.run(file: path, suite: suite, options: ValidationOptions(formatAssertion: true))
            print("optional/format/\(format).json: \(outcome.passed) of \(outcome.total) passed")
            passed += outcome.passed
            total += outcome.total
            if promised.contains(format) {
                for failure in outcome.failures { XCTFail("\(format): \(failure)") }
            } else {
                for failure in outcome.failures { print("  not passed: \(failure)") }
            }
        }
        print("optional/format total: \(passed) of \(total) passed")
    }

    /// The other optional/*.json files: informational only (printed, never failing).
    func testOptionalOthers() throws {
        let (found, tried) = Self.suitePath()
        guard let suite = found else {
            throw XCTSkip("json-schema-test-suite not found at \(tried.joined(separator: " or ")): skipping")
        }
        let folder = suite + "/tests/draft2020-12/optional"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        for name in files {
            // format-assertion.json expects format to assert under a format-assertion vocabulary.
            let outcome = try Self.run(file: folder + "/" + name, suite: suite, options: ValidationOptions())
            print("optional/\(name): \(outcome.passed) of \(outcome.total) passed")
            for failure in outcome.failures { print("  not passed: \(failure)") }
        }
    }
}
