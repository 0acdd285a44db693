import Foundation
import Synchronization
import Testing

/// Damaged loose objects end in exit 4 with one line that names the object and says to run `git fsck`,
/// never in a crash (libgit2 1.5 overflows its buffer when a body is longer than its header says) or a hang
/// (it loops forever on a truncated zlib stream).
@Suite struct CorruptRepositoryTests {
    /// A repository whose last commit adds `app.py`; returns it and the blob id of `app.py`.
    private func repositoryWithBlob(_ text: String = "import os\nprint(os.getcwd())\n") throws -> (
        ScratchRepository, String
    ) {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("app.py", text)
        try repo.commitAll("add app.py")
        return (repo, try repo.git("rev-parse", "HEAD:app.py"))
    }

    /// Replaces the loose object `sha` with `bytes` deflated (or, with `truncate`, its own file cut in half).
    private func damage(_ repo: ScratchRepository, _ sha: String, deflating bytes: [UInt8]? = nil) throws {
        let path = "\(repo.path)/.git/objects/\(sha.prefix(2))/\(sha.dropFirst(2))"
        chmod(path, 0o644)
        let script: String
        if let bytes {
            script = "import sys, zlib; open(sys.argv[1], 'wb').write(zlib.compress(bytes.fromhex(sys.argv[2])))"
            try run(["python3", "-c", script, path, bytes.map { String(format: "%02x", $0) }.joined()])
        } else {
            script = "import sys; d = open(sys.argv[1], 'rb').read(); open(sys.argv[1], 'wb').write(d[:len(d) // 2])"
            try run(["python3", "-c", script, path])
        }
    }

    private func run(_ arguments: [String]) throws {
        let result = try Command.run("/usr/bin/env", arguments, in: "/")
        guard result.status == 0 else { throw TestFailure("\(arguments[0]) failed: \(result.stderr)") }
    }

    /// Runs the binary, killing it after `limit` seconds; nil when it had to be killed.
    private func reviewbot(_ repo: ScratchRepository, _ arguments: [String], limit: Double = 30) throws
        -> Command.Result?
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Command.reviewbotBinary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: repo.path)
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_INDEX_FILE", "GIT_DIR", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY"] { environment[key] = nil }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let reading = DispatchGroup()
        let outData = Output()
        let errData = Output()
        for (pipe, output) in [(out, outData), (err, errData)] {
            reading.enter()
            Thread {
                output.set(pipe.fileHandleForReading.readDataToEndOfFile())
                reading.leave()
            }.start()
        }
        if ended.wait(timeout: .now() + limit) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        reading.wait()
        return Command.Result(status: process.terminationStatus, stdout: outData.text, stderr: errData.text)
    }

    /// What a reader thread collected from a pipe.
    private final class Output: Sendable {
        private let stored = Mutex(Data())
        func set(_ data: Data) { stored.withLock { $0 = data } }
        var text: String { stored.withLock { String(decoding: $0, as: UTF8.self) } }
    }

    private func expectDamageReported(
        _ result: Command.Result?, naming sha: String, as problem: String = "corrupt loose object",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let result else {
            Issue.record("reviewbot hung and was killed after 30 s", sourceLocation: sourceLocation)
            return
        }
        #expect(result.status == 4, "\(result.summary)", sourceLocation: sourceLocation)
        result.expectOneErrorLine(sourceLocation: sourceLocation)
        #expect(result.stderr.contains("the repository is damaged"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(problem), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(sha), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains("git fsck"), "\(result.stderr)", sourceLocation: sourceLocation)
    }

    @Test func aBodyLongerThanItsHeaderIsExit4NotAHeapOverflow() throws {
        let (repo, blob) = try repositoryWithBlob()
        try damage(repo, blob, deflating: Array("blob 5\0".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1000))
        for arguments in [["review", "HEAD"], ["review", "HEAD", "--format", "json"], ["fix", "HEAD~1..HEAD"]] {
            expectDamageReported(try reviewbot(repo, arguments), naming: blob)
        }
    }

    @Test func aTruncatedLooseObjectIsExit4NotAHang() throws {
        let (repo, blob) = try repositoryWithBlob(String(repeating: "print('a line of code')\n", count: 2000))
        try damage(repo, blob)
        expectDamageReported(try reviewbot(repo, ["review", "HEAD"]), naming: blob)
    }

    @Test func aBodyShorterThanItsHeaderIsExit4() throws {
        let (repo, blob) = try repositoryWithBlob()
        try damage(repo, blob, deflating: Array("blob 500\0only a few bytes".utf8))
        expectDamageReported(try reviewbot(repo, ["review", "HEAD"]), naming: blob)
    }

    @Test func anObjectWhoseBytesDoNotMatchItsIdIsExit4() throws {
        let (repo, blob) = try repositoryWithBlob("value = 1\n")
        try damage(repo, blob, deflating: Array("blob 10\0value = 2\n".utf8))
        expectDamageReported(try reviewbot(repo, ["review", "HEAD"]), naming: blob, as: "object hash mismatch")
    }

    @Test func aDamagedTreeOrStagedBlobIsExit4() throws {
        let (repo, _) = try repositoryWithBlob()
        let tree = try repo.git("rev-parse", "HEAD^{tree}")
        try damage(repo, tree)
        expectDamageReported(try reviewbot(repo, ["review", "HEAD"]), naming: tree)

        let (staged, _) = try repositoryWithBlob()
        try staged.write("new.py", "value = 1\n")
        try staged.git("add", "new.py")
        let blob = try staged.git("rev-parse", ":new.py")
        try damage(staged, blob, deflating: Array("blob 2\0value = 1\n".utf8))
        expectDamageReported(try reviewbot(staged, ["review", "--staged"]), naming: blob)
    }

    @Test func soundLooseAndPackedObjectsAreReadAsBefore() throws {
        let (repo, _) = try repositoryWithBlob("import yaml\nconfig = yaml.load(stream)\n")
        let loose = try #require(try reviewbot(repo, ["review", "HEAD", "--format", "json"]))
        #expect(loose.status == 1, "\(loose.summary)")
        try repo.git("gc", "--quiet")
        let packed = try #require(try reviewbot(repo, ["review", "HEAD", "--format", "json"]))
        #expect(packed.status == 1, "\(packed.summary)")
        #expect(try packed.findingKeys() == loose.findingKeys())
    }
}
