import Foundation

/// Installs and removes reviewbot's git hooks, never clobbering a hook someone else wrote.
public struct HookInstaller: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case preCommit = "pre-commit"
        case prePush = "pre-push"
    }

    /// Marks a hook file as reviewbot's, so it can be replaced and removed safely.
    public static let marker = "# reviewbot-managed-hook"

    public var hooksDirectory: String
    /// The binary the hook runs when `REVIEWBOT` is not set.
    public var executable: String

    public init(hooksDirectory: String, executable: String) {
        self.hooksDirectory = hooksDirectory
        self.executable = executable
    }

    public static func script(_ kind: Kind, executable: String) -> String {
        let quoted = "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "'"
        let header = """
            #!/bin/sh
            \(marker)
            # Installed by `reviewbot hook install`; remove with `reviewbot hook uninstall`.
            [ -n "${REVIEWBOT:-}" ] || REVIEWBOT=\(quoted)
            [ -x "$REVIEWBOT" ] || REVIEWBOT=reviewbot

            """
        switch kind {
        case .preCommit:
            return header + """
                # Reviews what is staged (the index), offline; a failing verdict blocks the commit.
                # REVIEWBOT_FIX=1 also applies safe fixes to working-tree files (never the index), then fails.
                exec "$REVIEWBOT" review --staged ${REVIEWBOT_FIX:+--fix}

                """
        case .prePush:
            return header + """
                # Reviews the commits being pushed; git passes the remote as $1 and "<local ref> <local sha> <remote ref>
                # <remote sha>" lines. A new branch is reviewed from the parent of its first commit the remote lacks.
                zero=0000000000000000000000000000000000000000
                status=0
                while read -r local_ref local_sha remote_ref remote_sha; do
                    [ "$local_sha" = "$zero" ] && continue
                    if [ "$remote_sha" != "$zero" ] && git cat-file -e "$remote_sha^{commit}" 2>/dev/null; then
                        range="$remote_sha...$local_sha"
                    else
                        first=$(git rev-list --topo-order --reverse "$local_sha" --not --remotes="$1" | head -n 1)
                        [ -n "$first" ] || continue
                        range="$(git rev-parse -q --verify "$first^" || echo \(ChangeReader.emptyTree))..$local_sha"
                    fi
                    "$REVIEWBOT" review "$range" || status=$?
                done
                exit $status

                """
        }
    }

    /// What `install` did, for the one line the command prints.
    public enum Outcome: Equatable, Sendable {
        case installed(path: String)
        case replaced(path: String, backup: String?)
    }

    public func install(_ kind: Kind, force: Bool) throws(ConfigError) -> Outcome {
        let path = (hooksDirectory as NSString).appendingPathComponent(kind.rawValue)
        let manager = FileManager.default
        var backup: String?
        if let existing = manager.contents(atPath: path) {
            let text = String(decoding: existing, as: UTF8.self)
            if !text.contains(Self.marker) {
                guard force else {
                    throw ConfigError(
                        "\(path) exists and was not installed by reviewbot; rerun with --force to replace it (it is kept as \(kind.rawValue).reviewbot-backup)"
                    )
                }
                let backupPath = path + ".reviewbot-backup"
                try? manager.removeItem(atPath: backupPath)
                do { try manager.moveItem(atPath: path, toPath: backupPath) } catch {
                    throw ConfigError("cannot back up \(path): \(error.localizedDescription)")
                }
                backup = backupPath
            }
        }
        do {
            try manager.createDirectory(atPath: hooksDirectory, withIntermediateDirectories: true)
            let temporary = path + ".reviewbot-tmp"
            try Data(Self.script(kind, executable: executable).utf8).write(to: URL(fileURLWithPath: temporary))
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary)
            if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
            try manager.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw ConfigError("cannot write \(path): \(error.localizedDescription)")
        }
        return backup != nil ? .replaced(path: path, backup: backup) : .installed(path: path)
    }

    /// Removes reviewbot's hook (restoring a backed-up foreign hook); returns false when none was installed.
    public func uninstall(_ kind: Kind) throws(ConfigError) -> Bool {
        let path = (hooksDirectory as NSString).appendingPathComponent(kind.rawValue)
        let manager = FileManager.default
        guard let existing = manager.contents(atPath: path) else { return false }
        guard String(decoding: existing, as: UTF8.self).contains(Self.marker) else {
            throw ConfigError("\(path) was not installed by reviewbot; left as it is")
        }
        do {
            try manager.removeItem(atPath: path)
            let backup = path + ".reviewbot-backup"
            if manager.fileExists(atPath: backup) { try manager.moveItem(atPath: backup, toPath: path) }
        } catch {
            throw ConfigError("cannot remove \(path): \(error.localizedDescription)")
        }
        return true
    }
}
