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

/// A rule's regular expression, compiled the first time a line needs it.
///
/// Compiling every pattern of every rule costs more than a whole pre-commit review of a small change,
/// and most patterns never run (their keywords are absent, or their language is not in the change).
/// A pattern that is not one of the built-in rules' (`builtin` false) is compiled at once, so that a
/// broken pattern is still a configuration error; the built-in ones are compiled at once in debug
/// builds, where the rule tests run, and known to compile in release builds.
///
/// `@unchecked Sendable`: the compiled expression and the literal are set once, under the lock.
final class LazyRegex: @unchecked Sendable {
    let pattern: String
    /// Whether the pattern is a built-in rule's: those are kept linear on lines of any length (and tested so), so
    /// on short lines they run without the progress callback of a budgeted search, which costs a call per position.
    let builtin: Bool
    private let lock = NSLock()
    private var compiled: NSRegularExpression?
    /// What every match contains (see ``requiredLiteral(of:)`` and ``requiredLiterals(of:)``); nil until first asked for.
    private var required: (literal: [UInt8]?, oneOf: [[UInt8]]?)?

    init(_ pattern: String, builtin: Bool) throws {
        self.pattern = pattern
        self.builtin = builtin
        #if DEBUG
            let eager = true
        #else
            let eager = !builtin
        #endif
        if eager { compiled = try Self.compile(pattern) }
    }

    /// Expressions compiled so far in this process, by pattern: rules repeat patterns (a statement pattern in
    /// both `patterns` and `excludes`, the same element test in several rules), and a fix loop builds its
    /// engines again. The lock is not held while compiling, so agents still compile in parallel.
    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: NSRegularExpression] = [:]

    private static func compile(_ pattern: String) throws -> NSRegularExpression {
        cacheLock.lock()
        let cached = cache[pattern]
        cacheLock.unlock()
        if let cached { return cached }
        let regex = try NSRegularExpression(pattern: pattern, options: [])
        cacheLock.lock()
        cache[pattern] = regex
        cacheLock.unlock()
        return regex
    }

    var regex: NSRegularExpression {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        do {
            let regex = try Self.compile(pattern)
            compiled = regex
            return regex
        } catch {
            preconditionFailure("a built-in rule pattern does not compile: \(pattern): \(error)")
        }
    }

    func firstMatch(in string: String) -> NSTextCheckingResult? {
        regex.firstMatch(in: string, options: [], range: NSRange(string.startIndex..., in: string))
    }

    func matches(_ string: String) -> Bool { firstMatch(in: string) != nil }

    /// Strings a built-in pattern searches without the progress callback (UTF-8 bytes): one ordinary line.
    static let unguardedLength = 512

    /// The first match in `string` found within `budget`; nil when there is none or the budget ran out
    /// (`budget.exhausted` then says so, and `budget.stoppedRule` names `rule`).
    func firstMatch(in string: String, budget: RuleBudget, rule: String) -> NSTextCheckingResult? {
        guard !budget.exhausted else { return nil }
        if builtin && string.utf8.count <= Self.unguardedLength { return firstMatch(in: string) }
        let match = regex.firstMatch(in: string, budget: budget)
        if budget.exhausted && budget.stoppedRule == nil { budget.stoppedRule = rule }
        return match
    }

    func matches(_ string: String, budget: RuleBudget, rule: String) -> Bool {
        firstMatch(in: string, budget: budget, rule: rule) != nil
    }

    /// Every match in `string` found within `budget`.
    func allMatches(in string: String, budget: RuleBudget, rule: String) -> [NSTextCheckingResult] {
        guard !budget.exhausted else { return [] }
        let found = regex.matches(in: string, budget: budget)
        if budget.exhausted && budget.stoppedRule == nil { budget.stoppedRule = rule }
        return found
    }

    /// Whether the pattern cannot match anywhere in `bytes` because its required literal is absent, or none of
    /// the literals one of which it requires is there.
    func cannotMatch(in bytes: [UInt8]) -> Bool {
        lock.lock()
        let required = self.required ?? (Self.requiredLiteral(of: pattern), Self.requiredLiterals(of: pattern))
        self.required = required
        lock.unlock()
        if let literal = required.literal, !Self.contains(bytes, literal) { return true }
        if let oneOf = required.oneOf, !oneOf.contains(where: { Self.contains(bytes, $0) }) { return true }
        return false
    }

    /// Byte strings one of which every match of `pattern` contains, when the pattern has a group at its top level
    /// that is not quantified and each of whose alternatives requires a literal: `(?<![\w.])(?:open|os\.remove|
    /// shutil\.copy\w*)\(` needs `open`, `os.remove` or `shutil.copy`. Nil when there is no such group.
    static func requiredLiterals(of pattern: String) -> [[UInt8]]? {
        let characters = Array(pattern.utf8)
        var groups: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            switch characters[index] {
            case 0x5C:  // backslash
                index += 2
            case 0x5B:  // [
                guard let end = endOfClass(in: characters, at: index) else { return nil }
                index = end
            case 0x7C:  // | at the top level: no group is required
                return nil
            case 0x28:  // (
                guard opensPlainGroup(characters, at: index), let end = endOfGroup(in: characters, at: index) else {
                    return nil
                }
                // a plain `(` or `(?:` group without a quantifier after it
                let plain =
                    index + 1 < characters.count && (characters[index + 1] != 0x3F || characters[index + 2] == 0x3A)
                let quantified = end < characters.count && [0x2A, 0x2B, 0x3F, 0x7B].contains(characters[end])
                if plain && !quantified { groups.append(index..<end) }
                index = end
            default:
                index += 1
            }
        }
        return groups.lazy.compactMap { alternativeLiterals(characters, group: $0) }.first
    }

    /// One required literal per alternative of the group that spans `group` (from its `(` to after its `)`).
    private static func alternativeLiterals(_ characters: [UInt8], group: Range<Int>) -> [[UInt8]]? {
        let start = group.lowerBound + (characters[group.lowerBound + 1] == 0x3F ? 3 : 1)
        var alternatives: [[UInt8]] = []
        var depth = 0
        var from = start
        var index = start
        let end = group.upperBound - 1
        while index <= end {
            let byte = characters[index]
            if byte == 0x5C {
                index += 2
                continue
            }
            if byte == 0x5B {
                guard let after = endOfClass(in: characters, at: index) else { return nil }
                index = after
                continue
            }
            if byte == 0x28 { depth += 1 }
            if byte == 0x29 && index < end { depth -= 1 }
            if (byte == 0x7C && depth == 0) || index == end {
                let text = String(decoding: characters[from..<index], as: UTF8.self)
                guard let literal = requiredLiteral(of: text) else { return nil }
                alternatives.append(literal)
                from = index + 1
            }
            index += 1
        }
        return alternatives.count > 1 ? alternatives : nil
    }

    /// Where the group that opens at `start` (`(`) ends (the index after its `)`); nil when it does not end.
    private static func endOfGroup(in characters: [UInt8], at start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < characters.count {
            switch characters[index] {
            case 0x5C: index += 2
            case 0x5B:
                guard let end = endOfClass(in: characters, at: index) else { return nil }
                index = end
            case 0x28:
                depth += 1
                index += 1
            case 0x29:
                depth -= 1
                index += 1
                if depth == 0 { return index }
            default: index += 1
            }
        }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { needle in
                ByteSearch.occurs(needle, in: hay, range: 0..<hay.count, foldingCase: false)
            }
        }
    }

    /// The longest run of literal characters that every match of `pattern` must contain, found
    /// conservatively: only characters at the top level of the pattern (outside groups, classes and
    /// alternations) count, and only ASCII letters, digits, `_` and escaped punctuation without a
    /// quantifier after them. Nil when there is no such run, or when the pattern has a top-level `|`,
    /// inline options (`(?i)`), or anything this reading does not understand.
    static func requiredLiteral(of pattern: String) -> [UInt8]? {
        let characters = Array(pattern.utf8)
        var best: [UInt8] = []
        var run: [UInt8] = []
        var index = 0
        var depth = 0
        func endRun() {
            if run.count > best.count { best = run }
            run.removeAll()
        }
        func isWord(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F
        }
        func quantified(after position: Int) -> Bool {
            guard position < characters.count else { return false }
            let next = characters[position]
            return next == 0x2A || next == 0x2B || next == 0x3F || next == 0x7B  // * + ? {
        }
        while index < characters.count {
            let byte = characters[index]
            switch byte {
            case 0x5C:  // backslash
                guard index + 1 < characters.count else { return nil }
                let escaped = characters[index + 1]
                // \Q…\E, \p{…}, \x…, \u…, \N{…}, \k<…>, \c…, octal: their arguments are not literals.
                if Array("QEpPxuUNkc0".utf8).contains(escaped) { return nil }
                if depth == 0 && escaped < 0x80 && !isWord(escaped) && escaped > 0x20 && !quantified(after: index + 2) {
                    run.append(escaped)
                } else {
                    endRun()
                }
                index += 2
            case 0x5B:  // [ … ]: a class, never part of a run
                endRun()
                guard let end = endOfClass(in: characters, at: index) else { return nil }
                index = end
            case 0x28:  // (
                endRun()
                guard opensPlainGroup(characters, at: index) else { return nil }
                depth += 1
                index += 1
            case 0x29:  // )
                endRun()
                depth -= 1
                guard depth >= 0 else { return nil }
                index += 1
            case 0x7C:  // |
                if depth == 0 { return nil }
                endRun()
                index += 1
            case 0x7B:  // { of a quantifier {n}, {n,}, {n,m}: skipped whole
                endRun()
                guard let end = endOfQuantifier(in: characters, at: index) else { return nil }
                index = end
            default:
                if depth == 0 && isWord(byte) && !quantified(after: index + 1) {
                    run.append(byte)
                } else {
                    endRun()
                }
                index += 1
            }
        }
        guard depth == 0 else { return nil }
        endRun()
        return best.isEmpty ? nil : best
    }

    /// Where the character class that opens at `start` (`[`) ends (the index after its `]`); nil when it
    /// does not end, or holds a nested set or a `[:class:]`.
    private static func endOfClass(in characters: [UInt8], at start: Int) -> Int? {
        var end = start + 1
        if end < characters.count && characters[end] == 0x5E { end += 1 }
        if end < characters.count && characters[end] == 0x5D { end += 1 }
        while end < characters.count && characters[end] != 0x5D {
            if characters[end] == 0x5B { return nil }  // nested sets, [:classes:]
            end += characters[end] == 0x5C ? 2 : 1
        }
        guard end < characters.count else { return nil }
        return end + 1
    }

    /// Whether the group that opens at `start` (`(`) matches as its contents do: a plain, non-capturing or
    /// named group or a lookaround, not one with inline options, which change matching.
    private static func opensPlainGroup(_ characters: [UInt8], at start: Int) -> Bool {
        guard start + 1 < characters.count && characters[start + 1] == 0x3F else { return true }
        let rest = Array(characters[(start + 2)...].prefix(2))
        // (?: (?= (?! (?<= (?<! (?<name>
        let named = rest.count == 2 && rest[0] == 0x3C && ((rest[1] | 0x20) >= 0x61 && (rest[1] | 0x20) <= 0x7A)
        return rest.first == 0x3A || rest.first == 0x3D || rest.first == 0x21 || rest == [0x3C, 0x3D]
            || rest == [0x3C, 0x21] || named
    }

    /// Where the quantifier `{n}`, `{n,}` or `{n,m}` that opens at `start` ends (the index after its `}`); nil
    /// when the brace does not open one.
    private static func endOfQuantifier(in characters: [UInt8], at start: Int) -> Int? {
        var end = start + 1
        while end < characters.count
            && ((characters[end] >= 0x30 && characters[end] <= 0x39) || characters[end] == 0x2C)
        {
            end += 1
        }
        guard end < characters.count, characters[end] == 0x7D, end > start + 1 else { return nil }
        return end + 1
    }
}

