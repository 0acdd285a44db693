import Foundation
import Synchronization

/// Ctrl-C, `kill` and a closed terminal (SIGINT, SIGTERM, SIGHUP) while `fix` runs.
///
/// Outside a round nothing is half done, so the process dies of the signal at once, as it would without
/// this. While a round is in flight (fixed files written, not yet committed), the signal stops the
/// `--verify` command (its whole process group) and is noted; the fixer notices it at its next step, undoes the round, and then dies
/// of the same signal (so the shell still sees 130 or 143). `kill -9` cannot be caught: the journal covers
/// it on the next run.
///
/// The handler runs in signal context, so it only touches lock-free atomics and calls `kill`, `signal` and
/// `raise`, which are async-signal-safe. Being handled rather than ignored, the signals are back at their
/// default in the `--verify` command.
enum FixStop {
    private static let pending = Atomic<Int32>(0)
    private static let inFlight = Atomic<Bool>(false)
    private static let child = Atomic<Int32>(0)
    private static let installed = Atomic<Bool>(false)

    /// The signal that stopped the round in flight.
    struct Interrupted: Error {
        var signal: Int32
    }

    /// Starts catching the signals (once per process).
    static func install() {
        _ = pending.load(ordering: .relaxed)  // the atomics exist before a handler can run
        _ = inFlight.load(ordering: .relaxed)
        _ = child.load(ordering: .relaxed)
        guard installed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number) { number in FixStop.received(number) }
        }
    }

    private static func received(_ number: Int32) {
        _ = pending.compareExchange(expected: 0, desired: number, ordering: .relaxed)
        stop(child.load(ordering: .relaxed))
        if !inFlight.load(ordering: .relaxed) {
            signal(number, SIG_DFL)
            raise(number)  // delivered, with the default action, when the handler returns
        }
    }

    /// A round starts writing files: signals wait for ``checkpoint()`` until ``roundEnded()``.
    static func roundStarted() {
        inFlight.store(true, ordering: .relaxed)
    }

    /// The round is committed or undone; a signal that came meanwhile ends the process now.
    static func roundEnded() {
        inFlight.store(false, ordering: .relaxed)
        let number = pending.load(ordering: .relaxed)
        if number != 0 { die(of: number, saying: "reviewbot: stopped by \(name(of: number)) while fixing") }
    }

    static func name(of number: Int32) -> String {
        strsignal(number).map { String(cString: $0) } ?? "signal \(number)"
    }

    /// Throws when a signal came since the round started.
    static func checkpoint() throws(Interrupted) {
        let number = pending.load(ordering: .relaxed)
        if number != 0 { throw Interrupted(signal: number) }
    }

    /// The `--verify` command running now (stopped by a signal), or nil. A signal that came while it was
    /// being started stops it now.
    static func running(_ process: pid_t?) {
        child.store(process ?? 0, ordering: .relaxed)
        if pending.load(ordering: .relaxed) != 0 { stop(process ?? 0) }
    }

    /// Stops the command `process` and everything it started: Foundation makes it the leader of its own
    /// process group. Async-signal-safe.
    private static func stop(_ process: pid_t) {
        guard process > 0 else { return }
        if kill(-process, SIGTERM) != 0 { kill(process, SIGTERM) }
    }

    /// Prints `message` (one line) and dies of `number`, as if it had never been caught. The calling thread
    /// may be one of the runtime's, which block signals, so the signal is unblocked for it first.
    static func die(of number: Int32, saying message: String?) -> Never {
        if let message { FileHandle.standardError.write(Data((message + "\n").utf8)) }
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number)
    }
}
