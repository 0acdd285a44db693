import Foundation

/// Reads a custom rule's regular expression before it is used, to say what is wrong with it in words
/// (Foundation only says "The value is invalid.") and to refuse the patterns that backtrack for ever.
///
/// It follows ICU's syntax as far as groups, classes, escapes and quantifiers go: enough to find unbalanced
/// parentheses, unterminated classes, quantifiers with nothing to repeat, backreferences to groups that do not
/// exist, and a repetition of a group that is itself only repetitions (`(a+)+`, `(a*)*`, `(\w+\s?)+`) or whose
/// alternatives repeat each other (`(a|a)*`, `(a|aa)+`): the shapes whose failing searches take exponential time.
/// Possessive quantifiers (`a++`) and atomic groups (`(?>…)`) do not backtrack and pass. Anything subtler is left
/// to the run-time budget. Offsets count characters from 0.
enum PatternCheck {
    /// What is wrong with a pattern: it is invalid (does not compile, or refers to a missing group), or unsafe
    /// (it may backtrack catastrophically).
    struct Problem: Equatable {
        var unsafe: Bool
        var message: String
    }

    /// What is wrong with `pattern`, or nil when it compiles and has none of the shapes above.
    static func problem(in pattern: String) -> Problem? {
        var parser = Parser(Array(pattern.unicodeScalars))
        if let problem = parser.parse() { return Problem(unsafe: false, message: "it does not compile: \(problem)") }
        for reference in parser.backreferences where reference.number > parser.groupCount {
            let groups = "\(parser.groupCount) group\(parser.groupCount == 1 ? "" : "s")"
            return Problem(
                unsafe: false,
                message: "it refers to group \(reference.number) at offset \(reference.offset), but has only \(groups)")
        }
        for reference in parser.namedReferences where !parser.groupNames.contains(reference.name) {
            return Problem(
                unsafe: false,
                message:
                    "it refers to a group named '\(reference.name)' at offset \(reference.offset) that it does not define"
            )
        }
        if let hazard = parser.hazard { return Problem(unsafe: true, message: hazard) }
        do {
            _ = try NSRegularExpression(pattern: pattern, options: [])
        } catch {
            return Problem(
                unsafe: false,
                message:
                    "it does not compile (the regular expression library rejects it: check its escapes and {n,m} counts)"
            )
        }
        return nil
    }

    /// One pass over the pattern; `parse()` returns the first syntax problem.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var groupCount = 0
        var groupNames: Set<String> = []
        var backreferences: [(number: Int, offset: Int)] = []
        var namedReferences: [(name: String, offset: Int)] = []
        /// The first catastrophic shape found, described.
        var hazard: String?

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        /// What a parsed piece can do, for the backtracking test.
        struct Atom {
            /// The piece repeats without bound (`x+`, `x*`, `x{2,}`), or is a group that holds such a piece.
            var repeats = false
            /// The piece matches nothing but repetitions and optional parts, so two adjacent copies can share out
            /// the same text in many ways.
            var loose = false
            /// The piece carries a quantifier.
            var quantified = false
            /// The piece's source text (for comparing alternatives).
            var text = ""
            var isGroup = false
            var atomic = false
            var lookaround = false
            var start = 0
        }

        /// A group being read: its alternatives so far, each a list of atoms.
        struct Frame {
            var start: Int
            var atomic = false
            var lookaround = false
            var alternatives: [[Atom]] = [[]]
        }

        mutating func parse() -> String? {
            var stack: [Frame] = [Frame(start: -1)]
            while index < scalars.count {
                let character = scalars[index]
                let start = index
                switch character {
                case "\\":
                    if let problem = escape(into: &stack) { return problem }
                case "[":
                    guard let end = classEnd(from: index) else {
                        return "unterminated character class: '[' at offset \(start) is never closed"
                    }
                    index = end
                    append(Atom(text: text(start, end), start: start), to: &stack)
                case "(":
                    if let problem = openGroup(into: &stack) { return problem }
                case ")":
                    guard stack.count > 1, let frame = stack.popLast() else {
                        return "unbalanced parenthesis: ')' at offset \(start) closes no group"
                    }
                    index += 1
                    var atom = Atom(isGroup: true, start: frame.start)
                    atom.text = text(frame.start, index)
                    atom.atomic = frame.atomic
                    atom.lookaround = frame.lookaround
                    atom.repeats = frame.alternatives.contains { $0.contains { $0.repeats } }
                    atom.loose = frame.alternatives.contains { alternative in
                        !alternative.isEmpty && alternative.contains(where: \.repeats)
                            && alternative.allSatisfy { $0.quantified || ($0.isGroup && $0.loose) }
                    }
                    if !frame.atomic && hazard == nil, let twin = Self.repeatingAlternatives(frame.alternatives) {
                        atom.loose = true
                        atom.repeats = true
                        atom.text += "\u{0}" + twin
                    }
                    append(atom, to: &stack)
                case "|":
                    stack[stack.count - 1].alternatives.append([])
                    index += 1
                case "*", "+", "?", "{":
                    if character == "{" && !startsInterval(at: index) {
                        index += 1
                        append(Atom(text: "{", start: start), to: &stack)
                        continue
                    }
                    if let problem = quantifier(into: &stack) { return problem }
                default:
                    index += 1
                    append(Atom(text: String(character), start: start), to: &stack)
                }
            }
            if stack.count > 1, let open = stack.last {
                return "unbalanced parenthesis: '(' at offset \(open.start) is never closed"
            }
            return nil
        }