/// Searches for a byte string in a buffer, for the few places that look for a literal or a keyword
/// without a regular expression.
enum ByteSearch {
    /// Whether `needle` (not empty) occurs in `hay[range]`; with `foldingCase`, each byte of `hay` is
    /// compared with bit 0x20 set, so that a lowercase `needle` also finds its uppercase form.
    @inline(__always)
    static func occurs(
        _ needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, range: Range<Int>, foldingCase: Bool
    ) -> Bool {
        let fold: UInt8 = foldingCase ? 0x20 : 0
        let first = needle[0]
        var offset = range.lowerBound
        while offset + needle.count <= range.upperBound {
            if hay[offset] | fold == first {
                var step = 1
                while step < needle.count && hay[offset + step] | fold == needle[step] { step += 1 }
                if step == needle.count { return true }
            }
            offset += 1
        }
        return false
    }
}

/// The path globs of a rule (`excludedPaths`), compiled on first use and shared by every engine that
/// has the same list, with the answer for each path remembered: many rules share one list, and every
/// agent asks about the same files.
final class PathGlobs: @unchecked Sendable {
    private let globs: [String]
    private let lock = NSLock()
    private var set: GlobSet?
    private var answers: [String: Bool] = [:]

    private init(_ globs: [String]) {
        self.globs = globs
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [[String]: PathGlobs] = [:]

    /// The one instance for this list of globs.
    static func shared(_ globs: [String]) -> PathGlobs {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let existing = registry[globs] { return existing }
        let created = PathGlobs(globs)
        registry[globs] = created
        return created
    }

    func matches(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let known = answers[path] { return known }
        let set = self.set ?? GlobSet(globs)
        self.set = set
        let answer = set.matches(path)
        answers[path] = answer
        return answer
    }
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
        let fix: LazyRegex?
        let excludedPaths: PathGlobs?
        let requiresInFile: [CompiledPattern]
        let parents: [CompiledPattern]
        let targets: [CompiledPattern]
        /// Whether the rule has the `large-function` condition.
        var largeFunction: Bool { rule.conditions.contains(.largeFunction) }
    }

    struct CompiledPattern: Sendable {
        let view: Rule.View
        let regex: LazyRegex
        let languages: Set<Language>
        let binding: LazyRegex?
        let unbinding: LazyRegex?

        init(_ pattern: Rule.Pattern, builtin: Bool) throws {
            view = pattern.view
            regex = try LazyRegex(pattern.regex, builtin: builtin)
            languages = pattern.languages
            binding = try pattern.binding.map { try LazyRegex($0, builtin: builtin) }
            unbinding = try pattern.unbinding.map { try LazyRegex($0, builtin: builtin) }
        }

