/// What a change does to the configuration it is reviewed with: the settings it loosens and the others it
/// touches, in words a reader of the report understands.
public struct ConfigurationDelta: Sendable, Equatable {
    /// Changes that let findings through: an agent or rule off, a lower severity, a new ignore glob, …
    public var weakens: [String] = []
    /// Every other change (new rules, a different `fix.verify`, LLM settings, …).
    public var changes: [String] = []

    public var isEmpty: Bool { weakens.isEmpty && changes.isEmpty }

    public init(base: Configuration, proposed: Configuration) {
        compareAgents(base, proposed)
        compareVoting(base.voting, proposed.voting)
        for glob in proposed.ignore where !base.ignore.contains(glob) { weakens.append("ignores '\(glob)'") }
        for glob in base.ignore where !proposed.ignore.contains(glob) { changes.append("stops ignoring '\(glob)'") }
        if base.defaultIgnores != proposed.defaultIgnores {
            changes.append("sets default_ignores to \(proposed.defaultIgnores)")
        }
        compareRules(base, proposed)
        if proposed.maxFileBytes < base.maxFileBytes {
            weakens.append("lowers max_file_bytes from \(base.maxFileBytes) to \(proposed.maxFileBytes)")
        } else if proposed.maxFileBytes != base.maxFileBytes {
            changes.append("raises max_file_bytes to \(proposed.maxFileBytes)")
        }
        if proposed.failOn != base.failOn {
            let looser = Verdict.allCases.contains { base.failOn.fails($0) && !proposed.failOn.fails($0) }
            let text = "changes fail_on from \(base.failOn.rawValue) to \(proposed.failOn.rawValue)"
            if looser { weakens.append(text) } else { changes.append(text) }
        }
        if proposed.criticalSuppressions && !base.criticalSuppressions {
            weakens.append("lets reviewbot:ignore hide critical findings (critical_suppressions)")
        } else if proposed.criticalSuppressions != base.criticalSuppressions {
            changes.append("sets critical_suppressions to false")
        }
        for glob in proposed.secretsAllowedIn where !base.secretsAllowedIn.contains(glob) {
            weakens.append("stops the secret sweep in '\(glob)'")
        }
        if proposed.fix.verify != base.fix.verify { changes.append("changes fix.verify (a command reviewbot runs)") }
        if proposed.fix.maxIterations != base.fix.maxIterations { changes.append("changes fix.max_iterations") }
        if proposed.baseline != base.baseline { changes.append("points baseline at another file") }
        if proposed.llm != base.llm { changes.append("changes the llm settings") }
    }

    private mutating func compareAgents(_ base: Configuration, _ proposed: Configuration) {
        for category in Category.allCases {
            let old = base.agents[category] ?? .init()
            let new = proposed.agents[category] ?? .init()
            let name = category.rawValue
            if old.enabled && !new.enabled { weakens.append("turns the \(name) agent off") }
            if !old.enabled && new.enabled { changes.append("turns the \(name) agent on") }
            if new.weight < old.weight {
                weakens.append("lowers the \(name) agent's weight from \(old.weight) to \(new.weight)")
            } else if new.weight != old.weight {
                changes.append("raises the \(name) agent's weight to \(new.weight)")
            }
            if old.veto && !new.veto { weakens.append("takes the \(name) agent's veto away") }
            if !old.veto && new.veto { changes.append("gives the \(name) agent a veto") }
        }
    }

    private mutating func compareVoting(_ base: VotingSettings, _ proposed: VotingSettings) {
        if proposed.policy != base.policy {
            changes.append("changes the voting policy from \(base.policy.rawValue) to \(proposed.policy.rawValue)")
        }
        if proposed.consensusThreshold != base.consensusThreshold {
            changes.append("changes the consensus threshold to \(proposed.consensusThreshold)")
        }
        for (name, old, new) in [
            ("reject_at", base.rejectAt, proposed.rejectAt),
            ("request_changes_at", base.requestChangesAt, proposed.requestChangesAt),
        ] where old != new {
            let text = "changes voting.\(name) from \(old.rawValue) to \(new.rawValue)"
            if new > old { weakens.append(text) } else { changes.append(text) }
        }
    }

    private mutating func compareRules(_ base: Configuration, _ proposed: Configuration) {
        let before = Dictionary(base.effectiveRules().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(proposed.effectiveRules().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let customBefore = Set(base.customRules.map(\.id))
        let customAfter = Dictionary(
            proposed.customRules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, rule) in before.sorted(by: { $0.key < $1.key }) {
            guard let now = after[id] else {
                weakens.append(
                    customAfter[id] == nil && customBefore.contains(id) ? "removes rule \(id)" : "turns \(id) off")
                continue
            }
            if now.severity < rule.severity {
                weakens.append("lowers \(id) from \(rule.severity.rawValue) to \(now.severity.rawValue)")
            } else if now.severity != rule.severity {
                changes.append("raises \(id) to \(now.severity.rawValue)")
            } else if customBefore.contains(id), let custom = customAfter[id],
                base.customRules.first(where: { $0.id == id }) != custom
            {
                weakens.append("rewrites rule \(id)")
            }
        }
        for id in after.keys.sorted() where before[id] == nil {
            changes.append(customAfter[id] != nil && !customBefore.contains(id) ? "adds rule \(id)" : "turns \(id) on")
        }
    }
}
