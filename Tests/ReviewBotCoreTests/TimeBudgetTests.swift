import Foundation
import Testing

@testable import ReviewBotCore

/// Every stage has a budget (issue 11, item 5): rules per file and per review, custom patterns checked at load,
/// model answers limited before parsing. A file that runs out is reported as partly reviewed, never passed.
@Suite struct TimeBudgetTests {
    // MARK: Custom patterns at load

    @Test(arguments: [
        ("(a+)+$", "unsafe", "the group (a+) at offset 0"),
        ("(a*)*b", "unsafe", "the group (a*) at offset 0"),
        ("(a|a)*c", "unsafe", "at offset 0"),
        ("x(a|aa)+y", "unsafe", "at offset 1"),
        ("(\\w+\\s?)+$", "unsafe", "at offset 0"),
        ("(abc", "invalid", "unbalanced parenthesis: '(' at offset 0 is never closed"),
        ("ab)c", "invalid", "unbalanced parenthesis: ')' at offset 2 closes no group"),
        ("[abc", "invalid", "unterminated character class: '[' at offset 0 is never closed"),
        ("*a", "invalid", "the quantifier '*' at offset 0 has nothing to repeat"),
        ("(a)\\2", "invalid", "it refers to group 2 at offset 3, but has only 1 group"),
        ("(?<word>a)\\k<other>", "invalid", "a group named 'other'"),
        ("a{3,1}", "invalid", "has its maximum below its minimum"),
    ])
    func badPatternsAreNamedWithTheirProblem(pattern: String, kind: String, detail: String) throws {
        let problem = try #require(PatternCheck.problem(in: pattern), "\(pattern) passed")
        #expect(problem.unsafe == (kind == "unsafe"), "\(pattern): \(problem.message)")
        #expect(problem.message.contains(detail), "\(pattern): \(problem.message)")
    }

    @Test(arguments: [
        "(?<![.\\w])print\\s*\\(", "(?:[a-z]+\\.)+com", "(\\d+,)*\\d+", "(a++)+$", "(?>a+)+$", "(a)\\1",
        "(?<q>['\"]).*?\\k<q>", "\\bfoo(?:bar|baz)*\\b", "[\\[\\]()]+", "a{2,5}b", "(?i)select\\s+\\*", "\\Q(a+)+\\E",
        "TODO(?!\\(#\\d+\\))",
    ])
    func ordinaryPatternsPass(pattern: String) {
        #expect(PatternCheck.problem(in: pattern) == nil)
    }

    private func customRule(_ pattern: String, id: String = "team.x") -> String {
        """
        custom_rules:
          - id: \(id)
            category: quality
            severity: low
            languages: [python]
            patterns: ['\(pattern)']
            message: slow
        """
    }

