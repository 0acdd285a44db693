internal import CCurl
import Foundation
import Synchronization

/// How long a request may take, in seconds.
public struct HTTPTimeouts: Sendable, Equatable {
    /// Until the connection (and TLS) is up.
    public var connect: Double
    /// The whole transfer, from the first attempt to connect to the last byte.
    public var total: Double
    /// The longest silence once the response has started: a stalled body or stream fails after this.
    public var idle: Double

    public init(connect: Double, total: Double, idle: Double) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

/// One request for ``HTTPClient``: a value, so it can be handed to the transfer's thread.
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    public var url: String
    /// `Name: value` lines.
    public var headers: [String]
    public var body: [UInt8]
    public var timeouts: HTTPTimeouts
    /// A larger response is abandoned (a misbehaving endpoint must not fill the memory).
    public var maxResponseBytes: Int

    public init(
        method: Method, url: String, headers: [String] = [], body: [UInt8] = [], timeouts: HTTPTimeouts,
        maxResponseBytes: Int = 16 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeouts = timeouts
        self.maxResponseBytes = maxResponseBytes
    }

    /// A POST of a JSON document.
    public static func postJSON(_ url: String, body: [UInt8], headers: [String] = [], timeouts: HTTPTimeouts)
        -> HTTPRequest
    {
        HTTPRequest(
            method: .post, url: url, headers: ["Content-Type: application/json", "Accept: application/json"] + headers,
            body: body, timeouts: timeouts)
    }
}

/// A complete response, copied out of libcurl's buffers.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lowercased; a repeated header keeps its last value.
    public var headers: [String: String]
    public var body: [UInt8]
    /// `1.1` or `2`.
    public var httpVersion: String

    public init(status: Int, headers: [String: String], body: [UInt8], httpVersion: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.httpVersion = httpVersion
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// A transfer that did not produce a complete response.
public struct HTTPError: ReviewBotError {
    public enum Code: String, Sendable {
        /// The host could not be resolved or reached, or refused the connection.
        case connect
        /// A connect, total or idle timeout.
        case timeout
        /// The connection broke: reset, closed early, or an empty reply.
        case reset
        /// TLS failed, certificate verification included (it is never switched off).
        case tls
        /// The server's answer was not HTTP that libcurl could read.
        case protocolError = "protocol"
        /// The response was larger than allowed.
        case tooLarge = "too_large"
        /// The caller's task was cancelled.
        case cancelled
        case other
    }

    public var code: Code
    public var message: String
    /// libcurl's own text for the failure.
    public var cause: String?
    /// Bytes of the response (headers and body) received before the failure. A request is retried only
    /// when this is zero: after that, part of an answer was consumed and a retry could not be told apart.
    public var receivedBytes: Int

    public init(_ code: Code, _ message: String, cause: String? = nil, receivedBytes: Int = 0) {
        self.code = code
        self.message = message
        self.cause = cause
        self.receivedBytes = receivedBytes
    }

    public var exitCode: ExitStatus { .internalOrLLM }
}

/// Sends HTTP requests through libcurl, each blocking transfer on a thread of its own.
///
/// The cooperative pool is only as wide as the core count, so a transfer that blocks inside it would hold
/// back every other agent; a dedicated thread per transfer lets all requests wait at the same time. Each
/// transfer owns one easy handle, created and freed on its thread. TLS peer and host verification are
/// always on; proxies come from the usual environment variables (`http_proxy`, `https_proxy`, `no_proxy`),
/// which libcurl reads itself; HTTP/2 is used over TLS where the server offers it, HTTP/1.1 otherwise.
public struct HTTPClient: Sendable {
    public init() {}

    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        CurlGlobal.initialize()
        let cancel = CancelFlag()
        let result: Result<HTTPResponse, HTTPError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    let transfer = CurlTransfer(request: request, cancel: cancel)
                    continuation.resume(returning: transfer.perform())
                }
                thread.name = "reviewbot-http"
                thread.start()
            }
        } onCancel: {
            cancel.set()
        }
        return try result.get()
    }
}

/// `curl_global_init` once per process, before the first handle (it is not thread-safe to call twice).
enum CurlGlobal {
    private static let done: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    static func initialize() { _ = done }
}

/// Set from the cancellation handler, read by libcurl's progress callback on the transfer's thread.
final class CancelFlag: Sendable {
    private let value = Atomic<Bool>(false)

    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}

/// What libcurl's callbacks write into while one transfer runs; used only on that transfer's thread.
private final class TransferState {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var receivedBytes = 0
    var lastByte: UInt64 = 0
    var idleNanoseconds: UInt64
    var maxBytes: Int
    var tooLarge = false
    var idleExpired = false
    let cancel: CancelFlag

    init(idleSeconds: Double, maxBytes: Int, cancel: CancelFlag) {
        idleNanoseconds = UInt64(max(0.001, idleSeconds) * 1_000_000_000)
        self.maxBytes = maxBytes
        self.cancel = cancel
    }

    func received(_ count: Int) {
        receivedBytes += count
        lastByte = DispatchTime.now().uptimeNanoseconds
    }
}

