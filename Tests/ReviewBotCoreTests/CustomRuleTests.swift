import Foundation
import Testing

/// User rules in `.reviewbot.yml`: same shape as the built-in ones, reviewed and tested the same way.
@Suite struct CustomRuleTests {
    static let config = """
        custom_rules:
          - id: team.no-print
            category: quality
            severity: high
            languages: [python]
            keywords: [print]
            patterns:
              - '(?<![.\\w])print\\s*\\('
            message: "print() in library code"
            recommendation: "Use logging."
            examples:
              - {path: a.py, code: "print(x)", flagged: true}
              - {path: a.py, code: "# print(x)", flagged: false}
        rule_files: [rules/more.yml]
        """

    static let ruleFile = """
        rules:
          - id: team.no-todo-ticket
            category: quality
            severity: low
            keywords: [todo]
            patterns:
              - {regex: 'TODO(?!\\(#\\d+\\))', view: raw}
            message: "TODO without a ticket"
            examples:
              - {path: a.py, code: "# TODO fix", flagged: true}
              - {path: a.py, code: "# TODO(#12) fix", flagged: false}
        """

    func repository() throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(".reviewbot.yml", Self.config)
        try repo.write("rules/more.yml", Self.ruleFile)
        try repo.commitAll("config")
        return repo
    }

    @Test func customRulesReviewLikeBuiltInOnes() throws {
        let repo = try repository()
        try repo.write("lib.py", "def f(x):\n    # print(x) is not code\n    print(x)  # TODO tidy\n")
        try repo.commitAll("add lib")

        let result = try repo.reviewbot("review", "HEAD", "--format", "json")

        #expect(result.status == 0, "a high quality finding alone is outvoted by default")
        let found = try result.findings().map { "\($0["ruleId"] as? String ?? ""):\($0["line"] as? Int ?? 0)" }.sorted()
        #expect(found == ["team.no-print:3", "team.no-todo-ticket:3"])
    }

    @Test func rulesTestPassesAndListsCustomRules() throws {
        let repo = try repository()
        let test = try repo.reviewbot("rules", "--test")
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        let list = try repo.reviewbot("rules")
        #expect(list.stdout.contains("team.no-print"))
        #expect(list.stdout.contains("team.no-todo-ticket"))
        #expect(list.stdout.contains("security.sql-injection"))
    }

    @Test func aWrongExampleFailsNamingTheRuleAndExample() throws {
        let repo = try repository()
        try repo.write(
            ".reviewbot.yml",
            Self.config.replacingOccurrences(
                of: "code: \"# print(x)\", flagged: false", with: "code: \"# print(x)\", flagged: true"))

        let result = try repo.reviewbot("rules", "--test")

        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL team.no-print example 2 (a.py): expected a finding, got none"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func brokenRulesAreConfigurationErrors() throws {
        // The working configuration: a range review would read the base revision's (README, "Trust").
        let repo = try repository()
        try repo.write(
            ".reviewbot.yml",
            "custom_rules:\n  - id: team.x\n    category: quality\n    severity: low\n    message: m\n    patterns: ['(unclosed']\n"
        )
        let badRegex = try repo.reviewbot("review", "--worktree")
        #expect(badRegex.status == 3)
        #expect(badRegex.stderr.contains("team.x has an invalid pattern"))

        try repo.write(
            ".reviewbot.yml",
            "custom_rules:\n  - id: security.sql-injection\n    category: security\n    severity: low\n    message: m\n    patterns: [x]\n"
        )
        let shadow = try repo.reviewbot("review", "--worktree")
        #expect(shadow.status == 3)
        #expect(shadow.stderr.contains("'security.sql-injection' is defined twice"))

        try repo.write(
            ".reviewbot.yml",
            "custom_rules:\n  - id: team.y\n    category: quality\n    severity: low\n    message: m\n    patterns: [x]\n    colour: red\n"
        )
        let unknown = try repo.reviewbot("review", "--worktree")
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains(".reviewbot.yml:7: unknown key 'colour' in a rule"))
    }
}
