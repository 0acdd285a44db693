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
    static func file(_ path: String, files: ConfigFiles = .disk) throws(ConfigError) -> [Rule] {
        guard let data = try files.contents(atPath: path), let text = String(data: data, encoding: .utf8)
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

    fileprivate static let knownFields: Set<String> = [
        "id", "category", "severity", "languages", "exclude_paths", "keywords", "patterns", "requires", "excludes",
        "requires_in_file", "conditions", "parents", "targets", "multiline", "max_lines", "min_entropy", "message",
        "recommendation", "cwe", "fix", "examples",
    ]

    /// Reads one rule mapping, and compiles it once so that a broken pattern is an error here.
    static func rule(_ node: Node, reader: ConfigLoader.Reader) throws(ConfigError) -> Rule {
        let fields = try RuleFields(node, reader: reader)
        let path = fields.path
        let category = try reader.choice(try fields.required("category"), key: "\(path).category", Category.self)
        let severity = try reader.choice(try fields.required("severity"), key: "\(path).severity", Severity.self)
        let languages = Set(try fields.names("languages", kind: "language", Language.self))
        let patterns = try fields.patterns("patterns")
        guard !patterns.isEmpty else { throw reader.error(node, "\(path) needs at least one pattern under 'patterns'") }
        let conditions = try fields.names("conditions", kind: "condition", Rule.Condition.self)
        let fix = try fields.values["fix"].map { node throws(ConfigError) in
            try Self.fix(node, reader: reader, path: path)
        }
        let examples =
            try fields.values["examples"].map { node throws(ConfigError) in
                try Self.examples(node, reader: reader, path: path)
            } ?? []
        let rule = Rule(
            id: fields.id, category: category, severity: severity, languages: languages,
            excludedPaths: try fields.strings("exclude_paths"),
            keywords: try fields.strings("keywords").map { $0.lowercased() },
            patterns: patterns,
            requires: try fields.patterns("requires"),
            excludes: try fields.patterns("excludes"),
            requiresInFile: try fields.patterns("requires_in_file"),
            conditions: conditions,
            parents: try fields.patterns("parents"),
            targets: try fields.patterns("targets"),
            multiline: try fields.optional("multiline", reader.bool) ?? false,
            maxLines: try fields.optional("max_lines", reader.int),
            minEntropy: try fields.optional("min_entropy", reader.double),
            message: try reader.scalar(try fields.required("message"), key: "\(path).message"),
            recommendation: try fields.optional("recommendation", reader.scalar) ?? "",
            cwe: try fields.optional("cwe", reader.scalar),
            fix: fix, examples: examples)
        if let problem = patternProblem(in: rule) { throw reader.error(node, problem) }
        do { _ = try RuleEngine(rules: [rule]) } catch { throw reader.error(node, error.message) }
        return rule
    }

    /// The first pattern of a custom rule that does not compile, refers to a missing group or may backtrack
    /// catastrophically, named by its field and position (see ``PatternCheck``).
    static func patternProblem(in rule: Rule) -> String? {
        // e.g. "custom rule team.x has an invalid pattern (patterns[2]): it does not compile: unbalanced parenthesis…"
        let fields: [(String, [String])] = [
            ("patterns", rule.patterns.map(\.regex)), ("requires", rule.requires.map(\.regex)),
            ("excludes", rule.excludes.map(\.regex)), ("requires_in_file", rule.requiresInFile.map(\.regex)),
            ("parents", rule.parents.map(\.regex)), ("targets", rule.targets.map(\.regex)),
            ("fix.find", rule.fix.map { [$0.find] } ?? []),
        ]
        for (field, patterns) in fields {
            for (position, pattern) in patterns.enumerated() {
                guard let problem = PatternCheck.problem(in: pattern) else { continue }
                let place = patterns.count == 1 ? field : "\(field)[\(position + 1)]"
                return
                    "custom rule \(rule.id) has \(problem.unsafe ? "an unsafe" : "an invalid") pattern (\(place)): \(problem.message)"
            }
        }
        return nil
    }

    /// A rule's `fix:` mapping: `find` and `replace`, an optional `description`, and `safe` (true unless said).
    private static func fix(_ node: Node, reader: ConfigLoader.Reader, path: String) throws(ConfigError) -> Rule.Fix {
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
        return Rule.Fix(parts["description"] ?? "apply the suggested change", find: find, replace: replace, safe: safe)
    }

    /// A rule's `examples:` list, each a mapping of `path`, `code` and `flagged`.
    private static func examples(_ node: Node, reader: ConfigLoader.Reader, path: String) throws(ConfigError)
        -> [Rule.Example]
    {
        guard case .sequence(let items) = node else { throw reader.error(node, "\(path).examples must be a list") }
        var examples: [Rule.Example] = []
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
            guard let pathNode = parts["path"], let codeNode = parts["code"], let flaggedNode = parts["flagged"] else {
                throw reader.error(item, "an example of \(path) needs path, code and flagged")
            }
            examples.append(
                Rule.Example(
                    try reader.scalar(pathNode, key: "example path"),
                    try reader.scalar(codeNode, key: "example code"),
                    flagged: try reader.bool(flaggedNode, key: "example flagged")))
        }
        return examples
    }

    /// A list of patterns: each a regex string (on the code view) or `{regex, view, languages}`.
    fileprivate static func patterns(_ node: Node, reader: ConfigLoader.Reader, key: String) throws(ConfigError)
        -> [Rule
        .Pattern]
    {
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var patterns: [Rule.Pattern] = []
        for item in items { patterns.append(try pattern(item, reader: reader, key: key)) }
        return patterns
    }

    /// One item of a pattern list: a regex string (on the code view) or `{regex, view, languages}`.
    private static func pattern(_ item: Node, reader: ConfigLoader.Reader, key: String) throws(ConfigError)
        -> Rule.Pattern
    {
        if case .scalar(let scalar) = item { return Rule.Pattern(.code, scalar.string) }
        var regex: String?
        var view = Rule.View.code
        var languages = Set<Language>()
        for (keyNode, value) in try reader.mapping(item, key: "a pattern of \(key)") {
            switch try reader.key(keyNode) {
            case "regex": regex = try reader.scalar(value, key: "\(key).regex")
            case "view": view = try reader.choice(value, key: "\(key).view", Rule.View.self)
            case "languages":
                languages.formUnion(
                    try names(value, reader: reader, key: "\(key).languages", kind: "language", Language.self))
            case let other:
                throw reader.error(
                    keyNode, "unknown key '\(other)' in a pattern of \(key) (expected regex, view, languages)")
            }
        }
        guard let regex else { throw reader.error(item, "a pattern of \(key) needs regex") }
        return Rule.Pattern(view, regex, languages: languages)
    }

    /// The list of names `node` read as values of `T`, in order; an unknown name is an error that lists the
    /// known ones when `listingKnown` is set.
    fileprivate static func names<T: RawRepresentable & CaseIterable>(
        _ node: Node, reader: ConfigLoader.Reader, key: String, kind: String, _ type: T.Type,
        listingKnown: Bool = false
    ) throws(ConfigError) -> [T] where T.RawValue == String {
        var values: [T] = []
        for name in try reader.strings(node, key: key) {
            guard let value = T(rawValue: name) else {
                let known = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw reader.error(
                    node, "\(key): unknown \(kind) '\(name)'" + (listingKnown ? " (expected \(known))" : ""))
            }
            values.append(value)
        }
        return values
    }
}

