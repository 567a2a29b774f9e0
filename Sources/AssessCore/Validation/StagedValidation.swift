import AssessGit

/// `assess validate --staged`: validates what the index holds (the blobs, not the working files),
/// as a pre-commit hook needs. Checks the staged content files that differ from HEAD; their
/// library items, maps and transcripts are read from the index too.
public enum StagedValidation {
    public static func run(
        workspace: Workspace, repository: GitRepository, schemas: ContentSchemas, today: String, indexFile: String?
    ) throws(GitError) -> ValidationSummary {
        let layout = workspace.layout
        let folders = ContentKind.allCases.map { ContentLayout.resourcesPath + "/" + $0.folder }
        let changed = try repository.stagedEntries(under: folders, indexFile: indexFile).filter(\.differsFromHead)
        let targets = changed.compactMap { entry -> ContentTarget? in
            ContentTargets.kind(of: "/" + entry.path).map { ContentTarget(path: layout.root + "/" + entry.path, kind: $0) }
        }
        // Everything the checks may read, fetched once on this thread: libgit2 handles stay on one thread.
        var wanted = Set(changed.map(\.path))
        for target in targets {
            guard let slug = try? Slug(target.stem) else { continue }
            wanted.insert(layout.relativePath(.libraryItem, slug))
            wanted.insert(layout.relativePath(.perspectiveMap, slug))
            for candidate in layout.transcriptCandidates(slug) { wanted.insert(String(candidate.dropFirst(layout.root.count + 1))) }
        }
        let blobs = try repository.stagedBlobs(wanted.sorted(), indexFile: indexFile)
        var files: [String: [UInt8]] = [:]
        for (path, bytes) in blobs { files[layout.root + "/" + path] = bytes }
        let validator = ContentValidator(
            layout: layout, schemas: schemas,
            options: .init(today: today, displayDirectory: workspace.currentDirectory),
            source: SnapshotSource(files: files))
        return validator.validate(targets)
    }
}
