import Foundation

/// Findings a team has accepted: a finding whose fingerprint is listed is not new, so it is hidden (kept in
/// the JSON and SARIF reports, marked `baselined`) and does not vote.
///
/// The file is JSON, sorted and without timestamps, so writing it again for the same findings changes no
/// byte and a change to it reads well in a diff. Only `findings[].fingerprint` is read; rule, path and line
/// are there for the people who review the file.
public struct Baseline: Sendable, Equatable, Codable {
    /// What `reviewbot baseline` writes when no `--output` is given, at the repository root.
    public static let defaultFileName = ".reviewbot-baseline.json"

    public struct Entry: Sendable, Equatable, Codable {
        public var fingerprint: String
        public var ruleId: String
        public var path: String
        /// Where the finding was when the baseline was written; the fingerprint does not depend on it.
        public var line: Int

        private enum CodingKeys: String, CodingKey {
            case fingerprint, ruleId, path, line
        }

        public init(fingerprint: String, ruleId: String, path: String, line: Int) {
            self.fingerprint = fingerprint
            self.ruleId = ruleId
            self.path = path
            self.line = line
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            fingerprint = try container.decode(String.self, forKey: .fingerprint)
            ruleId = try container.decodeIfPresent(String.self, forKey: .ruleId) ?? ""
            path = try container.decodeIfPresent(String.self, forKey: .path) ?? ""
            line = try container.decodeIfPresent(Int.self, forKey: .line) ?? 0
        }
    }

    public var version = 1
    public var tool = "reviewbot"
    /// The range the findings were collected from.
    public var range: String
    public var findings: [Entry]
    /// The file this baseline was read from (not stored in it).
    public var file = Baseline.defaultFileName

    public var fingerprints: Set<String> { Set(findings.map(\.fingerprint)) }

    /// The findings of `report` that are not suppressed inline (baselined ones stay), in a stable order.
    public init(report: ReviewReport) {
        range = report.target.range
        var seen = Set<String>()
        findings = report.findings.filter { (!$0.suppressed || $0.baselined) && seen.insert($0.fingerprint).inserted }
            .map { Entry(fingerprint: $0.fingerprint, ruleId: $0.ruleId, path: $0.path, line: $0.line) }
            .sorted { ($0.path, $0.line, $0.ruleId, $0.fingerprint) < ($1.path, $1.line, $1.ruleId, $1.fingerprint) }
    }

    public static func load(path: String, files: ConfigFiles = .disk) throws(ConfigError) -> Baseline {
        guard let data = try files.contents(atPath: path) else {
            let origin = files.origin.map { " in \($0)" } ?? ""
            throw ConfigError(
                "cannot read the baseline file \(path)\(origin); write one with `reviewbot baseline RANGE`")
        }
        do {
            var baseline = try JSONDecoder().decode(Baseline.self, from: data)
            baseline.file = path
            return baseline
        } catch {
            throw ConfigError("\(path) is not a reviewbot baseline (expected JSON with findings[].fingerprint)")
        }
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A plain value of strings and numbers always encodes.
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    private enum CodingKeys: String, CodingKey {
        case version, tool, range, findings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        tool = try container.decodeIfPresent(String.self, forKey: .tool) ?? "reviewbot"
        range = try container.decodeIfPresent(String.self, forKey: .range) ?? ""
        findings = try container.decode([Entry].self, forKey: .findings)
    }
}

/// How many findings a baseline hid, for the report.
public struct BaselineSummary: Sendable, Codable, Equatable {
    /// The baseline file as it was given.
    public var file: String
    public var hidden: Int

    public init(file: String, hidden: Int) {
        self.file = file
        self.hidden = hidden
    }
}
