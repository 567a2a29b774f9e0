import ArgumentParser
import AssessCore

extension ValidationOutputFormat: ExpressibleByArgument {}

extension Assess {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check content files against the schemas and the rules no schema can say.",
            discussion: """
                With no paths, checks every library item, perspective map and assessment. A folder means \
                the content files under it. Findings print as path:line:col: severity: message [rule]. \
                With --schema, validates any JSON files against any draft 2020-12 schema.
                """
        )

        @OptionGroup var repository: RepositoryOptions

        @Option(help: "Output format: text, json or github (GitHub Actions annotations).")
        var format: ValidationOutputFormat = .text

        @Option(help: ArgumentHelp("Validate the files against this JSON Schema instead of the content rules.", valueName: "file"))
        var schema: String?

        @Flag(help: "With --schema: treat `format` as an assertion (date, date-time, time, email, uri, uuid, duration...).")
        var assertFormats = false

        @Flag(help: "Check what the index holds (the staged content that differs from HEAD), as a pre-commit hook does.")
        var staged = false

        @Argument(help: "Files or folders to check (default: all content).")
        var paths: [String] = []

        func validate() throws {
            if staged, schema != nil || !paths.isEmpty {
                throw ValidationError("--staged checks the staged content files; it takes no paths and no --schema")
            }
            if schema == nil, assertFormats {
                throw ValidationError("--assert-formats applies only with --schema (content schemas always assert formats)")
            }
            if schema != nil, paths.isEmpty {
                throw ValidationError("--schema needs at least one file to validate")
            }
        }

        func run() throws {
            if let schema {
                let summary: ValidationSummary
                do {
                    summary = try SchemaFileValidation.run(
                        schemaPath: schema, files: paths, currentDirectory: FileSystem.currentDirectory(),
                        formatAssertion: assertFormats)
                } catch {
                    throw CommandError(error.description)
                }
                try Validate.finish(summary, format: format)
            } else if staged {
                try runStaged()
            } else {
                try Validate.runContent(workspace: repository.workspace(), paths: paths, format: format)
            }
        }

        /// The index as a commit would record it (`GIT_INDEX_FILE` when a hook is given one).
        private func runStaged() throws {
            let (workspace, git, schemas) = try repository.gitWorkspaceAndSchemas()
            let summary: ValidationSummary
            do {
                summary = try StagedValidation.run(
                    workspace: workspace, repository: git, schemas: schemas, today: Terminal.today,
                    indexFile: Terminal.environment["GIT_INDEX_FILE"])
            } catch {
                throw CommandError(error.description)
            }
            try Validate.finish(summary, format: format)
        }

        /// Validates content of `workspace` and exits as the findings say.
        static func runContent(workspace: Workspace, paths: [String], format: ValidationOutputFormat) throws {
            // The schemas are compiled while the folders are listed: the one is work for a core,
            // the other mostly for the kernel.
            let (compiled, resolved) = inParallel(
                { Result { try workspace.contentSchemas() } },
                { Result { () throws(TargetError) in
                    try ContentTargets.resolve(paths, in: workspace.layout, currentDirectory: workspace.currentDirectory)
                } })
            let schemas = try compiled.get()
            let targets: [ContentTarget]
            do {
                targets = try resolved.get()
            } catch {
                throw CommandError(error.description)
            }
            let validator = ContentValidator(
                layout: workspace.layout, schemas: schemas,
                options: .init(today: Terminal.today, displayDirectory: workspace.currentDirectory))
            var summary = validator.validate(targets)
            if paths.isEmpty {
                // The whole repository: the lexicons and the glossary too.
                do {
                    summary.files += try DataFileValidation.reports(
                        layout: workspace.layout, displayDirectory: workspace.currentDirectory)
                } catch {
                    throw CommandError(error.description)
                }
            }
            try finish(summary, format: format)
        }

        /// Prints a summary in `format` and throws exit status 1 when it holds errors.
        static func finish(_ summary: ValidationSummary, format: ValidationOutputFormat) throws {
            switch format {
            case .text:
                let style = Terminal.stderrStyle
                var text = ""
                for diagnostic in summary.diagnostics {
                    text += ValidationOutput.text(diagnostic, style: style) + "\n"
                }
                Terminal.err(text)
                Terminal.out(ValidationOutput.summaryLine(summary) + "\n")
            case .json:
                Terminal.out(ValidationOutput.json(summary))
            case .github:
                var text = summary.diagnostics.map(ValidationOutput.github).joined(separator: "\n")
                if !text.isEmpty { text += "\n" }
                Terminal.out(text + ValidationOutput.summaryLine(summary) + "\n")
            }
            if summary.errorCount > 0 { throw ExitCode(1) }
        }
    }
}
