import ArgumentParser
import Foundation
import ReviewBotCore

extension OutputFormat: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a commit range, the staged index or the working tree.",
        discussion: """
            Examples:
              reviewbot review                      the last commit (HEAD against its parent)
              reviewbot review HEAD~3..HEAD         three commits
              reviewbot review main...feature       a branch against its merge base with main
              reviewbot review --staged             what `git commit` would record (pre-commit hooks)
              reviewbot review --worktree --format json --output report.json
              reviewbot review origin/main...HEAD --format sarif --output reviewbot.sarif --fail-on never
              reviewbot review origin/main...HEAD --format markdown > comment.md
              reviewbot review HEAD~1..HEAD --format github           annotations in a GitHub Actions log
              reviewbot review --baseline .reviewbot-baseline.json    hide the findings accepted earlier
            """
    )

    @Argument(help: "A..B, A...B (from the merge base), or one commit (against its first parent). Default: HEAD.")
    var range: String?

    @Flag(help: "Review the index against HEAD (what a pre-commit hook sees).")
    var staged = false

    @Flag(help: "Review the working tree, untracked files included, against HEAD.")
    var worktree = false

    @Option(help: "Output format: text, json, sarif, markdown or github (workflow-command annotations).")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Configuration file (default: .reviewbot.yml at the repository root).")
    var config: String?

    @Option(help: "Hide the findings listed in this baseline file (see `reviewbot baseline`); overrides `baseline:`.")
    var baseline: String?

    @Option(
        name: .customLong("fail-on"), help: "Verdicts that exit non-zero: request-changes (default), reject or never.")
    var failOn: FailOn?

    @Option(help: "Write the pipeline's handoffs as JSON to this file.")
    var trace: String?

    @Flag(help: "Print the pipeline's handoffs on standard error.")
    var verbose = false

    @Option(name: [.customShort("C"), .customLong("repo")], help: "Run as if started in this folder.")
    var repository = "."

    @Sendable static func printHandoff(_ event: TraceEvent) {
        Output.stderr("reviewbot: " + event.line + "\n")
    }

    func validate() throws {
        if staged && worktree { throw ValidationError("--staged and --worktree cannot be combined") }
        if (staged || worktree) && range != nil {
            throw ValidationError("give either a RANGE or --staged/--worktree, not both")
        }
        if let range, range.isEmpty || range.hasPrefix("-") { throw ValidationError("invalid range '\(range)'") }
    }

    func run() async throws {
        let request: ChangeRequest = staged ? .staged : worktree ? .worktree : .revision(range ?? "HEAD")
        let location = try RepositoryLocation.locate(repository)
        var configuration = try ConfigLoader.load(explicit: config, workdir: location.workdir)
        if let failOn { configuration.failOn = failOn }

        let reader = configuration.changeReader(repositoryPath: repository)
        let verbose = self.verbose
        let recorder = verbose ? TraceRecorder(listener: Self.printHandoff) : TraceRecorder()
        let start = DispatchTime.now().uptimeNanoseconds
        let change = try reader.read(request)
        if verbose {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            Output.stderr(
                String(
                    format: "reviewbot: libgit2 read %d changed files in %.1f ms\n",
                    change.files.count + change.skipped.count, elapsed))
        }
        var coordinator = Coordinator(configuration: configuration)
        coordinator.baseline = try (baseline ?? configuration.baseline).map(Baseline.load)
        let display = verbose ? nil : Self.startProgress(for: &coordinator)
        let report = try await coordinator.review(change, trace: recorder)
        display?.stop()

        let color = output == nil && format == .text && ReportFormatter.shouldColor(fileDescriptor: STDOUT_FILENO)
        let context = RenderContext(
            change: change, configuration: configuration, environment: ProcessInfo.processInfo.environment)
        let rendered = ReportFormatter.render(report, as: format, color: color, context: context)
        if let output {
            do { try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw InternalError("cannot write the report to \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if let trace {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                let data = try encoder.encode(TraceDocument(events: recorder.all))
                try data.write(to: URL(fileURLWithPath: trace), options: .atomic)
            } catch {
                throw InternalError("cannot write the trace to \(trace): \(error.localizedDescription)")
            }
        }
        if configuration.failOn.fails(report.verdict) {
            let status: ExitStatus = report.verdict == Verdict.reject ? ExitStatus.reject : ExitStatus.requestChanges
            let why = report.reasons.last ?? report.summary
            throw VerdictExit(status: status, message: "\(report.verdict.label): \(why)")
        }
    }
}
