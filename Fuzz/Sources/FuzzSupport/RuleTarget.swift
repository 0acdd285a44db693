import Foundation

@testable import ReviewBotCore

/// The lexer and the rule engine, as a review runs them on one added file.
public enum RuleTarget {
    /// One engine per agent over the built-in rules of its category, as ``Coordinator/agents()`` builds them.
    static let engines: [(agent: String, engine: RuleEngine)] = Category.allCases.map { category in
        // The built-in rules compile; a failure here is a bug the first run reports. reviewbot:ignore quality.force-try
        (category.rawValue, try! RuleEngine(rules: RuleCatalog.builtin.filter { $0.category == category }))
    }

    /// With `REVIEWBOT_FUZZ_PROFILE` set, each input also prints on stderr the time of the lexer and of its five
    /// slowest rules, each run alone: which rule a slow input is slow in (`FuzzRules -runs=1 FILE`).
    static let profiling = ProcessInfo.processInfo.environment["REVIEWBOT_FUZZ_PROFILE"] != nil

    /// Reviews `content` as the file `path` whose every line is added; checks what every finding must satisfy.
    public static func run(path: String, content: [UInt8]) {
        // A review skips invalid UTF-8 and minified files before the rules see them.
        guard let text = String(validating: content, as: UTF8.self), ChangeReader.minified(text) == nil else { return }
        let lineCount = max(1, text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
        let start = DispatchTime.now().uptimeNanoseconds
        let file = SourceFile(path: path, text: text, addedLines: Array(1...lineCount))
        if profiling { profile(file, lexer: DispatchTime.now().uptimeNanoseconds - start) }
        require(file.text.count == file.raw.count && file.code.count == file.raw.count, "views differ in length")
        require(file.inLoop.count == file.lineCount, "inLoop has \(file.inLoop.count) of \(file.lineCount) lines")
        for (agent, engine) in engines {
            for finding in engine.findings(in: file, agent: agent) {
                require(
                    finding.line >= 1 && finding.line <= file.lineCount && finding.endLine >= finding.line,
                    "\(finding.ruleId) at lines \(finding.line)-\(finding.endLine) of \(file.lineCount)")
                require(finding.column >= 1, "\(finding.ruleId) at column \(finding.column)")
                require(finding.path == path, "\(finding.ruleId) in \(finding.path), not \(path)")
            }
        }
    }

    static func profile(_ file: SourceFile, lexer: UInt64) {
        var times: [(rule: String, nanoseconds: UInt64)] = []
        for rule in RuleCatalog.builtin where rule.applies(to: file.language) {
            guard let engine = try? RuleEngine(rules: [rule]) else { continue }
            let start = DispatchTime.now().uptimeNanoseconds
            _ = engine.findings(in: file, agent: rule.category.rawValue)
            times.append((rule.id, DispatchTime.now().uptimeNanoseconds - start))
        }
        let slowest = times.sorted { $0.nanoseconds > $1.nanoseconds }.prefix(5)
        let line = ([("lexer", lexer)] + slowest).map { "\($0.0) \($0.1 / 1_000_000) ms" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("\(file.path): \(line)\n".utf8))
    }
}
