import Foundation

/// gitignore-style globs: `*`, `?`, `**`, a trailing `/` for folders, a leading `/` to anchor at the
/// root, and `!` to re-include. A pattern without `/` matches a name at any depth.
public struct GlobSet: Sendable {
    private let entries: [(regex: SharedRegex, negated: Bool)]

    /// Consecutive patterns of the same kind (ignore or re-include) are compiled as one alternation: the
    /// last matching pattern decides, and within a run any match decides the same way. One regular
    /// expression for the ~40 default globs keeps start-up cheap for hooks.
    public init(_ patterns: [String]) {
        var runs: [(sources: [String], negated: Bool)] = []
        for pattern in patterns {
            var text = pattern.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            let negated = text.hasPrefix("!")
            if negated { text.removeFirst() }
            let source = Self.regex(for: text)
            // Only a `[…]` class can make an invalid pattern; such a glob is left out rather than breaking its run.
            if text.contains("["), !Self.compiles(source) { continue }
            if let last = runs.last, last.negated == negated {
                runs[runs.count - 1].sources.append(source)
            } else {
                runs.append(([source], negated))
            }
        }
        entries = runs.compactMap { run in
            let joined =
                run.sources.count == 1 ? run.sources[0] : run.sources.map { "(?:\($0))" }.joined(separator: "|")
            return (try? SharedRegex(joined)).map { ($0, run.negated) }
        }
    }

    public func matches(_ path: String) -> Bool {
        var ignored = false
        for entry in entries where entry.regex.matches(path) { ignored = !entry.negated }
        return ignored
    }

    private static func compiles(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    static func regex(for glob: String) -> String {
        var text = glob
        let directory = text.hasSuffix("/")
        if directory { text.removeLast() }
        let anchored = text.hasPrefix("/") || text.dropLast().contains("/")
        if text.hasPrefix("/") { text.removeFirst() }
        var out = anchored ? "^" : "^(.*/)?"
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if index + 1 < characters.count && characters[index + 1] == "*" {
                    let followedBySlash = index + 2 < characters.count && characters[index + 2] == "/"
                    out += followedBySlash ? "(.*/)?" : ".*"
                    index += followedBySlash ? 3 : 2
                    continue
                }
                out += "[^/]*"
            case "?": out += "[^/]"
            case "[":
                if let close = characters[index...].firstIndex(of: "]") {
                    out += String(characters[index...close])
                    index = close + 1
                    continue
                }
                out += "\\["
            default:
                out += NSRegularExpression.escapedPattern(for: String(character))
            }
            index += 1
        }
        characters.removeAll()
        // A folder pattern covers everything below it; a file pattern may also name a folder.
        out += directory ? "/.*$" : "(/.*)?$"
        return out
    }
}
