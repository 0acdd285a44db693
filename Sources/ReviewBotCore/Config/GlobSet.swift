import Foundation

/// gitignore-style globs: `*`, `?`, `**`, a trailing `/` for folders, a leading `/` to anchor at the
/// root, and `!` to re-include. A pattern without `/` matches a name at any depth.
public struct GlobSet: Sendable {
    private let entries: [(regex: SharedRegex, negated: Bool)]

    public init(_ patterns: [String]) {
        entries = patterns.compactMap { pattern in
            var text = pattern.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { return nil }
            let negated = text.hasPrefix("!")
            if negated { text.removeFirst() }
            guard let regex = try? SharedRegex(Self.regex(for: text)) else { return nil }
            return (regex, negated)
        }
    }

    public func matches(_ path: String) -> Bool {
        var ignored = false
        for entry in entries where entry.regex.matches(path) { ignored = !entry.negated }
        return ignored
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
