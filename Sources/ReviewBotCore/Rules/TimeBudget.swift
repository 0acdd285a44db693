import Foundation

/// A moment on the monotonic clock by which work must stop.
public struct Deadline: Sendable, Equatable, Comparable {
    /// `DispatchTime` uptime in nanoseconds.
    public let uptimeNanoseconds: UInt64

    public init(uptimeNanoseconds: UInt64) {
        self.uptimeNanoseconds = uptimeNanoseconds
    }

    public static let never = Deadline(uptimeNanoseconds: .max)

    /// The moment `seconds` from now (or from `start`, an uptime in nanoseconds).
    public static func after(seconds: Double, from start: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Deadline {
        guard seconds.isFinite, seconds < 1e9 else { return .never }
        let (sum, overflow) = start.addingReportingOverflow(UInt64(max(0, seconds) * 1e9))
        return Deadline(uptimeNanoseconds: overflow ? .max : sum)
    }

    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds >= uptimeNanoseconds }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool { lhs.uptimeNanoseconds < rhs.uptimeNanoseconds }
}

/// How long the built-in and custom rules may take (`budgets:` in `.reviewbot.yml`, see README "Time budgets").
public struct BudgetSettings: Sendable, Equatable {
    /// Seconds the rules of one agent may spend on one file; a file that runs out is reported as partly reviewed.
    public var fileSeconds: Double = 2
    /// Seconds the whole rule stage of a review may take; files not reached are reported as not reviewed.
    public var reviewSeconds: Double = 60

    /// The longest budget a configuration may set: a gate must end.
    public static let maxSeconds: Double = 3600

    public init(fileSeconds: Double = 2, reviewSeconds: Double = 60) {
        self.fileSeconds = fileSeconds
        self.reviewSeconds = reviewSeconds
    }
}

/// A file whose rules did not all run: the time budget ran out in it, or the review deadline came first.
public struct PartialReview: Sendable, Equatable {
    public enum Cause: String, Sendable {
        /// The file's own budget ran out while its rules ran.
        case fileBudget
        /// The review's deadline passed, during this file or before it was reached.
        case reviewDeadline
    }

    public var path: String
    public var agent: String
    public var cause: Cause
    /// The rule that was running when time ran out, if one was.
    public var ruleId: String?
    /// The last line (1-based) the line rules reached, or nil when they finished and a whole-file rule ran out,
    /// or nothing ran.
    public var line: Int?
    /// Whether any rule ran on the file.
    public var started: Bool

    public init(path: String, agent: String, cause: Cause, ruleId: String?, line: Int?, started: Bool) {
        self.path = path
        self.agent = agent
        self.cause = cause
        self.ruleId = ruleId
        self.line = line
        self.started = started
    }
}

/// The time left to the rules on one file: checked between lines and rules, and inside long regular
/// expression searches through Foundation's progress callback (`.reportProgress`, which on Linux installs
/// ICU's match and find-progress callbacks, so a search that backtracks for ever is stopped too).
///
/// Not `Sendable`: one engine call on one file owns it.
final class RuleBudget {
    let deadline: Deadline
    /// Whether the deadline was seen to pass; once set, every search returns no match at once.
    private(set) var exhausted = false
    /// The rule whose search was stopped, if one was.
    var stoppedRule: String?

    init(deadline: Deadline) {
        self.deadline = deadline
    }

    /// Whether the deadline has passed (reads the clock).
    @inline(__always)
    func expired() -> Bool {
        if exhausted { return true }
        if DispatchTime.now().uptimeNanoseconds >= deadline.uptimeNanoseconds { exhausted = true }
        return exhausted
    }
}

extension NSRegularExpression {
    /// The first match of the expression in `string`, searched within `budget`: nil when there is none, or
    /// when the budget ran out first (then `budget.exhausted` is true).
    ///
    /// Progress is reported at every start position and every few thousand backtracking steps; the clock is
    /// read at one report in 64.
    func firstMatch(in string: String, budget: RuleBudget) -> NSTextCheckingResult? {
        var found: NSTextCheckingResult?
        search(string, budget: budget) { match in
            found = match
            return false
        }
        return found
    }

