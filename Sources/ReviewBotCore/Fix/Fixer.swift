import Foundation

/// How one `--fix` run goes.
public struct FixOptions: Sendable {
    public var maxIterations: Int
    /// The user's check (a build or test command), run after each fix iteration.
    public var verify: String?
    /// Fix a change whose files also have uncommitted edits: those files are left alone, everything
    /// else is fixed, and nobody's edits are touched.
    public var allowDirty: Bool

    public init(
        maxIterations: Int = Configuration.FixSettings.defaultMaxIterations, verify: String? = nil,
        allowDirty: Bool = false
    ) {
        self.maxIterations = maxIterations
        self.verify = verify
        self.allowDirty = allowDirty
    }

    /// The `fix:` settings of the configuration, with the command line's values winning where given.
    public init(
        _ settings: Configuration.FixSettings, maxIterations: Int? = nil, verify: String? = nil,
        allowDirty: Bool = false
    ) {
        self.init(
            maxIterations: maxIterations ?? settings.maxIterations, verify: verify ?? settings.verify,
            allowDirty: allowDirty)
    }
}

/// The fixer agent: takes the reviewers' fixable findings, rewrites the flagged lines with the rules'
/// safe fixes, proves each fix removes its finding and adds nothing as bad, commits with libgit2, and
/// hands the touched files back to the reviewers, until the verdict is approve, nothing more can be
/// fixed, a fix makes no progress, or the iteration limit is reached.
///
/// Every iteration is a small saga: a journal in the git directory records the state before, the fixed
/// files are written (each only if it still holds what the fix was made from), the check runs, and only
/// then is the round committed under git's index lock; an iteration that fails its check, or a run stopped
/// or killed half way, is undone to exactly that state, leaving alone any file someone changed meanwhile.
/// One fixer runs per repository (``FixLock``).
public struct Fixer: Sendable {
    public var configuration: Configuration
    public var reader: ChangeReader
    public var options: FixOptions
    public var trace: TraceRecorder
    /// Asked for patches of findings no rule can fix (a model, when one is configured).
    public var proposer: (any FixProposer)?

    public init(
        configuration: Configuration, reader: ChangeReader, options: FixOptions, trace: TraceRecorder,
        proposer: (any FixProposer)? = nil
    ) {
        self.configuration = configuration
        self.reader = reader
        self.options = options
        self.trace = trace
        self.proposer = proposer
        coordinator = Coordinator(configuration: configuration)
    }

    private var workspace: Workspace { Workspace(repositoryPath: reader.repositoryPath) }
    /// The reviewers' side: the same coordinator (baseline, progress) as the first review.
    public var coordinator: Coordinator
    /// The coordinator for reviews of trial patches, which show no progress.
    private var quietCoordinator: Coordinator {
        var quiet = coordinator
        quiet.progress = nil
        return quiet
    }

    // MARK: - Commits on top of HEAD

    /// Reviews `range`, then fixes and commits until the loop ends; returns the last review with the
    /// fix iterations and the reason the loop stopped.
    public func fixCommits(_ range: String) async throws -> (report: ReviewReport, change: ChangeSet) {
        let lock = try FixLock(gitDirectory: workspace.gitDirectory())
        defer { withExtendedLifetime(lock) {} }
        FixStop.install()
        try recoverInterruptedRun()
        let head = try workspace.head()
        let change = try reader.read(.revision(range))
        guard change.target.head == head.commit else {
            throw ConfigError(
                "--fix commits on top of HEAD, so the range must end at HEAD (\(range) ends at "
                    + "\(change.target.head?.prefix(12) ?? "?"), HEAD is \(head.commit.prefix(12)))")
        }
        let report = try await coordinator.review(change, trace: trace)
        var loop = FixLoop(
            range: range, fixes: CompiledFix.safeFixes(of: configuration.effectiveRules()), head: head, change: change,
            report: report, stop: "iteration limit (\(options.maxIterations)) reached")
        for iteration in 1...options.maxIterations {
            guard try await fixIteration(iteration, loop: &loop) else { break }
        }
        loop.report.target.head = loop.head.commit
        loop.report.fixes = loop.records
        loop.report.reasons.append(Self.summary(loop.records, stop: loop.stop))
        handoff("fixer", "verdict", loop.records.count, "iterations", loop.stop)
        return (loop.report, loop.change)
    }

