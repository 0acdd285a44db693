import Foundation

/// Hands the change to the four reviewer agents in parallel, then to the synthesizer and the vote.
public struct Coordinator: Sendable {
    public var configuration: Configuration
    /// Accepted findings to hide (`--baseline`, `baseline:`), if any.
    public var baseline: Baseline?
    /// Where agents report files reviewed and LLM calls in flight (the TTY status lines), if anywhere.
    public var progress: ReviewProgress?
    /// What the change asked to alter about its own review and did not get (``ReviewSetup/refusals``).
    public var refusals: [Finding] = []
    /// When the rule stage must end; nil: `budgets.review_seconds` after the review starts. The command sets it
    /// from when the process started, so that reading the change counts too.
    public var deadline: Deadline?

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

    /// Reviews `change`. With `only`, the agents look at those files alone and `carried` stands in for
    /// their findings in every other file (the fixer's incremental re-review); the verdict still covers
    /// the whole change.
    public func review(
        _ change: ChangeSet, only: Set<String>? = nil, carried: [Finding] = [], trace: TraceRecorder = TraceRecorder()
    ) async throws(ConfigError) -> ReviewReport {
        let agents = try agents()

        var start = DispatchTime.now().uptimeNanoseconds
        var reviewed = change
        if let only {
            reviewed.files = change.files.filter { only.contains($0.path) }
            reviewed.unreviewed = change.unreviewed.filter { only.contains($0.path) }
        }
        let files = await Self.analyse(reviewed)
        trace.record(
            TraceEvent(
                from: "git", to: "coordinator", count: files.count, unit: "files",
                durationMs: milliseconds(since: start),
                detail: "\(reviewed.addedLineCount) added lines, \(change.skipped.count) skipped"))

        var input = AgentInput(change: reviewed, files: files, progress: progress)
        input.deadline = deadline ?? Deadline.after(seconds: configuration.budgets.reviewSeconds)
        input.fileSeconds = configuration.budgets.fileSeconds
        for agent in agents {
            progress?.assigned(files.count, to: agent.name)
            trace.record(
                TraceEvent(from: "coordinator", to: agent.name, count: files.count, unit: "files", durationMs: 0))
        }
        let order = Category.allCases.map(\.rawValue)
        var reports = await Self.run(agents, on: input).sorted {
            (order.firstIndex(of: $0.agent) ?? 0) < (order.firstIndex(of: $1.agent) ?? 0)
        }
        var llm: LLMRunSummary?
        if configuration.llm.isActive {
            (reports, llm) = await LLMReviewStage(configuration: configuration).run(
                reports: reports, input: input, trace: trace)
        }
        reports = trusted(reports, change: reviewed, files: files, only: only)
        for report in reports {
            trace.record(
                TraceEvent(
                    from: report.agent, to: "synthesizer", count: report.findings.count, unit: "findings",
                    durationMs: Double(report.durationMs), detail: report.status.rawValue))
        }

        start = DispatchTime.now().uptimeNanoseconds
        let kept = only.map { only in carried.filter { !only.contains($0.path) } } ?? []
        let synthesis = Synthesizer().synthesize(
            reports.flatMap(\.findings) + kept, change: change, baseline: baseline?.fingerprints ?? [])
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
        var decision = voting.decide(votes: votes, findings: synthesis.findings)
        // A file the rules did not finish is never passed as if they had: the review asks for a person.
        let partial = PartialReview.skippedFiles(
            reports.flatMap(\.partial), change: reviewed, budgets: configuration.budgets)
        if !partial.isEmpty {
            let reason =
                "\(partial.count) file\(partial.count == 1 ? "" : "s") only partly reviewed: the rules ran out of time (see skipped)"
            // the deciding reason comes first when it is this one
            if decision.verdict < .requestChanges {
                decision.reasons.insert(reason, at: 0)
                decision.verdict = .requestChanges
            } else {
                decision.reasons.append(reason)
            }
        }
        trace.record(
            TraceEvent(
                from: "voting", to: "verdict", count: votes.count, unit: "votes",
                durationMs: milliseconds(since: start),
                detail: decision.verdict.rawValue))

        var report = ReviewReport(
            target: change.target, verdict: decision.verdict, reasons: decision.reasons, score: synthesis.score,
            summary: synthesis.summary, findings: synthesis.findings, votes: votes,
            agents: reports.map {
                AgentSummary(
                    name: $0.agent, status: $0.status, durationMs: $0.durationMs, findings: $0.findings.count,
                    note: $0.note, llm: $0.llm)
            },
            skipped: change.skipped + partial,
            stats: ReviewReport.Stats(
                files: change.files.count, addedLines: change.addedLineCount,
                skipped: change.skipped.count + partial.count))
        report.llm = llm
        if let baseline {
            report.baseline = BaselineSummary(file: baseline.file, hidden: synthesis.findings.filter(\.baselined).count)
        }
        return report
    }

