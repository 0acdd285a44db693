import Foundation
import Yams

/// The `llm:` section of `.reviewbot.yml`, then environment variables, then flags (each overriding the one
/// before). Without a model nothing is configured and reviews stay offline, rules only.
public struct LLMSettings: Sendable, Equatable {
    public enum Provider: String, Sendable, CaseIterable {
        /// Any OpenAI-compatible chat completions endpoint: OpenAI, Ollama's `/v1`, llama.cpp's server, vLLM,
        /// LM Studio.
        case openai
        /// Anthropic's messages API.
        case anthropic

        public var defaultBaseURL: String {
            switch self {
            case .openai: "https://api.openai.com/v1"
            case .anthropic: "https://api.anthropic.com"
            }
        }

        public var defaultKeyVariable: String {
            switch self {
            case .openai: "OPENAI_API_KEY"
            case .anthropic: "ANTHROPIC_API_KEY"
            }
        }
    }

    /// How the answer's JSON shape is asked for.
    public enum ResponseFormat: String, Sendable, CaseIterable {
        /// The provider's strongest means: a JSON schema (OpenAI-compatible) or a forced tool (Anthropic).
        case auto
        case jsonSchema = "json_schema"
        case jsonObject = "json_object"
        /// Only the prompt asks for JSON.
        case none
    }

    public var provider: Provider = .openai
    /// nil: the provider's default. OpenAI-compatible URLs end before `/chat/completions` (usually in `/v1`).
    public var baseURL: String?
    /// nil: no LLM is configured.
    public var model: String?
    /// The *name* of the environment variable that holds the API key (never the key). nil: the provider's usual
    /// variable, and no key header when it is unset (local servers need none). Only the environment
    /// (`REVIEWBOT_LLM_API_KEY_ENV`) may name it: a repository must not choose which secret is sent.
    public var apiKeyVariable: String?
    /// Whether the user chose the endpoint outside the repository (`REVIEWBOT_LLM_BASE_URL`, `--llm-base-url`);
    /// false when it is the provider's default or comes from a configuration file.
    public var baseURLChosenByUser = false
    public var enabled = true
    /// When true, an LLM failure fails the run (exit 5) instead of degrading to the rules.
    public var required = false
    public var timeouts = HTTPTimeouts(connect: 10, total: 120, idle: 30)
    /// Seconds for the whole LLM part of a review, retries and waits included.
    public var deadline: Double = 300
    /// HTTP requests per run, shared equally by the agents (retries and repairs count).
    public var maxRequests = 32
    /// Tokens per answer.
    public var maxTokens = 1024
    /// Findings asked for per request (the schema's limit too).
    public var maxFindings = 8
    /// Estimated prompt tokens per request; larger changes are split by file and hunk.
    public var maxPromptTokens = 6000
    /// Estimated tokens (prompt and answer) per run, shared equally by the agents.
    public var tokenBudget = 400_000
    /// Requests in flight at once to one endpoint.
    public var concurrency = 4
    /// Retries of one request after a connection failure, a 429 or a 5xx.
    public var retries = 2
    public var temperature = 0.0
    public var responseFormat = ResponseFormat.auto
    /// LLM findings above this severity are lowered to it: a model alone cannot reject a change unless allowed.
    public var maxSeverity = Severity.high
    /// Lines of unchanged code shown around each hunk.
    public var contextLines = 3
    /// The agents that get an LLM pass.
    public var agents: Set<Category> = Set(Category.allCases)
    public var cache = true
    /// nil: `$XDG_CACHE_HOME/reviewbot/llm` or `~/.cache/reviewbot/llm`.
    public var cacheDirectory: String?

    public init() {}

    /// Whether reviews use the model.
    public var isActive: Bool { enabled && !(model ?? "").isEmpty }

