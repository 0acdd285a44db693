import Foundation
import Testing

/// `.reviewbot.yml` end to end: voting policies, weights and veto, rule overrides, ignores.
@Suite struct ConfigFileTests {
    /// A repository with `config` committed first, then a commit adding `files`.
    private func repository(config: String, files: [String: String]) throws -> ScratchRepository {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.writeConfig(config)
        try repo.commitAll("config")
        for (path, text) in files { try repo.write(path, text) }
        try repo.commitAll("change")
        return repo
    }

    private let highSecurity = ["client.py": "import requests\n\(insecureRequestLine)\n"]
    private let criticalSecurity = ["deploy/key.pem": "\(privateKeyLine)\n"]

    private func votes(_ result: Command.Result) throws -> [String: String] {
        let votes = try result.json()["votes"] as? [[String: Any]] ?? []
        var byAgent: [String: String] = [:]
        for vote in votes { byAgent[vote["agent"] as? String ?? "?"] = vote["vote"] as? String }
        return byAgent
    }

    // MARK: - Veto

    @Test func criticalFindingVetoesAMajorityOfApprovals() throws {
        let repo = try repository(
            config: "voting: {policy: majority}\nagents: {security: {weight: 2, veto: true}}\n", files: criticalSecurity
        )
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.verdict == "reject")
        let votes = try votes(result)
        #expect(
            votes == ["security": "reject", "performance": "approve", "quality": "approve", "accessibility": "approve"])
        let reasons = try result.json()["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.contains("veto") }, "\(reasons)")
        let securityVote = (try result.json()["votes"] as? [[String: Any]])?.first {
            $0["agent"] as? String == "security"
        }
        #expect(securityVote?["veto"] as? Bool == true)
    }

    @Test func criticalRuleFindingRejectsEvenWithoutAVeto() throws {
        let repo = try repository(
            config: "voting: {policy: majority}\nagents: {security: {weight: 1, veto: false}}\n",
            files: criticalSecurity)
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 2, "\(result.summary)")
        #expect(result.verdict == "reject")
        let reasons = try result.json()["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.contains("critical") }, "\(reasons)")
    }

    @Test func highSecurityFindingIsOutvotedWhenTheVetoIsOff() throws {
        let repo = try repository(
            config: "voting: {policy: majority}\nagents: {security: {weight: 2, veto: false}}\n", files: highSecurity)
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.verdict == "approve")
        #expect(try votes(result)["security"] == "request_changes")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@client.py:2"], "still reported")
    }

    @Test func highSecurityFindingIsUpheldByTheDefaultVeto() throws {
        let repo = try repository(config: "voting: {policy: majority}\n", files: highSecurity)
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(result.verdict == "request_changes")
    }

    // MARK: - Policies

    @Test func weightedPolicyCountsWeights() throws {
        // security request_changes ×4 against 3 approvals of weight 1.
        let heavy = try repository(
            config: "voting: {policy: weighted}\nagents: {security: {weight: 4, veto: false}}\n", files: highSecurity)
        let outweighs = try heavy.reviewbot("review", "--format", "json")
        #expect(outweighs.status == 1, "\(outweighs.summary)")
        #expect(outweighs.verdict == "request_changes")

        // ×2 against 3: outweighed.
        let light = try repository(
            config: "voting: {policy: weighted}\nagents: {security: {weight: 2, veto: false}}\n", files: highSecurity)
        let outweighed = try light.reviewbot("review", "--format", "json")
        #expect(outweighed.status == 0, "\(outweighed.summary)")
        #expect(outweighed.verdict == "approve")
    }

    @Test func consensusPolicyNeedsTheThresholdShareToApprove() throws {
        // 3 of 4 equal weights approve: 75%.
        let lenient = try repository(
            config: "voting: {policy: consensus, threshold: 0.75}\nagents: {security: {weight: 1, veto: false}}\n",
            files: highSecurity)
        let approved = try lenient.reviewbot("review", "--format", "json")
        #expect(approved.status == 0, "\(approved.summary)")
        #expect(approved.verdict == "approve")

        let strict = try repository(
            config: "voting:\n  policy: consensus\n  threshold: 1\nagents:\n  security: {weight: 1, veto: false}\n",
            files: highSecurity)
        let refused = try strict.reviewbot("review", "--format", "json")
        #expect(refused.status == 1, "\(refused.summary)")
        #expect(refused.verdict == "request_changes")
        let reasons = try refused.json()["reasons"] as? [String] ?? []
        #expect(reasons.contains { $0.hasPrefix("consensus") }, "\(reasons)")
    }

    @Test func strictestPolicyLetsAnyAgentBlock() throws {
        let repo = try repository(
            config: "voting: {policy: strictest}\nagents: {security: {weight: 1, veto: false}}\n", files: highSecurity)
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 1, "\(result.summary)")
        #expect(result.verdict == "request_changes")

        // A quality finding at medium blocks when request_changes_at is lowered.
        let quality = try repository(
            config: "voting: {policy: strictest, request_changes_at: medium}\n",
            files: ["app.py": "try:\n    run()\nexcept:\n    pass\n"])
        let blocked = try quality.reviewbot("review", "--format", "json")
        #expect(blocked.status == 1, "\(blocked.summary)")
        #expect(try votes(blocked)["quality"] == "request_changes")
        #expect(try votes(blocked)["security"] == "approve")
    }

    @Test func cleanChangeApprovesUnderEveryPolicy() throws {
        for policy in ["majority", "weighted", "consensus", "strictest"] {
            let repo = try repository(config: "voting: {policy: \(policy)}\n", files: ["ok.py": "x = 1\n"])
            let result = try repo.reviewbot("review", "--format", "json")
            #expect(result.status == 0, "\(policy): \(result.summary)")
            #expect(result.verdict == "approve")
            #expect(try votes(result).count == 4)
        }
    }

    @Test func disabledAgentDoesNotVote() throws {
        let repo = try repository(config: "agents: {security: false}\n", files: highSecurity)
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try votes(result)["security"] == nil)
        #expect(try result.findingKeys().isEmpty)
    }

    // MARK: - Rules and ignores

    @Test func ruleOverridesChangeSeverityOrTurnRulesOff() throws {
        let raised = try repository(
            config: "rules:\n  quality.debug-output: critical\n", files: ["app.js": "console.log(x);\n"])
        let rejected = try raised.reviewbot("review", "--format", "json")
        #expect(rejected.status == 2, "\(rejected.summary)")

        let off = try repository(config: "rules:\n  security.tls-verification-disabled: off\n", files: highSecurity)
        let approved = try off.reviewbot("review", "--format", "json")
        #expect(approved.status == 0, "\(approved.summary)")
        #expect(try approved.findingKeys().isEmpty)
    }

    @Test func ignoreGlobsAndDefaultIgnoresSkipFiles() throws {
        let repo = try repository(
            config: "ignore:\n  - \"fixtures/\"\n",
            files: [
                "fixtures/insecure.py": "\(insecureRequestLine)\n",
                "vendor/lib/client.py": "\(insecureRequestLine)\n",
                "src/app.py": "x = 1\n",
            ])
        let result = try repo.reviewbot("review", "--format", "json")
        #expect(result.status == 0, "\(result.summary)")
        #expect(try result.findingKeys().isEmpty)
        #expect(
            try result.skippedKeys() == ["fixtures/insecure.py:added:ignored", "vendor/lib/client.py:added:ignored"])

        let noDefaults = try repository(
            config: "default_ignores: false\n", files: ["vendor/lib/client.py": "\(insecureRequestLine)\n"])
        let flagged = try noDefaults.reviewbot("review", "--format", "json")
        #expect(flagged.status == 1, "\(flagged.summary)")
    }

    @Test func configOutsideTheRootIsFoundFromASubfolder() throws {
        let repo = try repository(config: "fail_on: never\n", files: highSecurity)
        try repo.write("sub/dir/readme.txt", "x\n")
        let result = try Command.run(Command.reviewbotBinary, ["review"], in: repo.path + "/sub/dir")
        #expect(result.status == 0, "the root's .reviewbot.yml applies: \(result.summary)")
    }
}
