import Synchronization

/// Live counters of a review, per agent: files reviewed of files handed over, LLM calls in flight, findings.
///
/// Agents update it from any task or thread; the TTY status lines (``ProgressDisplay``) read snapshots of it.
public final class ReviewProgress: Sendable {
    public struct AgentState: Sendable, Equatable {
        public var name: String
        public var filesReviewed = 0
        public var files = 0
        public var llmCallsInFlight = 0
        public var findings = 0
        public var done = false
    }

    private let states: Mutex<[AgentState]>

    /// One line per agent, in this order.
    public init(agents: [String]) {
        states = Mutex(agents.map { AgentState(name: $0) })
    }

    public var snapshot: [AgentState] { states.withLock { $0 } }

    /// `agent` was handed `files` more files.
    public func assigned(_ files: Int, to agent: String) { update(agent) { $0.files += files } }

    public func reviewedFile(by agent: String) { update(agent) { $0.filesReviewed += 1 } }

    /// For the LLM pass: call `llmCallStarted` before a request and `llmCallFinished` when it ends.
    public func llmCallStarted(by agent: String) { update(agent) { $0.llmCallsInFlight += 1 } }

    public func llmCallFinished(by agent: String) { update(agent) { $0.llmCallsInFlight -= 1 } }

    public func finished(_ agent: String, findings: Int) {
        update(agent) {
            $0.done = true
            $0.findings = findings
        }
    }

    private func update(_ agent: String, _ change: (inout AgentState) -> Void) {
        states.withLock { states in
            if let index = states.firstIndex(where: { $0.name == agent }) { change(&states[index]) }
        }
    }
}
