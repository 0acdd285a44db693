/// Built-in rules specific to one language family (see RuleCatalog).
///
/// JavaScript and TypeScript (JSX and TSX included) security rules. Most injection rules follow untrusted
/// data from where it enters (an Express request, a Lambda event, the page's URL) to where it is used, with
/// three kinds of patterns built by the helpers below, all multi-line so that they can look a few lines up:
///
/// - **direct**: the source is written in the sink's arguments (`res.redirect(req.query.next)`);
/// - **one hop**: a variable assigned from the source a few lines up, in the same function, is passed to the
///   sink (`const next = req.query.next` … `res.redirect(next)`); the nearest few such variables are tried;
/// - **same function**: for sinks that are dangerous with any request data (a `vm` sandbox, HTML built by hand),
///   the function reads the source above the sink and the sink's arguments are not constant.
///
/// "The same function" is approximated by the lines between source and sink: none of them may start a
/// function (`function`, `=>`). Finding positions are the sink's line.
enum JavaScriptRules {
    static let js: Set<Language> = [.javascript, .typescript]

    // MARK: - Untrusted input

    /// Values of an Express, Koa or hapi request.
    static let requestInput =
        #"\breq(?:uest)?\??\.(?:query|body|params|cookies|signedCookies|headers|files?|payload)\b|\breq\??\.(?:originalUrl|url|path|hostname)\b|\breq\.(?:param|header|get)\s{0,2}\("#

    /// Request values a caller sets freely (not the URL path, which always starts with `/`).
    static let requestValues =
        #"\breq(?:uest)?\??\.(?:query|body|params|cookies|signedCookies|headers|files?|payload)\b|\breq\.(?:param|header|get)\s{0,2}\("#

    /// The event of an AWS Lambda handler (its body, query, path and headers come from the caller).
    static let lambdaEvent =
        #"\bevent\b(?!\s{0,2}(?:=[^=>]|\.(?:preventDefault|stopPropagation|target|currentTarget|key|type)\b))"#

    /// A Lambda handler in the file.
    static let lambdaHandler =
        #"\b(?:exports\.handler|handler\s*[:=]|export\s+(?:const|async\s+function|function)\s+handler)\b"#

    /// What the page's URL, referrer or window name says: controlled by whoever made the link.
    static let browserInput =
        #"\b(?:(?:window|document)\.)?location\.(?:hash|search|href)\b|\bdocument\.(?:URL|documentURI|referrer|baseURI)\b|\bwindow\.name\b|\bURLSearchParams\s{0,2}\(\s{0,2}(?:window\.|document\.)?location\b|\bprompt\s{0,2}\("#

    /// Calls that make a value safe for the sinks below; an assignment through one of them is not followed.
    static let sanitizerCall =
        #"(?i:sanitiz\w{0,20}|escape\w{0,20}|encode\w{0,20}|xss|purify|dompurify\.\w{1,20}|clean\w{0,20}|basename|parseInt|parseFloat|Number|Boolean|isValid\w{0,20}|validat\w{0,20})\s{0,2}\("#

    // MARK: - Pattern builders

    /// A line above the sink in the same function (it starts no function), with its leading newline.
    static let functionLine = #"\n(?:(?!\bfunction\b|=>)[^\n]){0,300}"#

    static func functionLines(_ count: Int) -> String { "(?:" + functionLine + "){0,\(count)}" }

    /// `name = …source…` (or `name += …`), capturing `name` as group 1 when `capture` is set. The right side
    /// must not pass the value through a sanitizer; `anchored` makes the source its first operand.
    static func assignment(from source: String, capture: Bool, anchored: Bool, prefix: String = "") -> String {
        let name = capture ? #"([A-Za-z_$][\w$]{0,40})"# : #"[A-Za-z_$][\w$]{0,40}"#
        let rhs =
            anchored
            ? #"\s{0,4}(?:"# + prefix + #")?(?:"# + source + ")"
            : #"(?![^\n;]{0,200}?"# + sanitizerCall + #")[^\n;]{0,200}?(?:"# + source + ")"
        let template = anchored ? "" : #"|\s{0,4}`[^`]{0,500}?\$\{[^}`]{0,100}?(?:"# + source + ")"
        return #"\b"# + name + #"\s{0,4}(?::\s{0,2}[\w<>\[\]]{1,30}\s{0,2})?\+?=(?![=>])(?:"# + rhs + template + ")"
    }

    /// `{ a, b } = source`, capturing the first name.
    static func destructuring(from source: String) -> String {
        #"\{\s{0,4}([A-Za-z_$][\w$]{0,40})\b[^{}\n=]{0,100}\}\s{0,4}(?::\s{0,2}[\w<>\[\]]{1,30}\s{0,2})?=(?![=>])\s{0,4}(?:"#
            + source + ")"
    }

    /// Where the tracked value must appear in a call's arguments: `use(name)` is the body of a lookahead placed
    /// just after the sink, and `name` is the source itself or a back reference to a variable.
    typealias Use = @Sendable (String) -> String

