import Foundation

/// The rule fixes of one file, applied to its bytes: each flagged line is rewritten by its rules'
/// `find`/`replace`, a line the fix leaves blank is removed, and every other byte (line endings
/// included) stays as it was.
struct FilePatch {
    let path: String
    let original: [UInt8]
    private(set) var result: [UInt8] = []
    /// The findings whose fix changed their line, in line order.
    private(set) var applied: [Finding] = []
    /// Old line numbers (1-based) that the patch removes.
    private(set) var removedLines: Set<Int> = []

    /// `fixes` maps a rule id to its fix; findings without one, or whose fix does not change the line,
    /// are left out of ``applied``.
    init(path: String, original: [UInt8], findings: [Finding], fixes: [String: CompiledFix]) {
        self.path = path
        self.original = original
        var lines = Self.split(original)
        var byLine: [Int: [Finding]] = [:]
        for finding in findings where finding.path == path { byLine[finding.line, default: []].append(finding) }
        for lineNumber in byLine.keys.sorted() where lineNumber >= 1 && lineNumber <= lines.count {
            var line = lines[lineNumber - 1]
            let before = String(decoding: line.text, as: UTF8.self)
            var text = before
            var seenRules: Set<String> = []
            for finding in byLine[lineNumber]!.sorted(by: { $0.ruleId < $1.ruleId }) {
                guard let fix = fixes[finding.ruleId], seenRules.insert(finding.ruleId).inserted else { continue }
                let rewritten = fix.apply(to: text)
                guard rewritten != text else { continue }
                text = rewritten
                applied.append(finding)
            }
            guard text != before else { continue }
            if text.allSatisfy(\.isWhitespace) && !before.allSatisfy(\.isWhitespace) {
                removedLines.insert(lineNumber)
            }
            line.text = Array(text.utf8)
            lines[lineNumber - 1] = line
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(original.count)
        for (index, line) in lines.enumerated() where !removedLines.contains(index + 1) {
            bytes += line.text
            bytes += line.ending
        }
        result = bytes
    }

    var changed: Bool { result != original }

    /// Where an old line is after the patch, or nil when the patch removed it.
    func newLine(for oldLine: Int) -> Int? {
        guard !removedLines.contains(oldLine) else { return nil }
        return oldLine - removedLines.filter { $0 < oldLine }.count
    }

    private struct Line {
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