    /// What the fix loop of ``fixCommits(_:)`` carries from one iteration to the next.
    private struct FixLoop {
        let range: String
        let fixes: [String: CompiledFix]
        var head: HeadState
        var change: ChangeSet
        /// The latest review.
        var report: ReviewReport
        var records: [ReviewReport.FixRecord] = []
        /// Findings not to try again: their fix failed, or the proposer was asked already.
        var notRetried: Set<String> = []
        /// Why the loop stops (or will, if this iteration is the last).
        var stop: String
    }

    /// One iteration of the fix loop: fixes what it can, commits, verifies and re-reviews; false when the
    /// loop ends here (with `loop.stop` saying why).
    private func fixIteration(_ iteration: Int, loop: inout FixLoop) async throws -> Bool {
        guard let work = try workOfIteration(loop: &loop, refuseDirty: iteration == 1) else { return false }
        let asked = await propose(work.wanted, change: loop.change)
        loop.notRetried.formUnion(work.wanted.map(\.fingerprint))
        if work.candidates.isEmpty && asked.patches.isEmpty {
            loop.stop =
                work.dirty.isEmpty ? "no fixable finding left" : "no fixable finding left in files without local edits"
            if !asked.rejected.isEmpty {
                loop.records.append(
                    .init(iteration: iteration, commit: nil, fixed: [], files: [], rolledBack: asked.rejected))
                loop.stop = "no progress: " + Self.describe(asked.rejected)
            }
            return false
        }
        handoff(
            "reviewers", "fixer", work.candidates.count + asked.patches.count, "findings",
            "iteration \(iteration): \(loop.report.verdict.rawValue)")

        var originals: [String: [UInt8]] = [:]
        for path in Set(work.candidates.map(\.path) + asked.patches.map(\.finding.path)) {
            originals[path] = try workspace.contents(of: path, at: loop.head.commit) ?? []
        }
        var proven = try await prove(
            work.candidates, proposals: asked.patches, existing: loop.report.findings, originals: originals,
            change: loop.change, fixes: loop.fixes)
        proven.rejected = asked.rejected + proven.rejected
        loop.notRetried.formUnion(proven.rejected.map(\.fingerprint))
        guard !proven.patches.isEmpty else {
            loop.records.append(
                .init(iteration: iteration, commit: nil, fixed: [], files: [], rolledBack: proven.rejected))
            loop.stop = "no progress: " + Self.describe(proven.rejected)
            return false
        }
        var record = ReviewReport.FixRecord(
            iteration: iteration, commit: nil, fixed: [], files: [], rolledBack: proven.rejected)
        guard
            let round = try runRound(
                proven.patches, originals: originals, iteration: iteration, record: &record, loop: &loop),
            let commit = round.saga.after
        else { return false }
        record.commit = commit
        record.fixed = round.applied.map(\.fingerprint)
        record.files = round.saga.paths
        handoff("fixer", "git", round.applied.count, "fixes", "commit \(commit.prefix(12)) on \(loop.head.reference)")
        return try await reviewAgain(round, commit: commit, iteration: iteration, record: &record, loop: &loop)
    }

    /// Writes, verifies and commits one round; nil when the loop ends here (`record` is then in `loop`). A
    /// signal that comes meanwhile undoes the round before the process dies of it (see ``FixStop``).
    private func runRound(
        _ patches: [FilePatch], originals: [String: [UInt8]], iteration: Int, record: inout ReviewReport.FixRecord,
        loop: inout FixLoop
    ) throws -> FixRound? {
        FixStop.roundStarted()
        defer { FixStop.roundEnded() }
        var round = try writeRound(patches, on: loop.head, originals: originals)
        record.rolledBack += round.leftAlone
        do {
            try FixStop.checkpoint()
            if !round.patches.isEmpty {
                guard try verify(round, iteration: iteration, record: &record, loop: &loop) else { return nil }
                try FixStop.checkpoint()
                try commitRound(&round, on: loop.head)
            }
        } catch let stop as FixStop.Interrupted {
            _ = try? undoRound(round.saga, end: true)
            FixStop.die(
                of: stop.signal,
                saying: "reviewbot: stopped by \(FixStop.name(of: stop.signal)) while fixing; the round in "
                    + "flight was undone and nothing was committed")
        }
        record.rolledBack += round.leftAlone.filter { left in !record.rolledBack.contains(left) }
        guard round.saga.after != nil else {
            loop.records.append(record)
            loop.stop = "no progress: every file to fix changed while fixing"
            return nil
        }
        return round
    }

