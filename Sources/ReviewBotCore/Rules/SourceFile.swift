/// One reviewed file, read once and shared by every agent: its text in three views and its structure.
///
/// All views have the same bytes at the same offsets, so a column found in one is valid in the others:
/// - `raw`: the file as it is;
/// - `text`: comments blanked (string contents kept, for rules that read literals or markup);
/// - `code`: comments and string contents blanked (quotes and interpolated expressions kept).
public struct SourceFile: Sendable {
    public let path: String
    public let language: Language
    public let raw: [UInt8]
    public let text: [UInt8]
    public let code: [UInt8]
    /// Byte offset where each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]
    /// Lines (1-based, index `n - 1`) whose code runs inside a loop body.
    public let inLoop: [Bool]
    /// Lines (1-based, index `n - 1`) where a string literal interpolates a value (`${x}`, `\\(x)`, f-strings, `$x`).
    public let interpolates: [Bool]
    /// Sorted lines that the change adds or modifies.
    public let addedLines: [Int]

    public init(path: String, language: Language? = nil, text source: String, addedLines: [Int]) {
        self.path = path
        let language = language ?? Language.detect(path: path)
        self.language = language
        let raw = Array(source.utf8)
        self.raw = raw
        var starts = [0]
        for (offset, byte) in raw.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        if starts.count > 1, starts.last == raw.count { starts.removeLast() }
        lineStarts = starts
        let syntax = LexicalSyntax.of(language)
        let views = Lexer(syntax: syntax).mask(raw)
        text = views.text
        code = views.code
        var interpolates = [Bool](repeating: false, count: starts.count)
        var line = 0
        for offset in views.interpolations {
            while line + 1 < starts.count && starts[line + 1] <= offset { line += 1 }
            interpolates[line] = true
        }
        self.interpolates = interpolates
        inLoop = StructureScanner(syntax: syntax, language: language).loopLines(code: views.code, lineStarts: starts)
        self.addedLines = addedLines
    }

    public var lineCount: Int { lineStarts.count }

