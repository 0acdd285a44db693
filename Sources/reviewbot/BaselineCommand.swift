import ArgumentParser
import Foundation
import ReviewBotCore

struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the findings of a range as a baseline file, to hide them from later reviews.",
        discussion: """
            The baseline lists each finding's fingerprint (a hash of the rule, the path and the line's text
            without whitespace, never the line number), so a finding stays hidden when code moves up or down.
            Use it with `reviewbot review --baseline FILE` or `baseline: FILE` in .reviewbot.yml. Inline
            `reviewbot:ignore` comments are better for single findings; a baseline is for adopting reviewbot
            on a change that already has findings the team accepts.

            Examples:
              reviewbot baseline origin/main...HEAD          write .reviewbot-baseline.json at the repository root
              reviewbot baseline HEAD~1 --output accepted.json
              reviewbot baseline 4b825dc642cb6eb9a060e54bf8d69288fbee4904..HEAD   every line (from the empty tree)
            """)

    @Argument(help: "A..B, A...B (from the merge base), or one commit (against its first parent).")
    var range: String

    @Option(help: "Where to write the baseline (default: .reviewbot-baseline.json at the repository root).")
    var output: String?

    @Option(help: "Configuration file (default: .reviewbot.yml at the repository root).")
    var config: String?

    @Option(name: [.customShort("C"), .customLong("repo")], help: "Run as if started in this folder.")
    var repository = "."

    func validate() throws {
        if range.isEmpty || range.hasPrefix("-") { throw ValidationError("invalid range '\(range)'") }
    }

    func run() async throws {
        let location = try RepositoryLocation.locate(repository)
        let configuration = try ConfigLoader.load(explicit: config, workdir: location.workdir)
        let change = try configuration.changeReader(repositoryPath: repository).read(.revision(range))
        // No baseline is applied: the new file lists every finding of the range.
        let report = try await Coordinator(configuration: configuration).review(change)
        let baseline = Baseline(report: report)
        let root = location.workdir ?? FileManager.default.currentDirectoryPath + "/"
        let path = output ?? root + Baseline.defaultFileName
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OutputFile.write(baseline.encoded(), to: path)
        } catch {
            throw InternalError("cannot write the baseline to \(path): \(error.localizedDescription)")
        }
        let count = baseline.findings.count
        print("wrote \(count) finding\(count == 1 ? "" : "s") of \(range) to \(path)")
    }
}
