import Testing

@testable import ReviewBotCore

/// Id references, parents and colours are followed within the file, the way a browser would.
@Suite struct MarkupReferenceTests {
    @Test func labelledByNamesOnlyWhenTheTargetHasText() {
        let page = "<span id=\"empty\"></span>\n<h2 id=\"title\">Cookies</h2>\n<p id=\"hidden\" hidden>Close</p>"
        let references = MarkupReferences(path: "page.html", text: page)
        #expect(references.selfContained)
        #expect(references.namedByReference(element: "<div role=\"dialog\" aria-labelledby=\"title\">"))
        #expect(references.namedByReference(element: "<button aria-labelledby=\"empty hidden\"></button>"))
        #expect(!references.namedByReference(element: "<button aria-labelledby=\"empty\"></button>"))
        #expect(!references.namedByReference(element: "<button aria-labelledby=\"missing\"></button>"))
        #expect(!references.namedByReference(element: "<button class=\"x\"></button>"))
        #expect(references.namedByReference(element: "<button aria-labelledby={labelId}></button>"))
        #expect(references.namedByReference(element: "<button :aria-labelledby=\"labelId\"></button>"))
    }

    @Test func idsMissingFromTemplatesAreTrusted() {
        for (path, text) in [
            ("Dialog.jsx", "<div />"), ("dialog.vue", "<div />"), ("page.html", "<div>{{ title }}</div>"),
            ("page.html", "<script src=\"app.js\"></script>"),
        ] {
            let references = MarkupReferences(path: path, text: text)
            #expect(!references.selfContained, "\(path)")
            #expect(references.namedByReference(element: "<button aria-labelledby=\"missing\"></button>"), "\(path)")
        }
    }

    @Test func hiddenOrSilentTargets() {
        let page =
            "<p id=\"a\" hidden>Error</p><p id=\"b\" style=\"display: none\">Error</p><p id=\"c\"></p><p id=\"d\" role=\"alert\"></p><p id=\"e\">Error</p><p id=\"f\" class=\"hidden\">Error</p>"
        let references = MarkupReferences(path: "form.html", text: page)
        #expect(references.isHiddenOrSilent(id: "a"))
        #expect(references.isHiddenOrSilent(id: "b"))
        #expect(references.isHiddenOrSilent(id: "c"))
        #expect(!references.isHiddenOrSilent(id: "d"))
        #expect(!references.isHiddenOrSilent(id: "e"))
        #expect(!references.isHiddenOrSilent(id: "f"))
        #expect(!references.isHiddenOrSilent(id: "missing"))
    }

    @Test func parentsFollowOptionalEndTagsAndSkipScripts() {
        let page = "<ul>\n  <li>One\n  <li>Two\n</ul>\n<script>if (a<b) {}</script>\n<div><dd>x</dd></div>"
        let references = MarkupReferences(path: "list.html", text: page)
        func parent(of needle: String) -> String? {
            let offset = page.utf8.count - page[page.range(of: needle)!.lowerBound...].utf8.count
            if case .element(let tag) = references.parent(ofElementAt: offset) { return String(tag) }
            return nil
        }
        #expect(parent(of: "<li>Two") == "<ul>")
        #expect(parent(of: "<dd>") == "<div>")
        let top = references.parent(ofElementAt: 0)
        guard case .none = top else {
            Issue.record("the list is at the top of the file")
            return
        }
    }

    @Test func contrastFollowsWCAG() throws {
        let white = try #require(ColorContrast.parse("white"))
        let gray = try #require(ColorContrast.parse("#808080"))
        #expect(abs(ColorContrast.ratio(white, gray) - 3.95) < 0.01)
        #expect(ColorContrast.parse("rgb(255, 255, 255)") == white)
        #expect(ColorContrast.parse("rgba(0, 0, 0, 0.5)") == nil)
        #expect(ColorContrast.parse("var(--ink)") == nil)
        #expect(
            ColorContrast.isLow(
                startTag: "<p style=\"color: gray; background: white; font-size: 16px\">", ancestors: []))
        // a size the markup does not state may be large: only contrast below 3:1 is certain
        #expect(!ColorContrast.isLow(startTag: "<p style=\"color: gray; background: white\">", ancestors: []))
        #expect(
            !ColorContrast.isLow(
                startTag: "<p style=\"color: gray; background: white; font-size: 24px\">", ancestors: []))
        #expect(
            ColorContrast.isLow(
                startTag: "<span style=\"color: grey\">", ancestors: ["<div style=\"background: teal\">"]))
        #expect(
            !ColorContrast.isLow(
                startTag: "<span style=\"color: grey\">",
                ancestors: ["<div class=\"card\">", "<div style=\"background: teal\">"]))
    }
}

/// A pattern's `at` group places a multi-line finding on the line it names.
@Suite struct FindingPlacementTests {
    /// The lines where one built-in rule reports in `text`, with `added` lines new (all when nil).
    func lines(_ ruleId: String, _ path: String, _ text: String, added: [Int]? = nil) throws -> [Int] {
        let rule = try #require(RuleCatalog.rule(id: ruleId))
        let count = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let file = SourceFile(path: path, text: text, addedLines: added ?? Array(1...count))
        return try RuleEngine(rules: [rule]).findings(in: file, agent: rule.category.rawValue).map(\.line)
    }

    @Test func atGroupMovesTheFindingToTheDeadLine() throws {
        let code = "function f(x) {\n  return x * 2;\n  log(x);\n}"
        #expect(try lines("quality.unreachable-code", "calc.js", code) == [3])
        // only the return is new: the finding stays on an added line
        #expect(try lines("quality.unreachable-code", "calc.js", code, added: [2]) == [2])
    }

    @Test func nameFindingsPointAtTheAttributeThatNamesNothing() throws {
        let page = "<iframe\n  src=\"/map\"\n  title=\" \"\n></iframe>"
        #expect(try lines("accessibility.frame-title", "map.html", page) == [3])
    }
}

/// A custom rule can ask that the ids it reads exist in a self-contained page.
@Suite struct MissingReferenceTests {
    @Test func idsMissingFromAPageAreReportedAndTrustedInTemplates() throws {
        let rule = Rule(
            id: "team.describedby-missing", category: .accessibility, severity: .low, languages: [.html],
            keywords: ["aria-describedby"],
            patterns: [.init(.text, #"aria-describedby\s*=\s*"(?<ids>[^"]*)""#)], conditions: [.missingReference],
            message: "aria-describedby names no element of the page", recommendation: "Fix the id.",
            examples: [
                .init("form.html", "<input aria-describedby=\"hint\">", flagged: true),
                .init(
                    "form.html", "<input aria-describedby=\"hint\">\n<p id=\"hint\">8 characters</p>", flagged: false),
                .init("form.html", "<input aria-describedby=\"hint other\">\n<p id=\"other\">x</p>", flagged: false),
                .init("form.vue", "<input aria-describedby=\"hint\">", flagged: false),
            ])
        let result = try RuleTester.run([rule])
        #expect(result.failures.isEmpty, "\(result.failures.map(\.description))")
    }
}