    public var effectiveBaseURL: String {
        var url = baseURL ?? provider.defaultBaseURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    public var effectiveKeyVariable: String { apiKeyVariable ?? provider.defaultKeyVariable }

    public var effectiveCacheDirectory: String {
        if let cacheDirectory { return cacheDirectory }
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
        return base + "/reviewbot/llm"
    }

    /// Whether the API key may go to the endpoint: the provider's own host (`https://api.openai.com`,
    /// `https://api.anthropic.com`), or an endpoint the user chose outside the repository. An endpoint named by a
    /// configuration file gets no key, so a repository cannot collect the keys of the people who review it.
    public var keyMayBeSent: Bool {
        baseURLChosenByUser || Self.isOwnHost(of: provider, url: effectiveBaseURL)
    }

    /// Whether `url` is on the provider's own host, over HTTPS, compared as text so that no URL parser can read
    /// another host into it (`https://api.openai.com.evil.example`, `https://api.openai.com@evil.example`).
    static func isOwnHost(of provider: Provider, url: String) -> Bool {
        let origin = provider.defaultBaseURL.split(separator: "/").prefix(2).joined(separator: "//")
        let lower = url.lowercased()
        return lower == origin || lower.hasPrefix(origin + "/")
    }

    /// The API key to send: the value of the key variable, or nil when it is unset or empty, or when the key
    /// may not go to this endpoint (``keyMayBeSent``).
    public func apiKey(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard keyMayBeSent else { return nil }
        return keyValue(environment)
    }

    private func keyValue(_ environment: [String: String]) -> String? {
        guard let value = environment[effectiveKeyVariable], !value.isEmpty else { return nil }
        return value
    }

    /// Why the key in the environment is not sent to this endpoint, in one line; nil when it is sent or there is none.
    public func withheldKeyNote(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !keyMayBeSent, keyValue(environment) != nil else { return nil }
        let host = provider.defaultBaseURL.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        return "the API key in \(effectiveKeyVariable) was not sent to \(effectiveBaseURL): that endpoint comes from "
            + "the configuration file and is not \(host); set REVIEWBOT_LLM_BASE_URL or --llm-base-url to send it there"
    }

    /// What to check after a 401 or 403, in parentheses.
    var keyHint: String {
        keyMayBeSent
            ? "(is \(effectiveKeyVariable) set to a valid key?)"
            : "(no API key was sent: this endpoint comes from the configuration file)"
    }

    /// Why nothing may be sent: the user named a key variable (`REVIEWBOT_LLM_API_KEY_ENV`) that is unset.
    public func missingKeyReason(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard apiKeyVariable != nil, keyValue(environment) == nil else { return nil }
        return "environment variable \(effectiveKeyVariable) is not set"
    }

    /// The environment variables that override the file, by name.
    public static let environmentVariables = [
        "REVIEWBOT_LLM": "on or off",
        "REVIEWBOT_LLM_PROVIDER": "openai or anthropic",
        "REVIEWBOT_LLM_BASE_URL": "the endpoint",
        "REVIEWBOT_LLM_MODEL": "the model",
        "REVIEWBOT_LLM_API_KEY_ENV": "the name of the variable holding the key",
        "REVIEWBOT_LLM_REQUIRED": "true or false",
        "REVIEWBOT_LLM_CACHE_DIR": "the answer cache folder",
    ]

    /// Applies `REVIEWBOT_LLM_*` variables; a bad value is a configuration error naming the variable.
    public mutating func apply(environment: [String: String]) throws(ConfigError) {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let text = value("REVIEWBOT_LLM") {
            guard let on = Self.bool(text) else { throw ConfigError("REVIEWBOT_LLM must be on or off, got '\(text)'") }
            enabled = on
        }
        if let text = value("REVIEWBOT_LLM_PROVIDER") {
            guard let parsed = Provider(rawValue: text.lowercased()) else {
                throw ConfigError("REVIEWBOT_LLM_PROVIDER must be openai or anthropic, got '\(text)'")
            }
            provider = parsed
        }
        if let text = value("REVIEWBOT_LLM_BASE_URL") {
            baseURL = try Self.checkedURL(text, source: "REVIEWBOT_LLM_BASE_URL")
            baseURLChosenByUser = true
        }
        if let text = value("REVIEWBOT_LLM_MODEL") { model = text }
        if let text = value("REVIEWBOT_LLM_API_KEY_ENV") {
            apiKeyVariable = try Self.checkedVariableName(text, source: "REVIEWBOT_LLM_API_KEY_ENV")
        }
        if let text = value("REVIEWBOT_LLM_REQUIRED") {
            guard let on = Self.bool(text) else {
                throw ConfigError("REVIEWBOT_LLM_REQUIRED must be true or false, got '\(text)'")
            }
            required = on
        }
        if let text = value("REVIEWBOT_LLM_CACHE_DIR") { cacheDirectory = text }
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "yes", "on": true
        case "0", "false", "no", "off": false
        default: nil
        }
    }

    /// An http(s) URL; anything else is refused, so a typo cannot send code somewhere unexpected.
    public static func checkedURL(_ text: String, source: String) throws(ConfigError) -> String {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), URL(string: text)?.host != nil else {
            throw ConfigError("\(source) must be an http:// or https:// URL, got '\(text)'")
        }
        return text
    }

    /// A variable name; a value that looks like a key is refused with the reason.
    static func checkedVariableName(_ text: String, source: String) throws(ConfigError) -> String {
        let valid =
            text.unicodeScalars.first.map { $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) } == true
            && text.unicodeScalars.allSatisfy {
                $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0)
            }
        guard valid else {
            throw ConfigError(
                "\(source) names the environment variable that holds the API key (like OPENAI_API_KEY), not the key itself"
            )
        }
        return text
    }
}

