import Foundation
import Testing

/// The change under review cannot approve itself (README, "Trust"): a range review judges a change by the base
/// revision's configuration, refuses suppressions of critical findings that the change adds, and looks for
/// secrets in every file the change adds to, whatever else skips it.
@Suite struct TrustPolicyTests {
    /// A made-up GitHub token, split so that this file holds none.
    static let token = "ghp_" + "Z9xC7vB5nM3qW1eR9tY7uI5oP3aS1dF9gH7j"

    /// The ways a change tried to get a committed token approved (issue 11), each as the files it writes on
    /// top of a base commit that has `app.py` and a `.reviewbot.yml`.
    static let bypasses: [(name: String, files: [String: Data], refused: String)] = [
        ("inline suppression", ["app.py": text("T = '\(token)'  # reviewbot:ignore\n")], "not honoured"),
        (
            "rule turned off in .reviewbot.yml",
            ["app.py": text("T = '\(token)'\n"), ".reviewbot.yml": text("rules:\n  security.provider-token: off\n")],
            "turns security.provider-token off"
        ),
        (
            "security agent turned off",
            ["app.py": text("T = '\(token)'\n"), ".reviewbot.yml": text("agents:\n  security: false\n")],
            "turns the security agent off"
        ),
        (
            "ignore glob",
            ["app.py": text("T = '\(token)'\n"), ".reviewbot.yml": text("ignore:\n  - \"*.py\"\n")],
            "ignores '*.py'"
        ),
        ("a NUL byte", ["app.py": Data("T = '\(token)'\n".utf8) + Data([0, 0x0A])], "binary"),
        ("a Latin-1 byte", ["app.py": Data("T = '\(token)'\n# caf".utf8) + Data([0xE9, 0x0A])], "not valid UTF-8"),
        (
            "a 20,001-byte line",
            ["app.py": text("T = '\(token)'\nx = '\(String(repeating: "a", count: 20_001))'\n")], "minified"
        ),
        (
            "1 MiB of padding",
            ["app.py": text("T = '\(token)'\n# \(String(repeating: "pad ", count: 262_144))\n")], "too large"
        ),
        (
            ".gitattributes binary",
            ["app.py": text("T = '\(token)'\n"), ".gitattributes": text("*.py binary\n")], "security.review-attributes"
        ),
        (
            ".gitattributes -diff",
            ["app.py": text("T = '\(token)'\n"), ".gitattributes": text("*.py -diff\n")], "security.review-attributes"
        ),
        ("vendor/", ["vendor/lib/x.py": text("T = '\(token)'\n")], "ignored, vendored or generated"),
        ("dist/", ["dist/x.py": text("T = '\(token)'\n")], "ignored, vendored or generated"),
        ("*.min.js", ["static/app.min.js": text("var t='\(token)';\n")], "ignored, vendored or generated"),
        ("*_pb2.py", ["api/x_pb2.py": text("T = '\(token)'\n")], "ignored, vendored or generated"),
    ]

    private static func text(_ value: String) -> Data { Data(value.utf8) }

    /// A repository whose base commit has `app.py` and a configuration, and whose last commit writes `files`.
    private func repository(_ files: [String: Data], config: String = "agents:\n  security: true\n") throws
        -> ScratchRepository
    {
        let repo = try ScratchRepository()
        try repo.write("app.py", "print('hi')\n")
        try repo.write(".reviewbot.yml", config)
        try repo.commitAll("base")
        for (path, data) in files {
            if path == "app.py" {
                try repo.write(path, Data("print('hi')\n".utf8) + data)
            } else {
                try repo.write(path, data)
            }
        }
        try repo.commitAll("change")
        return repo
    }

    @Test(arguments: bypasses.indices)
    func tokenWithBypassIsRejectedAndTheBypassNamed(_ index: Int) throws {
        let bypass = Self.bypasses[index]
        let repo = try repository(bypass.files)
        let result = try repo.reviewbot("review", "HEAD~1..HEAD")
        #expect(result.status == 2, "\(bypass.name): \(result.summary)")
        #expect(result.stdout.contains("REJECT"), "\(bypass.name)")
        #expect(result.stdout.contains("security.provider-token"), "\(bypass.name): \(result.stdout)")
        #expect(result.stdout.contains(bypass.refused), "\(bypass.name) is named: \(result.stdout)")
    }

