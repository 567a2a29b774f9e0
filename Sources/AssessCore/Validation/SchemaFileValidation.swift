import AssessJSON
import AssessSchema

/// `assess validate --schema FILE PATHS...`: any JSON files against any draft 2020-12 schema,
/// with `$ref`s to the schema's siblings resolved by `$id` or file name. No repository needed.
public enum SchemaFileValidation {
    public static func run(
        schemaPath: String, files: [String], currentDirectory: String, formatAssertion: Bool,
        maxBytes: Int = JSONParseOptions.defaultMaxBytes
    ) throws(SchemaLoadError) -> ValidationSummary {
        let absolute = PathDisplay.absolute(schemaPath, from: currentDirectory)
        let folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        var documents = SchemaDocuments()
        let main: SchemaDocuments.Document
        do {
            main = try documents.add(
                path: absolute, displayPath: schemaPath, bytes: FileSystem.read(absolute, limit: maxBytes))
        } catch let error as FileError {
            throw SchemaLoadError(path: schemaPath, message: error.message)
        } catch let error as SchemaLoadError {
            throw error
        } catch {
            throw SchemaLoadError(path: schemaPath, message: "\(error)")
        }
        // Siblings, so that `$ref`s to other schemas in the folder resolve; unreadable ones are skipped.
        for name in FileSystem.list(folder) where name.hasSuffix(".json") && folder + "/" + name != absolute {
            let path = folder + "/" + name
            guard let bytes = try? FileSystem.read(path, limit: maxBytes) else { continue }
            _ = try? documents.add(path: path, displayPath: PathDisplay.relative(path, to: currentDirectory), bytes: bytes)
        }
        // Re-register the main schema last, so its `$id` and name win over any sibling's.
        _ = try documents.add(path: absolute, displayPath: schemaPath, bytes: main.bytes)
        let schema = try documents.compile(main, options: ValidationOptions(formatAssertion: formatAssertion))
        let checker = CompiledSchemaChecker(schema: schema)
        let reports = parallelMap(files) { file in
            check(file, checker: checker, currentDirectory: currentDirectory, maxBytes: maxBytes)
        }
        return ValidationSummary(files: reports)
    }

    static func check(_ file: String, checker: SchemaChecking, currentDirectory: String, maxBytes: Int) -> FileReport {
        let path = PathDisplay.absolute(file, from: currentDirectory)
        func report(_ findings: [Finding], _ bytes: [UInt8]?) -> FileReport {
            let source = findings.contains { $0.offset != nil } ? bytes.map(SourceText.init) : nil
            return FileReport(path: file, diagnostics: findings.map { $0.diagnostic(path: file, source: source) })
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(path, limit: maxBytes)
        } catch {
            return report([Finding(at: nil, .error, error.message, rule: error.ruleID)], nil)
        }
        do {
            let document = try JSONTape.parse(bytes, options: JSONParseOptions(maxBytes: maxBytes))
            let findings = document.warnings.map { Finding(at: $0.offset, .warning, $0.message, rule: $0.ruleID) }
                + checker.findings(for: document.root)
            return report(findings, bytes)
        } catch {
            return report([Finding(at: error.offset, .error, error.message, rule: error.ruleID)], bytes)
        }
    }
}
