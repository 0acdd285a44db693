import Testing

@testable import ReviewBotCore

/// Every built-in rule documents itself with examples; each example is a test.
@Suite struct RuleExampleTests {
    static let rules = RuleCatalog.builtin

    @Test("every rule has an id, a flagged and an unflagged example, and keywords", arguments: rules.map(\.id))
    func ruleIsComplete(id: String) throws {
        let rule = try #require(RuleCatalog.rule(id: id))
        #expect(rule.id.hasPrefix(rule.category.rawValue + "."))
        #expect(rule.examples.contains { $0.flagged }, "no flagged example")
        #expect(rule.examples.contains { !$0.flagged }, "no unflagged example")
        // a rule without keywords runs a regex on every added line; only a structural lookup may do that
        #expect(
            !rule.keywords.isEmpty || rule.conditions.contains(.largeFunction),
            "rules without keywords run a regex on every line")
        #expect(!rule.message.isEmpty && !rule.recommendation.isEmpty)
    }

    @Test func ruleIdsAreUnique() {
        let ids = Self.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("examples behave as documented", arguments: rules.map(\.id))
    func examples(id: String) throws {
        let rule = try #require(RuleCatalog.rule(id: id))
        let result = try RuleTester.run([rule])
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description))")
    }
}

/// Text in comments and string literals is prose, not code.
@Suite struct LexerTests {
    func views(_ path: String, _ code: String) -> SourceFile {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).count
        return SourceFile(path: path, text: code, addedLines: Array(1...lines))
    }

    @Test func commentsAreBlankedInEveryLanguage() {
        let cases: [(String, String)] = [
            ("a.py", "x = 1  # os.system(cmd)"),
            ("a.js", "x = 1; // eval(code)"),
            ("a.js", "x = 1; /* eval(code) */"),
            ("a.swift", "let x = 1 // try! load()"),
            ("a.rb", "x = 1 # eval(code)"),
            ("a.sh", "x=1 # eval $cmd"),
            ("a.html", "<p>x</p><!-- <img src=a.png> -->"),
            ("a.go", "x := 1 // exec.Command(\"sh\")"),
            ("a.php", "$x = 1; # eval($code)"),
        ]
        for (path, code) in cases {
            let file = views(path, code)
            #expect(!file.codeLine(1).contains("("), "\(path): \(file.codeLine(1))")
            #expect(!file.textLine(1).contains("eval") && !file.textLine(1).contains("img"), "\(path)")
        }
    }

    @Test func stringContentsAreBlankedInCodeButKeptInText() {
        let file = views("a.py", "q = \"SELECT * FROM t\" + name")
        #expect(file.codeLine(1) == "q = \"" + String(repeating: " ", count: 15) + "\" + name")
        #expect(file.textLine(1) == "q = \"SELECT * FROM t\" + name")
    }

    @Test func interpolationsStayCode() {
        #expect(views("a.js", "q = `id ${user.id}`").codeLine(1) == "q = `   ${user.id}`")
        #expect(views("a.swift", "q = \"id \\(user.id)\"").codeLine(1) == "q = \"   \\(user.id)\"")
        #expect(views("a.py", "q = f\"id {user.id}\"").codeLine(1) == "q = f\"   {user.id}\"")
        #expect(views("a.py", "q = \"id {user.id}\"").codeLine(1) == "q = \"            \"")
        #expect(views("a.rb", "q = \"id #{user.id}\"").codeLine(1) == "q = \"   #{user.id}\"")
        #expect(views("a.js", "q = `id ${user.id}`").hasInterpolation(1))
        #expect(!views("a.js", "q = 'id ${user.id}'").hasInterpolation(1))
    }

    @Test func multilineStringsAndComments() {
        let python = views("a.py", "x = \"\"\"\neval(x)\n\"\"\"\ny = eval(z)")
        #expect(python.codeLine(2).trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(python.codeLine(4) == "y = eval(z)")
        let swift = views("a.swift", "/*\n try! x\n*/\nlet y = try! z")
        #expect(swift.codeLine(2).trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(swift.codeLine(4) == "let y = try! z")
        let js = views("a.js", "const s = `\n  eval(x)\n`;\neval(y)")
        #expect(js.codeLine(2).trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test func hashIsNotACommentInsideShellWordsOrYAMLValues() {
        #expect(views("a.sh", "echo $#").codeLine(1) == "echo $#")
        #expect(views("a.yml", "color: '#fff'  # white").codeLine(1) == "color: '#fff'         ")
    }

    @Test func loopsAreKnown() {
        let js = views("a.js", "for (const x of xs) {\n  a(x);\n}\nb();\nxs.forEach(x => {\n  c(x);\n});")
        #expect(!js.isInLoop(1))
        #expect(js.isInLoop(2))
        #expect(!js.isInLoop(4))
        #expect(js.isInLoop(6))
        let python = views("a.py", "for x in xs:\n    a(x)\n    if x:\n        b(x)\nc()")
        #expect(!python.isInLoop(1))
        #expect(python.isInLoop(2))
        #expect(python.isInLoop(4))
        #expect(!python.isInLoop(5))
        let swift = views("a.swift", "do {\n    try a()\n} catch {}\nrepeat {\n    b()\n} while x")
        #expect(!swift.isInLoop(2))
        #expect(swift.isInLoop(5))
        let labels = views("a.swift", "let cell = table.dequeue(for: path)\nif ready {\n    load()\n}")
        #expect(!labels.isInLoop(3))
        let repeatWhile = views("a.swift", "repeat {\n    step()\n} while busy\nif done {\n    finish()\n}")
        #expect(repeatWhile.isInLoop(2))
        #expect(!repeatWhile.isInLoop(5))
    }

    @Test func crlfLinesEndBeforeTheCarriageReturn() {
        let file = views("a.py", "a = 1\r\nb = eval(x)\r\n")
        #expect(file.rawLine(2) == "b = eval(x)")
        #expect(file.lineCount == 2)
    }
}
