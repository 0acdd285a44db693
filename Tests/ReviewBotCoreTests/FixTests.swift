import Foundation
import Testing

@testable import ReviewBotCore

/// `reviewbot fix` and `review --fix` on real repositories: fixes committed with libgit2, the
/// incremental re-review, rollback when a check fails, and nobody's uncommitted work lost.
@Suite struct FixTests {
    static let insecurePython = """
        import yaml
        import requests

        def load(stream):
            return yaml.load(stream)

        def get(url):
            return requests.get(url, verify=False, timeout=5)

        """
    static let breakpointJS = "function f(a) {\n  debugger;\n  return a;\n}\n"

    /// A repository whose last commit adds three fixable findings in two files, and a third, clean file.
    private func threeFixableFindings() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("notes.txt", "unrelated\n")
        try repo.write("other.txt", "also unrelated\n")
        try repo.commitAll("base")
        try repo.write("app.py", Self.insecurePython)
        try repo.write("app.js", Self.breakpointJS)
        try repo.write("util.py", "def double(x):\n    return 2 * x\n")
        try repo.commitAll("change")
        return repo
    }

    /// HEAD, the index and the working tree, byte for byte.
    private func snapshot(_ repo: ScratchRepository, files: [String]) throws -> [String] {
        try [repo.git("rev-parse", "HEAD"), repo.git("ls-files", "-s"), repo.git("status", "--porcelain")]
            + files.map { try repo.read($0) }
    }

    private func traceEvents(_ path: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["events"] as? [[String: Any]] ?? []
    }

    @Test func threeFixesInTwoFilesEndApprovedWithOneCommit() throws {
        let repo = try threeFixableFindings()
        let before = try repo.git("rev-parse", "HEAD")
        let trace = try ScratchRepository.temporaryFolder() + "/trace.json"
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--format", "json", "--trace", trace)
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.verdict == "approve")

        #expect(try repo.git("rev-parse", "HEAD~1") == before, "exactly one new commit")
        let fixes = try result.json()["fixes"] as? [[String: Any]] ?? []
        #expect(fixes.count == 1)
        #expect(fixes.first?["commit"] as? String == (try repo.git("rev-parse", "HEAD")))
        #expect((fixes.first?["fixed"] as? [String])?.count == 3)

        // The commit holds exactly the three fixes.
        let diff = try repo.git("diff", "-U0", "HEAD~1", "HEAD")
        let changed = diff.split(separator: "\n").filter {
            ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---")
        }
        #expect(
            changed == [
                "-  debugger;",
                "-    return yaml.load(stream)", "+    return yaml.safe_load(stream)",
                "-    return requests.get(url, verify=False, timeout=5)",
                "+    return requests.get(url, verify=True, timeout=5)",
            ], "\(diff)")
        let message = try repo.git("log", "-1", "--format=%an <%ae>%n%B")
        #expect(message.hasPrefix("Test Developer <dev@example.com>\nreviewbot: fix 3 findings"))
        #expect(message.contains("- security.unsafe-deserialization at app.py:5"))
        #expect(message.contains("Fixed-by: reviewbot"))

        // The re-review looked at the two touched files only; the first review saw all three.
        let handoffs = try traceEvents(trace)
            .filter { $0["from"] as? String == "coordinator" && $0["to"] as? String == "security" }
            .compactMap { $0["count"] as? Int }
        #expect(handoffs == [3, 2], "files handed to the security agent per review")

        #expect(try repo.git("status", "--porcelain").isEmpty, "index and working tree match the fix commit")
        #expect(try repo.git("fsck", "--no-progress").isEmpty)
    }

    @Test func theFixLoopShowsInMarkdownAndValidSARIF() throws {
        let repo = try threeFixableFindings()
        let markdown = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "exit 3", "--format", "markdown")
        #expect(markdown.status == 1, "\(markdown.summary)")
        #expect(markdown.stdout.contains("**Fixes applied**"))
        #expect(markdown.stdout.contains("| 1 | rolled back | 0 |"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("`exit 3` failed (exit 3) after this fix"))

        let sarif = try repo.reviewbot("fix", "HEAD~1..HEAD", "--format", "sarif")
        #expect(sarif.status == 0, "\(sarif.summary)")
        _ = try SARIFSchema.validate(sarif.stdout)
    }

    @Test func aFailingVerifyCommandRollsTheIterationBack() throws {
        let repo = try threeFixableFindings()
        let files = ["app.py", "app.js", "notes.txt"]
        let before = try snapshot(repo, files: files)
        let result = try repo.reviewbot(
            "fix", "HEAD~1..HEAD", "--verify", "echo tests broke; exit 7", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try snapshot(repo, files: files) == before, "HEAD, index and working tree as before")
        #expect(try repo.git("fsck", "--no-progress").isEmpty)

        let fix = (try result.json()["fixes"] as? [[String: Any]])?.first
        #expect(fix?["commit"] == nil)
        let verify = fix?["verify"] as? [String: Any]
        #expect(verify?["exitCode"] as? Int == 7)
        #expect((verify?["output"] as? String)?.contains("tests broke") == true)
        let rolledBack = fix?["rolledBack"] as? [[String: Any]] ?? []
        #expect(Set(rolledBack.compactMap { $0["ruleId"] as? String }).contains("security.unsafe-deserialization"))
        #expect(rolledBack.allSatisfy { ($0["reason"] as? String)?.contains("failed (exit 7)") == true })
        let reasons = try result.json()["reasons"] as? [String] ?? []
        #expect(reasons.last?.contains("broke `echo tests broke; exit 7`") == true, "\(reasons)")
    }

    @Test func allowDirtyKeepsUnrelatedStagedAndUnstagedEditsByteForByte() throws {
        let repo = try threeFixableFindings()
        try repo.write("notes.txt", "unrelated\nan unstaged edit\r\n")
        try repo.write("other.txt", "also unrelated\na staged edit\n")
        try repo.git("add", "other.txt")
        let staged = try repo.git("diff", "--cached")
        let unstaged = try repo.git("diff")

        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--allow-dirty")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try repo.git("diff", "--name-only", "HEAD~1", "HEAD") == "app.js\napp.py")
        #expect(try repo.git("diff", "--cached") == staged)
        #expect(try repo.git("diff") == unstaged)
        #expect(try repo.read("notes.txt") == "unrelated\nan unstaged edit\r\n")
        #expect(try repo.git("fsck", "--no-progress").isEmpty)
    }

    @Test func aTouchedFileWithLocalEditsStopsTheFixUnlessAllowDirtyThenItIsLeftAlone() throws {
        let repo = try threeFixableFindings()
        let edited = Self.insecurePython + "# still editing\n"
        try repo.write("app.py", edited)
        let head = try repo.git("rev-parse", "HEAD")

        let refused = try repo.reviewbot("fix", "HEAD~1..HEAD")
        #expect(refused.status == 3, "\(refused.summary)")
        refused.expectOneErrorLine()
        #expect(refused.stderr.contains("app.py has uncommitted changes"))
        #expect(try repo.git("rev-parse", "HEAD") == head)

        let allowed = try repo.reviewbot("fix", "HEAD~1..HEAD", "--allow-dirty")
        #expect(allowed.status == 1, "app.py's findings remain: \(allowed.summary)")
        #expect(try repo.git("diff", "--name-only", "HEAD~1", "HEAD") == "app.js")
        #expect(try repo.read("app.py") == edited)
    }

    @Test func theRangeMustEndAtHead() throws {
        let repo = try threeFixableFindings()
        try repo.write("later.txt", "later\n")
        try repo.commitAll("later")
        let result = try repo.reviewbot("fix", "HEAD~2..HEAD~1")
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.contains("the range must end at HEAD"))
    }

    /// Two custom rules: `alpha(` is fixed to `beta(`, which a second, milder rule fixes to `gamma(`;
    /// a third rule's fix leaves its own finding in place. Any finding blocks (strictest voting).
    static let chainedRules = """
        voting: {policy: strictest, request_changes_at: medium}
        custom_rules:
          - id: team.no-alpha
            category: quality
            severity: high
            keywords: [alpha]
            patterns: ['\\balpha\\(']
            message: alpha is gone
            fix: {find: '\\balpha\\(', replace: 'beta('}
          - id: team.no-beta
            category: quality
            severity: medium
            keywords: [beta]
            patterns: ['\\bbeta\\(']
            message: beta is going
            fix: {find: '\\bbeta\\(', replace: 'gamma('}
          - id: team.no-legacy
            category: quality
            severity: high
            keywords: [legacy]
            patterns: ['\\blegacy_call\\s*\\(']
            message: legacy_call is deprecated
            fix: {description: only adds a space, find: 'legacy_call\\(', replace: 'legacy_call ('}
        """

    @Test func maxIterationsIsHonouredAndTheLoopGoesOnUntilApproved() throws {
        for (limit, expected, status) in [("1", "beta(1)", Int32(1)), ("3", "gamma(1)", Int32(0))] {
            let repo = try ScratchRepository(initialCommit: true)
            try repo.writeConfig(Self.chainedRules)
            try repo.commitAll("config")
            try repo.write("job.py", "value = alpha(1)\n")
            try repo.commitAll("change")
            let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--max-iterations", limit, "--format", "json")
            #expect(result.status == status, "\(result.summary)")
            #expect(try repo.read("job.py") == "value = \(expected)\n")
            let fixes = try result.json()["fixes"] as? [[String: Any]] ?? []
            #expect(fixes.count == Int(limit).map { min($0, 2) })
            let reasons = try result.json()["reasons"] as? [String] ?? []
            #expect(reasons.last?.contains(limit == "1" ? "iteration limit (1) reached" : "approved") == true)
        }
    }

    @Test func aFixThatDoesNotRemoveItsFindingStopsAfterOneTry() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig(Self.chainedRules)
        try repo.commitAll("config")
        try repo.write("job.py", "legacy_call(1)\n")
        let head = try repo.commitAll("change")
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--max-iterations", "5", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try repo.git("rev-parse", "HEAD") == head, "nothing committed")
        #expect(try repo.read("job.py") == "legacy_call(1)\n")
        let fixes = try result.json()["fixes"] as? [[String: Any]] ?? []
        #expect(fixes.count == 1, "one try")
        let reasons = try result.json()["reasons"] as? [String] ?? []
        #expect(
            reasons.last?.contains("no progress: team.no-legacy at job.py:1: the fix did not remove its finding")
                == true)
    }

    @Test func fixInThePreCommitHookEditsOnlyWorkingTreeFilesThatEqualTheIndex() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("app.js", Self.breakpointJS)
        try repo.write("load.py", "import yaml\nconfig = yaml.load(stream)\n")
        try repo.git("add", "app.js", "load.py")
        try repo.write("load.py", "import yaml\nconfig = yaml.load(stream)\nmore = 1\n")  // unstaged edit
        let index = try repo.git("ls-files", "-s")

        let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("hooks/pre-commit").path
        let result = try Command.run(
            "/bin/sh", [hook], in: repo.path,
            environment: ["REVIEWBOT": Command.reviewbotBinary, "REVIEWBOT_FIX": "1"])
        #expect(result.status == 1, "\(result.summary)")
        #expect(result.stderr.contains("fixed 1 finding in the working tree (app.js)"), "\(result.stderr)")
        #expect(try repo.read("app.js") == "function f(a) {\n  return a;\n}\n")
        #expect(
            try repo.read("load.py") == "import yaml\nconfig = yaml.load(stream)\nmore = 1\n", "differs from the index")
        #expect(try repo.git("ls-files", "-s") == index, "the index is never changed")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1", "nothing committed")
    }

    @Test func anInterruptedIterationIsUndoneByTheNextRun() throws {
        let repo = try threeFixableFindings()
        let original = try repo.git("rev-parse", "HEAD")
        #expect(try repo.reviewbot("fix", "HEAD~1..HEAD").status == 0)
        let fixed = try repo.git("rev-parse", "HEAD")
        // The state of a run killed after writing files and index, before moving the branch.
        try repo.git("update-ref", "refs/heads/main", original)
        let journal =
            #"{"after":"\#(fixed)","before":"\#(original)","paths":["app.js","app.py"],"reference":"refs/heads/main"}"#
        try repo.write(".git/reviewbot-fix.json", journal)

        let rerun = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verbose")
        #expect(rerun.status == 0, "\(rerun.summary)")
        #expect(rerun.stderr.contains("recovered from an interrupted fix"))
        #expect(!repo.exists(".git/reviewbot-fix.json"))
        #expect(try repo.git("rev-parse", "HEAD~1") == original)
        #expect(try repo.git("status", "--porcelain").isEmpty)
        #expect(try repo.git("fsck", "--no-progress").isEmpty)
    }

    /// `kill -9` at moments spread over a fix run: the repository is always consistent (fsck clean, every
    /// file either before or after its fix), and the next run ends where an uninterrupted one would,
    /// with no temporary file left behind.
    @Test func killingTheFixerAtAnyMomentLosesNothing() throws {
        let fixedPython = Self.insecurePython.replacingOccurrences(of: "yaml.load", with: "yaml.safe_load")
            .replacingOccurrences(of: "verify=False", with: "verify=True")
        for delay in [0, 10, 20, 30, 40, 55, 70, 90, 120, 160] {
            let repo = try threeFixableFindings()
            let base = try repo.git("rev-parse", "HEAD~1")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Command.reviewbotBinary)
            process.arguments = ["fix", "\(base)..HEAD"]
            process.currentDirectoryURL = URL(fileURLWithPath: repo.path)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try repo.git("fsck", "--no-progress").isEmpty, "after a kill at \(delay) ms")
            #expect(try repo.read("app.py") == Self.insecurePython || repo.read("app.py") == fixedPython)
            let rerun = try repo.reviewbot("fix", "\(base)..HEAD")
            #expect(rerun.status == 0, "after a kill at \(delay) ms: \(rerun.summary)")
            #expect(try repo.read("app.py") == fixedPython)
            #expect(try repo.read("app.js") == "function f(a) {\n  return a;\n}\n")
            #expect(try repo.git("status", "--porcelain", "--untracked-files=all").isEmpty, "no leftovers")
            #expect(try repo.git("fsck", "--no-progress").isEmpty)
        }
    }

    @Test func patchesKeepLineEndingsAndRemoveLinesTheFixEmpties() throws {
        let rules = [
            Rule(
                id: "t.drop", category: .quality, severity: .low, keywords: ["drop"], patterns: [.init(.code, "drop")],
                message: "m", recommendation: "r", fix: .init("remove", find: #"^\s*drop\(\);\s*$"#, replace: ""),
                examples: []),
            Rule(
                id: "t.old", category: .quality, severity: .low, keywords: ["old"], patterns: [.init(.code, "old")],
                message: "m", recommendation: "r", fix: .init("rename", find: "old", replace: "new"), examples: []),
        ]
        let fixes = CompiledFix.safeFixes(of: rules)
        let original = Array("a();\r\n  drop();\r\nold(x)\r\nlast old".utf8)
        func finding(_ rule: String, _ line: Int) -> Finding {
            Finding(
                ruleId: rule, category: .quality, severity: .low, path: "f.js", line: line, endLine: line, column: 1,
                message: "", recommendation: "", agents: [], source: .rule, fingerprint: "\(rule)\(line)")
        }
        let patch = FilePatch(
            path: "f.js", original: original,
            findings: [finding("t.drop", 2), finding("t.old", 3), finding("t.old", 4)],
            fixes: fixes)
        #expect(String(decoding: patch.result, as: UTF8.self) == "a();\r\nnew(x)\r\nlast new")
        #expect(patch.newLine(for: 2) == nil)
        #expect(patch.newLine(for: 3) == 2)
        #expect(patch.applied.count == 3)
    }

    /// Found by the diff fuzz target: a replacement ending in `\n` at the end of a file without a final newline
    /// mapped the old line one past the end of the result.
    @Test func aReplacementsFinalNewlineEndsItsLastLine() {
        let finding = Finding(
            ruleId: "t.x", category: .quality, severity: .low, path: "f.py", line: 2, endLine: 2, column: 1,
            message: "", recommendation: "", agents: [], source: .rule, fingerprint: "x")
        let patch = FilePatch(
            path: "f.py", original: Array("a = 1\nb = 2".utf8), findings: [finding], fixes: [:],
            proposals: [LinePatch(finding: finding, startLine: 2, endLine: 2, replacement: "b = 3\n")])
        #expect(String(decoding: patch.result, as: UTF8.self) == "a = 1\nb = 3")
        #expect(patch.newLines(for: 2) == 2...2)
    }
}

