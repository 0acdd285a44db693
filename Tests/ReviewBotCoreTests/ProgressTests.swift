import Foundation
import Testing

@testable import ReviewBotCore

/// The per-agent status lines: on a terminal's stderr only, erased when the review ends.
@Suite struct ProgressTests {
    private func repository() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("client.py", "import requests\n\(insecureRequestLine)\n")
        try repo.write("web/app.js", "console.log(1);\n")
        try repo.commitAll("change")
        return repo
    }

    @Test func aTerminalSeesOneLinePerAgentThenNothing() throws {
        let repo = try repository()
        // `script` gives the command a terminal; stdout goes to a file, so the terminal shows stderr alone.
        let command = "'\(Command.reviewbotBinary)' review --format json > report.json"
        let result = try Command.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], in: repo.path,
            environment: ["TERM": "xterm", "REVIEWBOT_PROGRESS_DELAY_MS": "0"])
        #expect(result.status == 1, "\(result.summary)")
        let terminal = result.stdout
        for agent in ["security", "performance", "quality", "accessibility"] {
            #expect(terminal.contains(agent), "\(terminal)")
        }
        #expect(terminal.contains(" files "), "\(terminal)")
        #expect(terminal.contains("\u{1B}[2K"), "lines are redrawn in place")
        #expect(terminal.contains("\u{1B}[J"), "and erased at the end")
        #expect(terminal.contains("reviewbot: request changes"))
        let report = try repo.read("report.json")
        #expect(!report.contains("\u{1B}"))
        #expect(report.contains("\"verdict\" : \"request_changes\""))
    }

    @Test func nothingWhenStandardErrorIsNotATerminal() throws {
        let repo = try repository()
        let result = try repo.reviewbot(
            "review", "--format", "json", environment: ["TERM": "xterm", "REVIEWBOT_PROGRESS_DELAY_MS": "0"])
        #expect(result.status == 1)
        result.expectOneErrorLine()
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!result.stderr.contains("files"))
    }

    @Test func statusLinesCountFilesAndCallsInFlight() {
        let progress = ReviewProgress(agents: ["security", "quality"])
        progress.assigned(3, to: "security")
        progress.reviewedFile(by: "security")
        progress.llmCallStarted(by: "security")
        #expect(ProgressDisplay.line(progress.snapshot[0]) == "  … security       1/3 files   1 LLM call in flight")
        progress.llmCallFinished(by: "security")
        progress.finished("security", findings: 2)
        #expect(ProgressDisplay.line(progress.snapshot[0]) == "  ✓ security       1/3 files   2 findings")
        #expect(ProgressDisplay.line(progress.snapshot[1]) == "  … quality        0/0 files   0 LLM calls in flight")
    }
}
