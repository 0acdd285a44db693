import Foundation
import Synchronization

/// At most `limit` requests in flight to one endpoint, across every agent of the process.
actor EndpointLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        available = max(1, limit)
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    private static let registry = Mutex<[String: EndpointLimiter]>([:])

    /// The limiter of an endpoint; the first caller's limit holds for the life of the process.
    static func shared(for endpoint: String, limit: Int) -> EndpointLimiter {
        registry.withLock { limiters in
            if let limiter = limiters[endpoint] { return limiter }
            let limiter = EndpointLimiter(limit: limit)
            limiters[endpoint] = limiter
            return limiter
        }
    }
}

/// One agent's share of the run's budget, and what it spent. Shared by the agent's concurrent requests.
public final class LLMLedger: Sendable {
    private struct State {
        var requestsLeft: Int
        var tokensLeft: Int
        var requests = 0
        var cacheHits = 0
    }

    private let state: Mutex<State>

    public init(requests: Int, tokens: Int) {
        state = Mutex(State(requestsLeft: requests, tokensLeft: tokens))
    }

    /// Takes one HTTP request from the budget; false when none is left.
    func takeRequest() -> Bool {
        state.withLock {
            guard $0.requestsLeft > 0 else { return false }
            $0.requestsLeft -= 1
            $0.requests += 1
            return true
        }
    }

    /// Reserves estimated tokens; false when the budget cannot cover them.
    func reserve(tokens: Int) -> Bool {
        state.withLock {
            guard $0.tokensLeft >= tokens else { return false }
            $0.tokensLeft -= tokens
            return true
        }
    }

    func cacheHit() { state.withLock { $0.cacheHits += 1 } }

    public var requests: Int { state.withLock { $0.requests } }
    public var cacheHits: Int { state.withLock { $0.cacheHits } }
    public var requestsLeft: Int { state.withLock { $0.requestsLeft } }
    public var tokensLeft: Int { state.withLock { $0.tokensLeft } }
}

/// One HTTP attempt or cache hit, for the trace (`--trace`, `--verbose`).
public struct LLMCallEvent: Sendable {
    public var agent: String
    /// `DispatchTime` uptime when the attempt started.
    public var start: UInt64
    public var durationMs: Double
    public var cached: Bool
    public var detail: String
}

/// A usable answer and where it came from.
public struct LLMReply: Sendable {
    public var answer: ChatAnswer
    public var cacheKey: String
    public var cached: Bool
}

/// Asks the model: cache first, then HTTP within the endpoint's concurrency limit, the agent's budget and the
/// run's deadline, with retries and backoff.
///
/// Retries happen only where a second request cannot duplicate a consumed answer: after a connection failure
/// before any response byte arrived, and after a complete 429 or 5xx response (waiting `Retry-After` when the
/// server sends one, else exponential backoff with jitter). A success response that breaks off, stalls or
/// times out is not retried; the agent then reports why it is degraded.
public struct LLMClient: Sendable {
    public let settings: LLMSettings
    public let provider: LLMProvider
    let http: HTTPClient
    let cache: LLMCache?
    let limiter: EndpointLimiter
    public let deadline: ContinuousClock.Instant
    let onEvent: @Sendable (LLMCallEvent) -> Void
    /// Takes the keys out of every response before anything reads, caches or quotes it.
    let scrubber: SecretScrubber

    /// `environment` gives the key (when it may be sent to this endpoint) and the keys to scrub from answers.
    public init(
        settings: LLMSettings, environment: [String: String], deadline: ContinuousClock.Instant,
        onEvent: @escaping @Sendable (LLMCallEvent) -> Void = { _ in }
    ) {
        self.settings = settings
        provider = LLMProvider(settings: settings, apiKey: settings.apiKey(environment: environment))
        scrubber = SecretScrubber(settings: settings, environment: environment)
        http = HTTPClient()
        cache = settings.cache ? LLMCache(directory: settings.effectiveCacheDirectory) : nil
        limiter = EndpointLimiter.shared(for: settings.effectiveBaseURL, limit: settings.concurrency)
        self.deadline = deadline
        self.onEvent = onEvent
    }

    /// Seconds until the deadline (negative once it passed).
    var remaining: Double {
        let left = (deadline - ContinuousClock.now).components
        return Double(left.seconds) + Double(left.attoseconds) / 1e18
    }

