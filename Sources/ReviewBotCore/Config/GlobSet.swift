import Foundation

/// gitignore-style globs: `*`, `?`, `**`, a trailing `/` for folders, a leading `/` to anchor at the
/// root, and `!` to re-include. A pattern without `/` matches a name at any depth.
public struct GlobSet: Sendable {
    /// One run of consecutive patterns of the same kind (ignore or re-include).
    ///
    /// A pattern without `/` names one path component, so it is matched against the components (a file
    /// pattern against any of them, a folder pattern against all but the last) with an anchored alternation;
    /// matching `^(.*/)?name(/.*)?$` against the whole path backtracks over every `/` for every pattern, which
    /// cost 0.4 ms a path with the ~40 default globs.
    private struct Run: Sendable {
        var negated: Bool
        /// Names any component may have (`*.lock`, `generated`).
        var names: SharedRegex?
        /// Names any folder on the path may have (`vendor/`).
        var folders: SharedRegex?
        /// Patterns with a `/` inside, anchored at the root.
        var anchored: SharedRegex?

        func matches(_ path: String) -> Bool {
            if let anchored, anchored.matches(path) { return true }
            guard names != nil || folders != nil else { return false }
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            for (index, component) in components.enumerated() {
                let text = String(component)
                if let names, names.matches(text) { return true }
                if let folders, index < components.count - 1, folders.matches(text) { return true }
            }
            return false
        }
    }

    private let runs: [Run]

    /// Consecutive patterns of the same kind are compiled together: the last matching pattern decides, and
    /// within a run any match decides the same way. A few regular expressions for the ~40 default globs keep
    /// start-up cheap for hooks.
    public init(_ patterns: [String]) {
        var sources: [(names: [String], folders: [String], anchored: [String], negated: Bool)] = []
        for pattern in patterns {
            var text = pattern.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, !text.hasPrefix("#") else { continue }
            let negated = text.hasPrefix("!")
            if negated { text.removeFirst() }
            let glob = Self.parse(text)
            // Only a `[…]` class can make an invalid pattern; such a glob is left out rather than breaking its run.
            if text.contains("["), !Self.compiles(glob.body) { continue }
            if sources.last?.negated != negated { sources.append(([], [], [], negated)) }
            let last = sources.count - 1
            switch (glob.anchored, glob.folder) {
            case (true, _): sources[last].anchored.append("^" + glob.body + (glob.folder ? "/.*$" : "(/.*)?$"))
            case (false, true): sources[last].folders.append(glob.body)
            case (false, false): sources[last].names.append(glob.body)
            }
        }
        func alternation(_ bodies: [String], _ wrap: (String) -> String) -> SharedRegex? {
            guard !bodies.isEmpty else { return nil }
            return try? SharedRegex(wrap(bodies.map { "(?:\($0))" }.joined(separator: "|")))
        }
        runs = sources.map { source in
            Run(
                negated: source.negated, names: alternation(source.names) { "^(?:\($0))$" },
                folders: alternation(source.folders) { "^(?:\($0))$" },
                anchored: alternation(source.anchored) { $0 })
        }
    }

    public func matches(_ path: String) -> Bool {
        var ignored = false
        for run in runs where run.matches(path) { ignored = !run.negated }
        return ignored
    }

    private static func compiles(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }

    /// A glob as a regular expression for what it names (`body`, not anchored), whether it is anchored at
    /// the root (a leading `/` or one inside) and whether it names only folders (a trailing `/`).
    static func parse(_ glob: String) -> (body: String, anchored: Bool, folder: Bool) {
        var text = glob
        let directory = text.hasSuffix("/")
        if directory { text.removeLast() }
        let anchored = text.hasPrefix("/") || text.contains("/")
        if text.hasPrefix("/") { text.removeFirst() }
        var out = ""
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
        return (out, anchored, directory)
    }
}
