/// Everything a review can be tuned by, read from `.reviewbot.yml` and then overridden by flags.
public struct Configuration: Sendable, Equatable {
    public struct AgentSettings: Sendable, Equatable {
        public var enabled: Bool
        public var weight: Double
        /// Whether this agent's non-approving vote cannot be outvoted.
        public var veto: Bool

        public init(enabled: Bool = true, weight: Double = 1, veto: Bool = false) {
            self.enabled = enabled
            self.weight = weight
            self.veto = veto
        }
    }

    public struct RuleOverride: Sendable, Equatable {
        public var enabled: Bool = true
        public var severity: Severity?

        public init(enabled: Bool = true, severity: Severity? = nil) {
            self.enabled = enabled
            self.severity = severity
        }
    }

    public var agents: [Category: AgentSettings] = [
        .security: AgentSettings(weight: 2, veto: true),
        .performance: AgentSettings(),
        .quality: AgentSettings(),
        .accessibility: AgentSettings(),
    ]
    public var voting = VotingSettings()
    /// User ignore globs (gitignore syntax).
    public var ignore: [String] = []
    /// Whether lock files, vendored and generated code are ignored.
    public var defaultIgnores = true
    public var rules: [String: RuleOverride] = [:]
    /// Rules the user wrote (`custom_rules:` and the files of `rule_files:`), run like the built-in ones.
    public var customRules: [Rule] = []
    public var maxFileBytes = 1_048_576
    public var failOn: FailOn = .requestChanges
    public var fix = FixSettings()
    /// A baseline file (`baseline:`, relative to the configuration file's folder); `--baseline` wins.
    public var baseline: String?
    /// The model the agents may ask, if any (`llm:`).
    public var llm = LLMSettings()
    /// Whether a `reviewbot:ignore` that the change itself adds may hide a critical finding
    /// (`critical_suppressions: true`). By default it hides findings below critical only.
    public var criticalSuppressions = false
    /// gitignore-style globs of files the secret sweep does not read (`secrets_allowed_in:`): test data full of
    /// made-up tokens. Only the trusted configuration sets it, like every other key.
    public var secretsAllowedIn: [String] = []
    /// How long rules may run on a file and in a whole review (`budgets:`).
    public var budgets = BudgetSettings()

    public init() {}

    /// `fix:` in `.reviewbot.yml`: how `--fix` runs unless flags say otherwise.
    public struct FixSettings: Sendable, Equatable {
        /// A shell command (build or tests) that must pass after each fix iteration.
        public var verify: String?
        public var maxIterations = defaultMaxIterations

        /// How many fix iterations run when neither the configuration nor a flag says.
        public static let defaultMaxIterations = 3

        public init(verify: String? = nil, maxIterations: Int = defaultMaxIterations) {
            self.verify = verify
            self.maxIterations = maxIterations
        }
    }

    /// Lock files, vendored and generated code: reviewing them is noise.
    public static let defaultIgnoreGlobs = [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "Gemfile.lock",
        "poetry.lock", "Pipfile.lock", "composer.lock", "Package.resolved", "go.sum", "*.lock", "uv.lock",
        "vendor/", "node_modules/", "third_party/", "third-party/", "Pods/", "Carthage/", "bower_components/",
        ".build/", "dist/", "*.min.js", "*.min.css", "*.map", "*.pb.go", "*_pb2.py", "*_pb2_grpc.py", "*.pb.swift",
        "*.generated.*", "*.g.dart", "*.designer.cs", "generated/", "__generated__/", "*.snap",
    ]

    /// The ignore matcher of this configuration.
    public var ignoreMatcher: GlobSet {
        GlobSet((defaultIgnores ? Self.defaultIgnoreGlobs : []) + ignore)
    }

    /// Every rule this configuration knows: built-in and custom, before overrides.
    public var allRules: [Rule] { RuleCatalog.builtin + customRules }

    /// The built-in and custom rules with this configuration's enable/disable and severity overrides applied.
    public func effectiveRules(_ rules: [Rule] = RuleCatalog.builtin) -> [Rule] {
        (rules + customRules).compactMap { rule in
            guard let override = self.rules[rule.id] else { return rule }
            guard override.enabled else { return nil }
            var rule = rule
            if let severity = override.severity { rule.severity = severity }
            return rule
        }
    }
}

/// Which verdicts make the command exit non-zero.
public enum FailOn: String, Sendable, CaseIterable {
    case requestChanges = "request-changes"
    case reject
    case never

    public func fails(_ verdict: Verdict) -> Bool {
        switch self {
        case .requestChanges: verdict != .approve
        case .reject: verdict == .reject
        case .never: false
        }
    }
}