/// One libcurl easy handle and the transfer it performs. Owned by the thread that created it; not `Sendable`.
private final class CurlTransfer {
    private let request: HTTPRequest
    private let handle: UnsafeMutableRawPointer?
    private let state: TransferState
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init(request: HTTPRequest, cancel: CancelFlag) {
        self.request = request
        handle = curl_easy_init()
        state = TransferState(
            idleSeconds: request.timeouts.idle, maxBytes: request.maxResponseBytes, cancel: cancel)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    func perform() -> Result<HTTPResponse, HTTPError> {
        guard let handle else { return .failure(HTTPError(.other, "libcurl could not create a handle")) }
        if let failure = configure(handle) { return .failure(failure) }
        let code = curl_easy_perform(handle)
        if code != CURLE_OK { return .failure(error(for: code)) }
        var status = 0
        _ = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var version = 0
        _ = CCurl_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        return .success(
            HTTPResponse(
                status: status, headers: state.headers, body: state.body,
                httpVersion: version == Int(CURL_HTTP_VERSION_2_0) ? "2" : "1.1"))
    }

    /// Sets every option; returns an error when libcurl refuses one.
    private func configure(_ handle: UnsafeMutableRawPointer) -> HTTPError? {
        var codes: [CURLcode] = []
        let timeouts = request.timeouts
        codes.append(CCurl_easy_setopt_string(handle, CURLOPT_URL, request.url))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        codes.append(CCurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(timeouts.connect)))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(timeouts.total)))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS)))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        codes.append(CCurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        codes.append(CCurl_easy_setopt_string(handle, CURLOPT_USERAGENT, "reviewbot/\(ReviewBot.version)"))
        switch request.method {
        case .get:
            codes.append(CCurl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case .post:
            codes.append(CCurl_easy_setopt_long(handle, CURLOPT_POST, 1))
            codes.append(CCurl_easy_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count))
            // COPYPOSTFIELDS copies the bytes, so the body need not outlive this call.
            var body = request.body
            body.append(0)
            codes.append(
                body.withUnsafeMutableBytes {
                    CCurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress)
                })
        }
        // An empty `Expect:` stops libcurl from waiting up to a second for `100 Continue` on larger bodies.
        for line in request.headers + ["Expect:"] { headerList = curl_slist_append(headerList, line) }
        codes.append(CCurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))

        let context = Unmanaged.passUnretained(state).toOpaque()
        codes.append(CCurl_easy_setopt_write_function(handle, Self.onBody))
        codes.append(CCurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        codes.append(CCurl_easy_setopt_header_function(handle, Self.onHeader))
        codes.append(CCurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        codes.append(CCurl_easy_setopt_xferinfo_function(handle, Self.onProgress))
        codes.append(CCurl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, context))
        codes.append(CCurl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        if let bad = codes.first(where: { $0 != CURLE_OK }) {
            return HTTPError(.other, "libcurl refused an option: \(Self.describe(bad))")
        }
        return nil
    }

    private static func milliseconds(_ seconds: Double) -> Int { max(1, Int((seconds * 1000).rounded(.up))) }

    private static func describe(_ code: CURLcode) -> String {
        curl_easy_strerror(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
    }

    private static let onBody: CCurl_write_callback = { data, size, count, context in
        guard let context else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
        let total = size * count
        state.received(total)
        if state.body.count + total > state.maxBytes {
            state.tooLarge = true
            return 0
        }
        if let data, total > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: total) {
                state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: total))
            }
        }
        return total
    }

    private static let onHeader: CCurl_write_callback = { data, size, count, context in
        guard let context, let data else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
        let total = size * count
        state.received(total)
        let line = data.withMemoryRebound(to: UInt8.self, capacity: total) {
            String(decoding: UnsafeBufferPointer(start: $0, count: total), as: UTF8.self)
        }.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            // A new status line (after `100 Continue`, for example) starts a new set of headers.
            state.headers = [:]
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            state.headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return total
    }

    /// Called by libcurl at least once a second: stops the transfer when the task is cancelled or when
    /// the response started and then stayed silent for longer than the idle timeout.
    private static let onProgress: CCurl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
        if state.cancel.isSet { return 1 }
        if state.receivedBytes > 0, DispatchTime.now().uptimeNanoseconds - state.lastByte > state.idleNanoseconds {
            state.idleExpired = true
            return 1
        }
        return 0
    }

    private func error(for code: CURLcode) -> HTTPError {
        let detail = String(cString: errorBuffer)
        let cause = detail.isEmpty ? Self.describe(code) : detail
        let received = state.receivedBytes
        let after = received > 0 ? " after \(received) bytes of the response" : ""
        let kind: HTTPError.Code
        let message: String
        switch code {
        case CURLE_ABORTED_BY_CALLBACK where state.idleExpired:
            kind = .timeout
            message = "no data for \(Self.seconds(request.timeouts.idle)) (idle timeout)\(after)"
        case CURLE_ABORTED_BY_CALLBACK where state.cancel.isSet:
            kind = .cancelled
            message = "cancelled\(after)"
        case CURLE_WRITE_ERROR where state.tooLarge:
            kind = .tooLarge
            message = "response larger than \(request.maxResponseBytes) bytes"
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
            message =
                received == 0 && cause.lowercased().contains("connect")
                ? "connect timeout (\(Self.seconds(request.timeouts.connect)))"
                : "timeout: no complete response in \(Self.seconds(request.timeouts.total))\(after)"
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            kind = .connect
            message = "cannot connect: \(cause)"
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            kind = .reset
            message = "connection broken\(after): \(cause)"
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR:
            kind = .tls
            message = "TLS failed: \(cause)"
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_UNSUPPORTED_PROTOCOL,
            CURLE_URL_MALFORMAT, CURLE_BAD_CONTENT_ENCODING:
            kind = .protocolError
            message = "not a readable HTTP answer: \(cause)"
        default:
            kind = .other
            message = "transfer failed\(after): \(cause)"
        }
        return HTTPError(kind, message, cause: cause, receivedBytes: received)
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
