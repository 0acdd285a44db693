/// Runs every rule's examples (`reviewbot rules --test`, and the test suite).
public enum RuleTester {
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        public var ruleId: String
        /// 1-based position of the example in the rule's list.
        public var example: Int
        public var path: String
        public var expectedFlagged: Bool

        public var description: String {
            "\(ruleId) example \(example) (\(path)): expected \(expectedFlagged ? "a finding" : "no finding"), got \(expectedFlagged ? "none" : "one")"
        }
    }

    public struct Result: Sendable {
        public var rules: Int
        public var examples: Int
        public var failures: [Failure]
        /// Rules without a flagged or without an unflagged example.
        public var incomplete: [String]
    }

    public static func run(_ rules: [Rule]) throws(ConfigError) -> Result {
        var failures: [Failure] = []
        var incomplete: [String] = []
        var count = 0
        for rule in rules {
            let engine = try RuleEngine(rules: [rule])
            if !rule.examples.contains(where: \.flagged) || !rule.examples.contains(where: { !$0.flagged }) {
                incomplete.append(rule.id)
            }
            for (index, example) in rule.examples.enumerated() {
                count += 1
                let lines = example.code.split(separator: "\n", omittingEmptySubsequences: false).count
                let file = SourceFile(path: example.path, text: example.code, addedLines: Array(1...max(1, lines)))
                let flagged = !engine.findings(in: file, agent: rule.category.rawValue).isEmpty
                if flagged != example.flagged {
                    failures.append(
                        Failure(
                            ruleId: rule.id, example: index + 1, path: example.path, expectedFlagged: example.flagged))
                }
            }
        }
        return Result(rules: rules.count, examples: count, failures: failures, incomplete: incomplete)
    }
}
