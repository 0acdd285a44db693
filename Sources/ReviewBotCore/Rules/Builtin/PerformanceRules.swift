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
                .init("report.py", "for user_id in ids:\n    cursor.execute(\"SELECT * FROM orders WHERE user_id = %s\", (user_id,))", flagged: true),
                .init("report.js", "for (const id of ids) {\n  const row = await db.query('SELECT * FROM t WHERE id = ?', [id]);\n}", flagged: true),
                .init("Report.java", "while (it.hasNext()) {\n    stmt.executeQuery(sql);\n}", flagged: true),
                .init("report.py", "rows = cursor.execute(\"SELECT * FROM orders WHERE user_id IN %s\", (ids,))\nfor row in rows:\n    total += row.amount", flagged: false),
                .init("report.py", "for row in cursor.execute(\"SELECT * FROM orders\"):\n    print(row)", flagged: false),
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
                .init("sync.py", "response = requests.get(url)\nfor item in response.json():\n    handle(item)", flagged: false),
                .init("sync.js", "const results = await Promise.all(ids.map(id => fetch(`/api/items/${id}`)));", flagged: false),
            ]),
        Rule(
            id: "performance.expensive-construction-in-loop", category: .performance, severity: .medium,
            languages: SecurityRules.codeLanguages,
            keywords: ["compile", "regexp", "formatter", "jsonencoder", "jsondecoder", "simpledateformat", "objectmapper", "gson", "decimalformat", "nsregularexpression", "regex("],
            patterns: [
                .init(
                    .code,
                    #"\bre\.compile\s*\(|\bnew\s+RegExp\s*\(|\bPattern\.compile\s*\(|\bregexp\.(MustCompile|Compile)\s*\(|\bNSRegularExpression\s*\(|\btry\s+Regex\s*\(|\b(Date|Number|ISO8601Date|ByteCount|DateComponents|Measurement|List|PersonNameComponents)Formatter\s*\(\s*\)|\bJSON(Encoder|Decoder)\s*\(\s*\)|\bnew\s+(SimpleDateFormat|ObjectMapper|Gson|DecimalFormat)\s*\("#
                )
            ],
            excludes: [.init(.code, #"\$\{|["'`]\s*\+|\+\s*["'`]|\bf["']|\\\(|(compile|RegExp|Compile)\s*\(\s*[A-Za-z_][\w.\[\]]*\s*[,)]"#)],
            conditions: [.insideLoop],
            message: "Costly object (regex, formatter, JSON mapper) built again on every iteration",
            recommendation: "Build it once before the loop (or once per process, as a constant) and reuse it inside.",
            examples: [
                .init("parse.py", "for line in lines:\n    if re.compile(r\"\\d+\").match(line):\n        count += 1", flagged: true),
                .init("Dates.swift", "for item in items {\n    let formatter = DateFormatter()\n    labels.append(formatter.string(from: item.date))\n}", flagged: true),
                .init("Parse.java", "for (String s : list) {\n    Pattern p = Pattern.compile(\"a+b\");\n}", flagged: true),
                .init("parse.py", "digits = re.compile(r\"\\d+\")\nfor line in lines:\n    if digits.match(line):\n        count += 1", flagged: false),
                .init("Dates.swift", "let formatter = DateFormatter()\nfor item in items {\n    labels.append(formatter.string(from: item.date))\n}", flagged: false),
                .init("filter.js", "for (const name of names) {\n  patterns.push(new RegExp('^' + name + '$'));\n}", flagged: false),
            ]),
    ]
}
