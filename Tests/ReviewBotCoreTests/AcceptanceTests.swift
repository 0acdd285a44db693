import Foundation
import Testing

/// The acceptance examples of the review pipeline, run on real repositories with the built binary.
@Suite struct AcceptanceTests {
    @Test func concatenatedSQLIsFlaggedAndFails() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "api.py", "def load(cursor, user_id):\n    cursor.execute(\"SELECT * FROM t WHERE id = \" + user_id)\n")
        try repo.commitAll("add query")

        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")

        #expect(result.status != 0)
        let findings = try result.findings()
        #expect(findings.count == 1)
        #expect(findings.first?["ruleId"] as? String == "security.sql-injection")
        #expect(findings.first?["category"] as? String == "security")
        #expect(findings.first?["path"] as? String == "api.py")
        #expect(findings.first?["line"] as? Int == 2)
        #expect(result.stderr.hasPrefix("reviewbot: "))
    }

    @Test func parameterizedSQLPassesClean() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "api.py", "def load(cursor, user_id):\n    cursor.execute(\"SELECT * FROM t WHERE id = %s\", (user_id,))\n")
        try repo.commitAll("add query")

        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")

        #expect(result.status == 0)
        #expect(try result.findings().isEmpty)
        #expect(try result.json()["verdict"] as? String == "approve")
    }
}