    /// The findings this iteration fixes with rules (`candidates`) and asks the proposer about (`wanted`),
    /// less those in files with local edits (`dirty`); nil when the verdict approves and nothing is left.
    private func workOfIteration(loop: inout FixLoop, refuseDirty: Bool) throws -> (
        candidates: [Finding], wanted: [Finding], dirty: Set<String>
    )? {
        // An approving verdict ends the loop once nothing fixable is left; until then the fixer
        // repairs what it can, milder findings included.
        var candidates = fixable(loop.report, fixes: loop.fixes, excluding: loop.notRetried)
        var wanted = proposable(loop.report, fixes: loop.fixes, excluding: loop.notRetried)
        if loop.report.verdict == .approve && candidates.isEmpty && wanted.isEmpty {
            loop.stop = "approved"
            return nil
        }
        let dirty = try dirtyPaths(Set(candidates.map(\.path) + wanted.map(\.path)))
        if !dirty.isEmpty {
            // Later rounds leave alone what someone edits while the fixer runs.
            guard options.allowDirty || !refuseDirty else {
                throw ConfigError(
                    "refusing to fix: \(dirty.sorted().joined(separator: ", ")) "
                        + "\(dirty.count == 1 ? "has" : "have") uncommitted changes; commit or stash them, "
                        + "or pass --allow-dirty to leave those files alone")
            }
            candidates.removeAll { dirty.contains($0.path) }
            wanted.removeAll { dirty.contains($0.path) }
        }
        return (candidates, wanted, dirty)
    }

    /// One round's fixes on their way to a commit: the journal that can undo them, the patches whose files
    /// were written, and the findings left alone because their file changed while the fixer worked.
    private struct FixRound {
        var saga: FixJournal
        var patches: [FilePatch]
        var leftAlone: [ReviewReport.RolledBack]
        var applied: [Finding] { patches.flatMap(\.applied) }
    }

    static let changedWhileFixing = "left alone: changed while fixing"

    /// Writes the proven patches to the working tree, inside a journal, each file only if it still holds the
    /// bytes the fixes were made from (HEAD's). Nothing is staged or committed yet.
    private func writeRound(_ patches: [FilePatch], on head: HeadState, originals: [String: [UInt8]]) throws
        -> FixRound
    {
        try workspace.ensureIndexUnlocked()
        var fixed: [String: String] = [:]
        for patch in patches { fixed[patch.path] = try Workspace.blobID(of: patch.result) }
        let saga = FixJournal(
            reference: head.reference, before: head.commit, after: nil, paths: fixed.keys.sorted(), fixed: fixed)
        try saga.begin(in: workspace)
        var round = FixRound(saga: saga, patches: [], leftAlone: [])
        for patch in patches.sorted(by: { $0.path < $1.path }) {
            if try workspace.replaceWorkingFile(patch.path, with: patch.result, expecting: originals[patch.path] ?? [])
            {
                round.patches.append(patch)
            } else {
                round.leftAlone += patch.applied.map { .init($0, reason: Self.changedWhileFixing) }
            }
        }
        round.saga.paths = round.patches.map(\.path)
        round.saga.fixed = fixed.filter { round.saga.paths.contains($0.key) }
        if round.patches.isEmpty { try round.saga.end(in: workspace) } else { try round.saga.begin(in: workspace) }
        return round
    }

