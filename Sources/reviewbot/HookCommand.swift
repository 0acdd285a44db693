import ArgumentParser
import Foundation
import ReviewBotCore

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove reviewbot's git hooks, or run what a hook runs.",
        discussion: """
            Examples:
              reviewbot hook install                 a pre-commit hook that reviews the staged index
              reviewbot hook install --pre-push      a pre-push hook that reviews the commits being pushed
              reviewbot hook uninstall               remove it (a replaced hook is restored)
              reviewbot hook run                     what the pre-commit framework runs
            """,
        subcommands: [Install.self, Uninstall.self, Run.self]
    )

    struct Selection: ParsableArguments {
        @Flag(name: .customLong("pre-commit"), help: "The pre-commit hook (the default).")
        var preCommit = false

        @Flag(name: .customLong("pre-push"), help: "The pre-push hook.")
        var prePush = false

        @Option(name: [.customShort("C"), .customLong("repo")], help: "Run as if started in this folder.")
        var repository = "."

        var kinds: [HookInstaller.Kind] {
            var kinds: [HookInstaller.Kind] = []
            if preCommit || !prePush { kinds.append(.preCommit) }
            if prePush { kinds.append(.prePush) }
            return kinds
        }

        func installer() throws -> HookInstaller {
            let location = try RepositoryLocation.locate(repository)
            return HookInstaller(hooksDirectory: location.hooksDirectory, executable: Self.currentExecutable())
        }

        static func currentExecutable() -> String {
            if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return resolved
            }
            return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        }
    }

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install the hook into the repository's hooks folder.",
            discussion: """
                Examples:
                  reviewbot hook install              the pre-commit hook
                  reviewbot hook install --pre-push   the pre-push hook
                  reviewbot hook install --force      replace a hook reviewbot did not write (kept as a backup)
                """)

        @OptionGroup var selection: Selection

        @Flag(help: "Replace an existing hook that reviewbot did not install (it is kept as a backup).")
        var force = false

        func run() throws {
            let installer = try selection.installer()
            for kind in selection.kinds {
                switch try installer.install(kind, force: force) {
                case .installed(let path): print("installed \(path)")
                case .replaced(let path, let backup):
                    print("installed \(path)" + (backup.map { " (the previous hook is kept as \($0))" } ?? ""))
                }
            }
        }
    }

    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove the hook reviewbot installed.",
            discussion: """
                A hook that was there before `install --force` is put back.

                Examples:
                  reviewbot hook uninstall              the pre-commit hook
                  reviewbot hook uninstall --pre-push   the pre-push hook
                """)

        @OptionGroup var selection: Selection

        func run() throws {
            let installer = try selection.installer()
            for kind in selection.kinds {
                if try installer.uninstall(kind) {
                    print("removed the \(kind.rawValue) hook")
                } else {
                    print("no \(kind.rawValue) hook installed")
                }
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Review what the running hook is about (the entry of .pre-commit-hooks.yaml).",
            discussion: """
                With PRE_COMMIT_FROM_REF and PRE_COMMIT_TO_REF set (the pre-commit framework's pre-push stage,
                or `pre-commit run --from-ref A --to-ref B`) it reviews FROM...TO, as pre-commit diffs them;
                with only PRE_COMMIT_LOCAL_BRANCH set (a push of a branch's whole history) every commit of that
                branch; otherwise the staged index, like `reviewbot review --staged`. Every other argument is
                passed to `reviewbot review`.

                Examples:
                  reviewbot hook run                          the staged index
                  reviewbot hook run --fail-on reject         block only what is rejected
                  PRE_COMMIT_FROM_REF=origin/main PRE_COMMIT_TO_REF=HEAD reviewbot hook run
                """)

        @Argument(
            parsing: .captureForPassthrough,
            help: "Options for `reviewbot review` (--fail-on, --config, --baseline, --format, …).")
        var reviewArguments: [String] = []

        func run() async throws {
            // Passed-through arguments would hide `--help` from the parser.
            if reviewArguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
                throw CleanExit.helpRequest(Self.self)
            }
            let review = try ReviewCommand.parse(
                Self.target(environment: ProcessInfo.processInfo.environment) + reviewArguments)
            try await review.run()
        }

        /// What to review, from the variables the pre-commit framework sets.
        static func target(environment: [String: String]) -> [String] {
            func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
            if let from = value("PRE_COMMIT_FROM_REF"), let to = value("PRE_COMMIT_TO_REF") {
                return [from + "..." + to]
            }
            if let branch = value("PRE_COMMIT_LOCAL_BRANCH") { return [ChangeReader.emptyTree + ".." + branch] }
            return ["--staged"]
        }
    }
}
