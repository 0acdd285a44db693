import Foundation

/// Hands the change to the four reviewer agents in parallel, then to the synthesizer and the vote.
public struct Coordinator: Sendable {
    public var configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The enabled agents, each with the effective rules of its category.
    public func agents() throws(ConfigError) -> [any ReviewerAgent] {
        let rules = configuration.effectiveRules()
        var agents: [any ReviewerAgent] = []
        for category in Category.allCases where configuration.agents[category]?.enabled ?? true {
            let engine = try RuleEngine(rules: rules.filter { $0.category == category })
            switch category {
            case .security: agents.append(SecurityAgent(rules: engine))
            case .performance: agents.append(PerformanceAgent(rules: engine))
            case .quality: agents.append(QualityAgent(rules: engine))
            case .accessibility: agents.append(AccessibilityAgent(rules: engine))
            }
        }
        return agents
    }

    public func review(_ change: ChangeSet, trace: TraceRecorder = TraceRecorder()) async throws(ConfigError) -> ReviewReport {
        let agents = try agents()

        var start = DispatchTime.now().uptimeNanoseconds
        let files = await Self.analyse(change)
        trace.record(
            TraceEvent(
                from: "git", to: "coordinator", count: files.count, unit: "files",
                durationMs: milliseconds(since: start),
                detail: "\(change.addedLineCount) added lines, \(change.skipped.count) skipped"))

        let input = AgentInput(change: change, files: files)
        let reports = await withTaskGroup(of: AgentReport.self, returning: [AgentReport].self) { group in
            for agent in agents {
                trace.record(TraceEvent(from: "coordinator", to: agent.name, count: files.count, unit: "files", durationMs: 0))
                group.addTask {
                    let report = await agent.review(input)
                    trace.record(
                        TraceEvent(
                            from: report.agent, to: "synthesizer", count: report.findings.count, unit: "findings",
                            durationMs: Double(report.durationMs), detail: report.status.rawValue))
                    return report
                }
            }
            var reports: [AgentReport] = []
            for await report in group { reports.append(report) }
            let order = Category.allCases.map(\.rawValue)
            return reports.sorted { (order.firstIndex(of: $0.agent) ?? 0) < (order.firstIndex(of: $1.agent) ?? 0) }
        }

        start = DispatchTime.now().uptimeNanoseconds
        let synthesis = Synthesizer().synthesize(reports.flatMap(\.findings), change: change)
        trace.record(
            TraceEvent(
                from: "synthesizer", to: "voting", count: synthesis.findings.count, unit: "findings",
                durationMs: milliseconds(since: start), detail: "\(synthesis.merged) merged, score \(synthesis.score)"))

        start = DispatchTime.now().uptimeNanoseconds
        let voting = VotingModule(settings: configuration.voting)
        let votes = reports.filter { $0.status != .failed }.map { report in
            let settings = Category(rawValue: report.agent).flatMap { configuration.agents[$0] } ?? .init()
            let own = synthesis.findings.filter { $0.agents.contains(report.agent) }
            return voting.vote(agent: report.agent, findings: own, weight: settings.weight, mayVeto: settings.veto)
        }
        let decision = voting.decide(votes: votes, findings: synthesis.findings)
        trace.record(
            TraceEvent(
                from: "voting", to: "verdict", count: votes.count, unit: "votes", durationMs: milliseconds(since: start),
                detail: decision.verdict.rawValue))

        return ReviewReport(
            target: change.target, verdict: decision.verdict, reasons: decision.reasons, score: synthesis.score,
            summary: synthesis.summary, findings: synthesis.findings, votes: votes,
            agents: reports.map {
                AgentSummary(name: $0.agent, status: $0.status, durationMs: $0.durationMs, findings: $0.findings.count, note: $0.note)
            },
            skipped: change.skipped,
            stats: ReviewReport.Stats(files: change.files.count, addedLines: change.addedLineCount, skipped: change.skipped.count))
    }

    /// Reads every file once (lexing, structure), in parallel, for all agents to share.
    static func analyse(_ change: ChangeSet) async -> [SourceFile] {
        await withTaskGroup(of: (Int, SourceFile?).self, returning: [SourceFile].self) { group in
            for (index, file) in change.files.enumerated() {
                group.addTask {
                    guard let text = file.newText, !file.addedLines.isEmpty else { return (index, nil) }
                    return (index, SourceFile(path: file.path, text: text, addedLines: file.addedLines))
                }
            }
            var slots = [SourceFile?](repeating: nil, count: change.files.count)
            for await (index, file) in group { slots[index] = file }
            return slots.compactMap { $0 }
        }
    }
}