    /// Commits a written round: under git's index lock, drops files someone staged meanwhile (their working
    /// file goes back), writes the commit, moves the branch only if it still points at `head`, and stages the
    /// fixed files. On any failure the round is undone and the error thrown; `round.saga.after` is the commit,
    /// or nil when no file was left to commit.
    private func commitRound(_ round: inout FixRound, on head: HeadState) throws {
        do {
            let undo = try workspace.withLockedIndex { index throws(GitError) -> [FilePatch] in
                var included: [FilePatch] = []
                var dropped: [FilePatch] = []
                for patch in round.patches {
                    let staged = index.stagedID(of: patch.path)
                    let original = try Workspace.blobID(of: patch.original)
                    if staged == original || staged == round.saga.fixed?[patch.path] {
                        included.append(patch)
                    } else {
                        dropped.append(patch)
                    }
                }
                round.leftAlone += dropped.flatMap { $0.applied.map { .init($0, reason: Self.changedWhileFixing) } }
                round.patches = included
                guard !included.isEmpty else { return dropped }
                let files = Dictionary(uniqueKeysWithValues: included.map { ($0.path, $0.result) })
                if try workspace.head().commit != head.commit { throw Workspace.moved(head.reference) }
                let commit = try workspace.writeCommit(
                    parent: head.commit, files: files, message: Self.commitMessage(round.applied))
                var saga = round.saga
                saga.after = commit
                try saga.begin(in: workspace)
                round.saga = saga
                for patch in included {
                    try index.stage(patch.path, blob: saga.fixed?[patch.path] ?? "", workingBytesMatch: patch.result)
                }
                try workspace.moveReference(head.reference, from: head.commit, to: commit, reason: "fix")
                return dropped
            }
            if !undo.isEmpty {
                var partial = round.saga
                partial.after = nil
                partial.paths = undo.map(\.path)
                _ = try undoRound(partial, end: false)
            }
            if round.patches.isEmpty { round.saga.after = nil }
            try round.saga.end(in: workspace)
        } catch {
            var saga = round.saga
            if (try? workspace.head().commit) != saga.after { saga.after = nil }
            _ = try? undoRound(saga, end: true)
            throw error
        }
    }

    /// Runs the user's check, if any, on the written (not yet committed) round; when it fails, puts the
    /// files back and returns false (the loop ends).
    private func verify(
        _ round: FixRound, iteration: Int, record: inout ReviewReport.FixRecord, loop: inout FixLoop
    ) throws -> Bool {
        guard let command = options.verify else { return true }
        let result = try runVerify(command)
        try FixStop.checkpoint()  // a verify command stopped by a signal did not fail
        record.verify = result
        handoff("fixer", "verify", result.passed ? 1 : 0, "passed", "`\(command)` exited \(result.exitCode)")
        if result.passed { return true }
        let kept = try undoRound(round.saga, end: true)
        record.rolledBack += round.applied.map {
            kept.contains($0.path)
                ? .init(
                    $0,
                    reason:
                        "`\(command)` failed (exit \(result.exitCode)); \(Self.changedWhileFixing), so the fix stays in the file"
                )
                : .init($0, reason: "`\(command)` failed (exit \(result.exitCode)) after this fix")
        }
        loop.records.append(record)
        loop.stop =
            "the fixes of iteration \(iteration) broke `\(command)` (exit \(result.exitCode)) and were rolled back: "
            + Self.list(round.applied)
        return false
    }

