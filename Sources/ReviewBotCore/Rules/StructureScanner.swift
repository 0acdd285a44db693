/// Finds which lines of a file run inside a loop body, from the code view (comments and strings blanked).
///
/// Brace languages: a loop keyword (`for`, `while`, `repeat`, `forEach`, …) marks the next `{` as a
/// loop block. Python: a `for`/`while` header holds every following line indented deeper. A loop
/// header line itself is not "inside" the loop, except for code after the opening brace or colon.
struct StructureScanner {
    let syntax: LexicalSyntax
    let language: Language

    private var loopKeywords: Set<String> {
        switch language {
        case .swift: ["for", "while", "repeat", "forEach"]
        case .go: ["for"]
        case .ruby: []
        default: ["for", "while", "do", "foreach", "forEach"]
        }
    }

    func loopLines(code: [UInt8], lineStarts: [Int]) -> [Bool] {
        var result = [Bool](repeating: false, count: lineStarts.count)
        if syntax.indentation { return indentedLoops(code: code, lineStarts: lineStarts, into: &result) }
        guard syntax.braces else { return result }
        // The keywords as bytes, so an identifier becomes a string only when it is one of them.
        let keywords = loopKeywords.map { Array($0.utf8) }
        let longestKeyword = keywords.map(\.count).max() ?? 0
        var keywordStarts = [Bool](repeating: false, count: 256)
        for keyword in keywords { keywordStarts[Int(keyword[0])] = true }
        var stack: [Bool] = []
        var loopDepth = 0
        var pendingLoop = false
        var parenDepth = 0
        var line = 0
        var index = 0
        let count = code.count
        code.withUnsafeBufferPointer { bytes in
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    index += 1
                    continue
                }
                if isIdentifierStart(byte) {
                    var end = index + 1
                    while end < count && isIdentifierByte(bytes[end]) { end += 1 }
                    let length = end - index
                    if (index == 0 || !isIdentifierByte(bytes[index - 1])) && keywordStarts[Int(byte)]
                        && length <= longestKeyword,
                        let keyword = keywords.first(where: {
                            $0.count == length && $0.elementsEqual(bytes[index..<end])
                        })
                    {
                        let word = String(decoding: keyword, as: UTF8.self)
                        if isLoopKeyword(word, from: index, to: end, in: code) { pendingLoop = true }
                    }
                    if loopDepth > 0 { result[line] = true }
                    index = end
                    continue
                }
                switch byte {
                case 0x7B:  // {
                    stack.append(pendingLoop)
                    if pendingLoop { loopDepth += 1 }
                    pendingLoop = false
                case 0x7D:  // }
                    if let wasLoop = stack.popLast(), wasLoop { loopDepth -= 1 }
                case 0x28: parenDepth += 1
                case 0x29: parenDepth = max(0, parenDepth - 1)
                case 0x3B:  // ;
                    if parenDepth == 0 { pendingLoop = false }
                case 0x20, 0x09, 0x0D: break
                default:
                    if loopDepth > 0 { result[line] = true }
                }
                index += 1
            }
        }
        return result
    }

    private func indentedLoops(code: [UInt8], lineStarts: [Int], into result: inout [Bool]) -> [Bool] {
        var stack: [(indent: Int, loop: Bool)] = []
        // how many of the open blocks are loops, so that a line costs the same at any depth
        var loops = 0
        Self.forEachIndentedLine(code: code, lineStarts: lineStarts) { line, indent, trimmed in
            while let top = stack.last, top.indent >= indent {
                stack.removeLast()
                if top.loop { loops -= 1 }
            }
            if loops > 0 { result[line] = true }
            let isLoopHeader =
                (trimmed.hasPrefix("for ") || trimmed.hasPrefix("while ") || trimmed.hasPrefix("async for "))
                && trimmed.contains(":")
            if isLoopHeader {
                if trimmed.hasSuffix(":") {
                    stack.append((indent, true))
                    loops += 1
                } else {
                    result[line] = true
                }
            } else if trimmed.hasSuffix(":") {
                stack.append((indent, false))
            }
        }
        return result
    }

    /// Calls `body` for each line that holds code, with the line's index, its indentation in bytes and its
    /// content without the indentation and trailing whitespace.
    static func forEachIndentedLine(code: [UInt8], lineStarts: [Int], _ body: (Int, Int, String) -> Void) {
        for (line, start) in lineStarts.enumerated() {
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : code.count
            var first = start
            while first < end && (code[first] == 0x20 || code[first] == 0x09) { first += 1 }
            guard first < end, code[first] != 0x0A, code[first] != 0x0D else { continue }
            body(line, first - start, String(decoding: code[first..<end], as: UTF8.self).trimmingTrailingWhitespace())
        }
    }

    /// Whether a loop keyword really opens a loop: not an argument label (`cell(for: path)`), not a
    /// member (`x.for`), and not the `while` that closes a `repeat`/`do` block (`} while x`).
    private func isLoopKeyword(_ word: String, from start: Int, to end: Int, in code: [UInt8]) -> Bool {
        var after = end
        while after < code.count && (code[after] == 0x20 || code[after] == 0x09) { after += 1 }
        if after < code.count && code[after] == 0x3A { return false }
        var before = start - 1
        while before >= 0
            && (code[before] == 0x20 || code[before] == 0x09 || code[before] == 0x0A || code[before] == 0x0D)
        {
            before -= 1
        }
        guard before >= 0 else { return true }
        if code[before] == 0x2E { return word == "forEach" || word == "each" }
        if word == "while" && code[before] == 0x7D { return false }
        return true
    }

    @inline(__always) private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    @inline(__always) private func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var view = Substring(self)
        while let last = view.last, last == " " || last == "\t" || last == "\r" || last == "\n" { view.removeLast() }
        return String(view)
    }
}
