import Foundation

/// A replacement of whole lines of one file that no rule wrote (a model's patch for a finding).
public struct LinePatch: Sendable, Equatable {
    /// The finding the patch is for.
    public var finding: Finding
    /// First and last line (1-based, of the reviewed version) that the patch replaces.
    public var startLine: Int
    public var endLine: Int
    /// The new text of those lines, without a final line ending; empty removes them.
    public var replacement: String

    public init(finding: Finding, startLine: Int, endLine: Int, replacement: String) {
        self.finding = finding
        self.startLine = startLine
        self.endLine = endLine
        self.replacement = replacement
    }
}

/// Proposes line patches for findings that no rule can fix; the fixer proves them like rule fixes.
public protocol FixProposer: Sendable {
    /// `files` holds the reviewed text of each finding's file.
    func propose(for findings: [Finding], files: [String: String]) async -> [LinePatch]
}

/// The fixes of one file, applied to its bytes: each flagged line is rewritten by its rules'
/// `find`/`replace` (a line the fix leaves blank is removed), proposed line patches replace their
/// lines, and every other byte (line endings included) stays as it was.
struct FilePatch {
    let path: String
    let original: [UInt8]
    private(set) var result: [UInt8] = []
    /// The findings whose fix changed the file, in line order.
    private(set) var applied: [Finding] = []
    /// For each old line (index `n - 1`), the new lines it became; empty when removed.
    private var mapping: [Range<Int>] = []

    /// `fixes` maps a rule id to its fix; findings without one, or whose fix does not change the line,
    /// are left out of ``applied``. `proposals` must not overlap each other; a rule-fixed line inside a
    /// proposal's lines is left to the proposal.
    init(
        path: String, original: [UInt8], findings: [Finding], fixes: [String: CompiledFix], proposals: [LinePatch] = []
    ) {
        self.path = path
        self.original = original
        let lines = Self.split(original)
        var replaced: [Int: LinePatch] = [:]
        for proposal in proposals.sorted(by: { $0.startLine < $1.startLine })
        where proposal.finding.path == path && proposal.startLine >= 1 && proposal.endLine <= lines.count
            && proposal.startLine <= proposal.endLine
            && !(proposal.startLine...proposal.endLine).contains(where: { replaced[$0] != nil })
        {
            for line in proposal.startLine...proposal.endLine { replaced[line] = proposal }
        }
        var byLine: [Int: [Finding]] = [:]
        for finding in findings where finding.path == path { byLine[finding.line, default: []].append(finding) }

        var output: [Line] = []
        var mapping: [Range<Int>] = []
        var lineNumber = 1
        while lineNumber <= lines.count {
            if let proposal = replaced[lineNumber] {
                let style: [UInt8] =
                    lines[proposal.startLine - 1].ending.isEmpty ? [0x0A] : lines[proposal.startLine - 1].ending
                // A replacement's final `\n` ends its last line (which takes the replaced lines' own ending); it
                // is not one more, empty line, which at the end of a file without a newline would be no line at all.
                var newLines =
                    proposal.replacement.isEmpty
                    ? [] : proposal.replacement.split(separator: "\n", omittingEmptySubsequences: false)
                if newLines.count > 1, newLines.last?.isEmpty == true { newLines.removeLast() }
                let start = output.count
                for (index, text) in newLines.enumerated() {
                    let ending = index == newLines.count - 1 ? lines[proposal.endLine - 1].ending : style
                    output.append(Line(text: Array(text.utf8), ending: ending))
                }
                let unchanged = Array(lines[(proposal.startLine - 1)..<proposal.endLine]) == Array(output[start...])
                for _ in proposal.startLine...proposal.endLine { mapping.append(start..<output.count) }
                if !unchanged { applied.append(proposal.finding) }
                lineNumber = proposal.endLine + 1
                continue
            }
            var line = lines[lineNumber - 1]
            let before = String(decoding: line.text, as: UTF8.self)
            var text = before
            var seenRules: Set<String> = []
            for finding in (byLine[lineNumber] ?? []).sorted(by: { $0.ruleId < $1.ruleId }) {
                guard let fix = fixes[finding.ruleId], seenRules.insert(finding.ruleId).inserted else { continue }
                let rewritten = fix.apply(to: text)
                guard rewritten != text else { continue }
                text = rewritten
                applied.append(finding)
            }
            if text != before && text.allSatisfy(\.isWhitespace) && !before.allSatisfy(\.isWhitespace) {
                mapping.append(output.count..<output.count)
            } else {
                line.text = Array(text.utf8)
                mapping.append(output.count..<(output.count + 1))
                output.append(line)
            }
            lineNumber += 1
        }
        self.mapping = mapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count)
        for line in output {
            bytes += line.text
            bytes += line.ending
        }
        result = bytes
        applied.sort { $0.line < $1.line }
    }

    var changed: Bool { result != original }

    /// The lines (1-based) an old line became after the patch; empty when the patch removed it.
    func newLines(for oldLine: Int) -> ClosedRange<Int>? {
        guard oldLine >= 1 && oldLine <= mapping.count, !mapping[oldLine - 1].isEmpty else { return nil }
        let range = mapping[oldLine - 1]
        return (range.lowerBound + 1)...range.upperBound
    }

    /// Where an old line is after the patch: the first of the lines it became, or nil when removed.
    func newLine(for oldLine: Int) -> Int? { newLines(for: oldLine)?.lowerBound }

    private struct Line: Equatable {
        var text: [UInt8]
        /// `\n`, `\r\n`, or nothing for a last line without a newline.
        var ending: [UInt8]
    }

    private static func split(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            var end = offset
            var ending: [UInt8] = [0x0A]
            if end > start, bytes[end - 1] == 0x0D {
                end -= 1
                ending = [0x0D, 0x0A]
            }
            lines.append(Line(text: Array(bytes[start..<end]), ending: ending))
            start = offset + 1
        }
        if start < bytes.count { lines.append(Line(text: Array(bytes[start...]), ending: [])) }
        return lines
    }
}

/// A rule's fix with its `find` pattern compiled.
struct CompiledFix: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as safe to share between threads.
    let fix: Rule.Fix
    let regex: NSRegularExpression

    init?(_ fix: Rule.Fix) {
        guard let regex = try? NSRegularExpression(pattern: fix.find) else { return nil }
        self.fix = fix
        self.regex = regex
    }

    func apply(to line: String) -> String {
        regex.stringByReplacingMatches(
            in: line, options: [], range: NSRange(line.startIndex..., in: line), withTemplate: fix.replace)
    }

    /// The safe fixes of `rules`, by rule id.
    static func safeFixes(of rules: [Rule]) -> [String: CompiledFix] {
        var fixes: [String: CompiledFix] = [:]
        for rule in rules {
            guard let fix = rule.fix, fix.safe, let compiled = CompiledFix(fix) else { continue }
            fixes[rule.id] = compiled
        }
        return fixes
    }
}