    /// Hands the touched files, and only those, back to the reviewers; rolls the commit back when the fixes
    /// introduced findings. False when the loop ends here.
    private func reviewAgain(
        _ round: FixRound, commit: String, iteration: Int, record: inout ReviewReport.FixRecord, loop: inout FixLoop
    ) async throws -> Bool {
        let patches = round.patches
        let touched = Set(round.saga.paths)
        loop.change = try rereadChange(loop.change, touched: touched, commit: commit, patches: patches)
        handoff("fixer", "reviewers", touched.count, "files", "re-review of the files the fixes touched")
        let next = try await coordinator.review(loop.change, only: touched, carried: loop.report.findings, trace: trace)
        let introduced = patches.flatMap {
            Self.introduced(next.findings, existing: loop.report.findings, patch: $0)
        }
        if !introduced.isEmpty {
            try round.saga.begin(in: workspace)
            _ = try undoRound(round.saga, end: true)
            loop.change = try reader.read(.revision(loop.range))
            record.commit = nil
            record.fixed = []
            record.rolledBack += round.applied.map {
                .init(
                    $0,
                    reason:
                        "the fix introduced \(introduced[0].ruleId) at \(introduced[0].path):\(introduced[0].line)")
            }
            loop.notRetried.formUnion(round.applied.map(\.fingerprint))
            loop.records.append(record)
            loop.stop = "the fixes of iteration \(iteration) introduced new findings and were rolled back"
            return false
        }
        loop.records.append(record)
        loop.head.commit = commit
        loop.report = next
        let more = !fixable(loop.report, fixes: loop.fixes, excluding: loop.notRetried).isEmpty
        if loop.report.verdict == .approve && !more {
            loop.stop = "approved"
        } else if iteration == options.maxIterations {
            loop.stop = "iteration limit (\(options.maxIterations)) reached"
        }
        return true
    }

    // MARK: - Working-tree files (pre-commit hook, --worktree)

    /// Applies the safe fixes of `report` to working-tree files that hold exactly the reviewed text
    /// (for `--staged`, the index's version), never touching the index or committing.
    public func fixWorkingTree(_ report: ReviewReport, change: ChangeSet, staged: Bool) async throws -> ReviewReport {
        let lock = try FixLock(gitDirectory: workspace.gitDirectory())
        defer { withExtendedLifetime(lock) {} }
        let fixes = CompiledFix.safeFixes(of: configuration.effectiveRules())
        let candidates = fixable(report, fixes: fixes, excluding: [])
        let wanted = proposable(report, fixes: fixes, excluding: [])
        var report = report
        var originals: [String: [UInt8]] = [:]
        var skipped: [String] = []
        for path in Set(candidates.map(\.path) + wanted.map(\.path)).sorted() {
            let reviewed = staged ? try workspace.stagedContents(of: path) : try workspace.workingContents(of: path)
            let onDisk = try workspace.workingContents(of: path)
            guard let reviewed, let onDisk, reviewed == onDisk else {
                skipped.append(path)
                continue
            }
            originals[path] = onDisk
        }
        let kept = candidates.filter { originals[$0.path] != nil }
        handoff("reviewers", "fixer", kept.count, "findings", "working-tree files only")
        let asked = await propose(wanted.filter { originals[$0.path] != nil }, change: change)
        var proven = try await prove(
            kept, proposals: asked.patches, existing: report.findings, originals: originals, change: change,
            fixes: fixes)
        proven.rejected = asked.rejected + proven.rejected
        var written: [FilePatch] = []
        var rolledBack = proven.rejected
        for patch in proven.patches {
            if try workspace.replaceWorkingFile(patch.path, with: patch.result, expecting: originals[patch.path] ?? [])
            {
                written.append(patch)
            } else {
                rolledBack += patch.applied.map { .init($0, reason: Self.changedWhileFixing) }
            }
        }
        let newFiles = Dictionary(uniqueKeysWithValues: written.map { ($0.path, $0.result) })
        let applied = written.flatMap(\.applied)
        for path in skipped {
            for finding in candidates + wanted where finding.path == path {
                rolledBack.append(.init(finding, reason: "\(path) has unstaged edits; left alone"))
            }
        }
        report.fixes = [
            .init(
                iteration: 1, commit: nil, fixed: applied.map(\.fingerprint), files: newFiles.keys.sorted(),
                rolledBack: rolledBack)
        ]
        if !applied.isEmpty {
            report.reasons.append(
                "fixed \(applied.count) finding\(applied.count == 1 ? "" : "s") in the working tree "
                    + "(\(newFiles.keys.sorted().joined(separator: ", "))): review the edits, then git add them")
        }
        handoff("fixer", "working tree", applied.count, "fixes", newFiles.keys.sorted().joined(separator: ", "))
        return report
    }

    // MARK: - Proving fixes

