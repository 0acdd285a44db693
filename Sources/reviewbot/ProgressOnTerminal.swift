import Foundation
import ReviewBotCore

extension ReviewCommand {
    /// Starts the per-agent status lines when standard error is a terminal (not `TERM=dumb`); nil otherwise,
    /// so that logs, pipes and CI get nothing of it. `REVIEWBOT_PROGRESS_DELAY_MS` (default 200) is how long
    /// a review may take before the lines appear.
    static func startProgress(for coordinator: inout Coordinator) -> ProgressDisplay? {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, environment["TERM"] != "dumb" else { return nil }
        let configuration = coordinator.configuration
        let agents = Category.allCases.filter { configuration.agents[$0]?.enabled ?? true }.map(\.rawValue)
        let progress = ReviewProgress(agents: agents)
        coordinator.progress = progress
        let delay = environment["REVIEWBOT_PROGRESS_DELAY_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 0.2
        return ProgressDisplay(progress: progress, delay: delay) { Output.stderr($0) }
    }
}
