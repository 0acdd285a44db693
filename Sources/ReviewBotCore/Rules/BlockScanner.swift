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

    let language: Language

    /// The flags of every line (index `n - 1` for line `n`).
    func scan(code: [UInt8], lineStarts: [Int]) -> [Flags] {
        switch language {
        case .python, .ruby: indented(code: code, lineStarts: lineStarts)
        case .swift, .javascript, .typescript, .java, .kotlin, .go, .c, .cpp, .csharp, .php:
            braced(code: code, lineStarts: lineStarts)
        default: [Flags](repeating: [], count: lineStarts.count)
        }
    }

    // MARK: Brace languages

    private func braced(code: [UInt8], lineStarts: [Int]) -> [Flags] {
        var result = [Flags](repeating: [], count: lineStarts.count)
        var stack: [Flags] = []
        var headerStart = 0
        var parenDepth = 0
        var line = 0
        for (index, byte) in code.enumerated() {
            switch byte {
            case 0x0A:
                line += 1
                continue
            case 0x7B:  // {
                let header = String(decoding: code[headerStart..<index], as: UTF8.self)
                stack.append((stack.last ?? []).union(classify(header)))
                headerStart = index + 1
                parenDepth = 0
                continue
            case 0x7D:  // } belongs to the block around the one it closes
                _ = stack.popLast()
                headerStart = index + 1
            case 0x28: parenDepth += 1
            case 0x29: parenDepth = max(0, parenDepth - 1)
            case 0x3B:  // ;
                if parenDepth == 0 { headerStart = index + 1 }
            case 0x20, 0x09, 0x0D: continue
            default: break
            }
            if let flags = stack.last, line < result.count { result[line].formUnion(flags) }
        }
        return result
    }

    private static func regex(_ pattern: String) -> SharedRegex {
        // Constant patterns, covered by the scanner's tests. reviewbot:ignore quality.force-try
        try! SharedRegex(pattern)
    }

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

    private func classify(_ header: String) -> Flags {
        if Self.catchHeader.matches(header) { return .catch }
        let signature = header.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? header
        let isFunction =
            Self.functionKeyword.matches(header)
            || (Self.callShaped.matches(signature) && !Self.newBefore.matches(signature))
        guard isFunction else { return [] }
        return Self.braceHandler.matches(header) ? [.function, .handler] : .function
    }

    // MARK: Indented languages

    private static let pythonHandler = regex(
        #"^\s*@\s*[\w.]*\.(?:route|get|post|put|delete|patch|api_route|websocket)\s*\(|^\s*@\s*(?:api_view|require_http_methods|require_GET|require_POST|require_safe|action)\b"#
    )
    private static let pythonRequestParameter = regex(#"\bdef\s+\w+\s*\(\s*(?:self\s*,\s*)?request\b"#)
    private static let railsController = regex(#"<\s*(?:ApplicationController|ActionController::(?:Base|API))\b"#)

    private func indented(code: [UInt8], lineStarts: [Int]) -> [Flags] {
        var result = [Flags](repeating: [], count: lineStarts.count)
        var stack: [(indent: Int, flags: Flags)] = []
        var decoratedHandler = false
        let python = language == .python
        let controller = !python && Self.railsController.matches(String(decoding: code, as: UTF8.self))
        StructureScanner.forEachIndentedLine(code: code, lineStarts: lineStarts) { line, indent, content in
            // Ruby closes blocks with `end`; `rescue`, `else` and `ensure` close the block they follow
            while let top = stack.last, top.indent >= indent { stack.removeLast() }
            let enclosing = stack.last?.flags ?? []
            result[line] = enclosing
            if python && content.hasPrefix("@") {
                if Self.pythonHandler.matches(content) { decoratedHandler = true }
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
            decoratedHandler = false
            if !opened.isEmpty { stack.append((indent, enclosing.union(opened))) }
        }
        return result
    }
}
