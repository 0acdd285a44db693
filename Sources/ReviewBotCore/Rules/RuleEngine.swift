import Foundation

/// A compiled regular expression that may be shared between tasks.
///
/// `@unchecked Sendable`: `NSRegularExpression` is immutable after creation and documented as safe to
/// use from several threads at once; nothing here mutates it.
final class SharedRegex: @unchecked Sendable {
    let regex: NSRegularExpression

    init(_ pattern: String) throws {
        regex = try NSRegularExpression(pattern: pattern, options: [])
    }

    func firstMatch(in string: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: string, options: [], range: NSRange(string.startIndex..., in: string))
    }

    func matches(_ string: String) -> Bool { firstMatch(in: string) != nil }
}

/// Runs rules over the added lines of a ``SourceFile``.
///
/// Cheap first: a keyword scan over the raw bytes of each added line selects the few rules worth a
/// regex, and only rules for the file's language are considered.
public struct RuleEngine: Sendable {
    struct Compiled: Sendable {
        let rule: Rule
        let patterns: [CompiledPattern]
        let requires: [CompiledPattern]
        let excludes: [CompiledPattern]
        let fix: SharedRegex?
        let excludedPaths: GlobSet?
        let requiresInFile: [CompiledPattern]
    }

    struct CompiledPattern: Sendable {
        let view: Rule.View
        let regex: SharedRegex
        let languages: Set<Language>

        init(_ pattern: Rule.Pattern) throws {
            view = pattern.view
            regex = try SharedRegex(pattern.regex)
            languages = pattern.languages
        }

        func applies(to language: Language) -> Bool { languages.isEmpty || languages.contains(language) }
    }

    struct LanguageRules: Sendable {
        var lineRules: [Int] = []
        var multilineRules: [Int] = []
        var index = KeywordIndex()
    }

    public let rules: [Rule]
    private let compiled: [Compiled]
    private let byLanguage: [Language: LanguageRules]
    // A constant pattern, covered by every test run. reviewbot:ignore quality.force-try
    private static let stringBuilding = try! SharedRegex(
        #"["'`]\s*(\+|%)\s*[\w$(\[]|[\w)\]]\s*\+\s*["'`]|["'`]\s*\.\s*format\s*\(|["']\s*\.\s*\$|\$\w+\s*\.\s*["']|\b(sprintf|Sprintf|String\.format|format)\s*\(\s*["'][^"']*["']\s*,"#
    )

    /// Compiles the rules; a rule with a broken pattern is a configuration error naming the rule.
    public init(rules: [Rule]) throws(ConfigError) {
        self.rules = rules
        var compiled: [Compiled] = []
        for rule in rules {
            do {
                compiled.append(
                    Compiled(
                        rule: rule,
                        patterns: try rule.patterns.map(CompiledPattern.init),
                        requires: try rule.requires.map(CompiledPattern.init),
                        excludes: try rule.excludes.map(CompiledPattern.init),
                        fix: try rule.fix.map { try SharedRegex($0.find) },
                        excludedPaths: rule.excludedPaths.isEmpty ? nil : GlobSet(rule.excludedPaths),
                        requiresInFile: try rule.requiresInFile.map(CompiledPattern.init)))
            } catch {
                throw ConfigError("rule \(rule.id) has an invalid pattern: \(error.localizedDescription)")
            }
        }
        self.compiled = compiled
        var byLanguage: [Language: LanguageRules] = [:]
        for language in Language.allCases {
            var entry = LanguageRules()
            for (offset, rule) in rules.enumerated() where rule.applies(to: language) {
                if rule.multiline { entry.multilineRules.append(offset) } else { entry.lineRules.append(offset) }
                entry.index.add(rule.keywords, rule: offset)
            }
            byLanguage[language] = entry
        }
        self.byLanguage = byLanguage
    }

