import Foundation
import Yams

/// Reads user rules written in YAML, in the same shape as the built-in rules (see README, "Custom rules").
enum RuleLoader {
    /// Reads a `custom_rules:` list (or the `rules:` list of a rule file).
    static func rules(_ node: Node, reader: ConfigLoader.Reader, key: String) throws(ConfigError) -> [Rule] {
        guard case .sequence(let sequence) = node else { throw reader.error(node, "\(key) must be a list of rules") }
        var rules: [Rule] = []
        for item in sequence { rules.append(try rule(item, reader: reader)) }
        return rules
    }

    /// Reads a rule file: a mapping with a `rules:` list.
    static func file(_ path: String) throws(ConfigError) -> [Rule] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigError("cannot read the rule file \(path)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ConfigError("\(path): invalid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        guard let root else { return [] }
        let reader = ConfigLoader.Reader(file: path)
        var rules: [Rule] = []
        for (keyNode, value) in try reader.mapping(root, key: "the top level") {
            let key = try reader.key(keyNode)
            guard key == "rules" else {
                throw reader.error(keyNode, "unknown key '\(key)' (a rule file has one key: rules)")
            }
            rules += try Self.rules(value, reader: reader, key: "rules")
        }
        return rules
    }

    private static let fields: Set<String> = [
        "id", "category", "severity", "languages", "exclude_paths", "keywords", "patterns", "requires", "excludes",
        "requires_in_file", "conditions", "parents", "targets", "multiline", "max_lines", "min_entropy", "message",
        "recommendation", "cwe", "fix", "examples",
    ]

