import Testing

@testable import ReviewBotCore

/// Functions, catch blocks and request handlers are known from the block structure.
@Suite struct BlockScannerTests {
    /// The lines (1-based) of `code` that lie inside blocks of every kind in `flags`.
    func lines(_ path: String, _ code: String, _ flags: BlockScanner.Flags) -> [Int] {
        let file = SourceFile(path: path, text: code, addedLines: [])
        let scanned = BlockScanner(language: file.language).scan(code: file.code, lineStarts: file.lineStarts)
        return scanned.lines.enumerated().filter { $0.element.isSuperset(of: flags) }.map { $0.offset + 1 }
    }

    @Test func functionsInBraceLanguages() {
        let js =
            "const a = 1;\nfunction f(x) {\n  if (x) {\n    g();\n  }\n}\nconst h = () => {\n  k();\n};\nif (a) {\n  m();\n}"
        #expect(lines("a.js", js, .function) == [3, 4, 5, 8])
        let java =
            "class A {\n    int x = 1;\n    public int f(int y) throws IOException {\n        return y;\n    }\n}"
        #expect(lines("A.java", java, .function) == [4])
        let go = "func main() {\n\tfor i := range xs {\n\t\tuse(i)\n\t}\n}"
        #expect(lines("main.go", go, .function) == [2, 3, 4])
        let swift = "struct S {\n    func f() {\n        g()\n    }\n    init() {\n        h()\n    }\n}"
        #expect(lines("S.swift", swift, .function) == [3, 6])
    }

    @Test func catchBlocks() {
        #expect(lines("a.js", "try {\n  a();\n} catch (e) {\n  b(e);\n}\nc();", .catch) == [4])
        #expect(lines("S.swift", "do {\n    try a()\n} catch {\n    b(error)\n}", .catch) == [4])
        #expect(lines("a.py", "try:\n    a()\nexcept ValueError as e:\n    b(e)\n    c()\nd()", .catch) == [4, 5])
        #expect(lines("a.rb", "begin\n  a\nrescue StandardError => e\n  b(e)\nend", .catch) == [4])
    }

    @Test func requestHandlers() {
        let express = "app.get('/x', (req, res) => {\n  res.send(a());\n});\nfunction helper() {\n  b();\n}"
        #expect(lines("server.js", express, .handler) == [2])
        let flask = "@app.route('/x')\ndef x():\n    return a()\n\ndef helper():\n    return b()"
        #expect(lines("views.py", flask, .handler) == [3])
        let django = "def detail(request, pk):\n    return render(request, 'x.html')"
        #expect(lines("views.py", django, .handler) == [2])
        let spring =
            "@RestController\nclass C {\n    @GetMapping(\"/x\")\n    public String x() {\n        return a();\n    }\n    private String helper() {\n        return b();\n    }\n}"
        #expect(lines("C.java", spring, .handler) == [5])
        let go = "func x(w http.ResponseWriter, r *http.Request) {\n\ta()\n}\nfunc helper() {\n\tb()\n}"
        #expect(lines("main.go", go, .handler) == [2])
        let rails = "class UsersController < ApplicationController\n  def show\n    a\n  end\nend"
        #expect(lines("users_controller.rb", rails, .handler) == [3])
    }
}

/// Custom rules use the same scope conditions and parent patterns as the built-in ones.
@Suite struct CustomScopeRuleTests {
    @Test func customRulesTakeScopeConditionsAndParents() throws {
        let config = try ConfigLoader.parse(
            """
            custom_rules:
              - id: team.log-in-handler
                category: quality
                severity: low
                languages: [python]
                keywords: [print]
                patterns: ['\\bprint\\s*\\(']
                conditions: [inside-function, inside-catch, inside-request-handler]
                message: "print while handling a request error"
                recommendation: "Use the request logger."
                examples:
                  - {path: v.py, code: "@app.get('/x')\\ndef x():\\n    try:\\n        a()\\n    except E:\\n        print(1)", flagged: true}
                  - {path: v.py, code: "def x():\\n    try:\\n        a()\\n    except E:\\n        print(1)", flagged: false}
              - id: team.option-outside-select
                category: accessibility
                severity: low
                languages: [html]
                keywords: ['<option']
                patterns: [{regex: '<option\\b[^>]*>', view: text}]
                parents: [{regex: '^<(?:select|datalist|optgroup)\\b', view: text}]
                multiline: true
                message: "option outside a select"
                recommendation: "Put it in a select."
                examples:
                  - {path: a.html, code: "<div><option>A</option></div>", flagged: true}
                  - {path: a.html, code: "<select><option>A</option></select>", flagged: false}
            """, file: ".reviewbot.yml")
        #expect(config.customRules.map(\.conditions.count) == [3, 0])
        #expect(config.customRules.last?.parents.count == 1)
        let result = try RuleTester.run(config.customRules)
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description))")
    }
}

