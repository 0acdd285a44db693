/// Security rules for Ruby, C#, C and C++, shell scripts, Dockerfiles and configuration files: the
/// sinks and settings of those languages that the cross-language rules do not name.
enum PolyglotRules {
    static let cFamily: Set<Language> = [.c, .cpp]
    static let scripts: Set<Language> = [.shell, .dockerfile]
    static let configs: Set<Language> = [.yaml, .ini, .env, .json, .dockerfile]

    static let all: [Rule] = ruby + csharp + cAndCpp + shellAndDocker + configuration

    // MARK: Ruby

    static let ruby: [Rule] = [
        Rule(
            id: "security.ruby-html-safe", category: .security, severity: .high, languages: [.ruby],
            keywords: ["html_safe", "raw"],
            patterns: [
                .init(.code, #"(?<!["'\s])\s*\.html_safe\b|(?<![.\w])raw\s*\(?\s*(?:params|@|[a-z_]\w*\s*[\[.(])"#)
            ],
            excludes: [.init(.code, #"["']\s*\.html_safe\b"#)],
            message: "Value marked as safe HTML without escaping",
            recommendation:
                "Let the template escape it (`<%= value %>`), or sanitize first (`sanitize(value)`); `html_safe`/`raw` only on markup you built from constants.",
            cwe: "CWE-79",
            examples: [
                .init("show.html.erb", "<%= @comment.body.html_safe %>", flagged: true),
                .init("helper.rb", "raw(params[:bio])", flagged: true),
                .init("helper.rb", "\"<br>\".html_safe", flagged: false),
                .init("helper.rb", "sanitize(@comment.body)", flagged: false),
                .init("helper.rb", "# never call .html_safe on user input", flagged: false),
            ]),
        Rule(
            id: "security.ruby-dynamic-dispatch", category: .security, severity: .high, languages: [.ruby],
            keywords: ["constantize", "send", "public_send", "instance_eval", "class_eval"],
            patterns: [
                .init(
                    .code,
                    #"params\s*\[[^\]]*\]\s*\.(?:safe_)?constantize\b|\.(?:send|public_send|__send__|instance_eval|class_eval)\s*\(\s*params\b"#
                )
            ],
            message: "Request value picks the class or method to call",
            recommendation:
                "Map the allowed values to classes or methods explicitly (`{\"csv\" => CsvExport}.fetch(params[:kind])`).",
            cwe: "CWE-470",
            examples: [
                .init("exports_controller.rb", "klass = params[:kind].constantize", flagged: true),
                .init("users_controller.rb", "@user.send(params[:field])", flagged: true),
                .init("exports_controller.rb", "klass = EXPORTERS.fetch(params[:kind])", flagged: false),
                .init("users_controller.rb", "@user.send(:name)", flagged: false),
            ]),
        Rule(
            id: "security.ruby-file-from-request", category: .security, severity: .high, languages: [.ruby],
            keywords: ["params"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:File\.(?:read|open|new|binread|readlines|delete|write)|IO\.read|send_file|send_data\s+File\.read|Pathname\.new)\s*\(?\s*(?:["'][^"']*["']\s*\+\s*)?params\b|(?<![.\w])open\s*\(\s*params\b"#
                )
            ],
            message: "File path taken from the request",
            recommendation:
                "Resolve the name against a fixed folder and check the result stays inside it (`File.expand_path(name, BASE).start_with?(BASE)`), or look it up in a list.",
            cwe: "CWE-22",
            examples: [
                .init("files_controller.rb", "send_file params[:path]", flagged: true),
                .init("files_controller.rb", "data = File.read(params[:name])", flagged: true),
                .init("files_controller.rb", "send_file Rails.root.join('public', 'terms.pdf')", flagged: false),
            ]),
        Rule(
            id: "security.ruby-weak-cipher", category: .security, severity: .medium, languages: [.ruby],
            keywords: ["cipher"],
            patterns: [.init(.text, #"(?i)OpenSSL::Cipher(?:::\w+)?\.new\s*\(\s*["'](?:des|rc4|rc2|bf|[\w-]*-ecb)\b"#)],
            message: "Broken cipher or ECB mode",
            recommendation: "Use AES-GCM (`OpenSSL::Cipher.new('aes-256-gcm')`) with a random IV.",
            cwe: "CWE-327",
            examples: [
                .init("crypto.rb", "cipher = OpenSSL::Cipher.new('des-ede3-cbc')", flagged: true),
                .init("crypto.rb", "cipher = OpenSSL::Cipher.new('aes-128-ecb')", flagged: true),
                .init("crypto.rb", "cipher = OpenSSL::Cipher.new('aes-256-gcm')", flagged: false),
            ]),
    ]

    // MARK: C#

    static let csharp: [Rule] = [
        Rule(
            id: "security.csharp-html-raw", category: .security, severity: .high, languages: [.csharp],
            keywords: ["html.raw", "htmlstring"],
            patterns: [.init(.code, #"\b(?:Html\.Raw|new\s+(?:Html|Markup)String)\s*\(\s*(?!["@$]*["'])"#)],
            message: "Value written into the page without HTML encoding",
            recommendation:
                "Let Razor encode it (`@value`); if it must be markup, sanitize it with an allow-list sanitizer first.",
            cwe: "CWE-79",
            examples: [
                .init("Comment.cs", "return Html.Raw(comment.Body);", flagged: true),
                .init("Page.cs", "var html = new HtmlString(userInput);", flagged: true),
                .init("Page.cs", "return Html.Raw(\"<br/>\");", flagged: false),
                .init("Page.cs", "return Html.Encode(comment.Body);", flagged: false),
            ]),
        Rule(
            id: "security.csharp-insecure-random", category: .security, severity: .medium, languages: [.csharp],
            keywords: ["random"],
            patterns: [.init(.code, #"\bnew\s+Random\s*\("#)],
            requires: [
                .init(.code, #"(?i)token|password|passwd|secret|salt|nonce|otp|apikey|api_key|session|reset|code"#)
            ],
            message: "System.Random used for a secret value",
            recommendation:
                "Use `RandomNumberGenerator.GetBytes`/`GetInt32` for tokens, passwords and salts; System.Random is predictable.",
            cwe: "CWE-338",
            examples: [
                .init("Tokens.cs", "var resetToken = new Random().Next(100000, 999999);", flagged: true),
                .init("Game.cs", "var dice = new Random().Next(1, 7);", flagged: false),
                .init("Tokens.cs", "var resetToken = RandomNumberGenerator.GetInt32(100000, 999999);", flagged: false),
            ]),
        Rule(
            id: "security.csharp-weak-cipher", category: .security, severity: .medium, languages: [.csharp],
            keywords: ["des", "rc2", "ecb", "tripledes"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:DES|RC2)(?:CryptoServiceProvider)?\.Create\s*\(|\bnew\s+(?:DES|RC2)CryptoServiceProvider\s*\(|\bCipherMode\.ECB\b"#
                )
            ],
            message: "Broken cipher or ECB mode",
            recommendation: "Use `AesGcm` (or AES in CBC with an HMAC) with a random nonce.",
            cwe: "CWE-327",
            examples: [
                .init("Crypto.cs", "using var des = DES.Create();", flagged: true),
                .init("Crypto.cs", "aes.Mode = CipherMode.ECB;", flagged: true),
                .init("Crypto.cs", "using var gcm = new AesGcm(key, 16);", flagged: false),
            ]),
        Rule(
            id: "security.csharp-cookie-flags", category: .security, severity: .medium, languages: [.csharp],
            keywords: ["httponly", "secure"],
            patterns: [.init(.code, #"\b(?:HttpOnly|Secure)\s*=\s*false\b"#)],
            message: "Cookie sent without HttpOnly or Secure",
            recommendation:
                "Set `HttpOnly = true` and `Secure = true` (and a SameSite mode) on session and auth cookies.",
            cwe: "CWE-614",
            examples: [
                .init("Auth.cs", "var options = new CookieOptions { HttpOnly = false, Secure = true };", flagged: true),
                .init("Auth.cs", "var options = new CookieOptions { HttpOnly = true, Secure = true };", flagged: false),
            ]),
        Rule(
            id: "security.csharp-cors-any-origin", category: .security, severity: .medium, languages: [.csharp],
            keywords: ["allowanyorigin", "setisoriginallowed"],
            patterns: [.init(.code, #"\.AllowAnyOrigin\s*\(\s*\)|\.SetIsOriginAllowed\s*\(\s*\w+\s*=>\s*true\s*\)"#)],
            message: "CORS policy accepts every origin",
            recommendation: "Name the origins that may call the API (`WithOrigins(\"https://app.example.com\")`).",
            cwe: "CWE-942",
            examples: [
                .init("Startup.cs", "policy.AllowAnyOrigin().AllowAnyHeader();", flagged: true),
                .init("Startup.cs", "policy.SetIsOriginAllowed(origin => true).AllowCredentials();", flagged: true),
                .init("Startup.cs", "policy.WithOrigins(\"https://app.example.com\");", flagged: false),
            ]),
        Rule(
            id: "security.csharp-path-from-request", category: .security, severity: .high, languages: [.csharp],
            keywords: ["request"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:File\.(?:ReadAll\w*|Open\w*|Delete|WriteAll\w*|Exists)|Path\.Combine|PhysicalFile|new\s+FileStream)\s*\([^;]*\bRequest\.(?:Query|Form|Path|RouteValues)"#
                )
            ],
            message: "File path taken from the request",
            recommendation:
                "Use `Path.GetFileName` on the value, combine it with a fixed folder, and check the full path stays inside it.",
            cwe: "CWE-22",
            examples: [
                .init(
                    "FilesController.cs", "var bytes = File.ReadAllBytes(Path.Combine(root, Request.Query[\"name\"]));",
                    flagged: true),
                .init(
                    "FilesController.cs", "var bytes = File.ReadAllBytes(Path.Combine(root, \"terms.pdf\"));",
                    flagged: false),
            ]),
    ]

    // MARK: C and C++

    static let cAndCpp: [Rule] = [
        Rule(
            id: "security.c-unbounded-copy", category: .security, severity: .high, languages: cFamily,
            keywords: ["gets", "strcpy", "strcat", "sprintf", "vsprintf"],
            patterns: [.init(.code, #"(?<![.\w>])(?:gets|strcpy|strcat|sprintf|vsprintf|wcscpy|wcscat)\s*\((?!\s*")"#)],
            message: "Copy into a buffer without a bound",
            recommendation:
                "Use the bounded forms (`fgets`, `snprintf`, `strlcpy`/`strncpy` with the buffer size, or std::string); `gets` cannot be used safely at all.",
            cwe: "CWE-120",
            examples: [
                .init("parse.c", "strcpy(name, argv[1]);", flagged: true),
                .init("parse.c", "gets(line);", flagged: true),
                .init("parse.c", "sprintf(out, \"%s/%s\", dir, file);", flagged: true),
                .init("parse.c", "snprintf(out, sizeof out, \"%s/%s\", dir, file);", flagged: false),
                .init("parse.c", "/* never strcpy(name, argv[1]) here */", flagged: false),
                .init("parse.cpp", "buffer.strcpy(other);", flagged: false),
            ]),
        Rule(
            id: "security.c-format-string", category: .security, severity: .high, languages: cFamily,
            keywords: ["printf", "syslog"],
            patterns: [
                .init(
                    .code,
                    #"(?<![.\w>])(?:printf|syslog\s*\(\s*\w+\s*,|fprintf\s*\(\s*\w+\s*,|sprintf\s*\(\s*\w+\s*,|snprintf\s*\(\s*\w+\s*,\s*[^,]+,)\s*\(?\s*[A-Za-z_][\w.\->\[\]]*\s*\)"#
                )
            ],
            excludes: [.init(.code, #"\bprintf\s*\(\s*\)"#)],
            message: "Format string that is not a constant",
            recommendation: "Pass the value as an argument of a constant format: `printf(\"%s\", message)`.",
            cwe: "CWE-134",
            examples: [
                .init("log.c", "printf(message);", flagged: true),
                .init("log.c", "fprintf(stderr, user_input);", flagged: true),
                .init("log.c", "syslog(LOG_ERR, msg);", flagged: true),
                .init("log.c", "printf(\"%s\", message);", flagged: false),
                .init("log.c", "fprintf(stderr, \"failed\\n\");", flagged: false),
            ]),
        Rule(
            id: "security.c-insecure-random", category: .security, severity: .medium, languages: cFamily,
            keywords: ["rand"],
            patterns: [.init(.code, #"(?<![.\w])(?:rand|random|drand48|lrand48)\s*\(\s*\)"#)],
            requires: [.init(.code, #"(?i)token|password|passwd|secret|salt|nonce|key\b|iv\b|session|otp"#)],
            message: "rand() used for a secret value",
            recommendation:
                "Use the system's random source (`getrandom`, `arc4random_buf`, `RAND_bytes`) for keys, tokens and salts.",
            cwe: "CWE-338",
            examples: [
                .init("auth.c", "session_token = rand();", flagged: true),
                .init("game.c", "int roll = rand() % 6;", flagged: false),
            ]),
        Rule(
            id: "security.c-temp-file-race", category: .security, severity: .medium, languages: cFamily,
            keywords: ["tmpnam", "tempnam", "mktemp"],
            patterns: [.init(.code, #"(?<![.\w])(?:tmpnam|tempnam|mktemp)\s*\("#)],
            message: "Temporary file name that another process can take first",
            recommendation: "Use `mkstemp`/`tmpfile`, which create and open the file in one step.",
            cwe: "CWE-377",
            examples: [
                .init("tmp.c", "char *name = tmpnam(NULL);", flagged: true),
                .init("tmp.c", "int fd = mkstemp(template);", flagged: false),
            ]),
        Rule(
            id: "security.c-weak-cipher", category: .security, severity: .medium, languages: cFamily,
            keywords: ["evp_", "des_", "rc4"],
            patterns: [
                .init(.code, #"\bEVP_(?:des|rc4|rc2|bf|cast5)\w*\s*\(|\bEVP_aes_\d+_ecb\s*\(|\b(?:DES|RC4)_\w+\s*\("#)
            ],
            message: "Broken cipher or ECB mode",
            recommendation: "Use AES-GCM (`EVP_aes_256_gcm()`) or ChaCha20-Poly1305 with a random nonce.",
            cwe: "CWE-327",
            examples: [
                .init("crypt.c", "EVP_EncryptInit_ex(ctx, EVP_des_ede3_cbc(), NULL, key, iv);", flagged: true),
                .init("crypt.c", "EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), NULL, key, NULL);", flagged: true),
                .init("crypt.c", "EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, iv);", flagged: false),
            ]),
    ]

    // MARK: Shell and Dockerfile

    static let shellAndDocker: [Rule] = [
        DownloadRules.pipeDownloadToShell,
        Rule(
            id: "security.download-without-tls-check", category: .security, severity: .high, languages: scripts,
            keywords: ["curl", "wget", "insecure", "no-check-certificate"],
            patterns: [
                .init(
                    .code,
                    #"\bcurl\b[^|;&\n]*\s(?:-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)\b|\bwget\b[^|;&\n]*--no-check-certificate"#
                )
            ],
            message: "Download with TLS certificate checks turned off",
            recommendation:
                "Keep verification on; to trust a private CA, pass it (`curl --cacert ca.pem`, `wget --ca-certificate=ca.pem`).",
            cwe: "CWE-295",
            examples: [
                .init("fetch.sh", "curl -k https://internal/api", flagged: true),
                .init("fetch.sh", "curl -sSfk https://internal/api", flagged: true),
                .init("Dockerfile", "RUN wget --no-check-certificate https://example.com/tool.tgz", flagged: true),
                .init("fetch.sh", "curl -sSf --cacert ca.pem https://internal/api", flagged: false),
                .init("fetch.sh", "curl -o out.json https://api.example.com/keys", flagged: false),
            ]),
        Rule(
            id: "security.world-writable", category: .security, severity: .medium, languages: scripts,
            keywords: ["chmod"],
            patterns: [.init(.code, #"\bchmod\s+(?:-R\s+)?(?:[0-7]?7[0-7]7|a\+w|o\+w|\w*o\w*=\w*w)\b"#)],
            message: "File made writable by every user",
            recommendation: "Give write access to the owner (and group) only, e.g. `chmod 755` or `chmod 644`.",
            cwe: "CWE-732",
            examples: [
                .init("setup.sh", "chmod 777 /var/app/uploads", flagged: true),
                .init("Dockerfile", "RUN chmod -R o+w /app", flagged: true),
                .init("setup.sh", "chmod 755 bin/run", flagged: false),
                .init("setup.sh", "chmod 0644 config.yml", flagged: false),
            ]),
        Rule(
            id: "security.shell-eval", category: .security, severity: .high, languages: [.shell],
            keywords: ["eval"],
            patterns: [.init(.text, #"(?:^|[;&|(]\s*|\b(?:then|do|else)\s+)eval\s+["']?[^"'\s]*\$(?:\{?\w|\()"#)],
            excludes: [
                .init(
                    .text,
                    #"eval\s+["']?\$\((?:ssh-agent|dircolors|brew\s+shellenv|direnv|pyenv|rbenv|opam|luarocks|minikube|docker-machine)\b"#
                )
            ],
            message: "Shell code built from a variable and evaluated",
            recommendation:
                "Run the command directly with quoted arguments (`\"$cmd\" \"$@\"`), or use an array; `eval` re-parses the value as code.",
            cwe: "CWE-95",
            examples: [
                .init("run.sh", "eval \"$USER_COMMAND\"", flagged: true),
                .init("run.sh", "eval $1", flagged: true),
                .init("env.sh", "eval \"$(ssh-agent -s)\"", flagged: false),
                .init("run.sh", "\"$cmd\" \"$@\"", flagged: false),
            ]),
        Rule(
            id: "security.dockerfile-add-url", category: .security, severity: .medium, languages: [.dockerfile],
            keywords: ["add"],
            patterns: [.init(.text, #"(?i)^\s*ADD\s+(?:--\S+\s+)*https?://"#)],
            excludes: [.init(.text, #"--checksum="#)],
            message: "ADD fetches a remote file without checking it",
            recommendation:
                "Use `ADD --checksum=sha256:…` or `RUN curl` followed by a checksum check, so a changed download fails the build.",
            cwe: "CWE-494",
            examples: [
                .init("Dockerfile", "ADD https://example.com/tool.tar.gz /opt/", flagged: true),
                .init(
                    "Dockerfile",
                    "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2015d0a5e5 https://example.com/tool.tar.gz /opt/",
                    flagged: false),
                .init("Dockerfile", "ADD app.tar.gz /opt/", flagged: false),
            ]),
    ]

    // MARK: Configuration files

    static let configuration: [Rule] = [
        Rule(
            id: "security.debug-in-production-config", category: .security, severity: .high, languages: configs,
            excludedPaths: ["*dev*", "*local*", "*test*", "*example*", "*sample*", "docker-compose.override.*"],
            keywords: ["debug", "aspnetcore_environment", "node_env", "app_env", "rails_env", "flask_env"],
            patterns: [
                .init(
                    .text,
                    #"(?i)^\s*(?:ENV\s+)?(?:export\s+)?["']?(?:\w+[_.])?debug["']?\s*[:=\s]\s*["']?(?:true|1|on|yes)["']?\s*,?\s*$|(?i)^\s*(?:ENV\s+)?(?:export\s+)?["']?(?:ASPNETCORE_ENVIRONMENT|FLASK_ENV|APP_ENV|RAILS_ENV|NODE_ENV)["']?\s*[:=\s]\s*["']?(?:development|dev)["']?\s*,?\s*$"#
                )
            ],
            requiresInFile: [.init(.raw, #"(?i)prod"#)],
            message: "Debug mode switched on in a production configuration",
            recommendation:
                "Turn debug off for production (stack traces and debug consoles leak internals and can run code); keep it in development-only files.",
            cwe: "CWE-489",
            examples: [
                .init("config/production.yml", "environment: production\ndebug: true", flagged: true),
                .init("deploy/prod.env", "# production\nAPP_DEBUG=1", flagged: true),
                .init("Dockerfile.prod", "FROM python:3.12 AS prod\nENV FLASK_ENV=development", flagged: true),
                .init("config/production.yml", "environment: production\ndebug: false", flagged: false),
                .init("config/development.yml", "environment: dev, copied to prod later\ndebug: true", flagged: false),
                .init("config/app.yml", "debug: true", flagged: false),
            ]),
        Rule(
            id: "security.config-tls-disabled", category: .security, severity: .high, languages: configs,
            keywords: ["ssl", "tls", "verify", "sslmode", "insecure"],
            patterns: [
                .init(
                    .text,
                    #"(?i)^\s*(?:-\s*)?(?:ENV\s+|export\s+)?["']?(?:[\w.-]*[._])?(?:verify[-_]?ssl|ssl[-_]?verify|tls[-_]?verify|verify[-_]?certs?|ssl[-_]verify[-_]?peer|ssl[-_]check[-_]?cert|insecure[-_]?skip[-_]?tls[-_]?verify|insecure[-_]?skip[-_]?verify|tls[-_]?insecure|skip[-_]?tls[-_]?verify)["']?\s*[:=]\s*["']?(false|no|off|0|true|yes|on|1)\b|(?i)(?:^|[?&;\s"'=])sslmode\s*[:=]\s*["']?disable\b"#
                )
            ],
            excludes: [
                .init(
                    .text,
                    #"(?i)(?<![\w-])["']?(?:verify[-_]?ssl|ssl[-_]?verify|tls[-_]?verify|verify[-_]?certs?|ssl[-_]verify[-_]?peer|ssl[-_]check[-_]?cert)["']?\s*[:=]\s*["']?(?:true|yes|on|1)\b|(?i)(?:insecure|skip)[\w-]*["']?\s*[:=]\s*["']?(?:false|no|off|0)\b"#
                )
            ],
            message: "TLS certificate verification or encryption turned off in configuration",
            recommendation:
                "Keep verification on and point the client at the CA bundle it should trust; use `sslmode=verify-full` for PostgreSQL.",
            cwe: "CWE-295",
            examples: [
                .init("config.yml", "elasticsearch:\n  verify_certs: false", flagged: true),
                .init("kubeconfig.yaml", "    insecure-skip-tls-verify: true", flagged: true),
                .init(".env", "DATABASE_URL_OPTIONS=sslmode=disable", flagged: true),
                .init("config.yml", "elasticsearch:\n  verify_certs: true", flagged: false),
                .init("config.yml", "insecure_skip_verify: false", flagged: false),
            ]),
        Rule(
            id: "security.config-cors-any-origin", category: .security, severity: .medium, languages: configs,
            keywords: ["origin"],
            patterns: [
                .init(
                    .text,
                    #"(?i)^\s*(?:-\s*)?(?:add_header\s+)?["']?(?:access[-_]control[-_]allow[-_]origin|allow(?:ed)?[-_]?origins?|cors[-_.]?origins?|cors_allowed_origins)["']?\s*[:=]\s*\[?\s*["']?\*["']?\s*\]?\s*,?\s*$"#
                )
            ],
            message: "CORS configured to accept every origin",
            recommendation: "List the origins that may call the service instead of `*`.",
            cwe: "CWE-942",
            examples: [
                .init("nginx.yml", "Access-Control-Allow-Origin: \"*\"", flagged: true),
                .init("config.yml", "cors:\n  allowed_origins: ['*']", flagged: true),
                .init("config.yml", "cors:\n  allowed_origins: ['https://app.example.com']", flagged: false),
            ]),
    ]
}
