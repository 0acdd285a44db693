import Foundation

/// A real git repository in a temporary folder, built with the `git` command line (test code only;
/// the product reads repositories through libgit2). Removed when released.
final class ScratchRepository {
    let path: String

    init(initialCommit: Bool = false) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("reviewbot-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
        try git("init", "-q", "-b", "main")
        try git("config", "user.email", "dev@example.com")
        try git("config", "user.name", "Test Developer")
        try git("config", "commit.gpgsign", "false")
        if initialCommit {
            try write("README.md", "# scratch\n")
            try commitAll("initial")
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes a file (creating folders), as text.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + relative)
    }

    /// Runs git in the repository and returns its trimmed standard output; throws when git fails.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        try git(arguments)
    }

    @discardableResult
    func git(_ arguments: [String]) throws -> String {
        let result = try Command.run("/usr/bin/git", arguments, in: path)
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stages everything and commits; returns the new commit's sha.
    @discardableResult
    func commitAll(_ message: String) throws -> String {
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// Runs the built `reviewbot` binary in this repository.
    func reviewbot(_ arguments: String..., environment: [String: String] = [:]) throws -> Command.Result {
        try Command.run(Command.reviewbotBinary, arguments, in: path, environment: environment)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum Command {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The JSON report on stdout, decoded loosely.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
                throw TestFailure("stdout is not a JSON object: \(stdout)")
            }
            return object
        }

        func findings() throws -> [[String: Any]] {
            try json()["findings"] as? [[String: Any]] ?? []
        }
    }

    /// The `reviewbot` executable built beside the test bundle (or `REVIEWBOT_BIN`).
    static let reviewbotBinary: String = {
        if let explicit = ProcessInfo.processInfo.environment["REVIEWBOT_BIN"] { return explicit }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
                "reviewbot"
            ).path,
            Bundle.main.bundleURL.appendingPathComponent("reviewbot").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("reviewbot").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? "reviewbot"
    }()

    static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        // A test run started from inside a git hook must not point the scratch repositories at its index.
        for key in ["GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY"] { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large report cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
