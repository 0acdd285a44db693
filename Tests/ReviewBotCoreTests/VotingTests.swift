import Testing

@testable import ReviewBotCore

@Suite struct VotingTests {
    func finding(_ severity: Severity, agent: String = "security", suppressed: Bool = false) -> Finding {
        Finding(
            ruleId: "\(agent).x", category: Category(rawValue: agent)!, severity: severity, path: "a.py", line: 1,
            endLine: 1, column: 1, message: "m", recommendation: "r", agents: [agent], source: .rule,
            fingerprint: "f", suppressed: suppressed)
    }

    func vote(_ agent: String, _ verdict: Verdict, weight: Double = 1, veto: Bool = false) -> Vote {
        Vote(agent: agent, vote: verdict, weight: weight, veto: veto, reason: "test")
    }

    func module(_ policy: VotingPolicy, threshold: Double = 0.75) -> VotingModule {
        var settings = VotingSettings()
        settings.policy = policy
        settings.consensusThreshold = threshold
        return VotingModule(settings: settings)
    }

    @Test func agentVotesFromItsWorstFinding() {
        let voting = module(.weighted)
        #expect(voting.vote(agent: "security", findings: [], weight: 1, mayVeto: true).vote == .approve)
        #expect(voting.vote(agent: "security", findings: [finding(.medium)], weight: 1, mayVeto: true).vote == .approve)
        #expect(
            voting.vote(agent: "security", findings: [finding(.high)], weight: 1, mayVeto: true).vote == .requestChanges
        )
        #expect(
            voting.vote(agent: "security", findings: [finding(.critical)], weight: 1, mayVeto: true).vote == .reject)
        #expect(
            voting.vote(agent: "security", findings: [finding(.critical, suppressed: true)], weight: 1, mayVeto: true)
                .vote == .approve)
    }

    @Test func thresholdsAreConfigurable() {
        var settings = VotingSettings()
        settings.requestChangesAt = .medium
        settings.rejectAt = .high
        let voting = VotingModule(settings: settings)
        #expect(
            voting.vote(agent: "quality", findings: [finding(.medium, agent: "quality")], weight: 1, mayVeto: false)
                .vote == .requestChanges)
        #expect(
            voting.vote(agent: "quality", findings: [finding(.high, agent: "quality")], weight: 1, mayVeto: false).vote
                == .reject)
    }

    @Test func majorityCountsHeadsAndBreaksTiesTowardStricter() {
        let voting = module(.majority)
        let three = [vote("a", .approve), vote("b", .approve), vote("c", .requestChanges, weight: 10)]
        #expect(voting.decide(votes: three, findings: []).verdict == .approve)
        let tie = [vote("a", .approve), vote("b", .approve), vote("c", .requestChanges), vote("d", .requestChanges)]
        #expect(voting.decide(votes: tie, findings: []).verdict == .requestChanges)
    }

    @Test func weightedCountsExpertise() {
        let voting = module(.weighted)
        let votes = [vote("security", .requestChanges, weight: 3), vote("b", .approve), vote("c", .approve)]
        #expect(voting.decide(votes: votes, findings: []).verdict == .requestChanges)
        let light = [vote("security", .requestChanges, weight: 1.5), vote("b", .approve), vote("c", .approve)]
        #expect(voting.decide(votes: light, findings: []).verdict == .approve)
    }

    @Test func consensusNeedsTheThresholdToApprove() {
        let votes = [vote("a", .approve), vote("b", .approve), vote("c", .approve), vote("d", .requestChanges)]
        #expect(module(.consensus, threshold: 0.75).decide(votes: votes, findings: []).verdict == .approve)
        #expect(module(.consensus, threshold: 1.0).decide(votes: votes, findings: []).verdict == .requestChanges)
        let rejecting = [vote("a", .reject), vote("b", .reject), vote("c", .reject), vote("d", .approve)]
        #expect(module(.consensus, threshold: 0.75).decide(votes: rejecting, findings: []).verdict == .reject)
    }

    @Test func strictestLetsAnyAgentBlock() {
        let votes = [vote("a", .approve), vote("b", .approve), vote("c", .reject)]
        #expect(module(.strictest).decide(votes: votes, findings: []).verdict == .reject)
    }

    @Test func aVetoCannotBeOutvoted() {
        let votes = [
            vote("security", .requestChanges, veto: true), vote("b", .approve), vote("c", .approve),
            vote("d", .approve),
        ]
        let decision = module(.majority).decide(votes: votes, findings: [])
        #expect(decision.verdict == .requestChanges)
        #expect(decision.reasons.contains { $0.hasPrefix("security vetoed") })
    }

    @Test func aCriticalRuleFindingAlwaysRejects() {
        var settings = VotingSettings()
        settings.policy = .majority
        settings.rejectAt = .critical
        let voting = VotingModule(settings: settings)
        // Security may not veto here, and three agents approve: the critical finding still rejects.
        let votes = [vote("security", .reject), vote("b", .approve), vote("c", .approve), vote("d", .approve)]
        let decision = voting.decide(votes: votes, findings: [finding(.critical)])
        #expect(decision.verdict == .reject)
        #expect(decision.reasons.last?.contains("critical") == true)
    }
}

@Suite struct SynthesizerTests {
    func finding(_ rule: String, _ severity: Severity, agent: String, line: Int = 3, cwe: String? = nil) -> Finding {
        Finding(
            ruleId: rule, category: Category(rawValue: agent)!, severity: severity, path: "a.py", line: line,
            endLine: line, column: 1, message: rule, recommendation: "r", agents: [agent], source: .rule,
            fingerprint: rule, cwe: cwe)
    }

    let change = ChangeSet(target: ReviewTarget(range: "HEAD", base: nil, head: nil), files: [], skipped: [])

    @Test func mergesSamePlaceAndProblemKeepingTheHighestSeverity() {
        let synthesis = Synthesizer().synthesize(
            [
                finding("quality.eval", .medium, agent: "quality", cwe: "CWE-95"),
                finding("security.code-eval", .high, agent: "security", cwe: "CWE-95"),
                finding("security.code-eval", .high, agent: "security", line: 9, cwe: "CWE-95"),
            ], change: change)
        #expect(synthesis.findings.count == 2)
        #expect(synthesis.merged == 1)
        #expect(synthesis.findings[0].severity == .high)
        #expect(synthesis.findings[0].agents == ["quality", "security"])
    }

    @Test func ranksBySeverityThenPlace() {
        let synthesis = Synthesizer().synthesize(
            [
                finding("quality.a", .low, agent: "quality", line: 1),
                finding("security.b", .critical, agent: "security", line: 5),
                finding("performance.c", .medium, agent: "performance", line: 2),
            ], change: change)
        #expect(synthesis.findings.map(\.severity) == [.critical, .medium, .low])
    }

    @Test func scoresFromTenDown() {
        #expect(Synthesizer().synthesize([], change: change).score == 10)
        let one = Synthesizer().synthesize([finding("security.b", .critical, agent: "security")], change: change)
        #expect(one.score == 6)
        let many = Synthesizer().synthesize(
            (1...6).map { finding("security.b", .critical, agent: "security", line: $0) }, change: change)
        #expect(many.score == 0)
    }
}
