import Foundation

@testable import ReviewBotCore

/// The diff and patch code: libgit2's patch of two texts read into hunks and added lines, the rules on the
/// added lines, and the fixer's line patch of the result.
public enum DiffTarget {
    /// Separates the old text from the new one in an input (`name\nOLD\n====\nNEW`); without it the file is added.
    public static let marker = Array("\n====\n".utf8)

    static let reader = ChangeReader(repositoryPath: "/nonexistent")
    static let fixes = CompiledFix.safeFixes(of: RuleCatalog.builtin)

    public static func run(path: String, old: [UInt8]?, new: [UInt8]) {
        guard let (hunks, added) = reader.diff(old: old, new: new, path: path) else { return }
        let newLines = lineCount(new)
        let oldLines = old.map(lineCount) ?? 0
        require(added.allSatisfy { $0 >= 1 && $0 <= newLines }, "added lines \(added) of \(newLines)")
        require(Set(added).count == added.count, "an added line twice: \(added)")
        for hunk in hunks {
            let span = hunk.newStart..<(hunk.newStart + hunk.newLines)
            require(hunk.addedLines.allSatisfy(span.contains), "hunk \(hunk) adds outside its lines")
            require(hunk.removedLines.allSatisfy { $0 >= 1 && $0 <= oldLines }, "hunk \(hunk) of \(oldLines) old")
        }

        // A review skips invalid UTF-8 and minified files, so the fixer never patches them.
        guard !added.isEmpty, let text = String(validating: new, as: UTF8.self), ChangeReader.minified(text) == nil
        else { return }
        let identity = FilePatch(path: path, original: new, findings: [], fixes: fixes)
        require(!identity.changed, "a patch without findings changed the file")
        let file = SourceFile(path: path, text: text, addedLines: added.sorted())
        var findings: [Finding] = []
        for (agent, engine) in RuleTarget.engines { findings += engine.findings(in: file, agent: agent) }

        // A proposal that puts the first hunk's old lines back, as a model's patch would replace them.
        var proposals: [LinePatch] = []
        if let finding = findings.first, let hunk = hunks.first(where: { $0.newLines > 0 }), let old {
            let oldText = String(decoding: old, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let removed = hunk.removedLines.filter { $0 <= oldText.count }.map { String(oldText[$0 - 1]) }
            proposals.append(
                LinePatch(
                    finding: finding, startLine: hunk.newStart, endLine: hunk.newStart + hunk.newLines - 1,
                    replacement: removed.joined(separator: "\n")))
        }
        let patch = FilePatch(path: path, original: new, findings: findings, fixes: fixes, proposals: proposals)
        let patchedLines = lineCount(patch.result)
        for line in 1...max(1, newLines) {
            guard let lines = patch.newLines(for: line) else { continue }
            require(lines.lowerBound >= 1 && lines.upperBound <= patchedLines, "line \(line) became \(lines)")
        }
    }

    /// Lines as git counts them: a last line without a newline counts.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let newlines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        return newlines + (bytes.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
    }
}
