/// Exit codes of the command line, as documented in DESIGN.md and README.md.
public enum ExitStatus: Int32, Sendable {
    case approve = 0
    case requestChanges = 1
    case reject = 2
    case usage = 3
    case git = 4
    case internalOrLLM = 5
}

/// An error a user can cause or meet: one line that says what went wrong and what to do.
public protocol ReviewBotError: Error, CustomStringConvertible {
    var exitCode: ExitStatus { get }
    /// One line, without a trailing newline.
    var message: String { get }
}

extension ReviewBotError {
    public var description: String { message }
}

/// A failure reading the repository through libgit2.
public struct GitError: ReviewBotError {
    public enum Code: Sendable {
        case notARepository, unknownRevision, emptyRepository, unreadableObject, other
        /// Someone else is changing the repository: another fixer, or a git command holding `index.lock`.
        case busy
    }

    public var code: Code
    public var message: String
    /// libgit2's own text for the failure, when there was one.
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var exitCode: ExitStatus { .git }
}

/// A bad flag or a bad `.reviewbot.yml`, or a configuration that could not be read from the repository.
public struct ConfigError: ReviewBotError {
    public var message: String
    /// The git failure behind it, when the configuration was to come from a revision that could not be read:
    /// then the exit code is git's.
    public var gitFailure: GitError?

    public init(_ message: String, gitFailure: GitError? = nil) {
        self.message = message
        self.gitFailure = gitFailure
    }

    public var exitCode: ExitStatus { gitFailure?.exitCode ?? .usage }
}

/// Anything else that stops a run: an I/O failure or a bug.
public struct InternalError: ReviewBotError {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var exitCode: ExitStatus { .internalOrLLM }
}
