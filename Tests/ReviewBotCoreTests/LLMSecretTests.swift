import Foundation
import Testing

@testable import ReviewBotCore

/// Secrets stay home (issue 11, item 2): an API key goes only to the provider's own host or to an endpoint the
/// user chose outside the repository; a repository cannot name the variable that holds it; a key an endpoint
/// echoes is in nothing reviewbot writes; and redaction sends no piece of a secret, split or not.
@Suite struct LLMSecretTests {
    /// A made-up API key, and a CI token a repository would like to collect.
    static let apiKey = "rbk-" + "9fK2mQ7xZ4pL8wR3tV6yB1nC5hJ0dS"
    static let deployToken = "ci-" + "W7eR2tY9uI4oP1aS6dF3gH8jK5lZ0x"

    static let fastLimits = "deadline: 8\ntimeouts: {connect: 2, request: 4, idle: 1.5}"

    /// A change with one high rule finding, so that every agent but accessibility asks the model.
    static let changedFile = "import requests\n\n\ndef fetch(url):\n    \(insecureRequestLine)\n    return 1\n"

    /// A repository whose base commit has `.reviewbot.yml` with an `llm:` section (a repository's own
    /// configuration, whichever revision a review reads it from) and whose last commit adds `files`.
    static func repository(
        url: String, model: String, extra: String = "", files: [String: String] = ["api/client.py": changedFile]
    ) throws -> (repo: ScratchRepository, cache: String) {
        let repo = try ScratchRepository(initialCommit: true)
        let cache = try repo.configureLLM(
            url: url, model: model, extra: fastLimits + (extra.isEmpty ? "" : "\n" + extra))
        try repo.commitAll("configuration")
        for (path, text) in files { try repo.write(path, text) }
        try repo.commitAll("change")
        return (repo, cache)
    }

    /// Every header value and body the server received, for searching.
    private func received(_ server: LLMTestServer) throws -> [String] {
        try server.requests().flatMap { Array($0.headers.values) + [$0.body] }
    }

    private func keyHeaders(_ server: LLMTestServer) throws -> [String] {
        try server.requests().flatMap { request in
            request.headers.filter { ["authorization", "x-api-key"].contains($0.key.lowercased()) }.map(\.value)
        }
    }

    // MARK: Where a key may go

    @Test func theKeyGoesOnlyToTheProvidersHostOrAnEndpointTheUserChose() throws {
        let environment = ["OPENAI_API_KEY": Self.apiKey, "ANTHROPIC_API_KEY": Self.apiKey]
        func settings(_ yaml: String) throws -> LLMSettings {
            try ConfigLoader.parse("llm:\n  model: m\n" + yaml, file: ".reviewbot.yml").llm
        }
        #expect(try settings("").apiKey(environment: environment) == Self.apiKey, "the default endpoint")
        #expect(try settings("  base_url: https://api.openai.com/v1\n").apiKey(environment: environment) != nil)
        #expect(try settings("  provider: anthropic\n").apiKey(environment: environment) != nil)
        for url in [
            "http://127.0.0.1:8080/v1", "https://api.openai.com.evil.example/v1",
            "https://api.openai.com@evil.example/v1",
            "http://api.openai.com/v1", "https://api.openai.community/v1", "https://evil.example/api.openai.com",
        ] {
            let fromFile = try settings("  base_url: \(url)\n")
            #expect(fromFile.apiKey(environment: environment) == nil, "\(url)")
            #expect(fromFile.withheldKeyNote(environment: environment)?.contains("was not sent") == true)
        }
        let crossed = try settings("  provider: openai\n  base_url: https://api.anthropic.com\n")
        #expect(crossed.apiKey(environment: environment) == nil, "another provider's host is not this one's")

        var chosen = try settings("  base_url: http://127.0.0.1:8080/v1\n")
        try chosen.apply(environment: ["REVIEWBOT_LLM_BASE_URL": "http://127.0.0.1:9090/v1"])
        #expect(chosen.apiKey(environment: environment) == Self.apiKey, "the user's own endpoint gets the key")
        #expect(chosen.withheldKeyNote(environment: environment) == nil)
    }

