import Foundation
import Testing

/// The inputs that took seconds to minutes before (issue 11, item 5), committed to real repositories and
/// reviewed by the binary: each ends with a report and the right findings. The time bounds are generous (debug
/// builds, a busy machine); `scripts/bench-slow-inputs.sh` measures the real speed on a release build.
@Suite struct SlowInputTests {
    /// A debug build on a shared machine: well over the release build's fraction of a second.
    static let generousSeconds = 20.0

    /// Budgets a debug build needs for a whole review of these inputs (its rules run several times slower than
    /// the release build's, which the defaults are for): the tests pin that the work ends and is complete.
    static let debugBudgets = "budgets:\n  file_seconds: 120\n  review_seconds: 300\n"

    /// Reviews `HEAD~1..HEAD` of a repository whose last commit adds `path` with `text`.
    private func review(_ path: String, _ text: String) throws -> (
        result: Command.Result, seconds: Double, repo: ScratchRepository
    ) {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(".reviewbot.yml", Self.debugBudgets)
        try repo.commitAll("config")
        try repo.write(path, text)
        try repo.commitAll("change")
        let start = Date()
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--fail-on", "never")
        return (result, Date().timeIntervalSince(start), repo)
    }

    private func ruleLines(_ result: Command.Result, _ rule: String) throws -> [Int] {
        try result.findings().filter { $0["ruleId"] as? String == rule }.compactMap { $0["line"] as? Int }
    }

    private func skipped(_ result: Command.Result, reason: String) throws -> [[String: Any]] {
        (try result.json()["skipped"] as? [[String: Any]] ?? []).filter { $0["reason"] as? String == reason }
    }

    /// The review ended well within the generous bound, wrote its report, and read the whole file.
    private func expectWholeAndInTime(
        _ result: Command.Result, _ seconds: Double, limit: Double = generousSeconds,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(seconds < limit, "took \(seconds) s", sourceLocation: sourceLocation)
        #expect(try skipped(result, reason: "time_budget").isEmpty, sourceLocation: sourceLocation)
    }

    /// An ordinary module: classes, methods, loops and comments, `lines` lines long.
    static func ordinaryPython(lines: Int, first: String) -> String {
        var text = [first]
        var index = 0
        while text.count < lines {
            text += [
                "class Worker\(index)(object):", "    \"\"\"Processes batch \(index) of the records.\"\"\"", "",
                "    def __init__(self, name, size=\(index)):", "        self.name = name", "        self.size = size",
                "        self.items = []  # the pending records", "", "    def run(self, records):",
                "        for record in records:", "            if record.get('kind') == 'x':",
                "                self.items.append(record)", "        return len(self.items) + \(index)", "",
            ]
            index += 1
        }
        return text.prefix(lines).joined(separator: "\n") + "\n"
    }

    @Test func anAliasedHashlibInALongModuleIsQuickAndFlagsOnlyTheWeakCall() throws {
        var text = Self.ordinaryPython(lines: 3000, first: "import hashlib as h")
        text += "def weak(data):\n    return h.md5(data).hexdigest()\n"
        let (result, seconds, _) = try review("worker.py", text)
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.weak-hash-alias") == [3002])
    }

