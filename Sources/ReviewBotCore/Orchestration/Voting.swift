import Foundation

/// The outcome of a review, from least to most severe.
public enum Verdict: String, Sendable, Codable, Comparable, CaseIterable {
    case approve
    case requestChanges = "request_changes"
    case reject

    var rank: Int {
        switch self {
        case .approve: 0
        case .requestChanges: 1
        case .reject: 2
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    public var label: String {
        switch self {
        case .approve: "approve"
        case .requestChanges: "request changes"
        case .reject: "reject"
        }
    }
}

/// How the agents' votes become one verdict (see README, "Voting").
public enum VotingPolicy: String, Sendable, CaseIterable {
    /// One vote per agent; the verdict with most votes wins, ties go to the stricter verdict.
    case majority
    /// Like majority, but each vote counts with its agent's weight.
    case weighted
    /// Approve only when approving weight reaches the threshold share of all weight.
    case consensus
    /// The strictest vote wins: every agent can block.
    case strictest
}

public struct VotingSettings: Sendable, Equatable {
    public var policy: VotingPolicy = .weighted
    /// For `consensus`: the share of total weight needed (0 < t ≤ 1).
    public var consensusThreshold = 0.75
    /// An agent votes reject when one of its findings is at least this severe.
    public var rejectAt: Severity = .critical
    /// An agent votes request changes when one of its findings is at least this severe.
    public var requestChangesAt: Severity = .high

    public init() {}
}

/// One agent's ballot.
public struct Vote: Sendable, Codable, Equatable {
    public var agent: String
    public var vote: Verdict
    public var weight: Double
    /// True when this vote is a veto: the agent may veto and did not approve, so it cannot be outvoted.
    public var veto: Bool
    public var reason: String
}

/// Turns findings into votes and votes into a verdict.
public struct VotingModule: Sendable {
    public var settings: VotingSettings

    public init(settings: VotingSettings) {
        self.settings = settings
    }

    /// The vote of one agent, from its own (unsuppressed) findings.
    public func vote(agent: String, findings: [Finding], weight: Double, mayVeto: Bool) -> Vote {
        let active = findings.filter { !$0.suppressed }
        let worst = active.map(\.severity).max()
        let verdict: Verdict
        if let worst, worst >= settings.rejectAt {
            verdict = .reject
        } else if let worst, worst >= settings.requestChangesAt {
            verdict = .requestChanges
        } else {
            verdict = .approve
        }
        let reason: String
        if active.isEmpty {
            reason = "no findings"
        } else {
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = active.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            reason =
                counts.joined(separator: ", ")
                + (verdict == .approve ? ", none at or above \(settings.requestChangesAt.rawValue)" : "")
        }
        return Vote(agent: agent, vote: verdict, weight: weight, veto: mayVeto && verdict != .approve, reason: reason)
    }

    /// The verdict of all votes under the configured policy, with the reasons a reader needs.
    public func decide(votes: [Vote], findings: [Finding]) -> (verdict: Verdict, reasons: [String]) {
        var reasons: [String] = []
        var verdict: Verdict
        switch settings.policy {
        case .majority:
            verdict = plurality(votes, weight: { _ in 1 })
            reasons.append("majority: " + tally(votes, weight: { _ in 1 }))
        case .weighted:
            verdict = plurality(votes, weight: \.weight)
            reasons.append("weighted vote: " + tally(votes, weight: \.weight))
        case .consensus:
            let total = votes.reduce(0) { $0 + $1.weight }
            let share = { (verdict: Verdict) in
                total == 0 ? 0 : votes.filter { $0.vote == verdict }.reduce(0) { $0 + $1.weight } / total
            }
            if total == 0 || share(.approve) >= settings.consensusThreshold {
                verdict = .approve
            } else if share(.reject) >= settings.consensusThreshold {
                verdict = .reject
            } else {
                verdict = .requestChanges
            }
            reasons.append(
                "consensus: \(percent(share(.approve))) of the weight approves, \(percent(settings.consensusThreshold)) needed"
            )
        case .strictest:
            verdict = votes.map(\.vote).max() ?? .approve
            reasons.append("strictest vote: " + tally(votes, weight: { _ in 1 }))
        }
        for vote in votes where vote.veto && vote.vote > verdict {
            verdict = vote.vote
            reasons.append("\(vote.agent) vetoed: \(vote.reason)")
        }
        let critical = findings.filter { !$0.suppressed && $0.severity == .critical && $0.source == .rule }
        if !critical.isEmpty && verdict != .reject {
            verdict = .reject
            let ids = Set(critical.map(\.ruleId)).sorted().joined(separator: ", ")
            reasons.append("a critical finding always rejects: \(critical.count) × \(ids)")
        }
        return (verdict, reasons)
    }

    /// The verdict with the most weight; ties go to the stricter verdict.
    private func plurality(_ votes: [Vote], weight: (Vote) -> Double) -> Verdict {
        guard !votes.isEmpty else { return .approve }
        var totals: [Verdict: Double] = [:]
        for vote in votes { totals[vote.vote, default: 0] += weight(vote) }
        return Verdict.allCases.reversed().max { (totals[$0] ?? 0) < (totals[$1] ?? 0) } ?? .approve
    }

    private func tally(_ votes: [Vote], weight: (Vote) -> Double) -> String {
        Verdict.allCases.reversed().compactMap { verdict -> String? in
            let total = votes.filter { $0.vote == verdict }.reduce(0) { $0 + weight($1) }
            return total == 0 ? nil : "\(verdict.rawValue) \(format(total))"
        }.joined(separator: ", ")
    }

    private func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    private func percent(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }
}