/// Patches from a proposer (the LLM's role) go through the same proof, commit and re-review as rule
/// fixes, and only when they stay inside the finding's hunk.
@Suite struct ProposedFixTests {
    /// Answers with fixed replacements, as a model would; keyed by rule id.
    struct ScriptedProposer: FixProposer {
        var patches: [String: (offset: ClosedRange<Int>, text: String)]

        func propose(for findings: [Finding], files: [String: String]) async -> [LinePatch] {
            findings.compactMap { finding in
                guard let patch = patches[finding.ruleId] else { return nil }
                return LinePatch(
                    finding: finding, startLine: finding.line + patch.offset.lowerBound,
                    endLine: finding.line + patch.offset.upperBound, replacement: patch.text)
            }
        }
    }

    private func fixer(_ repo: ScratchRepository, _ proposer: ScriptedProposer) -> Fixer {
        Fixer(
            configuration: Configuration(), reader: ChangeReader(repositoryPath: repo.path), options: FixOptions(),
            trace: TraceRecorder(), proposer: proposer)
    }

    private func sqlChange() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "db.py",
            "def find(cursor, user_id):\n    sql = 'SELECT * FROM t WHERE id = ' + user_id\n    cursor.execute(sql)\n")
        try repo.commitAll("query")
        return repo
    }

    @Test func aProposedPatchInsideTheHunkIsProvedCommittedAndReReviewed() async throws {
        let repo = try sqlChange()
        let proposer = ScriptedProposer(patches: [
            "security.sql-injection": (
                0...1, "    sql = 'SELECT * FROM t WHERE id = %s'\n    cursor.execute(sql, (user_id,))"
            )
        ])
        let report = try await fixer(repo, proposer).fixCommits("HEAD~1..HEAD").report
        #expect(report.verdict == .approve, "\(report.findings.map(\.ruleId)) \(report.reasons)")
        #expect(report.fixes.count == 1)
        #expect(try repo.read("db.py").contains("cursor.execute(sql, (user_id,))"))
        #expect(try repo.git("log", "-1", "--format=%B").contains("(patch proposed by the model)"))
        #expect(try repo.git("status", "--porcelain").isEmpty)
    }

    @Test func aPatchReachingOutsideTheHunkOrNotRemovingTheFindingIsNotUsed() async throws {
        let repo = try sqlChange()
        let head = try repo.git("rev-parse", "HEAD")
        let outside = ScriptedProposer(patches: ["security.sql-injection": (-2...0, "    pass")])
        let first = try await fixer(repo, outside).fixCommits("HEAD~1..HEAD").report
        #expect(first.fixes.first?.rolledBack.first?.reason == "the proposed patch reaches outside the finding's hunk")

        let useless = ScriptedProposer(patches: [
            "security.sql-injection": (0...0, "    sql = 'SELECT * FROM t WHERE id = ' + str(user_id)")
        ])
        let second = try await fixer(repo, useless).fixCommits("HEAD~1..HEAD").report
        #expect(second.fixes.first?.rolledBack.first?.reason == "the fix did not remove its finding; not retried")
        #expect(try repo.git("rev-parse", "HEAD") == head)
    }
}
