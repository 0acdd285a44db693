import Foundation

/// `reviewbot llm check`: whether the configured endpoint answers and knows the configured model.
public enum LLMCheck {
    public struct Outcome: Sendable {
        /// One line per fact, for people.
        public var lines: [String]
        /// nil when all is well; else the one-line reason (exit 5).
        public var failure: LLMFailure?
    }

    public static func run(
        _ settings: LLMSettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Outcome {
        let endpoint = settings.effectiveBaseURL
        let key = settings.apiKey(environment: environment)
        var lines = [
            "provider \(settings.provider.rawValue), endpoint \(endpoint), model \(settings.model ?? "(none)")",
            settings.withheldKeyNote(environment: environment).map { "no API key sent: " + $0 }
                ?? (key == nil
                    ? "no API key: \(settings.effectiveKeyVariable) is not set (fine for local servers)"
                    : "API key from \(settings.effectiveKeyVariable)"),
        ]
        if let missing = settings.missingKeyReason(environment: environment) {
            return Outcome(lines: lines, failure: LLMFailure(.configuration, missing))
        }
        let scrubber = SecretScrubber(settings: settings, environment: environment)
        let provider = LLMProvider(settings: settings, apiKey: key)
        let timeouts = HTTPTimeouts(
            connect: settings.timeouts.connect, total: min(settings.timeouts.total, 30), idle: settings.timeouts.idle)
        let start = DispatchTime.now().uptimeNanoseconds
        let response: HTTPResponse
        do {
            response = scrubber.scrub(try await HTTPClient().send(provider.modelsRequest(timeouts: timeouts)))
        } catch {
            return Outcome(
                lines: lines, failure: LLMFailure(.transport, "\(endpoint) does not answer: \(error.message)"))
        }
        let took = String(format: "%.0f ms", milliseconds(since: start))
        lines.append("\(endpoint) answers: HTTP \(response.status) in \(took), HTTP/\(response.httpVersion)")
        let model = settings.model ?? ""
        if (200..<300).contains(response.status) {
            let listed = provider.modelListed(in: response)
            if listed.found {
                lines.append("model \(model) is available")
                return Outcome(lines: lines, failure: nil)
            }
            let known = listed.models.prefix(10).joined(separator: ", ")
            return Outcome(
                lines: lines,
                failure: LLMFailure(
                    .configuration,
                    "model '\(model)' is not offered by \(endpoint)" + (known.isEmpty ? "" : " (it offers: \(known))")))
        }
        if response.status == 401 || response.status == 403 {
            return Outcome(
                lines: lines,
                failure: LLMFailure(
                    .http,
                    "HTTP \(response.status) from \(endpoint): \(LLMProvider.errorMessage(response)) \(settings.keyHint)"
                ))
        }
        if settings.provider == .anthropic && response.status == 404 {
            return Outcome(
                lines: lines, failure: LLMFailure(.configuration, "model '\(model)' is not offered by \(endpoint)"))
        }
        // Some OpenAI-compatible servers do not list models: a one-token chat shows whether the model answers.
        let probe = ChatRequest(
            system: "Answer with one word.", messages: [ChatMessage(.user, "ping")], maxTokens: 1, temperature: 0)
        do {
            let chat = scrubber.scrub(try await HTTPClient().send(provider.request(for: probe, timeouts: timeouts)))
            guard (200..<300).contains(chat.status) else {
                return Outcome(
                    lines: lines,
                    failure: LLMFailure(
                        .http, "the model does not answer: HTTP \(chat.status): \(LLMProvider.errorMessage(chat))"))
            }
            lines.append("the endpoint lists no models, but model \(model) answers a chat request")
            return Outcome(lines: lines, failure: nil)
        } catch {
            return Outcome(lines: lines, failure: LLMFailure(.transport, "the model does not answer: \(error.message)"))
        }
    }
}
