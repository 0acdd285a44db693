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

    /// One applied fix iteration (filled by `--fix`).
    public struct FixRecord: Sendable, Codable, Equatable {
        public var iteration: Int
        public var commit: String
        public var fixed: [String]
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
}

public enum ReviewBot {
    public static let version = "0.1.0"
}
