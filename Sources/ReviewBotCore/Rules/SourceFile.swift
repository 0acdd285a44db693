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

    func mask(_ raw: [UInt8]) -> (text: [UInt8], code: [UInt8], interpolations: [Int]) {
        var text = raw
        var code = raw
        var interpolations: [Int] = []
        let tables = LexerTables(syntax)
        raw.withUnsafeBufferPointer { raw in
            text.withUnsafeMutableBufferPointer { text in
                code.withUnsafeMutableBufferPointer { code in
                    var scan = LexerScan(tables: tables, raw: raw, text: text, code: code)
                    scan.run()
                    interpolations = scan.interpolations
                }
            }
        }
        return (text, code, interpolations)
    }
}

/// A language's comment and string syntax as flat tables: every byte sequence (comment marker, quote,
/// interpolation opener) is a range of one pool, so the scan compares bytes without copying arrays.
private struct LexerTables {
    struct Sequence {
        var start: Int
        var count: Int
    }

    struct StringForm {
        var open: Sequence
        var close: Sequence
        var multiline: Bool
        var escapes: Bool
        /// Index into `interpolations`, or -1.
        var interpolation: Int
        var variables: Bool
    }

    struct Interpolation {
        var sequence: Sequence
        /// `\(` of Swift: found where an escape would be.
        var startsWithBackslash: Bool
        /// `{` of f-strings and C#: `{{` is an escaped brace.
        var isSingleBrace: Bool
        /// The byte that ends the interpolated expression.
        var closer: UInt8
    }

    private(set) var pool: [UInt8] = []
    /// Bytes that may open a comment or a string.
    private(set) var opens = [Bool](repeating: false, count: 256)
    private(set) var blockOpens: [Sequence] = []
    private(set) var blockCloses: [Sequence] = []
    private(set) var lineMarkers: [Sequence] = []
    private(set) var lineMarkerIsHash: [Bool] = []
    private(set) var interpolations: [Interpolation] = []
    private(set) var forms: [StringForm] = []
    /// The `{` opener that f-string and `$"…"` prefixes switch on.
    private(set) var braceInterpolation = -1
    let hashNeedsSpace: Bool
    let pythonPrefixes: Bool
    let csharpPrefixes: Bool
    let masksStrings: Bool

    init(_ syntax: LexicalSyntax) {
        hashNeedsSpace = syntax.hashNeedsSpace
        pythonPrefixes = syntax.pythonPrefixes
        csharpPrefixes = syntax.csharpPrefixes
        masksStrings = syntax.masksStrings
        blockOpens = syntax.blockComments.map { intern($0.open) }
        blockCloses = syntax.blockComments.map { intern($0.close) }
        lineMarkers = syntax.lineComments.map { intern($0) }
        lineMarkerIsHash = syntax.lineComments.map { $0 == [0x23] }
        braceInterpolation = addInterpolation([0x7B])
        for form in syntax.strings {
            let interpolation = form.interpolation.map { addInterpolation($0) } ?? -1
            forms.append(
                StringForm(
                    open: intern(form.open), close: intern(form.close), multiline: form.multiline,
                    escapes: form.escapes, interpolation: interpolation, variables: form.variables))
        }
        for comment in syntax.blockComments { opens[Int(comment.open[0])] = true }
        for marker in syntax.lineComments { opens[Int(marker[0])] = true }
        for form in syntax.strings { opens[Int(form.open[0])] = true }
    }

    private mutating func intern(_ bytes: [UInt8]) -> Sequence {
        let sequence = Sequence(start: pool.count, count: bytes.count)
        pool += bytes
        return sequence
    }

    private mutating func addInterpolation(_ bytes: [UInt8]) -> Int {
        interpolations.append(
            Interpolation(
                sequence: intern(bytes), startsWithBackslash: bytes.first == 0x5C, isSingleBrace: bytes == [0x7B],
                closer: bytes.last == 0x28 ? 0x29 : 0x7D))
        return interpolations.count - 1
    }
}

