/// The performance agent's built-in rules.
enum PerformanceRules {
    static let all: [Rule] = [
        Rule(
            id: "performance.query-in-loop", category: .performance, severity: .medium,
            languages: SecurityRules.codeLanguages,
            keywords: ["execute", "query", "raw", "find", "objects.", "exec"],
            patterns: [
                .init(
                    .code,
                    #"\.(execute|executemany|executeQuery|executeUpdate|query|rawQuery|raw|findOne|findById|findUnique|findFirst|QueryRow|QueryRowContext|QueryContext|ExecContext)\s*\(|\bobjects\.(get|filter|exclude|all)\s*\(|\bdb\.(Query|Exec)\s*\(|\b(mysqli_query|pg_query)\s*\("#
                )
            ],
            conditions: [.insideLoop],
            message: "Database query inside a loop (one round trip per iteration)",
            recommendation:
                "Fetch all rows in one query before the loop (WHERE id IN (...), a join, select_related/prefetch_related, a batch API) and look them up in memory.",
            examples: [
                .init(
                    "report.py",
                    "for user_id in ids:\n    cursor.execute(\"SELECT * FROM orders WHERE user_id = %s\", (user_id,))",
                    flagged: true),
                .init(
                    "report.js",
                    "for (const id of ids) {\n  const row = await db.query('SELECT * FROM t WHERE id = ?', [id]);\n}",
                    flagged: true),
                .init("Report.java", "while (it.hasNext()) {\n    stmt.executeQuery(sql);\n}", flagged: true),
                .init(
                    "report.py",
                    "rows = cursor.execute(\"SELECT * FROM orders WHERE user_id IN %s\", (ids,))\nfor row in rows:\n    total += row.amount",
                    flagged: false),
                .init(
                    "report.py", "for row in cursor.execute(\"SELECT * FROM orders\"):\n    print(row)", flagged: false),
            ]),
        Rule(
            id: "performance.blocking-call-in-handler", category: .performance, severity: .medium,
            languages: [.javascript, .typescript, .python, .java, .kotlin, .go],
            keywords: ["sync(", "sleep"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:readFileSync|writeFileSync|appendFileSync|readdirSync|statSync|existsSync|execSync|execFileSync|spawnSync)\s*\("#,
                    languages: [.javascript, .typescript]),
                .init(.code, #"\btime\.sleep\s*\("#, languages: [.python]),
                .init(.code, #"\bThread\.sleep\s*\("#, languages: [.java, .kotlin]),
                .init(.code, #"\btime\.Sleep\s*\("#, languages: [.go]),
            ],
            conditions: [.insideRequestHandler],
            message: "Blocking call inside a web request handler",
            recommendation:
                "Every request waits behind it (in Node.js and async Python, every request of the process): use the asynchronous API (fs.promises, asyncio.sleep), move the work out of the request, or cache the result at start-up.",
            examples: [
                .init(
                    "server.js",
                    "app.get('/terms', (req, res) => {\n  res.send(fs.readFileSync('terms.html', 'utf8'));\n});",
                    flagged: true),
                .init(
                    "views.py",
                    "@app.route('/report')\ndef report():\n    time.sleep(2)\n    return render_template('report.html')",
                    flagged: true),
                .init(
                    "Api.java",
                    "@GetMapping(\"/slow\")\npublic String slow() throws InterruptedException {\n    Thread.sleep(500);\n    return \"ok\";\n}",
                    flagged: true),
                .init(
                    "main.go",
                    "func slow(w http.ResponseWriter, r *http.Request) {\n\ttime.Sleep(time.Second)\n}", flagged: true),
                .init("server.js", "const terms = fs.readFileSync('terms.html', 'utf8');", flagged: false),
                .init(
                    "server.js",
                    "app.get('/terms', async (req, res) => {\n  res.send(await readFile('terms.html'));\n});",
                    flagged: false),
                .init("worker.py", "def poll():\n    while True:\n        time.sleep(5)", flagged: false),
            ]),
        Rule(
            id: "performance.http-in-loop", category: .performance, severity: .medium,
            languages: SecurityRules.codeLanguages,
            keywords: ["requests.", "fetch", "axios", "http.", "urlopen", "urlsession", "curl_exec", "httpx."],
            patterns: [
                .init(
                    .code,
                    #"\brequests\.(get|post|put|patch|delete|head|request)\s*\(|(?<![.\w])fetch\s*\(|\baxios(\.(get|post|put|patch|delete|request))?\s*\(|\bhttp\.(Get|Post|Head)\s*\(|\burlopen\s*\(|\bURLSession\.shared\.(data|dataTask|upload)\b|\bcurl_exec\s*\(|\bhttpx\.(get|post|put|delete)\s*\("#
                )
            ],
            conditions: [.insideLoop],
            message: "HTTP request inside a loop (one round trip per iteration)",
            recommendation:
                "Use a batch endpoint, or issue the requests concurrently with a bounded pool (asyncio.gather, Promise.all, a TaskGroup) and reuse one client session.",
            examples: [
                .init("sync.py", "for url in urls:\n    responses.append(requests.get(url))", flagged: true),
                .init("sync.js", "for (const id of ids) {\n  await fetch(`/api/items/${id}`);\n}", flagged: true),
                .init(
                    "sync.py", "response = requests.get(url)\nfor item in response.json():\n    handle(item)",
                    flagged: false),
                .init(
                    "sync.js", "const results = await Promise.all(ids.map(id => fetch(`/api/items/${id}`)));",
                    flagged: false),
            ]),
        Rule(
            id: "performance.expensive-construction-in-loop", category: .performance, severity: .medium,
            languages: SecurityRules.codeLanguages,
            keywords: [
                "compile", "regexp", "formatter", "jsonencoder", "jsondecoder", "simpledateformat", "objectmapper",
                "gson", "decimalformat", "nsregularexpression", "regex(",
            ],
            patterns: [
                .init(
                    .code,
                    #"\bre\.compile\s*\(|\bnew\s+RegExp\s*\(|\bPattern\.compile\s*\(|\bregexp\.(MustCompile|Compile)\s*\(|\bNSRegularExpression\s*\(|\btry\s+Regex\s*\(|\b(Date|Number|ISO8601Date|ByteCount|DateComponents|Measurement|List|PersonNameComponents)Formatter\s*\(\s*\)|\bJSON(Encoder|Decoder)\s*\(\s*\)|\bnew\s+(SimpleDateFormat|ObjectMapper|Gson|DecimalFormat)\s*\("#
                )
            ],
            excludes: [
                .init(
                    .code,
                    #"\$\{|["'`]\s*\+|\+\s*["'`]|\bf["']|\\\(|(compile|RegExp|Compile)\s*\(\s*[A-Za-z_][\w.\[\]]*\s*[,)]"#
                )
            ],
            conditions: [.insideLoop],
            message: "Costly object (regex, formatter, JSON mapper) built again on every iteration",
            recommendation: "Build it once before the loop (or once per process, as a constant) and reuse it inside.",
            examples: [
                .init(
                    "parse.py", "for line in lines:\n    if re.compile(r\"\\d+\").match(line):\n        count += 1",
                    flagged: true),
                .init(
                    "Dates.swift",
                    "for item in items {\n    let formatter = DateFormatter()\n    labels.append(formatter.string(from: item.date))\n}",
                    flagged: true),
                .init(
                    "Parse.java", "for (String s : list) {\n    Pattern p = Pattern.compile(\"a+b\");\n}", flagged: true
                ),
                .init(
                    "parse.py",
                    "digits = re.compile(r\"\\d+\")\nfor line in lines:\n    if digits.match(line):\n        count += 1",
                    flagged: false),
                .init(
                    "Dates.swift",
                    "let formatter = DateFormatter()\nfor item in items {\n    labels.append(formatter.string(from: item.date))\n}",
                    flagged: false),
                .init(
                    "filter.js", "for (const name of names) {\n  patterns.push(new RegExp('^' + name + '$'));\n}",
                    flagged: false),
            ]),
        Rule(
            id: "performance.string-concat-in-loop", category: .performance, severity: .low,
            languages: [.java, .kotlin, .csharp, .go],
            keywords: ["+="],
            patterns: [.init(.code, #"\b[\w.]+\s*\+=\s*(["`]|[\w.()]+\s*\+\s*["`])"#)],
            conditions: [.insideLoop],
            message: "String built with += in a loop (each step copies the whole string: quadratic)",
            recommendation:
                "Append to a StringBuilder (Java/Kotlin), StringBuilder (C#) or strings.Builder (Go) and build the string once.",
            examples: [
                .init("Report.java", "for (Row row : rows) {\n    text += row.name + \",\";\n}", flagged: true),
                .init("report.go", "for _, row := range rows {\n\ttext += \",\" + row.Name\n}", flagged: true),
                .init(
                    "Report.java",
                    "StringBuilder b = new StringBuilder();\nfor (Row row : rows) {\n    b.append(row.name);\n}",
                    flagged: false),
                .init("Report.java", "for (Row row : rows) {\n    total += row.amount;\n}", flagged: false),
            ]),
        Rule(
            id: "performance.sequential-await-in-loop", category: .performance, severity: .low,
            languages: [.javascript, .typescript, .python, .csharp],
            keywords: ["await"],
            patterns: [
                .init(
                    .code,
                    #"\bawait\s+(?!(Promise\.(all|allSettled|race|any)|asyncio\.(gather|sleep|wait)|Task\.(WhenAll|Delay)|sleep|delay|setTimeout|new\s+Promise)\b)"#
                )
            ],
            excludes: [
                .init(
                    .code,
                    #"\b(fetch|axios|requests|httpx|query|execute|findOne|findById|findUnique|raw)\b|^\s*(for|while)\b|\bfor\s+await\b|\.(next|read|recv|receive|acquire|get)\s*\(\s*\)"#
                )
            ],
            conditions: [.insideLoop],
            message: "await inside a loop: the iterations run one after another",
            recommendation:
                "If the iterations are independent, start them together and await once (Promise.all, asyncio.gather, Task.WhenAll), with a concurrency limit if needed.",
            examples: [
                .init("sync.js", "for (const file of files) {\n  await upload(file);\n}", flagged: true),
                .init("sync.py", "for item in items:\n    await process(item)", flagged: true),
                .init("sync.js", "await Promise.all(files.map((file) => upload(file)));", flagged: false),
                .init("sync.js", "while (running) {\n  await sleep(1000);\n}", flagged: false),
            ]),
        Rule(
            id: "performance.membership-in-loop", category: .performance, severity: .low,
            languages: [.javascript, .typescript, .java, .kotlin],
            keywords: ["includes", "indexof", "contains"],
            patterns: [
                .init(
                    .code, #"\b\w*(s|List|Array|Ids|Items|Names|Keys)\.(includes|indexOf)\s*\("#,
                    languages: [.javascript, .typescript]),
                .init(.code, #"\b\w*(List|list|s|Ids|Items|Names)\.contains\s*\("#, languages: [.java, .kotlin]),
            ],
            excludes: [
                .init(
                    .code,
                    #"\b(Set|Map|set|map|Dict|dict)\w*\.(includes|contains|indexOf)|\.(classList|string|text|name|path|url|href|search|key|value)s?\.(includes|indexOf|contains)"#
                )
            ],
            conditions: [.insideLoop],
            message: "Linear search of a list inside a loop (quadratic time)",
            recommendation: "Build a Set (or a Map) once before the loop and test membership in it.",
            examples: [
                .init(
                    "dedupe.js", "for (const user of users) {\n  if (bannedIds.includes(user.id)) continue;\n}",
                    flagged: true),
                .init(
                    "Dedupe.java", "for (User u : users) {\n    if (bannedIds.contains(u.id)) { continue; }\n}",
                    flagged: true),
                .init(
                    "dedupe.js",
                    "const banned = new Set(bannedIds);\nfor (const user of users) {\n  if (banned.has(user.id)) continue;\n}",
                    flagged: false),
                .init("dedupe.js", "if (bannedIds.includes(id)) { deny(); }", flagged: false),
            ]),
        Rule(
            id: "performance.constant-file-open-in-loop", category: .performance, severity: .low,
            languages: [.python, .javascript, .typescript, .java, .go],
            keywords: ["open", "readfile", "fileinputstream", "filereader"],
            patterns: [
                .init(.code, #"\bopen\s*\(\s*[rRbBuU]?["']\s*["']\s*[,)]"#, languages: [.python]),
                .init(
                    .code, #"\bfs\.(readFileSync|readFile|openSync)\s*\(\s*["']\s*["']\s*[,)]"#,
                    languages: [.javascript, .typescript]),
                .init(.code, #"\bnew\s+(FileInputStream|FileReader|File)\s*\(\s*"\s*"\s*\)"#, languages: [.java]),
                .init(.code, #"\bos\.(Open|ReadFile)\s*\(\s*"\s*"\s*\)"#, languages: [.go]),
            ],
            conditions: [.insideLoop],
            message: "The same file is opened and read again on every iteration",
            recommendation: "Read it once before the loop and reuse the content.",
            examples: [
                .init(
                    "load.py",
                    "for user in users:\n    with open(\"config.json\") as f:\n        apply(user, f.read())",
                    flagged: true),
                .init(
                    "load.js", "for (const user of users) {\n  const cfg = fs.readFileSync('config.json', 'utf8');\n}",
                    flagged: true),
                .init(
                    "load.py", "for path in paths:\n    with open(path) as f:\n        handle(f.read())", flagged: false
                ),
                .init(
                    "load.py", "config = open(\"config.json\").read()\nfor user in users:\n    apply(user, config)",
                    flagged: false),
            ]),
    ]
}