/// The fields of one rule mapping, checked against the known keys, with its id read first so that
/// every later error can name the rule.
private struct RuleFields {
    let node: Node
    let reader: ConfigLoader.Reader
    let values: [String: Node]
    let id: String

    init(_ node: Node, reader: ConfigLoader.Reader) throws(ConfigError) {
        self.node = node
        self.reader = reader
        var values: [String: Node] = [:]
        for (keyNode, value) in try reader.mapping(node, key: "a rule") {
            let key = try reader.key(keyNode)
            guard RuleLoader.knownFields.contains(key) else {
                throw reader.error(
                    keyNode,
                    "unknown key '\(key)' in a rule (expected \(RuleLoader.knownFields.sorted().joined(separator: ", ")))"
                )
            }
            values[key] = value
        }
        self.values = values
        guard let idNode = values["id"] else { throw reader.error(node, "a rule needs 'id'") }
        id = try reader.scalar(idNode, key: "id")
        guard id.range(of: #"^[a-z0-9]+(\.[a-z0-9_-]+)+$"#, options: .regularExpression) != nil else {
            throw reader.error(idNode, "rule id '\(id)' must look like category.name (lowercase, dots, dashes)")
        }
    }

    /// How errors name the rule.
    var path: String { "rule \(id)" }

    /// The field `key`, which every rule must have.
    func required(_ key: String) throws(ConfigError) -> Node {
        guard let value = values[key] else { throw reader.error(node, "a rule needs '\(key)'") }
        return value
    }

    /// The field `key` read by `read` (with the key under the rule's path), or nil when the rule has none.
    func optional<T>(_ key: String, _ read: (Node, String) throws(ConfigError) -> T) throws(ConfigError) -> T? {
        guard let value = values[key] else { return nil }
        return try read(value, "\(path).\(key)")
    }

    /// A list of patterns (empty when the rule has none).
    func patterns(_ key: String) throws(ConfigError) -> [Rule.Pattern] {
        guard let value = values[key] else { return [] }
        return try RuleLoader.patterns(value, reader: reader, key: "\(path).\(key)")
    }

    /// A list of strings (empty when the rule has none).
    func strings(_ key: String) throws(ConfigError) -> [String] {
        try optional(key, reader.strings) ?? []
    }

    /// A list of names of `T` (empty when the rule has none); an unknown one is an error that lists the known.
    func names<T: RawRepresentable & CaseIterable>(_ key: String, kind: String, _ type: T.Type) throws(ConfigError)
        -> [T] where T.RawValue == String
    {
        guard let value = values[key] else { return [] }
        return try RuleLoader.names(
            value, reader: reader, key: "\(path).\(key)", kind: kind, type, listingKnown: true)
    }
}
