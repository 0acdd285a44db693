import Foundation

/// One fixer per repository: an exclusive `flock` on `<git dir>/reviewbot/fix.lock`, held for the whole run.
///
/// The kernel drops the lock when its process ends, however it ends (`kill -9` included), so a lock left by a
/// dead fixer is simply taken over; the file only says who holds it (pid, host, start time) for the message a
/// second fixer prints when it refuses. The descriptor is close-on-exec, so a `--verify` command cannot keep
/// the lock alive after the fixer is gone. Owned by the run that took it; released in `deinit`.
final class FixLock {
    private let descriptor: Int32

    /// What the lock file records about its holder.
    struct Owner: Codable {
        var pid: Int32
        var host: String
        var started: String
    }

    /// Takes the lock, or throws when another live fixer holds it.
    init(gitDirectory: String) throws(GitError) {
        let folder = gitDirectory + "reviewbot"
        let path = folder + "/fix.lock"
        mkdir(folder, 0o755)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw GitError(.other, "cannot open the fixer's lock \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            let holder = Self.describe(FileManager.default.contents(atPath: path))
            close(descriptor)
            guard reason == EWOULDBLOCK else {
                throw GitError(.other, "cannot lock \(path): \(String(cString: strerror(reason)))")
            }
            throw GitError(
                .busy,
                "another reviewbot fix is running in this repository (\(holder)); wait for it to finish, "
                    + "then run fix again")
        }
        let owner = Owner(
            pid: getpid(), host: ProcessInfo.processInfo.hostName,
            started: ISO8601DateFormatter().string(from: Date()))
        let data = (try? JSONEncoder().encode(owner)) ?? Data()
        ftruncate(descriptor, 0)
        _ = data.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func describe(_ data: Data?) -> String {
        guard let data, let owner = try? JSONDecoder().decode(Owner.self, from: data) else { return "owner unknown" }
        return "pid \(owner.pid) on \(owner.host), since \(owner.started)"
    }
}