    /// Every finding of the rules on the added lines of `file`, reported for `agent`.
    public func findings(in file: SourceFile, agent: String) -> [Finding] {
        guard !file.addedLines.isEmpty, let language = byLanguage[file.language] else { return [] }
        var results: [Finding] = []
        if !language.lineRules.isEmpty {
            var seen = [Bool](repeating: false, count: compiled.count)
            let pathExcluded = Set(
                language.lineRules.filter { compiled[$0].excludedPaths?.matches(file.path) ?? false })
            var fileGate = [Bool?](repeating: nil, count: compiled.count)
            for line in file.addedLines where line >= 1 && line <= file.lineCount {
                let range = file.lineRange(line)
                let candidates = language.index.rules(in: file.raw, range: range, lineRulesOnly: compiled, seen: &seen)
                guard !candidates.isEmpty else { continue }
                var views = LineViews(file: file, line: line)
                for ruleIndex in candidates.sorted() where !pathExcluded.contains(ruleIndex) {
                    if fileGate[ruleIndex] == nil { fileGate[ruleIndex] = passesFileRequirements(compiled[ruleIndex], file) }
                    guard fileGate[ruleIndex] == true else { continue }
                    if let finding = match(compiled[ruleIndex], file: file, line: line, views: &views, agent: agent) {
                        results.append(finding)
                    }
                }
            }
        }
        if !language.multilineRules.isEmpty {
            var seen = [Bool](repeating: false, count: compiled.count)
            let present = language.index.rules(in: file.raw, range: 0..<file.raw.count, lineRulesOnly: compiled, seen: &seen, multiline: true)
            for ruleIndex in present.sorted() where passesFileRequirements(compiled[ruleIndex], file) {
                results += multilineMatches(compiled[ruleIndex], file: file, agent: agent)
            }
        }
        return assignFingerprints(results, file: file)
    }

    /// Whether the whole file matches the rule's file-level requirements (an import, for example).
    private func passesFileRequirements(_ compiled: Compiled, _ file: SourceFile) -> Bool {
        for required in compiled.requiresInFile where required.applies(to: file.language) {
            let text = String(decoding: Self.bytes(of: required.view, in: file), as: UTF8.self)
            guard required.regex.matches(text) else { return false }
        }
        return true
    }

    /// The three views of one line, decoded only when a rule asks for them.
    struct LineViews {
        let file: SourceFile
        let line: Int
        private var cache: [Rule.View: String] = [:]

        init(file: SourceFile, line: Int) {
            self.file = file
            self.line = line
        }

        mutating func get(_ view: Rule.View) -> String {
            if let cached = cache[view] { return cached }
            let value =
                switch view {
                case .raw: file.rawLine(line)
                case .text: file.textLine(line)
                case .code: file.codeLine(line)
                }
            cache[view] = value
            return value
        }
    }

    private func match(_ compiled: Compiled, file: SourceFile, line: Int, views: inout LineViews, agent: String) -> Finding? {
        let rule = compiled.rule
        let language = file.language
        var column: Int?
        var matchEnd = 0
        for pattern in compiled.patterns where pattern.applies(to: language) {
            let text = views.get(pattern.view)
            guard let match = pattern.regex.firstMatch(in: text) else { continue }
            if let minimum = rule.minEntropy {
                guard match.numberOfRanges > 1, let group = Range(match.range(at: 1), in: text),
                    Self.entropy(of: text[group]) >= minimum
                else { continue }
            }
            column = match.range.location + 1
            if let range = Range(match.range, in: text) { matchEnd = text.utf8.distance(from: text.startIndex, to: range.upperBound) }
            break
        }
        guard let column else { return nil }
        for required in compiled.requires where required.applies(to: language) {
            guard required.regex.matches(views.get(required.view)) else { return nil }
        }
        for exclude in compiled.excludes where exclude.applies(to: language) && exclude.regex.matches(views.get(exclude.view)) {
            return nil
        }
        for condition in rule.conditions {
            switch condition {
            case .insideLoop:
                guard file.isInLoop(line) else { return nil }
            case .buildsString:
                guard file.hasInterpolation(line) || Self.stringBuilding.matches(views.get(.code)) else { return nil }
            case .notLabelled:
                break
            case .dynamicArgument:
                let range = file.lineRange(line)
                let endsAtCall = matchEnd > 0 && range.lowerBound + matchEnd <= range.upperBound
                    && file.code[range.lowerBound + matchEnd - 1] == 0x28
                guard !endsAtCall || ArgumentAnalysis(file: file).firstArgumentIsDynamic(line: line, afterByte: matchEnd)
                else { return nil }
            }
        }
        return makeFinding(compiled, file: file, line: line, endLine: line, column: column, agent: agent)
    }

    private static func bytes(of view: Rule.View, in file: SourceFile) -> [UInt8] {
        switch view {
        case .raw: file.raw
        case .text: file.text
        case .code: file.code
        }
    }

