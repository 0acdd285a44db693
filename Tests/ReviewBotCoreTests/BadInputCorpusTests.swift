import Foundation
import Testing

/// One file of `Fixtures/bad-inputs/<target>/`: a hand-made nasty input, or one that `scripts/fuzz.sh` found.
struct BadInput: CustomTestStringConvertible, Sendable {
    /// The fuzz target it belongs to, which says how it is reviewed: `rules`, `config`, `answer` or `diff`.
    var target: String
    var name: String

    var path: String { BadInputCorpus.root + "/" + target + "/" + name }
    var testDescription: String { target + "/" + name }
}

/// The bad-input corpus, and the inputs known to be slow (`Fixtures/bad-inputs/known-slow.txt`).
enum BadInputCorpus {
    static let root = LLMTestServer.repositoryRoot + "/Fixtures/bad-inputs"
    static let targets = ["rules", "config", "answer", "diff"]

    /// Seconds a review of one input may take (a debug build, other tests running): `REVIEWBOT_BAD_INPUT_SECONDS`.
    static let seconds = Double(ProcessInfo.processInfo.environment["REVIEWBOT_BAD_INPUT_SECONDS"] ?? "") ?? 30

    /// `target/name` of every input listed in `known-slow.txt` (one per line, a note after the name, `#` comments).
    static let knownSlow: Set<String> = {
        let text = (try? String(contentsOfFile: root + "/known-slow.txt", encoding: .utf8)) ?? ""
        return Set(
            text.split(separator: "\n").compactMap { line in
                guard !line.hasPrefix("#"), let word = line.split(separator: " ").first else { return nil }
                return String(word)
            })
    }()

    static func inputs(knownSlow slow: Bool) -> [BadInput] {
        targets.flatMap { target in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + target)) ?? []
            return names.sorted().map { BadInput(target: target, name: $0) }
                .filter { knownSlow.contains($0.testDescription) == slow }
        }
    }

    /// A `.named` input (as the `rules` and `diff` fuzz targets read them): the file name on the first line, then
    /// the content. The name keeps `[A-Za-z0-9._-]` only, like the fuzz targets' `FuzzInput.namedFile`.
    static func named(_ data: Data) -> (name: String, content: Data) {
        guard let newline = data.prefix(101).firstIndex(of: 0x0A) else { return ("input.txt", data) }
        let name = String(decoding: data[..<newline], as: UTF8.self).filter {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-")
        }
        let safe = name.isEmpty || name.allSatisfy { $0 == "." } ? "input.txt" : name
        return (safe, data[(newline + 1)...])
    }

    /// Splits a `diff` input at its `\n====\n` line: the old text (nil for an added file) and the new one.
    static func versions(_ content: Data) -> (old: Data?, new: Data) {
        guard let marker = content.range(of: Data("\n====\n".utf8)) else { return (nil, content) }
        return (content[..<marker.lowerBound], content[marker.upperBound...])
    }
}

/// Every bad input reviewed by the built binary in a real repository: a report and exit 0, 1 or 2 (or exit 3 with
/// one line for a configuration the loader refuses), within ``BadInputCorpus/seconds`` per input. Serialized, so
/// the times are the reviews' own.
@Suite(.serialized) struct BadInputCorpusTests {
    @Test(arguments: BadInputCorpus.inputs(knownSlow: false))
    func reviewEndsWithAReport(_ input: BadInput) throws {
        try review(input)
    }

    /// The inputs of `known-slow.txt` still run over the bound (a fix is under way); `REVIEWBOT_BAD_INPUTS_SLOW=1`
    /// runs them too.
    @Test(
        .enabled(if: ProcessInfo.processInfo.environment["REVIEWBOT_BAD_INPUTS_SLOW"] == "1"),
        arguments: BadInputCorpus.inputs(knownSlow: true))
    func knownSlowInputEndsWithAReport(_ input: BadInput) throws {
        try review(input)
    }

    private func review(_ input: BadInput) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: input.path))
        let start = Date()
        let result: Command.Result
        var configRefused = false
        switch input.target {
        case "config": (result, configRefused) = try reviewWithConfig(data)
        case "answer": result = try reviewWithAnswer(input.path)
        case "diff": result = try reviewChange(named: data, diff: true)
        default:
            result =
                input.name.hasSuffix(".named")
                ? try reviewChange(named: data, diff: false) : try reviewChange(input.name, old: nil, new: data)
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < BadInputCorpus.seconds, "\(input.testDescription) took \(seconds) s")
        if configRefused {
            result.expectOneErrorLine()
            return
        }
        #expect((0...2).contains(result.status), "\(input.testDescription): \(result.summary.prefix(2000))")
        #expect(result.verdict != nil, "\(input.testDescription): no report: \(result.summary.prefix(2000))")
    }

    /// A commit that adds (or changes, when `old` is given) one file, reviewed as a range.
    private func reviewChange(_ name: String, old: Data?, new: Data) throws -> Command.Result {
        let repo = try ScratchRepository(initialCommit: true)
        if let old {
            try repo.write(name, old)
            try repo.commitAll("old version")
        }
        try repo.write(name, new)
        try repo.commitAll("bad input")
        return try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json")
    }

    private func reviewChange(named data: Data, diff: Bool) throws -> Command.Result {
        let (name, content) = BadInputCorpus.named(data)
        let (old, new) = diff ? BadInputCorpus.versions(content) : (nil, content)
        return try reviewChange(name, old: old, new: new)
    }

    /// A small change reviewed with the input as `--config`; the second value is whether the loader refused it.
    private func reviewWithConfig(_ data: Data) throws -> (Command.Result, Bool) {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            "app.py",
            "import os\nos.system('ls ' + name)\nvalue = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\npassword = \"hunter2\"\n"
        )
        try repo.commitAll("change")
        let config = try ScratchRepository.temporaryFolder() + "/bad.yml"
        try data.write(to: URL(fileURLWithPath: config))
        let result = try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--config", config)
        return (result, result.status == 3)
    }

    /// The change the `answer` fuzz target reads answers about (`app.py`, twenty added lines), reviewed with a
    /// scripted model whose every answer is the input.
    private func reviewWithAnswer(_ path: String) throws -> Command.Result {
        let server = try LLMTestServer()
        let repo = try ScratchRepository.withChange(
            "app.py", (1...20).map { "value_\($0) = compute(\($0))\n" }.joined())
        let config = try ScratchRepository.temporaryFolder() + "/llm.yml"
        try """
        llm:
          base_url: \(server.baseURL)
          model: "scripted:file:\(path)"
          deadline: 8
          timeouts: {connect: 2, request: 4, idle: 1.5}
        """.write(toFile: config, atomically: true, encoding: .utf8)
        return try repo.reviewbot("review", "HEAD~1..HEAD", "--format", "json", "--config", config, "--no-cache")
    }
}
