import Foundation
import Testing

/// Small helpers shared by the end-to-end tests (real repositories, the built binary).

/// A line Python's requests call that disables TLS verification: a high security finding (exit 1).
let insecureRequestLine = "requests.get(url, verify=False)"
/// A private key header: a critical security finding (exit 2).
let privateKeyLine = "-----BEGIN RSA PRIVATE KEY-----"  // reviewbot:ignore security.private-key (a made-up example)

extension ScratchRepository {
    /// Runs the binary with an argument array (the variadic form cannot be forwarded).
    func reviewbot(arguments: [String], environment: [String: String] = [:]) throws -> Command.Result {
        try Command.run(Command.reviewbotBinary, arguments, in: path, environment: environment)
    }

    /// Writes `.reviewbot.yml` at the repository root.
    func writeConfig(_ yaml: String) throws {
        try write(".reviewbot.yml", yaml)
    }

    /// Whether a file exists, relative to the repository root.
    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// A new empty folder that is not inside any repository (removed with the process's temp files).
    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("reviewbot-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

extension Command.Result {
    var verdict: String? { (try? json())?["verdict"] as? String }

    /// `ruleId@path:line` of every unsuppressed finding, sorted: easy to compare in one expectation.
    func findingKeys() throws -> [String] {
        try findings().filter { ($0["suppressed"] as? Bool) != true }.map {
            "\($0["ruleId"] as? String ?? "?")@\($0["path"] as? String ?? "?"):\($0["line"] as? Int ?? -1)"
        }.sorted()
    }

    func skipped() throws -> [[String: Any]] {
        try json()["skipped"] as? [[String: Any]] ?? []
    }

    /// `path:status:reason` of every skipped file.
    func skippedKeys() throws -> [String] {
        try skipped().map {
            "\($0["path"] as? String ?? "?"):\($0["status"] as? String ?? "?"):\($0["reason"] as? String ?? "?")"
        }.sorted()
    }

    var stderrLines: [String] {
        stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    /// Every non-zero exit (without --verbose) prints exactly one line on stderr, starting `reviewbot: `.
    func expectOneErrorLine(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(stderrLines.count == 1, "stderr: \(stderr)", sourceLocation: sourceLocation)
        #expect(stderr.hasPrefix("reviewbot: "), "stderr: \(stderr)", sourceLocation: sourceLocation)
        #expect(stderr.hasSuffix("\n"), "stderr: \(stderr)", sourceLocation: sourceLocation)
    }

    var summary: String { "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
}