        func applies(to language: Language) -> Bool { languages.isEmpty || languages.contains(language) }
    }

    /// The rules of each language with their keyword indexes, built the first time a file of that
    /// language is reviewed (a change rarely has more than a few of the languages).
    ///
    /// `@unchecked Sendable`: the table is only read and written under its lock.
    final class LanguageTable: @unchecked Sendable {
        private let rules: [Rule]
        private let lock = NSLock()
        private var built: [Language: LanguageRules] = [:]

        init(rules: [Rule]) {
            self.rules = rules
        }

        func rules(for language: Language) -> LanguageRules {
            lock.lock()
            defer { lock.unlock() }
            if let entry = built[language] { return entry }
            var entry = LanguageRules()
            var lineKeywords: [(keywords: [String], rule: Int)] = []
            var multilineKeywords: [(keywords: [String], rule: Int)] = []
            for (offset, rule) in rules.enumerated() where rule.applies(to: language) {
                if rule.multiline {
                    entry.multilineRules.append(offset)
                    multilineKeywords.append((rule.keywords, offset))
                } else {
                    entry.lineRules.append(offset)
                    lineKeywords.append((rule.keywords, offset))
                }
            }
            entry.lineIndex = KeywordIndex(lineKeywords)
            entry.multilineIndex = KeywordIndex(multilineKeywords)
            built[language] = entry
            return entry
        }
    }

    struct LanguageRules: Sendable {
        var lineRules: [Int] = []
        var multilineRules: [Int] = []
        /// The keywords of the line rules, looked for in each added line.
        var lineIndex = KeywordIndex([])
        /// The keywords of the multi-line rules, looked for in the whole file.
        var multilineIndex = KeywordIndex([])
    }

    public let rules: [Rule]
    private let compiled: [Compiled]
    private let byLanguage: LanguageTable
    // A constant pattern, covered by every test run. reviewbot:ignore quality.force-try
    private static let stringBuilding = try! SharedRegex(
        #"["'`]\s*(\+|%)\s*(?!\(\s*\))[\w$(\[]|[\w)\]]\s*\+\s*["'`]|["'`]\s*\.\s*format\s*\((?!\s*\))|["']\s*\.\s*\$|\$\w+\s*\.\s*["']|\b(sprintf|Sprintf|String\.format|format)\s*\(\s*["'][^"']*["']\s*,"#
    )

    /// Compiles the rules; a rule with a broken pattern is a configuration error naming the rule.
    public init(rules: [Rule]) throws(ConfigError) {
        self.rules = rules
        var compiled: [Compiled] = []
        for rule in rules {
            let builtin = Self.isBuiltin(rule)
            func patterns(_ patterns: [Rule.Pattern]) throws -> [CompiledPattern] {
                try patterns.map { try CompiledPattern($0, builtin: builtin) }
            }
            do {
                compiled.append(
                    Compiled(
                        rule: rule,
                        patterns: try patterns(rule.patterns),
                        requires: try patterns(rule.requires),
                        excludes: try patterns(rule.excludes),
                        fix: try rule.fix.map { try LazyRegex($0.find, builtin: builtin) },
                        excludedPaths: rule.excludedPaths.isEmpty ? nil : PathGlobs.shared(rule.excludedPaths),
                        requiresInFile: try patterns(rule.requiresInFile),
                        parents: try patterns(rule.parents), targets: try patterns(rule.targets)))
            } catch {
                throw ConfigError("rule \(rule.id) has an invalid pattern: \(error.localizedDescription)")
            }
        }
        self.compiled = compiled
        self.byLanguage = LanguageTable(rules: rules)
    }

