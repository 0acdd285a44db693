import ArgumentParser
import Foundation
import ReviewBotCore

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Install or remove reviewbot's git hooks.",
        subcommands: [Install.self, Uninstall.self]
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
        static let configuration = CommandConfiguration(abstract: "Remove the hook reviewbot installed.")

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
}
