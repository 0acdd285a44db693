/// The security agent's built-in rules.
enum SecurityRules {
    static let codeLanguages: Set<Language> = [
        .swift, .python, .javascript, .typescript, .java, .kotlin, .go, .c, .cpp, .csharp, .php, .ruby, .shell,
    ]

    static let sqlStatement =
        #"(?i)\b(select\s+(distinct\s+)?(\*|[\w.]+(\s*,\s*[\w.]+)*|count\s*\([^)]*\))\s+from\s+[\w.\[\]`"]+|insert\s+into\s+[\w.\[\]`"]+|update\s+[\w.\[\]`"]+\s+set\s+[\w.`"]+\s*=|delete\s+from\s+[\w.\[\]`"]+)"#

    /// Prose that names an API is not a call of it (secrets in docs are still secrets, so not every rule
    /// skips these).
    static let documentation = ["*.md", "*.markdown", "*.rst", "*.txt", "*.adoc"]

    static let all: [Rule] = [
        Rule(
            id: "security.sql-injection", category: .security, severity: .high, languages: codeLanguages,
            keywords: ["select", "insert", "update", "delete"],
            patterns: [.init(.text, sqlStatement)],
            excludes: [
                .init(.code, sqlStatement),
                // Logging a statement is not running it; placeholder lists (`IN (?, ?)`) are not values.
                .init(
                    .code,
                    #"\b(console|logger|log|logging|LOG|Log)\.\w+\s*\(|\bprint(ln|f)?\s*\(|\.(map|join)\s*\(\s*\(?\s*\)?\s*=>\s*["']\s*["']|\$\{\s*placeholders\s*\}|\+\s*placeholders\b"#
                ),
            ],
            conditions: [.buildsString],
            message: "SQL statement built from string concatenation, formatting or interpolation",
            recommendation:
                "Pass values as bound parameters (`?`, `%s`, `$1`, `:name`) of the driver's execute call instead of splicing them into the SQL text.",
            cwe: "CWE-89",
            examples: [
                .init("api.py", #"cursor.execute("SELECT * FROM t WHERE id = " + user_id)"#, flagged: true),
                .init("api.py", #"cursor.execute(f"SELECT name FROM users WHERE id = {uid}")"#, flagged: true),
                .init("api.js", "db.query(`SELECT * FROM users WHERE id = ${req.params.id}`)", flagged: true),
                .init(
                    "Repo.java", #"stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");"#,
                    flagged: true),
                .init("repo.go", #"db.Query(fmt.Sprintf("SELECT * FROM t WHERE id = %s", id))"#, flagged: true),
                .init("repo.php", #"mysqli_query($conn, "SELECT * FROM users WHERE id = $id");"#, flagged: true),
                .init("Store.swift", #"try db.execute("DELETE FROM items WHERE id = \(id)")"#, flagged: true),
                .init("api.py", #"cursor.execute("SELECT * FROM t WHERE id = %s", (user_id,))"#, flagged: false),
                .init("api.py", #"cursor.execute("SELECT * FROM t WHERE id = " + str(user_id))"#, flagged: true),
                .init(
                    "api.py", "n = int(request.args[\"n\"])\ncursor.execute(\"SELECT * FROM t LIMIT %d\" % n)",
                    flagged: false),
                .init(
                    "api.js", "const n = parseInt(req.query.n, 10);\ndb.query(\"SELECT * FROM t WHERE id = \" + n);",
                    flagged: false),
                .init(
                    "repo.php", "$id = (int) $_GET['id'];\nmysqli_query($conn, \"SELECT * FROM t WHERE id = $id\");",
                    flagged: false),
                .init(
                    "repo.rb", "User.find_by_sql(\"SELECT * FROM users WHERE id = #{params[:id].to_i}\")",
                    flagged: false),
                .init(
                    "repo.rb", "User.find_by_sql(\"SELECT * FROM users WHERE name = '#{params[:name]}'\")",
                    flagged: true),
                .init(
                    "repo.go", #"db.Query(fmt.Sprintf("SELECT * FROM t WHERE id = %d", strconv.Itoa(n)))"#,
                    flagged: false),
                .init("api.js", #"db.query("SELECT * FROM users WHERE id = ?", [id])"#, flagged: false),
                .init("api.py", #"# cursor.execute("SELECT * FROM t WHERE id = " + user_id)"#, flagged: false),
                .init("ui.js", #"label.text = "Select an item from " + listName"#, flagged: false),
                .init("repo.js", #"console.log(`INSERT INTO audit VALUES (${id})`)"#, flagged: false),
            ]),
        Rule(
            id: "security.command-injection", category: .security, severity: .high, languages: codeLanguages,
            keywords: [
                "system", "popen", "subprocess", "exec", "spawn", "passthru", "runtime", "command", "`", "getoutput",
            ],
            patterns: [
                .init(
                    .code,
                    #"\bos\.(system|popen[234]?)\s*\(|\bsubprocess\.(call|run|Popen|check_call|check_output)\s*\((?=.*\bshell\s*=\s*True)|\b(subprocess|commands)\.(getoutput|getstatusoutput)\s*\("#,
                    languages: [.python]),
                .init(
                    .code, #"(?<![.\w$])(exec|execSync)\s*\(|\bchild_process\.(exec|execSync)\s*\("#,
                    languages: [.javascript, .typescript]),
                .init(.code, #"\bRuntime\.getRuntime\(\)\.exec\s*\("#, languages: [.java, .kotlin]),
                .init(
                    .text, #"\bexec\.Command(Context)?\s*\((ctx\s*,\s*)?"(sh|bash|/bin/sh|/bin/bash)"\s*,\s*"-c"\s*,"#,
                    languages: [.go]),
                .init(
                    .code, #"(?<![.\w$>:])(system|exec|shell_exec|passthru|popen|proc_open)\s*\("#, languages: [.php]),
                .init(
                    .code,
                    #"(?<![.\w])(system|exec|spawn|IO\.popen|Open3\.\w+)\s*(?:\((?=\s*["'`][^"'`]*#\{)|(?=["'`][^"'`]*#\{))|`[^`]*#\{|%x\("#,
                    languages: [.ruby]),
                .init(.code, #"(?<![.\w>])(system|popen)\s*\("#, languages: [.c, .cpp]),
            ],
            excludes: [.init(.code, #"^\s*(async\s+)?(exec|execSync|system)\s*\([^)]*\)\s*\{"#)],
            requiresInFile: [
                .init(.text, #"child_process|\bexeca\b|\bshelljs\b"#, languages: [.javascript, .typescript])
            ],
            conditions: [.dynamicArgument],
            message: "Shell command run with a value that is not a constant",
            recommendation:
                "Run the program directly with an argument list (subprocess.run([...]), execFile, ProcessBuilder, exec.Command(name, args...)) and never through a shell; if a shell is unavoidable, quote every value (shlex.quote, escapeshellarg).",
            cwe: "CWE-78",
            examples: [
                .init("tool.py", #"os.system("tar xf " + archive)"#, flagged: true),
                .init("tool.py", #"subprocess.run(f"ls {path}", shell=True)"#, flagged: true),
                .init("tool.js", #"child_process.exec("git log " + branch)"#, flagged: true),
                .init("Run.java", #"Runtime.getRuntime().exec("ping " + host);"#, flagged: true),
                .init("run.go", #"exec.Command("sh", "-c", "ls "+dir)"#, flagged: true),
                .init("run.php", #"shell_exec("convert " . $file);"#, flagged: true),
                .init("run.c", "system(command);", flagged: true),
                .init("task.rb", "system(\"ls #{dir}\")", flagged: true),
                .init("task.rb", "system(\"ls\", dir)", flagged: false),
                .init(
                    "task.rb", "def list(name)\n  safe = Shellwords.escape(name)\n  system(\"ls #{safe}\")\nend",
                    flagged: false),
                .init("task.rb", "def list(name)\n  system(\"ls #{name}\")\nend", flagged: true),
                .init(
                    "run.php", "$escaped = escapeshellarg($_GET['name']);\nsystem(\"ls \" . $escaped);", flagged: false),
                .init("tool.py", #"subprocess.run(["ls", path])"#, flagged: false),
                .init("tool.py", #"os.system("clear")"#, flagged: false),
                .init("tool.py", "CMD = \"ls -la\"\nos.system(CMD)", flagged: false),
                .init("tool.py", "def run(name):\n    os.system(name)", flagged: true),
                .init("tool.py", "def run(name):\n    os.system(\"ls \" + shlex.quote(name))", flagged: false),
                .init("tool.py", "def run(name):\n    cmd = shlex.quote(name)\n    os.system(cmd)", flagged: false),
                .init("match.js", "const m = pattern.exec(input);", flagged: false),
                .init("run.go", #"exec.Command("git", "log", branch)"#, flagged: false),
            ]),
        Rule(
            id: "security.code-eval", category: .security, severity: .high,
            languages: [.python, .javascript, .typescript, .php, .ruby],
            keywords: ["eval", "exec", "function", "settimeout", "setinterval", "create_function", "assert"],
            patterns: [
                .init(.code, #"(?<![.\w])(eval|exec)\s*\("#, languages: [.python]),
                .init(
                    .code,
                    #"(?<![.\w$])eval\s*\(|\bnew\s+Function\b(?=\s*\()|\bset(Timeout|Interval)\s*\((?=\s*["'`])"#,
                    languages: [.javascript, .typescript]),
                // PHP's assert() evaluates only a string; an expression such as `$a > 1` is just checked.
                .init(
                    .code,
                    #"(?<![.\w$>:])(eval|create_function)\s*\((?=\s*\$)|(?<![.\w$>:])assert\s*\((?=\s*\$[\w\[\]'"\->]+\s*[,)])"#,
                    languages: [.php]),
                .init(
                    .code, #"(?<![.\w])(eval|instance_eval|class_eval|module_eval)\b\s*\(?\s*(?=[\w"'@$])"#,
                    languages: [.ruby]),
            ],
            excludes: [
                .init(.code, #"\b(instance_eval|class_eval|module_eval)\s*(do\b|\{)"#),
                .init(.code, #"^\s*(def|function)\s"#),
            ],
            conditions: [.dynamicArgument],
            message: "Code evaluated from a string at run time",
            recommendation:
                "Do not evaluate strings as code. Parse data with a real parser (json, ast.literal_eval) or dispatch through a table of allowed functions.",
            cwe: "CWE-95",
            examples: [
                .init("calc.py", "result = eval(request.args['expr'])", flagged: true),
                .init("calc.js", "const f = new Function('a', body);", flagged: true),
                .init("calc.js", "setTimeout(\"update(\" + id + \")\", 100);", flagged: true),
                .init("calc.php", "eval($_POST['code']);", flagged: true),
                .init("check.php", "assert($expression);", flagged: true),
                .init("check.php", "assert($count > 1);", flagged: false),
                .init("calc.py", "value = ast.literal_eval(text)", flagged: false),
                .init("calc.js", "setTimeout(() => update(id), 100);", flagged: false),
                .init("calc.py", "# eval(x) would be unsafe here", flagged: false),
            ]),
        Rule(
            id: "security.private-key", category: .security, severity: .critical,
            keywords: ["private key"],
            patterns: [.init(.raw, #"-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----"#)],
            message: "Private key committed to the repository",
            recommendation:
                "Remove the key from the change and from history, revoke it, and load it at run time from a secret store or a file outside the repository.",
            cwe: "CWE-798",
            examples: [
                .init(
                    "deploy/key.pem",
                    "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----", flagged: true),  // reviewbot:ignore security.private-key (a made-up example)
                .init("config.py", "KEY = \"-----BEGIN OPENSSH PRIVATE KEY-----\"", flagged: true),  // reviewbot:ignore security.private-key (a made-up example)
                .init("deploy/key.pub", "-----BEGIN PUBLIC KEY-----", flagged: false),
            ]),
        Rule(
            id: "security.provider-token", category: .security, severity: .critical,
            keywords: [
                "akia", "asia", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xox", "sk_live_",
                "rk_live_", "aiza", "sk-", "hooks.slack.com",
            ],
            patterns: [
                .init(
                    .raw,
                    #"\b(AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{50,}|\bglpat-[A-Za-z0-9_\-]{20,}|\bxox[abposr]-[A-Za-z0-9-]{10,}|\b[sr]k_live_[0-9a-zA-Z]{20,}|\bAIza[0-9A-Za-z_\-]{35}\b|\bsk-ant-[A-Za-z0-9_\-]{20,}|\bsk-(proj-)?[A-Za-z0-9_\-]{20,}T3BlbkFJ[A-Za-z0-9_\-]{20,}|\bsk-proj-[A-Za-z0-9_\-]{40,}|https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+"#
                )
            ],
            excludes: [.init(.raw, #"(?i)AKIA[0-9A-Z]{0,12}EXAMPLE|x{6,}|<[a-z_-]+>"#)],
            message: "Access token of a known provider committed to the repository",
            recommendation:
                "Revoke the token now (it is exposed to everyone with read access), remove it from the change, and read it from the environment or a secret manager.",
            cwe: "CWE-798",
            examples: [
                .init("settings.py", #"AWS_KEY = "AKIA2OGYBAH6STMJRW4Q""#, flagged: true),  // reviewbot:ignore security.provider-token (a made-up example)
                .init("ci.yml", "token: ghp_0123456789abcdefghijABCDEFGHIJ012345", flagged: true),  // reviewbot:ignore security.provider-token (a made-up example)
                .init("bot.js", #"const slack = "xoxb-1234567890-abcdefghij";"#, flagged: true),  // reviewbot:ignore security.provider-token (a made-up example)
                .init("docs.md", "Use AKIAIOSFODNN7EXAMPLE as a sample key", flagged: false),
                .init("settings.py", #"AWS_KEY = os.environ["AWS_ACCESS_KEY_ID"]"#, flagged: false),
            ]),
        Rule(
            id: "security.hardcoded-secret", category: .security, severity: .high, languages: codeLanguages,
            excludedPaths: Rule.testPaths,
            keywords: ["password", "passwd", "pwd", "secret", "key", "token"],
            patterns: [
                .init(
                    .text,
                    #"(?i)(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|client[_-]?secret|private[_-]?key)[\w.-]*["']?\]?\s*(?::=|=>|==?|:)\s*["']([^"'\s]{8,})["']"#
                )
            ],
            excludes: [
                .init(
                    .raw,
                    #"(?i)example|changeme|change_me|placeholder|your[_-]|dummy|sample|xxxx|\*\*\*|<[^>]+>|\$\{|\{\{|%\(|redacted|fake|mock|test|==\s*["']|\b(get|read|load|fetch)\w*\("#
                )
            ],
            minEntropy: 3.0,
            message: "Secret hard-coded in source",
            recommendation:
                "Read the secret from the environment or a secret manager at run time; rotate this one, since it is now in the repository's history.",
            cwe: "CWE-798",
            examples: [
                .init("db.py", #"DB_PASSWORD = "s3cr3t-Pr0d-2024!""#, flagged: true),  // reviewbot:ignore security.hardcoded-secret (a made-up example)
                .init("client.js", #"const apiKey = "f8a9c2e4b7d1a3c5e9f0";"#, flagged: true),  // reviewbot:ignore security.hardcoded-secret (a made-up example)
                .init("db.py", #"DB_PASSWORD = os.environ["DB_PASSWORD"]"#, flagged: false),
                .init("db.py", #"password = "changeme""#, flagged: false),
                .init("client.js", #"const apiKey = "${API_KEY}";"#, flagged: false),
                .init("form.js", #"const label = "password";"#, flagged: false),
                .init("db.py", #"# DB_PASSWORD = "s3cr3t-Pr0d-2024!" was the old value"#, flagged: false),  // reviewbot:ignore security.hardcoded-secret (a made-up example)
            ]),
        Rule(
            id: "security.secret-in-config", category: .security, severity: .high,
            languages: [.yaml, .json, .ini, .env, .dockerfile, .xml],
            keywords: ["password", "passwd", "pwd", "secret", "key", "token"],
            patterns: [
                .init(
                    .code,
                    #"(?i)(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|auth[_-]?token|access[_-]?token|client[_-]?secret|private[_-]?key)[\w.-]*["']?\s*[=:]\s*["']?([^"'\s,;]{8,})"#
                ),
                // `ENV DB_PASSWORD value` and `ARG` in a Dockerfile: the name and the value split by a space.
                .init(
                    .code,
                    #"(?i)^\s*(?:ENV|ARG)\s+[\w.-]*(?:password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|token|private[_-]?key)[\w.-]*\s+["']?([^"'\s,;]{8,})"#,
                    languages: [.dockerfile]),
            ],
            excludes: [
                .init(
                    .raw,
                    #"(?i)example|changeme|change_me|placeholder|your[_-]|dummy|sample|xxxx|\*\*\*|<[^>]+>|\$\{|\{\{|\$\(|%\(|redacted|fake|mock|test|secretKeyRef|valueFrom|_FILE\b|\bfile\b|path"#
                ),
                // Names of secrets kept elsewhere (Kubernetes, Helm, AWS IAM actions), not secret values.
                .init(
                    .code,
                    #"(?i)secret[_-]?name|existing[_-]?secret|secret[_-]?ref|secretsmanager:|(?:key|token|password|secret)[_-]?(?:name|id|alias|url|endpoint|type|policy|length)\b"#
                ),
            ],
            minEntropy: 3.0,
            message: "Secret hard-coded in a configuration file",
            recommendation:
                "Reference the secret from the environment (`${DB_PASSWORD}`) or a secret store instead of writing its value; rotate the exposed one.",
            cwe: "CWE-798",
            examples: [
                .init(".env", "DB_PASSWORD=Xk9#mP2vL8qR", flagged: true),
                .init("config.yml", "  api_key: 9f8e7d6c5b4a3f2e1d0c", flagged: true),
                .init("config.yml", "  password: ${DB_PASSWORD}", flagged: false),
                .init(".env", "DB_PASSWORD=changeme", flagged: false),
                .init("Dockerfile", "ENV DB_PASSWORD Xk9mP2vL8qRt", flagged: true),
                .init("deploy.yaml", "        secretName: billing-db-credentials", flagged: false),
                .init("rules.yaml", "    - 'CWE-521: Weak Password Requirements'", flagged: false),
            ]),
        Rule(
            id: "security.tls-verification-disabled", category: .security, severity: .high,
            excludedPaths: documentation,
            keywords: [
                "verify", "rejectunauthorized", "insecureskipverify", "curlopt_ssl", "verify_none",
                "unverified_context", "check_hostname", "cert_none", "hostnameverifier", "strictssl",
                "servercertificatevalidationcallback", "node_tls_reject_unauthorized",
            ],
            patterns: [
                .init(
                    .code,
                    #"\bverify\s*=\s*False\b|(?:^|[{,(]\s*)rejectUnauthorized\s*:\s*false\b|\bInsecureSkipVerify\s*:\s*true\b|\bCURLOPT_SSL_VERIFY(PEER|HOST)\s*,\s*(0|false|FALSE)\b|\bVERIFY_NONE\b|\bssl\._create_unverified_context\s*\(|\.check_hostname\s*=\s*False\b|\.verify_mode\s*=\s*(ssl\.)?CERT_NONE\b|\bcert_reqs\s*=\s*ssl\.CERT_NONE\b|(NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER)|\bstrictSSL\s*:\s*false\b|ServerCertificateValidationCallback\s*=.*=>\s*true|NODE_TLS_REJECT_UNAUTHORIZED["']?\]?\s*[=:\s]\s*["']?0\b"#
                )
            ],
            message: "TLS certificate verification is turned off",
            recommendation:
                "Keep verification on; to trust a private CA, pass its bundle (verify=\"/path/ca.pem\", ca: in Node, RootCAs in Go) instead of disabling the check.",
            cwe: "CWE-295",
            fix: .init(
                "turn certificate verification back on", find: #"\bverify\s*=\s*False\b"#, replace: "verify=True"),
            examples: [
                .init("client.py", "requests.get(url, verify=False)", flagged: true),
                .init("client.js", "https.request({ host, rejectUnauthorized: false })", flagged: true),
                .init("client.go", "tls.Config{InsecureSkipVerify: true}", flagged: true),
                .init("client.php", "curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);", flagged: true),
                .init("client.py", "requests.get(url, verify=True)", flagged: false),
                .init("README.md", "Never call `requests.get(url, verify=False)` in production.", flagged: false),
                .init("client.py", "requests.get(url, verify=\"/etc/ssl/internal-ca.pem\")", flagged: false),
            ]),
        Rule(
            id: "security.weak-hash", category: .security, severity: .medium, languages: codeLanguages,
            keywords: ["md5", "sha1", "sha-1", "md2"],
            patterns: [
                .init(
                    .text,
                    #"\bhashlib\.(md5|sha1)\s*\(|\bhashlib\.new\(\s*["'](md5|sha1)["']|MessageDigest\.getInstance\(\s*"(MD5|SHA-?1|MD2)"|createHash\(\s*["'](md5|sha1)["']|\b(md5|sha1)\.(New|Sum)\b|(?<![.\w$>])(md5|sha1)\s*\(|Digest::(MD5|SHA1)\b|\bInsecure\.(MD5|SHA1)\b|\bCC_(MD5|SHA1)\s*\(|\b(MD5|SHA1)_(Init|Update|Final)\s*\(|\b(MD5|SHA1)\.Create\s*\(|\b(MD5|SHA1)CryptoServiceProvider\b|DigestUtils\.(md5|sha1)(Hex)?\s*\("#
                )
            ],
            requires: [.init(.code, #"(?i)md5|sha-?1|md2|digest|hash|insecure|cc_"#)],
            excludes: [.init(.code, #"usedforsecurity\s*=\s*False"#)],
            message: "Weak hash algorithm (MD5 or SHA-1)",
            recommendation:
                "Use SHA-256 or better for integrity, and a password hash (bcrypt, scrypt, Argon2) for passwords; keep MD5/SHA-1 only for non-security checksums and say so (usedforsecurity=False).",
            cwe: "CWE-328",
            fix: .init(
                "use SHA-256 (changes the digest: only where no stored value depends on it)",
                find: #"\bhashlib\.(md5|sha1)\s*\("#, replace: "hashlib.sha256(", safe: false),
            examples: [
                .init("auth.py", "digest = hashlib.md5(password.encode()).hexdigest()", flagged: true),
                .init("Auth.java", #"MessageDigest md = MessageDigest.getInstance("MD5");"#, flagged: true),
                .init("auth.js", "crypto.createHash('sha1').update(pw)", flagged: true),
                .init("auth.go", "sum := md5.Sum(data)", flagged: true),
                .init("auth.py", "digest = hashlib.sha256(data).hexdigest()", flagged: false),
                .init("cache.py", "key = hashlib.md5(data, usedforsecurity=False).hexdigest()", flagged: false),
            ]),
        Rule(
            id: "security.unsafe-deserialization", category: .security, severity: .high,
            excludedPaths: documentation,
            keywords: [
                "pickle", "marshal", "shelve", "joblib", "yaml", "objectinputstream", "readobject", "unserialize",
                "binaryformatter", "xmldecoder", "node-serialize",
            ],
            patterns: [
                .init(
                    .code,
                    #"\b(c?[Pp]ickle|dill|marshal|joblib)\.loads?\s*\(|\bshelve\.open\s*\(|\byaml\.(load|load_all|unsafe_load|full_load)\s*\(|\bnew\s+ObjectInputStream\s*\(|\.readObject\s*\(\s*\)|\bXMLDecoder\b|(?<![.\w])unserialize\s*\(|\bMarshal\.load\b|\bYAML\.unsafe_load\b|\bBinaryFormatter\b|node-serialize"#
                )
            ],
            excludes: [
                .init(.code, #"Loader\s*=\s*(yaml\.)?(Safe|CSafe|Base)Loader|\byaml\.safe_load"#),
                // A deep copy (`Marshal.load(Marshal.dump(x))`) and a literal written in the code are not attacker data.
                .init(.code, #"\bMarshal\.load\s*\(\s*Marshal\.dump\b"#),
                .init(.code, #"\b(?:loads?|unserialize)\s*\(\s*[bBrRuU]?(?:"[^"]*"|'[^']*')\s*\)"#),
            ],
            message: "Deserialization of data that can execute code",
            recommendation:
                "Parse untrusted data with a data-only format (json, yaml.safe_load) or restrict the classes the deserializer may build.",
            cwe: "CWE-502",
            fix: .init("use yaml.safe_load", find: #"\byaml\.load\s*\(([^,()]*)\)"#, replace: "yaml.safe_load($1)"),
            examples: [
                .init("load.py", "data = pickle.loads(request.data)", flagged: true),
                .init("load.py", "config = yaml.load(stream)", flagged: true),
                .init(
                    "Load.java", "ObjectInputStream in = new ObjectInputStream(socket.getInputStream());", flagged: true
                ),
                .init("load.php", "$obj = unserialize($_COOKIE['state']);", flagged: true),
                .init("load.py", "config = yaml.safe_load(stream)", flagged: false),
                .init("load.py", "config = yaml.load(stream, Loader=yaml.SafeLoader)", flagged: false),
                .init("load.py", "data = json.loads(request.data)", flagged: false),
                .init("load.php", "$defaults = unserialize('a:1:{s:4:\"mode\";s:4:\"fast\";}');", flagged: false),
            ]),
    ]
}
