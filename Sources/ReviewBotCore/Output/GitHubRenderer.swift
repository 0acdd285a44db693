import Foundation

/// GitHub Actions workflow commands: one annotation per finding that counts (`::error file=…,line=…::…`),
/// then one for the verdict. Critical and high findings are errors, medium ones warnings, low and info
/// notices; suppressed and baselined findings are left out.
///
/// Values are escaped as the Actions runner reads them: `%`, CR and LF everywhere, and `:` and `,` in
/// properties too, so that a message cannot end the command early or start another one.
struct GitHubRenderer {
    let context: RenderContext

    func render(_ report: ReviewReport) -> String {
        var out: [String] = []
        var lineCache: [String: [Substring]] = [:]
        for finding in report.findings where !finding.suppressed {
            if lineCache[finding.path] == nil { lineCache[finding.path] = context.lines(of: finding.path) }
            var column = finding.column
            if let lines = lineCache[finding.path], finding.line <= lines.count {
                column = SARIFRenderer.utf16Column(byteColumn: finding.column, in: lines[finding.line - 1])
            }
            let properties = [
                "file=" + Self.property(finding.path),
                "line=\(finding.line)",
                "endLine=\(max(finding.line, finding.endLine))",
                "col=\(column)",
                "title=" + Self.property("\(finding.ruleId) (\(finding.severity.rawValue))"),
            ]
            var message = finding.message
            if !finding.recommendation.isEmpty { message += "\n" + finding.recommendation }
            if let fix = finding.fix { message += "\nfix: \(fix.description)" }
            out.append(
                "::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::\(Self.data(message))")
        }
        let why = report.reasons.last.map { " (\($0))" } ?? ""
        let verdict =
            "\(report.verdict.label), score \(String(format: "%.1f", report.score))/10\(why). \(report.summary)"
        let level =
            switch report.verdict {
            case .approve: "notice"
            case .requestChanges: "warning"
            case .reject: "error"
            }
        out.append("::\(level) title=reviewbot::\(Self.data(verdict))")
        return out.joined(separator: "\n") + "\n"
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "notice"
        }
    }

    /// The message after `::`.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A `key=value` property value.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