    private func multilineMatches(_ compiled: Compiled, file: SourceFile, agent: String) -> [Finding] {
        if let excluded = compiled.excludedPaths, excluded.matches(file.path) { return [] }
        let added = Set(file.addedLines)
        var results: [Finding] = []
        var reportedLines = Set<Int>()
        for pattern in compiled.patterns where pattern.applies(to: file.language) {
            results += multilineMatches(compiled, pattern: pattern, file: file, added: added, agent: agent, reported: &reportedLines)
        }
        return results
    }

    private func multilineMatches(
        _ compiled: Compiled, pattern: CompiledPattern, file: SourceFile, added: Set<Int>, agent: String,
        reported reportedLines: inout Set<Int>
    ) -> [Finding] {
        let text = String(decoding: Self.bytes(of: pattern.view, in: file), as: UTF8.self)
        var results: [Finding] = []
        let matches = pattern.regex.regex.matches(in: text, options: [], range: NSRange(text.startIndex..., in: text))
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            let matched = String(text[range])
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + matched.utf8.count
            let excluded = compiled.excludes.contains { exclude in
                guard exclude.applies(to: file.language) else { return false }
                let same = String(decoding: Self.bytes(of: exclude.view, in: file)[start..<end], as: UTF8.self)
                return exclude.regex.matches(same)
            }
            if excluded { continue }
            let startLine = file.line(atOffset: start)
            let endLine = file.line(atOffset: max(start, end - 1))
            guard let reported = (startLine...endLine).first(where: { added.contains($0) }) else { continue }
            if compiled.rule.conditions.contains(.notLabelled) && Self.isLabelled(element: matched, before: range.lowerBound, in: text) {
                continue
            }
            if compiled.rule.conditions.contains(.insideLoop) && !file.isInLoop(startLine) { continue }
            guard reportedLines.insert(reported).inserted else { continue }
            let column = reported == startLine ? start - file.lineStarts[startLine - 1] + 1 : 1
            if var finding = makeFinding(compiled, file: file, line: reported, endLine: endLine, column: column, agent: agent) {
                finding.line = reported
                results.append(finding)
            }
        }
        return results
    }

    private func makeFinding(_ compiled: Compiled, file: SourceFile, line: Int, endLine: Int, column: Int, agent: String) -> Finding? {
        let rule = compiled.rule
        let rawLine = file.rawLine(line)
        var fix: FixSuggestion?
        if let ruleFix = rule.fix, let regex = compiled.fix {
            let replaced = regex.regex.stringByReplacingMatches(
                in: rawLine, options: [], range: NSRange(rawLine.startIndex..., in: rawLine), withTemplate: ruleFix.replace)
            if replaced != rawLine { fix = FixSuggestion(description: ruleFix.description, replacement: replaced) }
        }
        return Finding(
            ruleId: rule.id, category: rule.category, severity: rule.severity, path: file.path, line: line,
            endLine: max(line, endLine), column: column, message: rule.message, recommendation: rule.recommendation,
            agents: [agent], source: .rule, fingerprint: "", cwe: rule.cwe, fix: fix,
            suppressed: Suppression.covers(ruleId: rule.id, line: line, in: file))
    }

    private func assignFingerprints(_ findings: [Finding], file: SourceFile) -> [Finding] {
        var occurrences: [String: Int] = [:]
        return findings.sorted { ($0.line, $0.ruleId) < ($1.line, $1.ruleId) }.map { finding in
            var finding = finding
            let text = file.rawLine(finding.line)
            let key = finding.ruleId + "\u{0}" + text.filter { !$0.isWhitespace }
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            finding.fingerprint = Fingerprint.make(ruleId: finding.ruleId, path: file.path, lineText: text, occurrence: occurrence)
            return finding
        }
    }

    /// Whether a form control is labelled by `<label for=id>` elsewhere in the file or by an enclosing `<label>`.
    static func isLabelled(element: String, before start: String.Index, in text: String) -> Bool {
        let lower = text[..<start].suffix(2000).lowercased()
        if let open = lower.range(of: "<label", options: .backwards) {
            let close = lower.range(of: "</label", options: .backwards)
            if let close, close.lowerBound > open.lowerBound {
                // the last <label> before the element is already closed
            } else {
                return true
            }
        }
        guard let idRegex = try? NSRegularExpression(pattern: #"\bid\s*=\s*["'{]+([^"'}]+)"#),
            let match = idRegex.firstMatch(in: element, range: NSRange(element.startIndex..., in: element)),
            let idRange = Range(match.range(at: 1), in: element)
        else { return false }
        let id = NSRegularExpression.escapedPattern(for: String(element[idRange]))
        let forPattern = #"\b(for|htmlFor)\s*=\s*["'{]+"# + id + #"["'}]"#
        return text.range(of: forPattern, options: .regularExpression) != nil
    }

    static func entropy(of text: Substring) -> Double {
        var counts: [Character: Int] = [:]
        for character in text { counts[character, default: 0] += 1 }
        let total = Double(text.count)
        guard total > 0 else { return 0 }
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }
}

