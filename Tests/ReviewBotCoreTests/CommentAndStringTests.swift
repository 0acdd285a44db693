import Foundation
import Testing

/// Text in comments and string literals does not trigger code rules, end to end.
@Suite struct CommentAndStringTests {
    @Test(arguments: [
        (
            "api.py",
            "def load(cursor, x):\n    # cursor.execute(\"SELECT * FROM t WHERE id = \" + x)\n    return None\n"
        ),
        (
            "api.py",
            "\"\"\"\ncursor.execute(\"SELECT * FROM t WHERE id = \" + x)\nrequests.get(url, verify=False)\n\"\"\"\n"
        ),
        ("client.py", "# requests.get(url, verify=False) is what we must never do\n"),
        ("app.js", "const hint = \"console.log(x)\";\n"),
        ("app.js", "// console.log(x);\n/* debugger; */\nconst y = 1;\n"),
        ("app.js", "const doc = `use console.log(x) to debug`;\n"),
        ("calc.py", "# eval(x) would be unsafe here\n"),
        ("Store.swift", "// try! db.open()\nlet text = \"value as! Int\"\n"),
    ])
    func commentedOrQuotedCodeIsNotFlagged(path: String, text: String) throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(path, text)
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(path): \(result.summary)")
        #expect(try result.findingKeys().isEmpty, "\(path): \(result.stdout)")
        #expect(result.verdict == "approve")
    }

    @Test func theSameCodeOutsideTheCommentIsFlagged() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "api.py",
            "def load(cursor, x):\n    # cursor.execute(\"SELECT * FROM t WHERE id = \" + x)\n    cursor.execute(\"SELECT * FROM t WHERE id = \" + x)\n"
        )
        try repo.write("app.js", "const hint = \"console.log(x)\";\nconsole.log(x);\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["quality.debug-output@app.js:2", "security.sql-injection@api.py:3"])
    }

    @Test func inlineSuppressionIsReportedButDoesNotVote() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "client.py",
            "import requests\n\(insecureRequestLine)  # reviewbot:ignore security.tls-verification-disabled\n")
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        let findings = try result.findings()
        #expect(findings.count == 1)
        #expect(findings.first?["suppressed"] as? Bool == true)
        #expect(findings.first?["line"] as? Int == 2)
    }
}
