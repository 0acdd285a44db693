/// How bad a finding is; ordered from least to most severe.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, low, medium, high, critical

    public var rank: Int {
        switch self {
        case .info: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        case .critical: 4
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What a finding is about; each reviewer agent owns one category.
public enum Category: String, Sendable, Codable, CaseIterable {
    case security, performance, quality, accessibility
}

/// Where a finding came from.
public enum FindingSource: String, Sendable, Codable {
    case rule, llm
}

/// A proposed change of the flagged text.
public struct FixSuggestion: Sendable, Codable, Equatable {
    public var description: String
    /// The whole flagged line after the fix; empty when the fix removes the line.
    public var replacement: String
    /// Whether `--fix` applies it; otherwise it is only a suggestion for the reader.
    public var safe: Bool
    /// The lines the replacement stands for, when they are not the finding's own (a model's patch); nil otherwise.
    public var startLine: Int?
    public var endLine: Int?

    public init(
        description: String, replacement: String, safe: Bool = true, startLine: Int? = nil, endLine: Int? = nil
    ) {
        self.description = description
        self.replacement = replacement
        self.safe = safe
        self.startLine = startLine
        self.endLine = endLine
    }
}

/// One problem on one line of the new version of a file.
public struct Finding: Sendable, Codable, Equatable {
    public var ruleId: String
    public var category: Category
    public var severity: Severity
    public var path: String
    public var line: Int
    public var endLine: Int
    public var column: Int
    public var message: String
    public var recommendation: String
    public var agents: [String]
    public var source: FindingSource
    public var fingerprint: String
    public var cwe: String?
    public var fix: FixSuggestion?
    /// True when an inline `reviewbot:ignore` comment covers the finding, or the baseline lists it; it is
    /// reported but does not vote.
    public var suppressed: Bool
    /// True when the baseline lists the finding's fingerprint (then `suppressed` is true as well).
    public var baselined: Bool
    /// True when the `reviewbot:ignore` that covers the finding is one the change itself adds: shown to the
    /// reader as "suppressed by this change", and never honoured on a critical finding unless the trusted
    /// configuration allows it.
    public var suppressedByChange = false

    public init(
        ruleId: String, category: Category, severity: Severity, path: String, line: Int, endLine: Int, column: Int,
        message: String, recommendation: String, agents: [String], source: FindingSource, fingerprint: String,
        cwe: String? = nil, fix: FixSuggestion? = nil, suppressed: Bool = false, baselined: Bool = false
    ) {
        self.ruleId = ruleId
        self.category = category
        self.severity = severity
        self.path = path
        self.line = line
        self.endLine = endLine
        self.column = column
        self.message = message
        self.recommendation = recommendation
        self.agents = agents
        self.source = source
        self.fingerprint = fingerprint
        self.cwe = cwe
        self.fix = fix
        self.suppressed = suppressed
        self.baselined = baselined
    }
}

/// A stable fingerprint: rule, path and the line's text with whitespace removed, never the line number,
/// so it survives code moving up or down the file.
public enum Fingerprint {
    public static func make(ruleId: String, path: String, lineText: String, occurrence: Int = 0) -> String {
        let normalised = lineText.unicodeScalars.filter { !$0.properties.isWhitespace }
        var input =
            Array(ruleId.utf8) + [0] + Array(path.utf8) + [0] + Array(String(String.UnicodeScalarView(normalised)).utf8)
        if occurrence > 0 { input += [0] + Array(String(occurrence).utf8) }
        return hex(fnv1a(input, seed: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(input, seed: 0x8422_2325_cbf2_9ce4))
    }

    static func fnv1a(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