    /// The patches whose every fix removes its finding without adding one of equal or higher severity,
    /// and the fixes that did not make it.
    private func prove(
        _ candidates: [Finding], proposals: [LinePatch] = [], existing: [Finding], originals: [String: [UInt8]],
        change: ChangeSet, fixes: [String: CompiledFix]
    ) async throws -> (patches: [FilePatch], rejected: [ReviewReport.RolledBack]) {
        var remaining = candidates + proposals.map(\.finding)
        var rejected: [ReviewReport.RolledBack] = []
        for _ in 0..<4 {
            let live = Set(remaining.map(\.fingerprint))
            let patches = originals.sorted(by: { $0.key < $1.key }).compactMap { path, original -> FilePatch? in
                let patch = FilePatch(
                    path: path, original: original, findings: remaining, fixes: fixes,
                    proposals: proposals.filter { $0.finding.path == path && live.contains($0.finding.fingerprint) })
                return patch.changed ? patch : nil
            }
            let applied = Set(patches.flatMap(\.applied).map(\.fingerprint))
            for finding in remaining where !applied.contains(finding.fingerprint) {
                rejected.append(.init(finding, reason: "the fix does not change the line"))
            }
            remaining.removeAll { !applied.contains($0.fingerprint) }
            guard !patches.isEmpty else { return ([], rejected) }

            let trial = Self.patchedChange(change, patches: patches)
            let review = try await quietCoordinator.review(trial, only: Set(patches.map(\.path)))
            var failed: [String: (finding: Finding, reason: String)] = [:]
            for patch in patches {
                let after = review.findings.filter { $0.path == patch.path && !$0.suppressed }
                for finding in patch.applied {
                    if let lines = patch.newLines(for: finding.line),
                        after.contains(where: { $0.ruleId == finding.ruleId && lines.contains($0.line) })
                    {
                        failed[finding.fingerprint] = (finding, "the fix did not remove its finding; not retried")
                    }
                }
                for problem in Self.introduced(after, existing: existing, patch: patch) {
                    let culprits = patch.applied.filter {
                        patch.newLines(for: $0.line)?.contains(problem.line) == true
                    }
                    for culprit in culprits.isEmpty ? patch.applied : culprits where failed[culprit.fingerprint] == nil
                    {
                        failed[culprit.fingerprint] = (
                            culprit,
                            "the fix introduced \(problem.ruleId) (\(problem.severity.rawValue)) at line \(problem.line)"
                        )
                    }
                }
            }
            if failed.isEmpty { return (patches, rejected) }
            for (finding, reason) in failed.values.sorted(by: { $0.finding.line < $1.finding.line }) {
                rejected.append(.init(finding, reason: reason))
            }
            remaining.removeAll { failed[$0.fingerprint] != nil }
        }
        return ([], rejected)
    }

    /// `change` with the patched files' new text, and their added lines carried through removed lines.
    static func patchedChange(_ change: ChangeSet, patches: [FilePatch]) -> ChangeSet {
        var trial = change
        for patch in patches {
            guard let index = trial.files.firstIndex(where: { $0.path == patch.path }) else { continue }
            trial.files[index].newText = String(decoding: patch.result, as: UTF8.self)
            let added = trial.files[index].addedLines.flatMap { patch.newLines(for: $0).map(Array.init) ?? [] }
            trial.files[index].addedLines = Array(Set(added)).sorted()
        }
        return trial
    }

    // MARK: - Steps

    private func fixable(_ report: ReviewReport, fixes: [String: CompiledFix], excluding: Set<String>) -> [Finding] {
        report.findings.filter {
            $0.source == .rule && !$0.suppressed && !$0.baselined && $0.fix?.safe == true && fixes[$0.ruleId] != nil
                && !excluding.contains($0.fingerprint)
        }
    }

    /// Findings no safe rule fix covers, for the proposer (none without one).
    private func proposable(_ report: ReviewReport, fixes: [String: CompiledFix], excluding: Set<String>)
        -> [Finding]
    {
        guard proposer != nil else { return [] }
        return report.findings.filter {
            !$0.suppressed && !$0.baselined && !($0.fix?.safe == true && fixes[$0.ruleId] != nil)
                && !excluding.contains($0.fingerprint)
        }
    }

