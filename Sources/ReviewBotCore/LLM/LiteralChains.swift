import Foundation

/// String literals that a program joins into one value, found so that a secret split over several of them is
/// redacted whole: `"ghp_abc" + "def…"`, adjacent literals (`"AKIA" "Q3EG…"` in Python and C), `.` (PHP),
/// `..` (Lua), `&` (VB), `||` (SQL), `~` (Raku), a line continuation, and the same across lines
/// (`("ghp_abc"` then `"def…")` on the next).
extension Redactor {
    /// Where one piece of a literal lies: its line (1-based) and its bytes within that line (contents only, the
    /// quotes stay).
    struct ChainPart: Equatable {
        var line: Int
        var columns: Range<Int>
    }

    /// The chains of two or more joined literals with a piece on one of the `shown` lines whose joined value holds
    /// a secret: it matches a secret rule's pattern in the context of its line, starts a token with a provider's
    /// prefix, or has a high-entropy token.
    static func secretChains(in file: SourceFile, shown: Set<Int>, patterns: [SharedRegex]) -> [[ChainPart]] {
        chains(in: file).filter { chain in
            guard chain.parts.contains(where: { shown.contains($0.line) }) else { return false }
            let joined = chain.value
            let line = file.rawLine(chain.firstLine)
            let before = String(decoding: Array(line.utf8).prefix(chain.parts[0].columns.lowerBound), as: UTF8.self)
            let last = chain.parts[chain.parts.count - 1]
            let lastLine = Array(file.rawLine(last.line).utf8)
            let after = String(decoding: lastLine[min(last.columns.upperBound, lastLine.count)...], as: UTF8.self)
            let synthetic = before + joined + after
            if patterns.contains(where: { $0.matches(synthetic) }) { return true }
            return joined.split(whereSeparator: { !isTokenCharacter($0) }).contains { token in
                (token.count >= 20 && looksSecret(token))
                    || providerPrefixes.contains { token.hasPrefix($0) && token.count >= $0.count + 8 }
            }
        }.map(\.parts)
    }

    /// How provider tokens start; a literal chain that joins into one of these and 8 more characters is a token.
    static let providerPrefixes = [
        "AKIA", "ASIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxa-", "xoxb-", "xoxo-",
        "xoxp-", "xoxr-", "xoxs-", "sk-", "sk_live_", "rk_live_", "AIza", "hf_", "npm_", "SG.",
    ]

    private static func isTokenCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "+/=_-.".contains(character)
    }

    /// A run of literal pieces joined by the program, and their value (pieces of one literal joined by a space,
    /// pieces of different literals joined directly).
    struct Chain {
        var parts: [ChainPart] = []
        var value = ""
        var firstLine: Int { parts[0].line }
    }

    /// Every chain of two or more literals in `file`. Literal contents are the bytes the code view blanks and the
    /// text view keeps; languages whose strings are values (YAML, JSON) have none, and need none.
    static func chains(in file: SourceFile) -> [Chain] {
        var chains: [Chain] = []
        var current = Chain()
        var literals = 0
        var previousEnd: Int?
        for run in literalRuns(in: file) {
            if let end = previousEnd {
                switch joint(file.code[end..<run.lowerBound]) {
                case .sameLiteral: current.value += " "
                case .concatenation:
                    literals += 1
                case .none:
                    if literals > 1 { chains.append(current) }
                    current = Chain()
                    literals = 1
                }
            } else {
                literals = 1
            }
            let line = file.line(atOffset: run.lowerBound)
            let start = file.lineStarts[line - 1]
            current.parts.append(ChainPart(line: line, columns: (run.lowerBound - start)..<(run.upperBound - start)))
            current.value += String(decoding: file.raw[run], as: UTF8.self)
            previousEnd = run.upperBound
        }
        if literals > 1 { chains.append(current) }
        return chains
    }

    private enum Joint {
        /// Only blanks between: two pieces of one literal around a space or a line break.
        case sameLiteral
        /// Quotes and joining operators between: two literals the program joins.
        case concatenation
        case none
    }

    /// What the code between two pieces of literals says about them (comments are blank in the code view).
    private static func joint(_ between: ArraySlice<UInt8>) -> Joint {
        guard between.count <= 80 else { return .none }
        var quotes = 0
        var newlines = 0
        var index = between.startIndex
        while index < between.endIndex {
            let byte = between[index]
            switch byte {
            case 0x22, 0x27, 0x60: quotes += 1
            case 0x0A: newlines += 1
            case 0x20, 0x09, 0x0D, 0x2B, 0x2E, 0x26, 0x7C, 0x5C, 0x7E, 0x28, 0x29: break
            default:
                // A string prefix right before a quote (`f"`, `rb'`, `@"`, `$"`) joins like the quote itself.
                let next = between.index(after: index)
                let isPrefix = "rRbBfFuU@$".utf8.contains(byte)
                if isPrefix, next < between.endIndex, [0x22, 0x27].contains(between[next]) { break }
                if isPrefix, next < between.endIndex, "rRbBfF".utf8.contains(between[next]),
                    between.index(after: next) < between.endIndex,
                    [0x22, 0x27].contains(between[between.index(after: next)])
                {
                    break
                }
                return .none
            }
            index = between.index(after: index)
        }
        guard newlines <= 2 else { return .none }
        return quotes == 0 ? .sameLiteral : .concatenation
    }

    /// Maximal runs of literal content without blanks, as byte ranges of the file, in order.
    private static func literalRuns(in file: SourceFile) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for offset in 0..<file.raw.count {
            let byte = file.raw[offset]
            let content =
                byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && file.code[offset] == 0x20
                && file.text[offset] == byte
            if content {
                if start == nil { start = offset }
            } else if let begun = start {
                runs.append(begun..<offset)
                start = nil
            }
        }
        if let begun = start { runs.append(begun..<file.raw.count) }
        return runs
    }
}