    // These read the working configuration (--worktree): a range review reads the base revision's.
    @Test func aCatastrophicCustomPatternIsRefusedAtLoadNamingTheRule() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(".reviewbot.yml", customRule("(a+)+$"))
        try repo.write("a.py", String(repeating: "a", count: 40) + "!\n")
        try repo.commitAll("change")
        let start = Date()
        let result = try repo.reviewbot("review", "--worktree")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.status == 3)
        #expect(result.stderr.contains("custom rule team.x has an unsafe pattern (patterns): it may backtrack"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func anInvalidCustomRegexSaysWhatIsWrong() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(".reviewbot.yml", customRule("(a)\\2"))
        try repo.commitAll("config")
        let backreference = try repo.reviewbot("review", "--worktree")
        #expect(backreference.status == 3)
        #expect(
            backreference.stderr.contains(
                "custom rule team.x has an invalid pattern (patterns): it refers to group 2 at offset 3, but has only 1 group"
            ), "\(backreference.stderr)")
        #expect(!backreference.stderr.contains("The value is invalid"))

        try repo.write(".reviewbot.yml", customRule("foo(bar"))
        let unbalanced = try repo.reviewbot("review", "--worktree")
        #expect(unbalanced.status == 3)
        #expect(
            unbalanced.stderr.contains("unbalanced parenthesis: '(' at offset 3 is never closed"),
            "\(unbalanced.stderr)")
    }

    // MARK: Rules within budgets

    /// A pattern that the load-time check lets through but that backtracks polynomially on a long line.
    static let polynomial = "\\w*\\w*\\w*\\w*\\w*\\w*!"

    @Test func aSlowCustomRuleEndsWithinTheFileBudgetAndTheFileIsReportedAsPartlyReviewed() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            ".reviewbot.yml", customRule(Self.polynomial, id: "team.slow") + "\nbudgets:\n  file_seconds: 0.5\n")
        try repo.commitAll("config")
        // a secret on the first line is still found; the slow rule then runs out on the long lines
        try repo.write(
            "job.py",
            "token = \"ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8" + "\"\n"
                + String(repeating: String(repeating: "a", count: 3000) + "\n", count: 5))
        try repo.commitAll("change")

        let start = Date()
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--fail-on", "never")
        let seconds = Date().timeIntervalSince(start)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(seconds < 20)
        let report = try result.json()
        let partial = (report["skipped"] as? [[String: Any]] ?? []).filter { $0["reason"] as? String == "time_budget" }
        #expect(partial.count == 1)
        #expect(partial.first?["path"] as? String == "job.py")
        let detail = partial.first?["detail"] as? String ?? ""
        #expect(detail.contains("partly reviewed: the quality rules ran out of their 0.5 s budget"), "\(detail)")
        #expect(detail.contains("rule team.slow was still searching"), "\(detail)")
        #expect(report["verdict"] as? String != "approve")
        #expect((report["reasons"] as? [String] ?? []).contains { $0.contains("only partly reviewed") })
        let quality = (report["agents"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "quality" }
        #expect(quality?["status"] as? String == "degraded")
        #expect((quality?["note"] as? String ?? "").contains("team.slow"))
        #expect(try result.findings().contains { ($0["ruleId"] as? String ?? "").hasPrefix("security.") })

        let text = try repo.reviewbot("review", "HEAD~1..HEAD", "--fail-on", "never")
        #expect(text.stdout.contains("job.py: partly reviewed"), "\(text.stdout)")
    }

    @Test func theEngineStopsAtItsDeadlineAndSaysWhere() throws {
        let rule = Rule(
            id: "team.slow", category: .quality, severity: .low, languages: [.python], keywords: [],
            patterns: [.init(.raw, Self.polynomial)], message: "slow", recommendation: "", examples: [])
        let engine = try RuleEngine(rules: [rule])
        let text = String(repeating: String(repeating: "a", count: 3000) + "\n", count: 4)
        let file = SourceFile(path: "a.py", text: text, addedLines: [1, 2, 3, 4])
        let start = Date()
        let outcome = engine.review(file, agent: "quality", deadline: .after(seconds: 0.3))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(outcome.findings.isEmpty)
        let partial = try #require(outcome.partial)
        #expect(partial.ruleId == "team.slow")
        #expect(partial.line == 1)
        #expect(partial.cause == .fileBudget)

        let passed = engine.review(file, agent: "quality", deadline: Deadline(uptimeNanoseconds: 0))
        #expect(passed.partial?.started == false)
    }

    @Test func theReviewDeadlineCoversFilesNotReached() async throws {
        var configuration = Configuration()
        configuration.budgets.reviewSeconds = 0.001
        var coordinator = Coordinator(configuration: configuration)
        coordinator.deadline = Deadline(uptimeNanoseconds: 0)
        let change = ChangeSet(
            target: ReviewTarget(range: "test", base: nil, head: nil),
            files: [
                FileChange(
                    path: "a.py", status: .added, hunks: [], addedLines: [1], oldText: nil, newText: "x = 1\n")
            ], skipped: [])
        let report = try await coordinator.review(change)
        #expect(report.verdict == .requestChanges)
        #expect(report.skipped.map(\.reason) == [.timeBudget])
        #expect(report.skipped.first?.detail.contains("the review deadline") == true)
        #expect(report.reasons.first?.contains("only partly reviewed") == true)
    }

    @Test func budgetsAreConfigurable() throws {
        let config = try ConfigLoader.parse("budgets:\n  file_seconds: 0.25\n  review_seconds: 90\n", file: "c.yml")
        #expect(config.budgets == BudgetSettings(fileSeconds: 0.25, reviewSeconds: 90))
        #expect(Configuration().budgets == BudgetSettings(fileSeconds: 2, reviewSeconds: 60))
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("budgets:\n  file_seconds: 0\n", file: "c.yml") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("budgets:\n  files: 2\n", file: "c.yml") }
        #expect(throws: ConfigError.self) {
            try ConfigLoader.parse("budgets:\n  review_seconds: 100000\n", file: "c.yml")
        }
    }

    // MARK: Model answers

    @Test func deepOrHugeJSONIsRefusedBeforeParsing() {
        let deep = String(repeating: "[", count: 400_000) + String(repeating: "]", count: 400_000)
        let start = Date()
        #expect(JSONValue.parse(deep) == nil)
        #expect(JSONValue.tooLargeOrDeep(Array(deep.utf8)) == "nested deeper than 64 levels")
        let huge = "[" + String(repeating: "1,", count: 600_000) + "1]"
        #expect(JSONValue.tooLargeOrDeep(Array(huge.utf8)) == "larger than 1048576 bytes")
        guard case .failure(let problem) = LLMAnswerReader.findingsList(in: deep) else {
            Issue.record("400,000 nested arrays gave findings")
            return
        }
        #expect(problem.message.contains("nested deeper than 64 levels"))
        let open = String(repeating: "[", count: 200_000)
        #expect(LLMAnswerReader.extractJSON("prose " + open + " more") == nil)
        #expect(Date().timeIntervalSince(start) < 10)

        // brackets in quotes do not count; a shallow answer inside prose is still found
        #expect(JSONValue.tooLargeOrDeep(Array(("{\"a\": \"" + open + "\"}").utf8)) == nil)
        let answer = LLMAnswerReader.extractJSON("Sure [see below]: {\"findings\": [{\"line\": 3}]} done")
        #expect(answer != nil)
    }

    @Test(arguments: ["nested:1000000", "nested-open:1000000", "nested-body:1000000", "huge:10"])
    func aModelAnswerThatIsTooDeepOrLargeEndsWithAReport(scenario: String) throws {
        let server = try LLMTestServer()
        let repo = try ScratchRepository.withChange(
            "api/client.py", "import os\n\n\ndef main():\n    return os.getcwd()\n")
        try repo.configureLLM(
            url: server.baseURL, model: "scripted:\(scenario)",
            extra: "deadline: 10\ntimeouts: {connect: 2, request: 8, idle: 4}")
        let start = Date()
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 30, "\(scenario) took \(seconds) s")
        #expect(result.status == 0, "\(scenario): \(result.stderr)")
        let report = try result.json()
        let degraded = (report["agents"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "degraded" }
        #expect(!degraded.isEmpty, "\(scenario): no agent degraded")
    }
}
