import Foundation

/// A light, intra-function data flow for sinks: is the argument of a call a constant, or built from
/// something that is not (a parameter, a request value, string building, another such variable)?
///
/// Works on the code view (comments and string contents blanked), so a constant string reads as
/// quotes around spaces, and an interpolated one keeps its expressions. One analysis serves every rule on a
/// file: what each line assigns is read once, however many sinks look back over it.
final class ArgumentAnalysis {
    let file: SourceFile
    /// What each line is, read when a search first passes it (index: line − 1).
    private var lines: [LineKind?]

    private enum LineKind {
        /// An assignment of `name`, which may also be a function's first line.
        case assignment(name: String, value: String, functionHeader: Bool)
        case functionHeader
        case other
    }

    init(file: SourceFile) {
        self.file = file
        lines = Array(repeating: nil, count: file.lineCount)
    }

    /// Calls that make a value safe for the sinks reviewbot knows (quoting, numeric conversion, escaping).
    private static let sanitizer = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(shlex\.quote|pipes\.quote|escapeshellarg|escapeshellcmd|int|float|bool|parseInt|parseFloat|Number|Boolean|html\.escape|escape|encodeURIComponent|quote_plus|urllib\.parse\.quote|bleach\.clean|filepath\.Clean|filepath\.Base|path\.basename|os\.path\.basename|secure_filename|strconv\.Atoi|strconv\.Itoa|strconv\.Quote|strconv\.FormatInt|url\.QueryEscape|url\.PathEscape|html\.EscapeString|Integer\.parseInt|Integer\.valueOf|Long\.parseLong|Long\.valueOf|int\.Parse|long\.Parse|Convert\.ToInt32|Convert\.ToInt64|HttpUtility\.\w+Encode|WebUtility\.\w+Encode|ESAPI\.encoder\(\)\.\w+|StringEscapeUtils\.\w+|htmlspecialchars|htmlentities|intval|floatval|mysqli_real_escape_string|Shellwords\.(?:escape|shellescape)|ERB::Util\.(?:html_escape|url_encode)|CGI\.escape\w*|Rack::Utils\.escape\w*|Integer|Float|sanitize\w*)\s*\("#
    )
    /// Numeric conversions written as casts or methods: `(int) $id`, `id.to_i`, `Int(id)`.
    private static let conversion = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(?:\(\s*(?:int|integer|float|double|bool|boolean|long)\s*\)\s*\S.*|.*\S\.(?:to_i|to_f|to_r|shellescape)\b(?:\s*\(\s*\))?|(?:Int|Int64|Double)\s*\(.*\)!?)\s*$"#
    )
    /// Calls that turn a value into text without changing what it can hold: the value inside decides.
    private static let textConversion = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(?:str|String|strval|String\.valueOf|fmt\.Sprint)\s*\((.*)\)\s*$"#
    )
    /// A constant: a string literal without interpolation (any prefix), a number, a boolean or null.
    private static let constant = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(?:[rRbBuUfF]{0,2}(?:"""\s*"""|'''\s*'''|"\s*"|'\s*'|`\s*`)(?:\s*\+\s*[rRbBuU]{0,2}(?:"\s*"|'\s*'))*|-?\d[\w.]*|true|false|True|False|None|null|nil|undefined)\s*$"#
    )
    private static let identifier = try! SharedRegex(#"^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*$"#)  // reviewbot:ignore quality.force-try
    /// A function's first line. The words before a C-style name (`static Map<K, V> name(`) are read one at a time
    /// after the indentation (`[\w<>\[\], ]+\s+\w+` after `^\s*` tried every way of sharing a run of spaces
    /// between the three: cubic, seconds on a blank line of 300 spaces); indentation with a space before its last
    /// character stands for words too, as the space in that class let it (`    name(x) {`).
    private static let functionHeader = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*+(?:(?:async\s+)?def\s|func\s|function\b|fn\s|(?:public|private|protected|internal|static|override|final|async|export)\s[^=]*\(|[\w<>\[\],]++(?:[ ]++[\w<>\[\],]++)*?\s+"#
            + headerEnd + #")|^(?=\s*[ ]\s)\s*+"# + headerEnd
    )
    /// The name, parameters and brace of a C-style function header.
    private static let headerEnd = #"\w+\s*\([^)]*\)\s*+(?:throws\s+[\w., ]+)?\s*\{\s*$"#

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
        if Self.sanitizer.matches(expression) || Self.conversion.matches(expression) { return false }
        if let match = Self.textConversion.firstMatch(in: expression),
            let inner = Range(match.range(at: 1), in: expression)
        {
            return isDynamic(String(expression[inner]), line: line, depth: depth)
        }
        if let spliced = Self.interpolations(inLiteral: expression) {
            return spliced.contains { isDynamic($0, line: line, depth: depth) }
        }
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

    /// Whether every value the line splices into a string (see ``splicedValues(inCode:)``) is safe: a constant,
    /// a numeric conversion, an escaping call, or a variable assigned from one of those in the function. False
    /// when the line builds a string in a way this does not follow.
    func splicesOnlySafeValues(line: Int) -> Bool {
        guard let values = Self.splicedValues(inCode: file.codeLine(line)), !values.isEmpty else { return false }
        return !values.contains { isDynamic($0, line: line, depth: 0) }
    }

    /// The expressions interpolated into a string literal that is the whole of `expression` (code view:
    /// `"   #{name}"`, `f"  {n}"`, `` `  ${id}` ``, `"  \(id)"`, PHP `"  $id"`); nil when it is not one literal.
    static func interpolations(inLiteral expression: String) -> [String]? {
        let characters = Array(expression.trimmingCharacters(in: .whitespaces))
        var start = 0
        while start < characters.count, "rRbBuUfF$@".contains(characters[start]) { start += 1 }
        guard start < characters.count, let quote = characters.last, "\"'`".contains(quote),
            characters[start] == quote, characters.count - start >= 2
        else { return nil }
        let body = Array(characters[(start + 1)..<(characters.count - 1)])
        guard !body.contains(quote) || body.contains("{") || body.contains("(") else { return nil }
        return literalInterpolations(body)
    }

    /// The interpolated expressions in the blanked body of a string literal.
    private static func literalInterpolations(_ body: [Character]) -> [String] {
        var values: [String] = []
        var index = 0
        while index < body.count {
            let character = body[index]
            var open = -1
            if character == "{" {
                open = index
            } else if (character == "#" || character == "$") && index + 1 < body.count && body[index + 1] == "{" {
                open = index + 1
            } else if character == "\\" && index + 1 < body.count && body[index + 1] == "(" {
                open = index + 1
            } else if character == "$", index + 1 < body.count, body[index + 1].isLetter || body[index + 1] == "_" {
                var end = index + 1
                while end < body.count, body[end].isLetter || body[end].isNumber || body[end] == "_" { end += 1 }
                values.append(String(body[index..<end]))
                index = end
                continue
            }
            guard open >= 0 else {
                index += 1
                continue
            }
            let close = body[open] == "{" ? Character("}") : Character(")")
            var depth = 0
            var end = open
            while end < body.count {
                if body[end] == body[open] { depth += 1 }
                if body[end] == close {
                    depth -= 1
                    if depth == 0 { break }
                }
                end += 1
            }
            let inner = String(body[(open + 1)..<min(end, body.count)]).trimmingCharacters(in: .whitespaces)
            // a format specifier after `:` in a Python or C# field (`{n:>4}`) is not part of the value
            let plainField = open == index && character == "{"
            let value = plainField ? (inner.split(separator: ":", maxSplits: 1).first.map(String.init) ?? inner) : inner
            if !value.isEmpty { values.append(value) }
            index = end + 1
        }
        return values
    }

    /// The longest line whose spliced values are followed; a longer one counts as not followed.
    static let maxLineBytes = 2_000

    /// The values a line of code (comments and string contents blanked) splices into strings: expressions
    /// interpolated into literals, operands of `+` or `.` chains with a literal, the right side of `%` after a
    /// literal, and the arguments of `.format(…)` or of a `sprintf`-style call after its format string. Nil when
    /// the line builds strings another way (`+=`, `<<`, `concat`, `join`), which this does not follow.
    static func splicedValues(inCode line: String) -> [String]? {
        // Each literal's expression is found by scanning around it, so a minified line is not followed.
        guard line.utf8.count <= maxLineBytes else { return nil }
        if line.contains("+=") || line.contains("<<") || line.contains(".=") || line.contains("concat")
            || line.contains("join")
        {
            return nil
        }
        let characters = Array(line)
        var values: [String] = []
        var index = 0
        while index < characters.count {
            guard "\"'`".contains(characters[index]) else {
                index += 1
                continue
            }
            let quote = characters[index]
            var end = index + 1
            var braces = 0
            while end < characters.count && (characters[end] != quote || braces > 0) {
                if characters[end] == "{" || (characters[end] == "(" && end > 0 && characters[end - 1] == "\\") {
                    braces += 1
                } else if braces > 0 && (characters[end] == "}" || characters[end] == ")") {
                    braces -= 1
                }
                end += 1
            }
            guard end < characters.count else { return nil }
            values += literalInterpolations(Array(characters[(index + 1)..<end]))
            let segment = enclosingSegment(characters, literal: index...end)
            values += operands(of: segment.text, formatCall: segment.formatCall)
            index = end + 1
        }
        return values
    }

    /// The expression around the literal at `literal`, bounded by a top-level `,`, `;`, `=`, `:` or an
    /// unmatched bracket, and whether it is the first argument of a `sprintf`-style call (whose other arguments
    /// are then part of it).
    private static func enclosingSegment(_ characters: [Character], literal: ClosedRange<Int>) -> (
        text: String, formatCall: Bool
    ) {
        var start = literal.lowerBound
        var depth = 0
        while start > 0 {
            let previous = characters[start - 1]
            if ")]}".contains(previous) { depth += 1 }
            if "([{".contains(previous) {
                if depth == 0 { break }
                depth -= 1
            }
            if depth == 0 && ",;=:".contains(previous) { break }
            start -= 1
        }
        let head = String(characters[..<start]).trimmingCharacters(in: .whitespaces)
        let formatCall =
            head.range(
                of: #"(?:\b(?:s|f|S|F)?printf|\bSprintf|\bErrorf|String\.format|\bformat)\s*\($"#,
                options: .regularExpression) != nil
        var end = literal.upperBound
        depth = 0
        while end + 1 < characters.count {
            let next = characters[end + 1]
            if "([{".contains(next) { depth += 1 }
            if ")]}".contains(next) {
                if depth == 0 { break }
                depth -= 1
            }
            if depth == 0 && ";=".contains(next) { break }
            if depth == 0 && next == "," && !formatCall { break }
            end += 1
        }
        return (String(characters[start...end]), formatCall)
    }

    /// The spliced operands of one expression that holds a string literal (see ``splicedValues(inCode:)``).
    private static func operands(of segment: String, formatCall: Bool) -> [String] {
        let isLiteral: (String) -> Bool = { constant.matches($0) || interpolations(inLiteral: $0) != nil }
        if formatCall {
            let arguments = topLevelSplit(segment, separator: ",")
            return Array(arguments.dropFirst())
        }
        if let percent = segment.range(of: #"^\s*[rRbBuU]{0,2}["'][^"']*["']\s*%\s*"#, options: .regularExpression) {
            var rest = String(segment[percent.upperBound...]).trimmingCharacters(in: .whitespaces)
            if rest.hasPrefix("(") && rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()) }
            return topLevelSplit(rest, separator: ",")
        }
        if let format = segment.range(of: #"^\s*["'][^"']*["']\s*\.\s*format\s*\("#, options: .regularExpression) {
            var rest = String(segment[format.upperBound...]).trimmingCharacters(in: .whitespaces)
            if rest.hasSuffix(")") { rest.removeLast() }
            return topLevelSplit(rest, separator: ",").map {
                $0.split(separator: "=", maxSplits: 1).last.map(String.init) ?? $0
            }
        }
        let parts = concatenationParts(segment)
        guard parts.count > 1 else { return [] }
        return parts.filter { !isLiteral($0) }
    }

    /// `text` split at `separator` outside brackets and quotes.
    private static func topLevelSplit(_ text: String, separator: Character) -> [String] {
        topLevelSplit(text) { character, _ in character == separator }
    }

    /// The operands of a top-level `+` (or PHP `.`) concatenation; one element when there is none.
    static func concatenationParts(_ expression: String) -> [String] {
        topLevelSplit(expression) { character, previous in character == "+" || (character == "." && previous == " ") }
    }

    /// `text` split where `isSeparator(character, previous character)` holds outside brackets and quotes; the
    /// parts are trimmed and empty ones dropped.
    private static func topLevelSplit(_ text: String, isSeparator: (Character, Character) -> Bool) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for character in text {
            defer { previous = character }
            if let open = quote {
                if character == open { quote = nil }
            } else if "\"'`".contains(character) {
                quote = character
            } else if "([{".contains(character) {
                depth += 1
            } else if ")]}".contains(character) {
                depth = max(0, depth - 1)
            } else if depth == 0 && isSeparator(character, previous) {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static let headerWords: Set<Substring> = [
        "async", "def", "func", "function", "fn", "public", "private", "protected", "internal", "static", "override",
        "final", "export",
    ]

    /// A cheap test that `functionHeader` may match: the line starts with one of its keywords or ends with `{`.
    private static func mayBeFunctionHeader(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.hasSuffix("{") || headerWords.contains(trimmed.prefix { $0.isLetter })
    }

    /// The left side of an assignment and its `=`: the name is group 1; the value is cut out by `assignedValue(in:)`.
    private static let assignmentStart = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"^\s*(?:(?:let|var|const|final|val|auto|my|String|string|int|Integer|Object|def)\s+)?(?:[\w<>\[\]]+\s+)?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?::\s*[\w.<>\[\]?]+\s*)?(?::=|=)(?!=)"#
    )

    /// The latest assignment of `name` above `line`, within the enclosing function (at most 150 lines up).
    private func assignment(of name: String, before line: Int) -> (expression: String, line: Int)? {
        var current = line - 1
        let lowest = max(1, line - 150)
        while current >= lowest {
            switch kind(of: current) {
            case .assignment(let assigned, let value, _) where assigned == name: return (value, current)
            case .functionHeader, .assignment(_, _, functionHeader: true): return nil
            case .assignment, .other: current -= 1
            }
        }
        return nil
    }

    /// What line `line` is: an assignment (its name and value), a function's first line, or neither.
    private func kind(of line: Int) -> LineKind {
        if let known = lines[line - 1] { return known }
        let text = file.codeLine(line)
        let header = Self.mayBeFunctionHeader(text) && Self.functionHeader.matches(text)
        var found = header ? LineKind.functionHeader : .other
        if text.utf8.contains(UInt8(ascii: "=")), let match = Self.assignmentStart.firstMatch(in: text),
            let name = Range(match.range(at: 1), in: text), let end = Range(match.range, in: text)?.upperBound,
            let value = Self.assignedValue(in: text[end...])
        {
            found = .assignment(name: String(text[name]), value: value, functionHeader: header)
        }
        lines[line - 1] = found
        return found
    }

    /// The value after an assignment's `=`: what `\s*(.+?)\s*;?\s*$` captures in `rest`, found in one pass.
    ///
    /// That pattern backtracks cubically in the length of a run of white space that the end of the line does not
    /// follow (a long blanked string in the code view, white space around lone carriage returns): seconds on a
    /// line of 1,000 bytes. As it did, the value is the text without the white space around it and without one
    /// final `;` (or `;` alone, or one character of a blank right side), and nil when it spans a line break
    /// (`.` does not match one; `\s` matches every line break).
    static func assignedValue(in rest: Substring) -> String? {
        let scalars = Array(rest.unicodeScalars)
        let isSpace: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }
        let isLineBreak: (Unicode.Scalar) -> Bool = {
            switch $0.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
        var start = 0
        while start < scalars.count && isSpace(scalars[start]) { start += 1 }
        var end = scalars.count
        while end > start && isSpace(scalars[end - 1]) { end -= 1 }
        if end > start && scalars[end - 1] == ";" {
            var beforeSemicolon = end - 1
            while beforeSemicolon > start && isSpace(scalars[beforeSemicolon - 1]) { beforeSemicolon -= 1 }
            // the value is at least one character: a lone `;`
            end = beforeSemicolon > start ? beforeSemicolon : end
        }
        if end > start {
            let value = scalars[start..<end]
            guard !value.contains(where: isLineBreak) else { return nil }
            var text = ""
            text.unicodeScalars.append(contentsOf: value)
            return text
        }
        // a blank right side: the last character that is not a line break is the value
        guard let last = scalars[..<start].lastIndex(where: { !isLineBreak($0) }) else { return nil }
        return String(Character(scalars[last]))
    }
}
