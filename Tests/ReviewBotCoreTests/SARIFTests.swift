import Foundation
import Testing

@testable import ReviewBotCore

/// `--format sarif`: a SARIF 2.1.0 log that GitHub code scanning reads, validated against the schema every time.
@Suite struct SARIFTests {
    /// A TLS finding with a fix, an SQL injection with a CWE, debug output in a line with a non-ASCII letter,
    /// and a suppressed weak hash.
    private func repository() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "api/client.py",
            """
            import hashlib, requests
            def load(cursor, user_id, url):
                \(insecureRequestLine)
                cursor.execute("SELECT * FROM t WHERE id = " + user_id)
                return hashlib.md5(url).hexdigest()  # reviewbot:ignore security.weak-hash

            """)
        try repo.write("web/app.js", "function f(u) {\n  const é = 1; console.log(u);\n}\n")
        try repo.commitAll("change")
        return repo
    }

    @Test func resultsCarryRuleLevelRegionFingerprintsFixesAndSuppressions() throws {
        let repo = try repository()
        let result = try repo.reviewbot("review", "--format", "sarif")
        #expect(result.status == 1, "\(result.summary)")
        let log = try result.sarif()
        #expect(log["version"] as? String == "2.1.0")
        let run = try SARIFRun(log)
        #expect(run.run.at("tool", "driver", "name") as? String == "reviewbot")

        let tls = try #require(run.results(of: "security.tls-verification-disabled").first)
        #expect(tls["level"] as? String == "error")
        #expect((tls.at("message", "text") as? String)?.isEmpty == false)
        #expect(tls.at("locations", 0, "physicalLocation", "artifactLocation", "uri") as? String == "api/client.py")
        #expect(tls.at("locations", 0, "physicalLocation", "region", "startLine") as? Int == 3)
        #expect(tls.at("locations", 0, "physicalLocation", "region", "endLine") as? Int == 3)
        let json = try repo.reviewbot("review", "--format", "json").findings()
        let jsonTLS = try #require(json.first { $0["ruleId"] as? String == "security.tls-verification-disabled" })
        #expect(
            tls.at("locations", 0, "physicalLocation", "region", "startColumn") as? Int == jsonTLS["column"] as? Int)
        #expect(tls["suppressions"] == nil)
        let replacement = tls.at("fixes", 0, "artifactChanges", 0, "replacements", 0) as? [String: Any]
        #expect(replacement?.at("deletedRegion", "startLine") as? Int == 3)
        #expect((replacement?.at("insertedContent", "text") as? String)?.contains("verify=True") == true)
        // The rule index points at the rule's descriptor.
        let index = try #require(tls["ruleIndex"] as? Int)
        #expect(run.rules[index]["id"] as? String == "security.tls-verification-disabled")

        // GitHub's line hash of the reviewed text, and our own fingerprint beside it.
        let text = try repo.read("api/client.py")
        #expect(tls.at("partialFingerprints", "primaryLocationLineHash") as? String == LineHash.hashes(of: text)[2])
        #expect(tls.at("partialFingerprints", "reviewbot/v1") as? String == jsonTLS["fingerprint"] as? String)

        let sql = try #require(run.results(of: "security.sql-injection").first)
        #expect(sql["fixes"] == nil)
        #expect(sql.at("properties", "cwe") as? String == "CWE-89")

        // Columns are UTF-16 code units: `é` is two bytes (the JSON report's columns) but one unit.
        let debug = try #require(run.results(of: "quality.debug-output").first)
        let jsonDebug = try #require(json.first { $0["ruleId"] as? String == "quality.debug-output" })
        #expect(debug["level"] as? String == "note")
        let byteColumn = try #require(jsonDebug["column"] as? Int)
        #expect(debug.at("locations", 0, "physicalLocation", "region", "startColumn") as? Int == byteColumn - 1)

        let suppressed = try #require(run.results(of: "security.weak-hash").first)
        #expect(suppressed.at("suppressions", 0, "kind") as? String == "inSource")
    }

    @Test func driverListsEveryRuleThatCanFireWithSecuritySeverityAndTags() throws {
        let repo = try repository()
        // Not committed: the reviewer's own configuration (one the reviewed change commits would not apply).
        try repo.writeConfig(
            "agents:\n  accessibility: false\nrules:\n  quality.force-unwrap: off\n  security.weak-hash: low\n")
        let log = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "sarif").sarif()
        let run = try SARIFRun(log)
        let ids = Set(run.rules.compactMap { $0["id"] as? String })
        let expected = Set(
            RuleCatalog.builtin.filter { $0.category != .accessibility && $0.id != "quality.force-unwrap" }.map(\.id))
        #expect(ids == expected)

        let sql = try #require(run.rule("security.sql-injection"))
        #expect(sql.at("properties", "security-severity") as? String == "8.0")
        let tags = sql.at("properties", "tags") as? [String] ?? []
        #expect(tags.contains("security"))
        #expect(tags.contains("external/cwe/cwe-89"))
        #expect(sql.at("defaultConfiguration", "level") as? String == "error")
        #expect((sql.at("shortDescription", "text") as? String)?.isEmpty == false)
        #expect((sql.at("fullDescription", "text") as? String)?.isEmpty == false)
        #expect((sql.at("help", "text") as? String)?.isEmpty == false)
        #expect((sql.at("help", "markdown") as? String)?.contains("Flagged") == true)

        // The configured severity is the one GitHub sees.
        let weakHash = try #require(run.rule("security.weak-hash"))
        #expect(weakHash.at("properties", "security-severity") as? String == "3.0")
        #expect(weakHash.at("defaultConfiguration", "level") as? String == "note")
        // Rules outside security have no security severity.
        let debug = try #require(run.rule("quality.debug-output"))
        #expect(debug.at("properties", "security-severity") == nil)
        #expect(debug.at("properties", "tags") as? [String] == ["quality"])
    }

    @Test func aCleanRunHasAnEmptyResultsArray() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        let result = try repo.reviewbot("review", "--format", "sarif")
        #expect(result.status == 0, "\(result.summary)")
        let run = try SARIFRun(try result.sarif())
        #expect(run.run["results"] as? [Any] != nil)
        #expect(run.results.isEmpty)
        #expect(!run.rules.isEmpty)
        #expect(run.run.at("properties", "verdict") as? String == "approve")
    }

    @Test func sarifGoesToAFileWithOutput() throws {
        let repo = try repository()
        let result = try repo.reviewbot("review", "--format", "sarif", "--output", "reviewbot.sarif")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let run = try SARIFRun(try SARIFSchema.validate(try repo.read("reviewbot.sarif")))
        #expect(run.results.count == 4)
    }

    @Test func theValidatorRejectsWhatTheSchemaDoesNot() throws {
        let problems = try SARIFSchema.problems(#"{"version": "2.1.0", "runs": [{"results": [{"level": "loud"}]}]}"#)
        #expect(problems?.contains("'tool' is a required property") == true, "\(problems ?? "valid")")
        #expect(problems?.contains("'loud' is not one of") == true, "\(problems ?? "valid")")
    }

    @Test func lineHashesMatchGitHubsOwn() {
        // Expected values from github/codeql-action's tests of its fingerprinting (src/fingerprints.test.ts).
        #expect(LineHash.hashes(of: "") == ["c129715d7a2bc9a3:1"])
        #expect(
            LineHash.hashes(of: " a\nb\n  \t\tc\n d")
                == ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"])
        let endsWithNewline = [
            "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
        ]
        #expect(LineHash.hashes(of: " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n") == endsWithNewline)
        #expect(LineHash.hashes(of: " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n") == endsWithNewline)
        #expect(LineHash.hashes(of: " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r") == endsWithNewline)
        #expect(
            LineHash.hashes(of: String(repeating: "Lorem ipsum dolor sit amet.\n", count: 10)) == [
                "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
            ])
    }
}