    /// Anywhere in the arguments on the sink's line.
    static let anywhere: Use = { #"[^\n;]{0,300}?(?:"# + $0 + ")" }
    /// In the first argument.
    static let firstArgument: Use = { #"[^,\n;]{0,200}?(?:"# + $0 + ")" }
    /// As the first operand, after an optional prefix.
    static func start(_ prefix: String = "", suffix: String = "") -> Use {
        { #"\s{0,4}(?:"# + prefix + ")?(?:" + $0 + ")" + suffix }
    }

    static let variable = #"(?<![\w$.])\1\b"#

    /// The source in the sink's arguments.
    static func direct(_ sink: String, _ source: String, view: Rule.View = .code, use: Use = anywhere) -> Rule.Pattern {
        .init(view, "(?:" + sink + ")(?=" + use(source) + #")[^\n]*"#)
    }

    /// A variable assigned from the source above (the nearest, second or third such assignment in the same
    /// function) passed to the sink. `prefix`: the assignment must start with the source (after that prefix).
    static func oneHop(
        _ sink: String, _ source: String, view: Rule.View = .code, use: Use = anywhere, prefix: String? = nil,
        lines: Int = 25
    )
        -> [Rule.Pattern]
    {
        let anchored = prefix != nil
        let other = assignment(from: source, capture: false, anchored: anchored, prefix: prefix ?? "")
        let skip = functionLines(lines) + #"\n[^\n]{0,300}?"# + other + #"[^\n]{0,300}"#
        var patterns: [Rule.Pattern] = []
        let captures =
            [assignment(from: source, capture: true, anchored: anchored, prefix: prefix ?? "")]
            + (anchored ? [] : [destructuring(from: source)])
        for (index, captured) in captures.enumerated() {
            for skipped in 0..<(index == 0 ? 3 : 1) {
                let lookbehind =
                    captured + #"[^\n]{0,300}"# + String(repeating: skip, count: skipped) + functionLines(lines)
                patterns.append(
                    .init(
                        view,
                        "(?:" + sink + ")(?=" + use(#"(?<![\w$.])[A-Za-z_$][\w$]*"#) + ")(?<=" + lookbehind + ")(?="
                            + use(variable) + #")[^\n]*"#))
            }
        }
        return patterns
    }

    /// The function reads the source somewhere above the sink; `arguments` (a lookahead body) checks the call.
    static func sameFunction(
        _ sink: String, _ source: String, arguments: String = "", view: Rule.View = .code, lines: Int = 25
    ) -> Rule.Pattern {
        .init(
            view,
            "(?:" + sink + ")(?<=(?:" + source + #")[^\n]{0,300}"# + functionLines(lines) + ")(?=" + arguments
                + #")[^\n]*"#)
    }

    /// The source interpolated in a template literal that is the call's first argument and spans lines.
    static func directTemplate(_ sink: String, _ source: String, view: Rule.View = .code) -> Rule.Pattern {
        .init(view, "(?:" + sink + #")(?=\s*`[^`]{0,500}?\$\{[^}`]{0,100}?(?:"# + source + #"))[^\n]*"#)
    }

    /// direct + one hop.
    static func flow(
        _ sink: String, _ source: String, view: Rule.View = .code, use: Use = anywhere, prefix: String? = nil,
        lines: Int = 25
    )
        -> [Rule.Pattern]
    {
        [direct(sink, source, view: view, use: use)] + (prefix == nil ? [directTemplate(sink, source, view: view)] : [])
            + oneHop(sink, source, view: view, use: use, prefix: prefix, lines: lines)
    }

    /// Express response body writers.
    static let responseSink = #"\bres\.(?:send|write|end)\s*\((?<!text/plain[^\n]{0,200}\n[^\n]{0,300})"#

    /// A string literal (text view) that contains an HTML tag.
    static let htmlLiteral = #"["'`][^"'`\n]{0,200}?<[A-Za-z/!]"#

    /// Concatenation or interpolation with a non-constant part.
    static let stringBuilding =
        #"(?:\$\{|["'`]\s{0,4}\+\s{0,4}[\w$(\[]|[\w$)\]]\s{0,4}\+\s{0,4}["'`\w$(]|\.concat\s{0,2}\(\s{0,2}[\w$])"#

    /// The right side of an assignment that builds HTML: concatenation of variables only, or with a literal tag.
    static let htmlBuilding =
        #"(?:[A-Za-z_$][\w$.]{0,40}\s{0,4}\+\s{0,4}[A-Za-z_$][\w$.]{0,40}(?:\s{0,4}\+\s{0,4}[A-Za-z_$][\w$.]{0,40}){0,8}\s{0,4};?\s{0,4}(?=\n)|[^\n;]{0,200}?"#
        + htmlLiteral + #"[^\n;]{0,200}?"# + stringBuilding + ")"

    /// No sanitizer was called in the ten lines above.
    static let unsanitizedAbove = "(?<!" + sanitizerCall + #"[^\n]{0,300}(?:\n[^\n]{0,300}){0,10})"#

    /// The arguments do not pass through a sanitizer (a lookahead body).
    static let notSanitized = #"(?![^\n;]{0,300}?"# + sanitizerCall + ")"

    /// Calls that open, write or remove a file, or build a path.
    static let pathSink =
        #"\bres\.(?:sendFile|sendfile|download)\s*\(|\bfs(?:\.promises)?\.(?:readFile|readFileSync|createReadStream|createWriteStream|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|readdir|readdirSync|mkdir|mkdirSync|stat|statSync|access|accessSync|open|openSync|existsSync)\s*\(|\bpath\.(?:join|resolve)\s*\(|(?<![\w$.])(?:join|resolve)\s*\((?=[^)\n]*,)"#

    /// A path sink in a function that does not strip `..` above it nor check the result just below.
    static let guardedPathSink =
        "(?:" + pathSink
        + #")(?<!\.replace(?:All)?\s{0,2}\([^\n]{0,100}\\?\.\\?\.[^\n]{0,300}(?:\n[^\n]{0,300}){0,10})(?![^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*\.(?:indexOf|startsWith)\s*\()"#

    /// Node's `vm` and the vm2 sandbox.
    static let vmSink =
        #"\bvm\.(?:runInContext|runInNewContext|runInThisContext|compileFunction|Script)\s*\(|\bnew\s+(?:vm\.)?Script\s*\(|\bnew\s+(?:NodeVM|VM|VMScript)\s*\("#

    /// A URL prefix that fixes only the scheme, so whoever controls the rest picks the host.
    static let schemeOnly = #"["'](?:https?:)?//["']\s{0,4}\+\s{0,4}|`(?:https?:)?(?://)?\$\{\s{0,4}"#

    // MARK: - Rules

    static let all: [Rule] = expressRules + lambdaRules + browserRules + nodeRules + secretRules + frameworkRules

    static let expressRules: [Rule] = [
        Rule(
            id: "security.express-open-redirect", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["redirect"],
            patterns: flow(
                #"\bres\.redirect\s*\(\s*(?:\d{3}\s*,\s*)?"#, requestInput, view: .text, use: start(schemeOnly),
                prefix: schemeOnly),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Redirect to a URL taken from the request",
            recommendation:
                "Redirect only to relative paths or to hosts on an allow list; never let the request choose the start of the URL.",
            cwe: "CWE-601",
            examples: [
                .init("app.js", "app.get('/go', (req, res) => {\n  res.redirect(req.query.next)\n})", flagged: true),
                .init(
                    "app.js",
                    "function go(req, res) {\n  const target = req.body.url\n  res.redirect(`${target}/home`)\n}",
                    flagged: true),
                .init(
                    "app.js", "function go(req, res) {\n  res.redirect('https://example.com/' + req.query.page)\n}",
                    flagged: false),
                .init(
                    "app.js", "function go(req, res) {\n  res.redirect(config.base + req.query.page)\n}", flagged: false
                ),
            ]),
        Rule(
            id: "security.express-ssrf", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["req"],
            patterns: flow(
                #"\b(?:request|axios|needle|superagent|got|https?|fetch|nodeFetch|urllib)(?:\.(?:get|post|put|patch|delete|del|head|request|stream))?\s*\("#,
                requestInput, view: .text, use: start(schemeOnly), prefix: schemeOnly),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Outgoing request to a URL chosen by the incoming request (server-side request forgery)",
            recommendation:
                "Fix the scheme and host in code (or check them against an allow list) and let the request choose only a path or query value.",
            cwe: "CWE-918",
            examples: [
                .init("proxy.js", "app.get('/img', (req, res) => {\n  request.get(req.query.url)\n})", flagged: true),
                .init(
                    "proxy.js",
                    "function img(req, res) {\n  const url = 'https://' + req.body.host\n  axios.get(url)\n}",
                    flagged: true),
                .init(
                    "proxy.js", "function img(req, res) {\n  axios.get('https://api.example.com/' + req.query.id)\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.express-xss", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["res.send", "res.write", "res.end"],
            patterns: [
                // HTML written with request data in it
                .init(
                    .text,
                    responseSink + #"(?=[^\n;]{0,300}?(?:"# + requestInput + #"))(?=[^\n;]{0,300}?"# + htmlLiteral
                        + #")[^\n]*"#),
                // HTML built in the call from values of a function that reads the request
                sameFunction(
                    responseSink + unsanitizedAbove, requestInput,
                    arguments: notSanitized + #"(?=[^\n;]{0,300}?"# + htmlLiteral + #")[^\n;]{0,300}?"#
                        + stringBuilding, view: .text),
                // a variable built by concatenation or interpolation in a function that reads the request
                .init(
                    .text,
                    responseSink + "(?<=(?:" + requestInput + #")[^\n]{0,300}"# + functionLines(25)
                        + #"\n[^\n]{0,300}?\b([A-Za-z_$][\w$]{0,40})\s{0,4}\+?=(?![=>])\s{0,4}"#
                        + htmlBuilding + #"[^\n]{0,300}"# + functionLines(25) + #")(?=\s*\1\s*\))[^\n]*"#),
            ],
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Response written from request data without HTML escaping (cross-site scripting)",
            recommendation:
                "Render HTML with a template engine that escapes values, or escape every request value (e.g. with `escape-html`) before writing it; send data as JSON (`res.json`).",
            cwe: "CWE-79",
            examples: [
                .init(
                    "app.js", "app.get('/hi', (req, res) => {\n  res.send('<h1>Hello ' + req.query.name + '</h1>')\n})",
                    flagged: true),
                .init(
                    "app.js",
                    "app.get('/hi', function (req, res) {\n  var user = req.query.name\n  var msg = 'Hi ' + user\n  res.write('<p>' + msg)\n})",
                    flagged: true),
                .init(
                    "app.js",
                    "app.get('/hi', function (req, res) {\n  var user = req.query.name\n  res.send('<p>' + escape(user))\n})",
                    flagged: false),
                .init("app.js", "app.get('/hi', function (req, res) {\n  res.send('<p>Hello</p>')\n})", flagged: false),
            ]),
        Rule(
            id: "security.html-from-request", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["req.", "req?.", "request."],
            patterns: [
                .init(
                    .text,
                    #"^(?=[^\n]*?"# + htmlLiteral + #")[^\n]*?(?:\+\s{0,4}|\$\{\s{0,4}|\.concat\(\s{0,4})(?:"#
                        + requestInput + ")"),
                .init(.text, #"(?i:\b\w*html\w*)\.concat\(\s{0,4}(?:"# + requestInput + ")"),
            ],
            excludes: [.init(.code, #"\b(?:console|logger|log)\.\w+\s*\(|\bres\.(?:send|write|end)\s*\("#)],
            message: "HTML markup built from request data",
            recommendation:
                "Build HTML with a template engine that escapes values, or escape the request values first.",
            cwe: "CWE-79",
            examples: [
                .init("app.js", #"var html = "<h1>" + req.query.message + "</h1>""#, flagged: true),
                .init("app.js", "const row = `<td>${req.body.name}</td>`", flagged: true),
                .init("app.js", #"var text = "message: " + req.query.message"#, flagged: false),
                .init("app.js", "console.log(`<td>${req.body.name}</td>`)", flagged: false),
            ]),
        Rule(
            id: "security.express-path-traversal", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["sendfile", "download", "fs.", "join", "resolve"],
            patterns: flow(guardedPathSink, requestInput),
            excludes: [.init(.code, #"\bres\.send[Ff]ile\s*\([^\n]*,\s*(?:\{[^}\n]*\broot\s*:|options\b|opts\b)"#)],
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "File path built from request data (path traversal)",
            recommendation:
                "Resolve the path against a fixed base directory and check that the result stays inside it (`path.resolve(base, name).startsWith(base + path.sep)`), or use `res.sendFile(name, { root })`.",
            cwe: "CWE-22",
            examples: [
                .init("app.js", "app.get('/f', (req, res) => {\n  res.sendFile(req.params.name)\n})", flagged: true),
                .init(
                    "app.js",
                    "function f(req, res) {\n  let name = req.body.path;\n  const full = path.join(base, name);\n}",
                    flagged: true),
                .init(
                    "app.js", "function f(req, res) {\n  res.sendFile(req.params.name, { root: 'public' })\n}",
                    flagged: false),
                .init(
                    "app.js", "function f(req, res) {\n  const full = path.join(__dirname, 'index.html');\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.express-template-injection", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["compile", "render", "template"],
            patterns: flow(
                #"\b(?:pug|jade|ejs|nunjucks|handlebars|Handlebars|hbs|mustache|Mustache|Hogan|hogan|Eta|eta|Sqrl|sqrl|dot|doT|lodash|_|swig|Twig|twig|Velocity|velocity|Liquid|liquid)\.(?:compile|render|renderString|template|compileTemplate)\s*\("#,
                requestInput, use: firstArgument, lines: 40),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Template compiled from request data (server-side template injection)",
            recommendation: "Compile only templates written by the application; pass request values as data to render.",
            cwe: "CWE-1336",
            examples: [
                .init(
                    "app.js", "app.get('/', (req, res) => {\n  const t = req.query.t\n  res.send(pug.render(t))\n})",
                    flagged: true),
                .init(
                    "app.js",
                    "app.get('/', (req, res) => {\n  res.send(ejs.render(page, { name: req.query.name }))\n})",
                    flagged: false),
            ]),
        Rule(
            id: "security.server-code-injection", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["vm.", "script", "vm("],
            patterns: [
                direct(vmSink, requestInput),
                sameFunction(vmSink, requestInput),
            ] + flow(vmSink, lambdaEvent),
            requiresInFile: [.init(.code, #"\bvm\.|\bScript\s*\(|\bNodeVM\b|\bVMScript\b|\bnew\s+VM\b"#)],
            multiline: true,
            message: "Code or sandbox context built from request data in a handler",
            recommendation:
                "Node's `vm` and sandbox modules are not a security boundary: never run code or expose objects influenced by a request; parse data instead.",
            cwe: "CWE-94",
            examples: [
                .init(
                    "app.js",
                    "app.get('/', (req, res) => {\n  const code = `var x = ${req.query.x};`\n  vm.runInThisContext(code)\n})",
                    flagged: true),
                .init(
                    "app.js",
                    "app.get('/', (req, res) => {\n  const sandbox = { foo: req.query.foo }\n  vm.runInNewContext('run(foo)', sandbox)\n})",
                    flagged: true),
                .init("app.js", "function build() {\n  vm.runInThisContext('1 + 1')\n}", flagged: false),
            ]),
        Rule(
            id: "security.require-from-request", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["require"],
            patterns: flow(#"(?<![\w$.])require\s*\("#, requestInput),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Module loaded from a name taken from the request",
            recommendation: "Map request values to a fixed table of modules instead of passing them to `require`.",
            cwe: "CWE-706",
            examples: [
                .init("app.js", "function h(req, res) {\n  require(req.query.module)(req, res)\n}", flagged: true),
                .init("app.js", "function h(req, res) {\n  const m = require('./handlers')\n}", flagged: false),
            ]),
        Rule(
            id: "security.cors-origin-from-request", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["access-control-allow-origin"],
            patterns: flow(
                #"(?i:["']access-control-allow-origin["'])\s*[:,]\s*"#, requestInput, view: .text, use: start()),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Access-Control-Allow-Origin set to a value from the request",
            recommendation:
                "Reflect an origin only after checking it against an allow list (the `cors` package's `origin` option does this).",
            cwe: "CWE-942",
            examples: [
                .init(
                    "app.js", "function h(req, res) {\n  res.set('Access-Control-Allow-Origin', req.headers.origin)\n}",
                    flagged: true),
                .init(
                    "app.js",
                    "function h(req, res) {\n  res.set('Access-Control-Allow-Origin', 'https://app.example.com')\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.frame-options-from-request", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["x-frame-options"],
            patterns: flow(#"(?i:["']x-frame-options["'])\s*[:,]\s*"#, requestInput, view: .text, use: start()),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "X-Frame-Options set to a value from the request",
            recommendation: "Set X-Frame-Options (or CSP frame-ancestors) to a constant such as DENY or SAMEORIGIN.",
            cwe: "CWE-1021",
            examples: [
                .init(
                    "app.js", "function h(req, res) {\n  res.set('X-Frame-Options', req.query.opts)\n}", flagged: true),
                .init(
                    "app.js", "function h(req, res) {\n  res.set('X-Frame-Options', 'SAMEORIGIN')\n}", flagged: false),
            ]),
        Rule(
            id: "security.object-merge-from-input", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["object.assign", "merge"],
            patterns: flow(#"\b(?:Object\.assign|_\.merge|lodash\.merge|_\.defaultsDeep)\s*\("#, requestValues),
            requiresInFile: [.init(.code, requestValues)],
            multiline: true,
            message: "Object merged with request data: every property the caller sends is copied",
            recommendation:
                "Copy only the expected fields (`const { name, email } = req.body`) or validate the input against a schema first.",
            cwe: "CWE-915",
            examples: [
                .init(
                    "app.js", "function h(req, res) {\n  const data = Object.assign(defaults, req.body)\n}",
                    flagged: true),
                .init(
                    "app.js", "function h(req, res) {\n  const patch = req.body\n  Object.assign(user, patch)\n}",
                    flagged: true),
                .init(
                    "app.js", "function load(text) {\n  const data = Object.assign(settings, JSON.parse(text))\n}",
                    flagged: false),
                .init(
                    "app.js", "function h(req, res) {\n  const data = Object.assign(defaults, { name: 'x' })\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.property-injection", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["req"],
            patterns: flow(
                #"[\w$)\]]\s{0,2}\[(?=[^\]\n]{1,80}\]\s{0,4}=(?![=>]))(?<!__proto__[^\n]{0,300}(?:\n[^\n]{0,300}){0,8})"#,
                requestValues,
                view: .text, use: start(suffix: #"[\w$.\[\]'"` ]{0,60}?\]\s{0,4}=(?![=>])"#), prefix: ""),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "Object property named by request data is assigned (prototype pollution, overwriting methods)",
            recommendation:
                "Use a Map, or reject keys such as `__proto__`, `constructor` and `prototype` and check the key against the expected ones.",
            cwe: "CWE-1321",
            examples: [
                .init("app.js", "function h(req, res) {\n  items[req.query.name] = req.query.text\n}", flagged: true),
                .init(
                    "app.js", "function h(req, res) {\n  var prop = req.query.key\n  store[prop] = true\n}",
                    flagged: true),
                .init("app.js", "function h(req, res) {\n  items['name'] = req.query.text\n}", flagged: false),
            ]),
        Rule(
            id: "security.render-path-from-request", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["render"],
            patterns: flow(#"\bres\.render\s*\("#, requestInput, use: firstArgument),
            requiresInFile: [.init(.code, requestInput)],
            multiline: true,
            message: "View name taken from the request",
            recommendation: "Choose the view from a fixed set; never let the request name the template file.",
            cwe: "CWE-22",
            examples: [
                .init(
                    "app.js", "function h(req, res) {\n  return res.render(`tpl.${req.query.path}`, {})\n}",
                    flagged: true),
                .init(
                    "app.js", "function h(req, res) {\n  return res.render('index', { q: req.query.q })\n}",
                    flagged: false),
            ]),
    ]

    // MARK: - AWS Lambda (and SQL built before it is run)

    static let lambdaRules: [Rule] = [
        Rule(
            id: "security.lambda-xss", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["event"],
            patterns: [
                .init(
                    .text,
                    #"(?m)^(?=[^\n]*?"# + htmlLiteral
                        + #")[^\n]*?(?:\+\s{0,4}|\$\{\s{0,4}|\.concat\(\s{0,4}|["'`]\s{0,4},\s{0,4})(?:"# + lambdaEvent
                        + #")[^\n]*"#),
                .init(.text, #"(?i:\b\w*html\w*)\.concat\(\s{0,4}(?:"# + lambdaEvent + #")[^\n]*"#),
            ]
                + oneHop(
                    #"\bbody\s*:\s*(?<=\bstatusCode\b[^\n]{0,100}(?:\n[^\n]{0,300}){1,4})"#, lambdaEvent, view: .text,
                    use: start(suffix: #"\s*[,}\n]"#)),
            excludes: [.init(.code, #"\b(?:console|logger|log)\.\w+\s*\("#)],
            requiresInFile: [.init(.code, lambdaHandler)],
            multiline: true,
            message: "HTML built from the Lambda event without escaping (cross-site scripting)",
            recommendation:
                "Escape event values before putting them in HTML, or return JSON and let the client render it.",
            cwe: "CWE-79",
            examples: [
                .init(
                    "handler.js",
                    "exports.handler = async (event) => {\n  return { body: `<h1>${event.name}</h1>` }\n}",
                    flagged: true),
                .init(
                    "handler.js",
                    "exports.handler = async (event) => {\n  return { body: JSON.stringify({ name: event.name }) }\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.sql-query-from-string", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["query", "execute", "raw"],
            patterns: [
                // the query text was built by concatenation or interpolation a few lines up
                .init(
                    .text,
                    #"(?:\.(?:query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe)\s*\()(?<=\b([A-Za-z_$][\w$]{0,40})\s{0,4}(?::\s{0,2}\w{1,20}\s{0,2})?\+?=(?![=>])\s{0,4}(?![^\n]{0,300}?(?:["'`]\s{0,2}\?\s{0,2}["'`]|(?i:placeholder)))"#
                        + sqlBuilding + #"[^\n]{0,300}"# + functionLines(25)
                        + #")(?=[^\n;]{0,300}?(?<![\w$.])\1\b)[^\n]*"#),
                .init(
                    .text,
                    #"(?:\.(?:query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe)\s*\()(?<=\b([A-Za-z_$][\w$]{0,40})\s{0,4}\+=\s{0,4}(?!["'`])[A-Za-z_$][^\n]{0,300}"#
                        + functionLines(25) + #")(?=\s*\1\b)[^\n]*"#),
                .init(
                    .text,
                    #"\.(?:query|execute|raw|unsafe)\s*\(\s*`(?=[^`\n]{0,200}\n)(?=[^`]{0,80}?(?i:select|insert|update|delete|create|drop|alter|replace|merge|with)\b)(?![^`]{0,800}?(?:\?|\$\d|:\w+\b))[^`]{0,800}?\$\{"#
                ),
            ],
            requiresInFile: [
                .init(.text, #"(?i)["'`]\s*(?:select|insert|update|delete|create|drop|alter|replace|merge|with)\b"#)
            ],
            multiline: true,
            message: "SQL text built by concatenation or interpolation is run",
            recommendation:
                "Pass values as bound parameters (`?`, `$1`, `:name`, `replacements`) instead of building the SQL text.",
            cwe: "CWE-89",
            examples: [
                .init(
                    "db.js",
                    "async function f(table) {\n  var stmt = 'select * from ' + table\n  await conn.query(stmt)\n}",
                    flagged: true),
                .init(
                    "db.js",
                    "async function f(id) {\n  var stmt = 'select * from users where id = ?'\n  await conn.query(stmt, [id])\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.dynamodb-query-from-event", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["dynamodb"],
            patterns: flow(
                #"\b\w+\.(?:query|scan)\s*\(|\bnew\s+(?:Query|Scan)Command\s*\("#, lambdaEvent, use: start(), prefix: ""
            ),
            requiresInFile: [.init(.raw, #"(?i)dynamodb"#)],
            multiline: true,
            message: "DynamoDB query parameters taken whole from the request (NoSQL injection)",
            recommendation:
                "Build the query parameters in code and take only individual, validated values from the event.",
            cwe: "CWE-943",
            examples: [
                .init(
                    "handler.js",
                    "const AWS = require('aws-sdk') // DynamoDB\nexports.handler = function(event) {\n  client.query(event.body.params, cb)\n}",
                    flagged: true),
                .init(
                    "handler.js",
                    "const AWS = require('aws-sdk') // DynamoDB\nexports.handler = function(event) {\n  client.query({ TableName: 'T', Key: { id: event.id } }, cb)\n}",
                    flagged: false),
            ]),
    ]

    // MARK: - Browser

    static let browserRules: [Rule] = [
        Rule(
            id: "security.dom-xss", category: .security, severity: .high, languages: js, excludedPaths: Rule.testPaths,
            keywords: ["innerhtml", "outerhtml", "document.write", "insertadjacenthtml", ".html("],
            patterns: domSink(#"\.(?:innerHTML|outerHTML)\s*\+?=(?!=)"#, end: #"\s*;?\s*(?=\n|//|$)"#)
                + domSink(
                    #"\bdocument\.write(?:ln)?\s*\(|\.insertAdjacentHTML\s*\([^,\n]{1,60},|\.html\s*\((?!\s*\))"#,
                    end: #"\s*\)"#),
            excludes: [.init(.text, #"\.html\s*\(\s*\$(?:root)?[Ss]cope\."#)],
            multiline: true,
            message: "HTML inserted into the page from a value that is not a constant (DOM cross-site scripting)",
            recommendation:
                "Insert text with `textContent` / `.text()`, or sanitize the HTML first (DOMPurify.sanitize); build elements with the DOM API instead of strings.",
            cwe: "CWE-79",
            examples: [
                .init(
                    "page.js", "function show(userInput) {\n  el.innerHTML = '<div>' + userInput + '</div>';\n}",
                    flagged: true),
                .init(
                    "page.js", "function show(userInput) {\n  document.body.innerHTML = userInput;\n}", flagged: true),
                .init("page.js", "function show(name) {\n  $('#out').html(name)\n}", flagged: true),
                .init(
                    "page.js", "function show() {\n  const name = \"<b>ok</b>\";\n  el.innerHTML = name;\n}",
                    flagged: false),
                .init(
                    "page.js", "function show(html) {\n  el.innerHTML = DOMPurify.sanitize(html);\n}", flagged: false),
                .init("page.js", "el.innerHTML = '';", flagged: false),
            ]),
        Rule(
            id: "security.jquery-html-injection", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["$(", "jquery", "append", "prepend", "wrap", "before", "after", "globaleval"],
            patterns: [
                // content methods given markup built with a value, or the page URL
                .init(
                    .text,
                    #"\.(?:append|prepend|before|after|replaceWith|wrap|wrapAll|wrapInner|globalEval)\s*\((?=[^\n;]{0,300}?(?:"#
                        + browserInput + #"|"# + htmlLiteral + #"[^\n;]{0,200}?"# + stringBuilding + #"))[^\n]*"#),
                // $(…) given markup or a selector built from the page URL
                .init(.text, #"(?<![\w$.])(?:\$|jQuery)\s*\((?=[^\n;]{0,200}?(?:"# + browserInput + #"))[^\n]*"#),
                .init(
                    .text,
                    #"(?<![\w$.])(?:\$|jQuery)\s*\((?=\s*"# + htmlLiteral + #"[^\n;]{0,200}?"# + stringBuilding
                        + #")[^\n]*"#),
            ]
                + oneHop(
                    #"(?<![\w$.])(?:\$|jQuery)\s*\("#, browserInput, view: .text,
                    use: start(#"["'][#.]?[\w-]{0,40}["']\s{0,4}\+\s{0,4}"#))
                + [
                    parameterUse(
                        #"(?<![\w$.])(?:\$|jQuery)\s*\("#, prefix: #"["'][#.]?[\w-]{0,40}["']\s{0,4}\+\s{0,4}"#,
                        end: #"\s*\)\s*\.\s*\w"#)
                ],
            requiresInFile: [.init(.code, #"\$\s*\(|\bjQuery\b"#)],
            multiline: true,
            message: "jQuery builds elements or selectors from values that are not constants",
            recommendation:
                "Select with constant selectors and insert untrusted values with `.text()`; escape values used in selectors (`$.escapeSelector`).",
            cwe: "CWE-79",
            examples: [
                .init("page.js", "$('#' + location.hash).css('z-index', 9)", flagged: true),
                .init("page.js", "$('.inner').wrap('<div class=\"x\">' + name + '</div>')", flagged: true),
                .init("page.js", "$('.inner').wrap('<div></div>')", flagged: false),
                .init("page.js", "$(window).scroll(update)", flagged: false),
            ]),
        Rule(
            id: "security.open-redirect-client", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["location"],
            patterns: [
                .init(.text, "(?:" + locationSink + #")(?=\s{0,4}(?:`\$\{\s{0,4})?(?:"# + browserInput + #"))[^\n]*"#),
                parameterUse(locationSink, prefix: #"`\$\{\s{0,4}"#, end: #"\b"#),
            ]
                + oneHopGlobal(
                    locationSink,
                    browserInput + #"|\bnew\s{1,3}URL\s{0,2}\(\s{0,2}(?:window\.)?location\b|\$scope\.\w{1,40}"#,
                    use: start(#"`\$\{\s{0,4}"#)),
            requiresInFile: [.init(.code, #"\blocation(?:\.href)?\s*=(?![=>])|\blocation\.(?:assign|replace)\s*\("#)],
            multiline: true,
            message: "Navigation to a URL taken from the page's address or a caller (open redirect, javascript: URLs)",
            recommendation:
                "Navigate only to relative paths or to URLs whose origin is checked against an allow list; reject `javascript:` URLs.",
            cwe: "CWE-601",
            examples: [
                .init("page.js", "function go(userInput) {\n  location.href = userInput;\n}", flagged: true),
                .init(
                    "page.js",
                    "var next = new URLSearchParams(window.location.search).get('next')\nfunction go() {\n  window.location.href = next;\n}",
                    flagged: true),
                .init(
                    "page.js", "function go(userInput) {\n  location.href = `https://example.com/${userInput}`\n}",
                    flagged: false),
                .init("page.js", "function go() {\n  location.href = '/home'\n}", flagged: false),
            ]),
    ]

    /// Assigning to the page's location.
    static let locationSink =
        #"\b(?:(?:\$?window|document|self|top)\.)?location(?:\.href)?\s*=(?![=>])|\blocation\.(?:assign|replace)\s*\("#

    /// The first parameter of the enclosing function is used in the sink: after the optional `prefix`, followed
    /// by `end`; `check` (a lookahead body) may check the arguments further.
    static func parameterUse(
        _ sink: String, prefix: String = "", end: String, check: String = "", view: Rule.View = .text
    ) -> Rule.Pattern {
        let checked = check.isEmpty ? "" : "(?=" + check + ")"
        let parameter =
            #"(?<=\bfunction\s{0,2}[\w$]{0,40}\s{0,2}\(\s{0,4}([A-Za-z_$][\w$]{0,40})[^)\n]{0,100}\)[^\n]{0,100}"#
            + functionLines(25) + ")"
        let use = #"(?=\s{0,4}(?:"# + prefix + #")?(?<![\w$.])\1"# + end + #")[^\n]*"#
        let precheck = #"(?=\s{0,4}(?:"# + prefix + #")?(?<![\w$.])[A-Za-z_$])"#
        return .init(view, "(?:" + sink + ")" + checked + precheck + parameter + use)
    }

    /// Like `oneHop`, for values read at the top of a script and used in its functions (no function boundary).
    static func oneHopGlobal(_ sink: String, _ source: String, use: Use) -> [Rule.Pattern] {
        let assigned = #"\s{0,4}=(?![=>])\s{0,4}(?:new\s{1,3})?(?:"# + source + ")"
        let captured = #"\b([A-Za-z_$][\w$]{0,40})"# + assigned
        let skip = #"(?:\n[^\n]{0,300}){0,30}\n[^\n]{0,300}?\b[A-Za-z_$][\w$]{0,40}"# + assigned + #"[^\n]{0,300}"#
        return (0..<4).map { skipped in
            .init(
                .text,
                "(?:" + sink + ")(?=" + use(#"(?<![\w$.])[A-Za-z_$][\w$]*"#) + ")(?<=" + captured + #"[^\n]{0,300}"#
                    + String(repeating: skip, count: skipped)
                    + #"(?:\n[^\n]{0,300}){0,30})(?="# + use(variable) + #")[^\n]*"#)
        }
    }

    /// An HTML sink (`end` closes the value): the value is built with a non-constant part, is a member or a call
    /// (not a sanitizer), is the function's parameter, or is a variable assigned a non-constant above.
    static func domSink(_ sink: String, end: String) -> [Rule.Pattern] {
        let notSanitized = #"(?![^\n;]{0,300}?"# + sanitizerCall + #"|\s*\$sanitize\b)"#
        let value =
            #"\s*(?![A-Za-z_$][\w$]*"# + end + #")(?!(["'`])\s*\1"# + end
            + #")(?![\w$.]+\s*`)(?!`(?:[^`$\n]|\$(?!\{))*(?:`|\n))"# + notSanitized
            + #"(?=[A-Za-z_$(`"'])(?!["'][^\n]*["']"# + end + #")"#
        return [
            // built, member, call, interpolated template
            .init(.code, "(?:" + sink + ")(?=" + value + #")[^\n]*"#),
            .init(.code, "(?:" + sink + #")(?=\s*["'`][^\n;]{0,300}?"# + stringBuilding + #")[^\n]*"#),
            parameterUse(sink, end: end, check: notSanitized, view: .code),
            // a variable assigned a non-constant value above
            .init(
                .code,
                "(?:" + sink
                    + #")(?<=\b([A-Za-z_$][\w$]{0,40})\s{0,4}=(?![=>])\s{0,4}(?!["'`]\s{0,300}["'`]?\s{0,4};?\s{0,4}(?:\n|//))(?![^\n]{0,200}?"#
                    + sanitizerCall
                    + #"|\s{0,4}\$sanitize\b|[^\n]{0,200}?\.(?:innerHTML|outerHTML)\s{0,4};?\s{0,4}(?:\n|//))[^\s;][^\n]{0,300}"#
                    + functionLines(25) + #")(?=\s*\1"# + end + #")[^\n]*"#),
        ]
    }

    /// The right side of an assignment that builds SQL text from a non-constant part.
    static let sqlBuilding =
        #"(?:["'`]\s{0,4}(?i:select|insert|update|delete|create|drop|alter|replace|merge|with)\b[^\n;]{0,300}?"#
        + stringBuilding + ")"

    // MARK: - Node.js

    static let nodeRules: [Rule] = [
        Rule(
            id: "security.shell-exec-injection", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["exec"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:cp|childProcess|child_process|child|proc|childProc|subprocess|shell|shelljs)\.(?:exec|execSync)\s*\(|\brequire\s*\(\s*["']child_process["']\s*\)\.(?:exec|execSync)\s*\("#
                )
            ],
            requiresInFile: [.init(.text, #"child_process|shelljs|\bexeca\b"#)],
            conditions: [.dynamicArgument],
            message: "Shell command run with a value that is not a constant (command injection)",
            recommendation:
                "Run a fixed program with an argument array (`execFile('git', ['log', branch])`) and no shell; validate values against an allow list.",
            cwe: "CWE-78",
            examples: [
                .init("run.js", "const cp = require('child_process')\ncp.exec(`cat ${file} | wc -l`)", flagged: true),
                .init(
                    "run.js",
                    "const shell = require('shelljs')\nfunction f(userInput) {\n  shell.exec(userInput, { silent: true })\n}",
                    flagged: true),
                .init("run.js", "const cp = require('child_process')\ncp.exec('ls -la')", flagged: false),
                .init("run.js", "const cp = require('child_process')\ncp.spawn(cmd, ['log', branch])", flagged: false),
            ]),
        Rule(
            id: "security.child-process-dynamic-program", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["spawn", "execfile"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:cp|childProcess|child_process|child|proc|childProc|subprocess)\.(?:spawn|spawnSync|execFile|execFileSync)\s*\("#
                )
            ],
            requiresInFile: [.init(.text, #"child_process"#)],
            conditions: [.dynamicArgument],
            message: "Child process started with a program chosen at run time",
            recommendation: "Start a fixed program, or check the program name against an allow list before running it.",
            cwe: "CWE-78",
            examples: [
                .init(
                    "run.js",
                    "const cp = require('child_process')\nfunction f(userInput) {\n  cp.spawnSync(userInput)\n}",
                    flagged: true),
                .init(
                    "run.js", "const cp = require('child_process')\ncp.spawn('git', ['log', branch])", flagged: false),
            ]),
        Rule(
            id: "security.spawn-with-shell", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["spawn", "execfile", "cmd", "fork"],
            patterns: [
                .init(
                    .text,
                    #"\bspawn(?:Sync)?\s*\(\s*(?:(["'])(?:/bin/|/usr/bin/)?(?:ba|z|da|k|c)?sh\1\s*,\s*\[\s*(?:(["'])-c\2\s*,\s*)?(?![\s"'`\]])|[A-Za-z_$][\w$]*\s*,\s*\[\s*(["'])-c\3\s*,\s*(?![\s"'`]))"#
                ),
                .init(
                    .text,
                    #"\bspawn(?:Sync)?\s*\(\s*["']git["']\s*,\s*\[[^\]]{0,300}?["']clone["'][^\]]{0,300}?,\s*(?!["'`])[A-Za-z_$]"#
                ),
                .init(
                    .text, #"\bcmd\s*:\s*\[\s*(?:(?!["'`\s\]])|["'](?:ba|z)?sh["']\s*,\s*["']-c["']\s*,\s*(?!["'`\s]))"#
                ),
            ],
            requiresInFile: [.init(.text, #"child_process|\bDeno\.run\b|cross-spawn"#)],
            multiline: true,
            message: "Shell (`sh -c`) or git clone given values that are not constants",
            recommendation:
                "Call the program directly with `shell: false` (the default) and an argument array; never pass data to `sh -c`, and check URLs given to `git clone` (ext:: and file URLs run commands).",
            cwe: "CWE-78",
            examples: [
                .init(
                    "run.js",
                    "const cp = require('child_process')\nfunction f(userInput) {\n  cp.spawn('sh', ['-c', userInput])\n}",
                    flagged: true),
                .init(
                    "run.js", "const { spawn } = require('child_process')\nspawn('sh', ['-c', 'ls -la'])",
                    flagged: false),
                .init(
                    "run.js", "const { spawn } = require('child_process')\nspawn('ls', ['-la', '/tmp'])", flagged: false
                ),
            ]),
        Rule(
            id: "security.spawn-shell-option", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["shell"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:spawn|spawnSync|execFile|execFileSync)\s*\([^;]{0,400}?\bshell\s*:\s*(?:true\b|["'`])"#)
            ],
            requiresInFile: [.init(.text, #"child_process|cross-spawn"#)],
            multiline: true,
            message: "Process started through a shell (`shell: true`): arguments are parsed by the shell",
            recommendation:
                "Leave `shell` off so arguments reach the program unparsed; if a shell is needed, pass only constants.",
            cwe: "CWE-78",
            examples: [
                .init(
                    "run.js", "const { spawn } = require('child_process')\nspawn('ls', ['-lh', dir], { shell: true })",
                    flagged: true),
                .init(
                    "run.js",
                    "const { spawn } = require('child_process')\nspawn('ls', ['-lh', '/usr'], { shell: false })",
                    flagged: false),
            ]),
        Rule(
            id: "security.function-constructor", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["function(", "function (", ".eval"],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w$.])(?:new\s+)?Function\s*\(\s*(?:(["'])\s*\1\s*,\s*)*(?!(["'`])\s*\2\s*\))(?=[^)\n]*[A-Za-z_$`])"#
                ),
                .init(.code, #"\b(?:window|globalThis|self)\.eval\s*\("#),
            ],
            excludes: [.init(.code, #"^\s*(?:export\s+)?(?:async\s+)?function\b"#)],
            conditions: [.dynamicArgument],
            message: "Code built at run time from a value that is not a constant",
            recommendation:
                "Do not build functions from strings; dispatch through a table of functions, or parse data with JSON.parse.",
            cwe: "CWE-95",
            examples: [
                .init("calc.js", "var y = Function('a', 'b', event['code'])", flagged: true),
                .init("calc.js", "window.eval(`alert('${location.href}')`)", flagged: true),
                .init("calc.js", "const f = Function('return this')", flagged: false),
                .init("calc.js", "window.eval('alert')", flagged: false),
            ]),
        Rule(
            id: "security.sandbox-code-injection", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["run(", "vmscript", "safeeval"],
            patterns: [.init(.code, #"[\w$)\]]\.run\s*\(|\bnew\s+VMScript\s*\(|(?<![\w$.])safeEval\s*\("#)],
            requiresInFile: [.init(.text, #"["'](?:vm2|sandbox|notevil)["']"#)],
            conditions: [.dynamicArgument],
            message:
                "Code that is not a constant is run in a JavaScript sandbox (vm2, sandbox, notevil have known escapes)",
            recommendation:
                "Do not run user-influenced code in-process; these sandboxes have been escaped repeatedly. Parse data instead.",
            cwe: "CWE-94",
            examples: [
                .init(
                    "run.js",
                    "const Sandbox = require('sandbox')\nfunction f(userInput, cb) {\n  s.run(`lol(${userInput})`, cb)\n}",
                    flagged: true),
                .init("run.js", "const Sandbox = require('sandbox')\ns.run('lol(\"hi\")', cb)", flagged: false),
            ]),
        Rule(
            id: "security.headless-browser-injection", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["page.", "wkhtmlto", "context."],
            patterns: [
                .init(
                    .code,
                    #"\b(?:page|tab|frame|context)\.(?:goto|setContent|evaluate|evaluateOnNewDocument|evaluateHandle|addScriptTag|addInitScript|open|openUrl|evaluateJavaScript)\s*\((?!\s*(?:async\s+)?(?:function\b|\(?[\w$,\s]*\)?\s*=>))(?!\s*`\s*$)|\bwkhtmlto(?:pdf|image)(?:\.generate)?\s*\("#
                ),
                .init(.code, #"\bpage\.property\s*\(\s*(["'])\s*\1\s*,\s*(?=[^\n)]*[.(])"#),
                .init(.code, #"\.evaluate\s*\(\s*(?:async\s+)?\(?[\w$,\s]*\)?\s*=>[^,\n]*,\s*(?!["'`\d])[A-Za-z_$]"#),
            ],
            requiresInFile: [.init(.text, #"puppeteer|playwright|phantom|wkhtmlto"#)],
            conditions: [.dynamicArgument],
            message:
                "Headless browser given a URL, HTML or script that is not a constant (SSRF, local file read, code injection)",
            recommendation:
                "Load only URLs on an allow list and pass data to page scripts as arguments, not by building script or HTML text.",
            cwe: "CWE-918",
            examples: [
                .init(
                    "shot.js",
                    "const puppeteer = require('puppeteer')\nasync function f(userInput) {\n  await page.evaluate(`fetch(${userInput})`)\n}",
                    flagged: true),
                .init(
                    "shot.js",
                    "const puppeteer = require('puppeteer')\nasync function f(url) {\n  await page.goto(url)\n}",
                    flagged: true),
                .init(
                    "shot.js",
                    "const puppeteer = require('puppeteer')\nasync function f() {\n  await page.goto('https://example.com')\n  await page.evaluate(x => console.log(x), 5)\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.chrome-protocol-injection", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["runtime.", "page."],
            patterns: [
                .init(
                    .code,
                    #"\b(?:Runtime\.(?:compileScript|evaluate)|Page\.(?:navigate|printToPDF|setDocumentContent))\s*\(\s*\{[^}\n]*\b(?:expression|url|headerTemplate|footerTemplate|html)\s*:\s*+(?!(["'`])\s*\1\s*[,}])"#
                )
            ],
            requiresInFile: [.init(.text, "chrome-remote-interface")],
            message: "Chrome DevTools protocol call given script, HTML or a URL that is not a constant",
            recommendation:
                "Pass constant scripts and URLs on an allow list; send data as call arguments rather than building script text.",
            cwe: "CWE-94",
            examples: [
                .init(
                    "cdp.js",
                    "const CDP = require('chrome-remote-interface')\nawait Runtime.evaluate({expression: 'var x = 1;' + userInput})",
                    flagged: true),
                .init(
                    "cdp.js",
                    "const CDP = require('chrome-remote-interface')\nawait Page.navigate({url: 'https://github.com'})",
                    flagged: false),
            ]),
        Rule(
            id: "security.devtools-port-exposed", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["remote-debugging"],
            patterns: [.init(.text, #"--remote-debugging-(?:address|port)\b"#)],
            message: "Browser launched with the remote debugging endpoint open",
            recommendation:
                "Do not open the DevTools port outside local debugging; anyone who reaches it controls the browser and its files.",
            cwe: "CWE-489",
            examples: [
                .init(
                    "shot.js", "const browser = await puppeteer.launch({args: ['--remote-debugging-port=9222']})",
                    flagged: true),
                .init("shot.js", "const browser = await puppeteer.launch({args: ['--no-sandbox-x']})", flagged: false),
            ]),
        Rule(
            id: "security.xml-entity-expansion", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["noent", "tojson", "parser"],
            patterns: [
                .init(.text, #"\bnoent\s*:\s*true\b"#),
                .init(.code, #"\bxml2json\.toJson\s*\(|\b\w*[Pp]arser\.(?:parse|write)\s*\("#),
            ],
            requiresInFile: [.init(.text, #"libxml|["']xml2json["']|["']node-expat["']"#)],
            conditions: [.dynamicArgument],
            message: "XML parsed with external entities enabled, or with a parser that resolves them (XXE)",
            recommendation:
                "Keep entity expansion off (`noent: false`, the libxmljs default) and prefer a parser that does not resolve external entities.",
            cwe: "CWE-611",
            examples: [
                .init(
                    "xml.js", "var libxmljs = require('libxmljs')\nlibxmljs.parseXml(req.body, {noent: true})",
                    flagged: true),
                .init(
                    "xml.js",
                    "const xml2json = require('xml2json')\nfunction f(body) {\n  return xml2json.toJson(body)\n}",
                    flagged: true),
                .init(
                    "xml.js", "var libxmljs = require('libxmljs')\nlibxmljs.parseXml(data, {noent: false})",
                    flagged: false),
            ]),
        Rule(
            id: "security.xml-doctype-handler", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["sax"],
            patterns: [
                .init(
                    .text,
                    #"\brequire\s*\(\s*["']sax["']\s*\)(?=[\s\S]{0,800}?(?:\.ondoctype\s*=|\.on\s*\(\s*["']doctype["']))"#
                )
            ],
            multiline: true,
            message: "sax parser whose doctype handler processes the DOCTYPE (entity declarations from the document)",
            recommendation:
                "Do not expand or fetch anything named in a document's DOCTYPE; reject documents that declare one.",
            cwe: "CWE-611",
            examples: [
                .init(
                    "xml.js", "var sax = require(\"sax\")\nparser.ondoctype = function (dt) { processDocType(dt) }",
                    flagged: true),
                .init("xml.js", "var sax = require(\"sax\")\nparser.onopentag = function (node) { }", flagged: false),
            ]),
        Rule(
            id: "security.unsafe-js-deserialization", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["serialize"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:node_serialize|nodeSerialize|serialize|serialize_to_js|serializeToJs|serialijse|funcster|cryo)\.(?:unserialize|deserialize)\s*\(|\brequire\s*\(\s*["'](?:node-serialize|serialize-to-js)["']\s*\)\.(?:unserialize|deserialize)\s*\("#
                )
            ],
            conditions: [.dynamicArgument],
            message: "Object deserialized with a library that can run code from the data",
            recommendation:
                "Use JSON.parse for data; node-serialize and serialize-to-js evaluate functions embedded in the input.",
            cwe: "CWE-502",
            examples: [
                .init(
                    "load.js",
                    "var s = require('node-serialize')\nfunction f(req) {\n  node_serialize.unserialize(req.cookies.profile)\n}",
                    flagged: true),
                .init("load.js", "fake.unserialize(req.files)", flagged: false),
            ]),
        Rule(
            id: "security.deprecated-node-crypto", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["createcipher", "createdecipher", "pseudorandombytes"],
            patterns: [.init(.code, #"\bcreate(?:Cipher|Decipher)\s*\(|\bpseudoRandomBytes\b"#)],
            message:
                "Deprecated crypto API: createCipher/createDecipher derive the key without salt and use no IV; pseudoRandomBytes is not secure",
            recommendation:
                "Use createCipheriv/createDecipheriv with a key from a KDF (scrypt) and a random IV, and crypto.randomBytes for random data.",
            cwe: "CWE-327",
            examples: [
                .init("enc.js", "const cipher = crypto.createCipher('aes-256-cbc', password)", flagged: true),
                .init("enc.js", "const bytes = crypto.pseudoRandomBytes(16)", flagged: true),
                .init("enc.js", "const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)", flagged: false),
            ]),
        Rule(
            id: "security.aead-tag-not-checked", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["createdecipheriv"],
            patterns: [
                .init(
                    .text,
                    #"\bcreateDecipheriv\s*\(\s*(?:["'](?:aes-\d+-(?:gcm|ccm|ocb)|chacha20-poly1305)["']|[A-Za-z_$][\w$]*)[^\n]*\n(?:(?![^\n]*\.final\s*\()[^\n]*\n){0,15}?[ \t]*\}"#
                ),
                .init(.text, #"\bcreateDecipheriv\s*\(\s*["']aes-\d+-gcm["']\s*,[^,\n]+,[^,\n()]+\)"#),
            ],
            multiline: true,
            message:
                "Authenticated decryption whose tag is never checked (no final()) or whose tag length is not fixed",
            recommendation:
                "Call `decipher.final()` (it verifies the tag and throws on tampering) and pass `authTagLength` for GCM so short tags are rejected.",
            cwe: "CWE-347",
            examples: [
                .init(
                    "dec.js",
                    "function d(key, iv, data) {\n  const decipher = crypto.createDecipheriv('aes-128-gcm', key, iv);\n  return decipher.update(data);\n}",
                    flagged: true),
                .init(
                    "dec.js",
                    "function d(key, iv, data, tag) {\n  const decipher = crypto.createDecipheriv('aes-128-gcm', key, iv, {authTagLength: 16});\n  decipher.setAuthTag(tag);\n  return Buffer.concat([decipher.update(data), decipher.final()]);\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.weak-tls-options", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["secureprotocol", "minversion"],
            patterns: [
                .init(
                    .text,
                    #"(?m)^[^\n{]*\{(?=[^{}]*\bsecureProtocol\s*:\s*["']SSLv23_)(?![^{}]*SSL_OP_NO_TLSv1\b)(?![^{}]*\bminVersion\s*:\s*["']TLSv1\.[23]["'])[^{}]*\}"#
                ),
                .init(
                    .text,
                    #"\bminVersion\s*:\s*["']TLSv1(?:\.1)?["']|\bsecureProtocol\s*:\s*["'](?:SSLv[23]|TLSv1|TLSv1_1)_(?:client_|server_)?method["']"#
                ),
            ],
            multiline: true,
            message: "TLS options that still accept SSLv3, TLS 1.0 or TLS 1.1",
            recommendation:
                "Set `minVersion: 'TLSv1.2'` (or add SSL_OP_NO_TLSv1 and SSL_OP_NO_TLSv1_1 to secureOptions).",
            cwe: "CWE-326",
            examples: [
                .init(
                    "server.js",
                    "https.createServer({\n  secureProtocol: 'SSLv23_server_method',\n  secureOptions: constants.SSL_OP_NO_SSLv3\n}, app)",
                    flagged: true),
                .init("db.js", "ssl: {\n  minVersion: 'TLSv1.1'\n}", flagged: true),
                .init(
                    "server.js",
                    "https.createServer({\n  secureProtocol: 'SSLv23_server_method',\n  secureOptions: constants.SSL_OP_NO_SSLv3 | constants.SSL_OP_NO_TLSv1\n}, app)",
                    flagged: false),
            ]),
        Rule(
            id: "security.cleartext-transport", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["http://", "ws://", "createinsecure", "secure"],
            patterns: [
                .init(
                    .text,
                    #"(?<![\w$.])(?:fetch|axios(?:\.\w+)?|got(?:\.\w+)*|request(?:\.\w+)?|needle(?:\.\w+)?|superagent\.\w+|http\.(?:get|request)|client\.(?:get|post|put|patch|delete)|\$\.(?:get|post|ajax|getJSON))\s*\(\s*["'`]http://"#
                        + notLocal
                ),
                .init(
                    .text,
                    #"(?<!https://[^\n]{0,200})\burl\s*:\s*["'`]http://"# + notLocal + #"(?![^\n]*https://)"#
                        + #"(?<=\b(?:axios|request|got|fetch|needle)\s{0,2}\(\s{0,2}\{[^}]{0,300})"#),
                .init(.text, #"(?<!wss://[^\n]{0,200})["'`]ws://"# + notLocal + #"(?![^\n]*wss://)"#),
                .init(.code, #"\bcreateInsecure\s*\(\s*\)"#),
                .init(
                    .text,
                    #"\.connect\s*\(\s*\{[^{}]*\bsecure\s*:\s*(?!true\b)(?<=require\s{0,2}\(\s{0,2}["']ftp["'][\s\S]{0,2000})"#
                ),
            ]
                + constantHop(
                    #"\b(?:fetch|axios(?:\.\w+)?|got|request(?:\.\w+)?)\s*\("#, use: start(),
                    value: #"["'`]http://"# + notLocal + #"[^"'`\n]{0,200}["'`]"#, view: .text),
            requiresInFile: [.init(.text, #"http://|ws://|\bcreateInsecure\b|["']ftp["']"#)],
            multiline: true,
            message: "Data sent over an unencrypted connection (http://, ws://, insecure gRPC or FTP)",
            recommendation:
                "Use https://, wss://, TLS credentials for gRPC (`credentials.createSsl`) and FTPS (`secure: true`).",
            cwe: "CWE-319",
            examples: [
                .init("api.js", "axios.get('http://api.example.com/users')", flagged: true),
                .init("api.js", "var ws = new WebSocket('ws://chat.example.com')", flagged: true),
                .init("api.js", "axios.get('https://api.example.com/users')", flagged: false),
                .init("api.js", "fetch('http://localhost:3000/health')", flagged: false),
            ]),
        Rule(
            id: "security.tls-verification-disabled-env", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["node_tls_reject_unauthorized"],
            patterns: [.init(.text, #"\bNODE_TLS_REJECT_UNAUTHORIZED\b["'`]?\s*\]?\s*=\s*["'`]?0\b"#)],
            message: "TLS certificate checks turned off for the whole process (NODE_TLS_REJECT_UNAUTHORIZED=0)",
            recommendation:
                "Remove the override; to trust a private CA, set NODE_EXTRA_CA_CERTS or pass `ca` to the client.",
            cwe: "CWE-295",
            examples: [
                .init("client.js", "process.env[\"NODE_TLS_REJECT_UNAUTHORIZED\"] = 0;", flagged: true),
                .init("client.js", "delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;", flagged: false),
            ]),
        Rule(
            id: "security.graphql-ssrf", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["axios", "fetch", "got"],
            patterns: [
                .init(.code, #"(?<![\w$.])(?:axios(?:\.(?:get|post|put|patch|delete|head|request))?|fetch|got)\s*\("#)
            ],
            requiresInFile: [.init(.code, #"\(\s*(?:parent|_parent|root|_root|obj|_obj|source|_)\s*,\s*args\s*,"#)],
            conditions: [.dynamicArgument],
            message: "GraphQL resolver requests a URL that is not a constant (server-side request forgery)",
            recommendation:
                "Fix the host in code or check resolver arguments against an allow list before requesting them.",
            cwe: "CWE-918",
            examples: [
                .init(
                    "resolvers.js",
                    "const r = { Query: { status(parent, args, context) {\n  return axios.request(args.url)\n} } }",
                    flagged: true),
                .init(
                    "resolvers.js",
                    "const r = { Query: { status(parent, args, context) {\n  return axios.get('https://status.example.com')\n} } }",
                    flagged: false),
            ]),
        Rule(
            id: "security.incomplete-sanitization", category: .security, severity: .low, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["replace"],
            patterns: [.init(.text, #"\.replace\s*\(\s*(["'])(?:[<>"'&]|\\t|\\'|\\")\1\s*,"#)],
            message: "String.replace with a string pattern replaces only the first occurrence",
            recommendation: "Use a global regular expression (`/</g`) or `replaceAll`, or better an escaping library.",
            cwe: "CWE-116",
            examples: [
                .init("esc.js", "return s.replace(\"'\", \"''\");", flagged: true),
                .init("esc.js", "return html.replace('<', '&lt;')", flagged: true),
                .init("esc.js", "return s.replace(/'/g, \"''\");", flagged: false),
                .init("esc.js", "return s.replace('foo', 'bar');", flagged: false),
            ]),
        Rule(
            id: "security.buffer-noassert", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["true"],
            patterns: [
                .init(
                    .code,
                    #"\.(?:read|write)(?:U?Int(?:8|16|32)|Float|Double|BigU?Int64|U?IntLE|U?IntBE)(?:LE|BE)?\s*\([^)\n]*,\s*true\s*\)"#
                )
            ],
            message: "Buffer read or write with noAssert: offsets are not checked",
            recommendation:
                "Drop the noAssert argument so out-of-range offsets throw instead of reading or writing outside the buffer.",
            cwe: "CWE-119",
            examples: [
                .init("buf.js", "a.readUInt8(0, true)", flagged: true),
                .init("buf.js", "a.readUInt8(0)", flagged: false),
            ]),
        Rule(
            id: "security.dynamic-global-call", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["window[", "globalthis["],
            patterns: [
                .init(
                    .code, #"\b(?:window|globalThis)\s*\[\s*[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]\n]*\])+\s*\]"#)
            ],
            message: "Global function or property chosen by a value that is not a constant",
            recommendation:
                "Dispatch through an object of allowed handlers and check the name with `Object.hasOwn` first.",
            cwe: "CWE-470",
            examples: [
                .init("msg.js", "window[message.name](message.payload);", flagged: true),
                .init("msg.js", "window['foo'](data);", flagged: false),
            ]),
        Rule(
            id: "security.prototype-pollution-loop", category: .security, severity: .low, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["["],
            patterns: [
                .init(
                    .code,
                    #"\b([A-Za-z_$][\w$]*)\s*=\s*\1\s*\[\s*(?!\d|i\b|j\b|k\b|n\b|idx\b|index\b)[A-Za-z_$][\w$]*\s*\]"#)
            ],
            conditions: [.insideLoop],
            message: "Object walked by keys in a loop: a `__proto__` or `constructor` key reaches Object.prototype",
            recommendation:
                "Skip `__proto__`, `constructor` and `prototype` keys (or use `Object.hasOwn` checks / Map) when walking paths from input.",
            cwe: "CWE-1321",
            examples: [
                .init("set.js", "for (const key of path) {\n  obj = obj[key] || (obj[key] = {});\n}", flagged: true),
                .init("set.js", "for (let i = 0; i < n; i++) {\n  config = config[i];\n}", flagged: false),
            ]),
        Rule(
            id: "security.redos", category: .security, severity: .medium, languages: js, excludedPaths: Rule.testPaths,
            keywords: [")+", ")*", "){"],
            patterns: [
                .init(
                    .text,
                    #"(?:\bRegExp\s*\(\s*["'/]|(?<![\w$)\]\s])\s*/(?![/*]))[^/"'\n]{0,200}?\((?:\?:)?"# + quantifiedAtom
                        + #"(?:(?:\[(?:[^\]\\\n]|\\.){1,60}\]|\\.|[^()\\|\n])[?*])*\)[+*{]"#)
            ],
            message: "Regular expression with nested quantifiers: some inputs take exponential time (ReDoS)",
            recommendation:
                "Rewrite the pattern without a quantified group that itself ends in a quantifier (`(a+)+`), or bound the input length.",
            cwe: "CWE-1333",
            examples: [
                .init("re.js", "const re = new RegExp(\"([a-z]+)+$\", \"i\");", flagged: true),
                .init("re.js", "var r = /^(\\w+)*@x$/", flagged: true),
                .init("re.js", "var c = /([a-z])/", flagged: false),
                .init("re.js", "var d = /^(?:;[a-z]+)*$/", flagged: false),
                .init("re.js", "var e = /^(.*\\n)*?---$/", flagged: false),
                .init("re.js", "var f = /^(\\w+\\s?)*$/", flagged: true),
            ]),
        Rule(
            id: "security.cdk-insecure-resource", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["bucket", "queue", "badge"],
            patterns: [
                .init(
                    .code,
                    #"\bnew\s+(?:[\w$]+\.)?Bucket\s*\(\s*this\s*,\s*(["'`])[^"'`\n]*\1\s*(?:\)|,\s*\{(?=[^{}]*\benforceSSL\s*:\s*false)[^{}]*\})"#
                ),
                .init(.code, #"\b(?:BucketEncryption|QueueEncryption)\.(?:UNENCRYPTED|UNMANAGED)\b"#),
                .init(.code, #"\bbadge\s*:\s*true\b"#),
                .init(.code, #"\.grantPublicAccess\s*\("#),
            ],
            requiresInFile: [.init(.text, #"aws-cdk"#)],
            multiline: true,
            message:
                "AWS CDK resource left open: bucket without enforceSSL, encryption turned off, public access or a public build badge",
            recommendation:
                "Set `enforceSSL: true` and an encryption mode on buckets, keep queues encrypted, and do not grant public read access.",
            cwe: "CWE-311",
            examples: [
                .init(
                    "stack.ts", "import * as s3 from '@aws-cdk/aws-s3';\nconst b = new s3.Bucket(this, 'bucket')",
                    flagged: true),
                .init(
                    "stack.ts",
                    "import * as s3 from '@aws-cdk/aws-s3';\nconst b = new s3.Bucket(this, 'bucket', {\n  enforceSSL: true\n})",
                    flagged: false),
            ]),
    ]

    /// Not a local or private address (after `http://`).
    static let notLocal = #"(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])"#

    /// A character class, escape or character followed by + or * (the start of an ambiguous repetition).
    static let quantifiedAtom = #"(?:\[(?:[^\]\\\n]|\\.){1,60}\]|\\\\?[wdsSWD.]|[\w.])[+*]"#

    /// A variable assigned a constant (`value`, on its own line) a few lines up is used in the sink.
    static func constantHop(
        _ sink: String, use: Use, value: String = #"["'`]\s{1,200}["'`]"#, view: Rule.View = .code, lines: Int = 40
    ) -> [Rule.Pattern] {
        let assigned = #"\s{0,4}(?::\s{0,2}\w{1,20}\s{0,2})?=\s{0,4}(?:"# + value + #")\s{0,4};?\s{0,4}(?=\n|//)"#
        let captured = #"\b([A-Za-z_$][\w$]{0,40})"# + assigned
        let other = #"\b[A-Za-z_$][\w$]{0,40}"# + assigned
        let skip = "(?:\\n[^\\n]{0,300}){0,\(lines)}\\n[^\\n]{0,300}?" + other + #"[^\n]{0,300}"#
        return (0..<3).map { skipped in
            .init(
                view,
                "(?:" + sink + ")(?=" + use(#"(?<![\w$.])[A-Za-z_$][\w$]*"#) + ")(?<=" + captured + #"[^\n]{0,300}"#
                    + String(repeating: skip, count: skipped) + "(?:\\n[^\\n]{0,300}){0,\(lines)})(?="
                    + use(#"(?:this\.)?(?<![\w$])\1\b"#) + #")[^\n]*"#)
        }
    }

    // MARK: - Secrets and tokens

    static let secretRules: [Rule] = [
        Rule(
            id: "security.jwt-secret-in-code", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["sign", "verify", "encode", "decode"],
            patterns: [
                .init(.code, jwtCall + #"(?=\s*[^,\n]{1,200},\s*(?:JWK\.asKey\(\s*)?(["'`])\s)[^\n]*"#)
            ]
                + constantHop(
                    jwtCall, use: { #"\s*[^,\n]{1,200},\s*(?:JWK\.asKey\(\s*)?"# + $0 },
                    value: #"(?:JWK\.asKey\(\s{0,4})?["'`]\s{1,200}["'`]\)?"#),
            requiresInFile: [.init(.text, #"jsonwebtoken|["']jose["']|jwt-simple|njwt|["']jws["']"#)],
            multiline: true,
            message: "JWT signed or verified with a secret written in the code",
            recommendation:
                "Load the signing key from the environment or a secret manager, and rotate the one committed here.",
            cwe: "CWE-798",
            examples: [
                .init(
                    "auth.js", "const jwt = require('jsonwebtoken')\nconst token = jwt.sign(payload, 'some-secret')",
                    flagged: true),
                .init(
                    "auth.js",
                    "const jwt = require('jsonwebtoken')\nconst secret = 'shhhhh'\nconst token = jwt.sign(payload, secret)",
                    flagged: true),
                .init(
                    "auth.js",
                    "const jwt = require('jsonwebtoken')\nconst token = jwt.sign(payload, process.env.SECRET)",
                    flagged: false),
            ]),
        Rule(
            id: "security.session-secret-in-code", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["secret"],
            patterns: [
                .init(.code, #"\b(?:secret|clientSecret|secretOrKey|secretOrPrivateKey)\s*:\s*(["'`])\s[^\n]*"#),
                .init(.code, #"\.(?:clientSecret|secretOrKey|secretOrPrivateKey)\s*=\s*(["'`])\s[^\n]*"#),
            ] + constantHop(#"\b(?:secret|clientSecret|secretOrKey|secretOrPrivateKey)\s*:\s*"#, use: start()),
            requiresInFile: [
                .init(.text, #"express-session|cookie-session|express-jwt|koa-session|passport|jsonwebtoken"#)
            ],
            multiline: true,
            message: "Session, JWT or OAuth secret written in the code",
            recommendation:
                "Read the secret from the environment or a secret manager (and rotate the committed value).",
            cwe: "CWE-798",
            examples: [
                .init(
                    "app.js",
                    "import session from 'express-session'\napp.use(session({\n  secret: 'keyboard cat',\n}))",
                    flagged: true),
                .init(
                    "app.js",
                    "import session from 'express-session'\napp.use(session({\n  secret: process.env.SESSION_SECRET,\n}))",
                    flagged: false),
            ]),
        Rule(
            id: "security.hmac-key-in-code", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["createhmac"],
            patterns: [.init(.code, #"\bcreateHmac\s*\(\s*[^,\n]{1,40},\s*(["'`])\s[^\n]*"#)]
                + constantHop(#"\bcreateHmac\s*\(\s*[^,\n]{1,40},\s*"#, use: start()),
            multiline: true,
            message: "HMAC key written in the code",
            recommendation: "Load the key from the environment or a secret manager.",
            cwe: "CWE-798",
            examples: [
                .init("sig.js", "crypto.createHmac('sha256', 'pa4qacea4VK9t9nGv7yZ').update(data)", flagged: true),
                .init("sig.js", "crypto.createHmac('sha256', key).update(data)", flagged: false),
            ]),
        Rule(
            id: "security.jwt-insecure-verification", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["none", "decode"],
            patterns: [
                .init(
                    .text, #"\balgorithms\s*:\s*\[[^\]\n]*["']none["']|\bJWK\.None\b|\balgorithm\s*:\s*["']none["']"#),
                // jwt-simple: a third argument that is true skips verification
                .init(
                    .text,
                    #"\bjwt\.decode\s*\(\s*[^,()\n]+,\s*[^,()\n]+,\s*+(?!false\b|null\b|undefined\b|0\b|\))(?<=jwt-simple[\s\S]{0,5000})"#
                ),
            ],
            multiline: true,
            message: "JWT accepted without a valid signature check (`none` algorithm, or verification turned off)",
            recommendation:
                "List only the algorithms you issue (`algorithms: ['RS256']`) and always verify the signature.",
            cwe: "CWE-347",
            examples: [
                .init("auth.js", "jwt.verify(token, secret, { algorithms: ['RS256', 'none'] })", flagged: true),
                .init("auth.js", "jwt.verify(token, secret, { algorithms: ['RS256'] })", flagged: false),
            ]),
        Rule(
            id: "security.jwt-decode-without-verify", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["decode"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:jwt|jsonwebtoken|jsonwt)\.decode\s*\((?<!\.verify\s{0,2}\([^\n]{0,300}(?:\n[^\n]{0,300}){0,6})(?![^\n]*\n(?:[^\n]*\n){0,3}?[^\n]*\.verify\s*\()"#
                )
            ],
            requiresInFile: [.init(.text, "jsonwebtoken")],
            multiline: true,
            message: "JWT decoded and used without verifying its signature",
            recommendation: "Use `jwt.verify(token, key)`; `decode` only parses the token and trusts whatever it says.",
            cwe: "CWE-347",
            examples: [
                .init(
                    "auth.js",
                    "const jwt = require('jsonwebtoken');\nfunction f(token) {\n  const { jti } = jwt.decode(token);\n}",
                    flagged: true),
                .init(
                    "auth.js",
                    "const jwt = require('jsonwebtoken');\nfunction f(token, key) {\n  jwt.verify(token, key);\n  const { jti } = jwt.decode(token);\n}",
                    flagged: false),
            ]),
    ]

    /// A JWT library's sign/verify call.
    static let jwtCall = #"\b(?:jwt|jsonwebtoken|jsonwt|\$jwt|JWT|jose\.JWT|njwt|jws)\.(?:sign|verify)\s*\("#

    // MARK: - Frameworks and configuration

    static let frameworkRules: [Rule] = [
        Rule(
            id: "security.angular-trust-bypass", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["$sce.trustas", "bypasssecuritytrust"],
            patterns: [
                .init(
                    .code,
                    #"\$sce\.trustAs(?:Html|Js|Css|Url|ResourceUrl)?\s*\(|\bbypassSecurityTrust(?:Html|Style|Script|Url|ResourceUrl)\s*\("#
                )
            ],
            excludes: [.init(.code, #"(?i)sanitize\s*\("#)],
            conditions: [.dynamicArgument],
            message: "Angular's sanitization bypassed for a value that is not a constant",
            recommendation:
                "Let Angular sanitize the value (bind it normally, or use DomSanitizer.sanitize) and bypass trust only for constants you wrote.",
            cwe: "CWE-79",
            examples: [
                .init("app.ts", "let html = this.sanitizer.bypassSecurityTrustHtml(value);", flagged: true),
                .init("app.js", "$scope.trusted = $sce.trustAsHtml($scope.html);", flagged: true),
                .init("app.ts", "let html = this.sanitizer.bypassSecurityTrustHtml(\"<b>x</b>\");", flagged: false),
                .init(
                    "app.ts", "let html = this.sanitizer.bypassSecurityTrustHtml(DOMPurify.sanitize(value));",
                    flagged: false),
            ]),
        Rule(
            id: "security.angular-sce-weakened", category: .security, severity: .high, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["$sceprovider", "resourceurl"],
            patterns: [
                .init(.code, #"\$sceProvider\.enabled\s*\(\s*false\s*\)"#),
                .init(.text, #"\bresourceUrl(?:Whitelist|Allowlist)\s*\(\s*\[[^\]\n]*["'](?:\*\*["']|[a-z]+://\*\*)"#),
            ],
            message: "AngularJS strict contextual escaping turned off, or resources allowed from any origin",
            recommendation:
                "Keep $sce enabled and list the exact origins allowed to serve templates and scripts (no `**` host wildcards).",
            cwe: "CWE-79",
            examples: [
                .init("app.js", "$sceProvider.enabled(false);", flagged: true),
                .init("app.js", "$sceDelegateProvider.resourceUrlWhitelist(['http://**.example.com']);", flagged: true),
                .init(
                    "app.js", "$sceDelegateProvider.resourceUrlWhitelist(['https://example.com/**']);", flagged: false),
            ]),
        Rule(
            id: "security.postmessage-wildcard-origin", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["postmessage"],
            patterns: [.init(.text, #"\.postMessage\s*\([^\n]*,\s*["']\*["']\s*[,)]"#)],
            message: "postMessage sent to any origin (`*`)",
            recommendation: "Pass the exact origin of the receiving window as the target origin.",
            cwe: "CWE-345",
            examples: [
                .init("page.js", "popup.postMessage(data, '*');", flagged: true),
                .init("page.js", "popup.postMessage(data, 'https://app.example.com');", flagged: false),
            ]),
        Rule(
            id: "security.message-origin-not-checked", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["message"],
            patterns: [
                .init(
                    .code,
                    #"\baddEventListener\s*\(\s*(["'])\s{7}\1\s*,\s*(?:async\s+)?(?:function\b[^{\n]{0,80}|\(?[\w$,\s]{0,40}\)?\s*=>\s*)\{(?:(?!\.origin\b)[^}]){0,1500}\}"#
                ),
                .init(
                    .code,
                    #"\baddEventListener\s*\(\s*(["'])\s{7}\1\s*,\s*(?<=(?:\bfunction\s{1,3}([A-Za-z_$][\w$]{0,40})\s{0,2}\([^)\n]{0,60}\)|\b([A-Za-z_$][\w$]{0,40})\s{0,4}=\s{0,4}(?:async\s{1,3})?\(?[\w$,\s]{0,40}\)?\s{0,4}=>)\s{0,4}\{(?:(?!\.origin\b)[^}]){0,800}\}[\s\S]{0,1500})(?=(?:\2|\3)\s*[,)])"#
                ),
            ],
            excludes: [.init(.text, #"addEventListener\s*\(\s*["'](?!message["'])"#)],
            multiline: true,
            message: "Message event handled without checking the sender's origin",
            recommendation: "Check `event.origin` against the expected origin before using `event.data`.",
            cwe: "CWE-345",
            examples: [
                .init(
                    "page.js", "window.addEventListener('message', (evt) => {\n  render(evt.data);\n});", flagged: true),
                .init(
                    "page.js",
                    "window.addEventListener('message', (evt) => {\n  if (evt.origin !== 'https://app.example.com') return;\n  render(evt.data);\n});",
                    flagged: false),
            ]),
        Rule(
            id: "security.markup-escaping-disabled", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: [".escape", "escapemarkup", "autoescape", "noescape", "reactmarkdown", "unsafe", "supporthtml"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:Mustache|mustache|template|Handlebars)\.escape\s*=\s*(?:function\b|\(?[\w$,\s]*\)?\s*=>)"#),
                .init(.code, #"\.escapeMarkup\s*=\s*false\b|\bautoescape\s*:\s*false\b|\bnoEscape\s*:\s*true\b"#),
                .init(
                    .text,
                    #"<ReactMarkdown\b[^>\n]*(?:\ballowDangerousHtml\b(?!\s*=\s*\{\s*false)|\bescapeHtml\s*=\s*\{\s*false\s*\})"#
                ),
                .init(.code, #"\bserialize\s*\([^\n]*\bunsafe\s*:\s*true\b"#),
                .init(.code, #"\bsupportHtml\s*:\s*true\b"#),
            ],
            message: "HTML escaping turned off for rendered values",
            recommendation: "Keep the library's escaping on; render trusted markup only through a sanitizer.",
            cwe: "CWE-79",
            examples: [
                .init("view.js", "Mustache.escape = function(val) { return val; }", flagged: true),
                .init("View.jsx", "return <ReactMarkdown escapeHtml={false} children={markdown} />;", flagged: true),
                .init("view.js", "const result = serialize({foo: input}, {unsafe: true, space: 2})", flagged: true),
                .init("View.jsx", "return <ReactMarkdown escapeHtml={true} children={markdown} />;", flagged: false),
            ]),
        Rule(
            id: "security.html-string-injection", category: .security, severity: .low, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["${", "<script", "</script", "createnodesfrommarkup"],
            patterns: [
                .init(.text, #"`[^`\n]*(?:(?<!\?)<[A-Za-z][\w-]*\b[^`\n]*\$\{|\$\{[^`\n]*</[A-Za-z])"#),
                .init(
                    .text,
                    #"["'][^"'\n]*<script\b[^"'\n]*["']\s*\+\s*[A-Za-z_$]|[A-Za-z_$][\w$.)\]]*\s*\+\s*["'][^"'\n]*</script"#
                ),
                .init(.code, #"\bcreateNodesFromMarkup\s*\("#),
            ],
            excludes: [
                .init(
                    .code, #"\b(?:console|logger|log)\.\w+\s*\(|\b(?:html|svg|css|sql|gql|graphql)\s*`|\bRegExp\s*\("#),
                .init(.code, #"\$\{\s*"# + sanitizerCall),
            ],
            conditions: [.dynamicArgument],
            message: "HTML markup built by string interpolation (values are not escaped)",
            recommendation: "Build markup with a template engine or DOM APIs that escape values, or escape each value.",
            cwe: "CWE-79",
            examples: [
                .init("view.js", "let b = `<h1>hello ${planet}</h1>`;", flagged: true),
                .init("view.js", "let a = `hello ${planet}`;", flagged: false),
            ]),
        Rule(
            id: "security.jwt-in-local-storage", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["localstorage"],
            patterns: [.init(.code, #"\blocalStorage\.setItem\s*\([^\n]*(?i:token|jwt|decoded)"#)],
            message: "Token stored in localStorage, readable by any script on the page",
            recommendation:
                "Keep session tokens in HttpOnly, Secure cookies so that injected scripts cannot read them.",
            cwe: "CWE-922",
            examples: [
                .init("auth.js", "localStorage.setItem(TOKEN_PARAM, token);", flagged: true),
                .init("auth.js", "localStorage.setItem('theme', theme);", flagged: false),
            ]),
        Rule(
            id: "security.intercom-without-identity-verification", category: .security, severity: .medium,
            languages: js, excludedPaths: Rule.testPaths,
            keywords: ["intercom"],
            patterns: [
                .init(
                    .code,
                    #"(?:\bintercomSettings\s*=|\bIntercom\s*\(\s*(["'])\s{4}\1\s*,|\b[\w$]+\s*=)\s*\{(?=[^{}]*\bapp_id\b)(?=[^{}]*\b(?:user_id|email)\s*:)(?![^{}]*\buser_hash\b)[^{}]*\}"#
                )
            ],
            requiresInFile: [.init(.code, #"\bIntercom\b|\bintercomSettings\b"#)],
            multiline: true,
            message: "Intercom user identified by id or email without a user_hash (identity verification)",
            recommendation:
                "Compute user_hash (HMAC of the user id) on the server and pass it, and turn on identity verification in Intercom.",
            cwe: "CWE-287",
            examples: [
                .init(
                    "chat.js", "window.intercomSettings = {\n  app_id: appId,\n  email: myUserEmail,\n};", flagged: true
                ),
                .init(
                    "chat.js",
                    "window.intercomSettings = {\n  app_id: appId,\n  email: myUserEmail,\n  user_hash: hash,\n};",
                    flagged: false),
            ]),
        Rule(
            id: "security.cors-any-origin", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["cors", "access-control-allow-origin"],
            patterns: [
                .init(
                    .text,
                    #"\bNestFactory\.create\s*\([^;]{0,200}?\bcors\s*:\s*(?:true\b|\{[^}]*\borigin\s*:\s*(?:["']\*["']|true\b))"#
                ),
                .init(.text, #"\.enableCors\s*\(\s*(?:\)|\{[^}]*\borigin\s*:\s*(?:["']\*["']|true\b))"#),
                .init(
                    .text,
                    #"@Controller\s*\([^)]*\)(?=(?:(?!@Controller\b)[\s\S]){0,800}?@Header\s*\(\s*["'](?i:access-control-allow-origin)["']\s*,\s*["']\*["'])"#
                ),
                .init(.text, #"@Header\s*\(\s*["'](?i:access-control-allow-origin)["']\s*,\s*["']\*["']"#),
            ],
            multiline: true,
            message: "CORS allows every origin",
            recommendation:
                "List the origins allowed to call the API (`enableCors({ origin: ['https://app.example.com'] })`).",
            cwe: "CWE-942",
            examples: [
                .init("main.ts", "const app = await NestFactory.create(AppModule, {cors: true});", flagged: true),
                .init("main.ts", "app.enableCors();", flagged: true),
                .init("main.ts", "app.enableCors({origin: 'https://app.example.com'});", flagged: false),
            ]),
        Rule(
            id: "security.cors-origin-regex-unescaped", category: .security, severity: .medium, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["\\/\\/"],
            patterns: [
                .init(
                    .raw,
                    #"/\^\(?(?:https?|\(https?\|https?\)|http\|https)\)?:\\/\\/[^/\n]*?(?<!\\)\.[A-Za-z][^/\n]*\$/"#)
            ],
            requiresInFile: [.init(.raw, #"(?i)cors|origin"#)],
            message: "Origin pattern with an unescaped dot: `.` matches any character, so look-alike hosts pass",
            recommendation: "Escape the dots in host names (`www\\.example\\.com`).",
            cwe: "CWE-942",
            examples: [
                .init("cors.ts", "const corsOrigin = /^(http|https):\\/\\/www.foo.com$/;", flagged: true),
                .init("cors.ts", "const corsOrigin = /^(http|https):\\/\\/www\\.foo\\.com$/;", flagged: false),
            ]),
        Rule(
            id: "security.insecure-library-option", category: .security, severity: .low, languages: js,
            excludedPaths: Rule.testPaths,
            keywords: ["allerrors", "multiargs", "argon2", "serveindex", "tofastproperties"],
            patterns: [
                .init(.code, #"\ballErrors\s*:\s*true\b"#),
                .init(.code, #"\bmultiArgs\s*:\s*\["#),
                .init(.code, #"\btype\s*:\s*argon2\.argon2[id]\b"#),
                .init(.code, #"\bserveIndex\s*\("#),
            ],
            message:
                "Library option with a known security cost (ajv allErrors DoS, thenify multiArgs code execution, argon2i/argon2d, directory listing)",
            recommendation:
                "Use the safe setting: ajv without allErrors on untrusted input, thenify without multiArgs arrays, argon2id, no serve-index in production.",
            cwe: "CWE-1188",
            examples: [
                .init("valid.js", "var ajv = new Ajv({ allErrors: true });", flagged: true),
                .init("hash.js", "const opts = { type: argon2.argon2i }", flagged: true),
                .init("hash.js", "const opts = { type: argon2.argon2id }", flagged: false),
            ]),
    ]
}
