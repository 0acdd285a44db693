import Foundation
import Testing

@testable import ReviewBotCore

/// The LLM pass's pieces on their own: answers, validation, redaction, prompts, merging, configuration.
@Suite struct LLMUnitTests {
    // MARK: Answers

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let long = String(repeating: "a", count: 1000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func answersAreFoundBareFencedOrSurrounded() throws {
        let object = #"{"findings": [{"path": "a.py", "line": 2}]}"#
        for text in [
            object, "```json\n\(object)\n```", "Sure! Here is the review:\n\(object)\nLet me know.",
            "```\n\(object)", #"[{"path": "a.py", "line": 2}]"#,
        ] {
            let list = try LLMAnswerReader.findingsList(in: text).get()
            #expect(list.count == 1, "\(text)")
        }
    }

    @Test func truncatedOrProseAnswersSayWhy() {
        let truncated = LLMAnswerReader.findingsList(in: #"{"findings": [{"path": "a.py", "li"#)
        #expect(message(truncated).contains("incomplete or malformed"))
        let prose = LLMAnswerReader.findingsList(in: "Looks good to me, approve.")
        #expect(message(prose).contains("not JSON"))
        #expect(message(LLMAnswerReader.findingsList(in: "  ")).contains("empty"))
        #expect(message(LLMAnswerReader.findingsList(in: #"{"verdict": "approve"}"#)).contains("no findings list"))
    }

    private func message(_ result: Result<[JSONValue], LLMAnswerReader.Problem>) -> String {
        if case .failure(let problem) = result { return problem.message }
        return "(no failure)"
    }

    @Test func validationKeepsOnlyFindingsOnAddedLinesOfTheChunk() throws {
        let file = SourceFile(path: "app/a.py", text: "import os\nx = 1\ny = 2\n", addedLines: [2])
        let chunk = PromptChunk(blocks: [
            PromptBlock(path: "app/a.py", language: .python, lines: [1, 2, 3], added: [2], enclosing: nil)
        ])
        let reader = LLMAnswerReader(
            agent: "quality", chunk: chunk, files: ["app/a.py": file], maxSeverity: .high, maxFindings: 8)
        let answer = """
            {"findings": [
              {"path": "./app/a.py", "line": "2", "severity": "CRITICAL", "category": "quality", "message": "m1"},
              {"path": "app/a.py", "line": 1, "severity": "low", "category": "quality", "message": "context line"},
              {"path": "other.py", "line": 2, "severity": "low", "category": "quality", "message": "elsewhere"},
              {"path": "app/a.py", "line": 2, "severity": "dire", "category": "quality", "message": "bad severity"},
              {"path": "app/a.py", "line": 2, "severity": "low", "category": "style", "message": "bad category"},
              {"path": "app/a.py", "line": 2, "severity": "low", "category": "quality", "message": ""},
              "not an object"
            ]}
            """
        let reading = reader.read(try LLMAnswerReader.findingsList(in: answer).get())
        #expect(reading.findings.count == 1)
        let finding = try #require(reading.findings.first)
        #expect(finding.path == "app/a.py" && finding.line == 2)
        #expect(finding.severity == .high, "capped at llm.max_severity")
        #expect(finding.source == .llm && finding.ruleId == "llm.quality" && finding.agents == ["quality"])
        #expect(
            reading.dropped == [
                "line not added or modified by the change": 1, "path not in the change": 1, "unknown severity": 1,
                "unknown category": 1, "no message": 1, "not an object": 1,
            ])
    }

    // MARK: Redaction

    @Test func secretsBecomePlaceholdersAndOrdinaryCodeStays() {
        let token = "ghp_" + "Q7wE9rT1yU3iO5pA7sD9fG1hJ3kL5zX7cV9b"
        let password = "s3cr3t-Pr0d-" + "2024!"
        let random = "Zq8vW3kP9xL2mN7rT4yB" + "6cD1fG5hJ0sA"
        let text = """
            TOKEN = "\(token)"
            DB_PASSWORD = "\(password)"
            url = "postgres://app:hunter2hunter2@db/app"
            blob = "\(random)"
            name = get_user_account_settings_for_display(user_id)
            path = "src/components/v2/UserProfileCard"
            """
        let file = SourceFile(path: "settings.py", text: text, addedLines: [])
        let redactor = try! Redactor()  // the built-in rules compile
        let result = redactor.redact(file, lines: Array(1...6))
        let joined = (1...6).map { result.lines[$0] ?? "" }.joined(separator: "\n")
        #expect(!joined.contains(token))
        #expect(!joined.contains(password))
        #expect(!joined.contains("hunter2hunter2"))
        #expect(!joined.contains(random))
        #expect(result.lines[1] == "TOKEN = \"<redacted-secret-1>\"")
        #expect(result.lines[3] == "url = \"postgres://app:<redacted-secret-3>@db/app\"")
        #expect(result.lines[5] == "name = get_user_account_settings_for_display(user_id)")
        #expect(result.lines[6] == "path = \"src/components/v2/UserProfileCard\"")
        #expect(result.count == 4)
    }

    @Test func aPrivateKeyBlockIsRedactedWholeEvenWhenOnlyItsBodyIsShown() {
        let text = "key = '''\n\(privateKeyLine)\nMIIEowIBAAKCAQEA7\nabcdEFGH\n-----END RSA PRIVATE KEY-----\n'''\n"
        let file = SourceFile(path: "k.py", text: text, addedLines: [])
        let result = try! Redactor().redact(file, lines: [3, 4, 5, 6])  // reviewbot:ignore quality.force-try
        #expect(result.lines[3] == "<redacted-secret-1>")
        #expect(result.lines[4] == "<redacted-secret-1>")
        #expect(result.lines[6] == "'''")
        #expect(result.count == 1)
    }

    // MARK: Prompts

    @Test func blocksJoinNearbyHunksAndNameTheEnclosingFunction() {
        var lines = (1...40).map { "    x\($0) = \($0)" }
        lines[9] = "def handler(request):"
        let file = SourceFile(path: "h.py", text: lines.joined(separator: "\n") + "\n", addedLines: [20, 23, 35])
        let hunks = [
            Hunk(oldStart: 20, oldLines: 1, newStart: 20, newLines: 1, addedLines: [20], removedLines: []),
            Hunk(oldStart: 23, oldLines: 1, newStart: 23, newLines: 1, addedLines: [23], removedLines: []),
            Hunk(oldStart: 35, oldLines: 1, newStart: 35, newLines: 1, addedLines: [35], removedLines: []),
        ]
        let blocks = LLMPrompt.blocks(for: file, hunks: hunks, context: 2)
        #expect(blocks.map(\.lines) == [Array(18...25), Array(33...37)])
        #expect(blocks.first?.enclosing == 10)
        #expect(blocks.first?.added == [20, 23])
        let data = LLMPrompt.data(chunk: PromptChunk(blocks: blocks), texts: ["h.py": [10: "def handler(request):"]])
        #expect(data.hasPrefix("FILE h.py (python)\n  10 | def handler(request):\n…\n  18 | \n"))
        #expect(data.contains("+ 20 | "))
    }

    @Test func chunksStayWithinTheBudgetAndCutLargeBlocks() {
        let blocks = (0..<5).map { index in
            PromptBlock(
                path: "f\(index).py", language: .python, lines: Array(1...100), added: Set(1...100), enclosing: nil)
        }
        let chunks = LLMPrompt.chunks(blocks, budget: 250) { $0.lines.count }
        #expect(chunks.count == 3, "two blocks of 100 per chunk")
        let big = [
            PromptBlock(path: "big.py", language: .python, lines: Array(1...1000), added: [5, 999], enclosing: 1)
        ]
        let cut = LLMPrompt.chunks(big, budget: 300) { $0.lines.count }
        #expect(cut.allSatisfy { $0.blocks.allSatisfy { $0.lines.count <= 300 } })
        #expect(
            cut.flatMap { $0.blocks.flatMap(\.added) }.sorted() == [5, 999], "pieces without added lines are left out")
    }