    /// The proposer's patches that replace lines inside the hunk of their finding's line and add nothing a
    /// model patch may not add (``ModelPatchGuard``), and a reason for every patch refused.
    private func propose(_ findings: [Finding], change: ChangeSet) async -> (
        patches: [LinePatch], rejected: [ReviewReport.RolledBack]
    ) {
        guard let proposer, !findings.isEmpty else { return ([], []) }
        var texts: [String: String] = [:]
        for file in change.files where findings.contains(where: { $0.path == file.path }) {
            texts[file.path] = file.newText
        }
        handoff("fixer", "llm", findings.count, "findings", "asking for patches no rule can make")
        let proposed = await proposer.propose(for: findings, files: texts)
        var patches: [LinePatch] = []
        var rejected: [ReviewReport.RolledBack] = []
        for finding in findings {
            guard var kept = proposed.first(where: { $0.finding.fingerprint == finding.fingerprint }) else { continue }
            kept.finding = finding
            if let refusal = ModelPatchGuard.refusal(of: kept, in: change) {
                rejected.append(.init(finding, reason: refusal))
                continue
            }
            patches.append(kept)
        }
        return (patches, rejected)
    }

    private func dirtyPaths(_ paths: Set<String>) throws -> Set<String> {
        var dirty: Set<String> = []
        for path in paths {
            let state = try workspace.hasLocalChanges(path)
            if state.staged || state.unstaged { dirty.insert(path) }
        }
        return dirty
    }

    /// The change after a fix commit: the touched files read back through libgit2 (or, for a root
    /// commit, from the patches), every other file as before.
    private func rereadChange(_ change: ChangeSet, touched: Set<String>, commit: String, patches: [FilePatch])
        throws -> ChangeSet
    {
        var updated = change
        updated.target.head = commit
        guard let base = change.target.base else {
            let patched = Self.patchedChange(change, patches: patches)
            updated.files = patched.files
            return updated
        }
        var narrow = reader
        narrow.onlyPaths = touched
        let reread = try narrow.read(.revision("\(base)..\(commit)"))
        for file in reread.files {
            if let index = updated.files.firstIndex(where: { $0.path == file.path }) { updated.files[index] = file }
        }
        return updated
    }

    /// Findings of a patched file that were not there before the patch and are at least as severe as the
    /// least severe fix in it. A finding that stays on a rewritten line (same rule) is not new.
    static func introduced(_ after: [Finding], existing: [Finding], patch: FilePatch) -> [Finding] {
        let floor = patch.applied.map(\.severity).min() ?? .info
        let before = existing.filter { $0.path == patch.path }
        return after.filter { finding in
            finding.path == patch.path && !finding.suppressed && finding.severity >= floor
                && !before.contains {
                    $0.ruleId == finding.ruleId
                        && ($0.fingerprint == finding.fingerprint
                            || patch.newLines(for: $0.line)?.contains(finding.line) == true)
                }
        }
    }

