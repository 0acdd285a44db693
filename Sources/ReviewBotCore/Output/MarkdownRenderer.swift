import Foundation

/// A pull-request comment: the verdict and why, the votes, a table of findings per severity (linked to their
/// lines when ``LinkTemplate`` knows where), the details and fixes folded away, and the fix commits.
///
/// It stays readable and within GitHub's 65,536-character comment limit at any size: at most
/// ``maxFindings`` findings are listed, messages are cut at ``maxMessage`` characters, and the comment says
/// how many findings it left out. It starts with ``marker``, so a CI step can find and update its comment.
struct MarkdownRenderer {
    let context: RenderContext

    static let maxFindings = 50
    static let maxMessage = 300
    static let marker = "<!-- reviewbot-report -->"

    func render(_ report: ReviewReport) -> String {
        var out = header(report)
        out += findings(report)
        out += votes(report)
        out += fixes(report)
        out += footer(report)
        return out.joined(separator: "\n") + "\n"
    }

    /// The marker, the verdict and score, the target and summary, and the reasons.
    private func header(_ report: ReviewReport) -> [String] {
        var out = [Self.marker]
        out.append(
            "### \(Self.verdictIcon(report.verdict)) reviewbot: \(report.verdict.label) · score \(String(format: "%.1f", report.score))/10"
        )
        out.append("")
        var target = Self.code(report.target.range)
        if let base = report.target.base, let head = report.target.head {
            target += " (`\(base.prefix(7))`..`\(head.prefix(7))`)"
        }
        out.append("\(target) · \(Self.escape(report.summary))")
        if !report.reasons.isEmpty {
            out.append("")
            for reason in report.reasons { out.append("- \(Self.escape(reason))") }
        }
        return out
    }

    /// A table per severity of the first ``maxFindings`` findings not suppressed, their details folded
    /// away, and how many were left out.
    private func findings(_ report: ReviewReport) -> [String] {
        var out: [String] = []
        let active = report.findings.filter { !$0.suppressed }
        let shown = Array(active.prefix(Self.maxFindings))
        if !shown.isEmpty {
            for severity in Severity.allCases.reversed() {
                out += table(of: severity, shown: shown, active: active, in: report)
            }
            out.append("")
            out.append("<details>")
            out.append("<summary>Recommendations and fixes (\(shown.count))</summary>")
            for finding in shown { out += details(finding, in: report) }
            out.append("")
            out.append("</details>")
        }
        if active.count > shown.count {
            out.append("")
            out.append(
                "_\(active.count - shown.count) more finding\(active.count - shown.count == 1 ? " is" : "s are") not listed here (\(active.count) in all); the JSON and SARIF reports have every one._"
            )
        }
        return out
    }

    /// The table of the shown findings of one severity, titled with how many `active` findings have it
    /// (nothing when none is shown).
    private func table(of severity: Severity, shown: [Finding], active: [Finding], in report: ReviewReport)
        -> [String]
    {
        let group = shown.filter { $0.severity == severity }
        guard !group.isEmpty else { return [] }
        let total = active.filter { $0.severity == severity }.count
        var out = ["", "#### \(Self.severityIcon(severity)) \(severity.rawValue.capitalized) (\(total))", ""]
        out.append("| where | rule | finding |")
        out.append("|---|---|---|")
        for finding in group {
            out.append(
                "| \(place(finding, in: report, inTable: true)) | `\(finding.ruleId)` | \(Self.cell(finding.message)) |"
            )
        }
        return out
    }

    /// The agents' votes, folded away.
    private func votes(_ report: ReviewReport) -> [String] {
        guard !report.votes.isEmpty else { return [] }
        var out = ["", "<details>", "<summary>Votes</summary>", ""]
        out.append("| agent | vote | weight | reason |")
        out.append("|---|---|---:|---|")
        for vote in report.votes {
            let veto = vote.veto ? " (veto)" : ""
            let weight = vote.weight == vote.weight.rounded() ? String(Int(vote.weight)) : String(vote.weight)
            out.append(
                "| \(vote.agent) | \(Self.verdictIcon(vote.vote)) \(vote.vote.label)\(veto) | \(weight) | \(Self.cell(vote.reason)) |"
            )
        }
        out.append("")
        out.append("</details>")
        return out
    }

