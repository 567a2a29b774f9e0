import Clibgit2
import Foundation
import XCTest
import _AssessTestSupport

@testable import AssessGit

/// The quick status (a parallel scan of the work tree, then libgit2 on the paths that may have
/// changed) against the exhaustive libgit2 status and against `git status`.
final class QuickStatusTests: XCTestCase {
    func testCleanTreeHasNothingToExamine() throws {
        let fixture = try agedFixture()
        XCTAssertEqual(try plannedPaths(fixture), [], "a clean tree whose files predate the index: nothing to examine")
        XCTAssertEqual(try sameStatus(fixture), [])
        XCTAssertEqual(try plannedPaths(fixture, folders: []), [], "the whole work tree too")
        XCTAssertEqual(try sameStatus(fixture, folders: []), [])
    }

    func testModifiedFileOfTheSameSizeInTheSameSecond() throws {
        let fixture = try agedFixture()
        let path = fixture.root + "/" + assessment("alpha")
        let before = try modificationTime(path)
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\"}\r")  // same size
        try setModificationTime(path, seconds: before.seconds, nanoseconds: 0)
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha")])
        // git (built without nanosecond times) sees the same seconds and size and misses the
        // change; libgit2 compares nanoseconds too, so it is the reference here.
        XCTAssertEqual(try sameStatus(fixture, git: false), [StatusEntry(path: assessment("alpha"), unstaged: .modified)])
    }

    func testRacilyCleanEntryIsExamined() throws {
        // HEAD and the index hold one content; the file holds another of the same size, with
        // exactly the stat data the index records, written in the same instant as the index.
        // Only the racily-clean rule tells that the file must be read.
        let fixture = try agedFixture()
        let path = fixture.root + "/" + assessment("alpha")
        try fixture.write(assessment("alpha"), "{\"slug\": \"ALPHA\"}\n")
        // An index from the future holds no racily clean entry, so libgit2 keeps the stat data
        // as given when it writes the index (it zeroes the size of racily clean changed entries).
        try setModificationTime(fixture.gitDirectory + "/index", seconds: Int(Date().timeIntervalSince1970) + 1_000, nanoseconds: 0)
        try recordStatData(of: assessment("alpha"), in: fixture)
        let entryTime = try modificationTime(path)
        try setModificationTime(fixture.gitDirectory + "/index", seconds: entryTime.seconds, nanoseconds: entryTime.nanoseconds)

        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha")])
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("alpha"), unstaged: .modified)])

        // The same entry once the index is newer than the file: libgit2 trusts the stat data.
        try setModificationTime(fixture.gitDirectory + "/index", seconds: entryTime.seconds + 5, nanoseconds: 0)
        XCTAssertEqual(try plannedPaths(fixture), [])
        XCTAssertEqual(try fixture.open().status(under: [assessments], exhaustive: true), [], "libgit2 does not read it either")
    }

    func testTouchedButUnchangedFileIsExaminedButNotReported() throws {
        let fixture = try agedFixture()
        let path = fixture.root + "/" + assessment("beta")
        try setModificationTime(path, seconds: Int(Date().timeIntervalSince1970) - 50, nanoseconds: 0)
        XCTAssertEqual(try plannedPaths(fixture), [assessment("beta")])
        XCTAssertEqual(try sameStatus(fixture), [])
    }

    func testDeletedFile() throws {
        let fixture = try agedFixture()
        try fixture.remove(assessment("beta"))
        XCTAssertEqual(try plannedPaths(fixture), [assessment("beta")])
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("beta"), unstaged: .deleted)])
    }

    func testUntrackedFilesAlsoInANewSubfolder() throws {
        let fixture = try agedFixture()
        try fixture.write(assessment("gamma"), "{}\n")
        try fixture.write("\(assessments)/drafts/deep/delta.json", "{}\n")
        XCTAssertEqual(try plannedPaths(fixture), ["\(assessments)/drafts/deep/delta.json", assessment("gamma")])
        XCTAssertEqual(
            try sameStatus(fixture),
            [
                StatusEntry(path: "\(assessments)/drafts/deep/delta.json", unstaged: .added),
                StatusEntry(path: assessment("gamma"), unstaged: .added),
            ])
    }

    func testIgnoredFilesAreExaminedButNotReported() throws {
        let fixture = try agedFixture(extra: [".gitignore": "*.tmp\nscratch/\n"])
        try fixture.write("\(assessments)/notes.tmp", "x\n")
        try fixture.write("\(assessments)/scratch/keep.json", "{}\n")
        try fixture.write("\(assessments)/kept.json", "{}\n")
        XCTAssertEqual(
            try plannedPaths(fixture),
            ["\(assessments)/kept.json", "\(assessments)/notes.tmp", "\(assessments)/scratch/keep.json"])
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: "\(assessments)/kept.json", unstaged: .added)])
    }

    func testStagedAddModifyAndDelete() throws {
        let fixture = try agedFixture()
        try fixture.write(assessment("gamma"), "{}\n")
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\", \"v\": 2}\n")
        try fixture.git(["add", assessment("gamma"), assessment("alpha")])
        try fixture.git(["rm", "-q", assessment("beta")])
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha"), assessment("beta"), assessment("gamma")])
        XCTAssertEqual(
            try sameStatus(fixture),
            [
                StatusEntry(path: assessment("alpha"), staged: .modified),
                StatusEntry(path: assessment("beta"), staged: .deleted),
                StatusEntry(path: assessment("gamma"), staged: .added),
            ])
    }

    func testStagedChangeOnlyInTheIndexIsFoundFromHead() throws {
        // Staged, then the work tree put back as it was with the index's stat data: only the
        // comparison with HEAD can find it.
        let fixture = try agedFixture()
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\", \"v\": 2}\n")
        try fixture.git(["add", assessment("alpha")])
        let path = fixture.root + "/" + assessment("alpha")
        try setModificationTime(path, seconds: Int(Date().timeIntervalSince1970) - 200, nanoseconds: 0)
        try fixture.git(["update-index", "--refresh"])
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha")])
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("alpha"), staged: .modified)])
    }

    func testRenamesStagedAndUnstaged() throws {
        let body = String(repeating: "{\"line\": \"the same content, long enough to be a rename\"}\n", count: 5)
        let fixture = try agedFixture(extra: [assessment("long"): body, assessment("other"): body + "x\n"])
        try fixture.git(["mv", assessment("long"), assessment("longer")])
        XCTAssertEqual(
            try sameStatus(fixture), [StatusEntry(path: assessment("longer"), oldPath: assessment("long"), staged: .renamed)])

        try fixture.git(["commit", "-q", "-m", "rename"])
        try FileManager.default.moveItem(
            atPath: fixture.root + "/" + assessment("other"), toPath: fixture.root + "/" + assessment("moved"))
        // (git mv keeps the stat data of the old name, so the new one may be examined too.)
        XCTAssertTrue(Set([assessment("moved"), assessment("other")]).isSubset(of: try plannedPaths(fixture)))
        XCTAssertEqual(
            try sameStatus(fixture, git: false),
            [StatusEntry(path: assessment("moved"), oldPath: assessment("other"), unstaged: .renamed)])
    }

    func testFileReplacedBySymbolicLinkOrFolder() throws {
        let fixture = try agedFixture()
        try fixture.remove(assessment("alpha"))
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/" + assessment("alpha"), withDestinationPath: "beta.json")
        try fixture.remove(assessment("beta"))
        try fixture.write(assessment("beta") + "/inside.json", "{}\n")
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha"), assessment("beta"), assessment("beta") + "/inside.json"])
        XCTAssertEqual(
            try sameStatus(fixture),
            [
                StatusEntry(path: assessment("alpha"), unstaged: .typeChanged),
                StatusEntry(path: assessment("beta"), unstaged: .deleted),
                StatusEntry(path: assessment("beta") + "/inside.json", unstaged: .added),
            ])
    }

    func testExecutableBitChange() throws {
        let fixture = try agedFixture()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/" + assessment("alpha"))
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha")])
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("alpha"), unstaged: .modified)])
    }

    func testFolderReplacedBySymbolicLinkToACopy() throws {
        // The files keep their inodes and times through the move: only the walk, which never
        // follows a symbolic link, sees that they are gone from the work tree.
        let fixture = try agedFixture()
        let folder = fixture.root + "/" + assessments
        try FileManager.default.moveItem(atPath: folder, toPath: fixture.scratch.path + "/moved")
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: fixture.scratch.path + "/moved")
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha"), assessment("beta")])
        // git's pathspec (no final "/") matches the link itself too: compare with git on the whole tree.
        XCTAssertEqual(
            try sameStatus(fixture, git: false),
            [StatusEntry(path: assessment("alpha"), unstaged: .deleted), StatusEntry(path: assessment("beta"), unstaged: .deleted)])
        // The link itself is outside the folder's pathspec; the whole work tree shows it.
        XCTAssertEqual(try sameStatus(fixture, folders: []).map(\.path), [assessments, assessment("alpha"), assessment("beta")])
    }

    func testFilesOutsideTheFoldersAreNotExamined() throws {
        let fixture = try agedFixture()
        try fixture.write("content/resources/library/alpha.json", "{\"title\": \"Changed\"}\n")
        try fixture.write("\(oldAssessments)/new.json", "{}\n")
        try fixture.write("\(assessments)-draft.json", "{}\n")
        try fixture.write("README.md", "hello\n")
        XCTAssertEqual(try plannedPaths(fixture), [])
        XCTAssertEqual(try sameStatus(fixture), [])
        XCTAssertEqual(try plannedPaths(fixture, folders: ["content/resources/library"]), ["content/resources/library/alpha.json"])
        XCTAssertEqual(try sameStatus(fixture, folders: [assessments, "content/resources/library"]).map(\.path), ["content/resources/library/alpha.json"])
        XCTAssertEqual(try sameStatus(fixture, folders: []).count, 4)
    }

    func testConflictFallsBackToTheExhaustiveStatus() throws {
        let fixture = try GitFixture.withContent()
        try makeConflict(in: fixture, path: assessment("alpha"))
        XCTAssertNil(try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        let entries = try sameStatus(fixture, quick: false, git: false)
        XCTAssertEqual(entries.map(\.path), [assessment("alpha")])
        XCTAssertTrue(entries[0].isConflicted)
    }

    func testUnbornBranchAndNestedRepositoryFallBack() throws {
        let fixture = try GitFixture()
        try fixture.write(assessment("alpha"), "{}\n")
        try fixture.git(["add", assessment("alpha")])
        XCTAssertNil(try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(fixture, quick: false), [StatusEntry(path: assessment("alpha"), staged: .added)])

        let nested = try agedFixture()
        try nested.git(["init", "-q", assessments + "/vendored"])
        try nested.write(assessments + "/vendored/file.json", "{}\n")
        XCTAssertNil(try nested.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(nested, quick: false).map(\.path), [assessments + "/vendored/"])
    }

    func testCaseInsensitiveIndexAndPatternCharactersFallBack() throws {
        let fixture = try agedFixture()
        try fixture.git(["config", "core.ignorecase", "true"])
        try fixture.write(assessment("gamma"), "{}\n")
        XCTAssertNil(try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(fixture, quick: false), [StatusEntry(path: assessment("gamma"), unstaged: .added)])

        let patterns = try agedFixture()
        try patterns.write("\(assessments)/draft[1]*.json", "{}\n")
        XCTAssertNil(try patterns.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(patterns, quick: false, git: false), [StatusEntry(path: "\(assessments)/draft[1]*.json", unstaged: .added)])
    }

    func testLenientModesAndALinkedWorktree() throws {
        let fixture = try agedFixture()
        try fixture.git(["config", "core.filemode", "false"])
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/" + assessment("alpha"))
        XCTAssertEqual(try plannedPaths(fixture), [assessment("alpha")], "examined, though libgit2 ignores the bit")
        XCTAssertEqual(try sameStatus(fixture), [])

        let linked = fixture.scratch.path + "/linked"
        try fixture.git(["worktree", "add", "-q", "-b", "side", linked])
        let worktree = try GitRepository.discover(from: linked)
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: linked + "/" + assessment("gamma")))
        try FileManager.default.removeItem(atPath: linked + "/" + assessment("beta"))
        let expected = [StatusEntry(path: assessment("beta"), unstaged: .deleted), StatusEntry(path: assessment("gamma"), unstaged: .added)]
        XCTAssertEqual(try worktree.quickStatus(under: GitRepository.folderPathspecs([assessments])), expected)
        XCTAssertEqual(try worktree.status(under: [assessments], exhaustive: true), expected)
    }

    func testManyChangesFallBack() throws {
        let fixture = try agedFixture()
        for number in 0..<70 { try fixture.write(assessment("new-\(number)"), "{}\n") }
        XCTAssertNil(try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(fixture, quick: false).count, 70)
    }

    func testRandomEditsAgreeWithTheExhaustiveStatus() throws {
        var random = SeededRandom(seed: 20_240_611)
        let fixture = try GitFixture()
        var files: [String: String] = [:]
        for number in 0..<40 {
            let folder = number % 3 == 0 ? "\(assessments)/sub" : assessments
            files["\(folder)/file-\(number).json"] = "{\"n\": \(number), \"text\": \"\(String(repeating: "x", count: number))\"}\n"
        }
        files["content/resources/library/lib.json"] = "{}\n"
        try fixture.commitFiles(files)
        try ageWorkTree(fixture)
        try fixture.git(["update-index", "--refresh"])

        for round in 0..<12 {
            let tracked = try fixture.gitLines(["ls-files", "--", assessments])
            for _ in 0..<(1 + random.next(4)) {
                let path = tracked[random.next(tracked.count)]
                switch random.next(9) {
                case 0: try? fixture.remove(path)
                case 1: try fixture.write(path, "{\"changed\": \(round)}\n")
                case 2: try fixture.write("\(assessments)/new-\(round)-\(random.next(100)).json", "{}\n")
                case 3: _ = try? fixture.gitRun(["add", "-A", assessments])
                case 4: _ = try? fixture.gitRun(["rm", "-q", "--cached", path])
                case 5: if fixture.exists(path) { try fixture.write(path, try fixture.read(path).uppercased()) }
                case 6: if fixture.exists(path) { try setModificationTime(fixture.root + "/" + path, seconds: 1_000_000 + round, nanoseconds: 0) }
                case 7: if fixture.exists(path) { _ = try? fixture.gitRun(["mv", path, "\(assessments)/moved-\(round).json"]) }
                default: _ = try? fixture.gitRun(["commit", "-q", "-m", "round \(round)"])
                }
            }
            let repository = try fixture.open()
            XCTAssertEqual(
                try repository.status(under: [assessments]), try repository.status(under: [assessments], exhaustive: true),
                "round \(round)")
            XCTAssertEqual(try repository.status(under: []), try repository.status(under: [], exhaustive: true), "round \(round)")
        }
    }

    func testCachedTreesAreHeadsTreesUntilAFolderChanges() throws {
        let fixture = try agedFixture()
        let head = { (folder: String) in try fixture.git(["rev-parse", "HEAD:" + folder]).trimmingCharacters(in: .whitespacesAndNewlines) }
        func cached(_ fixture: GitFixture) throws -> [String: String] {
            let repository = try fixture.open()
            let file = repository.gitDirectory + "/index"
            let trees = CachedTrees(indexFile: file, stamp: try XCTUnwrap(FileStamp(file)))
            return trees.ids.mapValues { id in withUnsafePointer(to: id) { hexString($0) } }
        }
        // `git commit` leaves every folder's tree in the index.
        var trees = try cached(fixture)
        XCTAssertEqual(trees[""], try fixture.git(["rev-parse", "HEAD^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(trees[assessments], try head(assessments))
        XCTAssertEqual(trees["content/resources/library"], try head("content/resources/library"))

        // Staging a file drops its folder and the folders above it, and nothing else.
        try fixture.write(assessment("alpha"), "{\"v\": 2}\n")
        try fixture.git(["add", assessment("alpha")])
        trees = try cached(fixture)
        XCTAssertNil(trees[assessments])
        XCTAssertNil(trees["content"])
        XCTAssertNil(trees[""])
        XCTAssertEqual(trees["content/resources/library"], try head("content/resources/library"))
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("alpha"), staged: .modified)])

        // Index versions 3 (extended flags) and 4 (compressed paths) read the same.
        // (A skip-worktree entry also sends the quick status to the exhaustive one.)
        try fixture.git(["update-index", "--index-version", "3"])
        try fixture.git(["update-index", "--skip-worktree", assessment("beta")])
        XCTAssertEqual(try cached(fixture), trees, "index version 3")
        XCTAssertNil(try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs([assessments])))
        XCTAssertEqual(try sameStatus(fixture, quick: false), [StatusEntry(path: assessment("alpha"), staged: .modified)])
        try fixture.git(["update-index", "--no-skip-worktree", assessment("beta")])
        try fixture.git(["update-index", "--index-version", "4"])
        XCTAssertEqual(try cached(fixture), trees, "index version 4")
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("alpha"), staged: .modified)])

        // A stamp that is not the file's reads nothing.
        let repository = try fixture.open()
        var stale = try XCTUnwrap(FileStamp(repository.gitDirectory + "/index"))
        stale.size += 1
        XCTAssertEqual(CachedTrees(indexFile: repository.gitDirectory + "/index", stamp: stale).ids.count, 0)
    }

    func testIndexWrittenByLibgit2() throws {
        let fixture = try agedFixture()
        try fixture.write(assessment("alpha"), "{\"slug\": \"alpha\", \"v\": 2}\n")
        try fixture.write(assessment("gamma"), "{}\n")
        try fixture.commit([assessment("alpha"), assessment("gamma")])
        XCTAssertEqual(try sameStatus(fixture), [])
        try fixture.write(assessment("beta"), "{\"slug\": \"beta\", \"v\": 2}\n")
        XCTAssertEqual(try sameStatus(fixture), [StatusEntry(path: assessment("beta"), unstaged: .modified)])
    }

    func testBlobAtHeadFromTheIndexWhenTheFolderIsHeads() throws {
        let fixture = try agedFixture()
        try fixture.write(assessment("alpha"), "{\"in the work tree\": true}\n")
        let repository = try fixture.open()
        let head = try XCTUnwrap(try GitRepository.headTree(in: repository.handle))
        XCTAssertTrue(try repository.headBlobFromIndex(assessment("alpha"), head: head) == nil, "not before a status read the index")
        _ = try repository.status(under: [assessments])
        // The folder's tree in the index is HEAD's: the index answers.
        XCTAssertTrue(try repository.headBlobFromIndex(assessment("alpha"), head: head) != nil)
        XCTAssertEqual(try repository.blobAtHead(assessment("alpha")), bytes("{\"slug\": \"alpha\"}\n"))
        let nothing = try repository.headBlobFromIndex(assessment("nothing"), head: head)
        XCTAssertTrue(nothing != nil && nothing! == nil, "known to be in neither")
        XCTAssertNil(try repository.blobAtHead(assessment("nothing")))
        XCTAssertNil(try repository.blobAtHead(assessments), "a folder is not a blob")

        // Staged: the folder's tree is no longer known, and HEAD's trees answer.
        try fixture.write(assessment("alpha"), "{\"staged\": true}\n")
        try fixture.write(assessment("new"), "{}\n")
        try fixture.git(["add", assessment("alpha"), assessment("new")])
        XCTAssertTrue(try repository.headBlobFromIndex(assessment("alpha"), head: head) == nil)
        XCTAssertEqual(try repository.blobAtHead(assessment("alpha")), bytes("{\"slug\": \"alpha\"}\n"))
        XCTAssertNil(try repository.blobAtHead(assessment("new")))
        XCTAssertEqual(try repository.blobAtHead("content/resources/library/alpha.json"), bytes("{\"title\": \"Alpha\"}\n"))

        // An intent-to-add file is in no tree: never taken for HEAD's.
        let intent = try agedFixture()
        try intent.write(assessment("planned"), "{}\n")
        try intent.git(["add", "-N", assessment("planned")])
        let planned = try intent.open()
        XCTAssertNotNil(try planned.quickStatusPlan(under: GitRepository.folderPathspecs(["content/resources/library"])))
        let plannedHead = try XCTUnwrap(try GitRepository.headTree(in: planned.handle))
        XCTAssertTrue(try planned.headBlobFromIndex(assessment("planned"), head: plannedHead) == nil)
        XCTAssertNil(try planned.blobAtHead(assessment("planned")))
    }

    // MARK: Helpers

    /// `GitFixture.withContent()` (plus `extra` files), with every work-tree file dated well
    /// before the index, as in a checkout made a while ago: no entry is racily clean.
    private func agedFixture(extra: [String: String] = [:]) throws -> GitFixture {
        let fixture = try GitFixture.withContent()
        if !extra.isEmpty { try fixture.commitFiles(extra, message: "extra") }
        try ageWorkTree(fixture)
        try fixture.git(["update-index", "--refresh"])
        return fixture
    }

    /// Dates every file of the work tree 100 seconds back.
    private func ageWorkTree(_ fixture: GitFixture) throws {
        let past = Int(Date().timeIntervalSince1970) - 100
        let enumerator = FileManager.default.enumerator(atPath: fixture.root)
        while let relative = enumerator?.nextObject() as? String {
            if relative == ".git" {
                enumerator?.skipDescendants()
                continue
            }
            try setModificationTime(fixture.root + "/" + relative, seconds: past, nanoseconds: 0)
        }
    }

    /// The quick status's paths for `folders`, sorted; fails the test when it gives way.
    private func plannedPaths(
        _ fixture: GitFixture, folders: [String] = [assessments], file: StaticString = #filePath, line: UInt = #line
    ) throws -> [String] {
        guard let plan = try fixture.open().quickStatusPlan(under: GitRepository.folderPathspecs(folders)) else {
            XCTFail("the quick status gave way to the exhaustive one", file: file, line: line)
            return []
        }
        return plan.paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The status of `folders`, checked to be the same quick (and through its own path when
    /// `quick`), exhaustive, and (when `git`) as `git status` shows it.
    @discardableResult
    private func sameStatus(
        _ fixture: GitFixture, folders: [String] = [assessments], quick: Bool = true, git: Bool = true,
        file: StaticString = #filePath, line: UInt = #line
    ) throws -> [StatusEntry] {
        let repository = try fixture.open()
        let exhaustive = try repository.status(under: folders, exhaustive: true)
        XCTAssertEqual(try repository.status(under: folders), exhaustive, "default status", file: file, line: line)
        if quick {
            let direct = try repository.quickStatus(under: GitRepository.folderPathspecs(folders))
            XCTAssertEqual(direct, exhaustive, "quick status", file: file, line: line)
        }
        if git {
            let shown = try fixture.gitLines(["--no-optional-locks", "status", "--porcelain=v1", "-uall", "--"] + folders)
            XCTAssertEqual(porcelain(exhaustive), shown.sorted(), "git status", file: file, line: line)
        }
        return exhaustive
    }

    /// The lines `git status --porcelain=v1` shows for `entries` (no conflicts, no unstaged renames).
    private func porcelain(_ entries: [StatusEntry]) -> [String] {
        func letter(_ change: Change?) -> String {
            switch change {
            case nil: return " "
            case .added: return "A"
            case .modified: return "M"
            case .deleted: return "D"
            case .renamed: return "R"
            case .typeChanged: return "T"
            }
        }
        var lines: [String] = []
        for entry in entries {
            let name = entry.oldPath.map { "\($0) -> \(entry.path)" } ?? entry.path
            if entry.unstaged == .added {
                if entry.staged != nil { lines.append("\(letter(entry.staged))  \(name)") }
                lines.append("?? \(entry.path)")
            } else {
                lines.append("\(letter(entry.staged))\(letter(entry.unstaged)) \(name)")
            }
        }
        return lines.sorted()
    }

    private func modificationTime(_ path: String) throws -> (seconds: Int, nanoseconds: Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return (Int(info.modificationTime.seconds), Int(info.modificationTime.nanoseconds))
    }

    private func setModificationTime(_ path: String, seconds: Int, nanoseconds: Int) throws {
        var times = [
            timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds),
        ]
        guard utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Copies the file's current stat data into its index entry, leaving the entry's blob as
    /// it is (what git records for a file it has just hashed, had the file not changed since).
    private func recordStatData(of path: String, in fixture: GitFixture) throws {
        var repository: OpaquePointer?
        XCTAssertEqual(git_repository_open(&repository, fixture.root), 0)
        defer { git_repository_free(repository) }
        var index: OpaquePointer?
        XCTAssertEqual(git_repository_index(&index, repository), 0)
        defer { git_index_free(index) }
        guard var entry = git_index_get_bypath(index, path, 0)?.pointee else { throw CocoaError(.fileNoSuchFile) }
        var info = stat()
        guard lstat(fixture.root + "/" + path, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        let modified = info.modificationTime
        let changed = info.changeTime
        entry.mtime = git_index_time(seconds: Int32(modified.seconds), nanoseconds: UInt32(modified.nanoseconds))
        entry.ctime = git_index_time(seconds: Int32(changed.seconds), nanoseconds: UInt32(changed.nanoseconds))
        entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
        entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
        entry.file_size = UInt32(info.st_size)
        entry.uid = info.st_uid
        entry.gid = info.st_gid
        let copy = entry
        XCTAssertEqual(withUnsafePointer(to: copy) { git_index_add(index, $0) }, 0)
        XCTAssertEqual(git_index_write(index), 0)
    }
}

/// A small deterministic generator (SplitMix64), so a failing round can be replayed.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Int(value % UInt64(bound))
    }
}
