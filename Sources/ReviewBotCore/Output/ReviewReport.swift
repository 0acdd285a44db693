/// The result of a review: the JSON report of DESIGN.md (schemaVersion 1) and the source of every format.
public struct ReviewReport: Sendable, Codable, Equatable {
    public struct Tool: Sendable, Codable, Equatable {
        public var name = "reviewbot"
        public var version = ReviewBot.version
    }

    public struct Stats: Sendable, Codable, Equatable {
        public var files: Int
        public var addedLines: Int
        public var skipped: Int
    }

    /// One iteration of the fixer (filled by `--fix`).
    public struct FixRecord: Sendable, Codable, Equatable {
        public var iteration: Int
        /// The fix commit; nil when the iteration was rolled back, or when fixes went to working-tree files only.
        public var commit: String?
        /// Fingerprints of the findings the fixes removed.
        public var fixed: [String]
        /// Files the iteration changed.
        public var files: [String]
        /// Fixes that were undone or never applied, and why.
        public var rolledBack: [RolledBack]
        /// The `--verify` command's outcome, when one ran.
        public var verify: VerifyResult?

        public init(
            iteration: Int, commit: String?, fixed: [String], files: [String], rolledBack: [RolledBack] = [],
            verify: VerifyResult? = nil
        ) {
            self.iteration = iteration
            self.commit = commit
            self.fixed = fixed
            self.files = files
            self.rolledBack = rolledBack
            self.verify = verify
        }
    }

    /// A fix that did not stay, with the finding it was for.
    public struct RolledBack: Sendable, Codable, Equatable {
        public var fingerprint: String
        public var ruleId: String
        public var path: String
        public var line: Int
        public var reason: String

        public init(_ finding: Finding, reason: String) {
            fingerprint = finding.fingerprint
            ruleId = finding.ruleId
            path = finding.path
            line = finding.line
            self.reason = reason
        }
    }

    public struct VerifyResult: Sendable, Codable, Equatable {
        public var command: String
        public var exitCode: Int32
        public var passed: Bool
        /// The last lines of its output.
        public var output: String
    }

    public var schemaVersion = 1
    public var tool = Tool()
    public var target: ReviewTarget
    public var verdict: Verdict
    public var reasons: [String]
    public var score: Double
    public var summary: String
    public var findings: [Finding]
    public var votes: [Vote]
    public var agents: [AgentSummary]
    public var fixes: [FixRecord] = []
    /// Set when a baseline was applied: its file and how many findings it hid.
    public var baseline: BaselineSummary?
    public var skipped: [SkippedFile]
    public var stats: Stats
    /// What the LLM part of the review did, when a model is configured.
    public var llm: LLMRunSummary?

    public init(
        target: ReviewTarget, verdict: Verdict, reasons: [String], score: Double, summary: String,
        findings: [Finding], votes: [Vote], agents: [AgentSummary], skipped: [SkippedFile], stats: Stats
    ) {
        self.target = target
        self.verdict = verdict
        self.reasons = reasons
        self.score = score
        self.summary = summary
        self.findings = findings
        self.votes = votes
        self.agents = agents
        self.skipped = skipped
        self.stats = stats
    }
}

/// An agent's line in the report.
public struct AgentSummary: Sendable, Codable, Equatable {
    public var name: String
    public var status: AgentReport.Status
    public var durationMs: Int
    public var findings: Int
    public var note: String?
    /// What the agent's LLM pass did, when one ran.
    public var llm: LLMAgentSummary?
}

public enum ReviewBot {
    public static let version = "0.1.0"
}
