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

    @OptionGroup(title: "LLM") var llm: LLMOptions

    @Flag(
        help: """
            Apply the rules' safe fixes: for a RANGE ending at HEAD, commit them and review again until approved; \
            with --staged or --worktree, edit working-tree files only (never the index) and exit non-zero.
            """)
    var fix = false

    @Flag(
        name: .customLong("apply-llm-patches"),
        help: """
            With --fix and a model: apply the model's patches (checked like rule fixes, and refused when they add \
            process execution, network access, code evaluation or file deletion). Without it they are only shown.
            """)
    var applyLLMPatches = false

    @Option(name: .customLong("max-iterations"), help: "With --fix: the most fix-and-review rounds (default 3).")
    var maxIterations: Int?

    @Option(help: "With --fix: a command (build or tests) that must pass after each round, or the round is undone.")
    var verify: String?

    @Flag(
        name: .customLong("allow-dirty"),
        help: "With --fix: run even when changed files have uncommitted edits; those files are left alone.")
    var allowDirty = false

    @Sendable static func printHandoff(_ event: TraceEvent) {
        Output.stderr("reviewbot: " + event.line + "\n")
    }

    func validate() throws {
        if staged && worktree { throw ValidationError("--staged and --worktree cannot be combined") }
        if (staged || worktree) && range != nil {
            throw ValidationError("give either a RANGE or --staged/--worktree, not both")
        }
        if let range, range.isEmpty || range.hasPrefix("-") { throw ValidationError("invalid range '\(range)'") }
        if !fix && (maxIterations != nil || verify != nil || allowDirty || applyLLMPatches) {
            throw ValidationError("--max-iterations, --verify, --allow-dirty and --apply-llm-patches go with --fix")
        }
        if let maxIterations, maxIterations < 1 { throw ValidationError("--max-iterations must be at least 1") }
    }

    func run() async throws {
        let request: ChangeRequest = staged ? .staged : worktree ? .worktree : .revision(range ?? "HEAD")
        let location = try RepositoryLocation.locate(repository)
        let setup = try TrustPolicy.setup(
            for: request, repositoryPath: repository, location: location, config: config, baseline: baseline)
        var configuration = setup.configuration
        if let failOn { configuration.failOn = failOn }
        try llm.apply(to: &configuration.llm, environment: ProcessInfo.processInfo.environment)

        let reader = configuration.changeReader(repositoryPath: repository)
        let verbose = self.verbose
        let recorder = verbose ? TraceRecorder(listener: Self.printHandoff) : TraceRecorder()
        let start = DispatchTime.now().uptimeNanoseconds
        var coordinator = Coordinator(configuration: configuration)
        coordinator.baseline = setup.baseline
        coordinator.refusals = setup.refusals
        let display = verbose ? nil : Self.startProgress(for: &coordinator)
        var fixer = Fixer(
            configuration: configuration, reader: reader,
            options: FixOptions(
                configuration.fix, maxIterations: maxIterations, verify: verify, allowDirty: allowDirty),
            trace: recorder)
        fixer.coordinator = coordinator
        // Model patches are applied only when the user asks on the command line; otherwise they are shown.
        let proposer = configuration.llm.isActive ? LLMFixProposer(configuration: configuration, trace: recorder) : nil
        if applyLLMPatches { fixer.proposer = proposer }
        var report: ReviewReport
        let change: ChangeSet
        var fixedWorkingTree = false
        if fix, case .revision(let spec) = request {
            (report, change) = try await fixer.fixCommits(spec)
        } else {
            change = try reader.read(request)
            if verbose {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                Output.stderr(
                    String(
                        format: "reviewbot: libgit2 read %d changed files in %.1f ms\n",
                        change.files.count + change.skipped.count, elapsed))
            }
            // the review deadline counts from the start, reading the change included
            var timed = coordinator
            timed.deadline = Deadline.after(seconds: configuration.budgets.reviewSeconds, from: start)
            let reviewed = try await timed.review(change, trace: recorder)
            if fix {
                report = try await fixer.fixWorkingTree(reviewed, change: change, staged: staged)
                fixedWorkingTree = report.fixes.contains { !$0.fixed.isEmpty }
            } else {
                report = reviewed
            }
        }
        if fix, !applyLLMPatches, let proposer {
            report = await ModelPatchSuggestions(proposer: proposer).attach(to: report, change: change)
        }
        display?.stop()

        let color = output == nil && format == .text && ReportFormatter.shouldColor(fileDescriptor: STDOUT_FILENO)
        let context = RenderContext(
            change: change, configuration: configuration, environment: ProcessInfo.processInfo.environment)
        // An endpoint may have echoed the API key; nothing written may carry it.
        let scrubber = SecretScrubber(settings: configuration.llm)
        let rendered = scrubber.scrub(ReportFormatter.render(report, as: format, color: color, context: context))
        if let output {
            do { try OutputFile.write(Data(rendered.utf8), to: output) } catch {
                throw InternalError("cannot write the report to \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        if let trace {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            do {
                let data = scrubber.scrub(Array(try encoder.encode(TraceDocument(events: recorder.all))))
                try OutputFile.write(Data(data), to: trace)
            } catch {
                throw InternalError("cannot write the trace to \(trace): \(error.localizedDescription)")
            }
        }
        if configuration.llm.required, let failure = report.llm?.failures.first {
            throw LLMFailure(.transport, "the LLM is required (llm.required) and failed: \(failure)")
        }
        if fixedWorkingTree && !configuration.failOn.fails(report.verdict) {
            throw VerdictExit(
                status: .requestChanges, message: report.reasons.last ?? "fixed files in the working tree")
        }
        if configuration.failOn.fails(report.verdict) {
            let status: ExitStatus = report.verdict == Verdict.reject ? ExitStatus.reject : ExitStatus.requestChanges
            let why = report.reasons.last ?? report.summary
            throw VerdictExit(status: status, message: "\(report.verdict.label): \(why)")
        }
    }
}

/// `reviewbot fix RANGE`: the same as `reviewbot review RANGE --fix`.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Fix what the rules can fix safely, commit, and review again (review --fix).",
        discussion: """
            Takes every option of `reviewbot review`. For a range ending at HEAD, each round applies the
            rules' safe fixes, proves each one removes its finding, runs --verify, commits with your git
            identity once it passes, and re-reviews the touched files; a round whose check fails is undone.

            Examples:
              reviewbot fix HEAD~1..HEAD
              reviewbot fix HEAD~3..HEAD --verify "swift build" --max-iterations 2
              reviewbot fix HEAD~1..HEAD --allow-dirty --format json
              reviewbot fix HEAD~1..HEAD --apply-llm-patches   also apply the model's patches (shown otherwise)
              reviewbot fix --staged                edit working-tree files only, then fail the hook
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "A RANGE and any option of `reviewbot review`.")
    var arguments: [String] = []

    func run() async throws {
        let review = try ReviewCommand.parse(["--fix"] + arguments)
        try await review.run()
    }
}