    /// The reports under the trust policy: suppressions the change adds are marked (and refused on critical
    /// findings), and the security agent's report gains the secrets of files no rule reads and the refusals.
    private func trusted(_ reports: [AgentReport], change: ChangeSet, files: [SourceFile], only: Set<String>?)
        -> [AgentReport]
    {
        var reports = reports
        let allowed = GlobSet(configuration.secretsAllowedIn)
        for index in reports.indices {
            reports[index].findings = TrustPolicy.applySuppressions(
                reports[index].findings, files: files, allowCritical: configuration.criticalSuppressions)
            if !configuration.secretsAllowedIn.isEmpty {
                reports[index].findings.removeAll {
                    SecretSweep.ruleIds.contains($0.ruleId) && allowed.matches($0.path)
                }
            }
        }
        guard let security = reports.firstIndex(where: { $0.agent == Category.security.rawValue }) else {
            return reports
        }
        let rules = configuration.effectiveRules().filter { $0.category == .security }
        // The files whose rules ran out of time are swept too: their secrets must not wait for a faster machine.
        var swept = change
        let partial = Set(reports.flatMap(\.partial).map(\.path))
        swept.unreviewed += change.files.filter { partial.contains($0.path) }.map(UnreviewedText.init(partlyReviewed:))
        swept.unreviewed.removeAll { allowed.matches($0.path) }
        var added = SecretSweep(rules: rules).findings(in: swept)
        added += ReviewSetup(configuration: configuration, baseline: nil, refusals: refusals).placed(in: change)
            .filter { only?.contains($0.path) ?? true }
        reports[security].findings += added
        return reports
    }

    /// Runs every agent over the files, all in parallel, and returns one report per agent (in `agents` order).
    ///
    /// The built-in agents run rules file by file, so their files are cut into slices that run as separate
    /// tasks: one agent with slow rules no longer keeps a single core busy while the others sit idle. The
    /// slices' reports are joined in file order, so each agent's report lists the same findings in the same
    /// order as one pass over all the files would; its duration is the time spent in all its slices.
    static func run(_ agents: [any ReviewerAgent], on input: AgentInput) async -> [AgentReport] {
        let sliceCount = max(1, min(input.files.count, ProcessInfo.processInfo.activeProcessorCount * 4))
        let slices = (0..<sliceCount).map { slice in
            (input.files.count * slice / sliceCount)..<(input.files.count * (slice + 1) / sliceCount)
        }
        return await withTaskGroup(of: Part.self, returning: [AgentReport].self) { group in
            var sliceCounts: [Int] = []
            for (agentIndex, agent) in agents.enumerated() {
                let agentSlices = reviewsFileByFile(agent) ? slices : [0..<input.files.count]
                sliceCounts.append(agentSlices.count)
                for (sliceIndex, range) in agentSlices.enumerated() {
                    var files = input
                    if agentSlices.count > 1 {
                        files = AgentInput(
                            change: input.change, files: Array(input.files[range]), progress: input.progress)
                        files.deadline = input.deadline
                        files.fileSeconds = input.fileSeconds
                    }
                    group.addTask {
                        let start = DispatchTime.now().uptimeNanoseconds
                        let report = await agent.review(files)
                        return Part(
                            agent: agentIndex, slice: sliceIndex, report: report,
                            nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
                    }
                }
            }
            var parts = sliceCounts.map { [Part?](repeating: nil, count: $0) }
            var remaining = sliceCounts
            for await part in group {
                parts[part.agent][part.slice] = part
                remaining[part.agent] -= 1
                if remaining[part.agent] == 0, let progress = input.progress {
                    let findings = parts[part.agent].reduce(0) { $0 + ($1?.report.findings.count ?? 0) }
                    progress.finished(agents[part.agent].name, findings: findings)
                }
            }
            return parts.map { Self.join($0.compactMap { $0 }) }
        }
    }

    /// Agents whose review is rules applied to each file on its own, so that it can be cut by files.
    /// An agent that looks at the whole change at once (an LLM pass over the change) must not be listed.
    private static func reviewsFileByFile(_ agent: any ReviewerAgent) -> Bool {
        agent is SecurityAgent || agent is PerformanceAgent || agent is QualityAgent || agent is AccessibilityAgent
    }

    /// One slice of one agent's review.
    private struct Part: Sendable {
        var agent: Int
        var slice: Int
        var report: AgentReport
        var nanoseconds: UInt64
    }

    /// One agent's report from the reports of its slices (at least one), in slice order.
    private static func join(_ parts: [Part]) -> AgentReport {
        var joined = parts[0].report
        guard parts.count > 1 else { return joined }
        joined.findings = parts.flatMap(\.report.findings)
        joined.durationMs = Int(parts.reduce(0) { $0 + $1.nanoseconds } / 1_000_000)
        let statuses = parts.map(\.report.status)
        joined.status = statuses.contains(.failed) ? .failed : statuses.contains(.degraded) ? .degraded : .ok
        joined.note = parts.lazy.compactMap(\.report.note).first
        joined.partial = parts.flatMap(\.report.partial)
        if !joined.partial.isEmpty { joined.note = PartialReview.note(joined.partial) }
        return joined
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