/// Long or deeply nested functions are reported when the change wrote them, not when it touched one.
@Suite struct LargeFunctionTests {
    static let longFunction =
        "func build(rows: [Row]) -> Int {\n    var total = 0\n"
        + (1...85).map { "    total += rows[\($0)].amount\n" }.joined() + "    return total\n}\n"

    func lines(_ path: String, _ code: String, added: [Int]? = nil) throws -> [Int] {
        let rule = try #require(RuleCatalog.rule(id: "quality.large-function"))
        let count = code.split(separator: "\n", omittingEmptySubsequences: false).count
        let file = SourceFile(path: path, text: code, addedLines: added ?? Array(1...count))
        return try RuleEngine(rules: [rule]).findings(in: file, agent: "quality").map(\.line)
    }

    @Test func aNewLongFunctionIsReportedOnceAtItsFirstLine() throws {
        #expect(try lines("Report.swift", "import Foundation\n\n" + Self.longFunction) == [3])
    }

    @Test func aLongFunctionWithOneEditedLineIsNotReported() throws {
        #expect(try lines("Report.swift", Self.longFunction, added: [40]).isEmpty)
        #expect(try lines("Report.swift", Self.longFunction, added: [1]).isEmpty)
        #expect(try lines("Report.swift", Self.longFunction, added: Array(2...80)) == [2])
    }

    @Test func aMostlyRewrittenFunctionIsReported() throws {
        #expect(try lines("Report.swift", Self.longFunction, added: Array(1...60)) == [1])
    }

    @Test func decoratorsAndAnnotationsStartTheFunction() throws {
        let python = "@app.route('/x')\ndef x():\n" + (1...90).map { "    a\($0) = \($0)\n" }.joined()
        #expect(try lines("views.py", python) == [1])
        let deep =
            "class A {\n    @Override\n    public void run() {\n        if (a) {\n            for (B b : bs) {\n                if (b.ok) {\n                    while (b.next()) {\n                        if (b.done) {\n                            return;\n                        }\n                    }\n                }\n            }\n        }\n    }\n}"
        #expect(try lines("A.java", deep) == [2])
        let shallow = "class A {\n    public void run() {\n        if (a) {\n            go();\n        }\n    }\n}"
        #expect(try lines("A.java", shallow).isEmpty)
    }
}

/// The same, as a user sees it: a review of a commit that edits one line of an old long function.
@Suite struct LargeFunctionReviewTests {
    @Test func editingOneLineOfAnOldLongFunctionIsNotReported() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("report.py", "def build(rows):\n" + (1...90).map { "    a\($0) = rows[\($0)]\n" }.joined())
        try repo.commitAll("long function")
        let added = try repo.reviewbot("review", "HEAD", "--format", "json")
        #expect(try added.findings().compactMap { $0["ruleId"] as? String }.contains("quality.large-function"))

        try repo.write("report.py", "def build(rows):\n" + (1...90).map { "    a\($0) = rows[\($0 + 1)]\n" }.joined())
        try repo.commitAll("rewrite every line")
        let rewritten = try repo.reviewbot("review", "HEAD", "--format", "json")
        #expect(try rewritten.findings().compactMap { $0["ruleId"] as? String }.contains("quality.large-function"))

        var lines = (1...90).map { "    a\($0) = rows[\($0 + 1)]\n" }
        lines[40] = "    a41 = rows[0]\n"
        try repo.write("report.py", "def build(rows):\n" + lines.joined())
        try repo.commitAll("edit one line")
        let edited = try repo.reviewbot("review", "HEAD", "--format", "json")
        #expect(
            try edited.findings().compactMap { $0["ruleId"] as? String }.contains("quality.large-function") == false)
    }
}
