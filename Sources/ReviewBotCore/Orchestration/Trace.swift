import Foundation
import Synchronization

/// One handoff between stages of the pipeline (coordinator → agent, agent → synthesizer, …).
public struct TraceEvent: Sendable, Codable, Equatable {
    public var from: String
    public var to: String
    /// How many things were handed over, in `unit`s.
    public var count: Int
    public var unit: String
    public var durationMs: Double
    public var detail: String
    /// When the handoff started, in milliseconds since the review started; set for LLM requests, whose
    /// overlap in time shows that the agents asked in parallel.
    public var startMs: Double?

    public init(
        from: String, to: String, count: Int, unit: String, durationMs: Double, detail: String = "",
        startMs: Double? = nil
    ) {
        self.from = from
        self.to = to
        self.count = count
        self.unit = unit
        self.durationMs = durationMs
        self.detail = detail
        self.startMs = startMs
    }

    /// `coordinator → security: 12 files (0.4 ms)`
    public var line: String {
        let time = String(format: "%.1f ms", durationMs)
        return "\(from) → \(to): \(count) \(unit) (\(time))" + (detail.isEmpty ? "" : " — \(detail)")
    }
}

/// The `--trace FILE` document.
public struct TraceDocument: Sendable, Codable {
    public var events: [TraceEvent]

    public init(events: [TraceEvent]) {
        self.events = events
    }
}

/// Collects handoffs from concurrent stages and tells a listener at once (for `--verbose`).
public final class TraceRecorder: Sendable {
    private let events = Mutex<[TraceEvent]>([])
    private let listener: (@Sendable (TraceEvent) -> Void)?
    /// `DispatchTime` uptime when the recorder was made: the zero of `startMs`.
    private let origin = DispatchTime.now().uptimeNanoseconds

    public init(listener: (@Sendable (TraceEvent) -> Void)? = nil) {
        self.listener = listener
    }

    /// Milliseconds from the recorder's creation to an uptime.
    public func offsetMs(_ uptime: UInt64) -> Double {
        uptime >= origin ? Double(uptime - origin) / 1_000_000 : 0
    }

    public func record(_ event: TraceEvent) {
        events.withLock { $0.append(event) }
        listener?(event)
    }

    public var all: [TraceEvent] { events.withLock { $0 } }
}

/// Milliseconds since `start` (from `DispatchTime.now().uptimeNanoseconds`).
func milliseconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}
