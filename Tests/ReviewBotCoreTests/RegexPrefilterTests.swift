import Foundation
import Testing

@testable import ReviewBotCore

/// The literal prefilter that spares a regular expression search of a file that cannot match.
@Suite struct RegexPrefilterTests {
    private func literals(_ pattern: String) -> [String]? {
        LazyRegex.requiredLiterals(of: pattern)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aTopLevelRunIsTheLiteralNotAnAlternative() {
        #expect(
            LazyRegex.requiredLiteral(of: #"\bos\.system\s*\("#).map { String(decoding: $0, as: UTF8.self) }
                == "os.system")
        #expect(literals(#"\bos\.system\s*\("#) == nil)
    }

    @Test func aGroupOfAlternativesNeedsOneOfThem() {
        #expect(
            literals(#"(?<![\w.])(?:open|io\.open|shutil\.copy\w*)\s*\("#) == ["open", "io.open", "shutil.copy"])
        #expect(literals(#"(eval|exec)\("#) == ["eval", "exec"])
    }

    @Test func nothingIsRequiredWhenAnAlternativeHasNoLiteral() {
        // one alternative is a class only, the group is optional, or the alternation is at the top level
        #expect(literals(#"(?:open|[a-z]+)\("#) == nil)
        #expect(literals(#"(?:open|close)?\("#) == nil)
        #expect(literals(#"(?:open|close)\(|x"#) == nil)
        #expect(literals(#"(?i:open|close)\("#) == nil)
        #expect(literals(#"(?=open|close)\w+"#) == nil)
    }

    @Test func theFilterNeverRejectsATextThatMatches() throws {
        let patterns = [
            #"(?<![\w.])(?:open|io\.open|shutil\.copy\w*)\s*\("#, #"(eval|exec)\("#, #"a(?:b|c(?:d|e))f"#,
        ]
        let texts = ["x = open(p)", "shutil.copyfile(a, b)", "eval(x)", "acef", "abf", "nothing here"]
        for pattern in patterns {
            let regex = try LazyRegex(pattern, builtin: false)
            for text in texts where regex.matches(text) {
                #expect(!regex.cannotMatch(in: Array(text.utf8)), "\(pattern) on \(text)")
            }
        }
        #expect(try LazyRegex(#"(eval|exec)\("#, builtin: false).cannotMatch(in: Array("compile(x)".utf8)))
    }
}
