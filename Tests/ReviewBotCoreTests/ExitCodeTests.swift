import Foundation
import Testing

/// Every exit code of DESIGN.md, and the one line on stderr that explains every non-zero exit.
@Suite struct ExitCodeTests {
    /// A repository whose last commit adds `text` as `path`.
    private func repository(adding path: String, _ text: String) throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(path, text)
        try repo.commitAll("change")
        return repo
    }

    @Test func approveExitsZeroQuietly() throws {
        let repo = try repository(adding: "client.py", "import requests\nrequests.get(url, timeout=5)\n")
        let result = try repo.reviewbot("review")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("APPROVE"))
    }

    @Test func highSecurityFindingRequestsChanges() throws {
        let repo = try repository(adding: "client.py", "import requests\n\(insecureRequestLine)\n")
        let result = try repo.reviewbot("review")
        #expect(result.status == 1, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.hasPrefix("reviewbot: request changes"))
        #expect(result.stdout.contains("REQUEST CHANGES"))

        let json = try repo.reviewbot("review", "--format", "json")
        #expect(json.status == 1)
        #expect(json.verdict == "request_changes")
        json.expectOneErrorLine()
    }

    @Test func criticalFindingRejects() throws {
        let repo = try repository(
            adding: "deploy/id_rsa", "\(privateKeyLine)\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----\n")
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.verdict == "reject")
        #expect(try result.findingKeys() == ["security.private-key@deploy/id_rsa:1"])
        #expect(try result.findings().first?["severity"] as? String == "critical")
        result.expectOneErrorLine()
        #expect(result.stderr.hasPrefix("reviewbot: reject"))
    }

    @Test func failOnRejectLetsRequestChangesPass() throws {
        let repo = try repository(adding: "client.py", "\(insecureRequestLine)\n")
        let result = try repo.reviewbot("review", "--fail-on", "reject", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.verdict == "request_changes", "the verdict is reported unchanged")
        #expect(result.stderr.isEmpty)

        let critical = try repository(adding: "key.pem", "\(privateKeyLine)\n")
        let rejected = try critical.reviewbot("review", "--fail-on", "reject")
        #expect(rejected.status == 2, "\(rejected.summary)")
        rejected.expectOneErrorLine()
    }

    @Test func failOnNeverLetsRejectPass() throws {
        let repo = try repository(adding: "key.pem", "\(privateKeyLine)\n")
        let result = try repo.reviewbot("review", "--fail-on", "never", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.verdict == "reject")
        #expect(result.stderr.isEmpty)
    }

    @Test func failOnFromTheConfigFileAndTheFlagWins() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig("fail_on: never\n")
        try repo.commitAll("config")
        try repo.write("client.py", "\(insecureRequestLine)\n")
        try repo.commitAll("change")
        let configured = try repo.reviewbot("review")
        #expect(configured.status == 0, "\(configured.summary)")
        let flagged = try repo.reviewbot("review", "--fail-on", "request-changes")
        #expect(flagged.status == 1, "\(flagged.summary)")
    }

    // MARK: - 3: usage

    @Test(arguments: [
        ["review", "--no-such-flag"],
        ["review", "--staged", "HEAD~1..HEAD"],
        ["review", "--worktree", "HEAD"],
        ["review", "--staged", "--worktree"],
        ["review", "--format", "xml"],
        ["review", "--fail-on", "sometimes"],
        ["frobnicate"],
        ["hook", "install", "--sideways"],
    ])
    func usageErrorsExitThree(arguments: [String]) throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot(arguments: arguments)
        #expect(result.status == 3, "\(arguments): \(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stdout.isEmpty)
    }

    @Test func badFormatNamesTheValue() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot("review", "--format", "xml")
        #expect(result.status == 3)
        #expect(result.stderr.contains("xml"), "\(result.stderr)")
    }

    // MARK: - 3: configuration

    @Test func unknownConfigKeyNamesTheKeyAndItsLine() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig("voting:\n  policy: majority\ncolour: always\n")
        let result = try repo.reviewbot("review")
        #expect(result.status == 3, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains(".reviewbot.yml:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("colour"))
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownNestedConfigKeyNamesItsLine() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig("agents:\n  security:\n    weight: 2\n    vetoes: true\n")
        let result = try repo.reviewbot("review")
        #expect(result.status == 3, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains(".reviewbot.yml:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("vetoes"))
    }

    @Test(arguments: [
        ("voting: {policy: loudest}\n", "loudest"),
        ("voting:\n  threshold: 1.5\n", "threshold"),
        ("max_file_bytes: lots\n", "max_file_bytes"),
        ("agents:\n  security:\n    weight: -1\n", "weight"),
        ("voting: [majority]\n", "voting"),
        ("ignore: \"*.md\"\n", "ignore"),
        ("rules:\n  security.no-such-rule: off\n", "security.no-such-rule"),
        ("voting: {policy: majority\n", "YAML"),
    ])
    func badConfigValuesExitThree(yaml: String, mention: String) throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig(yaml)
        let result = try repo.reviewbot("review")
        #expect(result.status == 3, "\(yaml): \(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains(".reviewbot.yml"), "\(result.stderr)")
        #expect(result.stderr.contains(mention), "\(result.stderr)")
    }

    @Test func explicitConfigFileThatDoesNotExistIsAConfigError() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot("review", "--config", "missing.yml")
        #expect(result.status == 3, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("missing.yml"))
    }

    @Test func configFlagReadsAnotherFile() throws {
        let repo = try ScratchRepository()
        try repo.write("ci/strict.yml", "voting: {policy: loudest}\n")
        try repo.commitAll("base, with the configuration")
        try repo.write("client.py", "x = 1\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "--config", "ci/strict.yml")
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.contains("strict.yml:1:"), "\(result.stderr)")
    }

    // MARK: - 4 and 5

    @Test func gitErrorsExitFour() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let result = try repo.reviewbot("review", "deadbeef")
        #expect(result.status == 4, "\(result.summary)")
        result.expectOneErrorLine()

        let elsewhere = try repo.reviewbot("review", "-C", "/nonexistent-folder-for-reviewbot")
        #expect(elsewhere.status == 4, "\(elsewhere.summary)")
        elsewhere.expectOneErrorLine()
    }

    @Test func unwritableOutputIsAnInternalError() throws {
        let repo = try repository(adding: "client.py", "x = 1\n")
        let result = try repo.reviewbot("review", "--output", "/nonexistent-dir/x.json", "--format", "json")
        #expect(result.status == 5, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("/nonexistent-dir/x.json"))
        #expect(result.stdout.isEmpty)

        let trace = try repo.reviewbot("review", "--trace", "/nonexistent-dir/trace.json")
        #expect(trace.status == 5, "\(trace.summary)")
        trace.expectOneErrorLine()
    }

    @Test func outputFileReceivesTheReport() throws {
        let repo = try repository(adding: "client.py", "\(insecureRequestLine)\n")
        let result = try repo.reviewbot("review", "--output", "report.json", "--format", "json")
        #expect(result.status == 1, "the exit code does not depend on where the report goes")
        #expect(result.stdout.isEmpty)
        let written = try repo.read("report.json")
        let object = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
        #expect(object?["verdict"] as? String == "request_changes")
    }

    @Test func helpAndVersionExitZero() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let help = try repo.reviewbot("review", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("--staged"))
        let version = try repo.reviewbot("--version")
        #expect(version.status == 0)
        #expect(version.stdout.contains("0.1.0"))
    }
}