    /// The byte range of line `n` (1-based), without its line ending.
    public func lineRange(_ line: Int) -> Range<Int> {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : raw.count
        if end > start, raw[end - 1] == 0x0A { end -= 1 }
        if end > start, raw[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The line (1-based) that contains a byte offset.
    public func line(atOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    public func rawLine(_ line: Int) -> String { String(decoding: raw[lineRange(line)], as: UTF8.self) }

    public func codeLine(_ line: Int) -> String { String(decoding: code[lineRange(line)], as: UTF8.self) }

    public func textLine(_ line: Int) -> String { String(decoding: text[lineRange(line)], as: UTF8.self) }

    public func isInLoop(_ line: Int) -> Bool { line >= 1 && line <= inLoop.count && inLoop[line - 1] }

    public func hasInterpolation(_ line: Int) -> Bool {
        line >= 1 && line <= interpolates.count && interpolates[line - 1]
    }
}

/// Blanks comments and string contents, keeping byte offsets.
struct Lexer {
    let syntax: LexicalSyntax

    private enum Mode {
        /// Code; inside an interpolation, `close` ends it and returns to the string below.
        case code(close: UInt8?, depth: Int)
        case string(form: Int, escapes: Bool, interpolation: [UInt8]?, variables: Bool)
        case block(close: [UInt8])
    }

    private static let space: UInt8 = 0x20
    private static let newline: UInt8 = 0x0A

    func mask(_ raw: [UInt8]) -> (text: [UInt8], code: [UInt8], interpolations: [Int]) {
        var text = raw
        var code = raw
        let count = raw.count
        var stack: [Mode] = [.code(close: nil, depth: 0)]
        var interpolations: [Int] = []
        var index = 0
        var opens = [Bool](repeating: false, count: 256)
        for comment in syntax.blockComments { opens[Int(comment.open[0])] = true }
        for marker in syntax.lineComments { opens[Int(marker[0])] = true }
        for form in syntax.strings { opens[Int(form.open[0])] = true }

        @inline(__always) func blank(_ range: Range<Int>, inText: Bool) {
            for offset in range where raw[offset] != Self.newline {
                code[offset] = Self.space
                if inText { text[offset] = Self.space }
            }
        }

        @inline(__always) func matches(_ sequence: [UInt8], at offset: Int) -> Bool {
            guard offset + sequence.count <= count else { return false }
            for (step, byte) in sequence.enumerated() where raw[offset + step] != byte { return false }
            return true
        }

        @inline(__always) func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte >= 0x80
        }

        while index < count {
            let byte = raw[index]
            switch stack[stack.count - 1] {
            case .code(let close, let depth):
                if let close, byte == close, depth == 0 {
                    stack.removeLast()
                    index += 1
                    continue
                }
                if close != nil {
                    if byte == 0x28 || byte == 0x7B { stack[stack.count - 1] = .code(close: close, depth: depth + 1) }
                    if (byte == 0x29 || byte == 0x7D) && depth > 0 {
                        stack[stack.count - 1] = .code(close: close, depth: depth - 1)
                    }
                }
                if !opens[Int(byte)] {
                    index += 1
                    continue
                }
                if let comment = syntax.blockComments.first(where: { matches($0.open, at: index) }) {
                    stack.append(.block(close: comment.close))
                    blank(index..<(index + comment.open.count), inText: true)
                    index += comment.open.count
                    continue
                }
                if let marker = syntax.lineComments.first(where: { matches($0, at: index) }),
                    !(syntax.hashNeedsSpace && marker == [0x23] && index > 0
                        && !(raw[index - 1] == Self.space || raw[index - 1] == 0x09 || raw[index - 1] == Self.newline))
                {
                    var end = index
                    while end < count && raw[end] != Self.newline { end += 1 }
                    blank(index..<end, inText: true)
                    index = end
                    continue
                }
                if let formIndex = syntax.strings.firstIndex(where: { matches($0.open, at: index) }) {
                    let form = syntax.strings[formIndex]
                    var escapes = form.escapes
                    var interpolation = form.interpolation
                    if syntax.pythonPrefixes {
                        var start = index
                        while start > 0 && isIdentifier(raw[start - 1]) && index - start < 3 { start -= 1 }
                        let prefix = raw[start..<index].map { $0 | 0x20 }
                        if start == 0 || !isIdentifier(raw[start - 1]), prefix.allSatisfy({ "frbu".utf8.contains($0) })
                        {
                            if prefix.contains(0x66) { interpolation = [0x7B] }
                            if prefix.contains(0x72) { escapes = false }
                        }
                    }
                    if syntax.csharpPrefixes && index > 0 {
                        if raw[index - 1] == 0x24 { interpolation = [0x7B] }
                        if raw[index - 1] == 0x40 { escapes = false }
                    }
                    stack.append(
                        .string(form: formIndex, escapes: escapes, interpolation: interpolation, variables: form.variables))
                    index += form.open.count
                    continue
                }
                index += 1
            case .block(let close):
                if matches(close, at: index) {
                    blank(index..<(index + close.count), inText: true)
                    stack.removeLast()
                    index += close.count
                } else {
                    blank(index..<(index + 1), inText: true)
                    index += 1
                }
            case .string(let formIndex, let escapes, let interpolation, let variables):
                let form = syntax.strings[formIndex]
                if matches(form.close, at: index) {
                    stack.removeLast()
                    index += form.close.count
                    continue
                }
                if byte == Self.newline && !form.multiline {
                    stack.removeLast()
                    index += 1
                    continue
                }
                if escapes && byte == 0x5C && index + 1 < count {
                    if let interpolation, interpolation.first == 0x5C, matches(interpolation, at: index) {
                        stack.append(.code(close: 0x29, depth: 0))
                        interpolations.append(index)
                        index += interpolation.count
                        continue
                    }
                    if raw[index + 1] != Self.newline {
                        if syntax.masksStrings { blank(index..<(index + 2), inText: false) }
                        index += 2
                        continue
                    }
                }
                if let interpolation, matches(interpolation, at: index) {
                    if interpolation == [0x7B], index + 1 < count, raw[index + 1] == 0x7B {
                        if syntax.masksStrings { blank(index..<(index + 2), inText: false) }
                        index += 2
                        continue
                    }
                    let closer: UInt8 = interpolation.last == 0x28 ? 0x29 : 0x7D
                    stack.append(.code(close: closer, depth: 0))
                    interpolations.append(index)
                    index += interpolation.count
                    continue
                }
                if variables && byte == 0x24 && index + 1 < count && isIdentifier(raw[index + 1]) {
                    var end = index + 1
                    while end < count && isIdentifier(raw[end]) { end += 1 }
                    interpolations.append(index)
                    index = end
                    continue
                }
                if syntax.masksStrings { blank(index..<(index + 1), inText: false) }
                index += 1
            }
        }
        return (text, code, interpolations)
    }
}
