import Foundation

/// Which lines of a file run inside a function, a catch block or a web request handler, read from the
/// code view (comments and string contents blanked) for the `inside-function`, `inside-catch` and
/// `inside-request-handler` conditions.
///
/// Brace languages: each `{` is classified by the text before it since the last `;`, `{` or `}` (its
/// header, annotations and decorators included): `catch (…)` opens a catch block; `func`, `function`,
/// `fun`, an arrow, or `name(parameters)` that is not a control statement opens a function, and a
/// function whose header shows a web framework's routing (Spring `@GetMapping`, JAX-RS `@GET`, ASP.NET
/// `[HttpGet]`, NestJS `@Get()`, Express `(req, res)`, Go `http.ResponseWriter`, Vapor `Request`, …)
/// is a request handler. Python (and Ruby, by its conventional indentation): `def` and `except`/`rescue`
/// headers hold the lines indented deeper; decorators such as `@app.route`, `@router.get` or
/// `@api_view`, a first parameter `request`, or a Rails controller make a handler.
///
/// Built on demand by the engine, only for files where a rule with one of these conditions matches.
struct BlockScanner {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let function = Flags(rawValue: 1)
        static let `catch` = Flags(rawValue: 2)
        static let handler = Flags(rawValue: 4)
    }

    /// A function's extent: the line its header starts on (decorators and annotations included), its last
    /// line, and how deep blocks nest inside its body (a body without blocks is 0). Lines are 0-based.
    struct FunctionSpan: Equatable, Sendable {
        var first: Int
        var last: Int
        var depth: Int
    }

    struct Result: Sendable {
        /// The flags of every line (index `n - 1` for line `n`).
        var lines: [Flags]
        var functions: [FunctionSpan]
    }

    let language: Language

    func scan(code: [UInt8], lineStarts: [Int]) -> Result {
        switch language {
        case .python, .ruby: indented(code: code, lineStarts: lineStarts)
        case .swift, .javascript, .typescript, .java, .kotlin, .go, .c, .cpp, .csharp, .php:
            braced(code: code, lineStarts: lineStarts)
        default: Result(lines: [Flags](repeating: [], count: lineStarts.count), functions: [])
        }
    }

    // MARK: Brace languages

    private func braced(code: [UInt8], lineStarts: [Int]) -> Result {
        var result = [Flags](repeating: [], count: lineStarts.count)
        var functions: [FunctionSpan] = []
        // open blocks: their flags, the index in `functions` of those that are functions, and the most
        // blocks open at once inside them so far (passed to the enclosing block when they close, so that
        // opening a block costs the same at any depth: 400,000 nested `{` took 47 s when every enclosing
        // function was updated at each one)
        var stack: [(flags: Flags, function: Int?, deepest: Int)] = []
        func close(_ block: (flags: Flags, function: Int?, deepest: Int), level: Int) {
            if let function = block.function {
                functions[function].depth = max(functions[function].depth, block.deepest - level)
            }
            if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, block.deepest) }
        }
        var headerStart = 0
        // the line where the header text starts (right after the previous `;`, `{` or `}`)
        var headerLine = 0
        var parenDepth = 0
        var line = 0
        for (index, byte) in code.enumerated() {
            switch byte {
            case 0x0A:
                line += 1
                continue
            case 0x7B:  // {
                let (kind, firstLine) =
                    Self.mayOpenFunction(code[headerStart..<index])
                    ? classify(String(decoding: code[headerStart..<index], as: UTF8.self)) : ([], 0)
                var function: Int?
                if kind.contains(.function) {
                    functions.append(FunctionSpan(first: headerLine + firstLine, last: line, depth: 0))
                    function = functions.count - 1
                }
                // every enclosing function now holds one more level of nesting (recorded on the innermost
                // block, and handed outwards as blocks close)
                if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, stack.count) }
                stack.append(((stack.last?.flags ?? []).union(kind), function, 0))
                headerStart = index + 1
                headerLine = line
                parenDepth = 0
                continue
            case 0x7D:  // } belongs to the block around the one it closes
                if let closed = stack.popLast() {
                    if let function = closed.function { functions[function].last = line }
                    close(closed, level: stack.count)
                }
                headerStart = index + 1
                headerLine = line
            case 0x28: parenDepth += 1
            case 0x29: parenDepth = max(0, parenDepth - 1)
            case 0x3B:  // ;
                if parenDepth == 0 {
                    headerStart = index + 1
                    headerLine = line
                }
            case 0x20, 0x09, 0x0D: continue
            default: break
            }
            if let flags = stack.last?.flags, line < result.count { result[line].formUnion(flags) }
        }
        while let open = stack.popLast() { close(open, level: stack.count) }
        return Result(lines: result, functions: functions)
    }

    private static func regex(_ pattern: String) -> SharedRegex {
        // Constant patterns, covered by the scanner's tests. reviewbot:ignore quality.force-try
        try! SharedRegex(pattern)
    }

    /// What a function header holds (`func` also finds `function`).
    private static let keywords: [[UInt8]] = ["func", "fun ", "init", "=>", "->"].map { Array($0.utf8) }
    private static let catchHeader = regex(#"^\s*catch\b"#)
    private static let functionKeyword = regex(#"(?<![\w$.])(?:func|function|fun|init|deinit)\b|(?:=>|->)\s*$"#)
    /// `name(parameters)` ending the header, optionally followed by a return type or `throws` clause.
    private static let callShaped = regex(
        #"(?<![\w$.])(?!(?:if|for|while|switch|catch|with|synchronized|using|lock|foreach|fixed|checked|unchecked|return|else|do|try|new|sizeof|typeof|await|match|when)\b)[A-Za-z_$][\w$]*\s*(?:<[^<>()]*>\s*)?\((?:[^()]|\([^()]*\))*\)\s*(?:(?:throws|rethrows|async|const|override|noexcept|final|mutating)\b[\w\s.,<>]*|:\s*[\w.<>\[\]?|, ]+|->\s*[^{]+)?\s*$"#
    )
    private static let newBefore = regex(#"\bnew\s+[\w.<>]+\s*\([^()]*\)\s*$"#)
    private static let braceHandler = regex(
        #"@(?:Get|Post|Put|Delete|Patch|Request)Mapping\b|@(?:GET|POST|PUT|DELETE|PATCH|HEAD|Path)\b|@(?:Get|Post|Put|Delete|Patch|All)\s*\(|\[\s*(?:Http(?:Get|Post|Put|Delete|Patch)|Route)\b|\bHttpServletRequest\b|\bHttpContext\b|\bhttp\.ResponseWriter\b|\*\s*http\.Request\b|\*\s*gin\.Context\b|\becho\.Context\b|\*\s*fiber\.Ctx\b|\(\s*(?:req|request)\s*(?::\s*[\w.<>]+\s*)?,\s*(?:res|response|reply)\b|\b(?:req|request)\s*:\s*Request\b|\bRequest\s+\$request\b|\bServerRequestInterface\b|\bexport\s+(?:async\s+)?function\s+(?:GET|POST|PUT|DELETE|PATCH)\s*\("#
    )

    /// Whether a header can open a function or a catch block at all, read from its bytes without making a
    /// string: it has parentheses, an arrow or a keyword, and after its last `)` only what a signature has
    /// there (a return type, `throws`, `async`…), not an operator or `else`.
    static func mayOpenFunction(_ header: ArraySlice<UInt8>) -> Bool {
        guard let close = header.lastIndex(of: 0x29) else {
            // without parentheses only an arrow (`x => {`), `catch {` or `deinit {` opens one
            return contains(header, "=>") || contains(header, "->") || contains(header, "catch")
                || contains(header, "deinit")
        }
        var tail = header[(close + 1)...].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while let last = tail.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D {
            tail = tail.dropLast()
        }
        guard let first = tail.first else { return true }
        // `: Type`, `-> Type`, `=>`, `throws`, `async`, `const`, `override`, `noexcept`, `final`, `mutating`, `where`
        if first == 0x3A || first == 0x2D || first == 0x3D { return true }
        return ["throws", "rethrows", "async", "const", "override", "noexcept", "final", "mutating", "where", "except"]
            .contains { prefix in tail.starts(with: prefix.utf8) }
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        while index + needle.count <= bytes.endIndex {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// Whether methods are declared without a keyword (`int size() {`); Swift, Go, Kotlin and PHP always
    /// write one, so a `name(…) {` there is a call with a trailing closure or a control statement.
    private var usesCallShapedMethods: Bool {
        switch language {
        case .java, .csharp, .c, .cpp, .javascript, .typescript: true
        default: false
        }
    }

    /// How a block's header classifies the block, and for a function the line of the header (0 for its
    /// first) where the declaration starts, with the annotations and attributes right above it.
    private func classify(_ header: String) -> (flags: Flags, firstLine: Int) {
        let trimmed = header.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        if trimmed.hasPrefix("catch") && Self.catchHeader.matches(header) { return (.catch, 0) }
        // most blocks (if, for, types, closures without parameters) are settled without a regex, from the
        // bytes (Foundation's String.contains cost more than the rest of the scan)
        var header = header
        let (hasKeyword, hasParenthesis) = header.withUTF8 { bytes in
            (
                Self.keywords.contains { keyword in
                    keyword.withUnsafeBufferPointer {
                        ByteSearch.occurs($0, in: bytes, range: 0..<bytes.count, foldingCase: false)
                    }
                }, bytes.contains(0x29)
            )
        }
        guard hasKeyword || hasParenthesis else { return ([], 0) }
        var anchor: String.Index?
        let whole = NSRange(header.startIndex..., in: header)
        if hasKeyword, let match = Self.functionKeyword.regex.matches(in: header, range: whole).last,
            let range = Range(match.range, in: header)
        {
            let arrow = header[range].hasPrefix("=") || header[range].hasPrefix("-")
            anchor = arrow ? Self.parametersStart(before: range.lowerBound, in: header) : range.lowerBound
        } else if usesCallShapedMethods, let match = Self.callShaped.firstMatch(in: header),
            !Self.newBefore.matches(header)
        {
            anchor = Range(match.range, in: header)?.lowerBound
        }
        guard let anchor else { return ([], 0) }
        let lines = header[..<anchor].split(separator: "\n", omittingEmptySubsequences: false)
        var first = lines.count - 1
        while first > 0 {
            let previous = lines[first - 1].trimmingCharacters(in: .whitespaces)
            guard previous.hasPrefix("@") || previous.hasPrefix("[") else { break }
            first -= 1
        }
        return (Self.braceHandler.matches(header) ? [.function, .handler] : .function, first)
    }

    /// Where an arrow function's parameters start: the `(` matching the last `)` before the arrow, or the
    /// start of the arrow's line for a single bare parameter.
    private static func parametersStart(before arrow: String.Index, in header: String) -> String.Index {
        var depth = 0
        var index = arrow
        while index > header.startIndex {
            index = header.index(before: index)
            switch header[index] {
            case ")": depth += 1
            case "(":
                depth -= 1
                if depth == 0 { return index }
            case "\n" where depth == 0:
                return header.index(after: index)
            default: break
            }
        }
        return header.startIndex
    }

    // MARK: Indented languages

    private static let pythonHandler = regex(
        #"^\s*@\s*[\w.]*\.(?:route|get|post|put|delete|patch|api_route|websocket)\s*\(|^\s*@\s*(?:api_view|require_http_methods|require_GET|require_POST|require_safe|action)\b"#
    )
    private static let pythonRequestParameter = regex(#"\bdef\s+\w+\s*\(\s*(?:self\s*,\s*)?request\b"#)
    private static let railsController = regex(#"<\s*(?:ApplicationController|ActionController::(?:Base|API))\b"#)

    private func indented(code: [UInt8], lineStarts: [Int]) -> Result {
        var result = [Flags](repeating: [], count: lineStarts.count)
        var functions: [FunctionSpan] = []
        // open blocks: indentation, flags, the index in `functions` of those that are functions, and the most
        // blocks open at once inside them so far; a function's last line and depth are settled when its block
        // closes, so each line costs the same at any depth
        var stack: [(indent: Int, flags: Flags, function: Int?, deepest: Int)] = []
        var previousLine = 0
        func close(_ block: (indent: Int, flags: Flags, function: Int?, deepest: Int), level: Int) {
            if let function = block.function {
                functions[function].last = max(functions[function].last, previousLine)
                functions[function].depth = max(functions[function].depth, block.deepest - level)
            }
            if !stack.isEmpty { stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, block.deepest) }
        }
        var decoratorLine: Int?
        var decoratedHandler = false
        let python = language == .python
        let controller = !python && Self.railsController.matches(String(decoding: code, as: UTF8.self))
        StructureScanner.forEachIndentedLine(code: code, lineStarts: lineStarts) { line, indent, content in
            // Ruby closes blocks with `end`; `rescue`, `else` and `ensure` close the block they follow
            while let top = stack.last, top.indent >= indent {
                stack.removeLast()
                close(top, level: stack.count)
            }
            previousLine = line
            let enclosing = stack.last?.flags ?? []
            result[line] = enclosing
            if python && content.hasPrefix("@") {
                if Self.pythonHandler.matches(content) { decoratedHandler = true }
                decoratorLine = decoratorLine ?? line
                return
            }
            var opened: Flags = []
            if python {
                // a signature may continue on the next lines, which are indented deeper anyway
                if content.hasPrefix("def ") || content.hasPrefix("async def ") {
                    opened = .function
                    if decoratedHandler || Self.pythonRequestParameter.matches(content) { opened.insert(.handler) }
                } else if (content.hasPrefix("except") || content.hasPrefix("except*")) && content.hasSuffix(":") {
                    opened = .catch
                }
            } else if content.hasPrefix("def ") {
                opened = controller ? [.function, .handler] : .function
            } else if content == "rescue" || content.hasPrefix("rescue ") || content.hasPrefix("rescue=") {
                opened = .catch
            }
            let opensBlock = python ? content.hasSuffix(":") : Self.rubyBlock.matches(content)
            // every enclosing function holds one more level of nesting when a block opens
            if (opensBlock || !opened.isEmpty) && !stack.isEmpty {
                stack[stack.count - 1].deepest = max(stack[stack.count - 1].deepest, stack.count)
            }
            var function: Int?
            if opened.contains(.function) {
                functions.append(FunctionSpan(first: decoratorLine ?? line, last: line, depth: 0))
                function = functions.count - 1
            }
            decoratedHandler = false
            decoratorLine = nil
            if !opened.isEmpty || opensBlock { stack.append((indent, enclosing.union(opened), function, 0)) }
        }
        while let open = stack.popLast() { close(open, level: stack.count) }
        return Result(lines: result, functions: functions)
    }

    /// A Ruby line that opens a block closed by `end`.
    private static let rubyBlock = regex(
        #"^(?:if|unless|while|until|for|case|begin|def|class|module)\b|\bdo\s*(?:\|[^|]*\|)?$"#)
}
