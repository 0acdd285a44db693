import Foundation
import Testing

/// What the user reads: the JSON report, the text report, `--trace` and `--verbose`.
@Suite struct OutputTests {
    /// A change with findings in three categories, a skipped file and a deleted file.
    private func busyRepository() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("gone.py", "x = 1\n")
        try repo.commitAll("base")
        try repo.remove("gone.py")
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")
        try repo.write("web/app.js", "function f(user) {\n  console.log(user);\n}\n")
        try repo.write(
            "api.py", "def load(cursor, user_id):\n    cursor.execute(\"SELECT * FROM t WHERE id = \" + user_id)\n")
        try repo.write("image.bin", Data([0x00, 0x01, 0x02, 0x00]))
        try repo.commitAll("change")
        return repo
    }

    private func withoutDurations(_ text: String) -> String {
        text.replacingOccurrences(
            of: #""durationMs"\s*:\s*[0-9.eE+-]+"#, with: #""durationMs":0"#, options: .regularExpression)
    }

    /// `--output` to something that is not a regular file (`/dev/null`, a pipe) writes into it and leaves it what it
    /// was: replacing it whole, as a report file is, once turned the machine's /dev/null into a regular file.
    @Test func outputIntoAPipeWritesThroughItAndLeavesThePipe() throws {
        let repo = try busyRepository()
        let fifo = repo.path + "/report.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let copy = repo.path + "/copy.json"
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/sh")
        reader.arguments = ["-c", "cat \"$0\" > \"$1\"", fifo, copy]
        try reader.run()
        let result = try repo.reviewbot("review", "--format", "json", "--output", fifo)
        var status = stat()
        let stillAPipe = lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
        if !stillAPipe { reader.terminate() }  // nobody will write into the pipe now
        reader.waitUntilExit()
        #expect(stillAPipe)
        #expect(result.status == 1, "\(result.summary)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: copy)))
        #expect((report as? [String: Any])?["findings"] != nil)
    }

    @Test func jsonIsByteIdenticalAcrossRunsApartFromDurations() throws {
        let repo = try busyRepository()
        let first = try repo.reviewbot("review", "--format", "json")
        let second = try repo.reviewbot("review", "--format", "json")
        #expect(first.status == 1, "\(first.summary)")
        #expect(second.status == first.status)
        #expect(first.stdout.contains("durationMs"))
        #expect(withoutDurations(first.stdout) == withoutDurations(second.stdout))
        #expect(!first.stdout.isEmpty)
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let repo = try busyRepository()
        let result = try repo.reviewbot("review", "--format", "json")
        let json = try result.json()
        #expect(json["schemaVersion"] as? Int == 1)
        let tool = json["tool"] as? [String: Any]
        #expect(tool?["name"] as? String == "reviewbot")
        #expect(tool?["version"] as? String == "0.1.0")
        let head = try repo.git("rev-parse", "HEAD")
        let base = try repo.git("rev-parse", "HEAD~1")
        let target = json["target"] as? [String: Any]
        #expect(target?["range"] as? String == "HEAD")
        #expect(target?["head"] as? String == head)
        #expect(target?["base"] as? String == base)
        #expect(json["verdict"] as? String == "request_changes")
        #expect((json["reasons"] as? [String])?.isEmpty == false)
        #expect(json["score"] is Double || json["score"] is Int)

        let findings = try result.findings()
        #expect(
            try result.findingKeys() == [
                "quality.debug-output@web/app.js:2",
                "security.sql-injection@api.py:2",
                "security.tls-verification-disabled@client.py:2",
            ])
        // Most severe first.
        let severities = findings.map { $0["severity"] as? String ?? "" }
        #expect(severities.last == "low")
        for finding in findings {
            for key in [
                "ruleId", "category", "severity", "path", "line", "endLine", "message", "recommendation", "agents",
                "source", "fingerprint", "suppressed",
            ] {
                #expect(finding[key] != nil, "finding lacks \(key): \(finding)")
            }
            #expect(finding["source"] as? String == "rule")
            #expect((finding["fingerprint"] as? String)?.isEmpty == false)
        }

        let votes = json["votes"] as? [[String: Any]] ?? []
        #expect(votes.compactMap { $0["agent"] as? String } == ["security", "performance", "quality", "accessibility"])
        for vote in votes {
            for key in ["agent", "vote", "weight", "veto", "reason"] { #expect(vote[key] != nil, "vote lacks \(key)") }
        }
        let agents = json["agents"] as? [[String: Any]] ?? []
        #expect(agents.compactMap { $0["name"] as? String } == ["security", "performance", "quality", "accessibility"])
        for agent in agents {
            #expect(agent["status"] as? String == "ok")
            #expect(agent["durationMs"] is Int)
        }
        #expect(try result.skippedKeys() == ["gone.py:deleted:deleted", "image.bin:added:binary"])
        for skipped in try result.skipped() { #expect((skipped["detail"] as? String)?.isEmpty == false) }
    }

    @Test func textHasNoEscapesWhenNotATerminal() throws {
        let repo = try busyRepository()
        // NO_COLOR unset (empty): only the missing terminal keeps colour off.
        let result = try repo.reviewbot("review", environment: ["NO_COLOR": "", "TERM": "xterm-256color"])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("\u{1B}"), "\(result.stdout)")
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(result.stdout.contains("REQUEST CHANGES"))
        #expect(result.stdout.contains("client.py:2"))
        #expect(result.stdout.contains("api.py:2"))
        #expect(result.stdout.contains("web/app.js:2"))
        #expect(result.stdout.contains("skipped image.bin"))
        // The verdict comes before the findings.
        let verdict = try #require(result.stdout.range(of: "REQUEST CHANGES"))
        let finding = try #require(result.stdout.range(of: "client.py:2"))
        #expect(verdict.lowerBound < finding.lowerBound)
    }

    @Test func traceFileRecordsEveryHandoff() throws {
        let repo = try busyRepository()
        let result = try repo.reviewbot("review", "--format", "json", "--trace", "trace.json")
        #expect(result.status == 1, "\(result.summary)")
        result.expectOneErrorLine()  // the trace is in the file, not on stderr

        let data = try Data(contentsOf: URL(fileURLWithPath: repo.path + "/trace.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        let edges = Set(events.map { "\($0["from"] as? String ?? "?")→\($0["to"] as? String ?? "?")" })
        let agents = ["security", "performance", "quality", "accessibility"]
        for agent in agents {
            #expect(edges.contains("coordinator→\(agent)"), "\(edges)")
            #expect(edges.contains("\(agent)→synthesizer"), "\(edges)")
        }
        #expect(edges.contains("synthesizer→voting"))
        #expect(edges.contains("voting→verdict"))
        for event in events {
            #expect(event["count"] is Int)
            #expect(event["unit"] is String)
            #expect(event["durationMs"] != nil)
        }
        // What each stage handed over adds up.
        let toSynthesizer = events.filter { $0["to"] as? String == "synthesizer" }.compactMap { $0["count"] as? Int }
        #expect(toSynthesizer.reduce(0, +) >= 3)
        let verdict = events.first { $0["from"] as? String == "voting" }
        #expect(verdict?["count"] as? Int == 4)
        #expect(verdict?["detail"] as? String == "request_changes")
        // The agent → synthesizer events come after their coordinator → agent events.
        for agent in agents {
            let handedIn = events.firstIndex { $0["from"] as? String == "coordinator" && $0["to"] as? String == agent }
            let handedOut = events.firstIndex { $0["from"] as? String == agent && $0["to"] as? String == "synthesizer" }
            if let handedIn, let handedOut { #expect(handedIn < handedOut) }
        }
        let last = events.last
        #expect(last?["from"] as? String == "voting")
    }

    @Test func verbosePrintsTheHandoffsOnStandardError() throws {
        let repo = try busyRepository()
        let result = try repo.reviewbot("review", "--verbose", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.json()["verdict"] as? String == "request_changes", "stdout stays a clean report")
        let lines = result.stderrLines
        for line in lines { #expect(line.hasPrefix("reviewbot: "), "\(line)") }
        for agent in ["security", "performance", "quality", "accessibility"] {
            #expect(lines.contains { $0.contains("coordinator → \(agent):") }, "\(result.stderr)")
            #expect(lines.contains { $0.contains("\(agent) → synthesizer:") }, "\(result.stderr)")
        }
        #expect(lines.contains { $0.contains("synthesizer → voting:") })
        #expect(lines.contains { $0.contains("voting → verdict:") })
        // The last line is still the reason for the exit.
        #expect(lines.last?.hasPrefix("reviewbot: request changes") == true, "\(result.stderr)")

        let quiet = try repo.reviewbot("review", "--format", "json")
        #expect(quiet.stderrLines.count == 1)
    }

    @Test func reportOnACleanChangeSaysSo() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        let result = try repo.reviewbot("review")
        #expect(result.status == 0)
        #expect(result.stdout.contains("APPROVE"))
        #expect(result.stdout.contains("no findings"))
    }
}