    @Test func manyCallsThroughAnAliasAreQuick() throws {
        var lines = ["import hashlib as h", ""]
        var index = 0
        while lines.reduce(0, { $0 + $1.utf8.count + 1 }) < 100_000 {
            lines.append(
                "def digest_\(index)(data):\n    return h.sha256(data).hexdigest() + h.blake2b(data).hexdigest()\n")
            index += 1
        }
        lines.append("weak = h.md5(b'x').hexdigest()")
        let (result, seconds, _) = try review("digests.py", lines.joined(separator: "\n") + "\n")
        let lastLine = lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).count
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.weak-hash-alias") == [lastLine])
    }

    @Test func unclosedStartTagsOnEveryLineAreQuick() throws {
        let (result, seconds, _) = try review("page.html", String(repeating: "<a\n", count: 20_000))
        try expectWholeAndInTime(result, seconds)
    }

    @Test func aLargeFlaskModuleIsQuick() throws {
        var lines = ["from flask import Flask, request, jsonify", "import sqlite3", "app = Flask(__name__)", ""]
        var index = 0
        while lines.reduce(0, { $0 + $1.utf8.count + 1 }) < 800_000 {
            lines += [
                "@app.route('/items/\(index)', methods=['GET', 'POST'])", "def handler_\(index)():",
                "    name = request.args.get('name', '')", "    page = int(request.args.get('page', 1))",
                "    conn = sqlite3.connect('app.db')", "    try:",
                "        rows = conn.execute('SELECT id, name FROM items WHERE name = ? LIMIT 10 OFFSET ?', (name, page * 10)).fetchall()",
                "    except Exception as error:", "        return jsonify({'error': str(error)}), 500",
                "    finally:", "        conn.close()",
                "    return jsonify([{'id': r[0], 'name': r[1]} for r in rows])", "",
            ]
            index += 1
        }
        lines.append("    cursor.execute(\"SELECT * FROM t WHERE id = \" + request.args['id'])")
        let (result, seconds, _) = try review("app.py", lines.joined(separator: "\n") + "\n")
        // the slowest input left (see README, "Time budgets"): a minute in a debug build
        try expectWholeAndInTime(result, seconds, limit: 90)
        #expect(try ruleLines(result, "security.sql-injection").contains(lines.count))
    }

    @Test func deeplyNestedBracesAndIndentationAreQuick() throws {
        let (braces, braceSeconds, _) = try review("deep.js", String(repeating: "{\n", count: 400_000))
        try expectWholeAndInTime(braces, braceSeconds)

        // as deep as 1 MiB of indentation allows
        let ladder = (0..<1400).map { String(repeating: " ", count: $0) + "if x:\n" }.joined()
        let (python, pythonSeconds, _) = try review("deep.py", ladder)
        try expectWholeAndInTime(python, pythonSeconds)
    }

    /// `x = eval(y)` statements joined by lone carriage returns (not line breaks for git or the line splitter, but
    /// white space for the data flow's patterns), on long lines inside a function: the fuzzer's first timeout.
    @Test func callsSeparatedByLoneCarriageReturnsAreQuick() throws {
        let statements = String(repeating: "import os\rx = eval(y)\rpassword = \"p4ss\"\r", count: 40)
        let lines =
            [
                "import os", "", "def fetch_all(urls, session):",
                "    cursor.execute(f\"SELECT name FROM users WHERE a = \"p4ss\"\r" + statements + "\")",
            ] + Array(repeating: "    # " + statements + statements, count: 4) + [
                "        pa \"p4ss\"\r" + statements, " eval(y)\r" + statements,
            ]
        let (result, seconds, _) = try review("lone_cr.py", lines.joined(separator: "\n") + "\n")
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.code-eval").contains(lines.count))
    }

    /// Long comment lines (all blank in the code view) between a shell call and the function it is in: the data
    /// flow reads each line above the call for an assignment or the function's header.
    @Test func longCommentLinesAboveACallAreQuick() throws {
        let comment = "    # " + String(repeating: "the archive is unpacked in place, ", count: 30)
        let lines =
            ["import os", "", "def unpack(archive):"] + Array(repeating: comment, count: 40) + [
                "    os.system(\"tar xf \" + archive)"
            ]
        let (result, seconds, _) = try review("unpack.py", lines.joined(separator: "\n") + "\n")
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.command-injection") == [lines.count])
    }

    /// A docstring of 1,260-byte lines of backslashes and lone carriage returns (blank in the code view) between two
    /// calls and their function's header: the fuzzer's second timeout.
    @Test func backslashLinesInAStringAboveCallsAreQuick() throws {
        let backslashes = String(repeating: "\\", count: 1260)
        let usage = [backslashes, backslashes + "\r" + backslashes.prefix(600) + "\r"]
        let lines =
            ["import os", "", "def run(command, code):", "    usage = \"\"\""]
            + Array(repeating: usage, count: 3).flatMap { $0 }
            + ["\"\"\"", "    os.system(command)", "    eval(code)"]
        let (result, seconds, _) = try review("run.py", lines.joined(separator: "\n") + "\n")
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.command-injection") == [lines.count - 1])
        #expect(try ruleLines(result, "security.code-eval") == [lines.count])
    }

    /// A command built from a long string literal (blank in the code view) and assigned above the call: the
    /// assignment is read whole, so a constant one is not flagged and one that appends a parameter is.
    @Test func longLiteralAssignmentsAreFollowedQuickly() throws {
        let literal = String(repeating: "--exclude=cache ", count: 90)
        let lines = [
            "import os", "", "def pack():", "    command = \"tar cf out.tar " + literal + "\"",
            "    os.system(command)", "",
            "def unpack(archive):", "    command = \"tar xf " + literal + "\" + archive", "    os.system(command)",
        ]
        let (result, seconds, _) = try review("pack.py", lines.joined(separator: "\n") + "\n")
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "security.command-injection") == [9])
    }

    /// A `role` attribute whose quote is never closed on its line, running into long words: each word is one
    /// token, not every way of cutting it into pieces.
    @Test func anUnclosedRoleAttributeIsQuick() throws {
        let unclosed = "      <div role=\"bu        ObjectInputStreamFactoryBuilderProvider in = new x; // a\""
        let lines = [
            "<!doctype html>", "<html lang=\"en\">", "<body>", unclosed, unclosed, unclosed, unclosed,
            "<div role=\"nav\">x</div>",
        ]
        let (result, seconds, _) = try review("page.html", lines.joined(separator: "\n") + "\n")
        try expectWholeAndInTime(result, seconds)
        #expect(try ruleLines(result, "accessibility.aria-role-invalid") == [lines.count])
    }

    @Test func everyBadInputFixtureIsReviewedInTime() throws {
        let folder = LLMTestServer.repositoryRoot + "/Fixtures/bad-inputs"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let repo = try ScratchRepository(initialCommit: true)
            try repo.write(name, data)
            try repo.commitAll("bad input")
            let start = Date()
            let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--fail-on", "never")
            let seconds = Date().timeIntervalSince(start)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(seconds < Self.generousSeconds, "\(name) took \(seconds) s")
            #expect((try? result.json()) != nil, "\(name): no JSON report")
        }
    }
}
