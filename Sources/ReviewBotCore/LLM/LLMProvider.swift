import Foundation

/// One message of a conversation with the model.
public struct ChatMessage: Sendable, Equatable {
    public enum Role: String, Sendable {
        case user, assistant
    }

    public var role: Role
    public var content: String

    public init(_ role: Role, _ content: String) {
        self.role = role
        self.content = content
    }
}

/// What to ask the model: provider-neutral, and the input of the cache key.
public struct ChatRequest: Sendable, Equatable {
    public var system: String
    public var messages: [ChatMessage]
    public var maxTokens: Int
    public var temperature: Double
    /// The JSON schema the answer must follow, when the answer is JSON.
    public var schema: JSONValue?
    public var schemaName: String

    public init(
        system: String, messages: [ChatMessage], maxTokens: Int, temperature: Double, schema: JSONValue? = nil,
        schemaName: String = "answer"
    ) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.schema = schema
        self.schemaName = schemaName
    }
}

/// The model's answer.
public struct ChatAnswer: Sendable, Equatable, Codable {
    public var text: String
    /// The answer stopped at the token limit.
    public var truncated: Bool
    public var promptTokens: Int?
    public var completionTokens: Int?

    public init(text: String, truncated: Bool, promptTokens: Int? = nil, completionTokens: Int? = nil) {
        self.text = text
        self.truncated = truncated
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}

/// The wire format of one provider: how a ``ChatRequest`` becomes HTTP and how the answer is read back.
public struct LLMProvider: Sendable {
    public let settings: LLMSettings
    /// The key itself, read from the environment variable the settings name; never logged or cached.
    let apiKey: String?

    public init(settings: LLMSettings, apiKey: String?) {
        self.settings = settings
        self.apiKey = apiKey
    }

    /// The HTTP request for a chat; `structured: false` leaves out the schema (for endpoints that refuse it).
    public func request(for chat: ChatRequest, timeouts: HTTPTimeouts, structured: Bool = true) -> HTTPRequest {
        switch settings.provider {
        case .openai:
            return .postJSON(
                settings.effectiveBaseURL + "/chat/completions", body: openAIBody(chat, structured: structured).bytes,
                headers: apiKey.map { ["Authorization: Bearer \($0)"] } ?? [], timeouts: timeouts)
        case .anthropic:
            return .postJSON(
                settings.effectiveBaseURL + "/v1/messages", body: anthropicBody(chat, structured: structured).bytes,
                headers: anthropicHeaders, timeouts: timeouts)
        }
    }

    private var anthropicHeaders: [String] {
        ["anthropic-version: 2023-06-01"] + (apiKey.map { ["x-api-key: \($0)"] } ?? [])
    }

    func openAIBody(_ chat: ChatRequest, structured: Bool) -> JSONValue {
        var messages: [JSONValue] = [.object(["role": .string("system"), "content": .string(chat.system)])]
        for message in chat.messages {
            messages.append(.object(["role": .string(message.role.rawValue), "content": .string(message.content)]))
        }
        var body: [String: JSONValue] = [
            "model": .string(settings.model ?? ""),
            "messages": .array(messages),
            "max_tokens": .int(chat.maxTokens),
            "temperature": .double(chat.temperature),
            "stream": .bool(false),
        ]
        if structured, let schema = chat.schema {
            switch settings.responseFormat {
            case .auto, .jsonSchema:
                body["response_format"] = .object([
                    "type": .string("json_schema"),
                    "json_schema": .object([
                        "name": .string(chat.schemaName), "strict": .bool(true), "schema": schema,
                    ]),
                ])
            case .jsonObject:
                body["response_format"] = .object(["type": .string("json_object")])
            case .none:
                break
            }
        }
        return .object(body)
    }

    func anthropicBody(_ chat: ChatRequest, structured: Bool) -> JSONValue {
        var body: [String: JSONValue] = [
            "model": .string(settings.model ?? ""),
            "system": .string(chat.system),
            "messages": .array(
                chat.messages.map { .object(["role": .string($0.role.rawValue), "content": .string($0.content)]) }),
            "max_tokens": .int(chat.maxTokens),
            "temperature": .double(chat.temperature),
        ]
        // Anthropic has no response_format: a single tool whose input is the schema, and a forced call of it,
        // gives the same guarantee.
        if structured, let schema = chat.schema,
            settings.responseFormat == .auto || settings.responseFormat == .jsonSchema
        {
            body["tools"] = .array([
                .object([
                    "name": .string(chat.schemaName),
                    "description": .string("Report the review's findings."),
                    "input_schema": schema,
                ])
            ])
            body["tool_choice"] = .object(["type": .string("tool"), "name": .string(chat.schemaName)])
        }
        return .object(body)
    }