    /// Rough token count of a text: code runs about three bytes a token, so this errs on the high side.
    static func estimateTokens(_ text: String) -> Int { text.utf8.count / 3 + 1 }

    static func estimateTokens(_ chat: ChatRequest) -> Int {
        chat.messages.reduce(estimateTokens(chat.system)) { $0 + estimateTokens($1.content) }
    }

    /// Stores an answer that proved usable under the key of the question it answers.
    public func remember(_ answer: ChatAnswer, key: String) {
        cache?.store(key, answer)
    }

    /// The model's answer to `chat`, or why there is none; neither holds an API key.
    public func ask(_ chat: ChatRequest, agent: String, ledger: LLMLedger) async -> Result<LLMReply, LLMFailure> {
        switch await askOnce(chat, agent: agent, ledger: ledger) {
        case .success(var reply):
            reply.answer.text = scrubber.scrub(reply.answer.text)
            return .success(reply)
        case .failure(var failure):
            failure.message = scrubber.scrub(failure.message)
            return .failure(failure)
        }
    }

    private func askOnce(_ chat: ChatRequest, agent: String, ledger: LLMLedger) async -> Result<LLMReply, LLMFailure> {
        let key = LLMCache.key(settings: settings, request: chat)
        if let reply = cachedReply(key, agent: agent, ledger: ledger) { return .success(reply) }
        guard ledger.reserve(tokens: Self.estimateTokens(chat) + chat.maxTokens) else {
            return .failure(LLMFailure(.budget, "token budget used up"))
        }
        var attempt = 0
        var structured = true
        while true {
            let sent: Attempt
            switch await send(chat, structured: structured, ledger: ledger) {
            case .failure(let failure): return .failure(failure)
            case .success(let done): sent = done
            }
            let next: NextStep
            switch sent.result {
            case .failure(let error): next = afterFailure(error, of: sent, attempt: attempt, agent: agent)
            case .success(let response):
                next = afterResponse(
                    response, of: sent, attempt: attempt, structured: structured, agent: agent, key: key)
            }
            switch next {
            case .finish(let result): return result
            case .retry(let wait):
                await sleep(wait)
                attempt += 1
            case .askWithoutStructure: structured = false
            }
        }
    }

    /// One HTTP attempt: what came back, when it started (`DispatchTime` uptime) and how long it took.
    private struct Attempt {
        var result: Result<HTTPResponse, HTTPError>
        var start: UInt64
        var took: Double
    }

    /// What ``ask(_:agent:ledger:)`` does after an attempt.
    private enum NextStep {
        case finish(Result<LLMReply, LLMFailure>)
        /// Sleep this many seconds, then try again.
        case retry(after: Double)
        /// An endpoint without schema support: ask again with the prompt alone.
        case askWithoutStructure
    }

    /// The cached answer to the question under `key`, counted and traced as a cache hit; nil when there is none.
    private func cachedReply(_ key: String, agent: String, ledger: LLMLedger) -> LLMReply? {
        guard let cache else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        guard let answer = cache.load(key) else { return nil }
        ledger.cacheHit()
        onEvent(
            LLMCallEvent(
                agent: agent, start: start, durationMs: milliseconds(since: start), cached: true, detail: "cache hit"))
        return LLMReply(answer: answer, cacheKey: key, cached: true)
    }

    /// Sends one request within the agent's request budget, the run's deadline and the endpoint's limit.
    private func send(_ chat: ChatRequest, structured: Bool, ledger: LLMLedger) async -> Result<Attempt, LLMFailure> {
        guard ledger.takeRequest() else {
            return .failure(LLMFailure(.budget, "request budget used up"))
        }
        guard remaining > 0.25 else { return .failure(LLMFailure(.budget, "deadline reached")) }
        await limiter.acquire()
        let left = remaining
        guard left > 0.25 else {
            await limiter.release()
            return .failure(LLMFailure(.budget, "deadline reached"))
        }
        let timeouts = HTTPTimeouts(
            connect: min(settings.timeouts.connect, left), total: min(settings.timeouts.total, left),
            idle: settings.timeouts.idle)
        let request = provider.request(for: chat, timeouts: timeouts, structured: structured)
        let start = DispatchTime.now().uptimeNanoseconds
        let result: Result<HTTPResponse, HTTPError>
        do {
            result = .success(scrubber.scrub(try await http.send(request)))
        } catch {
            result = .failure(error)
        }
        await limiter.release()
        return .success(Attempt(result: result, start: start, took: milliseconds(since: start)))
    }

