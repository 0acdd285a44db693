import Foundation

/// What every reviewer agent receives: immutable values only.
public struct AgentInput: Sendable {
    public let change: ChangeSet
    public let files: [SourceFile]
    /// Where to count files reviewed and LLM calls in flight, when someone is watching.
    public let progress: ReviewProgress?
    /// When the review's rule stage must end: files not reached by then are reported as not reviewed.
    public var deadline: Deadline = .never
    /// Seconds the rules of one agent may spend on one file.
    public var fileSeconds: Double = .infinity

    public init(change: ChangeSet, files: [SourceFile], progress: ReviewProgress? = nil) {
        self.change = change
        self.files = files
        self.progress = progress
    }
}

/// What an agent hands to the synthesizer.
public struct AgentReport: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case ok, degraded, failed
    }

    public var agent: String
    public var status: Status
    public var durationMs: Int
    public var findings: [Finding]
    /// Why the agent is degraded or failed, if it is.
    public var note: String?
    /// What the agent's LLM pass did, when one ran.
    public var llm: LLMAgentSummary?
    /// Files whose rules ran out of time, and how far they got.
    public var partial: [PartialReview] = []
}

/// A reviewer that owns one category of problems.
public protocol ReviewerAgent: Sendable {
    var category: Category { get }
    func review(_ input: AgentInput) async -> AgentReport
}

extension ReviewerAgent {
    public var name: String { category.rawValue }

    /// Runs `rules` over every file and times it; the shared body of the rule-based agents.
    ///
    /// Each file gets `input.fileSeconds`, cut short by `input.deadline`; a file that runs out keeps the findings
    /// made so far and is listed in `partial`, which makes the agent degraded.
    func runRules(_ rules: RuleEngine, on input: AgentInput) -> AgentReport {
        let start = DispatchTime.now().uptimeNanoseconds
        var findings: [Finding] = []
        var partial: [PartialReview] = []
        for file in input.files {
            let fileDeadline = Deadline.after(seconds: input.fileSeconds)
            let cause: PartialReview.Cause = input.deadline < fileDeadline ? .reviewDeadline : .fileBudget
            let outcome = rules.review(file, agent: name, deadline: min(fileDeadline, input.deadline), cause: cause)
            findings += outcome.findings
            if let cut = outcome.partial { partial.append(cut) }
            input.progress?.reviewedFile(by: name)
        }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        var report = AgentReport(agent: name, status: .ok, durationMs: elapsed, findings: findings)
        if !partial.isEmpty {
            report.status = .degraded
            report.partial = partial
            report.note = PartialReview.note(partial)
        }
        return report
    }
}

/// Injection, secrets, TLS, weak crypto, unsafe deserialization.
public struct SecurityAgent: ReviewerAgent {
    public let category = Category.security
    let rules: RuleEngine

    public init(rules: RuleEngine) { self.rules = rules }

    public func review(_ input: AgentInput) async -> AgentReport { runRules(rules, on: input) }
}

/// Work repeated in loops and other avoidable cost.
public struct PerformanceAgent: ReviewerAgent {
    public let category = Category.performance
    let rules: RuleEngine

    public init(rules: RuleEngine) { self.rules = rules }

    public func review(_ input: AgentInput) async -> AgentReport { runRules(rules, on: input) }
}

/// Swallowed errors, crash-prone shortcuts, debug leftovers.
public struct QualityAgent: ReviewerAgent {
    public let category = Category.quality
    let rules: RuleEngine

    public init(rules: RuleEngine) { self.rules = rules }

    public func review(_ input: AgentInput) async -> AgentReport { runRules(rules, on: input) }
}

/// Markup that keyboard, screen-reader and low-vision users cannot use.
public struct AccessibilityAgent: ReviewerAgent {
    public let category = Category.accessibility
    let rules: RuleEngine

    public init(rules: RuleEngine) { self.rules = rules }

    public func review(_ input: AgentInput) async -> AgentReport { runRules(rules, on: input) }
}
