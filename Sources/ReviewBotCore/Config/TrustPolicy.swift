import Foundation

/// What a review is judged by, and what the change asked to alter about that and did not get.
public struct ReviewSetup: Sendable {
    public var configuration: Configuration
    public var baseline: Baseline?
    /// Findings on the change's own edits to the configuration, its rule files and the baseline, which are
    /// not applied to its own review; placed on the change's lines by ``placed(in:)``.
    public var refusals: [Finding]

    public init(configuration: Configuration, baseline: Baseline?, refusals: [Finding] = []) {
        self.configuration = configuration
        self.baseline = baseline
        self.refusals = refusals
    }

    /// The refusals, each on the first line its file adds in `change` (line 1 when it adds none), with the
    /// findings on the change's `.gitattributes` edits that try to hide files from the diff.
    public func placed(in change: ChangeSet) -> [Finding] {
        refusals.map { refusal in
            var refusal = refusal
            if let first = change.files.first(where: { $0.path == refusal.path })?.addedLines.first {
                refusal.line = first
                refusal.endLine = first
            }
            return refusal
        } + TrustPolicy.attributeFindings(in: change)
    }
}

/// Who may decide how a change is judged (README, "Trust"). Reviewing a range — what CI does with a stranger's
/// pull request — the configuration, custom rules, ignore globs, baseline and `fix` settings come from the base
/// revision; the change's edits to them are reported, not applied. On the developer's own machine (`--staged`,
/// `--worktree`) the working configuration applies.
public enum TrustPolicy {
    /// Findings on a change's edits to the review configuration, rule files or baseline.
    public static let configRule = "security.review-config"
    /// Findings on `.gitattributes` lines that would keep files out of the diff.
    public static let attributesRule = "security.review-attributes"

    /// The configuration and baseline to review `request` with, and the refusals.
    public static func setup(
        for request: ChangeRequest, repositoryPath: String, location: RepositoryLocation, config: String?,
        baseline: String?
    ) throws -> ReviewSetup {
        guard case .revision(let spec) = request else {
            let configuration = try ConfigLoader.load(explicit: config, workdir: location.workdir)
            let baseline = try (baseline ?? configuration.baseline).map { path throws(ConfigError) in
                try Baseline.load(path: path)
            }
            return ReviewSetup(configuration: configuration, baseline: baseline)
        }
        // A bare repository has no working tree: its files are named as if the git directory were one.
        let root = location.workdir ?? location.gitDirectory
        let (base, head) = try ChangeReader(repositoryPath: repositoryPath).sides(of: spec)
        let baseFiles = RevisionFiles(repositoryPath: repositoryPath, commit: base)
        let headFiles = RevisionFiles(repositoryPath: repositoryPath, commit: head)
        let trusted = ConfigFiles.revision(baseFiles, other: headFiles, workdir: root, label: "base revision")
        let proposed = ConfigFiles.revision(headFiles, other: baseFiles, workdir: root, label: "head revision")
        var refusals: [Finding] = []

        var configuration = Configuration()
        let configPath = try ConfigLoader.path(explicit: config, workdir: root, files: trusted)
        // A configuration file named on the command line that only the change has: the defaults apply. One that
        // nothing has is an error, as it is without a range.
        if let configPath, try trusted.exists(configPath) || !proposed.exists(configPath) {
            configuration = try ConfigLoader.load(path: configPath, files: trusted)
        }
        let proposedPath = try ConfigLoader.path(explicit: config, workdir: root, files: proposed) ?? configPath
        if let proposedPath, proposed.revisionPath(proposedPath) != nil {
            let before = configPath != nil ? try trusted.exists(proposedPath) : false
            let after = try proposed.exists(proposedPath)
            do {
                // A configuration the change deletes leaves the defaults.
                let wanted = after ? try ConfigLoader.load(path: proposedPath, files: proposed) : Configuration()
                let delta = ConfigurationDelta(base: configuration, proposed: wanted)
                if !delta.isEmpty {
                    let verb = !before ? "adds" : after ? "edits" : "deletes"
                    refusals.append(configRefusal(delta, verb: verb, path: proposedPath, files: proposed))
                }
            } catch {
                refusals.append(
                    refusal(
                        at: proposedPath, files: proposed, severity: .medium,
                        "This change's review configuration does not load (\(error.message)); the base revision's applies."
                    ))
            }
        }

        var trustedBaseline: Baseline?
        if let path = baseline ?? configuration.baseline {
            if trusted.revisionPath(path) != nil, try !trusted.exists(path), try proposed.exists(path) {
                refusals.append(
                    refusal(
                        at: path, files: trusted, severity: .medium,
                        "This change adds the baseline \(display(path, trusted)); it hides nothing in its own review."))
            } else {
                trustedBaseline = try Baseline.load(path: path, files: trusted)
            }
            if proposed.revisionPath(path) != nil, let wanted = try? Baseline.load(path: path, files: proposed) {
                let added = wanted.fingerprints.subtracting(trustedBaseline?.fingerprints ?? [])
                if !added.isEmpty, trustedBaseline != nil {
                    refusals.append(
                        refusal(
                            at: path, files: proposed, severity: .medium,
                            "This change adds \(added.count) finding\(added.count == 1 ? "" : "s") to the baseline \(display(path, proposed)), which would hide them; not applied to its own review."
                        ))
                }
            }
        }
        return ReviewSetup(configuration: configuration, baseline: trustedBaseline, refusals: refusals)
    }

