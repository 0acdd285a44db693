import Foundation
import Testing

/// `reviewbot baseline RANGE`, `--baseline FILE` and `baseline:`: accepted findings are hidden, still reported
/// as baselined, do not vote, and stay hidden when the code around them moves.
@Suite struct BaselineTests {
    private static let findingLine = "    \(insecureRequestLine)\n"

    /// A commit that adds a high finding on line 3 of client.py.
    private func repositoryWithAFinding() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("client.py", "import requests\ndef fetch(url):\n" + Self.findingLine)
        try repo.commitAll("add client")
        return repo
    }

    private func finding(_ result: Command.Result, _ ruleId: String) throws -> [String: Any] {
        try #require(try result.findings().first { $0["ruleId"] as? String == ruleId }, "\(result.stdout)")
    }

    @Test func aFindingMovedDownByTenLinesKeepsItsFingerprintAndStaysHidden() throws {
        let repo = try repositoryWithAFinding()
        let written = try repo.reviewbot("baseline", "HEAD~1..HEAD")
        #expect(written.status == 0, "\(written.summary)")
        #expect(written.stdout.contains("wrote 1 finding"))
        #expect(repo.exists(".reviewbot-baseline.json"))
        let before = try finding(try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json"), tls)
        #expect(before["line"] as? Int == 3)

        // Ten lines inserted above the finding, in a later commit of the same change.
        let padding = (1...10).map { "# note \($0)\n" }.joined()
        try repo.write("client.py", "import requests\n" + padding + "def fetch(url):\n" + Self.findingLine)
        // The baseline stays the reviewer's own file: one the change committed would not apply to it.
        try repo.git("add", "client.py")
        try repo.git("commit", "-q", "-m", "document")

        let plain = try repo.reviewbot("review", "HEAD~2..HEAD", "--format", "json")
        #expect(plain.status == 1, "without the baseline the finding counts: \(plain.summary)")
        let moved = try finding(plain, tls)
        #expect(moved["line"] as? Int == 13)
        #expect(moved["fingerprint"] as? String == before["fingerprint"] as? String)

        let hidden = try repo.reviewbot(
            "review", "HEAD~2..HEAD", "--format", "json", "--baseline", ".reviewbot-baseline.json")
        #expect(hidden.status == 0, "\(hidden.summary)")
        #expect(hidden.verdict == "approve")
        let baselined = try finding(hidden, tls)
        #expect(baselined["line"] as? Int == 13)
        #expect(baselined["baselined"] as? Bool == true)
        #expect(baselined["suppressed"] as? Bool == true)
        let json = try hidden.json()
        let summary = json["baseline"] as? [String: Any]
        #expect(summary?["hidden"] as? Int == 1)
        #expect(summary?["file"] as? String == ".reviewbot-baseline.json")
        #expect((json["summary"] as? String)?.contains("1 hidden by the baseline") == true)
        #expect(json["score"] as? Double == 10)
        for vote in json["votes"] as? [[String: Any]] ?? [] { #expect(vote["vote"] as? String == "approve") }

        // The text report says so too, and SARIF marks the result as suppressed outside the source.
        let text = try repo.reviewbot("review", "HEAD~2..HEAD", "--baseline", ".reviewbot-baseline.json")
        #expect(text.stdout.contains("1 hidden by the baseline"), "\(text.stdout)")
        let sarif = try SARIFRun(
            try repo.reviewbot("review", "HEAD~2..HEAD", "--format", "sarif", "--baseline", ".reviewbot-baseline.json")
                .sarif())
        let result = try #require(sarif.results(of: tls).first)
        #expect(result.at("suppressions", 0, "kind") as? String == "external")
        #expect(sarif.run.at("properties", "baselined") as? Int == 1)
    }

    @Test func aNewFindingIsNotHiddenByTheBaseline() throws {
        let repo = try repositoryWithAFinding()
        #expect(try repo.reviewbot("baseline", "HEAD~1..HEAD", "--output", "../accepted.json").status == 0)
        try repo.write(
            "db.py", "def load(cursor, user_id):\n    cursor.execute(\"SELECT * FROM t WHERE id = \" + user_id)\n")
        try repo.commitAll("query")
        let result = try repo.reviewbot("review", "HEAD~2..HEAD", "--format", "json", "--baseline", "../accepted.json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.sql-injection@db.py:2"])
        try? FileManager.default.removeItem(atPath: repo.path + "/../accepted.json")
    }

    @Test func theConfigurationNamesTheBaselineAndTheFlagWins() throws {
        let repo = try repositoryWithAFinding()
        #expect(try repo.reviewbot("baseline", "HEAD~1..HEAD", "--output", "config/accepted.json").status == 0)
        try repo.writeConfig("baseline: config/accepted.json\n")
        let configured = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        #expect(configured.status == 0, "\(configured.summary)")
        #expect((try configured.json()["baseline"] as? [String: Any])?["hidden"] as? Int == 1)

        try repo.write("empty.json", "{\"findings\": []}\n")
        let flag = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--baseline", "empty.json")
        #expect(flag.status == 1, "\(flag.summary)")
        #expect((try flag.json()["baseline"] as? [String: Any])?["hidden"] as? Int == 0)
    }

    @Test func theBaselineFileIsStableAndReadable() throws {
        let repo = try repositoryWithAFinding()
        #expect(try repo.reviewbot("baseline", "HEAD~1..HEAD").status == 0)
        let first = try repo.read(".reviewbot-baseline.json")
        #expect(try repo.reviewbot("baseline", "HEAD~1..HEAD").status == 0)
        #expect(try repo.read(".reviewbot-baseline.json") == first, "same findings, same bytes")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        let entry = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(entry["ruleId"] as? String == tls)
        #expect(entry["path"] as? String == "client.py")
        #expect(entry["line"] as? Int == 3)
        #expect((entry["fingerprint"] as? String)?.count == 32)

        // Committing the baseline adds no finding of its own (fingerprints are not secrets).
        try repo.commitAll("baseline")
        let review = try repo.reviewbot("review", "--format", "json")
        #expect(review.status == 0, "\(review.summary)")
        #expect(try review.findings().isEmpty)
    }

    @Test func aMissingOrBrokenBaselineIsAConfigurationError() throws {
        let repo = try repositoryWithAFinding()
        let missing = try repo.reviewbot("review", "--baseline", "nope.json")
        #expect(missing.status == 3, "\(missing.summary)")
        missing.expectOneErrorLine()
        #expect(missing.stderr.contains("reviewbot baseline"))

        try repo.write("broken.json", "[1, 2]\n")
        let broken = try repo.reviewbot("review", "--baseline", "broken.json")
        #expect(broken.status == 3, "\(broken.summary)")
        broken.expectOneErrorLine()
    }

    @Test func aWholeTreeCanBeBaselinedFromTheEmptyTree() throws {
        let repo = try repositoryWithAFinding()
        try repo.write("other.py", "import requests\nrequests.post(u, verify=False)\n")
        try repo.commitAll("more")
        let written = try repo.reviewbot("baseline", "4b825dc642cb6eb9a060e54bf8d69288fbee4904..HEAD")
        #expect(written.status == 0, "\(written.summary)")
        #expect(written.stdout.contains("wrote 2 findings"), "\(written.stdout)")
    }

    private let tls = "security.tls-verification-disabled"
}
