/// The quality agent's built-in rules.
enum QualityRules {
    /// A statement that leaves the block (one of `keywords`), blank lines, and a line at the same indentation
    /// that is not the next branch or the block's end: the dead line is the `at` group.
    static func deadAfter(_ keywords: String) -> String {
        #"(?m)^([ \t]*)(?:"# + keywords
            + #")\b[^\n]*[\w)\]"'`;][ \t]*\n(?:[ \t]*\n)*\1(?<at>(?![ \t])(?!\}|\)|\]|case\b|default\b|else\b|elif\b|except\b|finally\b|catch\b|#|//|/\*|@unknown\b|end\b)\S)"#
    }

    static let braceLanguages: Set<Language> = [.swift, .javascript, .typescript, .java, .kotlin, .csharp, .php, .cpp]

    static let all: [Rule] = [
        Rule(
            id: "quality.empty-catch", category: .quality, severity: .medium,
            languages: braceLanguages.union([.go, .ruby]),
            keywords: ["catch", "err", "rescue"],
            patterns: [
                .init(.code, #"(?<!\.)\bcatch\b[^{};]*\{\s*\}"#, languages: braceLanguages),
                .init(.code, #"\bif\s+([^{};]*;\s*)?err\s*!=\s*nil\s*\{\s*\}"#, languages: [.go]),
                .init(.code, #"\brescue\b[^\n]*\n\s*end\b"#, languages: [.ruby]),
            ],
            excludes: [.init(.raw, #"//|/\*|#"#)],
            multiline: true,
            message: "Error caught and silently ignored",
            recommendation:
                "Handle the error, log it with context, or let it propagate; if ignoring it is right, say why in a comment inside the block.",
            cwe: "CWE-390",
            examples: [
                .init("load.js", "try {\n  load();\n} catch (e) {}", flagged: true),
                .init("Load.java", "try {\n    load();\n} catch (IOException e) {\n}", flagged: true),
                .init("Load.swift", "do {\n    try load()\n} catch {\n}", flagged: true),
                .init("load.go", "if err != nil {\n}", flagged: true),
                .init(
                    "load.js", "try {\n  load();\n} catch (e) {\n  logger.warn('load failed', e);\n}", flagged: false),
                .init(
                    "load.js", "try {\n  load();\n} catch (e) {\n  // optional file: absence is fine\n}", flagged: false
                ),
                .init("load.js", "await unlink(tmp).catch(() => {});", flagged: false),
            ]),
        Rule(
            id: "quality.swallowed-exception", category: .quality, severity: .low, languages: [.python],
            keywords: ["except"],
            patterns: [
                .init(
                    .code, #"\bexcept\s*\(?\s*(Exception|BaseException)\s*\)?\s*(as\s+\w+\s*)?:[ \t]*(\n[ \t]*)*pass\b"#
                )
            ],
            excludes: [.init(.raw, #"\n[ \t]*#"#)],
            multiline: true,
            message: "Every exception caught and silently ignored with `pass`",
            recommendation:
                "Handle or log the exception, or use contextlib.suppress(SpecificError) with a comment saying why it is safe to ignore.",
            cwe: "CWE-390",
            examples: [
                .init("job.py", "try:\n    run()\nexcept Exception:\n    pass", flagged: true),
                .init("job.py", "try:\n    import ujson as json\nexcept ImportError:\n    pass", flagged: false),
                .init("job.py", "try:\n    os.remove(tmp)\nexcept OSError:\n    pass", flagged: false),
                .init(
                    "job.py", "try:\n    warm_cache()\nexcept Exception:\n    # the cache is optional\n    pass",
                    flagged: false),
                .init(
                    "job.py", "try:\n    run()\nexcept Exception:\n    log.exception(\"run failed\")", flagged: false),
            ]),
        Rule(
            id: "quality.exception-cause-lost", category: .quality, severity: .low,
            languages: [.python, .javascript, .typescript, .java, .kotlin, .csharp],
            keywords: ["raise", "throw"],
            patterns: [
                .init(.code, #"^\s*raise\s+[A-Z][\w.]*\s*\("#, languages: [.python]),
                // a new error from a literal message, or from the caught error's message only
                .init(
                    .code,
                    #"\bthrow\s+(?:new\s+)?(?:[A-Z][\w.]*)?(?:Error|Exception)\s*\(\s*(?:(?:"[^"]*"|'[^']*'|`[^`$]*`)\s*|\w+\.(?:message|getMessage\(\)|Message|localizedMessage)\s*)?\)"#,
                    languages: [.javascript, .typescript, .java, .kotlin, .csharp]),
            ],
            excludes: [.init(.code, #"\bfrom\b|\bcause\b"#)],
            conditions: [.insideCatch],
            message: "New exception raised while handling another, without its cause",
            recommendation:
                "Chain the caught error so its stack trace survives: `raise NewError(...) from err` in Python, `new Error(msg, { cause: err })` in JavaScript, `new XException(msg, e)` in Java, Kotlin and C#.",
            examples: [
                .init(
                    "load.py",
                    "try:\n    parse(text)\nexcept ValueError as err:\n    raise ConfigError(\"bad config\")",
                    flagged: true),
                .init(
                    "load.js", "try {\n  parse(text);\n} catch (err) {\n  throw new Error(err.message);\n}",
                    flagged: true),
                .init(
                    "Load.java",
                    "try {\n    parse(text);\n} catch (IOException e) {\n    throw new ConfigException(\"bad config\");\n}",
                    flagged: true),
                .init(
                    "load.py",
                    "try:\n    parse(text)\nexcept ValueError as err:\n    raise ConfigError(\"bad config\") from err",
                    flagged: false),
                .init(
                    "load.js",
                    "try {\n  parse(text);\n} catch (err) {\n  throw new Error('bad config', { cause: err });\n}",
                    flagged: false),
                .init(
                    "Load.java",
                    "try {\n    parse(text);\n} catch (IOException e) {\n    throw new ConfigException(\"bad config\", e);\n}",
                    flagged: false),
                .init("check.py", "def check(text):\n    raise ConfigError(\"bad config\")", flagged: false),
                .init("check.js", "function check(text) {\n  throw new Error('bad config');\n}", flagged: false),
            ]),
        Rule(
            id: "quality.global-statement", category: .quality, severity: .low, languages: [.python],
            keywords: ["global"],
            patterns: [.init(.code, #"^\s*global\s+[A-Za-z_]"#)],
            conditions: [.insideFunction],
            message: "Function rebinds module-level state with `global`",
            recommendation:
                "Pass the value in and return the new one, or keep the state on an object: hidden writes to module globals make calls order-dependent and tests leak into each other.",
            examples: [
                .init(
                    "cache.py", "_cache = None\n\ndef load():\n    global _cache\n    _cache = read()", flagged: true),
                .init("cache.py", "global _cache\n_cache = None", flagged: false),
                .init("cache.py", "def load():\n    cache = read()\n    return cache", flagged: false),
            ]),
        Rule(
            id: "quality.large-function", category: .quality, severity: .low,
            languages: braceLanguages.union([.python, .ruby, .go, .c]),
            // any line may be where a function is reported; the condition is a lookup in the file's functions
            keywords: [],
            patterns: [.init(.code, #"\S"#)],
            conditions: [.largeFunction],
            message: "New function over 80 lines long or nested more than 4 blocks deep",
            recommendation:
                "Split it into named steps, and return early instead of nesting: long, deep functions are hard to review, test and change safely.",
            examples: [
                .init(
                    "report.py", "def build(rows):\n" + String(repeating: "    total += row.amount\n", count: 81),
                    flagged: true),
                .init(
                    "rules.js",
                    "function check(a) {\n  if (a) {\n    for (const b of a) {\n      if (b) {\n        while (b.next) {\n          if (b.ok) {\n            return b;\n          }\n        }\n      }\n    }\n  }\n}",
                    flagged: true),
                .init(
                    "report.py", "def build(rows):\n" + String(repeating: "    total += row.amount\n", count: 40),
                    flagged: false),
                .init(
                    "rules.js",
                    "function check(a) {\n  if (!a) {\n    return null;\n  }\n  return a.find((b) => b.ok);\n}",
                    flagged: false),
            ]),
        Rule(
            id: "quality.bare-except", category: .quality, severity: .medium, languages: [.python],
            keywords: ["except"],
            patterns: [.init(.code, #"^\s*except\s*:"#)],
            message: "Bare `except:` also catches KeyboardInterrupt and SystemExit",
            recommendation: "Catch the exceptions you expect, or at least `except Exception:`.",
            cwe: "CWE-396",
            fix: .init("catch Exception instead of everything", find: #"\bexcept\s*:"#, replace: "except Exception:"),
            examples: [
                .init("job.py", "try:\n    run()\nexcept:\n    log.error(\"failed\")", flagged: true),
                .init("job.py", "try:\n    run()\nexcept ValueError:\n    log.error(\"failed\")", flagged: false),
            ]),
        Rule(
            id: "quality.mutable-default-argument", category: .quality, severity: .medium, languages: [.python],
            keywords: ["def "],
            patterns: [
                .init(
                    .code,
                    #"^\s*(async\s+)?def\s+\w+\s*\(.*\b\w+\s*(:\s*[\w\[\], .|]+)?=\s*(\[\s*\]|\{\s*\}|list\(\)|dict\(\)|set\(\)|\[[^\]]+\]|\{[^}]+\})\s*[,)]"#
                )
            ],
            message: "Mutable default argument: one list/dict/set is shared by every call",
            recommendation:
                "Default to None and create the object inside the function (`items=None` … `items = items or []`).",
            fix: nil,
            examples: [
                .init("util.py", "def add(item, items=[]):\n    items.append(item)", flagged: true),
                .init("util.py", "def merge(a, b={}):\n    return {**a, **b}", flagged: true),
                .init("util.py", "def add(item, items=None):\n    items = items or []", flagged: false),
                .init("util.py", "def add(item, items=()):\n    return items + (item,)", flagged: false),
            ]),
        Rule(
            id: "quality.loose-equality", category: .quality, severity: .low, languages: [.javascript, .typescript],
            keywords: ["==", "!="],
            patterns: [.init(.code, #"(?<![=!<>])(==|!=)(?!=)"#)],
            excludes: [
                .init(
                    .code,
                    #"(==|!=)\s*(null|undefined)\b|\b(null|undefined)\s*(==|!=)(?!=)|\btypeof\b[^=!]*(==|!=)|(==|!=)\s*typeof\b"#
                )
            ],
            message: "`==`/`!=` compare after type coercion (`0 == ''`, `'1' == 1`)",
            recommendation: "Use `===`/`!==`; `== null` is fine when it means null or undefined on purpose.",
            cwe: "CWE-597",
            fix: .init(
                "compare without coercion (changes the result where coercion was meant)",
                find: #"(?<![=!<>])(==|!=)(?!=)"#, replace: "$1=", safe: false),
            examples: [
                .init("app.js", "if (count == '0') { reset(); }", flagged: true),
                .init("app.ts", "while (a != b) step();", flagged: true),
                .init("app.js", "if (count === 0) { reset(); }", flagged: false),
                .init("app.js", "if (value == null) { return; }", flagged: false),
                .init("app.js", "if (typeof x == 'string') { use(x); }", flagged: false),
                .init("app.js", "const s = 'a == b';", flagged: false),
            ]),
        Rule(
            id: "quality.unreachable-code", category: .quality, severity: .medium,
            languages: [.swift, .python, .javascript, .typescript, .java, .kotlin, .go, .c, .cpp, .csharp, .php],
            keywords: ["return", "throw", "raise", "break", "continue"],
            // `raise` leaves the block in Python only: elsewhere `raise(SIGINT)` is a call that returns
            patterns: [
                .init(.code, deadAfter("return|throw|break|continue")),
                .init(.code, deadAfter("raise"), languages: [.python]),
            ],
            multiline: true,
            // the statement, blank lines, and the dead line
            maxLines: 40,
            message: "Code after return, throw, break or continue never runs",
            recommendation: "Remove the dead code, or move it before the statement that leaves the block.",
            cwe: "CWE-561",
            examples: [
                .init("calc.py", "def f(x):\n    return x * 2\n    print(x)", flagged: true),
                .init("calc.js", "function f(x) {\n  return x * 2;\n  log(x);\n}", flagged: true),
                .init("calc.js", "function f(x) {\n  if (x) {\n    return 1;\n  }\n  return 2;\n}", flagged: false),
                .init(
                    "calc.js", "switch (x) {\n  case 1:\n    return 'a';\n  case 2:\n    return 'b';\n}", flagged: false
                ),
                .init("calc.py", "def f(x):\n    return (\n        x * 2\n    )", flagged: false),
                .init(
                    "calc.swift",
                    "func f() -> Int {\n    #if DEBUG\n    return 1\n    #else\n    return 2\n    #endif\n}",
                    flagged: false),
                .init("calc.py", "def f(x):\n    raise ValueError(x)\n    print(x)", flagged: true),
                .init("Stop.swift", "func stop() {\n    raise(SIGINT)\n    exit(1)\n}", flagged: false),
                .init("stop.c", "void stop(void) {\n    raise(SIGTERM);\n    cleanup();\n}", flagged: false),
            ]),
        Rule(
            id: "quality.force-try", category: .quality, severity: .medium, languages: [.swift],
            excludedPaths: Rule.testPaths,
            keywords: ["try!"],
            patterns: [.init(.code, #"\btry!"#)],
            message: "`try!` crashes the process when the call throws",
            recommendation:
                "Use `try` and handle or propagate the error; `try?` if failure is expected and can be ignored.",
            examples: [
                .init("Load.swift", "let data = try! Data(contentsOf: url)", flagged: true),
                .init("Load.swift", "let data = try Data(contentsOf: url)", flagged: false),
                .init("Load.swift", "// try! is banned here", flagged: false),
            ]),
        Rule(
            id: "quality.force-cast", category: .quality, severity: .low, languages: [.swift],
            excludedPaths: Rule.testPaths,
            keywords: ["as!"],
            patterns: [.init(.code, #"\bas!"#)],
            message: "`as!` crashes the process when the cast fails",
            recommendation: "Use `as?` with a `guard let` or `if let` and handle the other case.",
            examples: [
                .init("Cell.swift", "let cell = view as! UITableViewCell", flagged: true),
                .init("Cell.swift", "guard let cell = view as? UITableViewCell else { return }", flagged: false),
            ]),
        Rule(
            id: "quality.force-unwrap", category: .quality, severity: .low, languages: [.swift],
            excludedPaths: Rule.testPaths,
            keywords: ["!"],
            patterns: [.init(.code, #"[\w)\]](?<!\btry)(?<!\bas)!(?=[.)\],;?]|\s*$|\s+[^=\s])"#)],
            excludes: [
                .init(
                    .code,
                    #"^\s*(@\w+(\([^)]*\))?\s+)*((public|private|internal|fileprivate|open|static|final|weak|unowned|override|lazy)\s+)*(var|let)\s+\w+\s*:\s*[\w.<>\[\]: ]+!\s*(=|$)"#
                )
            ],
            message: "Force unwrap crashes the process when the value is nil",
            recommendation:
                "Unwrap with `guard let`/`if let`, give a default with `??`, or make the non-nil invariant explicit with a precondition message.",
            examples: [
                .init("User.swift", "let name = user.name!.uppercased()", flagged: true),
                .init("User.swift", "let url = URL(string: text)!", flagged: true),
                .init("User.swift", "let name = user.name ?? \"anonymous\"", flagged: false),
                .init("User.swift", "if name != nil && !isEmpty { show() }", flagged: false),
                .init("User.swift", "let text = \"Hello!\"", flagged: false),
            ]),
        Rule(
            id: "quality.debugger-statement", category: .quality, severity: .medium,
            languages: [.javascript, .typescript, .python, .ruby, .php],
            keywords: ["debugger", "set_trace", "pdb", "breakpoint", "binding.", "byebug"],
            patterns: [
                .init(.code, #"^\s*debugger\s*;?\s*$"#, languages: [.javascript, .typescript, .ruby]),
                .init(
                    .code,
                    #"\b(pdb|ipdb|pudb)\.set_trace\s*\(|^\s*import\s+(pdb|ipdb|pudb)\b|(?<![.\w])breakpoint\s*\(\s*\)"#,
                    languages: [.python]),
                .init(.code, #"\bbinding\.(pry|irb)\b|^\s*byebug\b"#, languages: [.ruby]),
                .init(.code, #"\bxdebug_break\s*\("#, languages: [.php]),
            ],
            message: "Debugger breakpoint left in the code",
            recommendation:
                "Remove the breakpoint before committing; it stops the program wherever a debugger is attached.",
            fix: .init("remove the breakpoint", find: #"^\s*debugger\s*;?\s*$"#, replace: ""),
            examples: [
                .init("app.js", "function f() {\n  debugger;\n}", flagged: true),
                .init("app.py", "import pdb; pdb.set_trace()", flagged: true),
                .init("app.rb", "binding.pry", flagged: true),
                .init("app.js", "const debuggerEnabled = false;", flagged: false),
                .init("app.py", "# breakpoint() here when debugging", flagged: false),
            ]),
        Rule(
            id: "quality.debug-output", category: .quality, severity: .low,
            languages: [.javascript, .typescript, .php, .java, .swift],
            excludedPaths: Rule.testPaths,
            keywords: ["console.", "var_dump", "print_r", "printstacktrace", "debugprint", "dump("],
            patterns: [
                .init(.code, #"\bconsole\.(log|debug|trace|dir|table)\s*\("#, languages: [.javascript, .typescript]),
                .init(.code, #"(?<![.\w$>])(var_dump|print_r)\s*\("#, languages: [.php]),
                .init(.code, #"\.printStackTrace\s*\(\s*\)"#, languages: [.java]),
                .init(.code, #"(?<![.\w])(debugPrint|dump)\s*\("#, languages: [.swift]),
            ],
            excludes: [.init(.code, #"print_r\s*\([^)]*,\s*true\s*\)"#)],
            message: "Debug output left in the code",
            recommendation: "Remove it, or use the project's logger at a debug level so it can be turned off.",
            examples: [
                .init("app.js", "console.log('user', user);", flagged: true),
                .init("app.php", "var_dump($order);", flagged: true),
                .init("App.java", "} catch (Exception e) { e.printStackTrace(); }", flagged: true),
                .init("app.js", "logger.debug('user', user);", flagged: false),
                .init("app.php", "$text = print_r($order, true);", flagged: false),
            ]),
    ]
}
