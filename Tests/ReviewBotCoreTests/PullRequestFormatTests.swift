import Foundation
import Testing

@testable import ReviewBotCore

/// `--format github` (workflow-command annotations) and `--format markdown` (a pull-request comment).
@Suite struct PullRequestFormatTests {
    /// A high TLS finding in a file whose name needs escaping, a low debug output, a suppressed weak hash.
    private func repository() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "api/odd,name.py",
            "import hashlib, requests\n\(insecureRequestLine)\nhashlib.md5(b).hexdigest()  # reviewbot:ignore\n")
        try repo.write("web/app.js", "function f(u) {\n  console.log(u);\n}\n")
        try repo.commitAll("change")
        return repo
    }

    private let gitHubActions = ["GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/app"]

    @Test func gitHubAnnotationsMapSeverityAndEscapeValues() throws {
        let repo = try repository()
        let result = try repo.reviewbot("review", "--format", "github")
        #expect(result.status == 1, "\(result.summary)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "two findings that count and the verdict: \(result.stdout)")
        let tls = try #require(lines.first)
        #expect(tls.hasPrefix("::error file=api/odd%2Cname.py,line=2,endLine=2,col="), "\(tls)")
        #expect(tls.contains(",title=security.tls-verification-disabled (high)::"), "\(tls)")
        #expect(tls.contains("%0A"), "the recommendation is on a line of its own: \(tls)")
        #expect(!tls.dropFirst(2).contains("\n"))
        #expect(
            lines[1].hasPrefix("::notice file=web/app.js,line=2,endLine=2,col=3,title=quality.debug-output (low)::"))
        #expect(lines[2].hasPrefix("::warning title=reviewbot::request changes, score"), "\(lines[2])")
    }

    @Test func gitHubEscapingFollowsTheRunner() {
        #expect(GitHubRenderer.property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae")
        #expect(GitHubRenderer.data("a:b,c%d\ne") == "a:b,c%25d%0Ae")
        #expect(GitHubRenderer.command(.critical) == "error")
        #expect(GitHubRenderer.command(.medium) == "warning")
        #expect(GitHubRenderer.command(.info) == "notice")
    }

    @Test func gitHubOnACleanChangeIsOneNotice() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        let result = try repo.reviewbot("review", "--format", "github")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("::notice title=reviewbot::approve, score 10.0/10"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    @Test func markdownWithNoFindings() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("ok.py", "x = 1\n")
        try repo.commitAll("ok")
        let result = try repo.reviewbot("review", "--format", "markdown")
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.hasPrefix("<!-- reviewbot-report -->\n### ✅ reviewbot: approve · score 10.0/10\n"), "\(text)")
        #expect(text.contains("no findings"))
        #expect(!text.contains("####"))
        #expect(!text.contains("not listed"))
        #expect(text.contains("<summary>Votes</summary>"))
    }

    @Test func markdownWithFindingsLinksToTheirLines() throws {
        let repo = try repository()
        let head = try repo.git("rev-parse", "HEAD")
        let result = try repo.reviewbot("review", "--format", "markdown", environment: gitHubActions)
        #expect(result.status == 1)
        let text = result.stdout
        #expect(text.contains("### ⚠️ reviewbot: request changes"), "\(text)")
        #expect(text.contains("#### 🟠 High (1)"))
        #expect(text.contains("#### 🔵 Low (1)"))
        #expect(text.contains("| where | rule | finding |"))
        #expect(
            text.contains("[`api/odd,name.py:2`](https://github.com/acme/app/blob/\(head)/api/odd,name.py#L2-L2)"),
            "\(text)")
        #expect(text.contains("<details>"))
        #expect(text.contains("verify=True"), "the fix is shown")
        #expect(text.contains("1 suppressed inline"))
        #expect(text.contains("| security | ⚠️ request changes (veto) | 2 |"), "\(text)")

        // A review of the index has no commit to link to.
        try repo.write("web/more.js", "console.log(1);\n")
        try repo.git("add", "web/more.js")
        let staged = try repo.reviewbot("review", "--staged", "--format", "markdown", environment: gitHubActions)
        #expect(staged.stdout.contains("`web/more.js:1`"))
        #expect(!staged.stdout.contains("](https://"))

        // An explicit template wins.
        let custom = try repo.reviewbot(
            "review", "--format", "markdown",
            environment: ["REVIEWBOT_LINK_TEMPLATE": "https://git.example.com/app/src/{sha}/{path}?line={line}"])
        #expect(
            custom.stdout.contains("(https://git.example.com/app/src/\(head)/web/app.js?line=2)"), "\(custom.stdout)")
    }

    @Test func markdownWithFiveHundredFindingsStaysReadable() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("web/noisy.js", (1...500).map { "console.log(\($0));\n" }.joined())
        try repo.commitAll("noise")
        let json = try repo.reviewbot("review", "--format", "json", "--fail-on", "never")
        #expect(try json.findings().count == 500)

        let result = try repo.reviewbot("review", "--format", "markdown", environment: gitHubActions)
        let text = result.stdout
        #expect(text.utf8.count < 65_536, "a GitHub comment holds at most 65,536 characters: \(text.utf8.count)")
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| [`web/noisy.js:") }
        #expect(rows.count == 50)
        #expect(text.contains("#### 🔵 Low (500)"))
        #expect(text.contains("450 more findings are not listed here (500 in all)"), "\(text.suffix(600))")
    }

    @Test func markdownListsTheFixCommits() {
        var report = ReviewReport(
            target: ReviewTarget(range: "HEAD~1..HEAD", base: "a" + String(repeating: "0", count: 39), head: nil),
            verdict: .approve, reasons: [], score: 10, summary: "Reviewed 1 file; no findings.", findings: [],
            votes: [], agents: [], skipped: [], stats: ReviewReport.Stats(files: 1, addedLines: 1, skipped: 0))
        report.fixes = [
            ReviewReport.FixRecord(iteration: 1, commit: "0123456789abcdef", fixed: ["f1", "f2"], files: ["a.py"])
        ]
        let text = MarkdownRenderer(context: RenderContext()).render(report)
        #expect(text.contains("**Fixes applied**"))
        #expect(text.contains("| 1 | `0123456` | 2 |"), "\(text)")
    }
}
