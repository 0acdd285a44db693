import Foundation

/// The report as a SARIF 2.1.0 log with one run, shaped for GitHub code scanning: every rule that can fire in
/// `tool.driver.rules`, one result per finding (suppressed and baselined ones included, with `suppressions`),
/// GitHub's `primaryLocationLineHash`, and `fixes` where a finding has a fix.
///
/// Columns are UTF-16 code units (SARIF's default `columnKind`); the JSON report's columns are bytes.
struct SARIFRenderer {
    let context: RenderContext

    func render(_ report: ReviewReport) -> String {
        var descriptors = context.rules.map(descriptor)
        var ruleIndex: [String: Int] = [:]
        for (index, descriptor) in descriptors.enumerated() { ruleIndex[descriptor.id] = index }
        // A finding of a rule the catalog does not know (an LLM finding) still gets a descriptor.
        for finding in report.findings where ruleIndex[finding.ruleId] == nil {
            ruleIndex[finding.ruleId] = descriptors.count
            descriptors.append(descriptor(for: finding))
        }

        var lineCache: [String: [Substring]] = [:]
        var hashCache: [String: [String]] = [:]
        let results = report.findings.map { finding -> Result in
            if lineCache[finding.path] == nil { lineCache[finding.path] = context.lines(of: finding.path) }
            if hashCache[finding.path] == nil, let text = context.sources[finding.path] {
                hashCache[finding.path] = LineHash.hashes(of: text)
            }
            return result(
                finding, ruleIndex: ruleIndex[finding.ruleId], lines: lineCache[finding.path],
                hashes: hashCache[finding.path], report: report)
        }

        let notifications = report.agents.filter { $0.status != .ok }.map { agent in
            Notification(
                level: agent.status == .failed ? "error" : "warning",
                message: Message(
                    text: "agent \(agent.name) \(agent.status.rawValue)" + (agent.note.map { ": \($0)" } ?? "")))
        }
        var provenance: [VersionControl]?
        if let repository = context.repositoryURL, let head = report.target.head {
            provenance = [VersionControl(repositoryUri: repository, revisionId: head)]
        }
        let run = Run(
            tool: Tool(driver: Driver(rules: descriptors)),
            invocations: [Invocation(toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
            versionControlProvenance: provenance,
            results: results,
            properties: RunProperties(
                range: report.target.range, base: report.target.base, head: report.target.head,
                verdict: report.verdict.rawValue, reasons: report.reasons, score: report.score,
                summary: report.summary, baselined: report.baseline?.hidden))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Log(runs: [run])) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: Mapping

    /// error for critical and high, warning for medium, note for low and info.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .high: "error"
        case .medium: "warning"
        case .low, .info: "note"
        }
    }

    /// GitHub's scale: critical above 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9.
    static func securitySeverity(_ severity: Severity) -> String? {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        case .info: nil
        }
    }

    /// `CWE-89` → `external/cwe/cwe-89`, the tag GitHub and CodeQL use.
    static func cweTag(_ cwe: String) -> String {
        "external/cwe/" + cwe.lowercased()
    }

    private func descriptor(_ rule: Rule) -> Descriptor {
        var help = rule.recommendation.isEmpty ? rule.message : rule.recommendation
        var markdown = "**\(rule.message)**\n\n\(rule.recommendation)"
        if let cwe = rule.cwe { markdown += "\n\n\(cwe)" }
        if let flagged = rule.examples.first(where: \.flagged) {
            markdown += "\n\nFlagged (`\(flagged.path)`):\n\n```\n\(flagged.code)\n```"
        }
        if let clean = rule.examples.first(where: { !$0.flagged }) {
            markdown += "\n\nNot flagged (`\(clean.path)`):\n\n```\n\(clean.code)\n```"
        }
        if let fix = rule.fix { help += " Fix: \(fix.description)." }
        let languages =
            rule.languages.isEmpty ? "all languages" : rule.languages.map(\.rawValue).sorted().joined(separator: ", ")
        return Descriptor(
            id: rule.id, shortDescription: Message(text: rule.message),
            fullDescription: Message(text: "\(rule.message) (\(rule.category.rawValue), \(languages))"),
            help: Help(text: help, markdown: markdown),
            defaultConfiguration: RuleConfiguration(level: Self.level(rule.severity)),
            properties: DescriptorProperties(category: rule.category, severity: rule.severity, cwe: rule.cwe))
    }

    private func descriptor(for finding: Finding) -> Descriptor {
        Descriptor(
            id: finding.ruleId, shortDescription: Message(text: finding.message),
            fullDescription: Message(text: finding.message),
            help: Help(text: finding.recommendation, markdown: finding.recommendation),
            defaultConfiguration: RuleConfiguration(level: Self.level(finding.severity)),
            properties: DescriptorProperties(category: finding.category, severity: finding.severity, cwe: finding.cwe))
    }

    private func result(
        _ finding: Finding, ruleIndex: Int?, lines: [Substring]?, hashes: [String]?, report: ReviewReport
    ) -> Result {
        let uri = finding.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? finding.path
        let location = ArtifactLocation(uri: uri)
        var region = Region(startLine: finding.line, endLine: max(finding.line, finding.endLine))
        if let lines, finding.line <= lines.count {
            region.startColumn = Self.utf16Column(byteColumn: finding.column, in: lines[finding.line - 1])
        } else {
            region.startColumn = max(1, finding.column)
        }
        var suppressions: [Suppression]?
        if finding.baselined {
            let file = report.baseline?.file ?? "the baseline"
            suppressions = [Suppression(kind: "external", justification: "listed in \(file)")]
        } else if finding.suppressed {
            suppressions = [Suppression(kind: "inSource", justification: "reviewbot:ignore comment")]
        }
        var fixes: [Fix]?
        if let fix = finding.fix {
            // The replacement stands for the flagged lines, without their final line break.
            let first = fix.startLine ?? finding.line
            let deleted = Region(startLine: first, endLine: max(first, fix.endLine ?? finding.endLine))
            fixes = [
                Fix(
                    description: Message(text: fix.description),
                    artifactChanges: [
                        ArtifactChange(
                            artifactLocation: location,
                            replacements: [
                                Replacement(deletedRegion: deleted, insertedContent: Content(text: fix.replacement))
                            ])
                    ])
            ]
        }
        var partial = ["reviewbot/v1": finding.fingerprint]
        if let hashes, finding.line <= hashes.count { partial["primaryLocationLineHash"] = hashes[finding.line - 1] }
        return Result(
            ruleId: finding.ruleId, ruleIndex: ruleIndex, level: Self.level(finding.severity),
            message: Message(text: finding.message),
            locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: location, region: region))],
            partialFingerprints: partial, suppressions: suppressions, fixes: fixes,
            properties: ResultProperties(
                severity: finding.severity.rawValue, category: finding.category.rawValue, agents: finding.agents,
                source: finding.source.rawValue, recommendation: finding.recommendation, cwe: finding.cwe))
    }

    /// The 1-based UTF-16 column of a 1-based byte column in `line`.
    static func utf16Column(byteColumn: Int, in line: Substring) -> Int {
        let bytes = min(max(0, byteColumn - 1), line.utf8.count)
        return String(decoding: line.utf8.prefix(bytes), as: UTF8.self).utf16.count + 1
    }
}