    @Test func theDelimiterDependsOnTheDataAndTheSchemaBoundsTheFindings() {
        #expect(LLMPrompt.boundary(for: "a") != LLMPrompt.boundary(for: "b"))
        #expect(LLMPrompt.boundary(for: "a").hasPrefix("REVIEWBOT-DATA-"))
        #expect(LLMPrompt.schema(maxFindings: 8)["properties"]?["findings"]?["maxItems"] == .int(8))
    }

    @Test func cacheKeysChangeWithPromptModelAndSchemaButNotTheEndpoint() {
        var settings = LLMSettings()
        settings.model = "m"
        let request = ChatRequest(system: "s", messages: [ChatMessage(.user, "u")], maxTokens: 10, temperature: 0)
        let key = LLMCache.key(settings: settings, request: request)
        var other = settings
        other.baseURL = "http://127.0.0.1:1234/v1"
        #expect(LLMCache.key(settings: other, request: request) == key)
        other.model = "n"
        #expect(LLMCache.key(settings: other, request: request) != key)
        var changed = request
        changed.messages[0].content = "v"
        #expect(LLMCache.key(settings: settings, request: changed) != key)
        changed = request
        changed.schema = .object([:])
        #expect(LLMCache.key(settings: settings, request: changed) != key)
    }

    @Test func retryAfterReadsSecondsAndDates() {
        #expect(LLMClient.retryAfter("2") == 2)
        #expect(LLMClient.retryAfter(" 0.5 ") == 0.5)
        #expect(LLMClient.retryAfter(nil) == nil)
        #expect(LLMClient.retryAfter("soon") == nil)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        let later = formatter.string(from: Date().addingTimeInterval(30))
        let seconds = LLMClient.retryAfter(later) ?? -1
        #expect(seconds > 25 && seconds <= 30)
    }

