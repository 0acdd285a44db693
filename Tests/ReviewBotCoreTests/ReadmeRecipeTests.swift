import Foundation
import Testing
import Yams

/// The CI recipes of README.md, taken from the README and run as written against a scratch pull request:
/// the `run:` steps of the GitHub Actions workflow (but the install step; `uses:` steps cannot run here),
/// the `script:` of the GitLab job, and the whole shell recipe. Each must gate as documented.
@Suite struct ReadmeRecipeTests {
    private static let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The fenced block after `<!-- recipe: NAME -->` in README.md.
    private static func recipe(_ name: String) throws -> String {
        let readme = try String(contentsOf: checkout.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = try #require(readme.range(of: "<!-- recipe: \(name) -->\n```"), "no recipe \(name)")
        let afterFence = try #require(readme[marker.upperBound...].firstIndex(of: "\n"))
        let body = readme[readme.index(after: afterFence)...]
        let end = try #require(body.range(of: "\n```\n"))
        return String(body[..<end.lowerBound]) + "\n"
    }

    enum Change: String, CaseIterable, CustomTestStringConvertible {
        case clean, high, critical

        var files: [String: String] {
            switch self {
            case .clean: ["calc.py": "def add(a, b):\n    return a + b\n"]
            case .high: ["client.py": "import requests\n\(insecureRequestLine)\n"]
            case .critical: ["deploy/key.pem": "\(privateKeyLine)\n"]
            }
        }

        /// The documented exit code of the gate.
        var gate: Int32 {
            switch self {
            case .clean: 0
            case .high: 1
            case .critical: 2
            }
        }

        var testDescription: String { rawValue }
    }

    /// A pull request: a bare `origin` with `main`, and a clone on a feature branch with one commit more; and
    /// a folder for the tools and files of the CI run. The folders go when it does.
    private final class PullRequest {
        let repo: ScratchRepository
        let remote: String
        let tools: String
        let base: String
        let head: String

        init(_ change: Change) throws {
            repo = try ScratchRepository(initialCommit: true)
            remote = try ScratchRepository.temporaryFolder()
            tools = try ScratchRepository.temporaryFolder()
            #expect(try Command.run("/usr/bin/git", ["init", "-q", "--bare", remote], in: remote).status == 0)
            try repo.git("remote", "add", "origin", remote)
            try repo.git("push", "-q", "origin", "main")
            base = try repo.git("rev-parse", "HEAD")
            try repo.git("checkout", "-q", "-b", "feature")
            for (path, text) in change.files { try repo.write(path, text) }
            head = try repo.commitAll("change")
        }

        deinit {
            try? FileManager.default.removeItem(atPath: remote)
            try? FileManager.default.removeItem(atPath: tools)
        }
    }

    /// PATH with the built binary first, and a fake `gh` that logs its calls and lists the comment ids in
    /// `comments` (none at first) for `gh api …/comments`.
    private func path(with tools: String) throws -> String {
        let gh = """
            #!/bin/sh
            here=$(dirname "$0")
            echo "gh $*" >> "$here/gh.log"
            case "$*" in *"/comments --paginate"*) cat "$here/comments" 2>/dev/null ;; esac
            exit 0

            """
        try Data(gh.utf8).write(to: URL(fileURLWithPath: tools + "/gh"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tools + "/gh")
        let binary = URL(fileURLWithPath: Command.reviewbotBinary).deletingLastPathComponent().path
        return "\(binary):\(tools):" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    @Test(arguments: Change.allCases) func gitHubActionsRecipe(_ change: Change) throws {
        let pr = try PullRequest(change)
        let tools = pr.tools
        let workflow = try #require(try Yams.load(yaml: try Self.recipe("github-actions")) as? [String: Any])
        let job = try #require((workflow["jobs"] as? [String: Any])?["review"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let expressions = [
            "github.event.pull_request.base.sha": pr.base, "github.event.pull_request.head.sha": pr.head,
            "github.event.pull_request.number": "7", "github.token": "token",
        ]
        func expand(_ text: String) throws -> String {
            var text = text
            for (expression, value) in expressions {
                text = text.replacingOccurrences(of: "${{ \(expression) }}", with: value)
            }
            #expect(!text.contains("${{"), "an expression the test does not know: \(text)")
            return text
        }
        var environment = (workflow["env"] as? [String: String]) ?? [:]
        environment["PATH"] = try path(with: tools)
        environment["GITHUB_SERVER_URL"] = "https://github.com"
        environment["GITHUB_REPOSITORY"] = "acme/app"
        environment["GITHUB_STEP_SUMMARY"] = tools + "/summary.md"
        environment["GITHUB_PATH"] = tools + "/path"
        environment["RUNNER_TEMP"] = tools

        // GitHub runs `run:` with `bash -e {0}`, with the workflow's and the step's `env:`.
        func run(_ step: [String: Any]) throws -> Command.Result {
            var stepEnvironment = environment
            for (key, value) in step["env"] as? [String: Any] ?? [:] { stepEnvironment[key] = try expand("\(value)") }
            let script = try expand(try #require(step["run"] as? String))
            return try Command.run("/bin/bash", ["-e", "-c", script], in: pr.repo.path, environment: stepEnvironment)
        }
        var outcomes: [String: Command.Result] = [:]
        for step in steps where step["run"] != nil {
            let name = try #require(step["name"] as? String)
            if name == "Install reviewbot" { continue }  // the test runs the binary it built
            outcomes[name] = try run(step)
        }

        let review = try #require(outcomes["Review"])
        #expect(review.status == change.gate, "\(review.summary)")
        let sarif = try SARIFRun(try SARIFSchema.validate(try pr.repo.read("reviewbot.sarif")))
        #expect(sarif.results.isEmpty == (change == .clean))
        let markdown = try pr.repo.read("reviewbot.md")
        #expect(try String(contentsOfFile: tools + "/summary.md", encoding: .utf8) == markdown)
        switch change {
        case .clean:
            #expect(markdown.contains("reviewbot: approve"))
            #expect(review.stdout.hasPrefix("::notice title=reviewbot::approve"))
        case .high:
            #expect(review.stdout.contains("::error file=client.py,line=2,"), "\(review.stdout)")
            #expect(markdown.contains("(https://github.com/acme/app/blob/\(pr.head)/client.py#L2-L2)"), "\(markdown)")
        case .critical:
            #expect(review.stdout.contains("::error file=deploy/key.pem,line=1,"), "\(review.stdout)")
            #expect(markdown.contains("reviewbot: reject"))
        }
        #expect(review.stderr.split(separator: "\n").count == (change == .clean ? 0 : 1), "\(review.stderr)")

        // The first run posts a comment; once one with the marker exists, it is updated instead.
        let comment = try #require(outcomes["Comment"])
        #expect(comment.status == 0, "\(comment.summary)")
        let posted = try String(contentsOfFile: tools + "/gh.log", encoding: .utf8).split(separator: "\n")
        #expect(posted.last == "gh pr comment 7 --body-file reviewbot.md", "\(posted)")
        try Data("4242\n".utf8).write(to: URL(fileURLWithPath: tools + "/comments"))
        let again = try run(try #require(steps.first { $0["name"] as? String == "Comment" }))
        #expect(again.status == 0, "\(again.summary)")
        let updated = try String(contentsOfFile: tools + "/gh.log", encoding: .utf8).split(separator: "\n")
        #expect(
            updated.last == "gh api -X PATCH repos/acme/app/issues/comments/4242 -F body=@reviewbot.md", "\(updated)")
    }

    @Test(arguments: Change.allCases) func gitLabRecipe(_ change: Change) throws {
        let pr = try PullRequest(change)
        let tools = pr.tools
        let pipeline = try #require(try Yams.load(yaml: try Self.recipe("gitlab")) as? [String: Any])
        let job = try #require(pipeline["reviewbot"] as? [String: Any])
        let script = try #require(job["script"] as? [String])
        var environment = (job["variables"] as? [String: Any] ?? [:]).mapValues { "\($0)" }
        environment["PATH"] = try path(with: tools)
        environment["CI_MERGE_REQUEST_DIFF_BASE_SHA"] = pr.base
        environment["CI_COMMIT_SHA"] = pr.head
        environment["CI_PROJECT_URL"] = "https://gitlab.com/acme/app"
        // The runner stops at the first line that fails.
        let result = try Command.run(
            "/bin/bash", ["-e", "-c", script.joined(separator: "\n")], in: pr.repo.path, environment: environment)
        #expect(result.status == change.gate, "\(result.summary)")
        for artifact in (job["artifacts"] as? [String: Any])?["paths"] as? [String] ?? [] {
            #expect(pr.repo.exists(artifact), "\(artifact)")
        }
        try SARIFSchema.validate(try pr.repo.read("reviewbot.sarif"))
        if change == .high {
            #expect(
                try pr.repo.read("reviewbot.md").contains(
                    "(https://gitlab.com/acme/app/-/blob/\(pr.head)/client.py#L2-2)"))
        }
    }

    @Test(arguments: Change.allCases) func plainShellRecipe(_ change: Change) throws {
        let pr = try PullRequest(change)
        let tools = pr.tools
        let result = try Command.run(
            "/bin/sh", ["-c", try Self.recipe("shell")], in: pr.repo.path, environment: ["PATH": try path(with: tools)])
        #expect(result.status == change.gate, "\(result.summary)")
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(try pr.repo.read("reviewbot.json").utf8)) as? [String: Any])
        #expect(report["verdict"] as? String == ["approve", "request_changes", "reject"][Int(change.gate)])
        if change != .clean { #expect(result.stderr.hasPrefix("reviewbot: "), "\(result.stderr)") }
    }
}

/// `--help` with examples for every command, and shell completions.
@Suite struct CommandLineHelpTests {
    @Test(arguments: [
        [], ["review"], ["baseline"], ["hook"], ["hook", "install"], ["hook", "uninstall"], ["hook", "run"], ["rules"],
    ])
    func everyCommandsHelpHasExamples(_ command: [String]) throws {
        let folder = try ScratchRepository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Command.run(Command.reviewbotBinary, ["help"] + command, in: folder)
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stdout.contains("Examples:"), "\(command): \(result.stdout)")
        #expect(result.stdout.contains("reviewbot " + command.joined(separator: " ")), "\(result.stdout)")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionScripts(_ shell: String) throws {
        let folder = try ScratchRepository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Command.run(Command.reviewbotBinary, ["--generate-completion-script", shell], in: folder)
        #expect(result.status == 0, "\(result.summary)")
        for word in ["baseline", "review", "sarif", "markdown", "request-changes"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }
}
