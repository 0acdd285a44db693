import Foundation

@testable import ReviewBotCore

/// The configuration loader and the custom-rule loader, then the engine built from what they loaded.
public enum ConfigTarget {
    /// A few lines of several languages, for the rules a configuration defines; `app.py` is the change that
    /// BadInputCorpusTests reviews with a bad configuration (its run of `a` in code wakes nested quantifiers).
    static let samples: [SourceFile] = [
        (
            "app.py",
            "import os\nos.system('ls ' + name)\nvalue = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\npassword = \"hunter2\"\n"
        ),
        ("web/index.js", "const q = `SELECT * FROM t WHERE id = ${id}`;\ndb.query(q);\neval(x);\n"),
        ("page.html", "<img src=\"a.png\">\n<a href=\"#\" onclick=\"go()\">x</a>\n"),
        ("config.yml", "token: ghp_" + String(repeating: "a", count: 36) + "\n"),  // split: this file holds no token
    ].map { SourceFile(path: $0.0, text: $0.1, addedLines: Array(1...4)) }

    public static func run(_ content: [UInt8]) {
        guard let text = String(validating: content, as: UTF8.self) else { return }
        guard let configuration = try? ConfigLoader.parse(text, file: ".reviewbot.yml") else { return }
        let rules = configuration.effectiveRules()
        for category in Category.allCases where configuration.agents[category]?.enabled ?? true {
            guard let engine = try? RuleEngine(rules: rules.filter { $0.category == category }) else { continue }
            for file in samples { _ = engine.findings(in: file, agent: category.rawValue) }
        }
        _ = configuration.ignoreMatcher.matches("src/app.py")
        _ = CompiledFix.safeFixes(of: rules)
    }
}