    /// The fix iterations: their commits, how many findings each fixed, and what it did not apply.
    private func fixes(_ report: ReviewReport) -> [String] {
        guard !report.fixes.isEmpty else { return [] }
        var out = ["", "**Fixes applied**", ""]
        out.append("| iteration | commit | findings fixed | not applied |")
        out.append("|---:|---|---:|---|")
        for fix in report.fixes {
            let commit = fix.commit.map { "`\($0.prefix(7))`" } ?? (fix.fixed.isEmpty ? "rolled back" : "working tree")
            let undone = fix.rolledBack.map {
                "`\($0.ruleId)` at \(Self.code("\($0.path):\($0.line)", inTable: true)): \(Self.cell($0.reason))"
            }
            out.append(
                "| \(fix.iteration) | \(commit) | \(fix.fixed.count) | \(undone.isEmpty ? "—" : undone.joined(separator: "<br>")) |"
            )
        }
        return out
    }

    /// The small print: suppressed and baselined findings, agents that did not run cleanly, skipped files,
    /// and the version.
    private func footer(_ report: ReviewReport) -> [String] {
        var notes: [String] = []
        let suppressed = report.findings.filter { $0.suppressed && !$0.baselined }.count
        if suppressed > 0 { notes.append("\(suppressed) suppressed inline") }
        let byChange = report.findings.filter(\.suppressedByChange)
        if !byChange.isEmpty {
            let places = byChange.map { Self.code("\($0.path):\($0.line) \($0.ruleId)") }
            notes.append("suppressed by this change: " + places.joined(separator: ", "))
        }
        if let baseline = report.baseline {
            notes.append("\(baseline.hidden) hidden by the baseline \(Self.code(baseline.file))")
        }
        for agent in report.agents where agent.status != .ok {
            notes.append(
                "agent \(agent.name) \(agent.status.rawValue)" + (agent.note.map { ": " + Self.escape($0) } ?? ""))
        }
        let partial = report.skipped.filter { $0.reason == .timeBudget }.count
        if partial > 0 {
            notes.append("\(partial) file\(partial == 1 ? "" : "s") only partly reviewed (time budget)")
        }
        let skipped = report.skipped.filter { $0.reason != .deleted && $0.reason != .timeBudget }.count
        if skipped > 0 {
            notes.append("\(skipped) file\(skipped == 1 ? "" : "s") not reviewed (binary, ignored, too large, …)")
        }
        notes.append("reviewbot \(report.tool.version)")
        return ["", "<sub>\(notes.joined(separator: " · "))</sub>"]
    }

    /// `path:line`, linked to the line when a link can be made.
    private func place(_ finding: Finding, in report: ReviewReport, inTable: Bool = false) -> String {
        let text = Self.code("\(finding.path):\(finding.line)", inTable: inTable)
        guard let link = LinkTemplate.link(context.linkTemplate, sha: report.target.head, finding: finding) else {
            return text
        }
        return "[\(text)](\(link))"
    }

    private func details(_ finding: Finding, in report: ReviewReport) -> [String] {
        var header = "**`\(finding.ruleId)`** · \(place(finding, in: report)) · \(finding.severity.rawValue)"
        if let cwe = finding.cwe { header += " · \(cwe)" }
        var lines = ["", header, "", Self.escape(Self.cut(finding.message))]
        if !finding.recommendation.isEmpty { lines += ["", "> " + Self.escape(Self.cut(finding.recommendation))] }
        if let fix = finding.fix {
            let fence = fix.replacement.contains("```") ? "~~~~" : "```"
            lines += ["", "Fix: \(Self.escape(fix.description))", "", fence, fix.replacement, fence]
        }
        return lines
    }

    static func verdictIcon(_ verdict: Verdict) -> String {
        switch verdict {
        case .approve: "✅"
        case .requestChanges: "⚠️"
        case .reject: "❌"
        }
    }

    static func severityIcon(_ severity: Severity) -> String {
        switch severity {
        case .critical: "🔴"
        case .high: "🟠"
        case .medium: "🟡"
        case .low: "🔵"
        case .info: "⚪"
        }
    }

    static func cut(_ text: String) -> String {
        text.count > maxMessage ? String(text.prefix(maxMessage - 1)) + "…" : text
    }

    /// Text that GitHub must show as written: HTML is not interpreted.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// `text` as inline code that shows exactly as written, whatever backticks it holds (a fence longer than
    /// its longest run of them); in a table cell, `|` is escaped so that it does not end the cell.
    static func code(_ text: String, inTable: Bool = false) -> String {
        var text = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if inTable { text = text.replacingOccurrences(of: "|", with: "\\|") }
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    /// One table cell: no line breaks, and `|` does not end the cell.
    static func cell(_ text: String) -> String {
        escape(cut(text)).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
