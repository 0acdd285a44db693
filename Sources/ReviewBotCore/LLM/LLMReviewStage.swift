import Foundation

/// What the LLM pass did for one agent (the `llm` field of the agent in the JSON report).
public struct LLMAgentSummary: Sendable, Codable, Equatable {
    /// `ok`, or `degraded` when a request failed or an answer stayed unusable after its repair.
    public var status: AgentReport.Status
    /// Requests the pass planned (the change split by file and hunk within the prompt budget).
    public var chunks: Int
    /// HTTP requests sent, retries and repairs included.
    public var requests: Int
    public var cacheHits: Int
    /// Findings the model gave that passed validation.
    public var findings: Int
    /// Findings the model gave that failed validation.
    public var dropped: Int
    public var durationMs: Int
    public var note: String?
}

/// What the LLM part of a review did (the top-level `llm` field of the JSON report).
public struct LLMRunSummary: Sendable, Codable, Equatable {
    /// A file that an agent's LLM pass did not review, and why (budget, deadline, a failed request).
    public struct Unreviewed: Sendable, Codable, Equatable {
        public var path: String
        public var agents: [String]
        public var reason: String
    }

    public var provider: String
    public var model: String
    public var requests: Int
    public var cacheHits: Int
    /// Secrets replaced by placeholders before any prompt was sent.
    public var redacted: Int
    public var dropped: Int
    public var durationMs: Int
    public var unreviewed: [Unreviewed]
    /// Agents whose LLM pass degraded, with the reason (empty when all went well).
    public var failures: [String]
    /// What the run did differently from what was configured, one line each (an API key withheld from an
    /// endpoint the configuration file names).
    public var notes: [String] = []
}

/// The LLM pass of every agent, run once per agent (never per slice of files) and all agents at once.
///
/// Each agent gets its share of the run's request and token budgets, the change split by file and hunk into
/// prompts that fit `max_prompt_tokens`, with secrets redacted, and its own rule findings so that the model adds
/// rather than repeats. The model's findings join the agent's report with source `llm`; they add to the rule
/// findings and never replace them. A failure degrades the agent with the reason; its rule findings still count.
public struct LLMReviewStage: Sendable {
    public let settings: LLMSettings
    let customRules: [Rule]
    let environment: [String: String]

    /// Languages worth an accessibility pass: markup, styles, and UI code.
    static let accessibilityLanguages: Set<Language> = [
        .html, .css, .javascript, .typescript, .swift, .kotlin, .java, .xml, .csharp, .php, .ruby,
    ]

    public init(
        configuration: Configuration, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        settings = configuration.llm
        customRules = configuration.customRules
        self.environment = environment
    }

