import Foundation
import Testing

/// Every SARIF log the tests produce goes through ``SARIFSchema/validate(_:)``: Python's `jsonschema` checks it
/// against the SARIF 2.1.0 schema kept in the repository as test data (`Fixtures/schemas`, with its OASIS
/// notice). A missing `jsonschema` fails the test with what to do; it never skips.
enum SARIFSchema {
    static let path = LLMTestServer.repositoryRoot + "/Fixtures/schemas/sarif-schema-2.1.0.json"

    private static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 cannot import jsonschema: run scripts/setup.sh (it installs it with pip)")
            sys.exit(3)
        with open(sys.argv[1]) as f:
            schema = json.load(f)
        log = json.load(sys.stdin)
        errors = sorted(jsonschema.validators.validator_for(schema)(schema).iter_errors(log), key=lambda e: list(e.path))
        for error in errors[:10]:
            print("/".join(str(p) for p in error.path) + ": " + error.message)
        sys.exit(1 if errors else 0)
        """

    /// Validates `text` against the schema and returns it decoded; records an issue for every problem.
    @discardableResult
    static func validate(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        if let problems = try problems(text, sourceLocation: sourceLocation) {
            Issue.record("SARIF does not validate: \(problems)", sourceLocation: sourceLocation)
        }
        guard let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw TestFailure("SARIF is not a JSON object")
        }
        return log
    }

    /// What the schema finds wrong with `text` (at most ten problems), or nil when it is valid.
    static func problems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String? {
        let result = try Command.run(
            "/usr/bin/env", ["python3", "-c", validator, path], in: FileManager.default.temporaryDirectory.path,
            stdin: text)
        return result.status == 0 ? nil : result.stdout + result.stderr
    }
}

extension Command.Result {
    /// The SARIF log on stdout, validated against the schema.
    func sarif(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        try SARIFSchema.validate(stdout, sourceLocation: sourceLocation)
    }
}

/// Typed access to the one run of a SARIF log.
struct SARIFRun {
    let run: [String: Any]

    init(_ log: [String: Any]) throws {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        run = try #require(runs.first)
    }

    var results: [[String: Any]] { run["results"] as? [[String: Any]] ?? [] }

    var rules: [[String: Any]] {
        ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
    }

    func rule(_ id: String) -> [String: Any]? { rules.first { $0["id"] as? String == id } }

    func results(of ruleId: String) -> [[String: Any]] { results.filter { $0["ruleId"] as? String == ruleId } }
}

extension Dictionary where Key == String, Value == Any {
    /// A nested value by keys and array indexes: `result.at("locations", 0, "physicalLocation")`.
    func at(_ path: Any...) -> Any? {
        var current: Any? = self
        for step in path {
            if let key = step as? String {
                current = (current as? [String: Any])?[key]
            } else if let index = step as? Int {
                guard let array = current as? [Any], array.indices.contains(index) else { return nil }
                current = array[index]
            }
        }
        return current
    }
}
