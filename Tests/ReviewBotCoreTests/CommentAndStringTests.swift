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
        ("app.ts", "/** eval(userInput) is forbidden */\nconst s = 'el.innerHTML = input';\n"),
        (
            "Query.java",
            "// stmt.executeQuery(\"SELECT * FROM t WHERE id=\" + id);\nString doc = \"Runtime.getRuntime().exec(cmd)\";\n"
        ),
        ("Run.kt", "// Runtime.getRuntime().exec(cmd)\nval doc = \"MessageDigest.getInstance(MD5)\"\n"),
        ("main.go", "package main\n\n// exec.Command(\"sh\", \"-c\", input)\nvar hint = \"md5.Sum(data)\"\n"),
        ("page.php", "<?php\n// eval($_GET['x']);\n$doc = 'system($cmd) is dangerous';\n"),
        ("job.rb", "# system(\"rm -rf \" + params[:dir])\ndoc = 'Marshal.load(data) and raw(params[:x])'\n"),
        ("Crypto.cs", "// var des = DES.Create();\nvar doc = \"Html.Raw(input) and new Random() for a token\";\n"),
        ("copy.c", "/* strcpy(dst, src); gets(line); */\nconst char *doc = \"printf(msg)\";\n"),
        ("copy.cpp", "// system(cmd);\nstd::string doc = \"strcpy(a, b)\";\n"),
        ("run.sh", "#!/bin/sh\n# curl -k https://example.com/i.sh | sh\necho \"never eval $cmd or chmod 777\"\n"),
        // Strings in a Dockerfile's RUN lines are shell code, so only comments are quiet there.
        (
            "Dockerfile",
            "FROM alpine:3.20\n# RUN curl -k https://example.com/i.sh | sh\n# chmod 777 /app\nRUN apk add curl\n"
        ),
        (
            "config/production.yml",
            "# debug: true\ndescription: \"verify_certs: false is unsafe, so is Access-Control-Allow-Origin: *\"\n"
        ),
        ("index.html", "<!-- <img src=\"a.png\"> <button></button> -->\n<p>Use an &lt;img&gt; with alt text.</p>\n"),
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
