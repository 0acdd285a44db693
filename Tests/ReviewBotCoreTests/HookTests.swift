import Foundation
import Testing

/// `reviewbot hook install|uninstall`, and real `git commit`s going through the installed hook and
/// through the checked-in `hooks/pre-commit` script.
@Suite struct HookTests {
    private static let hookPath = ".git/hooks/pre-commit"

    /// The checked-in script, found from this file: Tests/ReviewBotCoreTests/HookTests.swift → hooks/pre-commit.
    private static let checkedInHook: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("hooks/pre-commit").path

    /// Runs `git commit` in the repository, with extra environment for the hook.
    private func commit(_ repo: ScratchRepository, _ extra: [String] = [], environment: [String: String] = [:]) throws
        -> Command.Result
    {
        try Command.run(
            "/usr/bin/git", ["commit", "-q", "-m", "change"] + extra, in: repo.path, environment: environment)
    }

    private func isExecutable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    @Test func installWritesAnExecutablePreCommitHook() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot("hook", "install")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stdout.contains("pre-commit"))
        let hook = repo.path + "/" + Self.hookPath
        #expect(isExecutable(hook))
        let script = try repo.read(Self.hookPath)
        #expect(script.hasPrefix("#!/bin/sh\n"))
        #expect(script.contains("review --staged"))
        // Installing again replaces reviewbot's own hook without complaint or backup.
        let again = try repo.reviewbot("hook", "install")
        #expect(again.status == 0, "\(again.summary)")
        #expect(!repo.exists(Self.hookPath + ".reviewbot-backup"))
    }

    @Test func installedHookBlocksACriticalCommitAndPassesACleanOne() throws {
        let repo = try ScratchRepository(initialCommit: true)
        #expect(try repo.reviewbot("hook", "install").status == 0)
        let environment = ["REVIEWBOT": Command.reviewbotBinary]

        try repo.write("deploy/key.pem", "\(privateKeyLine)\nMIIEowIBAAKCAQEA7\n")
        try repo.git("add", "deploy/key.pem")
        let blocked = try commit(repo, environment: environment)
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(blocked.stderr.contains("reviewbot: reject"), "\(blocked.stderr)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1", "nothing was committed")
        // The hook never stages, commits or touches the working tree.
        #expect(try repo.git("status", "--porcelain") == "A  deploy/key.pem")

        try repo.git("rm", "-q", "--cached", "deploy/key.pem")
        try repo.remove("deploy/key.pem")
        try repo.write("app.py", "x = 1\n")
        try repo.git("add", "app.py")
        let clean = try commit(repo, environment: environment)
        #expect(clean.status == 0, "\(clean.summary)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2")
    }

    @Test func installedHookFindsTheBinaryWithoutTheEnvironment() throws {
        // The installer embeds the absolute path of the binary that installed it.
        let repo = try ScratchRepository(initialCommit: true)
        #expect(try repo.reviewbot("hook", "install").status == 0)
        try repo.write("deploy/key.pem", "\(privateKeyLine)\n")
        try repo.git("add", "deploy/key.pem")
        let blocked = try commit(repo, environment: ["PATH": "/usr/bin:/bin", "REVIEWBOT": ""])
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(blocked.stderr.contains("reviewbot: reject"), "the hook ran reviewbot itself: \(blocked.stderr)")
        #expect(!blocked.stderr.contains("not found"), "\(blocked.stderr)")
    }

    @Test func installedHookReviewsWhatCommitAllRecords() throws {
        // `git commit -a` runs the hook with GIT_INDEX_FILE pointing at a temporary index.
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("client.py", "import requests\n")
        try repo.commitAll("client")
        #expect(try repo.reviewbot("hook", "install").status == 0)
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")  // modified, not staged

        let blocked = try commit(repo, ["-a"], environment: ["REVIEWBOT": Command.reviewbotBinary])
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(blocked.stderr.contains("reviewbot: request changes"), "\(blocked.stderr)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2")

        // A partial commit (`git commit PATH`) uses yet another temporary index.
        let partial = try commit(repo, ["client.py"], environment: ["REVIEWBOT": Command.reviewbotBinary])
        #expect(partial.status != 0, "\(partial.summary)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2")
    }

    @Test func installRefusesToOverwriteAForeignHook() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let foreign = "#!/bin/sh\necho foreign hook\nexit 0\n"
        try repo.write(Self.hookPath, foreign)

        let refused = try repo.reviewbot("hook", "install")
        #expect(refused.status == 3, "\(refused.summary)")
        refused.expectOneErrorLine()
        #expect(refused.stderr.contains("--force"))
        #expect(try repo.read(Self.hookPath) == foreign, "left untouched")

        // Uninstall refuses too: the hook is not reviewbot's.
        let notOurs = try repo.reviewbot("hook", "uninstall")
        #expect(notOurs.status == 3, "\(notOurs.summary)")
        notOurs.expectOneErrorLine()
        #expect(try repo.read(Self.hookPath) == foreign)

        let forced = try repo.reviewbot("hook", "install", "--force")
        #expect(forced.status == 0, "\(forced.summary)")
        #expect(forced.stdout.contains("reviewbot-backup"))
        #expect(try repo.read(Self.hookPath + ".reviewbot-backup") == foreign)
        #expect(try repo.read(Self.hookPath).contains("review --staged"))
        #expect(isExecutable(repo.path + "/" + Self.hookPath))

        let removed = try repo.reviewbot("hook", "uninstall")
        #expect(removed.status == 0, "\(removed.summary)")
        #expect(try repo.read(Self.hookPath) == foreign, "the backup is restored")
        #expect(!repo.exists(Self.hookPath + ".reviewbot-backup"))
    }

    @Test func uninstallRemovesTheHook() throws {
        let repo = try ScratchRepository(initialCommit: true)
        #expect(try repo.reviewbot("hook", "install").status == 0)
        let removed = try repo.reviewbot("hook", "uninstall")
        #expect(removed.status == 0, "\(removed.summary)")
        #expect(!repo.exists(Self.hookPath))

        let nothing = try repo.reviewbot("hook", "uninstall")
        #expect(nothing.status == 0, "\(nothing.summary)")
        #expect(nothing.stdout.contains("no pre-commit hook"))

        // With the hook gone, a critical commit goes through.
        try repo.write("key.pem", "\(privateKeyLine)\n")
        try repo.git("add", "key.pem")
        let committed = try commit(repo, environment: ["REVIEWBOT": Command.reviewbotBinary])
        #expect(committed.status == 0, "\(committed.summary)")
    }

    @Test func installPrePushAndOutsideARepository() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot("hook", "install", "--pre-push")
        #expect(result.status == 0, "\(result.summary)")
        #expect(isExecutable(repo.path + "/.git/hooks/pre-push"))
        #expect(!repo.exists(Self.hookPath), "only the hook asked for")

        let folder = try ScratchRepository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = try Command.run(Command.reviewbotBinary, ["hook", "install"], in: folder)
        #expect(outside.status == 4, "\(outside.summary)")
        outside.expectOneErrorLine()
    }

    @Test func checkedInPreCommitScriptBlocksAndPasses() throws {
        #expect(isExecutable(Self.checkedInHook), "\(Self.checkedInHook)")
        let repo = try ScratchRepository(initialCommit: true)
        let environment = ["REVIEWBOT": Command.reviewbotBinary]

        try repo.write("deploy/key.pem", "\(privateKeyLine)\n")
        try repo.git("add", "deploy/key.pem")
        let direct = try Command.run(Self.checkedInHook, [], in: repo.path, environment: environment)
        #expect(direct.status == 2, "\(direct.summary)")
        direct.expectOneErrorLine()

        // As git's own hook, through core.hooksPath.
        let hooks = URL(fileURLWithPath: Self.checkedInHook).deletingLastPathComponent().path
        try repo.git("config", "core.hooksPath", hooks)
        let blocked = try commit(repo, environment: environment)
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "1")

        try repo.git("rm", "-q", "--cached", "deploy/key.pem")
        try repo.write("app.py", "x = 1\n")
        try repo.git("add", "app.py")
        let clean = try Command.run(Self.checkedInHook, [], in: repo.path, environment: environment)
        #expect(clean.status == 0, "\(clean.summary)")
        let committed = try commit(repo, environment: environment)
        #expect(committed.status == 0, "\(committed.summary)")
        #expect(try repo.git("rev-list", "--count", "HEAD") == "2")
    }

    @Test func hookInstallHonoursCoreHooksPath() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.git("config", "core.hooksPath", "githooks")
        let result = try repo.reviewbot("hook", "install")
        #expect(result.status == 0, "\(result.summary)")
        #expect(isExecutable(repo.path + "/githooks/pre-commit"))
        #expect(!repo.exists(Self.hookPath))
    }
}
