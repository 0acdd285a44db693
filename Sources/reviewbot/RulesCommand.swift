import ArgumentParser
import ReviewBotCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the built-in rules, or explain one with its examples.",
        discussion: """
            Examples:
              reviewbot rules                          every rule, one per line
              reviewbot rules security.sql-injection   what it finds, why, and examples
            """)

    @Argument(help: "A rule id.")
    var id: String?

    func run() throws {
        guard let id else {
            for rule in RuleCatalog.builtin {
                let severity = rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                print("\(rule.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(severity) \(rule.message)")
            }
            return
        }
        guard let rule = RuleCatalog.rule(id: id) else {
            throw ConfigError("unknown rule '\(id)'; run `reviewbot rules` for the list")
        }
        print(rule.id)
        print("  category: \(rule.category.rawValue)   severity: \(rule.severity.rawValue)" + (rule.cwe.map { "   \($0)" } ?? ""))
        let languages = rule.languages.isEmpty ? "all" : rule.languages.map(\.rawValue).sorted().joined(separator: ", ")
        print("  languages: \(languages)")
        print("  \(rule.message)")
        print("  recommendation: \(rule.recommendation)")
        if let fix = rule.fix { print("  fix: \(fix.description) (\(fix.find) → \(fix.replace))") }
        for example in rule.examples {
            print("")
            print("  \(example.flagged ? "flagged" : "not flagged") (\(example.path)):")
            for line in example.code.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(line)") }
        }
    }
}