        private func text(_ start: Int, _ end: Int) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
            return String(result)
        }

        private func append(_ atom: Atom, to stack: inout [Frame]) {
            stack[stack.count - 1].alternatives[stack[stack.count - 1].alternatives.count - 1].append(atom)
        }

        /// A `\` sequence: a backreference, a named reference, `\Q…\E`, a property or code point, or one character.
        private mutating func escape(into stack: inout [Frame]) -> String? {
            let start = index
            guard index + 1 < scalars.count else { return "a trailing backslash at offset \(start) escapes nothing" }
            let next = scalars[index + 1]
            index += 2
            switch next {
            case "1"..."9":
                var number = Int(next.value - 0x30)
                while index < scalars.count, ("0"..."9").contains(scalars[index]), number * 10 <= 1000 {
                    number = number * 10 + Int(scalars[index].value - 0x30)
                    index += 1
                }
                backreferences.append((number, start))
            case "k":
                guard index < scalars.count, scalars[index] == "<", let close = firstIndex(of: ">", from: index) else {
                    return "\\k at offset \(start) needs a group name in <…>"
                }
                namedReferences.append((text(index + 1, close), start))
                index = close + 1
            case "Q":
                // literal up to \E (or the end)
                while index + 1 < scalars.count && !(scalars[index] == "\\" && scalars[index + 1] == "E") { index += 1 }
                index = min(scalars.count, index + 2)
            case "p", "P", "x", "N":
                if index < scalars.count, scalars[index] == "{" {
                    guard let close = firstIndex(of: "}", from: index) else {
                        return "'\\\(next){' at offset \(start) is never closed"
                    }
                    index = close + 1
                } else if next == "x" {
                    index = min(scalars.count, index + 2)
                }
            case "b", "B", "A", "z", "Z", "G":
                append(Atom(text: text(start, index), start: start), to: &stack)
                return nil
            default: break
            }
            append(Atom(text: text(start, index), start: start), to: &stack)
            return nil
        }

        private func firstIndex(of scalar: Unicode.Scalar, from start: Int) -> Int? {
            var position = start
            while position < scalars.count {
                if scalars[position] == scalar { return position }
                position += 1
            }
            return nil
        }

        /// The index after the `]` that closes the class opening at `start`; nested classes and `[:name:]` count.
        private func classEnd(from start: Int) -> Int? {
            var position = start + 1
            var depth = 1
            if position < scalars.count && scalars[position] == "^" { position += 1 }
            if position < scalars.count && scalars[position] == "]" { position += 1 }
            while position < scalars.count {
                switch scalars[position] {
                case "\\": position += 2
                case "[":
                    depth += 1
                    position += 1
                    if position < scalars.count && scalars[position] == "^" { position += 1 }
                case "]":
                    depth -= 1
                    position += 1
                    if depth == 0 { return position }
                default: position += 1
                }
            }
            return nil
        }

        /// `(` and what follows it: `?:`, `?=`, `?!`, `?<=`, `?<!`, `?>`, `?<name>`, `?#…)`, inline flags.
        private mutating func openGroup(into stack: inout [Frame]) -> String? {
            let start = index
            index += 1
            var frame = Frame(start: start)
            guard index < scalars.count, scalars[index] == "?" else {
                groupCount += 1
                stack.append(frame)
                return nil
            }
            index += 1
            guard index < scalars.count else { return "'(?' at offset \(start) is never completed" }
            switch scalars[index] {
            case ":": index += 1
            case "=", "!":
                frame.lookaround = true
                index += 1
            case ">":
                frame.atomic = true
                index += 1
            case "#":
                guard let close = firstIndex(of: ")", from: index) else {
                    return "unbalanced parenthesis: the comment '(?#' at offset \(start) is never closed"
                }
                index = close + 1
                return nil
            case "<":
                index += 1
                if index < scalars.count, scalars[index] == "=" || scalars[index] == "!" {
                    frame.lookaround = true
                    index += 1
                } else {
                    guard let close = firstIndex(of: ">", from: index), close > index else {
                        return "the group name at offset \(start) is never closed with '>'"
                    }
                    let name = text(index, close)
                    guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                        let first = name.unicodeScalars.first, first.properties.isAlphabetic
                    else {
                        return "the group name '\(name)' at offset \(start) must be letters and digits"
                    }
                    groupCount += 1
                    groupNames.insert(name)
                    index = close + 1
                }
            default:
                // inline flags: (?i) or (?i-m:…)
                while index < scalars.count, "imsxwu-".unicodeScalars.contains(scalars[index]) { index += 1 }
                guard index < scalars.count, scalars[index] == ")" || scalars[index] == ":" else {
                    return "unknown group syntax '(?' at offset \(start)"
                }
                if scalars[index] == ")" {
                    index += 1
                    return nil
                }
                index += 1
            }
            stack.append(frame)
            return nil
        }

        private func startsInterval(at position: Int) -> Bool {
            var cursor = position + 1
            var digits = 0
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == "," {
                if scalars[cursor] != "," { digits += 1 }
                cursor += 1
            }
            return digits > 0 && cursor < scalars.count && scalars[cursor] == "}"
        }

        /// `*`, `+`, `?` or `{n,m}` after an atom, with an optional lazy `?` or possessive `+`.
        private mutating func quantifier(into stack: inout [Frame]) -> String? {
            let start = index
            var unbounded = false
            var manyTimes = false
            switch scalars[index] {
            case "*", "+":
                unbounded = true
                index += 1
            case "?": index += 1
            default:
                guard let close = firstIndex(of: "}", from: index) else { return nil }
                let parts = text(index + 1, close).split(separator: ",", omittingEmptySubsequences: false)
                let low = Int(parts.first ?? "") ?? 0
                let high = parts.count > 1 ? Int(parts[1]) : low
                if parts.count > 1 && parts[1].isEmpty {
                    unbounded = true
                } else if let high {
                    guard high >= low else {
                        return
                            "the count {\(text(index + 1, close))} at offset \(start) has its maximum below its minimum"
                    }
                    manyTimes = high > 10
                }
                index = close + 1
            }
            var possessive = false
            if index < scalars.count && (scalars[index] == "?" || scalars[index] == "+") {
                possessive = scalars[index] == "+"
                index += 1
            }
            let frame = stack.count - 1
            let alternative = stack[frame].alternatives.count - 1
            guard var atom = stack[frame].alternatives[alternative].last, !atom.quantified || atom.isGroup else {
                return "the quantifier '\(scalars[start])' at offset \(start) has nothing to repeat"
            }
            if atom.quantified && !atom.isGroup {
                return "the quantifier '\(scalars[start])' at offset \(start) has nothing to repeat"
            }
            if (unbounded || manyTimes) && !possessive && atom.isGroup && !atom.atomic && atom.loose && hazard == nil {
                let shown = atom.text.split(separator: "\u{0}").first.map(String.init) ?? atom.text
                hazard =
                    "it may backtrack catastrophically: the group \(shown) at offset \(atom.start) repeats what is already repeated inside it, so a failing search tries exponentially many ways (make the repetition possessive, e.g. a++, use an atomic group (?>…), or rewrite it)"
            }
            atom.quantified = true
            if (unbounded || manyTimes) && !possessive { atom.repeats = true }
            if possessive { atom.repeats = false }
            atom.text += text(start, index)
            stack[frame].alternatives[alternative][stack[frame].alternatives[alternative].count - 1] = atom
            return nil
        }

        /// Two alternatives of a group where one is the other repeated (`a|a`, `a|aa`): a repeated group of them
        /// splits a run of text in exponentially many ways. Returns a description of the pair.
        static func repeatingAlternatives(_ alternatives: [[Atom]]) -> String? {
            guard alternatives.count > 1 else { return nil }
            let texts = alternatives.map { $0.map(\.text).joined() }
            for (first, a) in texts.enumerated() where !a.isEmpty {
                for (second, b) in texts.enumerated() where second != first && b.count >= a.count {
                    if b.count % a.count == 0 && String(repeating: a, count: b.count / a.count) == b {
                        return "\(a)|\(b)"
                    }
                }
            }
            return nil
        }
    }
}