    /// Puts a round back to `saga.before`: the branch (if it still points at the fix commit), the index
    /// entries that hold a fixed file, and the working files that hold exactly their fixed bytes. A file
    /// someone changed since is left as it is; those paths are returned. Ends the journal when `end`.
    private func undoRound(_ saga: FixJournal, end: Bool) throws -> Set<String> {
        var restore: [(path: String, before: [UInt8], beforeID: String, fixedID: String)] = []
        for path in saga.paths {
            guard let before = try workspace.contents(of: path, at: saga.before) else { continue }
            let fixedID: String
            if let id = saga.fixed?[path] {
                fixedID = id
            } else if let after = saga.after, let bytes = try workspace.contents(of: path, at: after) {
                fixedID = try Workspace.blobID(of: bytes)
            } else {
                continue
            }
            restore.append((path, before, try Workspace.blobID(of: before), fixedID))
        }
        let head = try workspace.head().commit
        if let after = saga.after, head == after {
            try workspace.moveReference(saga.reference, from: after, to: saga.before, reason: "roll back fix")
        }
        var kept: Set<String> = []
        if head != saga.before && head != saga.after {
            // Someone committed the fixed files (`git commit -a` during --verify): those are theirs now.
            for file in restore
            where try workspace.contents(of: file.path, at: head).map(Workspace.blobID(of:)) == file.fixedID {
                kept.insert(file.path)
            }
            restore.removeAll { kept.contains($0.path) }
        }
        for file in restore {
            guard let now = try workspace.workingContents(of: file.path) else {
                kept.insert(file.path)
                continue
            }
            if now == file.before { continue }
            let restored =
                try Workspace.blobID(of: now) == file.fixedID
                && workspace.replaceWorkingFile(file.path, with: file.before, expecting: now)
            if !restored { kept.insert(file.path) }
        }
        let staged = try restore.filter { file in try workspace.indexEntryID(of: file.path) == file.fixedID }
        if !staged.isEmpty {
            try workspace.withLockedIndex { index throws(GitError) in
                for file in staged where index.stagedID(of: file.path) == file.fixedID {
                    try index.stage(file.path, blob: file.beforeID, workingBytesMatch: file.before)
                }
            }
        }
        try workspace.removeTemporaryFiles(beside: saga.paths)
        if end { try saga.end(in: workspace) }
        handoff("fixer", "git", restore.count - kept.count, "files", "rolled back to \(saga.before.prefix(12))")
        return kept
    }

    /// Undoes a round that a crash or kill interrupted, from its journal.
    private func recoverInterruptedRun() throws {
        guard let saga = try FixJournal.pending(in: workspace) else { return }
        let kept = try undoRound(saga, end: true)
        handoff(
            "fixer", "git", saga.paths.count - kept.count, "files",
            "recovered from an interrupted fix: back at \(saga.before.prefix(12))")
    }

    private func runVerify(_ command: String) throws -> ReviewReport.VerifyResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: try workspace.workdir())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        // The command inherits the signal mask of this thread, and the runtime's threads block nearly every
        // signal: start it with none blocked, so that it can be stopped (and its own `timeout` works).
        var none = sigset_t()
        var blocked = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &blocked)
        do { try process.run() } catch {
            pthread_sigmask(SIG_SETMASK, &blocked, nil)
            throw ConfigError("cannot run the verify command `\(command)`: \(error.localizedDescription)")
        }
        pthread_sigmask(SIG_SETMASK, &blocked, nil)
        FixStop.running(process.processIdentifier)
        defer { FixStop.running(nil) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(20)
        return .init(
            command: command, exitCode: process.terminationStatus, passed: process.terminationStatus == 0,
            output: lines.joined(separator: "\n"))
    }

    private func handoff(_ from: String, _ to: String, _ count: Int, _ unit: String, _ detail: String) {
        trace.record(TraceEvent(from: from, to: to, count: count, unit: unit, durationMs: 0, detail: detail))
    }

    // MARK: - Words

    static func commitMessage(_ applied: [Finding]) -> String {
        var lines = ["reviewbot: fix \(applied.count) finding\(applied.count == 1 ? "" : "s")", ""]
        for finding in applied.sorted(by: { ($0.path, $0.line) < ($1.path, $1.line) }) {
            let how = finding.fix.flatMap { $0.safe ? $0.description : nil } ?? "patch proposed by the model"
            lines.append("- \(finding.ruleId) at \(finding.path):\(finding.line) (\(how))")
        }
        lines += ["", "Fixed-by: reviewbot \(ReviewBot.version)"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ findings: [Finding]) -> String {
        findings.map { "\($0.ruleId) at \($0.path):\($0.line)" }.joined(separator: ", ")
    }

    private static func describe(_ rejected: [ReviewReport.RolledBack]) -> String {
        rejected.map { "\($0.ruleId) at \($0.path):\($0.line): \($0.reason)" }.joined(separator: "; ")
    }

    private static func summary(_ records: [ReviewReport.FixRecord], stop: String) -> String {
        let fixed = records.reduce(0) { $0 + $1.fixed.count }
        let commits = records.compactMap(\.commit).count
        return
            "fixer: \(fixed) finding\(fixed == 1 ? "" : "s") fixed in \(commits) commit\(commits == 1 ? "" : "s"); stopped: \(stop)"
    }
}
