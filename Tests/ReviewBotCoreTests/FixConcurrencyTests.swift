import Foundation
import Synchronization
import Testing

@testable import ReviewBotCore

/// `fix` while someone else works in the repository: an edit saved mid-round, a second fixer, a git command
/// holding `index.lock`, a kill during `--verify`. Nobody's work is lost, and HEAD, index and working tree agree
/// after every stop. Edits are injected at exact moments through `--verify` commands and a proposer, so nothing
/// depends on timing.
@Suite struct FixConcurrencyTests {
    static let insecurePython = FixTests.insecurePython
    static let fixedPython = insecurePython.replacingOccurrences(of: "yaml.load", with: "yaml.safe_load")
        .replacingOccurrences(of: "verify=False", with: "verify=True")
    static let breakpointJS = FixTests.breakpointJS
    static let fixedJS = "function f(a) {\n  return a;\n}\n"

    /// A repository whose last commit adds fixable findings in `app.py` and `app.js`.
    private func fixableChange() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("notes.txt", "unrelated\n")
        try repo.commitAll("base")
        try repo.write("app.py", Self.insecurePython)
        try repo.write("app.js", Self.breakpointJS)
        try repo.commitAll("change")
        return repo
    }

    /// HEAD, the index and the status, and the two fixable files.
    private func snapshot(_ repo: ScratchRepository) throws -> [String] {
        try [
            repo.git("rev-parse", "HEAD"), repo.git("ls-files", "-s"), repo.git("status", "--porcelain"),
            repo.read("app.py"), repo.read("app.js"),
        ]
    }

    private func expectConsistent(_ repo: ScratchRepository, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try repo.git("fsck", "--no-progress").isEmpty, sourceLocation: sourceLocation)
        #expect(!repo.exists(".git/reviewbot-fix.json"), "no journal left", sourceLocation: sourceLocation)
        #expect(!repo.exists(".git/index.lock"), sourceLocation: sourceLocation)
        let leftovers = try repo.git("status", "--porcelain", "--untracked-files=all", "--ignored")
        #expect(!leftovers.contains(".reviewbot-"), "no temporary files: \(leftovers)", sourceLocation: sourceLocation)
    }

    private func reasons(_ result: Command.Result) throws -> [String] {
        let fixes = try result.json()["fixes"] as? [[String: Any]] ?? []
        return fixes.flatMap { ($0["rolledBack"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String } }
    }

    // MARK: - One fixer per repository

    @Test func aSecondFixStartedMidRoundRefusesAndTheFirstFinishes() throws {
        let repo = try fixableChange()
        let original = try repo.git("rev-parse", "HEAD")
        let out = try ScratchRepository.temporaryFolder()
        let second = #""$REVIEWBOT" fix HEAD~1..HEAD > "$OUT/second.txt" 2>&1; echo $? > "$OUT/status.txt""#
        let first = try repo.reviewbot(
            "fix", "HEAD~1..HEAD", "--verify", second, environment: ["REVIEWBOT": Command.reviewbotBinary, "OUT": out])
        #expect(first.status == 0, "\(first.summary)")

        let status = try String(contentsOfFile: out + "/status.txt", encoding: .utf8)
        let message = try String(contentsOfFile: out + "/second.txt", encoding: .utf8)
        #expect(status == "4\n", "the second fix: \(message)")
        #expect(message.hasPrefix("reviewbot: another reviewbot fix is running in this repository (pid "), "\(message)")
        #expect(message.split(separator: "\n").count == 1, "\(message)")

        #expect(try repo.git("rev-parse", "HEAD~1") == original, "one fix commit, from the first fixer")
        #expect(try repo.read("app.py") == Self.fixedPython)
        #expect(try repo.git("status", "--porcelain").isEmpty, "index and files match the fix commit")
        try expectConsistent(repo)
    }

    @Test func theLockOfADeadFixerIsTakenOver() throws {
        let repo = try fixableChange()
        try repo.write(
            ".git/reviewbot/fix.lock", #"{"pid":999999,"host":"elsewhere","started":"2026-01-01T00:00:00Z"}"#)
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try repo.read("app.py") == Self.fixedPython)
        try expectConsistent(repo)
    }

    @Test func aFixedFileKeepsItsMode() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("tool.py", "#!/usr/bin/env python3\nimport yaml\nconfig = yaml.load(stream)\n")
        chmod(repo.path + "/tool.py", 0o750)
        try repo.commitAll("tool")
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try repo.read("tool.py").contains("yaml.safe_load"))
        let attributes = try FileManager.default.attributesOfItem(atPath: repo.path + "/tool.py")
        #expect((attributes[.posixPermissions] as? Int) == 0o750)
        #expect(try repo.git("ls-files", "-s", "tool.py").hasPrefix("100755"))
        #expect(try repo.git("status", "--porcelain").isEmpty)
        try expectConsistent(repo)
    }

    // MARK: - Stops and refusals

    @Test func aFixKilledDuringVerifyKeepsNoUnverifiedCommit() throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        let killed = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "kill -9 $PPID")
        #expect(killed.status == SIGKILL, "\(killed.summary)")
        #expect(try repo.git("rev-parse", "HEAD") == before[0], "no unverified commit")
        #expect(try repo.git("ls-files", "-s") == before[1], "the index is untouched")
        #expect(try repo.git("fsck", "--no-progress").isEmpty)

        let rerun = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verbose")
        #expect(rerun.status == 0, "\(rerun.summary)")
        #expect(rerun.stderr.contains("recovered from an interrupted fix"), "\(rerun.stderr)")
        #expect(try repo.git("rev-parse", "HEAD~1") == before[0])
        #expect(try repo.read("app.py") == Self.fixedPython)
        #expect(try repo.git("status", "--porcelain").isEmpty)
        try expectConsistent(repo)
    }

    @Test(arguments: [("TERM", SIGTERM, "Terminated"), ("INT", SIGINT, "Interrupt")])
    func aFixStoppedDuringVerifyUndoesTheRoundAndDiesOfTheSignal(name: String, number: Int32, text: String) throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        let stopped = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "kill -\(name) $PPID; sleep 0.3")
        #expect(stopped.status == number, "\(stopped.summary)")
        #expect(
            stopped.stderr == "reviewbot: stopped by \(text) while fixing; the round in flight was undone and nothing "
                + "was committed\n")
        #expect(try snapshot(repo) == before, "HEAD, index and files as before")
        try expectConsistent(repo)
    }

    @Test func aStopEndsTheWholeVerifyCommand() throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        let start = Date()
        let stopped = try repo.reviewbot(
            "fix", "HEAD~1..HEAD", "--verify", "kill -TERM $PPID; sleep 30; touch late.txt; sleep 30")
        #expect(stopped.status == SIGTERM, "\(stopped.summary)")
        #expect(Date().timeIntervalSince(start) < 15, "the verify command's children were stopped too")
        #expect(!repo.exists("late.txt"))
        #expect(try snapshot(repo) == before)
        try expectConsistent(repo)
    }

    /// The command starts with no signal blocked (the runtime's threads block them, and a child inherits that).
    @Test func aVerifyCommandCanStopItsOwnChildren() throws {
        let repo = try fixableChange()
        let start = Date()
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "timeout 1 sleep 30", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(Date().timeIntervalSince(start) < 15)
        let verify = (try result.json()["fixes"] as? [[String: Any]])?.first?["verify"] as? [String: Any]
        #expect(verify?["exitCode"] as? Int == 124)
        try expectConsistent(repo)
    }

    @Test func anIndexLockHeldBeforeTheFixIsRefusedWithNothingTouched() throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        try repo.write(".git/index.lock", "")
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("index.lock exists: another git command is changing the index"))
        try repo.remove(".git/index.lock")
        #expect(try snapshot(repo) == before)
        try expectConsistent(repo)
    }

    @Test func anIndexLockTakenDuringTheRoundUndoesItCleanly() throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "touch .git/index.lock")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("index.lock exists"))
        #expect(repo.exists(".git/index.lock"), "someone else's lock is theirs to remove")
        try repo.remove(".git/index.lock")
        #expect(try snapshot(repo) == before, "the fixed files are restored")
        try expectConsistent(repo)
    }

    @Test func aCommitMadeDuringVerifyIsKeptAndTheRoundIsNotCommittedOnTop() throws {
        let repo = try fixableChange()
        let original = try repo.git("rev-parse", "HEAD")
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "git commit -qam 'mine, with the fixes'")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("refs/heads/main moved while reviewbot worked"), "\(result.stderr)")
        #expect(try repo.git("rev-parse", "HEAD~1") == original, "their commit, and no fix commit on top")
        #expect(try repo.git("log", "-1", "--format=%s") == "mine, with the fixes")
        #expect(try repo.git("status", "--porcelain").isEmpty, "their commit's files are left as they are")
        try expectConsistent(repo)
    }

    // MARK: - Edits made while fixing

    @Test func anEditToAFixedFileDuringAFailingVerifyIsKept() throws {
        let repo = try fixableChange()
        let before = try snapshot(repo)
        let result = try repo.reviewbot(
            "fix", "HEAD~1..HEAD", "--verify", "echo '# mine' >> app.py; exit 1", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try repo.git("rev-parse", "HEAD") == before[0])
        #expect(try repo.git("ls-files", "-s") == before[1])
        #expect(try repo.read("app.py") == Self.fixedPython + "# mine\n", "the edit is never thrown away")
        #expect(try repo.read("app.js") == Self.breakpointJS, "an untouched fixed file is rolled back")
        #expect(try reasons(result).contains { $0.contains("left alone: changed while fixing") }, "\(result.stdout)")
        try expectConsistent(repo)
    }

    @Test func anEditToAFixedFileDuringAPassingVerifyStaysAnUnstagedChange() throws {
        let repo = try fixableChange()
        let original = try repo.git("rev-parse", "HEAD")
        let result = try repo.reviewbot("fix", "HEAD~1..HEAD", "--verify", "echo '# mine' >> app.py")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try repo.git("rev-parse", "HEAD~1") == original)
        #expect(try repo.git("show", "HEAD:app.py") + "\n" == Self.fixedPython)
        #expect(try repo.read("app.py") == Self.fixedPython + "# mine\n")
        #expect(try repo.git("diff", "--cached").isEmpty)
        #expect(try repo.git("status", "--porcelain") == "M app.py", "the edit is an unstaged change")
        #expect(try repo.git("diff").hasSuffix("+# mine"))
        try expectConsistent(repo)
    }

    /// Edits a file of the change while the fixer waits for patches: after the fixer read it, before it writes.
    struct EditingProposer: FixProposer {
        let repository: String
        let path: String
        let edited = Flag()

        /// Whether the edit was made (the proposer is asked once per round; it edits once).
        final class Flag: Sendable {
            let value = Mutex(false)
        }

        func propose(for findings: [Finding], files: [String: String]) async -> [LinePatch] {
            let first = edited.value.withLock { done in
                defer { done = true }
                return !done
            }
            if first, let handle = FileHandle(forWritingAtPath: repository + "/" + path) {
                handle.seekToEndOfFile()
                handle.write(Data("# typed while fixing\n".utf8))
                try? handle.close()
            }
            return []
        }
    }

    /// `app.py` and `app.js` fixable, and an `eval` in `app.js` that no rule can fix, for the proposer.
    private func changeWithAFindingForTheProposer() throws -> ScratchRepository {
        let repo = try fixableChange()
        try repo.write("app.js", Self.breakpointJS + "eval(input);\n")
        try repo.git("commit", "-q", "--amend", "-a", "--no-edit")
        return repo
    }

    private func fixer(_ repo: ScratchRepository, editing path: String) -> Fixer {
        Fixer(
            configuration: Configuration(), reader: ChangeReader(repositoryPath: repo.path), options: FixOptions(),
            trace: TraceRecorder(), proposer: EditingProposer(repository: repo.path, path: path))
    }

    @Test func aFileSavedMidRoundIsLeftAloneAndTheRestIsCommitted() async throws {
        let repo = try changeWithAFindingForTheProposer()
        let original = try repo.git("rev-parse", "HEAD")
        let report = try await fixer(repo, editing: "app.py").fixCommits("HEAD~1..HEAD").report
        #expect(try repo.read("app.py") == Self.insecurePython + "# typed while fixing\n", "the edit survives")
        #expect(try repo.git("show", "HEAD:app.py") + "\n" == Self.insecurePython, "and is not committed")
        #expect(try repo.git("rev-parse", "HEAD~1") == original)
        #expect(try repo.git("show", "HEAD:app.js").hasPrefix("function f(a) {\n  return a;"))
        #expect(try repo.git("status", "--porcelain") == "M app.py")
        let leftAlone = report.fixes.flatMap(\.rolledBack).filter { $0.reason == Fixer.changedWhileFixing }
        #expect(Set(leftAlone.map(\.path)) == ["app.py"], "\(report.fixes)")
        try expectConsistent(repo)
    }

    @Test func inTheHookAFileSavedWhileFixingIsLeftAlone() async throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("app.js", Self.breakpointJS + "eval(input);\n")
        try repo.write("load.py", "import yaml\nconfig = yaml.load(stream)\n")
        try repo.git("add", "app.js", "load.py")
        let fixer = fixer(repo, editing: "load.py")
        let change = try ChangeReader(repositoryPath: repo.path).read(.staged)
        let reviewed = try await fixer.coordinator.review(change)
        let report = try await fixer.fixWorkingTree(reviewed, change: change, staged: true)
        #expect(try repo.read("load.py") == "import yaml\nconfig = yaml.load(stream)\n# typed while fixing\n")
        #expect(try repo.read("app.js") == Self.fixedJS + "eval(input);\n")
        let leftAlone = report.fixes.flatMap(\.rolledBack).filter { $0.reason == Fixer.changedWhileFixing }
        #expect(leftAlone.map(\.path) == ["load.py"], "\(report.fixes)")
    }

    /// `REVIEWBOT_FIX=1` in the hook while an editor keeps appending to the file being fixed, started at
    /// moments spread over the run: every appended line must survive. (Timing-based, so it guards against
    /// regressions; the exact moment is pinned by ``inTheHookAFileSavedWhileFixingIsLeftAlone()``.)
    @Test func theHookLosesNoneOfManyConcurrentEdits() throws {
        for delay in stride(from: 0, through: 300, by: 60) {
            let repo = try ScratchRepository(initialCommit: true)
            try repo.write("app.js", Self.breakpointJS)
            try repo.git("add", "app.js")
            let hook = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("hooks/pre-commit").path
            let writer = Thread { [path = repo.path] in
                usleep(useconds_t(delay * 1000))
                for line in 0..<40 {
                    guard let handle = FileHandle(forWritingAtPath: path + "/app.js") else { return }
                    handle.seekToEndOfFile()
                    handle.write(Data("// edit \(line)\n".utf8))
                    try? handle.close()
                    usleep(5000)
                }
            }
            writer.start()
            let result = try Command.run(
                "/bin/sh", [hook], in: repo.path,
                environment: ["REVIEWBOT": Command.reviewbotBinary, "REVIEWBOT_FIX": "1"])
            while !writer.isFinished { usleep(10000) }
            #expect([0, 1].contains(result.status), "\(result.summary)")
            let text = try repo.read("app.js")
            let kept = (0..<40).filter { text.contains("// edit \($0)\n") }
            #expect(
                kept.count == 40, "after \(delay) ms, lost edits \(Set(0..<40).subtracting(kept).sorted()): \(text)")
        }
    }
}
