import ArgumentParser
import Foundation
import ReviewBotCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules, explain one with its examples, or test every rule's examples.",
        discussion: """
            Custom rules from .reviewbot.yml (custom_rules, rule_files) are included.

            Examples:
              reviewbot rules                          every rule, one per line
              reviewbot rules security.sql-injection   what it finds, why, and examples
              reviewbot rules --test                   run every example; exit 1 naming each mismatch
            """)

    @Argument(help: "A rule id.")
    var id: String?

    @Flag(help: "Run every rule's good and bad examples, built-in and custom.")
    var test = false

    @Option(help: "Configuration file (default: .reviewbot.yml at the repository root, when in a repository).")
    var config: String?

    @Option(name: [.customShort("C"), .customLong("repo")], help: "Run as if started in this folder.")
    var repository = "."

    func run() throws {
        let configuration = try loadConfiguration()
        let rules = configuration.allRules
        if test {
            let selected = id.map { wanted in rules.filter { $0.id == wanted } } ?? rules
            if let id, selected.isEmpty {
                throw ConfigError("unknown rule '\(id)'; run `reviewbot rules` for the list")
            }
            let result = try RuleTester.run(selected)
            for failure in result.failures { print("FAIL \(failure)") }
            for rule in result.incomplete { print("WARN \(rule) needs at least one flagged and one unflagged example") }
            print("\(result.rules) rules, \(result.examples) examples, \(result.failures.count) failed")
            if let first = result.failures.first {
                throw VerdictExit(
                    status: .requestChanges,
                    message:
                        "\(result.failures.count) rule example\(result.failures.count == 1 ? "" : "s") failed, first: \(first)"
                )
            }
            return
        }
        guard let id else {
            for rule in rules {
                let severity = rule.severity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                print("\(rule.id.padding(toLength: 44, withPad: " ", startingAt: 0)) \(severity) \(rule.message)")
            }
            return
        }
        guard let rule = rules.first(where: { $0.id == id }) else {
            throw ConfigError("unknown rule '\(id)'; run `reviewbot rules` for the list")
        }
        print(rule.id)
        print(
            "  category: \(rule.category.rawValue)   severity: \(rule.severity.rawValue)"
                + (rule.cwe.map { "   \($0)" } ?? ""))
        let languages = rule.languages.isEmpty ? "all" : rule.languages.map(\.rawValue).sorted().joined(separator: ", ")
        print("  languages: \(languages)")
        if !rule.excludedPaths.isEmpty { print("  not in: \(rule.excludedPaths.joined(separator: " "))") }
        print("  \(rule.message)")
        if !rule.recommendation.isEmpty { print("  recommendation: \(rule.recommendation)") }
        if let fix = rule.fix {
            let mode = fix.safe ? "applied by --fix" : "suggested only, never applied"
            let replace = fix.replace.isEmpty ? "(line removed)" : fix.replace
            print("  fix (\(mode)): \(fix.description)")
            print("    replace \(fix.find) with \(replace)")
        }
        for example in rule.examples {
            print("")
            print("  \(example.flagged ? "flagged" : "not flagged") (\(example.path)):")
            for line in example.code.split(separator: "\n", omittingEmptySubsequences: false) { print("    \(line)") }
        }
    }

    private func loadConfiguration() throws -> Configuration {
        // Outside a repository the built-in rules are still listed.
        let workdir = config == nil ? (try? RepositoryLocation.locate(repository))?.workdir : nil
        return try ConfigLoader.load(explicit: config, workdir: workdir)
    }
}
