import Foundation
import Testing

/// Smaller ways the gate went wrong (issue 11, item 7), each pinned on a real repository and the built binary.
@Suite struct GateEdgeCaseTests {
    @Test func allAgentWeightsZeroIsAConfigurationError() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(
            ".reviewbot.yml",
            "agents:\n  security: {weight: 0}\n  performance: {weight: 0}\n  quality: {weight: 0}\n  accessibility: {weight: 0}\n"
        )
        let result = try repo.reviewbot("review", "--worktree")
        #expect(result.status == 3, "\(result.summary)")
        result.expectOneErrorLine()
        #expect(result.stderr.contains("weight above 0"))

        try repo.write(".reviewbot.yml", "voting: {policy: majority}\nagents:\n  security: {weight: 0}\n")
        #expect(try repo.reviewbot("review", "--worktree").status == 0, "weights do not count in a majority vote")
    }

    @Test func gitDirAndGitWorkTreeAreHonouredAsGitDoes() throws {
        let repo = try ScratchRepository(initialCommit: true)
        let elsewhere = try ScratchRepository()  // only a folder to hold a working tree
        try elsewhere.remove(".git")
        try elsewhere.write("client.py", "\(insecureRequestLine)\n")
        let environment = ["GIT_DIR": repo.path + "/.git", "GIT_WORK_TREE": elsewhere.path]
        let result = try Command.run(
            Command.reviewbotBinary, ["review", "--worktree", "--format", "json"], in: "/", environment: environment)
        #expect(result.status == 1, "\(result.summary)")
        #expect(try result.findingKeys() == ["security.tls-verification-disabled@client.py:1"])

        // GIT_DIR alone: the folder the command runs in is the working tree.
        let alone = try Command.run(
            Command.reviewbotBinary, ["review", "--worktree", "--format", "json"], in: elsewhere.path,
            environment: ["GIT_DIR": repo.path + "/.git"])
        #expect(try alone.findingKeys() == ["security.tls-verification-disabled@client.py:1"], "\(alone.summary)")

        let missing = try Command.run(
            Command.reviewbotBinary, ["review"], in: repo.path, environment: ["GIT_DIR": repo.path + "/nowhere"])
        #expect(missing.status == 4, "\(missing.summary)")
        missing.expectOneErrorLine()
        #expect(missing.stderr.contains("GIT_DIR"))
    }

    @Test func fileNamesWithBackticksAndPipesKeepTheMarkdownReportIntact() throws {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write("odd`name|x.py", "\(insecureRequestLine)\n")
        try repo.write("``twice``.py", "\(insecureRequestLine)\n")
        try repo.commitAll("odd names")
        let result = try repo.reviewbot("review", "--format", "markdown")
        #expect(result.status == 1, "\(result.summary)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains(".py") }
        #expect(rows.count == 2, "\(result.stdout)")
        for row in rows {
            // Three cells: the pipe in the name is escaped, so it does not start a fourth.
            let cells = row.replacingOccurrences(of: "\\|", with: "").split(
                separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 5, "\(row)")
        }
        #expect(result.stdout.contains("``odd`name\\|x.py:1``"), "\(result.stdout)")
        #expect(result.stdout.contains("``` ``twice``.py:1 ```"), "\(result.stdout)")
    }
}
