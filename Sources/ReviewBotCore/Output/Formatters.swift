import Foundation

/// The output formats of `--format`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, json, sarif, markdown, github
}

/// Renders a report for people (text, markdown), machines (json, sarif) or GitHub Actions' log (github).
public enum ReportFormatter {
    public static func render(
        _ report: ReviewReport, as format: OutputFormat, color: Bool, context: RenderContext = RenderContext()
    ) -> String {
        switch format {
        case .text: TextRenderer(color: color).render(report)
        case .json: json(report)
        case .sarif: SARIFRenderer(context: context).render(report)
        case .markdown: MarkdownRenderer(context: context).render(report)
        case .github: GitHubRenderer(context: context).render(report)
        }
    }

    /// Sorted keys and fixed formatting, so the same input gives the same bytes (timings aside).
    public static func json(_ report: ReviewReport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report), let text = String(data: data, encoding: .utf8) else {
            return "{}\n"
        }
        return text + "\n"
    }

    /// Whether to colour: only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    public static func shouldColor(
        fileDescriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> Bool
    {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(fileDescriptor) == 1
    }
}

/// The human report: verdict first, then findings by severity, then votes and notes.
struct TextRenderer {
    let color: Bool

    private func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    private func bold(_ text: String) -> String { paint(text, "1") }
    private func dim(_ text: String) -> String { paint(text, "2") }

    private func severityColor(_ severity: Severity) -> String {
        switch severity {
        case .critical: "1;31"
        case .high: "31"
        case .medium: "33"
        case .low: "36"
        case .info: "2"
        }
    }

    private func verdictColor(_ verdict: Verdict) -> String {
        switch verdict {
        case .approve: "1;32"
        case .requestChanges: "1;33"
        case .reject: "1;31"
        }
    }

    /// One line per fix round, then one per fix that did not stay.
    private func fixLines(_ record: ReviewReport.FixRecord) -> [String] {
        let place = record.commit.map { "commit \($0.prefix(7))" } ?? "working tree"
        var lines: [String] = []
        if !record.fixed.isEmpty {
            lines.append(
                bold("fix round \(record.iteration)")
                    + ": \(record.fixed.count) fixed in \(record.files.joined(separator: ", ")) (\(place))")
        }
        for undone in record.rolledBack {
            lines.append(
                dim("fix round \(record.iteration)")
                    + ": \(undone.ruleId) at \(undone.path):\(undone.line) not applied: \(undone.reason)")
        }
        if let verify = record.verify, !verify.passed {
            lines.append(dim("  `\(verify.command)` exited \(verify.exitCode):"))
            for line in verify.output.split(separator: "\n").suffix(5) { lines.append(dim("    \(line)")) }
        }
        return lines
    }

    func render(_ report: ReviewReport) -> String {
        var out: [String] = []
        var target = report.target.range
        if let base = report.target.base, let head = report.target.head {
            target += " (\(base.prefix(7))..\(head.prefix(7)))"
        }
        out.append(bold("reviewbot") + " " + target)
        let verdict = paint(report.verdict.label.uppercased(), verdictColor(report.verdict))
        out.append("\(verdict)  score \(String(format: "%.1f", report.score))/10")
        for reason in report.reasons { out.append("  " + dim("·") + " " + reason) }
        let active = report.findings.filter { !$0.suppressed }
        if !active.isEmpty { out.append("") }
        for finding in active {
            let severity = paint(
                finding.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0),
                severityColor(finding.severity))
            out.append(
                "\(severity) \(bold("\(finding.path):\(finding.line):\(finding.column)"))  \(dim(finding.ruleId))")
            out.append("         \(finding.message)")
            out.append("         " + dim("→ " + finding.recommendation))
            if let fix = finding.fix {
                let label = fix.safe ? "fix" : "suggested fix"
                let result = fix.replacement.trimmingCharacters(in: .whitespaces)
                if let start = fix.startLine, let end = fix.endLine {
                    let lines = start == end ? "line \(start) becomes" : "lines \(start)–\(end) become"
                    out.append("         " + dim("\(label): \(fix.description); \(lines):"))
                    for line in fix.replacement.split(separator: "\n", omittingEmptySubsequences: false) {
                        out.append("           " + line)
                    }
                } else {
                    out.append(
                        "         " + dim("\(label): \(fix.description): ")
                            + (result.isEmpty ? "(removes the line)" : result))
                }
            }
        }
        out.append("")
        let byChange = report.findings.filter(\.suppressedByChange)
        for finding in byChange {
            out.append(dim("suppressed by this change: \(finding.path):\(finding.line) \(finding.ruleId)"))
        }
        if !byChange.isEmpty { out.append("") }
        let fixLines = report.fixes.flatMap(fixLines)
        if !fixLines.isEmpty { out += fixLines + [""] }
        let votes = report.votes.map { vote -> String in
            var text = "\(vote.agent) \(vote.vote.label)"
            if vote.weight != 1 {
                text += " ×\(vote.weight == vote.weight.rounded() ? String(Int(vote.weight)) : String(vote.weight))"
            }
            if vote.veto { text += " (veto)" }
            return text
        }
        if !votes.isEmpty { out.append(dim("votes: ") + votes.joined(separator: " · ")) }
        for agent in report.agents where agent.status != .ok {
            out.append(dim("agent \(agent.name) \(agent.status.rawValue)") + (agent.note.map { ": \($0)" } ?? ""))
        }
        if let llm = report.llm {
            var line =
                "llm \(llm.model): \(llm.requests) requests, \(llm.cacheHits) cached, \(llm.redacted) secrets redacted"
            if llm.dropped > 0 { line += ", \(llm.dropped) invalid findings dropped" }
            out.append(dim(line))
            for note in llm.notes { out.append(dim("llm note: " + note)) }
            for file in llm.unreviewed {
                out.append(
                    dim(
                        "not reviewed by the LLM (\(file.agents.joined(separator: ", "))): \(file.path): \(file.reason)"
                    ))
            }
        }
        let notable = report.skipped.filter { $0.reason != .deleted && $0.reason != .ignored }
        for file in notable {
            // a time-budget entry's detail starts with "partly reviewed"
            out.append(
                dim(
                    file.reason == .timeBudget ? "\(file.path): \(file.detail)" : "skipped \(file.path): \(file.detail)"
                ))
        }
        let ignored = report.skipped.filter { $0.reason == .ignored }.count
        if ignored > 0 {
            out.append(
                dim(
                    "ignored \(ignored) file\(ignored == 1 ? "" : "s") (lock files, vendored or generated code, ignore globs)"
                ))
        }
        out.append(report.summary)
        return out.joined(separator: "\n") + "\n"
    }
}