    @Test func configurationComesFromTheBaseRevisionAndItsWeakeningIsReported() throws {
        let repo = try repository(
            ["app.py": Self.text("T = '\(Self.token)'\n"), ".reviewbot.yml": Self.text("fail_on: never\n")])
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 2, "fail_on: never from the change is not applied: \(result.summary)")
        let refusal = try #require(
            try result.findings().first { $0["ruleId"] as? String == "security.review-config" })
        #expect(refusal["severity"] as? String == "medium")
        #expect(refusal["path"] as? String == ".reviewbot.yml")
        #expect(refusal["line"] as? Int == 1)
        #expect((refusal["message"] as? String)?.contains("changes fail_on from request-changes to never") == true)
        #expect((refusal["message"] as? String)?.contains("Not applied") == true)
    }

    @Test func aConfigurationChangeThatWeakensNothingIsInformation() throws {
        let repo = try repository([
            ".reviewbot.yml": Self.text("agents:\n  security: true\nfix:\n  max_iterations: 2\n")
        ])
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.review-config@.reviewbot.yml:3"])
        #expect(try result.findings().first?["severity"] as? String == "info")
    }

    @Test func aBrokenConfigurationInTheChangeDoesNotStopTheReview() throws {
        let repo = try repository(
            ["app.py": Self.text("T = '\(Self.token)'\n"), ".reviewbot.yml": Self.text("agents: [oops\n")])
        let result = try repo.reviewbot("review", "HEAD~1..HEAD")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stdout.contains("does not load"), "\(result.stdout)")
    }

    @Test func aFirstConfigurationAddedByTheChangeAppliesOnlyOnceMerged() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("app.py", "T = '\(Self.token)'\n")
        try repo.write(".reviewbot.yml", "agents:\n  security: false\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.stdout.contains("This change adds the review configuration .reviewbot.yml"), "\(result.stdout)")
    }

    @Test func theBaseRevisionsConfigurationStillApplies() throws {
        // The base turns a rule off; the change does not touch the configuration: the base's word holds.
        let repo = try ScratchRepository()
        try repo.write(".reviewbot.yml", "rules:\n  security.tls-verification-disabled: off\n")
        try repo.commitAll("base")
        try repo.write("app.py", "\(insecureRequestLine)\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(
            try !result.findingKeys().contains { $0.hasPrefix("security.tls-verification-disabled") },
            "\(result.stdout)")
    }

    @Test func aBaselineTheChangeExtendsHidesNothing() throws {
        let repo = try ScratchRepository()
        try repo.write(".reviewbot.yml", "baseline: .reviewbot-baseline.json\n")
        try repo.write(".reviewbot-baseline.json", #"{"findings": [], "version": 1}"# + "\n")
        try repo.commitAll("base")
        try repo.write("settings.py", "T = '\(Self.token)'\n")
        try repo.commitAll("token")
        let written = try repo.reviewbot("baseline", "HEAD~1..HEAD", "--output", ".reviewbot-baseline.json")
        #expect(written.status == 0, "\(written.summary)")
        try repo.commitAll("baseline the token")
        let result = try repo.reviewbot("review", "HEAD~2..HEAD", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        let keys = try result.findingKeys()
        #expect(keys.contains("security.provider-token@settings.py:1"), "\(keys)")
        #expect(keys.contains { $0.hasPrefix("security.review-config@.reviewbot-baseline.json") }, "\(keys)")
    }

    @Test func aSuppressionTheChangeAddsBelowCriticalIsHonouredAndListed() throws {
        let repo = try repository(["app.py": Self.text("\(insecureRequestLine)  # reviewbot:ignore\n")])
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        let finding = try #require(
            try result.findings().first { $0["ruleId"] as? String == "security.tls-verification-disabled" })
        #expect(finding["suppressed"] as? Bool == true)
        #expect(finding["suppressedByChange"] as? Bool == true)
        let text = try repo.reviewbot("review", "HEAD~1..HEAD")
        #expect(
            text.stdout.contains("suppressed by this change: app.py:2 security.tls-verification-disabled"),
            "\(text.stdout)")
    }

    @Test func aSuppressionAlreadyInTheBaseStillHidesACriticalFinding() throws {
        let repo = try ScratchRepository()
        try repo.write("keys.py", "# reviewbot:ignore security.provider-token\n")
        try repo.commitAll("base")
        try repo.write("keys.py", "# reviewbot:ignore security.provider-token\nT = '\(Self.token)'\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
    }

    @Test func theBaseConfigurationMayAllowCriticalSuppressions() throws {
        let repo = try repository(
            ["app.py": Self.text("T = '\(Self.token)'  # reviewbot:ignore\n")],
            config: "critical_suppressions: true\n")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
    }

    @Test func stagedReviewsUseTheWorkingConfiguration() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(".reviewbot.yml", "rules:\n  security.tls-verification-disabled: off\n")
        try repo.write("app.py", "\(insecureRequestLine)\n")
        try repo.git("add", "-A")
        let result = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try !result.findingKeys().contains { $0.hasPrefix("security.review-config") })
    }

    @Test func stagedReviewsStillSweepSkippedFilesForSecrets() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("vendor/x.js", "var t = '\(Self.token)';\n")
        try repo.git("add", "-A")
        let result = try repo.reviewbot("review", "--staged", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        let worktree = try repo.reviewbot("review", "--worktree", "--format", "json")
        #expect(worktree.status == 2, "\(worktree.summary)")
    }

    @Test func theSweepReadsOnlyWhatTheChangeAdds() throws {
        let repo = try ScratchRepository()
        try repo.write("vendor/x.js", "var t = '\(Self.token)';\n")
        try repo.commitAll("base (accepted long ago)")
        try repo.write("vendor/x.js", "var t = '\(Self.token)';\nvar u = 1;\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
    }

    @Test func aTextFileWithoutSecretsMarkedBinaryIsReviewedAsText() throws {
        let repo = try repository(
            [
                "app.py": Self.text("\(insecureRequestLine)\n"),
                ".gitattributes": Self.text("*.py -diff\n*.png binary\n"),
            ])
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        let keys = try result.findingKeys()
        #expect(keys.contains("security.tls-verification-disabled@app.py:2"), "\(keys)")
        #expect(keys.contains("security.review-attributes@.gitattributes:1"), "\(keys)")
        #expect(!keys.contains("security.review-attributes@.gitattributes:2"), "no .png in the change: \(keys)")
    }

    @Test func aFileWhoseRulesRunOutOfTimeIsStillSweptForSecrets() throws {
        let repo = try repository([:], config: "budgets: {file_seconds: 0.001}\n")
        let body = (1...20_000).map { "value_\($0) = compute(\($0), 'text')\n" }.joined()
        try repo.write("big.py", body + "T = '\(Self.token)'\n")
        try repo.commitAll("big")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        #expect(try result.skippedKeys().contains("big.py:added:time_budget"), "\(result.stdout.prefix(2000))")
        #expect(try result.findingKeys().contains("security.provider-token@big.py:20001"))
    }

    @Test func theBaseConfigurationMayAllowMadeUpSecretsInTestData() throws {
        let repo = try repository(
            ["testdata/tokens.env": Self.text("T=\(Self.token)\n"), "vendor/x.js": Self.text("t='\(Self.token)'\n")],
            config: "secrets_allowed_in: [\"testdata/\"]\n")
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(try result.findingKeys() == ["security.provider-token@vendor/x.js:1"], "\(result.summary)")

        // The change cannot allow its own secrets.
        let widened = try repository(
            [
                "testdata/tokens.env": Self.text("T=\(Self.token)\n"),
                ".reviewbot.yml": Self.text("secrets_allowed_in: [\"**\"]\n"),
            ])
        let refused = try widened.reviewbot("review", "HEAD~1..HEAD")
        #expect(refused.status == 2, "\(refused.summary)")
        #expect(refused.stdout.contains("stops the secret sweep in '**'"), "\(refused.stdout)")
    }
}