/// One pass of the lexer over a file: blanks the `text` and `code` views in place.
private struct LexerScan {
    /// What the scan is inside of. A plain value, so pushing and popping copies no storage.
    struct Mode {
        enum Kind { case code, string, block }
        var kind: Kind
        /// Code inside an interpolation: the byte that ends it (at depth 0), and the bracket depth.
        var close: UInt8 = 0
        var hasClose = false
        var depth = 0
        /// A string: its form, whether escapes apply, its interpolation opener (-1: none), `$name` variables.
        var form = 0
        var escapes = false
        var interpolation = -1
        var variables = false
        /// A block comment: which one.
        var block = 0
    }

    static let space: UInt8 = 0x20
    static let newline: UInt8 = 0x0A

    let tables: LexerTables
    let raw: UnsafeBufferPointer<UInt8>
    let text: UnsafeMutableBufferPointer<UInt8>
    let code: UnsafeMutableBufferPointer<UInt8>
    /// Offsets where a string interpolates a value.
    var interpolations: [Int] = []
    private var stack: [Mode] = []
    private var mode = Mode(kind: .code)

    init(
        tables: LexerTables, raw: UnsafeBufferPointer<UInt8>, text: UnsafeMutableBufferPointer<UInt8>,
        code: UnsafeMutableBufferPointer<UInt8>
    ) {
        self.tables = tables
        self.raw = raw
        self.text = text
        self.code = code
    }

    @inline(__always) static func isIdentifier(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F || byte >= 0x80
    }

    @inline(__always) private func blank(_ offset: Int, inText: Bool) {
        if raw[offset] != Self.newline {
            code[offset] = Self.space
            if inText { text[offset] = Self.space }
        }
    }

    @inline(__always) private func matches(_ sequence: LexerTables.Sequence, at offset: Int) -> Bool {
        guard offset + sequence.count <= raw.count else { return false }
        var step = 0
        while step < sequence.count {
            if raw[offset + step] != tables.pool[sequence.start + step] { return false }
            step += 1
        }
        return true
    }

    private mutating func push(_ next: Mode) {
        stack.append(mode)
        mode = next
    }

    private mutating func pop() {
        mode = stack.removeLast()
    }

    mutating func run() {
        let count = raw.count
        var index = 0
        while index < count {
            switch mode.kind {
            case .code: index = code(at: index)
            case .block: index = block(at: index)
            case .string: index = string(at: index)
            }
        }
    }

    /// Code: finds where a comment or a string starts (and, inside an interpolation, where it ends).
    private mutating func code(at start: Int) -> Int {
        let count = raw.count
        var index = start
        let byte = raw[index]
        if mode.hasClose {
            if byte == mode.close && mode.depth == 0 {
                pop()
                return index + 1
            }
            if byte == 0x28 || byte == 0x7B {
                mode.depth += 1
            } else if (byte == 0x29 || byte == 0x7D) && mode.depth > 0 {
                mode.depth -= 1
            }
            if !tables.opens[Int(byte)] { return index + 1 }
        } else if !tables.opens[Int(byte)] {
            // Plain code: skip ahead to the next byte that may open a comment or a string.
            index += 1
            while index < count && !tables.opens[Int(raw[index])] { index += 1 }
            return index
        }
        if let comment = tables.blockOpens.firstIndex(where: { matches($0, at: index) }) {
            push(Mode(kind: .block, block: comment))
            let length = tables.blockOpens[comment].count
            for offset in index..<(index + length) { blank(offset, inText: true) }
            return index + length
        }
        if let marker = tables.lineMarkers.firstIndex(where: { matches($0, at: index) }),
            !(tables.hashNeedsSpace && tables.lineMarkerIsHash[marker] && index > 0
                && !(raw[index - 1] == Self.space || raw[index - 1] == 0x09 || raw[index - 1] == Self.newline))
        {
            while index < count && raw[index] != Self.newline {
                code[index] = Self.space
                text[index] = Self.space
                index += 1
            }
            return index
        }
        if let formIndex = tables.forms.firstIndex(where: { matches($0.open, at: index) }) {
            return openString(formIndex, at: index)
        }
        return index + 1
    }

