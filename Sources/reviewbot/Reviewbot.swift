import ArgumentParser
import Foundation
import ReviewBotCore

/// Runs the command and maps every outcome to the exit codes of DESIGN.md, with one line on stderr
/// for every non-zero exit.
@main
enum Main {
    static func main() async {
        StartUp.warmUp()
        do {
            var command = try ReviewbotCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let verdict as VerdictExit {
            Output.error(verdict.message)
            exit(verdict.status.rawValue)
        } catch let error as ReviewBotError {
            Output.error(error.message)
            exit(error.exitCode.rawValue)
        } catch {
            let code = ReviewbotCommand.exitCode(for: error)
            if code == .success {
                print(ReviewbotCommand.fullMessage(for: error))
                exit(0)
            }
            let message = ReviewbotCommand.message(for: error)
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? "invalid usage"
            Output.error(firstLine + " (see reviewbot --help)")
            exit(ExitStatus.usage.rawValue)
        }
    }
}

/// A verdict that fails under `--fail-on`: not an error, but a non-zero exit with its reason.
struct VerdictExit: Error {
    var status: ExitStatus
    var message: String
}

enum Output {
    /// The API keys of the environment, never printed.
    private static let scrubber = SecretScrubber()

    static func error(_ line: String) {
        FileHandle.standardError.write(Data(scrubber.scrub("reviewbot: " + line + "\n").utf8))
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(scrubber.scrub(text).utf8))
    }
}

struct ReviewbotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewbot",
        abstract: "Automated code review of git changes: four reviewer agents, one verdict.",
        discussion: """
            Exit codes: 0 approve, 1 request changes, 2 reject, 3 usage or configuration error,
            4 git error, 5 internal error, or an LLM failure when the LLM is required.

            Examples:
              reviewbot review origin/main...HEAD       review a branch as its pull request shows it
              reviewbot review --staged                 what `git commit` is about to record
              reviewbot baseline origin/main...HEAD     accept today's findings
              reviewbot hook install                    block failing commits
              reviewbot rules security.sql-injection    what a rule finds, with examples
              reviewbot help review                     every option of a subcommand
              source <(reviewbot --generate-completion-script bash)   shell completions (also zsh, fish)
            """,
        version: ReviewBot.version,
        subcommands: [
            ReviewCommand.self, FixCommand.self, BaselineCommand.self, HookCommand.self, RulesCommand.self,
            LLMCommand.self,
        ]
    )
}
