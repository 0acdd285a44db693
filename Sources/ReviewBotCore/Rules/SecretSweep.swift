import Foundation

/// Looks for secrets in what no rule reviews: binary, too large, not UTF-8, minified, ignored, vendored and
/// generated files. Secret scanners read every added byte; a change must not hide a token by putting a NUL
/// byte, a long line or a `vendor/` folder around it.
///
/// Owns compiled expressions, so it is not `Sendable`: build one where it is used.
struct SecretSweep {
    /// The rules that recognise a secret by its own shape, whatever language or file surrounds it.
    static let ruleIds: Set<String> = ["security.provider-token", "security.private-key"]

    private struct Compiled {
        var rule: Rule
        /// Lowercase keywords with bit 0x20 set in every byte, matched against bytes folded the same way.
        var keywords: [[UInt8]]
        var patterns: [NSRegularExpression]
        var excludes: [NSRegularExpression]
    }

    private let rules: [Compiled]

    /// A sweep with those of `rules` (already configured) that recognise secrets.
    init(rules: [Rule]) {
        self.rules = rules.filter { Self.ruleIds.contains($0.id) }.compactMap { rule in
            // the process-wide cache: the rule engine has compiled the same patterns already
            let patterns = rule.patterns.compactMap { try? LazyRegex($0.regex, builtin: false).regex }
            guard !patterns.isEmpty else { return nil }
            return Compiled(
                rule: rule, keywords: rule.keywords.map { $0.lowercased().utf8.map { $0 | 0x20 } }, patterns: patterns,
                excludes: rule.excludes.compactMap { try? LazyRegex($0.regex, builtin: false).regex })
        }
    }

    /// A finding for each secret on an added line of an unreviewed file of `change`.
    func findings(in change: ChangeSet) -> [Finding] {
        guard !rules.isEmpty else { return [] }
        var findings: [Finding] = []
        for file in change.unreviewed {
            // Most files hold none of the keywords at all: one search over all their added lines rules them out.
            let woken = Self.woken(rules, by: file.lines.text)
            guard !woken.isEmpty else { continue }
            for (number, text) in file.lines.each {
                for compiled in Self.woken(woken, by: String(text)) {
                    if let finding = match(compiled, line: number, text: String(text), in: file) {
                        findings.append(finding)
                    }
                }
            }
        }
        return findings
    }

    /// The rules whose keywords (any, or none at all) occur in `text`.
    private static func woken(_ rules: [Compiled], by text: String) -> [Compiled] {
        var text = text
        return text.withUTF8 { bytes in
            rules.filter { compiled in
                compiled.keywords.isEmpty
                    || compiled.keywords.contains { keyword in
                        keyword.withUnsafeBufferPointer {
                            ByteSearch.occurs($0, in: bytes, range: 0..<bytes.count, foldingCase: true)
                        }
                    }
            }
        }
    }

    private func match(_ compiled: Compiled, line: Int, text: String, in file: UnreviewedText) -> Finding? {
        let whole = NSRange(text.startIndex..., in: text)
        guard let found = compiled.patterns.lazy.compactMap({ $0.firstMatch(in: text, range: whole) }).first,
            !compiled.excludes.contains(where: { $0.firstMatch(in: text, range: whole) != nil }),
            let range = Range(found.range, in: text)
        else { return nil }
        let rule = compiled.rule
        let column = text.utf8.distance(from: text.startIndex, to: range.lowerBound) + 1
        return Finding(
            ruleId: rule.id, category: rule.category, severity: rule.severity, path: file.path, line: line,
            endLine: line, column: column,
            message: rule.message
                + " (in a file no other rule reads: \(Self.describe(file.reason)); secrets are looked for in every file a change adds to)",
            recommendation: rule.recommendation, agents: [rule.category.rawValue], source: .rule,
            fingerprint: Fingerprint.make(ruleId: rule.id, path: file.path, lineText: text), cwe: rule.cwe)
    }

    private static func describe(_ reason: SkippedFile.Reason) -> String {
        switch reason {
        case .binary: "binary"
        case .tooLarge: "too large"
        case .invalidUTF8: "not valid UTF-8"
        case .minified: "minified"
        case .ignored: "ignored, vendored or generated"
        case .timeBudget: "partly reviewed, out of time"
        case .submodule, .deleted, .symlink: reason.rawValue
        }
    }
}
