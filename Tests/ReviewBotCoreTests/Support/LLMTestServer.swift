import Foundation

/// `scripts/llm-test-server.py` in a child process: the scripted fake model, or a recording proxy in front of a
/// real one. Every request it receives is logged with its body and times; stopped when released.
final class LLMTestServer {
    /// One request as the server logged it.
    struct Request {
        var start: Double
        var end: Double
        var method: String
        var path: String
        var status: Int
        var body: String
        /// The request's headers as received (`Authorization`, `x-api-key`, …).
        var headers: [String: String] = [:]
    }

    let process = Process()
    let port: Int
    let logPath: String

    /// The repository root, found from this file's place in it.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Starts the server; `upstream` makes it a recording proxy in front of that base URL.
    init(upstream: String? = nil, stall: Double = 30, tlsCertificate: String? = nil) throws {
        logPath =
            FileManager.default.temporaryDirectory.appendingPathComponent("llm-requests-\(UUID().uuidString).log")
            .path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [
            "python3", Self.repositoryRoot + "/scripts/llm-test-server.py", "--log", logPath, "--stall", String(stall),
            "--lifetime", "900",
        ]
        if let upstream { arguments += ["--upstream", upstream] }
        if let tlsCertificate { arguments += ["--tls-cert", tlsCertificate] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableDataOrLine(), as: UTF8.self)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw TestFailure("the test server did not start: \(line)")
        }
        self.port = port
    }

    deinit {
        if process.isRunning { process.terminate() }
        let patience = Date().addingTimeInterval(3)
        while process.isRunning && Date() < patience { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: logPath)
    }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// The requests received so far (POSTs and GETs).
    func requests() throws -> [Request] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TestFailure("bad log line: \(line)")
            }
            return Request(
                start: object["start"] as? Double ?? 0, end: object["end"] as? Double ?? 0,
                method: object["method"] as? String ?? "", path: object["path"] as? String ?? "",
                status: object["status"] as? Int ?? 0, body: object["body"] as? String ?? "",
                headers: object["headers"] as? [String: String] ?? [:])
        }
    }

    /// The chat requests received (what left reviewbot for the model).
    func chatRequests() throws -> [Request] {
        try requests().filter { $0.method == "POST" }
    }
}

extension FileHandle {
    /// Reads up to the first newline (the server's `PORT n` line).
    fileprivate func availableDataOrLine() -> Data {
        var data = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { return data }
            data.append(byte)
        }
    }
}

/// A repository whose last commit adds a file; and the configuration of an LLM at `url`.
extension ScratchRepository {
    static func withChange(_ path: String, _ text: String) throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(path, text)
        try repo.commitAll("change")
        return repo
    }

    /// Writes `.reviewbot.yml` with an `llm:` section and a private cache folder; returns the cache folder.
    @discardableResult
    func configureLLM(url: String, model: String, extra: String = "") throws -> String {
        let cache = path + "/.git/reviewbot-llm-cache"
        try writeConfig(
            """
            llm:
              base_url: \(url)
              model: "\(model)"
              cache_dir: \(cache)
            \(extra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            """)
        return cache
    }
}
