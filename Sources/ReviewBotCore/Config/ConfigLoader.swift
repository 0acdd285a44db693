import Foundation
import Yams

/// Reads `.reviewbot.yml`. Every unknown key or bad value is an error naming the key and its line.
public enum ConfigLoader {
    public static let fileName = ".reviewbot.yml"

    /// Loads `path` (and the rule files it names) from `files`, or the defaults when `path` is nil.
    public static func load(path: String?, files: ConfigFiles = .disk) throws(ConfigError) -> Configuration {
        guard let path else { return Configuration() }
        guard let data = try files.contents(atPath: path) else {
            throw ConfigError("cannot read the configuration file \(path)" + (files.origin.map { " in \($0)" } ?? ""))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError("\(path): not UTF-8 text")
        }
        return try parse(text, file: path, files: files)
    }

    /// Loads `explicit` when given, else `.reviewbot.yml` at the root of `workdir` when it exists, else the defaults.
    public static func load(explicit: String?, workdir: String?, files: ConfigFiles = .disk) throws(ConfigError)
        -> Configuration
    {
        try load(path: path(explicit: explicit, workdir: workdir, files: files), files: files)
    }

    /// The configuration file a run reads: `explicit`, else `.reviewbot.yml` at the root of `workdir` when
    /// `files` has it, else none.
    public static func path(explicit: String?, workdir: String?, files: ConfigFiles = .disk) throws(ConfigError)
        -> String?
    {
        if let explicit { return explicit }
        guard let workdir, try files.exists(workdir + fileName) else { return nil }
        return workdir + fileName
    }

