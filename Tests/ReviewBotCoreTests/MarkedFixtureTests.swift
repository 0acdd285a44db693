import Foundation
import Testing

/// Reviews the files of `Fixtures/marked` as one commit and compares every finding with the
/// `expect: rule.id` markers written on the lines themselves: nothing missed, nothing extra.
@Suite struct MarkedFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/marked")

    static var fixtureNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "README.md" }
            .sorted()
    }

    /// `path:line:rule` for every marker in the fixture.
    static func expectations(in name: String, text: String) -> Set<String> {
        var expected = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "expect: ") else { continue }
            let ids = line[range.upperBound...].split(whereSeparator: {
                $0 == "," || $0 == " " || $0 == "*" || $0 == "}" || $0 == "-" && false
            })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " */}->")) }
            .filter { $0.contains(".") }
            for id in ids { expected.insert("\(name):\(index + 1):\(id)") }
        }
        return expected
    }

    @Test("findings match the markers", arguments: fixtureNames)
    func findingsMatchMarkers(name: String) throws {
        let repo = try ScratchRepository(initialCommit: true)
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        try repo.write(name, text)
        try repo.commitAll("add \(name)")

        let result = try repo.reviewbot("review", "HEAD", "--format", "json", "--fail-on", "never")
        #expect(result.status == 0, "\(result.stderr)")
        let found = Set(
            try result.findings().map {
                "\($0["path"] as? String ?? ""):\($0["line"] as? Int ?? 0):\($0["ruleId"] as? String ?? "")"
            })
        let expected = Self.expectations(in: name, text: text)
        #expect(found.subtracting(expected).sorted() == [], "unexpected findings (false positives)")
        #expect(expected.subtracting(found).sorted() == [], "missed findings (false negatives)")
    }
}