    // MARK: Merging and voting

    private func finding(
        _ source: FindingSource, _ severity: Severity, ruleId: String, line: Int = 3, cwe: String? = nil
    ) -> Finding {
        Finding(
            ruleId: ruleId, category: .security, severity: severity, path: "a.py", line: line, endLine: line, column: 1,
            message: "\(source)", recommendation: "r", agents: ["security"], source: source, fingerprint: "\(ruleId)",
            cwe: cwe)
    }

    @Test func anLLMFindingCanNeitherReplaceNorLowerARuleFinding() {
        let change = ChangeSet(target: ReviewTarget(range: "r", base: nil, head: nil), files: [], skipped: [])
        let rule = finding(.rule, .high, ruleId: "security.sql-injection", cwe: "CWE-89")
        for llm in [
            finding(.llm, .critical, ruleId: "llm.security", cwe: "CWE-89"),
            finding(.llm, .info, ruleId: "llm.security"),
        ] {
            for order in [[llm, rule], [rule, llm]] {
                let synthesis = Synthesizer().synthesize(order, change: change)
                #expect(synthesis.findings.count == 1)
                #expect(synthesis.findings.first == rule, "the rule finding stands as it is")
            }
        }
        let elsewhere = finding(.llm, .medium, ruleId: "llm.security", line: 9)
        #expect(Synthesizer().synthesize([rule, elsewhere], change: change).findings.count == 2)
    }

    @Test func llmFindingsCannotApproveAChangeWithACriticalRuleFinding() {
        let voting = VotingModule(settings: VotingSettings())
        let critical = finding(.rule, .critical, ruleId: "security.private-key")
        let votes = [
            voting.vote(agent: "security", findings: [critical], weight: 0, mayVeto: false),
            voting.vote(agent: "quality", findings: [], weight: 5, mayVeto: false),
        ]
        #expect(voting.decide(votes: votes, findings: [critical]).verdict == .reject)
    }

    // MARK: Configuration

    @Test func theLLMSectionIsReadWithPreciseErrors() throws {
        let config = try ConfigLoader.parse(
            """
            llm:
              provider: anthropic
              model: claude-x
              timeouts: {connect: 3, request: 30, idle: 5}
              deadline: 60
              max_requests: 8
              agents: [security, quality]
              required: true
            """, file: ".reviewbot.yml")
        #expect(config.llm.provider == .anthropic)
        #expect(config.llm.effectiveBaseURL == "https://api.anthropic.com")
        #expect(config.llm.timeouts == HTTPTimeouts(connect: 3, total: 30, idle: 5))
        #expect(config.llm.agents == [.security, .quality])
        #expect(config.llm.isActive && config.llm.required)
        #expect(config.llm.apiKey(environment: ["ANTHROPIC_API_KEY": "k"]) == "k")

        for (yaml, expected) in [
            ("llm:\n  modle: x\n", ".reviewbot.yml:2: unknown key 'modle' under llm"),
            ("llm:\n  api_key: sk-abc\n", ".reviewbot.yml:2: llm.api_key is not allowed"),
            (
                "llm:\n  api_key_env: MY_KEY\n",
                ".reviewbot.yml:2: llm.api_key_env is not allowed in a configuration file"
            ),
            ("llm:\n  base_url: ftp://x\n", ".reviewbot.yml:2: llm.base_url must be an http:// or https:// URL"),
            ("llm:\n  timeouts: {read: 3}\n", ".reviewbot.yml:2: unknown key 'read' under llm.timeouts"),
        ] {
            #expect(throws: ConfigError.self) { try ConfigLoader.parse(yaml, file: ".reviewbot.yml") }
            do {
                _ = try ConfigLoader.parse(yaml, file: ".reviewbot.yml")
            } catch {
                #expect(error.message.hasPrefix(expected), "\(error.message)")
            }
        }
    }

    @Test func environmentOverridesTheFile() throws {
        var settings = LLMSettings()
        settings.model = "from-file"
        try settings.apply(environment: [
            "REVIEWBOT_LLM_MODEL": "from-env", "REVIEWBOT_LLM_BASE_URL": "http://127.0.0.1:8080/v1/",
            "REVIEWBOT_LLM_PROVIDER": "openai",
        ])
        #expect(settings.model == "from-env")
        #expect(settings.effectiveBaseURL == "http://127.0.0.1:8080/v1")
        try settings.apply(environment: ["REVIEWBOT_LLM": "off"])
        #expect(!settings.isActive)
        #expect(throws: ConfigError.self) { try settings.apply(environment: ["REVIEWBOT_LLM_PROVIDER": "gemini"]) }
    }
}
