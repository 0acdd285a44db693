import Foundation

/// Replaces secrets by placeholders in the lines a prompt will show, before any of them leaves the machine.
///
/// Four nets, applied in order: string literals joined by concatenation or adjacency (`"ghp_abc" + "def…"`,
/// `"AKIA" "Q3EG…"`, across lines too) whose joined value is a secret, so no part of a split token is sent; the
/// security rules that recognise secrets (private keys, provider tokens, passwords and keys in code and
/// configuration: every rule with CWE-798, CWE-259 or CWE-321, enabled or not, custom ones included); passwords in
/// URLs (`scheme://user:password@host`); and any remaining literal of 20 or more characters that mixes letters and
/// digits with high entropy (3.5 bits per character or more). What is replaced is always the whole token around a
/// match (a rule that captures only `AKIA` still loses the 16 characters after it). A placeholder is
/// `<redacted-secret-N>`, numbered per file, so the same file gives the same prompt (and cache key) every run.
public struct Redactor: Sendable {
    private let engine: RuleEngine
    private let rules: [String: [SharedRegex]]
    private static let urlPassword = try! SharedRegex(#"[a-zA-Z][a-zA-Z0-9+.-]*://[^/\s:@"']+:([^@\s/"']+)@"#)  // reviewbot:ignore quality.force-try
    private static let token = try! SharedRegex(#"[A-Za-z0-9+/=_\-]{20,}"#)  // reviewbot:ignore quality.force-try
    private static let placeholderPrefix = "<redacted-secret-"

    public init(customRules: [Rule] = []) throws(ConfigError) {
        let secretWeaknesses: Set<String> = ["CWE-798", "CWE-259", "CWE-321"]
        let secretRules = (RuleCatalog.builtin + customRules).filter {
            $0.category == .security && secretWeaknesses.contains($0.cwe ?? "")
        }
        engine = try RuleEngine(rules: secretRules)
        var compiled: [String: [SharedRegex]] = [:]
        for rule in secretRules {
            compiled[rule.id] = rule.patterns.compactMap { try? SharedRegex($0.regex) }
        }
        rules = compiled
    }

    /// The redacted text of `lines` (1-based) of `file`, and how many secrets were replaced.
    public func redact(_ file: SourceFile, lines: [Int]) -> (lines: [Int: String], count: Int) {
        let wanted = Set(lines.filter { $0 >= 1 && $0 <= file.lineCount })
        var texts: [Int: String] = [:]
        for line in wanted { texts[line] = file.rawLine(line) }
        var count = 0
        var number = 0
        func placeholder() -> String {
            number += 1
            count += 1
            return "\(Self.placeholderPrefix)\(number)>"
        }

        // Split secrets first, on the lines as written: every piece of such a chain becomes one placeholder.
        var pieces: [Int: [(columns: Range<Int>, marker: String)]] = [:]
        for chain in Self.secretChains(in: file, shown: wanted, patterns: rules.values.flatMap { $0 }) {
            let shown = chain.filter { wanted.contains($0.line) }
            guard !shown.isEmpty else { continue }
            let marker = placeholder()
            for part in shown { pieces[part.line, default: []].append((part.columns, marker)) }
        }
        for (line, replacements) in pieces {
            var bytes = Array(file.raw[file.lineRange(line)])
            for piece in replacements.sorted(by: { $0.columns.lowerBound > $1.columns.lowerBound }) {
                bytes.replaceSubrange(piece.columns, with: Array(piece.marker.utf8))
            }
            texts[line] = String(decoding: bytes, as: UTF8.self)
        }

        // The rules see the whole file, so a private key's header is found even when only its body is shown.
        let scan = SourceFile(
            path: file.path, language: file.language, text: String(decoding: file.raw, as: UTF8.self),
            addedLines: Array(1...max(1, file.lineCount)))
        for finding in engine.findings(in: scan, agent: "redaction").sorted(by: { $0.line < $1.line }) {
            if finding.ruleId == "security.private-key" {
                let end = privateKeyEnd(scan, from: finding.line)
                let marker = placeholder()
                for line in finding.line...end where wanted.contains(line) {
                    texts[line] = Self.indentation(of: texts[line] ?? "") + marker
                }
                continue
            }
            guard wanted.contains(finding.line), let text = texts[finding.line] else { continue }
            if let replaced = replaceSpans(in: text, patterns: rules[finding.ruleId] ?? [], placeholder: placeholder) {
                texts[finding.line] = replaced
            } else {
                texts[finding.line] = Self.indentation(of: text) + placeholder()
            }
        }
        for line in wanted.sorted() {
            guard var text = texts[line] else { continue }
            if let replaced = replaceSpans(in: text, patterns: [Self.urlPassword], placeholder: placeholder) {
                text = replaced
            }
            text = replaceHighEntropy(in: text, placeholder: placeholder)
            texts[line] = text
        }
        return (texts, count)
    }

    /// The END line of a private key block, or the start line when there is none within 200 lines.
    private func privateKeyEnd(_ file: SourceFile, from line: Int) -> Int {
        var current = line
        while current < min(file.lineCount, line + 200) {
            if file.rawLine(current).contains("-----END") { return current }
            current += 1
        }
        return file.rawLine(current).contains("-----END") ? current : line
    }

    /// Replaces the whole token around what the first matching pattern finds (around its first capture group when
    /// it has one); nil if none matches.
    private func replaceSpans(in text: String, patterns: [SharedRegex], placeholder: () -> String) -> String? {
        for pattern in patterns {
            let matches = pattern.regex.matches(in: text, options: [], range: NSRange(text.startIndex..., in: text))
            guard !matches.isEmpty else { continue }
            var result = text
            // Offsets (UTF-16, as the matches give them) from which the text was already replaced: a match that
            // reaches there was taken by the widened token of a later one.
            var replacedFrom = Int.max
            for match in matches.reversed() {
                let group = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? 1 : 0
                let span = match.range(at: group)
                guard span.location + span.length <= replacedFrom, let found = Range(span, in: result), !found.isEmpty
                else { continue }
                if result[found].hasPrefix(Self.placeholderPrefix) { continue }
                let token = Self.wholeToken(around: found, in: result)
                replacedFrom = result.utf16.distance(from: result.startIndex, to: token.lowerBound)
                result.replaceSubrange(token, with: placeholder())
            }
            return result
        }
        return nil
    }

    /// `range` widened over the characters a token is made of: to the left up to a separator (`=` and `:` end it,
    /// so `KEY=AKIA…` keeps its name), to the right up to a separator (`=` padding belongs to the token).
    static func wholeToken(around range: Range<String.Index>, in text: String) -> Range<String.Index> {
        func isToken(_ character: Character) -> Bool {
            !character.isWhitespace && !"\"'`,;()[]{}<>".contains(character)
        }
        var lower = range.lowerBound
        while lower > text.startIndex {
            let previous = text[text.index(before: lower)]
            guard isToken(previous), previous != "=", previous != ":", previous != "@" else { break }
            lower = text.index(before: lower)
        }
        var upper = range.upperBound
        while upper < text.endIndex, isToken(text[upper]), text[upper] != "@" { upper = text.index(after: upper) }
        return lower..<upper
    }

    private func replaceHighEntropy(in text: String, placeholder: () -> String) -> String {
        let matches = Self.token.regex.matches(in: text, options: [], range: NSRange(text.startIndex..., in: text))
        var result = text
        for match in matches.reversed() {
            guard let range = Range(match.range, in: result) else { continue }
            let candidate = result[range]
            guard Self.looksSecret(candidate) else { continue }
            result.replaceSubrange(range, with: placeholder())
        }
        return result
    }

    /// Letters and digits mixed, high entropy, and not a path made of short words.
    static func looksSecret(_ token: Substring) -> Bool {
        guard token.contains(where: \.isNumber), token.contains(where: \.isLetter) else { return false }
        if token.contains("/") && !token.contains("+") && !token.contains("=") {
            let segments = token.split(separator: "/")
            if segments.allSatisfy({ $0.count < 16 }) { return false }
        }
        return RuleEngine.entropy(of: token) >= 3.5
    }

    private static func indentation(of text: String) -> String {
        String(text.prefix { $0 == " " || $0 == "\t" })
    }
}