/// Finds which rules' keywords occur in a byte range, case-insensitively, in one pass.
struct KeywordIndex: Sendable {
    /// For each lowercased first byte: the keywords starting with it and the rules they select.
    private var table: [[(keyword: [UInt8], rules: [Int])]] = Array(repeating: [], count: 256)
    /// Rules without keywords always run.
    private var unconditional: [Int] = []

    mutating func add(_ keywords: [String], rule: Int) {
        if keywords.isEmpty {
            unconditional.append(rule)
            return
        }
        for keyword in keywords {
            let bytes = Array(keyword.lowercased().utf8)
            guard let first = bytes.first else { continue }
            if let existing = table[Int(first)].firstIndex(where: { $0.keyword == bytes }) {
                table[Int(first)][existing].rules.append(rule)
            } else {
                table[Int(first)].append((bytes, [rule]))
            }
        }
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Rules whose keyword occurs in `bytes[range]`; `seen` is scratch space sized to the rule count.
    func rules(
        in bytes: [UInt8], range: Range<Int>, lineRulesOnly compiled: [RuleEngine.Compiled], seen: inout [Bool],
        multiline: Bool = false
    ) -> [Int] {
        var found: [Int] = []
        for rule in unconditional where compiled[rule].rule.multiline == multiline && !seen[rule] {
            seen[rule] = true
            found.append(rule)
        }
        bytes.withUnsafeBufferPointer { buffer in
            var offset = range.lowerBound
            while offset < range.upperBound {
                let entries = table[Int(Self.lower(buffer[offset]))]
                if !entries.isEmpty {
                    for entry in entries where offset + entry.keyword.count <= range.upperBound {
                        var equal = true
                        for step in 1..<entry.keyword.count where Self.lower(buffer[offset + step]) != entry.keyword[step] {
                            equal = false
                            break
                        }
                        guard equal else { continue }
                        for rule in entry.rules where !seen[rule] && compiled[rule].rule.multiline == multiline {
                            seen[rule] = true
                            found.append(rule)
                        }
                    }
                }
                offset += 1
            }
        }
        for rule in found { seen[rule] = false }
        return found
    }
}

/// Inline suppressions: `reviewbot:ignore` or `reviewbot:ignore rule.a,rule.b` in a comment on the
/// flagged line, or alone on the line above.
enum Suppression {
    static let marker = Array("reviewbot:ignore".utf8)

    static func covers(ruleId: String, line: Int, in file: SourceFile) -> Bool {
        if let ids = directive(onLine: line, in: file, standaloneOnly: false), ids.isEmpty || ids.contains(ruleId) {
            return true
        }
        if line > 1, let ids = directive(onLine: line - 1, in: file, standaloneOnly: true),
            ids.isEmpty || ids.contains(ruleId)
        {
            return true
        }
        return false
    }

    /// The rule ids a directive on `line` names (empty: all rules), or nil when there is none.
    private static func directive(onLine line: Int, in file: SourceFile, standaloneOnly: Bool) -> [String]? {
        let range = file.lineRange(line)
        guard range.count >= marker.count else { return nil }
        var found: Int?
        var offset = range.lowerBound
        while offset + marker.count <= range.upperBound {
            if file.raw[offset] == marker[0], Array(file.raw[offset..<(offset + marker.count)]) == marker,
                file.code[offset] == 0x20
            {
                found = offset
                break
            }
            offset += 1
        }
        guard let found else { return nil }
        if standaloneOnly {
            let codeBefore = file.code[range.lowerBound..<found]
            if codeBefore.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return nil }
        }
        let rest = String(decoding: file.raw[(found + marker.count)..<range.upperBound], as: UTF8.self)
        guard rest.first == " " || rest.first == "\t" else { return [] }
        let token = rest.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace }
        let ids = token.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains(".") }
        return ids
    }
}