    /// Reads a successful (2xx) response. The error says what was wrong with the envelope.
    public func answer(from response: HTTPResponse) throws(LLMFailure) -> ChatAnswer {
        if let reason = JSONValue.tooLargeOrDeep(response.body) {
            throw LLMFailure(.badResponse, "the endpoint's answer is \(reason), refused unread")
        }
        guard let document = JSONValue.parse(response.body), document.object != nil else {
            throw LLMFailure(.badResponse, "the endpoint's answer is not JSON: \(Self.preview(response.text))")
        }
        switch settings.provider {
        case .openai:
            guard let choice = document["choices"]?.array?.first else {
                throw LLMFailure(.badResponse, "the answer has no choices: \(Self.preview(response.text))")
            }
            let message = choice["message"]
            let text = message?["content"]?.string ?? ""
            let finish = choice["finish_reason"]?.string
            return ChatAnswer(
                text: text, truncated: finish == "length",
                promptTokens: document["usage"]?["prompt_tokens"]?.integer,
                completionTokens: document["usage"]?["completion_tokens"]?.integer)
        case .anthropic:
            guard let blocks = document["content"]?.array else {
                throw LLMFailure(.badResponse, "the answer has no content: \(Self.preview(response.text))")
            }
            var text = ""
            for block in blocks {
                if block["type"]?.string == "tool_use", let input = block["input"] {
                    text = input.text
                    break
                }
                if block["type"]?.string == "text", let part = block["text"]?.string { text += part }
            }
            return ChatAnswer(
                text: text, truncated: document["stop_reason"]?.string == "max_tokens",
                promptTokens: document["usage"]?["input_tokens"]?.integer,
                completionTokens: document["usage"]?["output_tokens"]?.integer)
        }
    }

    /// The request that lists models (OpenAI-compatible) or fetches the configured one (Anthropic).
    public func modelsRequest(timeouts: HTTPTimeouts) -> HTTPRequest {
        switch settings.provider {
        case .openai:
            return HTTPRequest(
                method: .get, url: settings.effectiveBaseURL + "/models",
                headers: apiKey.map { ["Authorization: Bearer \($0)"] } ?? [], timeouts: timeouts)
        case .anthropic:
            let model = (settings.model ?? "").addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? ""
            return HTTPRequest(
                method: .get, url: settings.effectiveBaseURL + "/v1/models/" + model, headers: anthropicHeaders,
                timeouts: timeouts)
        }
    }

    /// Whether the models response names the configured model, and the names it lists.
    public func modelListed(in response: HTTPResponse) -> (found: Bool, models: [String]) {
        guard let document = JSONValue.parse(response.body) else { return (false, []) }
        let model = settings.model ?? ""
        switch settings.provider {
        case .openai:
            let entries = (document["data"]?.array ?? []) + (document["models"]?.array ?? [])
            let names = entries.compactMap { $0["id"]?.string ?? $0["name"]?.string ?? $0["model"]?.string }
            return (names.contains(model), names)
        case .anthropic:
            let id = document["id"]?.string
            return (id == model, id.map { [$0] } ?? [])
        }
    }

    /// The provider's error message from an error response, if it has one.
    public static func errorMessage(_ response: HTTPResponse) -> String {
        if let document = JSONValue.parse(response.body) {
            if let message = document["error"]?["message"]?.string ?? document["error"]?.string
                ?? document["message"]?.string
            {
                return preview(message)
            }
        }
        return preview(response.text)
    }

    /// The start of a text, on one line, for error messages.
    static func preview(_ text: String, limit: Int = 80) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        if flat.isEmpty { return "(empty)" }
        return flat.count <= limit ? "'\(flat)'" : "'\(flat.prefix(limit))…'"
    }
}

/// Why one LLM call gave no usable answer; the reason a degraded agent reports.
public struct LLMFailure: ReviewBotError, Equatable {
    public enum Code: String, Sendable {
        /// No answer: connection, timeout, reset, TLS.
        case transport
        /// An HTTP error status.
        case http
        /// A 2xx answer whose envelope could not be read.
        case badResponse = "bad_response"
        /// The model's text was not the JSON asked for (after the repair retry).
        case invalidAnswer = "invalid_answer"
        /// The request or token budget, or the deadline, ran out.
        case budget
        /// Not configured well enough to ask (a key variable that is unset, for example).
        case configuration
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var exitCode: ExitStatus { .internalOrLLM }
}