    /// After a request that got no usable response: a retry when the connection failed before any byte came.
    private func afterFailure(_ error: HTTPError, of sent: Attempt, attempt: Int, agent: String) -> NextStep {
        let retriable = error.receivedBytes == 0 && (error.code == .connect || error.code == .reset)
        if retriable, attempt < settings.retries {
            let wait = backoff(attempt)
            trace(sent, agent: agent, detail: "\(error.message); retry in \(Self.format(wait))")
            guard wait < remaining - 0.25 else {
                return .finish(.failure(LLMFailure(.transport, error.message + "; no time left to retry")))
            }
            return .retry(after: wait)
        }
        trace(sent, agent: agent, detail: error.message)
        let tries = attempt > 0 ? " (\(attempt + 1) attempts)" : ""
        return .finish(.failure(LLMFailure(.transport, error.message + tries)))
    }

    /// After a complete response: a retry after 429 or 5xx, the answer of a success, or why there is none.
    private func afterResponse(
        _ response: HTTPResponse, of sent: Attempt, attempt: Int, structured: Bool, agent: String, key: String
    ) -> NextStep {
        let status = response.status
        let summary = "HTTP \(status), \(response.body.count) bytes, HTTP/\(response.httpVersion)"
        if status == 429 || (500...599).contains(status) {
            return afterOverload(response, of: sent, attempt: attempt, agent: agent, summary: summary)
        }
        trace(sent, agent: agent, detail: summary)
        if status == 400, structured, Self.refusesStructure(response) { return .askWithoutStructure }
        guard (200..<300).contains(status) else {
            var message = "HTTP \(status): \(LLMProvider.errorMessage(response))"
            if status == 401 || status == 403 { message += " " + settings.keyHint }
            return .finish(.failure(LLMFailure(.http, message)))
        }
        do {
            let answer = try provider.answer(from: response)
            return .finish(.success(LLMReply(answer: answer, cacheKey: key, cached: false)))
        } catch {
            return .finish(.failure(error))
        }
    }

    /// After a 429 or 5xx response: a retry (after `Retry-After` when the server sends one) while retries and
    /// time are left.
    private func afterOverload(
        _ response: HTTPResponse, of sent: Attempt, attempt: Int, agent: String, summary: String
    ) -> NextStep {
        let status = response.status
        let message = LLMProvider.errorMessage(response)
        guard attempt < settings.retries else {
            trace(sent, agent: agent, detail: summary)
            return .finish(.failure(LLMFailure(.http, "HTTP \(status) after \(attempt + 1) attempts: \(message)")))
        }
        let retryAfter = Self.retryAfter(response.headers["retry-after"])
        let wait = retryAfter ?? backoff(attempt)
        trace(sent, agent: agent, detail: summary + "; retry in \(Self.format(wait))")
        guard wait < remaining - 0.25 else {
            let why = retryAfter != nil ? "Retry-After \(Self.format(wait))" : "the next retry"
            return .finish(.failure(LLMFailure(.http, "HTTP \(status) (\(message)); \(why) would pass the deadline")))
        }
        return .retry(after: wait)
    }

    /// Reports an HTTP attempt to the trace.
    private func trace(_ sent: Attempt, agent: String, detail: String) {
        onEvent(LLMCallEvent(agent: agent, start: sent.start, durationMs: sent.took, cached: false, detail: detail))
    }

    /// Exponential backoff with jitter: 0.5 s, 1 s, 2 s, … (capped at 8 s), each scaled by a random 50–100 %.
    private func backoff(_ attempt: Int) -> Double {
        let base = min(8, 0.5 * pow(2, Double(attempt)))
        return base * Double.random(in: 0.5...1)
    }

    private func sleep(_ seconds: Double) async {
        try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
    }

    /// `Retry-After` in seconds: a number of seconds or an HTTP date.
    static func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSinceNow)
    }

    private static func refusesStructure(_ response: HTTPResponse) -> Bool {
        let text = response.text.lowercased()
        return ["response_format", "json_schema", "schema", "tool_choice", "tools"].contains { text.contains($0) }
    }

    static func format(_ seconds: Double) -> String { String(format: "%.1f s", seconds) }
}
