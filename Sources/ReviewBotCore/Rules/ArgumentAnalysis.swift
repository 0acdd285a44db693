import Foundation

/// A light, intra-function data flow for sinks: is the argument of a call a constant, or built from
/// something that is not (a parameter, a request value, string building, another such variable)?
///
/// Works on the code view (comments and string contents blanked), so a constant string reads as
/// quotes around spaces, and an interpolated one keeps its expressions.
struct ArgumentAnalysis {
    let file: SourceFile

    /// Calls that make a value safe for the sinks reviewbot knows (quoting, numeric conversion, escaping).
    private static let sanitizer = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(shlex\.quote|pipes\.quote|escapeshellarg|escapeshellcmd|int|float|bool|parseInt|parseFloat|Number|Boolean|html\.escape|escape|encodeURIComponent|quote_plus|urllib\.parse\.quote|bleach\.clean|filepath\.Clean|filepath\.Base|path\.basename|os\.path\.basename|secure_filename|strconv\.Atoi|Integer\.parseInt|Long\.parseLong|ESAPI\.encoder\(\)\.\w+|StringEscapeUtils\.\w+|htmlspecialchars|intval|mysqli_real_escape_string|sanitize\w*)\s*\("#
    )
    /// A constant: a string literal without interpolation (any prefix), a number, a boolean or null.
    private static let constant = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(?:[rRbBuUfF]{0,2}(?:"""\s*"""|'''\s*'''|"\s*"|'\s*'|`\s*`)(?:\s*\+\s*[rRbBuU]{0,2}(?:"\s*"|'\s*'))*|-?\d[\w.]*|true|false|True|False|None|null|nil|undefined)\s*$"#
    )
    private static let identifier = try! SharedRegex(#"^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$"#)  // reviewbot:ignore quality.force-try
    private static let functionHeader = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*((async\s+)?def\s|func\s|function\b|fn\s|(public|private|protected|internal|static|override|final|async|export)\s[^=]*\(|[\w<>\[\], ]+\s+\w+\s*\([^)]*\)\s*(throws\s+[\w., ]+)?\s*\{\s*$)"#
    )

    /// Whether the first argument after `offset` (a byte offset on `line`, just after the opening
    /// parenthesis or the sink name) may carry a non-constant value.
    func firstArgumentIsDynamic(line: Int, afterByte offset: Int) -> Bool {
        let range = file.lineRange(line)
        let start = min(range.lowerBound + offset, range.upperBound)
        // A call may continue on the next lines; read a few.
        let last = min(file.lineCount, line + 5)
        let end = file.lineRange(last).upperBound
        let text = String(decoding: file.code[start..<end], as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        var argument = Self.firstArgument(text)
        if argument.isEmpty { return true }
        if argument.hasPrefix("(") && argument.hasSuffix(")") { argument = String(argument.dropFirst().dropLast()) }
        return isDynamic(argument, line: line, depth: 0)
    }

    /// The text of the first argument: up to a comma or a closing bracket at depth zero.
    static func firstArgument(_ text: String) -> String {
        var depth = 0
        var result = ""
        var skippedOpen = false
        for character in text {
            if !skippedOpen {
                skippedOpen = true
                if character == "(" { continue }
            }
            switch character {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                if depth == 0 { return result.trimmingCharacters(in: .whitespaces) }
                depth -= 1
            case ",":
                if depth == 0 { return result.trimmingCharacters(in: .whitespaces) }
            default: break
            }
            result.append(character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    private func isDynamic(_ expression: String, line: Int, depth: Int) -> Bool {
        if Self.constant.matches(expression) { return false }
        let parts = Self.concatenationParts(expression)
        if parts.count > 1 { return parts.contains { isDynamic($0, line: line, depth: depth) } }
        if Self.sanitizer.matches(expression) { return false }
        guard depth < 4, let match = Self.identifier.firstMatch(in: expression),
            let nameRange = Range(match.range(at: 1), in: expression)
        else { return true }
        let name = String(expression[nameRange])
        if name.uppercased() == name && name.contains(where: \.isLetter) && !name.contains(".") {
            // SCREAMING_CASE names are constants by convention; follow them only when assigned nearby.
            guard let value = assignment(of: name, before: line) else { return false }
            return isDynamic(value.expression, line: value.line, depth: depth + 1)
        }
        guard let value = assignment(of: name, before: line) else { return true }
        return isDynamic(value.expression, line: value.line, depth: depth + 1)
    }

    /// The operands of a top-level `+` (or PHP `.`) concatenation; one element when there is none.
    static func concatenationParts(_ expression: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for character in expression {
            if let open = quote {
                if character == open { quote = nil }
            } else {
                switch character {
                case "\"", "'", "`": quote = character
                case "(", "[", "{": depth += 1
                case ")", "]", "}": depth = max(0, depth - 1)
                case "+" where depth == 0, "." where depth == 0 && previous == " ":
                    parts.append(current)
                    current = ""
                    previous = character
                    continue
                default: break
                }
            }
            current.append(character)
            previous = character
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The latest assignment of `name` above `line`, within the enclosing function.
    private func assignment(of name: String, before line: Int) -> (expression: String, line: Int)? {
        let escaped = NSRegularExpression.escapedPattern(for: name)
        guard
            let pattern = try? NSRegularExpression(
                pattern:
                    #"^\s*(?:(?:let|var|const|final|val|auto|my|String|string|int|Integer|Object|def)\s+)?(?:[\w<>\[\]]+\s+)?"#
                    + escaped + #"\s*(?::\s*[\w.<>\[\]?]+\s*)?(?::=|=)(?!=)\s*(.+?)\s*;?\s*$"#)
        else { return nil }
        var current = line - 1
        let lowest = max(1, line - 150)
        while current >= lowest {
            let text = file.codeLine(current)
            if let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range(at: 1), in: text)
            {
                return (String(text[range]), current)
            }
            if Self.functionHeader.matches(text) { return nil }
            current -= 1
        }
        return nil
    }
}