    /// The agents' reports with the LLM findings added, and the run's summary.
    public func run(reports: [AgentReport], input: AgentInput, trace: TraceRecorder) async -> (
        reports: [AgentReport], summary: LLMRunSummary
    ) {
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = ContinuousClock.now + .milliseconds(Int(settings.deadline * 1000))
        var summary = LLMRunSummary(
            provider: settings.provider.rawValue, model: settings.model ?? "", requests: 0, cacheHits: 0, redacted: 0,
            dropped: 0, durationMs: 0, unreviewed: [], failures: [])
        if let note = settings.withheldKeyNote(environment: environment) { summary.notes.append(note) }

        let blocks = Self.blocks(input: input, context: settings.contextLines)
        let redacted = redactedTexts(input: input, blocks: blocks, summary: &summary)
        let client = LLMClient(settings: settings, environment: environment, deadline: deadline) { event in
            trace.record(
                TraceEvent(
                    from: event.agent, to: "llm", count: 1, unit: event.cached ? "cache hit" : "request",
                    durationMs: event.durationMs, detail: event.detail, startMs: trace.offsetMs(event.start)))
        }
        let passes = passes(reports: reports, input: input, blocks: blocks)
        let results: [Int: AgentResult]
        if let unavailable = redacted.unavailable {
            results = Dictionary(
                passes.map { pass in
                    (
                        pass.index,
                        pass.blocks.isEmpty
                            ? AgentResult() : AgentResult(failed: unavailable, paths: pass.blocks.map(\.path))
                    )
                }, uniquingKeysWith: { first, _ in first })
        } else {
            let files = Dictionary(input.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            results = await reviewAll(passes, client: client, texts: redacted.texts, files: files)
        }
        let updated = merge(results, of: passes, into: reports, summary: &summary)
        summary.durationMs = Int(milliseconds(since: started))
        return (updated, summary)
    }

    /// Every file's lines as the prompts may show them, secrets redacted (counted in `summary`), and why
    /// nothing may be sent at all (no API key, or redaction impossible), if so.
    private func redactedTexts(input: AgentInput, blocks: [String: [PromptBlock]], summary: inout LLMRunSummary)
        -> (texts: [String: [Int: String]], unavailable: String?)
    {
        var texts: [String: [Int: String]] = [:]
        var unavailable: String?
        if let missing = settings.missingKeyReason(environment: environment) { unavailable = missing }
        do {
            let redactor = try Redactor(customRules: customRules)
            for file in input.files {
                let lines = (blocks[file.path] ?? []).flatMap(\.allLines)
                let redacted = redactor.redact(file, lines: lines)
                texts[file.path] = redacted.lines
                summary.redacted += redacted.count
            }
        } catch {
            unavailable = "secrets cannot be redacted (\(error.message)), so nothing was sent"
        }
        return (texts, unavailable)
    }

    /// The passes of the agents that take part (not failed, and named in `llm.agents`), each with its blocks
    /// and its share of the budgets.
    private func passes(reports: [AgentReport], input: AgentInput, blocks: [String: [PromptBlock]]) -> [AgentPass] {
        let participants = reports.indices.filter {
            reports[$0].status != .failed && Category(rawValue: reports[$0].agent).map(settings.agents.contains) == true
        }
        let agentBlocks = participants.map { index -> [PromptBlock] in
            let category = Category(rawValue: reports[index].agent) ?? .quality
            return input.files.flatMap { file -> [PromptBlock] in
                guard category != .accessibility || Self.accessibilityLanguages.contains(file.language) else {
                    return []
                }
                return blocks[file.path] ?? []
            }
        }
        // The budgets are shared equally by the agents that have something to review.
        let count = max(1, agentBlocks.filter { !$0.isEmpty }.count)
        var passes: [AgentPass] = []
        var position = 0
        for (index, blocks) in zip(participants, agentBlocks) {
            let report = reports[index]
            var requests = 0
            if !blocks.isEmpty {
                requests = settings.maxRequests / count + (position < settings.maxRequests % count ? 1 : 0)
                position += 1
            }
            passes.append(
                AgentPass(
                    index: index, agent: report.agent, category: Category(rawValue: report.agent) ?? .quality,
                    blocks: blocks, ruleFindings: report.findings.filter { $0.source == .rule },
                    ledger: LLMLedger(requests: requests, tokens: settings.tokenBudget / count)))
        }
        return passes
    }

    /// Runs every pass at once; the results by report index.
    private func reviewAll(
        _ passes: [AgentPass], client: LLMClient, texts: [String: [Int: String]], files: [String: SourceFile]
    ) async -> [Int: AgentResult] {
        await withTaskGroup(of: (Int, AgentResult).self, returning: [Int: AgentResult].self) { group in
            for pass in passes {
                group.addTask {
                    (pass.index, await self.review(pass, client: client, texts: texts, files: files))
                }
            }
            var collected: [Int: AgentResult] = [:]
            for await (index, result) in group { collected[index] = result }
            return collected
        }
    }

    /// `reports` with each pass's result added to its agent's report, and the results counted in `summary`.
    private func merge(
        _ results: [Int: AgentResult], of passes: [AgentPass], into reports: [AgentReport],
        summary: inout LLMRunSummary
    ) -> [AgentReport] {
        var updated = reports
        var unreviewed: [String: (agents: [String], reason: String)] = [:]
        var unreviewedOrder: [String] = []
        for pass in passes {
            guard let result = results[pass.index] else { continue }
            updated[pass.index] = Self.merge(result, of: pass, into: updated[pass.index], summary: &summary)
            for (path, reason) in result.unreviewed {
                let key = path + "\u{0}" + reason
                if unreviewed[key] == nil {
                    unreviewed[key] = ([], reason)
                    unreviewedOrder.append(key)
                }
                unreviewed[key]?.agents.append(pass.agent)
            }
        }
        summary.unreviewed = unreviewedOrder.compactMap { key in
            unreviewed[key].map {
                LLMRunSummary.Unreviewed(
                    path: String(key.prefix { $0 != "\u{0}" }), agents: $0.agents, reason: $0.reason)
            }
        }
        return updated
    }

    /// `report` with one pass's findings, status, note and LLM summary, and the pass counted in `summary`.
    private static func merge(
        _ result: AgentResult, of pass: AgentPass, into report: AgentReport, summary: inout LLMRunSummary
    ) -> AgentReport {
        var report = report
        report.findings += result.findings
        report.durationMs += result.durationMs
        let dropped = result.dropped.values.reduce(0, +)
        let status: AgentReport.Status = result.failures.isEmpty ? .ok : .degraded
        var note: String?
        if let first = result.failures.first {
            note =
                result.failures.count == 1 || result.chunks <= 1
                ? "llm: \(first)" : "llm: \(result.failures.count) of \(result.chunks) requests failed: \(first)"
            summary.failures.append("\(pass.agent): \(first)")
        }
        if status == .degraded && report.status == .ok { report.status = .degraded }
        if let note { report.note = report.note.map { $0 + "; " + note } ?? note }
        report.llm = LLMAgentSummary(
            status: status, chunks: result.chunks, requests: pass.ledger.requests,
            cacheHits: pass.ledger.cacheHits, findings: result.findings.count, dropped: dropped,
            durationMs: result.durationMs, note: note)
        summary.requests += pass.ledger.requests
        summary.cacheHits += pass.ledger.cacheHits
        summary.dropped += dropped
        return report
    }

    /// One agent's LLM work: its blocks, its rule findings, its share of the budget.
    struct AgentPass: Sendable {
        var index: Int
        var agent: String
        var category: Category
        var blocks: [PromptBlock]
        var ruleFindings: [Finding]
        var ledger: LLMLedger
    }

    struct AgentResult: Sendable {
        var findings: [Finding] = []
        var dropped: [String: Int] = [:]
        var failures: [String] = []
        /// Path → why it was not (fully) reviewed, in the order met.
        var unreviewed: [(String, String)] = []
        var chunks = 0
        var durationMs = 0

        init() {}

        init(failed reason: String, paths: [String]) {
            failures = [reason]
            var seen = Set<String>()
            unreviewed = paths.filter { seen.insert($0).inserted }.map { ($0, reason) }
        }
    }

    /// The blocks of every reviewed file, by path.
    static func blocks(input: AgentInput, context: Int) -> [String: [PromptBlock]] {
        let hunks = Dictionary(input.change.files.map { ($0.path, $0.hunks) }, uniquingKeysWith: { first, _ in first })
        var result: [String: [PromptBlock]] = [:]
        for file in input.files where !file.addedLines.isEmpty {
            result[file.path] = LLMPrompt.blocks(for: file, hunks: hunks[file.path] ?? [], context: context)
        }
        return result
    }

    private func review(
        _ pass: AgentPass, client: LLMClient, texts: [String: [Int: String]], files: [String: SourceFile]
    ) async -> AgentResult {
        let start = DispatchTime.now().uptimeNanoseconds
        var result = AgentResult()
        guard !pass.blocks.isEmpty else { return result }
        let findingsByPath = Dictionary(grouping: pass.ruleFindings, by: \.path)
        func ruleFindings(of block: PromptBlock) -> [Finding] {
            (findingsByPath[block.path] ?? []).filter { block.added.contains($0.line) }
        }
        // The system prompt and the answer's schema take about 450 tokens; the rest is the change.
        let budget = max(200, settings.maxPromptTokens - 450)
        let chunks = LLMPrompt.chunks(pass.blocks, budget: budget) { block in
            let data = LLMPrompt.data(chunk: PromptChunk(blocks: [block]), texts: texts)
            let listed = ruleFindings(of: block).reduce(0) {
                $0 + LLMClient.estimateTokens("- \($1.path):\($1.line) \($1.ruleId): \($1.message)\n")
            }
            return LLMClient.estimateTokens(data) + listed
        }
        result.chunks = chunks.count

        // Plan within the agent's share: chunks past the request share or the token share are not sent.
        var planned: [PromptChunk] = []
        var tokens = 0
        let tokenShare = pass.ledger.tokensLeft
        for (offset, chunk) in chunks.enumerated() {
            let cost =
                LLMClient.estimateTokens(LLMPrompt.data(chunk: chunk, texts: texts)) + 450 + settings.maxTokens
            let reason: String?
            if offset >= pass.ledger.requestsLeft {
                reason = "request budget (llm.max_requests) used up"
            } else if tokens + cost > tokenShare {
                reason = "token budget (llm.token_budget) used up"
            } else {
                reason = nil
            }
            if let reason {
                result.unreviewed += chunk.paths.map { ($0, reason) }
            } else {
                planned.append(chunk)
                tokens += cost
            }
        }

        let outcomes = await withTaskGroup(of: (Int, ChunkOutcome).self, returning: [ChunkOutcome].self) { group in
            for (offset, chunk) in planned.enumerated() {
                group.addTask {
                    let findings = chunk.blocks.flatMap { ruleFindings(of: $0) }
                    return (
                        offset,
                        await self.review(
                            chunk, pass: pass, ruleFindings: findings, client: client, texts: texts, files: files)
                    )
                }
            }
            var collected = [ChunkOutcome?](repeating: nil, count: planned.count)
            for await (offset, outcome) in group { collected[offset] = outcome }
            return collected.compactMap { $0 }
        }
        for (chunk, outcome) in zip(planned, outcomes) {
            result.findings += outcome.reading.findings
            for (reason, count) in outcome.reading.dropped { result.dropped[reason, default: 0] += count }
            if let failure = outcome.failure {
                result.failures.append(failure)
                result.unreviewed += chunk.paths.map { ($0, failure) }
            }
        }
        var seen = Set<String>()
        result.unreviewed = result.unreviewed.filter { seen.insert($0.0 + "\u{0}" + $0.1).inserted }
        result.durationMs = Int(milliseconds(since: start))
        return result
    }

    struct ChunkOutcome: Sendable {
        var reading = LLMAnswerReader.Reading()
        var failure: String?
    }

    /// One request (and at most one repair) for one chunk.
    private func review(
        _ chunk: PromptChunk, pass: AgentPass, ruleFindings: [Finding], client: LLMClient,
        texts: [String: [Int: String]], files: [String: SourceFile]
    ) async -> ChunkOutcome {
        let data = LLMPrompt.data(chunk: chunk, texts: texts)
        let boundary = LLMPrompt.boundary(for: data)
        let chat = ChatRequest(
            system: LLMPrompt.system(for: pass.category, boundary: boundary, maxFindings: settings.maxFindings),
            messages: [
                ChatMessage(
                    .user,
                    LLMPrompt.user(chunk: chunk, texts: texts, ruleFindings: ruleFindings, boundary: boundary))
            ],
            maxTokens: settings.maxTokens, temperature: settings.temperature,
            schema: LLMPrompt.schema(maxFindings: settings.maxFindings), schemaName: "review_findings")
        let reader = LLMAnswerReader(
            agent: pass.agent, chunk: chunk, files: files, maxSeverity: settings.maxSeverity,
            maxFindings: settings.maxFindings)

        let first: LLMReply
        switch await client.ask(chat, agent: pass.agent, ledger: pass.ledger) {
        case .failure(let failure): return ChunkOutcome(failure: failure.message)
        case .success(let reply): first = reply
        }
        let problem: String
        switch LLMAnswerReader.findingsList(in: first.answer.text) {
        case .success(let items):
            if !first.cached { client.remember(first.answer, key: first.cacheKey) }
            return ChunkOutcome(reading: reader.read(items))
        case .failure(let why):
            problem = first.answer.truncated ? "the answer was cut off at max_tokens (\(why.message))" : why.message
        }

        var repair = chat
        repair.messages.append(ChatMessage(.assistant, String(first.answer.text.prefix(4000))))
        repair.messages.append(
            ChatMessage(
                .user,
                LLMPrompt.repair(truncated: first.answer.truncated, problem: problem, maxFindings: settings.maxFindings)
            ))
        switch await client.ask(repair, agent: pass.agent, ledger: pass.ledger) {
        case .failure(let failure):
            return ChunkOutcome(failure: "\(problem); the repair request failed: \(failure.message)")
        case .success(let reply):
            switch LLMAnswerReader.findingsList(in: reply.answer.text) {
            case .success(let items):
                client.remember(reply.answer, key: first.cacheKey)
                return ChunkOutcome(reading: reader.read(items))
            case .failure(let why):
                let again = reply.answer.truncated ? "cut off at max_tokens again" : why.message
                return ChunkOutcome(failure: "\(problem); after one repair: \(again)")
            }
        }
    }
}