    /// Every match of the expression in `string` found before `budget` ran out.
    func matches(in string: String, budget: RuleBudget) -> [NSTextCheckingResult] {
        var found: [NSTextCheckingResult] = []
        search(string, budget: budget) { match in
            found.append(match)
            return true
        }
        return found
    }

    private func search(_ string: String, budget: RuleBudget, _ body: @escaping (NSTextCheckingResult) -> Bool) {
        guard !budget.expired() else { return }
        var reports = 0
        enumerateMatches(in: string, options: [.reportProgress], range: NSRange(string.startIndex..., in: string)) {
            match, _, stop in
            if let match, !body(match) {
                stop.pointee = true
                return
            }
            reports &+= 1
            if reports & 63 == 0 && budget.expired() { stop.pointee = true }
        }
    }
}

extension PartialReview {
    /// What a report says of one file's cut review, in words.
    func describe(budgets: BudgetSettings) -> String {
        var text: String
        switch cause {
        case .fileBudget:
            text = "the \(agent) rules ran out of their \(Self.seconds(budgets.fileSeconds)) budget for this file"
        case .reviewDeadline:
            text =
                started
                ? "the review deadline (\(Self.seconds(budgets.reviewSeconds))) passed during the \(agent) rules"
                : "the review deadline (\(Self.seconds(budgets.reviewSeconds))) passed before the \(agent) rules reached it"
        }
        if let line { text += " after line \(line)" }
        if let ruleId { text += " (rule \(ruleId) was still searching)" }
        return text
    }

    /// An agent's note for its cut files.
    static func note(_ cuts: [PartialReview]) -> String {
        let rules = Set(cuts.compactMap(\.ruleId)).sorted()
        var text = "\(cuts.count) file\(cuts.count == 1 ? "" : "s") only partly reviewed: out of time"
        if !rules.isEmpty { text += " (slow rule\(rules.count == 1 ? "" : "s"): \(rules.joined(separator: ", ")))" }
        return text
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.2g s", value)
    }

    /// The report's entries for the files whose rules ran out of time (reason `time_budget`), one per file,
    /// in the order of the change.
    static func skippedFiles(_ cuts: [PartialReview], change: ChangeSet, budgets: BudgetSettings) -> [SkippedFile] {
        var byPath: [String: [PartialReview]] = [:]
        for cut in cuts { byPath[cut.path, default: []].append(cut) }
        return change.files.compactMap { file in
            guard let cuts = byPath[file.path] else { return nil }
            let reasons = cuts.sorted { $0.agent < $1.agent }.map { $0.describe(budgets: budgets) }
            return SkippedFile(
                path: file.path, status: file.status, reason: .timeBudget,
                detail: "partly reviewed: " + reasons.joined(separator: "; "))
        }
    }
}

/// Time per rule on one file, printed on stderr when `REVIEWBOT_RULE_TIMES` is set (to a number of milliseconds:
/// rules that took at least that long are listed; any other value lists those over 10 ms). For finding the rule
/// behind a slow input; `scripts/bench-slow-inputs.sh` uses it.
final class RuleTimer {
    static let threshold: Double? = ProcessInfo.processInfo.environment["REVIEWBOT_RULE_TIMES"].map { Double($0) ?? 10 }
    static var enabled: Bool { threshold != nil }

    private var nanoseconds: [Int: UInt64] = [:]

    func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func add(_ rule: Int, since start: UInt64?) {
        guard let start else { return }
        nanoseconds[rule, default: 0] += DispatchTime.now().uptimeNanoseconds - start
    }

    func report(path: String, agent: String, rules: [String]) {
        let limit = (Self.threshold ?? 10) * 1e6
        let slow = nanoseconds.filter { Double($0.value) >= limit }.sorted { $0.value > $1.value }
        for (rule, time) in slow {
            FileHandle.standardError.write(
                Data("reviewbot: rule \(rules[rule]) took \(time / 1_000_000) ms on \(path) (\(agent))\n".utf8))
        }
    }
}
