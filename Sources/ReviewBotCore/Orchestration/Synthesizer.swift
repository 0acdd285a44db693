import Foundation

/// The merged, ranked view of all agents' findings.
public struct Synthesis: Sendable, Equatable {
    public var findings: [Finding]
    /// How many findings were folded into another (same place, same problem).
    public var merged: Int
    public var score: Double
    public var summary: String
}

/// Merges duplicate findings, ranks them by severity and scores the change from 0 to 10.
public struct Synthesizer: Sendable {
    public init() {}

    /// Merges and ranks `findings`; those whose fingerprint is in `baseline` are marked baselined (and so
    /// suppressed) after merging, so they neither vote nor cost score.
    public func synthesize(_ findings: [Finding], change: ChangeSet, baseline: Set<String> = []) -> Synthesis {
        var merged: [Finding] = []
        var index: [String: Int] = [:]
        var mergedCount = 0
        // Rule findings first, so an LLM finding on the same place and problem folds into the rule's.
        let ordered = findings.filter { $0.source == .rule } + findings.filter { $0.source != .rule }
        for finding in ordered {
            let keys = mergeKeys(finding)
            // An LLM finding in the category of a finding already on the same line repeats it.
            let lookups = finding.source == .llm ? keys + [categoryKey(finding)] : keys
            if let existing = lookups.lazy.compactMap({ index[$0] }).first {
                merged[existing] = combine(merged[existing], finding)
                mergedCount += 1
                for key in keys { index[key] = existing }
                continue
            }
            merged.append(finding)
            for key in keys { index[key] = merged.count - 1 }
            if index[categoryKey(finding)] == nil { index[categoryKey(finding)] = merged.count - 1 }
        }
        for index in merged.indices where !merged[index].suppressed && baseline.contains(merged[index].fingerprint) {
            merged[index].suppressed = true
            merged[index].baselined = true
        }
        merged.sort(by: Self.rank)
        let score = Self.score(merged)
        return Synthesis(findings: merged, merged: mergedCount, score: score, summary: summary(merged, change: change))
    }

    /// Same place (path, line) and same problem (rule id, or the same CWE from two sources).
    private func mergeKeys(_ finding: Finding) -> [String] {
        let place = "\(finding.path)\u{0}\(finding.line)"
        var keys = [place + "\u{0}rule:" + finding.ruleId]
        if let cwe = finding.cwe { keys.append(place + "\u{0}cwe:" + cwe) }
        return keys
    }

    private func categoryKey(_ finding: Finding) -> String {
        "\(finding.path)\u{0}\(finding.line)\u{0}category:\(finding.category.rawValue)"
    }

    private func combine(_ kept: Finding, _ other: Finding) -> Finding {
        if kept.source != other.source {
            // A rule finding is never replaced, lowered, renamed or suppressed by an LLM finding on the same problem.
            var rule = kept.source == .rule ? kept : other
            rule.agents = Array(Set(kept.agents + other.agents)).sorted()
            return rule
        }
        var winner = other.severity > kept.severity ? other : kept
        winner.agents = Array(Set(kept.agents + other.agents)).sorted()
        winner.suppressed = kept.suppressed && other.suppressed
        if winner.fix == nil { winner.fix = kept.fix ?? other.fix }
        if kept.source == .rule || other.source == .rule { winner.source = .rule }
        return winner
    }

    /// Most severe first, then by place, so the order is the same on every run.
    static func rank(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.suppressed != rhs.suppressed { return !lhs.suppressed }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        if lhs.column != rhs.column { return lhs.column < rhs.column }
        return lhs.ruleId < rhs.ruleId
    }

    /// 10 for a clean change; each unsuppressed finding costs by severity (critical 4, high 2, medium 1,
    /// low 0.25); never below 0.
    static func score(_ findings: [Finding]) -> Double {
        let penalty = findings.filter { !$0.suppressed }.reduce(0.0) { total, finding in
            switch finding.severity {
            case .critical: total + 4
            case .high: total + 2
            case .medium: total + 1
            case .low: total + 0.25
            case .info: total
            }
        }
        return (max(0, 10 - penalty) * 10).rounded() / 10
    }

    private func summary(_ findings: [Finding], change: ChangeSet) -> String {
        let active = findings.filter { !$0.suppressed }
        let files = change.files.count
        var text =
            "Reviewed \(files) file\(files == 1 ? "" : "s") (\(change.addedLineCount) added or modified line\(change.addedLineCount == 1 ? "" : "s"))"
        if !change.skipped.isEmpty { text += ", skipped \(change.skipped.count)" }
        if active.isEmpty {
            text += "; no findings."
        } else {
            let counts = Severity.allCases.reversed().compactMap { severity -> String? in
                let count = active.filter { $0.severity == severity }.count
                return count == 0 ? nil : "\(count) \(severity.rawValue)"
            }
            let touched = Set(active.map(\.path)).count
            text +=
                "; \(active.count) finding\(active.count == 1 ? "" : "s") (\(counts.joined(separator: ", "))) in \(touched) file\(touched == 1 ? "" : "s")."
        }
        let baselined = findings.filter(\.baselined).count
        let suppressed = findings.count - active.count - baselined
        if suppressed > 0 { text += " \(suppressed) suppressed." }
        if baselined > 0 { text += " \(baselined) hidden by the baseline." }
        return text
    }
}