extension ConfigLoader {
    /// Reads the `llm:` mapping into `settings`.
    static func readLLM(_ node: Node, reader: Reader, into settings: inout LLMSettings) throws(ConfigError) {
        let keys =
            "provider, base_url, model, enabled, required, timeouts, deadline, max_requests, max_tokens, max_findings, max_prompt_tokens, token_budget, concurrency, retries, temperature, response_format, max_severity, context_lines, agents, cache, cache_dir"
        for (keyNode, value) in try reader.mapping(node, key: "llm") {
            let key = try reader.key(keyNode)
            let path = "llm.\(key)"
            switch key {
            case "provider": settings.provider = try reader.choice(value, key: path, LLMSettings.Provider.self)
            case "base_url":
                do {
                    settings.baseURL = try LLMSettings.checkedURL(reader.scalar(value, key: path), source: path)
                } catch { throw reader.error(value, error.message) }
            case "model": settings.model = try reader.scalar(value, key: path)
            case "api_key_env":
                throw reader.error(
                    keyNode,
                    "\(path) is not allowed in a configuration file: the repository must not choose which secret is sent; set REVIEWBOT_LLM_API_KEY_ENV in your environment instead (default OPENAI_API_KEY or ANTHROPIC_API_KEY)"
                )
            case "api_key", "key", "token":
                throw reader.error(
                    keyNode,
                    "\(path) is not allowed: keep the key out of the repository, in an environment variable (OPENAI_API_KEY, ANTHROPIC_API_KEY, or the one REVIEWBOT_LLM_API_KEY_ENV names)"
                )
            case "enabled": settings.enabled = try reader.bool(value, key: path)
            case "required": settings.required = try reader.bool(value, key: path)
            case "timeouts": try readTimeouts(value, reader: reader, into: &settings.timeouts)
            case "deadline": settings.deadline = try positiveSeconds(value, reader: reader, key: path)
            case "max_requests": settings.maxRequests = try positiveInt(value, reader: reader, key: path)
            case "max_tokens": settings.maxTokens = try positiveInt(value, reader: reader, key: path)
            case "max_findings": settings.maxFindings = try positiveInt(value, reader: reader, key: path)
            case "max_prompt_tokens": settings.maxPromptTokens = try positiveInt(value, reader: reader, key: path)
            case "token_budget": settings.tokenBudget = try positiveInt(value, reader: reader, key: path)
            case "concurrency": settings.concurrency = try positiveInt(value, reader: reader, key: path)
            case "retries":
                let retries = try reader.int(value, key: path)
                guard (0...10).contains(retries) else { throw reader.error(value, "\(path) must be 0 to 10") }
                settings.retries = retries
            case "temperature":
                let temperature = try reader.double(value, key: path)
                guard (0...2).contains(temperature) else { throw reader.error(value, "\(path) must be 0 to 2") }
                settings.temperature = temperature
            case "response_format":
                settings.responseFormat = try reader.choice(value, key: path, LLMSettings.ResponseFormat.self)
            case "max_severity": settings.maxSeverity = try reader.choice(value, key: path, Severity.self)
            case "context_lines":
                let lines = try reader.int(value, key: path)
                guard (0...50).contains(lines) else { throw reader.error(value, "\(path) must be 0 to 50") }
                settings.contextLines = lines
            case "agents":
                var agents = Set<Category>()
                guard case .sequence(let items) = value else { throw reader.error(value, "\(path) must be a list") }
                for item in items { agents.insert(try reader.choice(item, key: "an item of \(path)", Category.self)) }
                settings.agents = agents
            case "cache": settings.cache = try reader.bool(value, key: path)
            case "cache_dir": settings.cacheDirectory = try reader.scalar(value, key: path)
            default:
                throw reader.error(keyNode, "unknown key '\(key)' under llm (expected \(keys))")
            }
        }
    }

    private static func readTimeouts(_ node: Node, reader: Reader, into timeouts: inout HTTPTimeouts)
        throws(ConfigError)
    {
        for (keyNode, value) in try reader.mapping(node, key: "llm.timeouts") {
            let key = try reader.key(keyNode)
            let path = "llm.timeouts.\(key)"
            switch key {
            case "connect": timeouts.connect = try positiveSeconds(value, reader: reader, key: path)
            case "request": timeouts.total = try positiveSeconds(value, reader: reader, key: path)
            case "idle": timeouts.idle = try positiveSeconds(value, reader: reader, key: path)
            default:
                throw reader.error(keyNode, "unknown key '\(key)' under llm.timeouts (expected connect, request, idle)")
            }
        }
    }

    private static func positiveSeconds(_ node: Node, reader: Reader, key: String) throws(ConfigError) -> Double {
        let seconds = try reader.double(node, key: key)
        guard seconds > 0 else { throw reader.error(node, "\(key) must be a positive number of seconds") }
        return seconds
    }

    private static func positiveInt(_ node: Node, reader: Reader, key: String) throws(ConfigError) -> Int {
        let number = try reader.int(node, key: key)
        guard number > 0 else { throw reader.error(node, "\(key) must be positive") }
        return number
    }
}