    /// The finding on a configuration the change adds, edits or deletes: medium when that weakens the review,
    /// info otherwise.
    private static func configRefusal(_ delta: ConfigurationDelta, verb: String, path: String, files: ConfigFiles)
        -> Finding
    {
        let name = display(path, files)
        if delta.weakens.isEmpty {
            return refusal(
                at: path, files: files, severity: .info,
                "This change \(verb) the review configuration \(name) (it \(delta.changes.joined(separator: "; "))); not applied to its own review, it applies once merged."
            )
        }
        return refusal(
            at: path, files: files, severity: .medium,
            "This change \(verb) the review configuration \(name), which weakens the review: it \(delta.weakens.joined(separator: "; ")). Not applied: a range review uses the base revision's configuration."
        )
    }

    private static func display(_ path: String, _ files: ConfigFiles) -> String {
        files.revisionPath(path) ?? path
    }

    private static func refusal(at path: String, files: ConfigFiles, severity: Severity, _ message: String)
        -> Finding
    {
        let relative = display(path, files)
        return Finding(
            ruleId: configRule, category: .security, severity: severity, path: relative, line: 1, endLine: 1,
            column: 1, message: message,
            recommendation:
                "A person with write access should review changes to how reviewbot judges changes; they take effect for the changes that come after this one is merged.",
            agents: [Category.security.rawValue], source: .rule,
            fingerprint: Fingerprint.make(ruleId: configRule, path: relative, lineText: message))
    }

    /// Findings on the `.gitattributes` lines a change adds that mark text files of the change `binary` or
    /// `-diff`: reviewbot decides what is binary by the bytes, so this hides nothing, and the reader is told so.
    /// A line for files the change has no text of (`*.png binary`) is what the attribute is for.
    static func attributeFindings(in change: ChangeSet) -> [Finding] {
        var findings: [Finding] = []
        let textFiles = change.files.map(\.path)
        for file in change.files where file.path == ".gitattributes" || file.path.hasSuffix("/.gitattributes") {
            let lines = (file.newText ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            for number in file.addedLines where number <= lines.count {
                let line = lines[number - 1].trimmingCharacters(in: .whitespaces)
                guard !line.hasPrefix("#") else { continue }
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let pattern = fields.first,
                    fields.dropFirst().contains(where: { $0 == "binary" || $0 == "-diff" || $0 == "!diff" }),
                    textFiles.contains(where: GlobSet([String(pattern)]).matches)
                else { continue }
                let message =
                    "`.gitattributes` marks \(pattern) as binary or not to be diffed; reviewbot decides what is binary by a file's bytes and reviews these files as text."
                findings.append(
                    Finding(
                        ruleId: attributesRule, category: .security, severity: .low, path: file.path, line: number,
                        endLine: number, column: 1, message: message,
                        recommendation:
                            "Mark only real binary files (images, archives) this way; text marked binary is hidden from people's diffs.",
                        agents: [Category.security.rawValue], source: .rule,
                        fingerprint: Fingerprint.make(ruleId: attributesRule, path: file.path, lineText: line)))
            }
        }
        return findings
    }

    /// `findings` with the inline-suppression policy applied: a `reviewbot:ignore` that the change adds is marked
    /// as such, and it does not hide a critical finding unless `allowCritical`.
    static func applySuppressions(_ findings: [Finding], files: [SourceFile], allowCritical: Bool) -> [Finding] {
        let byPath = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return findings.map { finding in
            guard finding.suppressed, !finding.baselined, let file = byPath[finding.path],
                let line = Suppression.directiveLine(ruleId: finding.ruleId, line: finding.line, in: file),
                file.addedLines.contains(line)
            else { return finding }
            var finding = finding
            if finding.severity == .critical && !allowCritical {
                finding.suppressed = false
                finding.message +=
                    " (the reviewbot:ignore this change adds is not honoured: a change cannot suppress its own critical finding)"
            } else {
                finding.suppressedByChange = true
            }
            return finding
        }
    }
}
