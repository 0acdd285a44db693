import Foundation

/// One status line per agent on a terminal while a review runs (files reviewed, LLM calls in flight), redrawn
/// in place ten times a second on a thread of its own and erased when the review ends, so that nothing of it
/// stays above the report. Started only when standard error is a terminal.
///
/// Nothing is drawn when the review ends within `delay`: a 40 ms pre-commit hook does not flicker.
public final class ProgressDisplay: Sendable {
    private let stopRequested = DispatchSemaphore(value: 0)
    private let erased = DispatchSemaphore(value: 0)

    /// Starts drawing `progress` through `write` (standard error) after `delay` seconds.
    public init(progress: ReviewProgress, delay: Double = 0.2, write: @escaping @Sendable (String) -> Void) {
        let stopRequested = stopRequested
        let erased = erased
        Thread.detachNewThread {
            defer { erased.signal() }
            if stopRequested.wait(timeout: .now() + delay) == .success { return }
            var drawn = 0
            repeat {
                let lines = progress.snapshot.map(Self.line)
                write((drawn > 0 ? "\u{1B}[\(drawn)A" : "") + lines.map { "\u{1B}[2K" + $0 + "\n" }.joined())
                drawn = lines.count
            } while stopRequested.wait(timeout: .now() + 0.1) == .timedOut
            if drawn > 0 { write("\u{1B}[\(drawn)A\u{1B}[J") }
        }
    }

    /// Stops drawing and erases the lines; returns once they are gone.
    public func stop() {
        stopRequested.signal()
        erased.wait()
    }

    /// `  security        12/40 files   0 LLM calls in flight`, or `✓ … 3 findings` when the agent is done.
    static func line(_ state: ReviewProgress.AgentState) -> String {
        let name = state.name.padding(toLength: 14, withPad: " ", startingAt: 0)
        let files = "\(state.filesReviewed)/\(state.files) files"
        if state.done {
            return "  ✓ \(name) \(files)   \(state.findings) finding\(state.findings == 1 ? "" : "s")"
        }
        let calls = "\(state.llmCallsInFlight) LLM call\(state.llmCallsInFlight == 1 ? "" : "s") in flight"
        return "  … \(name) \(files)   \(calls)"
    }
}
