/// Model patches as proposals: with `--fix` and a model, but without `--apply-llm-patches`, the model is asked for
/// patches of the findings no rule fixes, and each usable one is shown on its finding as a suggested fix (never
/// applied). A patch that reaches outside its hunk or adds what a model patch may not add (``ModelPatchGuard``) is
/// not shown; the report says why, under the fixes.
public struct ModelPatchSuggestions: Sendable {
    let proposer: any FixProposer

    /// How a shown patch is described; the flag is the only way to apply one.
    public static let description = "patch proposed by the model, not applied (--apply-llm-patches applies it)"

    public init(proposer: any FixProposer) {
        self.proposer = proposer
    }

    /// `report` with the model's patches attached to its findings as suggestions, and the refused ones listed.
    public func attach(to report: ReviewReport, change: ChangeSet) async -> ReviewReport {
        let wanted = report.findings.filter { !$0.suppressed && !$0.baselined && $0.fix == nil }
        guard !wanted.isEmpty else { return report }
        var texts: [String: String] = [:]
        for file in change.files where wanted.contains(where: { $0.path == file.path }) {
            texts[file.path] = file.newText
        }
        let proposed = await proposer.propose(for: wanted, files: texts)
        var report = report
        var refused: [ReviewReport.RolledBack] = []
        for patch in proposed {
            guard let index = report.findings.firstIndex(where: { $0.fingerprint == patch.finding.fingerprint })
            else { continue }
            var kept = patch
            kept.finding = report.findings[index]
            if let refusal = ModelPatchGuard.refusal(of: kept, in: change) {
                refused.append(.init(kept.finding, reason: refusal))
                continue
            }
            report.findings[index].fix = FixSuggestion(
                description: Self.description, replacement: kept.replacement, safe: false, startLine: kept.startLine,
                endLine: kept.endLine)
        }
        if !refused.isEmpty {
            if report.fixes.isEmpty {
                report.fixes.append(.init(iteration: 1, commit: nil, fixed: [], files: []))
            }
            report.fixes[report.fixes.count - 1].rolledBack += refused
        }
        return report
    }
}