    static func rule(_ node: Node, reader: ConfigLoader.Reader) throws(ConfigError) -> Rule {
        let mapping = try reader.mapping(node, key: "a rule")
        var values: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = try reader.key(keyNode)
            guard fields.contains(key) else {
                throw reader.error(
                    keyNode, "unknown key '\(key)' in a rule (expected \(fields.sorted().joined(separator: ", ")))")
            }
            values[key] = value
        }
        func required(_ key: String) throws(ConfigError) -> Node {
            guard let value = values[key] else { throw reader.error(node, "a rule needs '\(key)'") }
            return value
        }
        let id = try reader.scalar(try required("id"), key: "id")
        guard id.range(of: #"^[a-z0-9]+(\.[a-z0-9_-]+)+$"#, options: .regularExpression) != nil else {
            throw reader.error(
                try required("id"), "rule id '\(id)' must look like category.name (lowercase, dots, dashes)")
        }
        let path = "rule \(id)"
        let category = try reader.choice(try required("category"), key: "\(path).category", Category.self)
        let severity = try reader.choice(try required("severity"), key: "\(path).severity", Severity.self)
        var languages = Set<Language>()
        if let node = values["languages"] {
            for name in try reader.strings(node, key: "\(path).languages") {
                guard let language = Language(rawValue: name) else {
                    throw reader.error(
                        node,
                        "\(path).languages: unknown language '\(name)' (expected \(Language.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                languages.insert(language)
            }
        }
        let patterns =
            try values["patterns"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).patterns")
            } ?? []
        guard !patterns.isEmpty else { throw reader.error(node, "\(path) needs at least one pattern under 'patterns'") }
        var conditions: [Rule.Condition] = []
        if let node = values["conditions"] {
            for name in try reader.strings(node, key: "\(path).conditions") {
                guard let condition = Rule.Condition(rawValue: name) else {
                    throw reader.error(
                        node,
                        "\(path).conditions: unknown condition '\(name)' (expected \(Rule.Condition.allCases.map(\.rawValue).joined(separator: ", ")))"
                    )
                }
                conditions.append(condition)
            }
        }
        var fix: Rule.Fix?
        if let node = values["fix"] {
            var parts: [String: String] = [:]
            var safe = true
            for (keyNode, value) in try reader.mapping(node, key: "\(path).fix") {
                let key = try reader.key(keyNode)
                if key == "safe" {
                    safe = try reader.bool(value, key: "\(path).fix.safe")
                    continue
                }
                guard ["description", "find", "replace"].contains(key) else {
                    throw reader.error(
                        keyNode, "unknown key '\(key)' under \(path).fix (expected description, find, replace, safe)")
                }
                parts[key] = try reader.scalar(value, key: "\(path).fix.\(key)")
            }
            guard let find = parts["find"], let replace = parts["replace"] else {
                throw reader.error(node, "\(path).fix needs find and replace")
            }
            fix = Rule.Fix(
                parts["description"] ?? "apply the suggested change", find: find, replace: replace, safe: safe)
        }
        var examples: [Rule.Example] = []
        if let node = values["examples"] {
            guard case .sequence(let items) = node else { throw reader.error(node, "\(path).examples must be a list") }
            for item in items {
                var parts: [String: Node] = [:]
                for (keyNode, value) in try reader.mapping(item, key: "an example of \(path)") {
                    let key = try reader.key(keyNode)
                    guard ["path", "code", "flagged"].contains(key) else {
                        throw reader.error(
                            keyNode, "unknown key '\(key)' in an example of \(path) (expected path, code, flagged)")
                    }
                    parts[key] = value
                }
                guard let pathNode = parts["path"], let codeNode = parts["code"], let flaggedNode = parts["flagged"]
                else {
                    throw reader.error(item, "an example of \(path) needs path, code and flagged")
                }
                examples.append(
                    Rule.Example(
                        try reader.scalar(pathNode, key: "example path"),
                        try reader.scalar(codeNode, key: "example code"),
                        flagged: try reader.bool(flaggedNode, key: "example flagged")))
            }
        }
        let rule = Rule(
            id: id, category: category, severity: severity, languages: languages,
            excludedPaths: try values["exclude_paths"].map { node throws(ConfigError) in
                try reader.strings(node, key: "\(path).exclude_paths")
            } ?? [],
            keywords: try values["keywords"].map { node throws(ConfigError) in
                try reader.strings(node, key: "\(path).keywords")
            }?.map { $0.lowercased() } ?? [],
            patterns: patterns,
            requires: try values["requires"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).requires")
            } ?? [],
            excludes: try values["excludes"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).excludes")
            } ?? [],
            requiresInFile: try values["requires_in_file"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).requires_in_file")
            } ?? [],
            conditions: conditions,
            parents: try values["parents"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).parents")
            } ?? [],
            targets: try values["targets"].map { node throws(ConfigError) in
                try Self.patterns(node, reader: reader, key: "\(path).targets")
            } ?? [],
            multiline: try values["multiline"].map { node throws(ConfigError) in
                try reader.bool(node, key: "\(path).multiline")
            } ?? false,
            maxLines: try values["max_lines"].map { node throws(ConfigError) in
                try reader.int(node, key: "\(path).max_lines")
            },
            minEntropy: try values["min_entropy"].map { node throws(ConfigError) in
                try reader.double(node, key: "\(path).min_entropy")
            },
            message: try reader.scalar(try required("message"), key: "\(path).message"),
            recommendation: try values["recommendation"].map { node throws(ConfigError) in
                try reader.scalar(node, key: "\(path).recommendation")
            } ?? "",
            cwe: try values["cwe"].map { node throws(ConfigError) in try reader.scalar(node, key: "\(path).cwe") },
            fix: fix, examples: examples)
        do { _ = try RuleEngine(rules: [rule]) } catch { throw reader.error(node, error.message) }
        return rule
    }

    /// A list of patterns: each a regex string (on the code view) or `{regex, view, languages}`.
    private static func patterns(_ node: Node, reader: ConfigLoader.Reader, key: String) throws(ConfigError) -> [Rule
        .Pattern]
    {
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var patterns: [Rule.Pattern] = []
        for item in items {
            if case .scalar(let scalar) = item {
                patterns.append(Rule.Pattern(.code, scalar.string))
                continue
            }
            var regex: String?
            var view = Rule.View.code
            var languages = Set<Language>()
            for (keyNode, value) in try reader.mapping(item, key: "a pattern of \(key)") {
                switch try reader.key(keyNode) {
                case "regex": regex = try reader.scalar(value, key: "\(key).regex")
                case "view": view = try reader.choice(value, key: "\(key).view", Rule.View.self)
                case "languages":
                    for name in try reader.strings(value, key: "\(key).languages") {
                        guard let language = Language(rawValue: name) else {
                            throw reader.error(value, "\(key).languages: unknown language '\(name)'")
                        }
                        languages.insert(language)
                    }
                case let other:
                    throw reader.error(
                        keyNode, "unknown key '\(other)' in a pattern of \(key) (expected regex, view, languages)")
                }
            }
            guard let regex else { throw reader.error(item, "a pattern of \(key) needs regex") }
            patterns.append(Rule.Pattern(view, regex, languages: languages))
        }
        return patterns
    }
}