    /// A string of form `formIndex` that opens at `index`, with what a prefix before it changes (Python's
    /// `f` and `r`, C#'s `$` and `@`): enters it and returns where its contents start.
    private mutating func openString(_ formIndex: Int, at index: Int) -> Int {
        let form = tables.forms[formIndex]
        var escapes = form.escapes
        var interpolation = form.interpolation
        if tables.pythonPrefixes, let prefix = pythonPrefix(before: index) {
            if prefix.formatted { interpolation = tables.braceInterpolation }
            if prefix.raw { escapes = false }
        }
        if tables.csharpPrefixes && index > 0 {
            if raw[index - 1] == 0x24 { interpolation = tables.braceInterpolation }
            if raw[index - 1] == 0x40 { escapes = false }
        }
        push(
            Mode(
                kind: .string, form: formIndex, escapes: escapes, interpolation: interpolation,
                variables: form.variables))
        return index + form.open.count
    }

    /// The Python string prefix right before a quote at `index` (at most three letters): whether it makes an
    /// f-string and a raw string; nil when the word before the quote is not a prefix.
    private func pythonPrefix(before index: Int) -> (formatted: Bool, raw: Bool)? {
        var first = index
        while first > 0 && Self.isIdentifier(raw[first - 1]) && index - first < 3 { first -= 1 }
        guard first == 0 || !Self.isIdentifier(raw[first - 1]) else { return nil }
        // Only the letters f, r, b and u (either case) make a prefix.
        var formatted = false
        var rawString = false
        for offset in first..<index {
            switch raw[offset] | 0x20 {
            case 0x66: formatted = true
            case 0x72: rawString = true
            case 0x62, 0x75: break
            default: return nil
            }
        }
        return (formatted, rawString)
    }

    /// A block comment: blanked up to and including its end.
    private mutating func block(at start: Int) -> Int {
        let count = raw.count
        let close = tables.blockCloses[mode.block]
        let first = tables.pool[close.start]
        var index = start
        while index < count && raw[index] != first {
            blank(index, inText: true)
            index += 1
        }
        guard index < count else { return index }
        if matches(close, at: index) {
            for offset in index..<(index + close.count) { blank(offset, inText: true) }
            pop()
            return index + close.count
        }
        blank(index, inText: true)
        return index + 1
    }

    /// A string: its contents blanked in the code view, until it ends or an interpolation starts.
    private mutating func string(at index: Int) -> Int {
        let count = raw.count
        let byte = raw[index]
        let form = tables.forms[mode.form]
        if byte == tables.pool[form.close.start] && matches(form.close, at: index) {
            pop()
            return index + form.close.count
        }
        if byte == Self.newline && !form.multiline {
            pop()
            return index + 1
        }
        let interpolation = mode.interpolation >= 0 ? tables.interpolations[mode.interpolation] : nil
        if mode.escapes && byte == 0x5C && index + 1 < count {
            if let interpolation, interpolation.startsWithBackslash, matches(interpolation.sequence, at: index) {
                push(Mode(kind: .code, close: 0x29, hasClose: true))
                interpolations.append(index)
                return index + interpolation.sequence.count
            }
            if raw[index + 1] != Self.newline {
                if tables.masksStrings {
                    blank(index, inText: false)
                    blank(index + 1, inText: false)
                }
                return index + 2
            }
        }
        if let interpolation, matches(interpolation.sequence, at: index) {
            if interpolation.isSingleBrace, index + 1 < count, raw[index + 1] == 0x7B {
                if tables.masksStrings {
                    blank(index, inText: false)
                    blank(index + 1, inText: false)
                }
                return index + 2
            }
            push(Mode(kind: .code, close: interpolation.closer, hasClose: true))
            interpolations.append(index)
            return index + interpolation.sequence.count
        }
        if mode.variables && byte == 0x24 && index + 1 < count && Self.isIdentifier(raw[index + 1]) {
            var end = index + 1
            while end < count && Self.isIdentifier(raw[end]) { end += 1 }
            interpolations.append(index)
            return end
        }
        if tables.masksStrings { blank(index, inText: false) }
        return index + 1
    }
}