    /// The built-in rules by id.
    private static let builtinRules: [String: Rule] = Dictionary(
        RuleCatalog.builtin.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// Whether the rule's patterns are those of the built-in rule with its id (its severity may differ).
    private static func isBuiltin(_ rule: Rule) -> Bool {
        guard let builtin = builtinRules[rule.id] else { return false }
        return builtin.patterns == rule.patterns && builtin.requires == rule.requires
            && builtin.excludes == rule.excludes && builtin.requiresInFile == rule.requiresInFile
            && builtin.parents == rule.parents && builtin.targets == rule.targets
            && builtin.fix?.find == rule.fix?.find
    }

    /// Every finding of the rules on the added lines of `file`, reported for `agent`, without a time limit.
    public func findings(in file: SourceFile, agent: String) -> [Finding] {
        review(file, agent: agent, deadline: .never).findings
    }

    /// What the rules find on the added lines of `file` by `deadline`, and, when time ran out first, how far
    /// they got. Findings are kept from the lines and rules that finished; a rule stopped midway reports
    /// nothing (an exclusion it could not finish must not turn into a false finding).
    public func review(
        _ file: SourceFile, agent: String, deadline: Deadline, cause: PartialReview.Cause = .fileBudget
    ) -> (findings: [Finding], partial: PartialReview?) {
        guard !file.addedLines.isEmpty else { return ([], nil) }
        let budget = RuleBudget(deadline: deadline)
        func partial(line: Int?, started: Bool = true) -> PartialReview {
            PartialReview(
                path: file.path, agent: agent, cause: cause, ruleId: budget.stoppedRule, line: line, started: started)
        }
        if budget.expired() { return ([], partial(line: nil, started: false)) }
        let timer = RuleTimer.enabled ? RuleTimer() : nil
        defer { timer?.report(path: file.path, agent: agent, rules: compiled.map(\.rule.id)) }
        let language = byLanguage.rules(for: file.language)
        var results: [Finding] = []
        let texts = FileTexts(file: file, budget: budget)
        if !language.lineRules.isEmpty,
            let stop = runLineRules(language, file: file, texts: texts, agent: agent, timer: timer, into: &results)
        {
            return (assignFingerprints(results, file: file), partial(line: stop.line))
        }
        if !language.multilineRules.isEmpty,
            let stop = runMultilineRules(language, file: file, texts: texts, agent: agent, timer: timer, into: &results)
        {
            return (assignFingerprints(results, file: file), partial(line: stop.line))
        }
        return (assignFingerprints(results, file: file), nil)
    }

    /// Where a pass over the rules stopped when the file's budget ran out: the last line it finished, or nil between
    /// whole-file rules.
    private struct Stop {
        let line: Int?
    }

    /// The line rules on each added line, in order; a ``Stop`` when the budget ran out first.
    private func runLineRules(
        _ language: LanguageRules, file: SourceFile, texts: FileTexts, agent: String, timer: RuleTimer?,
        into results: inout [Finding]
    ) -> Stop? {
        let budget = texts.budget
        var seen = [Bool](repeating: false, count: compiled.count)
        var candidates: [Int] = []
        // Whether a rule may run on this file at all (its path is not excluded, the file meets its
        // file-level requirements), decided the first time one of its keywords occurs.
        var fileGate = [Bool?](repeating: nil, count: compiled.count)
        for line in file.addedLines where line >= 1 && line <= file.lineCount {
            if budget.expired() { return Stop(line: max(1, line - 1)) }
            let range = file.lineRange(line)
            language.lineIndex.rules(in: file.raw, range: range, seen: &seen, into: &candidates)
            guard !candidates.isEmpty else { continue }
            var views = LineViews(file: file, line: line)
            candidates.sort()
            for ruleIndex in candidates {
                if fileGate[ruleIndex] == nil {
                    let excluded = compiled[ruleIndex].excludedPaths?.matches(file.path) ?? false
                    fileGate[ruleIndex] = !excluded && passesFileRequirements(compiled[ruleIndex], file, texts: texts)
                }
                guard fileGate[ruleIndex] == true else { continue }
                let started = timer?.now()
                if let finding = match(
                    compiled[ruleIndex], file: file, line: line, views: &views, texts: texts, agent: agent)
                {
                    results.append(finding)
                }
                timer?.add(ruleIndex, since: started)
                if budget.exhausted {
                    if budget.stoppedRule == nil { budget.stoppedRule = compiled[ruleIndex].rule.id }
                    return Stop(line: line)
                }
            }
        }
        return nil
    }

    /// The multi-line rules whose keywords the file holds, each over the whole file; a ``Stop`` when the budget ran
    /// out first.
    private func runMultilineRules(
        _ language: LanguageRules, file: SourceFile, texts: FileTexts, agent: String, timer: RuleTimer?,
        into results: inout [Finding]
    ) -> Stop? {
        let budget = texts.budget
        var seen = [Bool](repeating: false, count: compiled.count)
        var present: [Int] = []
        language.multilineIndex.rules(in: file.raw, range: 0..<file.raw.count, seen: &seen, into: &present)
        present.sort()
        for ruleIndex in present {
            if budget.expired() { return Stop(line: nil) }
            let started = timer?.now()
            let found =
                passesFileRequirements(compiled[ruleIndex], file, texts: texts)
                ? multilineMatches(compiled[ruleIndex], file: file, texts: texts, agent: agent) : []
            timer?.add(ruleIndex, since: started)
            if budget.exhausted {
                if budget.stoppedRule == nil { budget.stoppedRule = compiled[ruleIndex].rule.id }
                return Stop(line: nil)
            }
            results += found
        }
        return nil
    }

    /// Whether the whole file matches the rule's file-level requirements (an import, for example).
    private func passesFileRequirements(_ compiled: Compiled, _ file: SourceFile, texts: FileTexts) -> Bool {
        for required in compiled.requiresInFile where required.applies(to: file.language) {
            guard !required.regex.cannotMatch(in: Self.bytes(of: required.view, in: file)),
                required.regex.matches(texts.get(required.view), budget: texts.budget, rule: compiled.rule.id)
            else { return false }
        }
        return true
    }

    /// The three views of one line, decoded only when a rule asks for them.
    struct LineViews {
        let file: SourceFile
        let line: Int
        private var raw: String?
        private var text: String?
        private var code: String?

        init(file: SourceFile, line: Int) {
            self.file = file
            self.line = line
        }

        mutating func get(_ view: Rule.View) -> String {
            switch view {
            case .raw:
                if let raw { return raw }
                let value = file.rawLine(line)
                raw = value
                return value
            case .text:
                if let text { return text }
                let value = file.textLine(line)
                text = value
                return value
            case .code:
                if let code { return code }
                let value = file.codeLine(line)
                code = value
                return value
            }
        }
    }

    /// The three views of a whole file as strings, each decoded at most once per file, and the file's
    /// elements by id for rules that follow id references.
    final class FileTexts {
        let file: SourceFile
        /// The time left to the rules on this file.
        let budget: RuleBudget
        private var views: [Rule.View: String] = [:]
        private var markup: MarkupReferences?

        init(file: SourceFile, budget: RuleBudget = RuleBudget(deadline: .never)) {
            self.file = file
            self.budget = budget
        }

        private var scannedBlocks: BlockScanner.Result?

        /// The data flow of sink arguments in this file (what its lines assign, read once).
        private(set) lazy var arguments = ArgumentAnalysis(file: file)

        var blocks: BlockScanner.Result {
            if let scannedBlocks { return scannedBlocks }
            let scanned = BlockScanner(language: file.language).scan(code: file.code, lineStarts: file.lineStarts)
            scannedBlocks = scanned
            return scanned
        }

        /// Whether line `line` (1-based) runs inside a block of every kind in `flags`.
        func isInside(_ flags: BlockScanner.Flags, line: Int) -> Bool {
            let lines = blocks.lines
            return line >= 1 && line <= lines.count && lines[line - 1].isSuperset(of: flags)
        }

        private var largeFunctionLines: Set<Int>?

        /// Where long or deeply nested functions that the change mostly added are reported (1-based lines):
        /// at the function's first line, or at its first added line when the first line is old.
        var largeFunctionReports: Set<Int> {
            if let largeFunctionLines { return largeFunctionLines }
            var reports = Set<Int>()
            let added = file.addedLines
            for span in blocks.functions
            where span.last - span.first + 1 > RuleEngine.longFunctionLines || span.depth > RuleEngine.deepNesting {
                let range = (span.first + 1)...(span.last + 1)
                let lines = range.filter { number in
                    !file.lineRange(number).allSatisfy { file.code[$0] == 0x20 || file.code[$0] == 0x09 }
                }
                guard lines.count > RuleEngine.longFunctionLines || span.depth > RuleEngine.deepNesting else {
                    continue
                }
                // addedLines is sorted: binary search for the first added line of the function
                var low = 0
                var high = added.count
                while low < high {
                    let mid = (low + high) / 2
                    if added[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
                }
                var count = 0
                var index = low
                while index < added.count && added[index] <= range.upperBound {
                    count += 1
                    index += 1
                }
                guard count * 2 >= lines.count, low < added.count, added[low] <= range.upperBound else { continue }
                reports.insert(added[low])
            }
            largeFunctionLines = reports
            return reports
        }

        var references: MarkupReferences {
            if let markup { return markup }
            let built = MarkupReferences(path: file.path, text: get(.text))
            markup = built
            return built
        }

        func get(_ view: Rule.View) -> String {
            if let decoded = views[view] { return decoded }
            let decoded = String(decoding: RuleEngine.bytes(of: view, in: file), as: UTF8.self)
            views[view] = decoded
            return decoded
        }
    }

    private func match(
        _ compiled: Compiled, file: SourceFile, line: Int, views: inout LineViews, texts: FileTexts, agent: String
    ) -> Finding? {
        let rule = compiled.rule
        let language = file.language
        // a lookup in the file's functions is cheaper than any pattern: it goes first
        if compiled.largeFunction && !texts.largeFunctionReports.contains(line) { return nil }
        var found: (match: NSTextCheckingResult, text: String)?
        let budget = texts.budget
        for pattern in compiled.patterns where pattern.applies(to: language) {
            let text = views.get(pattern.view)
            guard let match = pattern.regex.firstMatch(in: text, budget: budget, rule: rule.id) else { continue }
            if let minimum = rule.minEntropy {
                guard match.numberOfRanges > 1, let group = Range(match.range(at: 1), in: text),
                    Self.entropy(of: text[group]) >= minimum
                else { continue }
            }
            found = (match, text)
            break
        }
        guard let (match, matchedText) = found else { return nil }
        let column = match.range.location + 1
        var matchEnd = 0
        if let range = Range(match.range, in: matchedText) {
            matchEnd = matchedText.utf8.distance(from: matchedText.startIndex, to: range.upperBound)
        }
        for required in compiled.requires where required.applies(to: language) {
            guard required.regex.matches(views.get(required.view), budget: budget, rule: rule.id) else { return nil }
        }
        for exclude in compiled.excludes
        where exclude.applies(to: language)
            && exclude.regex.matches(views.get(exclude.view), budget: budget, rule: rule.id)
        {
            return nil
        }
        guard !budget.exhausted else { return nil }
        for condition in rule.conditions {
            switch condition {
            case .insideLoop:
                guard file.isInLoop(line) else { return nil }
            case .insideFunction, .insideCatch, .insideRequestHandler:
                guard texts.isInside(Self.blockFlags(of: condition), line: line) else { return nil }
            case .largeFunction:
                guard texts.largeFunctionReports.contains(line) else { return nil }
            case .buildsString:
                guard file.hasInterpolation(line) || Self.stringBuilding.matches(views.get(.code)),
                    !texts.arguments.splicesOnlySafeValues(line: line)
                else { return nil }
            case .notLabelled, .notNamedByReference, .missingReference, .hiddenReference, .lowContrast, .rendered:
                break
            case .dynamicArgument:
                let range = file.lineRange(line)
                let endsAtCall =
                    matchEnd > 0 && range.lowerBound + matchEnd <= range.upperBound
                    && file.code[range.lowerBound + matchEnd - 1] == 0x28
                guard
                    !endsAtCall || texts.arguments.firstArgumentIsDynamic(line: line, afterByte: matchEnd)
                else { return nil }
            }
        }
        if !rule.conditions.isEmpty {
            let elementOffset =
                file.lineRange(line).lowerBound
                + (Range(match.range, in: matchedText).map {
                    matchedText[matchedText.startIndex..<$0.lowerBound].utf8.count
                } ?? 0)
            guard
                Self.referenceConditionsHold(
                    rule.conditions, match: match, in: matchedText, elementOffset: elementOffset, texts: texts)
            else { return nil }
        }
        return makeFinding(compiled, file: file, line: line, endLine: line, column: column, agent: agent)
    }

    /// Whether the conditions that follow id references hold for a match: aria-labelledby names nothing,
    /// the ids of the match's `ids` group (else its first group) are missing, or point at silent elements.
    private static func referenceConditionsHold(
        _ conditions: [Rule.Condition], match: NSTextCheckingResult, in text: String, elementOffset: Int,
        texts: FileTexts
    ) -> Bool {
        for condition in conditions {
            switch condition {
            case .notNamedByReference:
                guard let range = Range(match.range, in: text) else { continue }
                if texts.references.namedByReference(element: String(text[range])) { return false }
            case .missingReference:
                let references = texts.references
                guard references.selfContained, let ids = referencedIds(match, in: text), !ids.isEmpty,
                    ids.allSatisfy({ references.element(id: $0) == nil })
                else { return false }
            case .hiddenReference:
                let references = texts.references
                guard let ids = referencedIds(match, in: text), ids.contains(where: references.isHiddenOrSilent)
                else { return false }
            case .rendered:
                guard let range = Range(match.range, in: text),
                    texts.references.isRendered(
                        elementAt: elementOffset, startTag: MarkupReferences.startTag(of: String(text[range])))
                else { return false }
            case .lowContrast:
                guard let range = Range(match.range, in: text),
                    ColorContrast.isLow(
                        startTag: MarkupReferences.startTag(of: String(text[range])),
                        ancestors: texts.references.ancestors(ofElementAt: elementOffset))
                else { return false }
            case .insideLoop, .buildsString, .dynamicArgument, .notLabelled, .insideFunction, .insideCatch,
                .insideRequestHandler, .largeFunction:
                continue
            }
        }
        return true
    }

    /// A function body longer than this many lines (blank lines not counted) is long.
    static let longFunctionLines = 80
    /// Blocks nested deeper than this inside a function body are deep.
    static let deepNesting = 4

    /// The kind of block a scope condition asks for (empty for other conditions).
    private static func blockFlags(of condition: Rule.Condition) -> BlockScanner.Flags {
        switch condition {
        case .insideFunction: .function
        case .insideCatch: .catch
        case .insideRequestHandler: .handler
        default: []
        }
    }

    /// Whether the element starting at byte `offset` sits where the rule allows: in a parent its `parents`
    /// patterns accept, or at the top of a file that is not self-contained (its parent is elsewhere).
    private static func hasAllowedParent(_ compiled: Compiled, elementAt offset: Int, texts: FileTexts) -> Bool {
        let references = texts.references
        switch references.parent(ofElementAt: offset) {
        case .unknown: return true
        case .none: return !references.selfContained
        case .element(let tag):
            let startTag = String(tag)
            return compiled.parents.contains { $0.applies(to: texts.file.language) && $0.regex.matches(startTag) }
        }
    }

    /// Whether every id of the match's `ids` group names an element its `targets` patterns accept; an id
    /// missing from a file that is not self-contained is trusted, and a computed value is accepted.
    private static func referencesAllowedTargets(
        _ compiled: Compiled, match: NSTextCheckingResult, in text: String, at offset: Int, texts: FileTexts
    ) -> Bool {
        guard let ids = referencedIds(match, in: text), !ids.isEmpty else { return true }
        let references = texts.references
        return ids.allSatisfy { id in
            guard let element = references.element(id: id, nearest: offset) else { return !references.selfContained }
            let startTag = String(element.startTag)
            return compiled.targets.contains { $0.applies(to: texts.file.language) && $0.regex.matches(startTag) }
        }
    }

    /// The ids listed in the match's `ids` group, or else its first group; nil when the value is computed.
    private static func referencedIds(_ match: NSTextCheckingResult, in text: String) -> [String]? {
        var group = match.range(withName: "ids")
        if group.location == NSNotFound && match.numberOfRanges > 1 { group = match.range(at: 1) }
        guard let range = Range(group, in: text) else { return nil }
        return MarkupReferences.ids(in: text[range])
    }

    fileprivate static func bytes(of view: Rule.View, in file: SourceFile) -> [UInt8] {
        switch view {
        case .raw: file.raw
        case .text: file.text
        case .code: file.code
        }
    }

    private func multilineMatches(
        _ compiled: Compiled, file: SourceFile, texts: FileTexts, agent: String
    ) -> [Finding] {
        if let excluded = compiled.excludedPaths, excluded.matches(file.path) { return [] }
        let added = Set(file.addedLines)
        var results: [Finding] = []
        var reportedLines = Set<Int>()
        for pattern in compiled.patterns where pattern.applies(to: file.language) {
            // A whole-file search that cannot succeed is skipped (and the view not decoded).
            if pattern.regex.cannotMatch(in: Self.bytes(of: pattern.view, in: file)) { continue }
            results += multilineMatches(
                compiled, pattern: pattern, file: file, texts: texts, added: added, agent: agent,
                reported: &reportedLines)
        }
        return results
    }

    private func multilineMatches(
        _ compiled: Compiled, pattern: CompiledPattern, file: SourceFile, texts: FileTexts, added: Set<Int>,
        agent: String, reported reportedLines: inout Set<Int>
    ) -> [Finding] {
        var results: [Finding] = []
        let text = texts.get(pattern.view)
        var matches: [NSTextCheckingResult] = []
        if let binding = pattern.binding {
            // the names the file binds, put into the pattern, which then runs once over the file
            guard
                let (bound, events) = Self.boundNames(
                    binding, pattern.unbinding, in: text, texts: texts, rule: compiled.rule.id)
            else { return [] }
            let concrete = pattern.regex.pattern.replacingOccurrences(of: Rule.Pattern.boundNames, with: bound)
            guard let regex = try? LazyRegex(concrete, builtin: pattern.regex.builtin) else { return [] }
            // a call counts when the closest binding of its name above it is a `binding` (not an `unbinding`)
            let nsText = text as NSString
            matches = regex.allMatches(in: text, budget: texts.budget, rule: compiled.rule.id).filter { match in
                var end = match.range.location
                while end < nsText.length, let scalar = Unicode.Scalar(nsText.character(at: end)),
                    scalar == "_" || CharacterSet.alphanumerics.contains(scalar)
                {
                    end += 1
                }
                let name = nsText.substring(
                    with: NSRange(location: match.range.location, length: end - match.range.location))
                return events[name]?.last(where: { $0.offset < match.range.location })?.bound == true
            }
        } else if let window = compiled.rule.maxLines {
            // each stretch is searched as a string of its own (a range of the whole text would make the
            // regular expression library convert the whole text each time), its matches moved back in place
            for range in Self.windows(of: compiled.rule, lines: window, in: file, text: text) {
                guard let stretch = Range(range, in: text) else { continue }
                let part = String(text[stretch])
                matches += pattern.regex.allMatches(in: part, budget: texts.budget, rule: compiled.rule.id).map {
                    $0.adjustingRanges(offset: range.location)
                }
            }
        } else {
            matches = pattern.regex.allMatches(in: text, budget: texts.budget, rule: compiled.rule.id)
        }
        if pattern.binding == nil, pattern.regex.pattern.contains(PythonRules.mentionsVariable) {
            matches += Self.laterSinks(of: matches, regex: pattern.regex.regex, in: text, budget: texts.budget)
        }
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            let matched = String(text[range])
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            let end = start + matched.utf8.count
            let excluded = compiled.excludes.contains { exclude in
                guard exclude.applies(to: file.language) else { return false }
                let same = String(decoding: Self.bytes(of: exclude.view, in: file)[start..<end], as: UTF8.self)
                return exclude.regex.matches(same, budget: texts.budget, rule: compiled.rule.id)
            }
            if excluded { continue }
            if texts.budget.exhausted { break }
            let startLine = file.line(atOffset: start)
            let endLine = file.line(atOffset: max(start, end - 1))
            guard var reported = (startLine...endLine).first(where: { added.contains($0) }) else { continue }
            let conditions = compiled.rule.conditions
            if conditions.contains(.notLabelled)
                && Self.isLabelled(element: matched, before: range.lowerBound, in: text)
            {
                continue
            }
            if conditions.contains(.insideLoop) && !file.isInLoop(startLine) { continue }
            if conditions.contains(where: {
                !Self.blockFlags(of: $0).isEmpty && !texts.isInside(Self.blockFlags(of: $0), line: startLine)
            }) {
                continue
            }
            guard
                Self.referenceConditionsHold(conditions, match: match, in: text, elementOffset: start, texts: texts)
            else { continue }
            if !compiled.parents.isEmpty && Self.hasAllowedParent(compiled, elementAt: start, texts: texts) { continue }
            if !compiled.targets.isEmpty
                && Self.referencesAllowedTargets(compiled, match: match, in: text, at: start, texts: texts)
            {
                continue
            }
            var column = reported == startLine ? start - file.lineStarts[startLine - 1] + 1 : 1
            // A pattern's `at` group says where the problem is (the dead line after a return, say); the
            // finding goes there when the change added that line.
            if let at = Range(match.range(withName: "at"), in: text) {
                let offset = start + text[range.lowerBound..<at.lowerBound].utf8.count
                let line = file.line(atOffset: offset)
                if added.contains(line) {
                    reported = line
                    column = offset - file.lineStarts[line - 1] + 1
                }
            }
            guard reportedLines.insert(reported).inserted else { continue }
            if var finding = makeFinding(
                compiled, file: file, line: reported, endLine: endLine, column: column, agent: agent)
            {
                finding.line = reported
                results.append(finding)
            }
        }
        return results
    }

    /// The later sinks of sources followed forward: such a match stops at its first sink (the `at` group), so each
    /// one is searched again from its source, anchored, with the sinks found so far spoilt (at most 8 more).
    private static func laterSinks(
        of matches: [NSTextCheckingResult], regex: NSRegularExpression, in text: String, budget: RuleBudget
    ) -> [NSTextCheckingResult] {
        var masked: NSMutableString?
        var extra: [NSTextCheckingResult] = []
        for match in matches {
            var previous = match
            for _ in 0..<8 {
                let at = previous.range(withName: "at")
                guard at.location != NSNotFound, at.location > match.range.location, !budget.exhausted else { break }
                let copy = masked ?? NSMutableString(string: text)
                masked = copy
                // spoil the sink: its first character and the `(` of its call (`[\w.]+\.execute` starts anywhere)
                copy.replaceCharacters(in: NSRange(location: at.location, length: 1), with: "_")
                let paren = copy.range(of: "(", options: [], range: at)
                if paren.location != NSNotFound { copy.replaceCharacters(in: paren, with: "_") }
                guard
                    let next = regex.firstMatch(
                        in: copy as String, options: [.anchored],
                        range: NSRange(location: match.range.location, length: copy.length - match.range.location))
                else { break }
                // the same sink again (the spoiling missed it): stop
                guard next.range(withName: "at").location > at.location else { break }
                extra.append(next)
                previous = next
            }
        }
        return extra
    }

    /// The names `binding` binds in `text` (group 1) and `unbinding` does not bind again after, as an alternation
    /// of literals, and every binding (true) and unbinding (false) of each name by UTF-16 offset, in order; nil when there are none.
    private static func boundNames(
        _ binding: LazyRegex, _ unbinding: LazyRegex?, in text: String, texts: FileTexts, rule: String
    ) -> (String, [String: [(offset: Int, bound: Bool)]])? {
        let nsText = text as NSString
        var events: [String: [(offset: Int, bound: Bool)]] = [:]
        for (regex, bound) in [(binding, true)] + (unbinding.map { [($0, false)] } ?? []) {
            for match in regex.allMatches(in: text, budget: texts.budget, rule: rule) where match.numberOfRanges > 1 {
                let range = match.range(at: 1)
                guard range.location != NSNotFound else { continue }
                events[nsText.substring(with: range), default: []].append((match.range.location, bound))
            }
        }
        for name in events.keys { events[name]?.sort { $0.offset < $1.offset } }
        let names = events.filter { $0.value.contains(where: \.bound) }.keys.sorted().prefix(64)
        guard !names.isEmpty else { return nil }
        return ("(?:" + names.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")", events)
    }

    /// Where a rule with `maxLines` is searched: from each line near the change that holds one of its
    /// keywords, `lines` lines on; overlapping stretches are merged.
    static func windows(of rule: Rule, lines: Int, in file: SourceFile, text: String) -> [NSRange] {
        let keywords = rule.keywords.map { Array($0.utf8) }
        var spans: [(first: Int, last: Int)] = []
        var scannedUpTo = 0
        for addedLine in file.addedLines where addedLine >= 1 && addedLine <= file.lineCount {
            let from = max(1, addedLine - lines + 1, scannedUpTo + 1)
            guard from <= addedLine else { continue }
            scannedUpTo = addedLine
            for line in from...addedLine where keywords.isEmpty || Self.line(line, of: file, holdsAnyOf: keywords) {
                let last = min(file.lineCount, line + lines)
                if let previous = spans.last, line <= previous.last + 1 {
                    spans[spans.count - 1].last = max(previous.last, last)
                } else {
                    spans.append((line, last))
                }
            }
        }
        return spans.compactMap { span in
            let utf8 = text.utf8
            guard
                let start = utf8.index(
                    utf8.startIndex, offsetBy: file.lineStarts[span.first - 1], limitedBy: utf8.endIndex),
                let end = utf8.index(
                    utf8.startIndex, offsetBy: file.lineRange(span.last).upperBound, limitedBy: utf8.endIndex)
            else { return nil }
            return NSRange(start..<end, in: text)
        }
    }

    /// Whether line `line` holds one of the lowercase `keywords`, compared case-insensitively.
    private static func line(_ line: Int, of file: SourceFile, holdsAnyOf keywords: [[UInt8]]) -> Bool {
        let range = file.lineRange(line)
        return file.raw.withUnsafeBufferPointer { raw in
            keywords.contains { keyword in
                guard !keyword.isEmpty, range.count >= keyword.count else { return false }
                return keyword.withUnsafeBufferPointer {
                    ByteSearch.occurs($0, in: raw, range: range, foldingCase: true)
                }
            }
        }
    }

    private func makeFinding(
        _ compiled: Compiled, file: SourceFile, line: Int, endLine: Int, column: Int, agent: String
    ) -> Finding? {
        let rule = compiled.rule
        let rawLine = file.rawLine(line)
        var fix: FixSuggestion?
        if let ruleFix = rule.fix, let regex = compiled.fix {
            let replaced = regex.regex.stringByReplacingMatches(
                in: rawLine, options: [], range: NSRange(rawLine.startIndex..., in: rawLine),
                withTemplate: ruleFix.replace)
            if replaced != rawLine {
                fix = FixSuggestion(description: ruleFix.description, replacement: replaced, safe: ruleFix.safe)
            }
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
            finding.fingerprint = Fingerprint.make(
                ruleId: finding.ruleId, path: file.path, lineText: text, occurrence: occurrence)
            return finding
        }
    }

    /// An element's `id` attribute value; compiled once, not per labelled control.
    private static let elementId = try! SharedRegex(#"\bid\s*=\s*["'{]+([^"'}]+)"#)  // reviewbot:ignore quality.force-try

    /// Whether a form control is labelled by `<label for=id>` elsewhere in the file or by an enclosing `<label>`,
    /// either of which has text of its own (an empty `<label></label>` names nothing).
    static func isLabelled(element: String, before start: String.Index, in text: String) -> Bool {
        let window = text.index(start, offsetBy: -2000, limitedBy: text.startIndex) ?? text.startIndex
        if let open = text.range(of: "<label", options: [.backwards, .caseInsensitive], range: window..<start) {
            let close = text.range(of: "</label", options: [.backwards, .caseInsensitive], range: window..<start)
            if let close, close.lowerBound > open.lowerBound {
                // the last <label> before the element is already closed
            } else if AccessibilityRules.enclosingLabelHasText(
                open: open.lowerBound, element: element, start: start, in: text)
            {
                return true
            }
        }
        guard let match = elementId.firstMatch(in: element), let idRange = Range(match.range(at: 1), in: element)
        else { return false }
        return AccessibilityRules.forLabelHasText(id: String(element[idRange]), element: element, in: text)
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
///
/// Two cheap filters come before any keyword is compared: whether a byte starts a keyword at all, and
/// whether the two bytes from there start one (a bit per pair of lowercased bytes).
struct KeywordIndex: Sendable {
    fileprivate struct Entry {
        /// The keyword is `keywordBytes[keywordStart..<keywordStart + keywordCount]`, lowercased.
        var keywordStart: Int
        var keywordCount: Int
        /// The rules it selects are `ruleList[rulesStart..<rulesEnd]`.
        var rulesStart: Int
        var rulesEnd: Int
    }

    fileprivate static let startsLongKeyword: UInt8 = 1
    fileprivate static let isShortKeyword: UInt8 = 2

    private let tables: KeywordTables
    /// Rules without keywords always run.
    private let unconditional: [Int]
    /// How many different rules a scan can find; it stops once it has found them all.
    private let ruleCount: Int

    /// An index of the keywords of each rule; a rule without keywords is always selected.
    init(_ rules: [(keywords: [String], rule: Int)]) {
        var unconditional: [Int] = []
        var keywords: [[UInt8]] = []
        var selects: [[Int]] = []
        var selectable = Set<Int>()
        for (ruleKeywords, rule) in rules {
            if ruleKeywords.isEmpty {
                unconditional.append(rule)
                selectable.insert(rule)
                continue
            }
            for keyword in ruleKeywords {
                let bytes = Array(keyword.lowercased().utf8)
                guard !bytes.isEmpty else { continue }
                if let existing = keywords.firstIndex(of: bytes) {
                    selects[existing].append(rule)
                } else {
                    keywords.append(bytes)
                    selects.append([rule])
                }
                selectable.insert(rule)
            }
        }
        var startFlags = [UInt8](repeating: 0, count: 256)
        var pairBits = [UInt64](repeating: 0, count: 65536 / 64)
        for keyword in keywords {
            let first = keyword[0]
            let flag = keyword.count == 1 ? Self.isShortKeyword : Self.startsLongKeyword
            startFlags[Int(first)] |= flag
            if first >= 0x61 && first <= 0x7A { startFlags[Int(first - 0x20)] |= flag }
            if keyword.count > 1 {
                let pair = Int(first) << 8 | Int(keyword[1])
                pairBits[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        // Entries grouped by first byte, the one-byte keyword of each group first.
        func sortKey(_ index: Int) -> (UInt8, Int, Int) {
            (keywords[index][0], keywords[index].count > 1 ? 1 : 0, index)
        }
        let order = keywords.indices.sorted { sortKey($0) < sortKey($1) }
        var bucketStart = [Int](repeating: 0, count: 257)
        var bucketLong = [Int](repeating: 0, count: 256)
        var entries: [Entry] = []
        var keywordBytes: [UInt8] = []
        var ruleList: [Int] = []
        var next = 0
        for byte in 0..<256 {
            bucketStart[byte] = entries.count
            bucketLong[byte] = entries.count
            while next < order.count && Int(keywords[order[next]][0]) == byte {
                let keyword = keywords[order[next]]
                let selected = selects[order[next]]
                entries.append(
                    Entry(
                        keywordStart: keywordBytes.count, keywordCount: keyword.count, rulesStart: ruleList.count,
                        rulesEnd: ruleList.count + selected.count))
                keywordBytes += keyword
                ruleList += selected
                if keyword.count == 1 { bucketLong[byte] = entries.count }
                next += 1
            }
        }
        bucketStart[256] = entries.count
        tables = KeywordTables(
            startFlags: startFlags, pairBits: pairBits, bucketStart: bucketStart, bucketLong: bucketLong,
            entries: entries, keywordBytes: keywordBytes, ruleList: ruleList)
        self.unconditional = unconditional
        self.ruleCount = selectable.count
    }

    @inline(__always) private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Puts into `found` the rules whose keyword occurs in `bytes[range]` (in no particular order);
    /// `seen` is scratch space sized to the rule count, all false before and after.
    func rules(in bytes: [UInt8], range: Range<Int>, seen: inout [Bool], into found: inout [Int]) {
        found.removeAll(keepingCapacity: true)
        for rule in unconditional where !seen[rule] {
            seen[rule] = true
            found.append(rule)
        }
        if found.count < ruleCount && tables.entries.count > 0 {
            bytes.withUnsafeBufferPointer { buffer in
                seen.withUnsafeMutableBufferPointer { seen in
                    scan(buffer, range: range, seen: seen, into: &found)
                }
            }
        }
        for rule in found { seen[rule] = false }
    }

    private func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, seen: UnsafeMutableBufferPointer<Bool>,
        into found: inout [Int]
    ) {
        let tables = self.tables
        let ruleCount = self.ruleCount
        var offset = range.lowerBound
        let end = range.upperBound
        while offset < end {
            let byte = buffer[offset]
            let flags = tables.startFlags[Int(byte)]
            if flags == 0 {
                offset += 1
                continue
            }
            let first = Int(Self.lower(byte))
            if flags & Self.isShortKeyword != 0 {
                for entry in tables.entries[tables.bucketStart[first]..<tables.bucketLong[first]] {
                    Self.select(entry, tables: tables, seen: seen, into: &found)
                }
            }
            if flags & Self.startsLongKeyword != 0 && offset + 1 < end {
                Self.selectLongKeywords(
                    at: offset, first: first, end: end, in: buffer, tables: tables, seen: seen, into: &found)
            }
            if found.count == ruleCount { break }
            offset += 1
        }
    }

    /// Selects the rules of the keywords of two bytes or more that start at `offset` (whose lowercased byte
    /// is `first`) and end by `end`.
    @inline(__always)
    private static func selectLongKeywords(
        at offset: Int, first: Int, end: Int, in buffer: UnsafeBufferPointer<UInt8>, tables: KeywordTables,
        seen: UnsafeMutableBufferPointer<Bool>, into found: inout [Int]
    ) {
        let second = lower(buffer[offset + 1])
        let pair = first << 8 | Int(second)
        guard tables.pairBits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 else { return }
        for entry in tables.entries[tables.bucketLong[first]..<tables.bucketStart[first + 1]]
        where offset + entry.keywordCount <= end && tables.keywordBytes[entry.keywordStart + 1] == second {
            var step = 2
            while step < entry.keywordCount
                && lower(buffer[offset + step]) == tables.keywordBytes[entry.keywordStart + step]
            {
                step += 1
            }
            if step == entry.keywordCount { select(entry, tables: tables, seen: seen, into: &found) }
        }
    }

    /// Adds the rules `entry` selects to `found`, each once.
    @inline(__always)
    private static func select(
        _ entry: Entry, tables: KeywordTables, seen: UnsafeMutableBufferPointer<Bool>, into found: inout [Int]
    ) {
        for rule in tables.ruleList[entry.rulesStart..<entry.rulesEnd] where !seen[rule] {
            seen[rule] = true
            found.append(rule)
        }
    }
}

/// The tables of a ``KeywordIndex``, allocated once and read through pointers: the scan runs over every
/// added line, where the bounds checks and reference counting of arrays cost more than the scan.
///
/// `@unchecked Sendable`: written only by `init`, then read-only.
private final class KeywordTables: @unchecked Sendable {
    let startFlags: UnsafeMutableBufferPointer<UInt8>
    let pairBits: UnsafeMutableBufferPointer<UInt64>
    let bucketStart: UnsafeMutableBufferPointer<Int>
    let bucketLong: UnsafeMutableBufferPointer<Int>
    let entries: UnsafeMutableBufferPointer<KeywordIndex.Entry>
    let keywordBytes: UnsafeMutableBufferPointer<UInt8>
    let ruleList: UnsafeMutableBufferPointer<Int>

    init(
        startFlags: [UInt8], pairBits: [UInt64], bucketStart: [Int], bucketLong: [Int], entries: [KeywordIndex.Entry],
        keywordBytes: [UInt8], ruleList: [Int]
    ) {
        self.startFlags = Self.copy(startFlags)
        self.pairBits = Self.copy(pairBits)
        self.bucketStart = Self.copy(bucketStart)
        self.bucketLong = Self.copy(bucketLong)
        self.entries = Self.copy(entries)
        self.keywordBytes = Self.copy(keywordBytes)
        self.ruleList = Self.copy(ruleList)
    }

    deinit {
        startFlags.deallocate()
        pairBits.deallocate()
        bucketStart.deallocate()
        bucketLong.deallocate()
        entries.deallocate()
        keywordBytes.deallocate()
        ruleList.deallocate()
    }

    private static func copy<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        return buffer
    }
}

/// Inline suppressions: `reviewbot:ignore` or `reviewbot:ignore rule.a,rule.b` in a comment on the
/// flagged line, or alone on the line above.
enum Suppression {
    static let marker = Array("reviewbot:ignore".utf8)

    static func covers(ruleId: String, line: Int, in file: SourceFile) -> Bool {
        directiveLine(ruleId: ruleId, line: line, in: file) != nil
    }

    /// The line of the directive that suppresses `ruleId` on `line` (that line or the one above), if any.
    static func directiveLine(ruleId: String, line: Int, in file: SourceFile) -> Int? {
        if let ids = directive(onLine: line, in: file, standaloneOnly: false), ids.isEmpty || ids.contains(ruleId) {
            return line
        }
        if line > 1, let ids = directive(onLine: line - 1, in: file, standaloneOnly: true),
            ids.isEmpty || ids.contains(ruleId)
        {
            return line - 1
        }
        return nil
    }

    /// The rule ids a directive on `line` names (empty: all rules), or nil when there is none.
    private static func directive(onLine line: Int, in file: SourceFile, standaloneOnly: Bool) -> [String]? {
        let range = file.lineRange(line)
        guard range.count >= marker.count else { return nil }
        var found: Int?
        var offset = range.lowerBound
        while offset + marker.count <= range.upperBound {
            // In a comment: blank in the text view, which keeps strings (a marker in a string does not count).
            if file.raw[offset] == marker[0], Array(file.raw[offset..<(offset + marker.count)]) == marker,
                file.text[offset] == 0x20
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
        // Ids end where the comment may close without a space (`a.b-->`, `a.b*/`); no id ends with `-`.
        let token = rest.trimmingCharacters(in: .whitespaces).prefix {
            $0.isLetter || $0.isNumber || "._-,".contains($0)
        }
        return token.split(separator: ",").map { String($0.reversed().drop { $0 == "-" }.reversed()) }
            .filter { $0.contains(".") }
    }
}