    public static func parse(_ text: String, file: String, files: ConfigFiles = .disk) throws(ConfigError)
        -> Configuration
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError("\(file): invalid YAML: \(describe(error))")
        } catch {
            throw ConfigError("\(file): invalid YAML: \(error)")
        }
        var config = Configuration()
        guard let root else { return config }
        let reader = Reader(file: file)
        let mapping = try reader.mapping(root, key: "the top level")
        var overrides: (Node, Node)?
        for (keyNode, value) in mapping {
            let key = try reader.key(keyNode)
            switch key {
            case "agents": try readAgents(value, reader: reader, into: &config)
            case "voting": try readVoting(value, reader: reader, into: &config)
            case "ignore": config.ignore = try reader.strings(value, key: key)
            case "default_ignores": config.defaultIgnores = try reader.bool(value, key: key)
            case "rules": overrides = (keyNode, value)
            case "custom_rules": config.customRules += try RuleLoader.rules(value, reader: reader, key: key)
            case "rule_files":
                let base = (file as NSString).deletingLastPathComponent
                for name in try reader.strings(value, key: key) {
                    let path = name.hasPrefix("/") ? name : (base.isEmpty ? name : base + "/" + name)
                    config.customRules += try RuleLoader.file(path, files: files)
                }
            case "max_file_bytes":
                let bytes = try reader.int(value, key: key)
                guard bytes > 0 else { throw reader.error(value, "max_file_bytes must be positive") }
                config.maxFileBytes = bytes
            case "critical_suppressions": config.criticalSuppressions = try reader.bool(value, key: key)
            case "secrets_allowed_in": config.secretsAllowedIn = try reader.strings(value, key: key)
            case "fail_on":
                config.failOn = try reader.choice(value, key: key, FailOn.self)
            case "llm": try readLLM(value, reader: reader, into: &config.llm)
            case "budgets": try readBudgets(value, reader: reader, into: &config.budgets)
            case "fix": try readFix(value, reader: reader, into: &config)
            case "baseline":
                let name = try reader.scalar(value, key: key)
                let base = (file as NSString).deletingLastPathComponent
                config.baseline = name.hasPrefix("/") || base.isEmpty ? name : base + "/" + name
            default:
                throw reader.error(
                    keyNode,
                    "unknown key '\(key)' (expected agents, voting, ignore, default_ignores, rules, custom_rules, rule_files, max_file_bytes, fail_on, fix, baseline, critical_suppressions, secrets_allowed_in, llm, budgets)"
                )
            }
        }
        var seen = Set(RuleCatalog.builtin.map(\.id))
        for rule in config.customRules where !seen.insert(rule.id).inserted {
            throw ConfigError("\(file): rule id '\(rule.id)' is defined twice (or shadows a built-in rule)")
        }
        if let (keyNode, value) = overrides {
            _ = keyNode
            try readRules(value, reader: reader, known: seen, into: &config)
        }
        let enabled = config.agents.values.filter(\.enabled)
        if config.voting.policy == .weighted || config.voting.policy == .consensus, !enabled.isEmpty,
            enabled.allSatisfy({ $0.weight == 0 })
        {
            throw ConfigError(
                "\(file): every enabled agent has weight 0, so the \(config.voting.policy.rawValue) vote has nothing to count; give at least one agent a weight above 0"
            )
        }
        return config
    }

    private static func readFix(_ node: Node, reader: Reader, into config: inout Configuration) throws(ConfigError) {
        for (keyNode, value) in try reader.mapping(node, key: "fix") {
            let key = try reader.key(keyNode)
            switch key {
            case "verify": config.fix.verify = try reader.scalar(value, key: "fix.verify")
            case "max_iterations":
                let count = try reader.int(value, key: "fix.max_iterations")
                guard count >= 1 else { throw reader.error(value, "fix.max_iterations must be at least 1") }
                config.fix.maxIterations = count
            default:
                throw reader.error(keyNode, "unknown key '\(key)' under fix (expected verify, max_iterations)")
            }
        }
    }

    private static func readAgents(_ node: Node, reader: Reader, into config: inout Configuration) throws(ConfigError) {
        for (keyNode, value) in try reader.mapping(node, key: "agents") {
            let name = try reader.key(keyNode)
            guard let category = Category(rawValue: name) else {
                throw reader.error(
                    keyNode,
                    "unknown agent '\(name)' under agents (expected security, performance, quality, accessibility)")
            }
            var settings = config.agents[category] ?? .init()
            if case .scalar = value {
                settings.enabled = try reader.bool(value, key: "agents.\(name)")
            } else {
                for (fieldNode, fieldValue) in try reader.mapping(value, key: "agents.\(name)") {
                    let field = try reader.key(fieldNode)
                    let path = "agents.\(name).\(field)"
                    switch field {
                    case "enabled": settings.enabled = try reader.bool(fieldValue, key: path)
                    case "weight":
                        let weight = try reader.double(fieldValue, key: path)
                        guard weight >= 0 else { throw reader.error(fieldValue, "\(path) must be zero or more") }
                        settings.weight = weight
                    case "veto": settings.veto = try reader.bool(fieldValue, key: path)
                    default:
                        throw reader.error(
                            fieldNode, "unknown key '\(field)' under agents.\(name) (expected enabled, weight, veto)")
                    }
                }
            }
            config.agents[category] = settings
        }
    }

    private static func readVoting(_ node: Node, reader: Reader, into config: inout Configuration) throws(ConfigError) {
        for (keyNode, value) in try reader.mapping(node, key: "voting") {
            let key = try reader.key(keyNode)
            let path = "voting.\(key)"
            switch key {
            case "policy": config.voting.policy = try reader.choice(value, key: path, VotingPolicy.self)
            case "threshold":
                let threshold = try reader.double(value, key: path)
                guard threshold > 0 && threshold <= 1 else {
                    throw reader.error(value, "voting.threshold must be in (0, 1], got \(threshold)")
                }
                config.voting.consensusThreshold = threshold
            case "reject_at": config.voting.rejectAt = try reader.choice(value, key: path, Severity.self)
            case "request_changes_at":
                config.voting.requestChangesAt = try reader.choice(value, key: path, Severity.self)
            default:
                throw reader.error(
                    keyNode,
                    "unknown key '\(key)' under voting (expected policy, threshold, reject_at, request_changes_at)")
            }
        }
        guard config.voting.requestChangesAt <= config.voting.rejectAt else {
            throw ConfigError("\(reader.file): voting.request_changes_at must not be above voting.reject_at")
        }
    }

    private static func readRules(_ node: Node, reader: Reader, known: Set<String>, into config: inout Configuration)
        throws(ConfigError)
    {
        for (keyNode, value) in try reader.mapping(node, key: "rules") {
            let id = try reader.key(keyNode)
            guard known.contains(id) else {
                throw reader.error(keyNode, "unknown rule '\(id)' under rules (run `reviewbot rules` for the list)")
            }
            var override = Configuration.RuleOverride()
            if case .scalar(let scalar) = value {
                switch scalar.string.lowercased() {
                case "off", "false", "disabled", "no": override.enabled = false
                case "on", "true", "enabled", "yes": override.enabled = true
                default:
                    guard let severity = Severity(rawValue: scalar.string.lowercased()) else {
                        throw reader.error(
                            value, "rules.\(id) must be on, off, a severity or a mapping, got '\(scalar.string)'")
                    }
                    override.severity = severity
                }
            } else {
                for (fieldNode, fieldValue) in try reader.mapping(value, key: "rules.\(id)") {
                    let field = try reader.key(fieldNode)
                    switch field {
                    case "enabled": override.enabled = try reader.bool(fieldValue, key: "rules.\(id).enabled")
                    case "severity":
                        override.severity = try reader.choice(fieldValue, key: "rules.\(id).severity", Severity.self)
                    default:
                        throw reader.error(
                            fieldNode, "unknown key '\(field)' under rules.\(id) (expected enabled, severity)")
                    }
                }
            }
            config.rules[id] = override
        }
    }

    private static func describe(_ error: YamlError) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "parse error"
    }

    /// Typed access to YAML nodes with errors that carry the file and line.
    struct Reader {
        let file: String

        func error(_ node: Node, _ message: String) -> ConfigError {
            if let mark = node.mark { return ConfigError("\(file):\(mark.line): \(message)") }
            return ConfigError("\(file): \(message)")
        }

        func key(_ node: Node) throws(ConfigError) -> String {
            guard case .scalar(let scalar) = node else { throw error(node, "keys must be plain names") }
            return scalar.string
        }

        func mapping(_ node: Node, key: String) throws(ConfigError) -> Node.Mapping {
            guard case .mapping(let mapping) = node else { throw error(node, "\(key) must be a mapping") }
            return mapping
        }

        func scalar(_ node: Node, key: String) throws(ConfigError) -> String {
            guard case .scalar(let scalar) = node else { throw error(node, "\(key) must be a single value") }
            return scalar.string
        }

        func bool(_ node: Node, key: String) throws(ConfigError) -> Bool {
            switch try scalar(node, key: key).lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            case let other: throw error(node, "\(key) must be true or false, got '\(other)'")
            }
        }

        func int(_ node: Node, key: String) throws(ConfigError) -> Int {
            let text = try scalar(node, key: key)
            guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
                throw error(node, "\(key) must be a whole number, got '\(text)'")
            }
            return value
        }

        func double(_ node: Node, key: String) throws(ConfigError) -> Double {
            let text = try scalar(node, key: key)
            guard let value = Double(text), value.isFinite else {
                throw error(node, "\(key) must be a number, got '\(text)'")
            }
            return value
        }

        func strings(_ node: Node, key: String) throws(ConfigError) -> [String] {
            guard case .sequence(let sequence) = node else { throw error(node, "\(key) must be a list") }
            var values: [String] = []
            for item in sequence { values.append(try scalar(item, key: "an item of \(key)")) }
            return values
        }

        func choice<T: RawRepresentable & CaseIterable>(_ node: Node, key: String, _ type: T.Type) throws(ConfigError)
            -> T
        where T.RawValue == String {
            let text = try scalar(node, key: key)
            let normalised = text.lowercased().replacingOccurrences(of: "_", with: "-")
            if let value = T(rawValue: text) ?? T(rawValue: normalised)
                ?? T(rawValue: text.lowercased().replacingOccurrences(of: "-", with: "_"))
            {
                return value
            }
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(node, "\(key) must be one of \(allowed), got '\(text)'")
        }
    }
}