    @Test func aRepositoryConfigurationMayNotNameTheKeyVariable() throws {
        let repo = try ScratchRepository.withChange("api/client.py", Self.changedFile)
        try repo.writeConfig("llm:\n  model: m\n  api_key_env: CI_DEPLOY_TOKEN\n")
        let result = try repo.reviewbot(
            arguments: ["review", "HEAD~1..HEAD"], environment: ["CI_DEPLOY_TOKEN": Self.deployToken])
        #expect(result.status == 3, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains(".reviewbot.yml:3: llm.api_key_env is not allowed in a configuration file"))
        #expect(result.stderr.contains("REVIEWBOT_LLM_API_KEY_ENV"), "it says where to set it instead")
    }

    @Test(arguments: ["openai", "anthropic"])
    func anEndpointTheRepositoryNamesNeverReceivesAKey(provider: String) throws {
        let server = try LLMTestServer()
        let url = provider == "openai" ? server.baseURL : "http://127.0.0.1:\(server.port)"
        let (repo, _) = try Self.repository(url: url, model: "scripted:ok", extra: "provider: \(provider)")
        let environment = [
            "OPENAI_API_KEY": Self.apiKey, "ANTHROPIC_API_KEY": Self.apiKey, "CI_DEPLOY_TOKEN": Self.deployToken,
        ]
        let range = try repo.reviewbot(
            arguments: ["review", "HEAD~1..HEAD", "--format", "json"], environment: environment)
        try repo.write("api/other.py", Self.changedFile)
        try repo.git("add", "api/other.py")
        let staged = try repo.reviewbot(
            arguments: ["review", "--staged", "--format", "json"], environment: environment)

        for result in [range, staged] {
            #expect(result.status == 1, "the rule finding still requests changes: \(result.summary)")
            let llm = try result.json()["llm"] as? [String: Any] ?? [:]
            #expect(llm["requests"] as? Int ?? 0 > 0, "the model was still asked, without a key")
            let notes = llm["notes"] as? [String] ?? []
            #expect(
                notes.count == 1 && notes[0].contains("was not sent to http://127.0.0.1:\(server.port)"), "\(notes)")
        }
        #expect(try server.chatRequests().count >= 6)
        #expect(try keyHeaders(server).isEmpty)
        for text in try received(server) {
            #expect(!text.contains(Self.apiKey) && !text.contains(Self.deployToken))
        }
    }

    @Test func llmCheckSaysTheKeyIsNotSentToAnEndpointTheRepositoryNames() throws {
        let server = try LLMTestServer()
        let (repo, _) = try Self.repository(url: server.baseURL, model: "scripted")
        let result = try repo.reviewbot(arguments: ["llm", "check"], environment: ["OPENAI_API_KEY": Self.apiKey])
        #expect(result.status == 0, "\(result.summary)")
        #expect(
            result.stdout.contains("no API key sent: the API key in OPENAI_API_KEY was not sent"), "\(result.stdout)")
        #expect(try !server.requests().isEmpty)
        #expect(try keyHeaders(server).isEmpty)
    }

    @Test func anEndpointTheUserChoseReceivesTheKey() throws {
        let server = try LLMTestServer()
        let (repo, _) = try Self.repository(url: "http://127.0.0.1:9/v1", model: "scripted:ok")
        let result = try repo.reviewbot(
            arguments: ["review", "HEAD~1..HEAD", "--format", "json", "--no-cache"],
            environment: ["OPENAI_API_KEY": Self.apiKey, "REVIEWBOT_LLM_BASE_URL": server.baseURL])
        #expect(result.status == 1, "\(result.summary)")
        let keys = try keyHeaders(server)
        #expect(keys.count == 3 && keys.allSatisfy { $0 == "Bearer \(Self.apiKey)" }, "\(keys)")
    }

    // MARK: An echoed key is written nowhere

    @Test func aKeyTheEndpointEchoesIsInNoReportCacheTraceOrStderr() throws {
        let server = try LLMTestServer()
        let (repo, cache) = try Self.repository(url: "http://127.0.0.1:9/v1", model: "scripted:echo-key")
        let environment = ["OPENAI_API_KEY": Self.apiKey]
        let flags = ["--llm-base-url", server.baseURL, "--verbose", "--fail-on", "never"]
        var written: [String] = []
        for format in ["json", "text", "markdown", "sarif", "github"] {
            let trace = repo.path + "/.git/trace-\(format).json"
            let result = try repo.reviewbot(
                arguments: ["review", "HEAD~1..HEAD", "--format", format, "--trace", trace] + flags,
                environment: environment)
            #expect(result.status == 0, "\(result.summary)")
            written += [result.stdout, result.stderr, try String(contentsOfFile: trace, encoding: .utf8)]
            if format == "json" {
                let messages = try result.findings().compactMap { $0["message"] as? String }
                #expect(messages.contains("the key you sent is <redacted-api-key>"), "the echo arrived: \(messages)")
            }
        }
        #expect(try keyHeaders(server).contains("Bearer \(Self.apiKey)"), "the key was sent, so it could be echoed")
        let entries = FileManager.default.enumerator(atPath: cache)?.compactMap { $0 as? String } ?? []
        let files = entries.filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty, "answers were cached")
        for file in files { written.append(try String(contentsOfFile: cache + "/" + file, encoding: .utf8)) }
        #expect(written.contains { $0.contains("<redacted-api-key>") })
        for text in written { #expect(!text.contains(Self.apiKey)) }
    }

    @Test func aKeyEchoedInAnErrorIsNotInTheErrorLine() throws {
        let server = try LLMTestServer()
        let (repo, _) = try Self.repository(url: "http://127.0.0.1:9/v1", model: "scripted:echo-key-error")
        let result = try repo.reviewbot(
            arguments: [
                "review", "HEAD~1..HEAD", "--format", "json", "--llm-required", "--llm-base-url", server.baseURL,
            ],
            environment: ["OPENAI_API_KEY": Self.apiKey])
        #expect(result.status == 5, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("HTTP 401") && result.stderr.contains("<redacted-api-key>"), "\(result.stderr)")
        #expect(!result.stderr.contains(Self.apiKey) && !result.stdout.contains(Self.apiKey))
        #expect(result.stdout.contains("<redacted-api-key>"), "the agents' notes quote the scrubbed message")
    }

    @Test func theScrubberFindsTheKeyInTheFormsEncodersGiveIt() {
        let key = "ab/cd+ef" + "gh12345"
        let scrubber = SecretScrubber(secrets: [key, "short"])
        #expect(scrubber.scrub("key \(key).") == "key <redacted-api-key>.")
        #expect(scrubber.scrub(#"{"k": "ab\/cd+efgh12345"}"#) == #"{"k": "<redacted-api-key>"}"#)
        #expect(scrubber.scrub("k=ab%2Fcd%2Befgh12345") == "k=<redacted-api-key>")
        #expect(scrubber.scrub("a short word") == "a short word", "values under 8 characters are not keys")
        let echoed = SecretScrubber(secrets: [Self.apiKey])
        #expect(echoed.scrub("key …" + Self.apiKey.dropFirst(5) + "!") == "key …<redacted-api-key>!")
        #expect(echoed.scrub(String(Self.apiKey.prefix(20)) + "…") == "<redacted-api-key>…", "an echo cut short")
        #expect(echoed.scrub(String(Self.apiKey.prefix(10))) == String(Self.apiKey.prefix(10)), "too short to tell")
    }

    // MARK: Redaction sends no piece of a secret

    /// Secrets written whole and split over literals, and the part of each that must never leave.
    static let canaries: [(code: String, secret: String)] = [
        // Whole tokens are put together here, so that this file holds none.
        (#"AWS_KEY_ID = "AKIA"# + #"Q3EGRQ5X7JZKW2NB""#, "Q3EGRQ5X7JZKW2NB"),
        (#"TOKEN = "ghp_"# + #"Tq4Lm8Xw2Rz6Kp0Vn3Bc7Yh1Jd5Fs9Ga2Ue6""#, "Tq4Lm8Xw2Rz6Kp0Vn3Bc7Yh1Jd5Fs9Ga2Ue6"),
        (#"SPLIT = "ghp_aB3dE5fG7h" + "I9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC""#, "aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC"),
        (#"ADJACENT = ("AKIAR7TY" "UI2OP4AS6DF8")"#, "R7TYUI2OP4AS6DF8"),
        ("ACROSS = (\"glpat-Hq3Wm8\"\n          \"Zr5Tk2Vn7Yp4Xc\")", "Hq3Wm8Zr5Tk2Vn7Yp4Xc"),
        (#"LOW = "ghp_abcdefghijklmnopqrstu" + "vwxyz0123456789""#, "abcdefghijklmnopqrstuvwxyz0123456789"),
        (#"HEAD_SPLIT = "gh" + "p_Mn2Bv4Cx6Zl8Kj0Hg2Fd4Sa6Qw8Er0Ty2Ui4""#, "Mn2Bv4Cx6Zl8Kj0Hg2Fd4Sa6Qw8Er0Ty2Ui4"),
    ]

    /// Every run of 5 characters of `secret`: none may be sent.
    private func pieces(_ secret: String) -> [String] {
        let characters = Array(secret)
        return (0...(characters.count - 5)).map { String(characters[$0..<($0 + 5)]) }
    }

    @Test func redactionRemovesWholeTokensAndEverySplitPiece() throws {
        let text = Self.canaries.map(\.code).joined(separator: "\n") + "\n"
        let file = SourceFile(path: "settings.py", text: text, addedLines: [])
        let result = try Redactor().redact(file, lines: Array(1...file.lineCount))
        let shown = (1...file.lineCount).compactMap { result.lines[$0] }.joined(separator: "\n")
        for canary in Self.canaries {
            for piece in pieces(canary.secret) { #expect(!shown.contains(piece), "\(piece) of \(canary.code)") }
        }
        #expect(shown.contains("AWS_KEY_ID = \"<redacted-secret-"), "the name stays: \(shown)")
        #expect(shown.contains("SPLIT = \"<redacted-secret-"), "\(shown)")
    }

    @Test func joinedLiteralsThatAreNotSecretsStay() throws {
        let text = """
            message = "Processed " + "42 items in 3 batches"
            path = "src/components/" + "v2/UserProfileCard"
            label = ("The quick brown fox jumps over 13 lazy dogs, "
                     "then 7 more")
            locale = "sk-" + "SK"
            const url = base + "/api/v2/users/" + id;
            """
        let file = SourceFile(path: "app.py", text: text, addedLines: [])
        let result = try Redactor().redact(file, lines: Array(1...5))
        for line in 1...5 {
            #expect(result.lines[line] == file.rawLine(line), "line \(line): \(result.lines[line] ?? "")")
        }
        #expect(result.count == 0)
    }

    @Test func noPieceOfACanaryReachesTheServer() throws {
        let server = try LLMTestServer()
        let python =
            "import requests\n\n\ndef settings(url):\n    \(insecureRequestLine)\n"
            + Self.canaries.map { "    " + $0.code.replacingOccurrences(of: "\n", with: "\n    ") }.joined(
                separator: "\n")
            + "\n    return 1\n"
        let javascript = """
            const slack = "xoxb-4417" + "2093-Rt5Yu7Io9Pa1";
            const key = 'AKIAW4ER' + 'TY6UI8OP0AS2';
            """
        let (repo, _) = try Self.repository(
            url: server.baseURL, model: "scripted:ok", files: ["app/settings.py": python, "web/keys.js": javascript])
        let result = try repo.reviewbot(arguments: ["review", "HEAD~1..HEAD", "--format", "json", "--fail-on", "never"])
        #expect(result.status == 0, "\(result.summary)")
        let bodies = try server.chatRequests().map(\.body)
        #expect(bodies.count >= 3)
        #expect(bodies.contains { $0.contains("SPLIT = \\\"<redacted-secret-") }, "the change was shown, redacted")
        let secrets = Self.canaries.map(\.secret) + ["44172093-Rt5Yu7Io9Pa1", "W4ERTY6UI8OP0AS2"]
        for body in bodies {
            for secret in secrets {
                for piece in pieces(secret) { #expect(!body.contains(piece), "\(piece) of \(secret) was sent") }
            }
        }
    }
}
