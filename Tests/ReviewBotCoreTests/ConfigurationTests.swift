import Testing

@testable import ReviewBotCore

@Suite struct ConfigurationTests {
    func parse(_ yaml: String) throws(ConfigError) -> Configuration {
        try ConfigLoader.parse(yaml, file: ".reviewbot.yml")
    }

    func error(_ yaml: String) -> String? {
        do {
            _ = try parse(yaml)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func emptyFileGivesDefaults() throws {
        #expect(try parse("") == Configuration())
        #expect(try parse("# nothing\n") == Configuration())
    }

    @Test func readsEverySection() throws {
        let config = try parse(
            """
            agents:
              security: {weight: 3, veto: false}
              accessibility: false
            voting:
              policy: consensus
              threshold: 0.5
              reject_at: high
              request_changes_at: medium
            ignore: ["docs/**", "*.sql"]
            default_ignores: false
            rules:
              quality.force-unwrap: off
              security.weak-hash: low
              quality.debug-output: {enabled: true, severity: medium}
            max_file_bytes: 2048
            fail_on: reject
            """)
        #expect(config.agents[.security] == .init(enabled: true, weight: 3, veto: false))
        #expect(config.agents[.accessibility]?.enabled == false)
        #expect(config.voting.policy == .consensus)
        #expect(config.voting.consensusThreshold == 0.5)
        #expect(config.voting.rejectAt == .high)
        #expect(config.voting.requestChangesAt == .medium)
        #expect(config.ignore == ["docs/**", "*.sql"])
        #expect(!config.defaultIgnores)
        #expect(config.maxFileBytes == 2048)
        #expect(config.failOn == .reject)
        let rules = config.effectiveRules()
        #expect(!rules.contains { $0.id == "quality.force-unwrap" })
        #expect(rules.first { $0.id == "security.weak-hash" }?.severity == .low)
        #expect(rules.first { $0.id == "quality.debug-output" }?.severity == .medium)
    }

    @Test func unknownKeysNameTheKeyAndLine() {
        #expect(
            error("voting:\n  policy: weighted\n  polcy: majority\n")?.hasPrefix(
                ".reviewbot.yml:3: unknown key 'polcy' under voting") == true)
        #expect(error("agnets: {}\n")?.hasPrefix(".reviewbot.yml:1: unknown key 'agnets'") == true)
        #expect(error("agents:\n  securty: false\n")?.contains(":2: unknown agent 'securty'") == true)
        #expect(error("rules:\n  security.nope: off\n")?.contains(":2: unknown rule 'security.nope'") == true)
    }

    @Test func badValuesNameTheKeyAndLine() {
        #expect(error("voting:\n  policy: loudest\n")?.contains(":2: voting.policy must be one of") == true)
        #expect(error("voting:\n  threshold: 2\n")?.contains("voting.threshold must be in (0, 1]") == true)
        #expect(error("max_file_bytes: lots\n")?.contains(":1: max_file_bytes must be a whole number") == true)
        #expect(
            error("agents:\n  security:\n    weight: heavy\n")?.contains(":3: agents.security.weight must be a number")
                == true)
        #expect(error("ignore: docs\n")?.contains(":1: ignore must be a list") == true)
        #expect(
            error("fail_on: sometimes\n")?.contains("fail_on must be one of request-changes, reject, never") == true)
        #expect(error("voting: [1, 2\n")?.contains("invalid YAML") == true)
    }
}

@Suite struct GlobSetTests {
    @Test func gitignoreStyleMatching() {
        let globs = GlobSet(["*.lock", "vendor/", "/build", "docs/**/*.md", "src/**/gen", "!keep.lock"])
        #expect(globs.matches("Cargo.lock"))
        #expect(globs.matches("sub/dir/yarn.lock"))
        #expect(!globs.matches("keep.lock"))
        #expect(globs.matches("vendor/x/y.go"))
        #expect(globs.matches("a/vendor/y.go"))
        #expect(!globs.matches("vendored.go"))
        #expect(globs.matches("build/out.js"))
        #expect(!globs.matches("src/build/out.js"))
        #expect(globs.matches("docs/a/b/c.md"))
        #expect(globs.matches("docs/c.md"))
        #expect(globs.matches("src/gen/x.swift"))
        #expect(globs.matches("src/a/gen/x.swift"))
        #expect(!globs.matches("src/a/general.swift"))
    }

    @Test func defaultIgnoresCoverLockVendoredAndGeneratedFiles() {
        let globs = Configuration().ignoreMatcher
        for path in [
            "package-lock.json", "web/yarn.lock", "go.sum", "vendor/lib.go", "node_modules/x/index.js",
            "Sources/SwiftSyntax/generated/Nodes.swift", "app.min.js", "api.pb.go", "model_pb2.py",
        ] {
            #expect(globs.matches(path), "\(path)")
        }
        for path in ["src/app.js", "Sources/Lexer.swift", "generator.py", "docs/vendor-notes.md"] {
            #expect(!globs.matches(path), "\(path)")
        }
    }
}
