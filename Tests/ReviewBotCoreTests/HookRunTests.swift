import Foundation
import Testing

/// `reviewbot hook run` (the pre-commit framework's entry) and the pre-push hooks on real pushes.
@Suite struct HookRunTests {
    private static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func withoutRefsItReviewsTheIndex() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("deploy/key.pem", "\(privateKeyLine)\n")
        try repo.git("add", "deploy/key.pem")
        let blocked = try repo.reviewbot("hook", "run")
        #expect(blocked.status == 2, "\(blocked.summary)")
        blocked.expectOneErrorLine()
        // Every other argument goes to `reviewbot review`.
        let json = try repo.reviewbot("hook", "run", "--format", "json", "--fail-on", "never")
        #expect(json.status == 0, "\(json.summary)")
        #expect(try json.json()["target"] as? [String: Any] != nil)
        #expect(((try json.json()["target"] as? [String: Any])?["range"] as? String) == "--staged")
    }

    @Test func withThePreCommitFrameworksRefsItReviewsThatRange() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let base = try repo.git("rev-parse", "HEAD")
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")
        try repo.commitAll("client")
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        let head = try repo.git("rev-parse", "HEAD")
        let range = ["PRE_COMMIT_FROM_REF": base, "PRE_COMMIT_TO_REF": head]
        let result = try repo.reviewbot("hook", "run", "--format", "json", environment: range)
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@client.py:2"])
        #expect(((try result.json()["target"] as? [String: Any])?["range"] as? String) == "\(base)...\(head)")

        // A push of a whole history (no FROM/TO, only the branch) reviews it from the empty tree.
        let whole = try repo.reviewbot(
            "hook", "run", "--format", "json", environment: ["PRE_COMMIT_LOCAL_BRANCH": "refs/heads/main"])
        #expect(whole.status == 1, "\(whole.summary)")
        #expect(try whole.findingKeys() == ["security.tls-verification-disabled@client.py:2"])
    }

    /// A repository with a bare remote that has `main`, and a new branch of two commits: the first adds a
    /// private key (critical), the second a clean file. Reviewing only the tip would miss the key.
    private func repositoryWithANewBranch() throws -> (ScratchRepository, String) {
        let repo = try ScratchRepository(initialCommit: true)
        let remote = try ScratchRepository.temporaryFolder()
        try Command.run("/usr/bin/git", ["init", "-q", "--bare", remote], in: remote).expectSuccess()
        try repo.git("remote", "add", "origin", remote)
        try repo.git("push", "-q", "origin", "main")
        try repo.git("checkout", "-q", "-b", "feature")
        try repo.write("deploy/key.pem", "\(privateKeyLine)\n")
        try repo.commitAll("key")
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        return (repo, remote)
    }

    private func push(_ repo: ScratchRepository, _ arguments: [String]) throws -> Command.Result {
        try Command.run(
            "/usr/bin/git", ["push", "-q", "origin"] + arguments, in: repo.path,
            environment: ["REVIEWBOT": Command.reviewbotBinary])
    }

    @Test func theInstalledPrePushHookReviewsEveryCommitOfANewBranch() throws {
        let (repo, remote) = try repositoryWithANewBranch()
        defer { try? FileManager.default.removeItem(atPath: remote) }
        #expect(try repo.reviewbot("hook", "install", "--pre-push").status == 0)
        let blocked = try push(repo, ["feature"])
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(blocked.stderr.contains("reviewbot: reject"), "\(blocked.stderr)")

        // The range is reviewed as one diff: once the key is gone from it, the push goes through.
        try repo.git("rm", "-q", "deploy/key.pem")
        try repo.commitAll("remove the key")
        let removed = try push(repo, ["feature"])
        #expect(removed.status == 0, "\(removed.summary)")
        // A later push reviews only the commits the remote does not have.
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")
        try repo.commitAll("client")
        let later = try push(repo, ["feature"])
        #expect(later.status == 1, "\(later.summary)")
        #expect(later.stderr.contains("reviewbot: request changes"), "\(later.stderr)")
    }

    @Test func theCheckedInPrePushScriptDoesTheSame() throws {
        let (repo, remote) = try repositoryWithANewBranch()
        defer { try? FileManager.default.removeItem(atPath: remote) }
        try repo.git("config", "core.hooksPath", Self.checkout.appendingPathComponent("hooks").path)
        let blocked = try push(repo, ["feature"])
        #expect(blocked.status != 0, "\(blocked.summary)")
        #expect(blocked.stderr.contains("reviewbot: reject"), "\(blocked.stderr)")
    }

    @Test func thePreCommitHooksFileDeclaresTheHook() throws {
        let text = try String(
            contentsOf: Self.checkout.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        for line in [
            "- id: reviewbot", "  entry: reviewbot hook run", "  language: swift", "  pass_filenames: false",
            "  stages: [pre-commit, pre-push, manual]",
        ] {
            #expect(text.contains(line + "\n"), "\(line)")
        }
    }
}

extension Command.Result {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "\(summary)", sourceLocation: sourceLocation)
    }
}
