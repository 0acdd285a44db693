import Foundation
import Testing

/// Every kind of change `reviewbot review` reads, end to end: real repositories, the built binary,
/// and what the user sees (findings, skipped notes, exit codes).
@Suite struct ChangeReadingTests {
    // MARK: - What is compared

    @Test func twoDotRangeReviewsExactlyTheCommitsBetween() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("first.py", "\(insecureRequestLine)\n")
        let first = try repo.commitAll("first")
        try repo.write("second.py", "\(insecureRequestLine)\n")
        try repo.commitAll("second")
        try repo.write("third.py", "\(insecureRequestLine)\n")
        let third = try repo.commitAll("third")

        let middle = try repo.reviewbot("review", "HEAD~2..HEAD~1", "--format", "json")
        #expect(middle.status == 1, "\(middle.summary)")
        #expect(try middle.findingKeys() == ["security.tls-verification-disabled@second.py:1"])

        let both = try repo.reviewbot("review", "\(first)..\(third)", "--format", "json")
        #expect(
            try both.findingKeys() == [
                "security.tls-verification-disabled@second.py:1", "security.tls-verification-disabled@third.py:1",
            ])
        let target = try both.json()["target"] as? [String: Any]
        #expect(target?["range"] as? String == "\(first)..\(third)")
        #expect(target?["base"] as? String == first)
        #expect(target?["head"] as? String == third)
    }

    @Test func threeDotRangeReviewsFromTheMergeBase() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let branchPoint = try repo.git("rev-parse", "HEAD")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("feature.py", "\(insecureRequestLine)\n")
        try repo.commitAll("feature work")
        try repo.git("checkout", "-q", "main")
        // A commit on main after the branch point: not part of the feature branch's change.
        try repo.write("mainline.py", "\(insecureRequestLine)\n")
        try repo.commitAll("main moves on")

        let result = try repo.reviewbot("review", "main...feature", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@feature.py:1"])
        #expect(try result.skipped().isEmpty, "mainline.py must not appear, not even as deleted")
        let target = try result.json()["target"] as? [String: Any]
        #expect(target?["base"] as? String == branchPoint)
    }

    @Test func oneCommitIsReviewedAgainstItsFirstParent() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("feature.py", "\(insecureRequestLine)\n")
        try repo.commitAll("feature work")
        try repo.git("checkout", "-q", "main")
        try repo.write("mainline.py", "\(insecureRequestLine)\n")
        try repo.commitAll("main work")
        try repo.git("merge", "-q", "--no-ff", "--no-edit", "feature")

        // The merge against its first parent (main) brings in only the feature's file.
        let merge = try repo.reviewbot("review", "HEAD", "--format", "json")
        #expect(try merge.findingKeys() == ["security.tls-verification-disabled@feature.py:1"], "\(merge.summary)")

        // The default is HEAD; an older single commit is its own change only.
        let defaulted = try repo.reviewbot("review", "--format", "json")
        #expect(try defaulted.findingKeys() == ["security.tls-verification-disabled@feature.py:1"])
        let older = try repo.reviewbot("review", "HEAD~1", "--format", "json")
        #expect(try older.findingKeys() == ["security.tls-verification-disabled@mainline.py:1"])
    }

    @Test func rootCommitIsReviewedAgainstTheEmptyTree() throws {
        let repo = try ScratchRepository()
        try repo.write("app.py", "import requests\n\(insecureRequestLine)\n")
        let root = try repo.commitAll("root")

        let result = try repo.reviewbot("review", "HEAD", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@app.py:2"])
        let target = try result.json()["target"] as? [String: Any]
        #expect(target?["head"] as? String == root)
        #expect(target?["base"] == nil || target?["base"] is NSNull)
    }

    @Test func stagedReviewsTheIndexAgainstHead() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("staged.py", "\(insecureRequestLine)\n")
        try repo.git("add", "staged.py")
        try repo.write("unstaged.py", "\(insecureRequestLine)\n")  // untracked: not in the index

        let result = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@staged.py:1"])
        let target = try result.json()["target"] as? [String: Any]
        #expect(target?["range"] as? String == "--staged")
    }

    @Test func stagedInARepositoryWithoutCommitsIsReviewedAgainstTheEmptyTree() throws {
        let repo = try ScratchRepository()
        try repo.write("first.py", "x = 1\n\(insecureRequestLine)\n")
        try repo.git("add", "first.py")

        let result = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@first.py:2"])

        let clean = try ScratchRepository()
        try clean.write("first.py", "x = 1\n")
        try clean.git("add", "first.py")
        let approved = try clean.reviewbot("review", "--staged", "--format", "json")
        #expect(approved.status == 0, "\(approved.summary)")
        #expect(approved.verdict == "approve")
    }

    @Test func worktreeIncludesUnstagedAndUntrackedFiles() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("tracked.py", "x = 1\n")
        try repo.commitAll("tracked")
        try repo.write("tracked.py", "x = 1\n\(insecureRequestLine)\n")  // modified, not staged
        try repo.write("new/untracked.py", "\(insecureRequestLine)\n")  // untracked, in a new folder

        let result = try repo.reviewbot("review", "--worktree", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(
            try result.findingKeys() == [
                "security.tls-verification-disabled@new/untracked.py:1",
                "security.tls-verification-disabled@tracked.py:2",
            ])

        // The same edits are invisible to --staged.
        let staged = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(staged.status == 0, "\(staged.summary)")
        #expect(try staged.findingKeys().isEmpty)
    }

    // MARK: - The acceptance item: the index, never the working tree

    @Test func stagedIgnoresABadUnstagedEditOfTheSameFile() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("client.py", "import requests\n")
        try repo.commitAll("client")
        try repo.write("client.py", "import requests\nurl = 'https://example.com'\n")
        try repo.git("add", "client.py")  // clean version staged
        try repo.write("client.py", "import requests\nurl = 'https://example.com'\n\(insecureRequestLine)\n")  // bad line only in the working tree

        let staged = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(staged.status == 0, "\(staged.summary)")
        #expect(staged.verdict == "approve")
        #expect(try staged.findingKeys().isEmpty)

        let worktree = try repo.reviewbot("review", "--worktree", "--format", "json")
        #expect(worktree.status == 1)
        #expect(try worktree.findingKeys() == ["security.tls-verification-disabled@client.py:3"])
    }

    @Test func stagedFlagsABadStagedLineEvenWhenTheWorkingTreeIsFixed() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("client.py", "import requests\n")
        try repo.commitAll("client")
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")
        try repo.git("add", "client.py")  // bad line staged
        try repo.write("client.py", "import requests\nrequests.get(url)\n")  // fixed in the working tree only

        let staged = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(staged.status == 1, "\(staged.summary)")
        #expect(staged.verdict == "request_changes")
        #expect(try staged.findingKeys() == ["security.tls-verification-disabled@client.py:2"])

        let worktree = try repo.reviewbot("review", "--worktree", "--format", "json")
        #expect(worktree.status == 0, "\(worktree.summary)")
    }

    // MARK: - Per file

    @Test func addedFileIsReviewedOnEveryLine() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("added.py", "import requests\n\n\(insecureRequestLine)\n")
        try repo.commitAll("add")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@added.py:3"])
        let stats = try result.json()["stats"] as? [String: Any]
        #expect(stats?["files"] as? Int == 1)
        #expect(stats?["addedLines"] as? Int == 3)
    }

    @Test func modifiedFileIsFlaggedOnlyOnAddedOrModifiedLines() throws {
        let repo = try ScratchRepository(initialCommit: true)
        // A pre-existing bad line (2) that the change does not touch.
        try repo.write("legacy.py", "import requests\n\(insecureRequestLine)\nA = 1\nB = 2\n")
        try repo.commitAll("legacy")
        // The change modifies line 3 into a bad line and appends a clean line.
        try repo.write(
            "legacy.py", "import requests\n\(insecureRequestLine)\nrequests.post(url, verify=False)\nB = 2\nC = 3\n")
        try repo.commitAll("edit")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@legacy.py:3"])

        // An edit elsewhere in the file approves although the old bad line is still there.
        try repo.write(
            "legacy.py", "import requests\n\(insecureRequestLine)\nrequests.post(url, verify=False)\nB = 2\nC = 4\n")
        try repo.commitAll("unrelated edit")
        let unrelated = try repo.reviewbot("review", "--format", "json")
        #expect(unrelated.status == 0, "\(unrelated.summary)")
        #expect(try unrelated.findingKeys().isEmpty)
    }

    @Test func deletedFileHasNoFindingsAndIsNoted() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("old.py", "\(insecureRequestLine)\n")
        try repo.write("keys/old.pem", "\(privateKeyLine)\nMIIEowIBAAKCAQEA7\n")
        try repo.commitAll("bad files")
        try repo.remove("old.py")
        try repo.remove("keys/old.pem")
        try repo.commitAll("delete them")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.verdict == "approve")
        #expect(try result.findingKeys().isEmpty)
        #expect(try result.skippedKeys() == ["keys/old.pem:deleted:deleted", "old.py:deleted:deleted"])

        let text = try repo.reviewbot("review")
        #expect(text.status == 0)
        #expect(text.stderr.isEmpty)
    }

    @Test func pureRenameHasNoFindings() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("old/name.py", "import requests\n\(insecureRequestLine)\nA = 1\n")
        try repo.commitAll("bad file")
        try repo.git("mv", "old/name.py", "new_name.py")
        try repo.commitAll("rename")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys().isEmpty)
        #expect(try result.skipped().isEmpty, "a rename is not a deletion plus an addition")
        let stats = try result.json()["stats"] as? [String: Any]
        #expect(stats?["addedLines"] as? Int == 0)
    }

    @Test func renameWithEditsIsFlaggedOnlyOnTheEditedLine() throws {
        let repo = try ScratchRepository(initialCommit: true)
        var lines = ["import requests", insecureRequestLine]
        for index in 1...10 { lines.append("VALUE_\(index) = \(index)") }
        try repo.write("client.py", lines.joined(separator: "\n") + "\n")
        try repo.commitAll("client")
        try repo.git("mv", "client.py", "http_client.py")
        lines[8] = "requests.put(url, verify=False)"
        try repo.write("http_client.py", lines.joined(separator: "\n") + "\n")
        try repo.commitAll("rename and edit")

        // Seen by git as a rename too.
        #expect(try repo.git("diff", "--name-status", "-M", "HEAD~1", "HEAD").hasPrefix("R"))

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        // Only line 9 (the edit), not the old bad line 2 that moved with the file.
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@http_client.py:9"])
        #expect(try result.skipped().isEmpty)
        let stats = try result.json()["stats"] as? [String: Any]
        #expect(stats?["addedLines"] as? Int == 1)
    }

    @Test func binaryFileIsSkippedWithANote() throws {
        let repo = try ScratchRepository(initialCommit: true)
        var bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
        bytes.append(Data("\nIHDR\n".utf8))
        try repo.write("logo.png", bytes)
        try repo.commitAll("binary")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys().isEmpty)
        #expect(try result.skippedKeys() == ["logo.png:added:binary"])

        let text = try repo.reviewbot("review")
        #expect(text.stdout.contains("skipped logo.png"))
    }

    @Test func minifiedBundleIsSkippedWithANoteAndAnInlineSVGIsNot() throws {
        let repo = try ScratchRepository(initialCommit: true)
        // one 46 KB line of statements: a bundle (unsafe on purpose) reviewbot:ignore security.sql-injection
        let statements = (0..<1_000).map { "db.query(\"SELECT * FROM t WHERE a = \" + v\($0));" }
        try repo.write("bundle.js", statements.joined() + "\n")
        // a hand-written page with a long inline SVG path and an unlabelled image
        let path = String(repeating: "L10 20 ", count: 1_500)
        try repo.write("page.html", "<p>Logo</p>\n<svg><path d=\"M0 0 \(path)\"/></svg>\n<img src=\"chart.png\">\n")
        try repo.commitAll("files")

        let result = try repo.reviewbot("review", "--format", "json", "--fail-on", "never")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.skippedKeys() == ["bundle.js:added:minified"])
        let detail = try result.skipped().first?["detail"] as? String
        #expect(detail?.contains("minified") == true)
        #expect(try result.findingKeys().contains("accessibility.img-alt@page.html:3"))
    }

    @Test func fileOverTheSizeLimitIsSkippedWithANote() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig("max_file_bytes: 100\n")
        try repo.commitAll("config")
        try repo.write("small.py", "\(insecureRequestLine)\n")
        try repo.write("big.py", "\(insecureRequestLine)\n" + String(repeating: "x = 1\n", count: 40))
        try repo.commitAll("files")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@small.py:1"])
        #expect(try result.skippedKeys() == ["big.py:added:too_large"])
        let detail = try result.skipped().first?["detail"] as? String
        #expect(detail?.contains("100") == true)
    }

    @Test func invalidUTF8IsSkippedWithANote() throws {
        let repo = try ScratchRepository(initialCommit: true)
        var bytes = Data("name = 'caf".utf8)
        bytes.append(0xE9)  // Latin-1 é: not UTF-8, but not binary either
        bytes.append(Data("'\n\(insecureRequestLine)\n".utf8))
        try repo.write("latin1.py", bytes)
        try repo.commitAll("latin-1")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys().isEmpty)
        #expect(try result.skippedKeys() == ["latin1.py:added:invalid_utf8"])
    }

    @Test func crlfLineEndingsReportTheRightLine() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.git("config", "core.autocrlf", "false")
        try repo.write("windows.py", "import requests\r\nA = 1\r\nB = 2\r\n")
        try repo.commitAll("crlf file")
        try repo.write("windows.py", "import requests\r\nA = 1\r\n\r\n\(insecureRequestLine)\r\nB = 2\r\n")
        try repo.commitAll("edit")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@windows.py:4"])

        let root = try repo.reviewbot("review", "HEAD~2..HEAD", "--format", "json")
        #expect(try root.findingKeys() == ["security.tls-verification-disabled@windows.py:4"])
    }

    @Test func submoduleIsSkippedWithANote() throws {
        let library = try ScratchRepository(initialCommit: true)
        try library.write("lib.py", "\(insecureRequestLine)\n")
        try library.commitAll("library")
        let repo = try ScratchRepository(initialCommit: true)
        try repo.git("-c", "protocol.file.allow=always", "submodule", "--quiet", "add", library.path, "vendored-lib")
        try repo.git("commit", "-q", "-m", "add submodule")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys().isEmpty)
        let skipped = try result.skippedKeys()
        #expect(skipped.contains("vendored-lib:added:submodule"), "\(skipped)")
    }

    @Test func detachedHeadIsReviewed() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("app.py", "\(insecureRequestLine)\n")
        try repo.commitAll("bad")
        try repo.write("app.py", "requests.get(url)\n")
        try repo.commitAll("fixed")
        try repo.git("checkout", "-q", "--detach", "HEAD~1")

        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@app.py:1"])

        try repo.write("other.py", "\(insecureRequestLine)\n")
        try repo.git("add", "other.py")
        let staged = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(try staged.findingKeys() == ["security.tls-verification-disabled@other.py:1"])
    }

    // MARK: - Git errors (exit 4)

    @Test func shallowCloneReviewingHeadExplainsTheMissingParent() throws {
        let origin = try ScratchRepository(initialCommit: true)
        try origin.write("app.py", "x = 1\n")
        try origin.commitAll("second")
        let folder = try ScratchRepository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let clone = try Command.run(
            "/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + origin.path, "shallow"], in: folder)
        #expect(clone.status == 0, "\(clone.stderr)")

        let result = try Command.run(Command.reviewbotBinary, ["review"], in: folder + "/shallow")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("shallow"))
        #expect(result.stdout.isEmpty)
    }

    @Test func outsideARepositoryIsAGitError() throws {
        let folder = try ScratchRepository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Command.run(Command.reviewbotBinary, ["review"], in: folder)
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("not a git repository"))

        let staged = try Command.run(Command.reviewbotBinary, ["review", "--staged"], in: folder)
        #expect(staged.status == 4)
        staged.expectOneErrorLine()
    }

    @Test func unknownRevisionIsAGitError() throws {
        let repo = try ScratchRepository(initialCommit: true)
        for spec in ["no-such-branch", "HEAD~5", "main..nope", "nope...main"] {
            let result = try repo.reviewbot("review", spec)
            #expect(result.status == 4, "\(spec): \(result.summary)")
            result.expectOneErrorLine()
            #expect(result.stdout.isEmpty)
        }
        let named = try repo.reviewbot("review", "no-such-branch")
        #expect(named.stderr.contains("no-such-branch"))
    }

    @Test func emptyRepositorySuggestsStaged() throws {
        let repo = try ScratchRepository()
        let result = try repo.reviewbot("review")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("--staged"))

        // And --worktree works there too, against the empty tree.
        try repo.write("app.py", "\(insecureRequestLine)\n")
        let worktree = try repo.reviewbot("review", "--worktree", "--format", "json")
        #expect(try worktree.findingKeys() == ["security.tls-verification-disabled@app.py:1"], "\(worktree.summary)")
    }
}