// MARK: The SARIF subset written (key names as in the specification)

extension SARIFRenderer {
    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    private struct Run: Encodable {
        var tool: Tool
        var invocations: [Invocation]
        var versionControlProvenance: [VersionControl]?
        var results: [Result]
        var columnKind = "utf16CodeUnits"
        var properties: RunProperties
    }

    private struct Tool: Encodable {
        var driver: Driver
    }

    private struct Driver: Encodable {
        var name = "reviewbot"
        var version = ReviewBot.version
        var semanticVersion = ReviewBot.version
        var rules: [Descriptor]
    }

    private struct Descriptor: Encodable {
        var id: String
        var shortDescription: Message
        var fullDescription: Message
        var help: Help
        var defaultConfiguration: RuleConfiguration
        var properties: DescriptorProperties
    }

    private struct Message: Encodable {
        var text: String
    }

    private struct Help: Encodable {
        var text: String
        var markdown: String
    }

    private struct RuleConfiguration: Encodable {
        var level: String
    }

    private struct DescriptorProperties: Encodable {
        var tags: [String]
        var severity: String
        var securitySeverity: String?
        var problemSeverity: String
        var precision = "high"

        /// Tags with the category and the CWE; a security severity on GitHub's scale for security rules only.
        init(category: Category, severity: Severity, cwe: String?) {
            tags = [category.rawValue] + (cwe.map { [SARIFRenderer.cweTag($0)] } ?? [])
            self.severity = severity.rawValue
            securitySeverity = category == .security ? SARIFRenderer.securitySeverity(severity) : nil
            problemSeverity = SARIFRenderer.level(severity)
        }

        enum CodingKeys: String, CodingKey {
            case tags, severity, precision
            case securitySeverity = "security-severity"
            case problemSeverity = "problem.severity"
        }
    }

    private struct Invocation: Encodable {
        var executionSuccessful = true
        var toolExecutionNotifications: [Notification]?
    }

    private struct Notification: Encodable {
        var level: String
        var message: Message
    }

    private struct VersionControl: Encodable {
        var repositoryUri: String
        var revisionId: String
    }

    private struct RunProperties: Encodable {
        var range: String
        var base: String?
        var head: String?
        var verdict: String
        var reasons: [String]
        var score: Double
        var summary: String
        var baselined: Int?
    }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var fixes: [Fix]?
        var properties: ResultProperties
    }

    private struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    private struct ArtifactLocation: Encodable {
        var uri: String
        var uriBaseId = "%SRCROOT%"
    }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int
    }

    private struct Suppression: Encodable {
        var kind: String
        var justification: String
    }

    private struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    private struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    private struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Content
    }

    private struct Content: Encodable {
        var text: String
    }

    private struct ResultProperties: Encodable {
        var severity: String
        var category: String
        var agents: [String]
        var source: String
        var recommendation: String
        var cwe: String?
    }
}
