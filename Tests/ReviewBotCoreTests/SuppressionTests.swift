import Foundation
import Testing

/// `reviewbot:ignore` in each language's comment syntax, on the flagged line or alone on the line above,
/// for every rule or only the named ones. Every line below has two findings of different rules.
@Suite struct SuppressionTests {
    private func review(_ path: String, _ text: String) throws -> [String] {
        let repo = try ScratchRepository(initialCommit: true)
        try repo.write(path, text)
        try repo.commitAll("change")
        let result = try repo.reviewbot("review", "--format", "json", "--fail-on", "never")
        #expect(result.status == 0, "\(result.summary)")
        // `ruleId@line` of every finding that still counts.
        return try result.findings().filter { ($0["suppressed"] as? Bool) != true }.map {
            "\($0["ruleId"] as? String ?? "?")@\($0["line"] as? Int ?? 0)"
        }.sorted()
    }

    @Test func python() throws {
        let line = "    requests.get(hashlib.md5(data).hexdigest(), verify=False)"
        let active = try review(
            "app.py",
            """
            import hashlib, requests
            def f(data):
            \(line)
            \(line)  # reviewbot:ignore security.weak-hash
                # reviewbot:ignore security.tls-verification-disabled,security.weak-hash
            \(line)
            \(line)  # reviewbot:ignore

            """)
        #expect(
            active == [
                "security.tls-verification-disabled@3", "security.tls-verification-disabled@4", "security.weak-hash@3",
            ])
    }

    @Test func javaScript() throws {
        let line = "  eval(userInput); console.log(userInput);"
        let active = try review(
            "app.js",
            """
            function f(userInput) {
            \(line)
            \(line) // reviewbot:ignore security.code-eval
              /* reviewbot:ignore quality.debug-output */
            \(line)
            \(line) /* reviewbot:ignore */
            }

            """)
        #expect(
            active == [
                "quality.debug-output@2", "quality.debug-output@3", "security.code-eval@2", "security.code-eval@5",
            ])
    }

    @Test func swift() throws {
        let line = "    let x = try! load(); let y = w!"
        let active = try review(
            "Sources/App/Load.swift",
            """
            func f() {
            \(line)
            \(line) // reviewbot:ignore quality.force-try
                // reviewbot:ignore quality.force-unwrap
            \(line)
            }

            """)
        #expect(
            active == [
                "quality.force-try@2", "quality.force-try@5", "quality.force-unwrap@2", "quality.force-unwrap@3",
            ])
    }

    @Test func htmlComments() throws {
        let line = "<img src=\"a.png\"><input type=\"text\" name=\"q\">"
        let active = try review(
            "index.html",
            """
            <!DOCTYPE html><html lang="en"><head><title>t</title></head><body>
            \(line)
            \(line) <!-- reviewbot:ignore accessibility.img-alt -->
            <!-- reviewbot:ignore accessibility.input-label,accessibility.img-alt -->
            \(line)
            <!--reviewbot:ignore accessibility.input-label-->
            \(line)
            \(line) <!-- reviewbot:ignore -->
            </body></html>

            """)
        #expect(
            active == [
                "accessibility.img-alt@2", "accessibility.img-alt@7", "accessibility.input-label@2",
                "accessibility.input-label@3",
            ])
    }

    @Test func aDirectiveInAStringOrAfterCodeOnTheLineAboveDoesNotCount() throws {
        let active = try review(
            "app.py",
            """
            import requests
            x = "reviewbot:ignore"; requests.get(u, verify=False)
            y = 1  # reviewbot:ignore
            requests.get(u, verify=False)

            """)
        #expect(active == ["security.tls-verification-disabled@2", "security.tls-verification-disabled@4"])
    }
}
