/// Built-in rules specific to one language family (see RuleCatalog).
///
/// Python security rules: library APIs whose misuse is a vulnerability on its own (weak ciphers, TLS
/// settings, unsafe loaders), and sinks reached by request data in the same function. They complement the
/// cross-language rules in SecurityRules and share their CWEs, so that a line both flag is reported once.
enum PythonRules {
    static let all: [Rule] = transport + crypto + execution + injection + web + misc

    /// Ready, but not in `all`: they fire on lines the end-to-end tests use as their single expected finding
    /// (`requests.get(url, verify=False)` has no timeout; Fixtures/marked/api.py imports subprocess).
    /// Enable them together with a test update (see the report that introduced them).
    static let pending: [Rule] = [
        rule(
            "requests-without-timeout", .low, cwe: "CWE-400",
            keywords: ["requests."],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w.])requests\.(?:get|post|put|patch|delete|head|options|request)\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#
                ),
                // httpx has a default timeout; turning it off explicitly is the same problem.
                .init(
                    .code,
                    #"(?<![\w.])httpx\.(?:get|post|put|patch|delete|head|options|request|stream|Client|AsyncClient)\s*\((?=(?:[^()]|\([^()]*\))*\btimeout\s*=\s*None\b)(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#
                ),
            ],
            excludes: [.init(.code, #"\btimeout\s*=\s*(?!None\b)|\*\*\s*\w"#)],
            multiline: true,
            message: "HTTP request without a timeout: a slow or silent server blocks this call forever",
            recommendation:
                "Pass timeout= (seconds, or a (connect, read) tuple) to every requests call, or use a Session wrapper that sets one.",
            examples: [
                .init("client.py", "r = requests.get(url)", flagged: true),
                .init("client.py", "r = requests.post(url,\n    json=payload)", flagged: true),
                .init("client.py", "r = requests.get(url, timeout=None)", flagged: true),
                .init("client.py", "r = requests.get(url, timeout=10)", flagged: false),
                .init("client.py", "r = requests.post(url,\n    json=payload,\n    timeout=(3, 30))", flagged: false),
            ]),
        rule(
            "process-module-import", .info, cwe: "CWE-78",
            keywords: ["subprocess"],
            patterns: [
                .init(
                    .code,
                    #"^\s*(?:import|from)\s+(?:\.+\s*import\s+)?subprocess\b|^\s*from\s+\.+subprocess\b|^\s*from\s+\.+\s+import\s+subprocess\b"#
                ),
                .init(
                    .text,
                    #"\b(?:__import__|importlib\.import_module|importlib\.__import__)\s*\(\s*(?:name\s*=\s*)?["']subprocess["']"#
                ),
            ],
            message: "subprocess imported: every call that runs a program here must keep input out of the command",
            recommendation:
                "Pass argument lists with shell=False, use absolute program paths, and validate any value that comes from outside.",
            examples: [
                .init("tool.py", "import subprocess", flagged: true),
                .init("tool.py", "import shlex", flagged: false),
            ]),
    ]

    /// A rule of this family: Python only, security category.
    private static func rule(
        _ name: String, _ severity: Severity, cwe: String, excludedPaths: [String] = [], keywords: [String],
        patterns: [Rule.Pattern], requires: [Rule.Pattern] = [], excludes: [Rule.Pattern] = [],
        requiresInFile: [Rule.Pattern] = [], conditions: [Rule.Condition] = [], multiline: Bool = false,
        message: String, recommendation: String, fix: Rule.Fix? = nil, examples: [Rule.Example]
    ) -> Rule {
        Rule(
            id: "security." + name, category: .security, severity: severity, languages: [.python],
            excludedPaths: excludedPaths, keywords: keywords, patterns: patterns, requires: requires,
            excludes: excludes, requiresInFile: requiresInFile, conditions: conditions, multiline: multiline,
            message: message, recommendation: recommendation, cwe: cwe, fix: fix, examples: examples)
    }

    /// A string literal that is a constant (no f-string): its end, then the end of the argument.
    static let literalArgument = #"[rRbBuU]{0,2}(?:"[^"{]*"|'[^'{]*')\s*[,)\]]"#
    /// A host that is not the local machine, after `http://` or `ftp://`.
    static let remoteHost = #"(?!localhost\b|127\.0\.0\.1|0\.0\.0\.0|\[::1\])[\w\[]"#
    /// Parsing entry points of the standard library's XML modules.
    static let xmlParseFunctions =
        #"parse|parseString|fromstring|fromstringlist|iterparse|XML|XMLParser|XMLPullParser|make_parser|create_parser"#
    /// After a parse call's `(`: not a path under a configured directory constant (f"{settings.DATA_DIR}/x.xml").
    static let notConfiguredPath = #"(?!\s*f["']\{[\w.]*\b[A-Z][A-Z0-9_]{2,}\})"#
    /// A defusedxml import, its bound name in group 1: the hardened module under the name the stdlib one had.
    static let defusedBinding =
        #"(?:import[ \t]{1,4}defusedxml[\w.]{0,60}[ \t]{1,4}as|from[ \t]{1,4}defusedxml[\w.]{0,60}[ \t]{1,4}import(?:[ \t]{1,4}[\w \t,]{0,200}?\bas)?)[ \t]{1,4}(\w{1,40})\b"#
    /// Before a string literal: it is not empty, a placeholder, a label or a template.
    static let notPlaceholder =
        #"(?!["'](?:password|passwd|pwd|secret|none|null|true|false|required|\*+|x+|\.+|changeme|change_me|your[_-]\w*)["']|["'][^\w"'\n]*["']|["'][^"'\n]*(?:test|example|dummy|sample|placeholder|fake|xxx|\$\{|\{\{|%\(|<[^>\n]+>)[^"'\n]*["'])"#
    /// Calls that send a request to their URL argument.
    static let httpClientCall =
        #"(?:urlopen|urlretrieve|Request|requests\.(?:get|post|put|patch|delete|head|options|request|Request)|httpx\.(?:get|post|put|patch|delete|head|options|request|stream)|aiohttp\.request|session\.(?:get|post|put|patch|delete|head|options|request)|(?:od|opener|URLopener\(\)|FancyURLopener\(\)|OpenerDirector\(\))\.(?:open|retrieve)|get|post|HTTPConnection)"#
    /// Hosts of XML namespaces and schema identifiers: names, never fetched.
    static let namespaceHosts =
        #"(?i)://(?:www\.)?(?:w3\.org|schemas\.|xmlns\.|purl\.org|ns\.adobe|json-schema\.org|xml\.org|docs\.oasis-open)"#

    // MARK: - Transport

    static let transport: [Rule] = [
        rule(
            "cleartext-http-request", .medium, cwe: "CWE-319",
            keywords: ["http://", "ftp://"],
            patterns: [
                // A client call given a plain-text URL literal.
                .init(
                    .text,
                    #"(?<!\w)"# + httpClientCall + #"\s*\(\s*(?:["'][A-Z]{3,7}["']\s*,\s*)?[rbu]?["'](?:http|ftp)://"#
                        + remoteHost),
                // A plain-text URL assigned to a variable (or a parameter's default) that a client call uses a few lines below.
                .init(
                    .text,
                    #"(?m)^[ \t]*(\w+)[ \t]*=[ \t]*[rbu]?["'](?:http|ftp)://"# + remoteHost
                        + #"[^"'\n]*["'][^\n]*\n(?:"# + notFunctionStart
                        + #"[^\n]*\n){0,6}?[^\n]*?(?<!\w)"# + httpClientCall
                        + #"\s*\(\s*(?:["'][A-Z]{3,7}["']\s*,\s*)?\1\s*[,)]"#),
            ],
            excludes: [
                .init(
                    .code,
                    #"^(?![\s\S]*\b(?:urlopen|urlretrieve|Request|requests|httpx|aiohttp|session|od|opener|URLopener|FancyURLopener|OpenerDirector|get|post|HTTPConnection)\s*[.(])"#
                ), .init(.text, namespaceHosts),
            ],
            requiresInFile: [
                .init(
                    .code,
                    #"\b(?:requests|urllib\d?|urlopen|urlretrieve|httpx|aiohttp|http\.client|httplib|URLopener|OpenerDirector|ftplib|pycurl)\b"#
                )
            ],
            multiline: true,
            message: "Request sent over plain HTTP or FTP",
            recommendation:
                "Use https:// (or ftps/sftp): plain HTTP and FTP can be read and changed by anyone on the network path, credentials included.",
            examples: [
                .init("client.py", "import requests\nrequests.get(\"http://api.example.com/users\")", flagged: true),
                .init(
                    "client.py", "from urllib.request import urlopen\nurlopen(\"ftp://files.example.com/a.txt\")",
                    flagged: true),
                .init(
                    "client.py",
                    "import requests\n\ndef ping():\n    url = \"http://status.example.com\"\n    return requests.get(url, timeout=5)",
                    flagged: true),
                .init("client.py", "import requests\nrequests.get(\"https://api.example.com/users\")", flagged: false),
                .init("client.py", "import requests\nrequests.get(\"http://localhost:8080/health\")", flagged: false),
                .init("client.py", "import requests\nAPI_URL = \"http://api.example.com\"", flagged: false),
                .init(
                    "client.py",
                    "import requests\n\ndef ping(url=\"https://status.example.com\"):\n    return requests.get(url, timeout=5)",
                    flagged: false),
            ]),
        rule(
            "cleartext-http-request-variable", .medium, cwe: "CWE-319",
            keywords: ["http://", "ftp://"],
            patterns: [
                // The call, when the URL was set to a plain-text literal (or is a parameter defaulting to one) a few lines above.
                .init(
                    .text,
                    #"(?m)(?<!\w)(?="# + httpClientCall
                        + #"\s*\()(?<=\b(\w{1,40})[ \t]{0,3}=[ \t]{0,3}[rbu]?["'](?:http|ftp)://(?!localhost\b|127\.0\.0\.1)[^"'\n]{1,200}["'][^\n]{0,100}\n(?:"#
                        + notFunctionStart + #"[^\n]{0,300}\n){0,5}[^\n]{0,120}?)"# + httpClientCall
                        + #"\s*\(\s*(?:["'][A-Z]{3,7}["']\s*,\s*)?\1\s*[,)]"#
                )
            ],
            excludes: [.init(.code, #"^(?![\s\S]*\()"#)],
            requiresInFile: [
                .init(
                    .code,
                    #"\b(?:requests|urllib\d?|urlopen|urlretrieve|httpx|aiohttp|http\.client|httplib|URLopener|OpenerDirector)\b"#
                )
            ],
            multiline: true,
            message: "Request sent over plain HTTP or FTP",
            recommendation:
                "Use https:// (or ftps/sftp): plain HTTP and FTP can be read and changed by anyone on the network path, credentials included.",
            examples: [
                .init(
                    "client.py",
                    "import requests\n\ndef ping(url=\"http://status.example.com\"):\n    return requests.get(url, timeout=5)",
                    flagged: true),
                .init(
                    "client.py",
                    "import requests\n\ndef ping(url=\"https://status.example.com\"):\n    return requests.get(url, timeout=5)",
                    flagged: false),
            ]),
        rule(
            "weak-tls-version", .high, cwe: "CWE-327",
            keywords: ["protocol_", "_method", "tlsversion"],
            patterns: [
                .init(
                    .code,
                    #"\bPROTOCOL_(?:SSLv2|SSLv3|TLSv1|TLSv1_1)\b|\b(?:SSLv2|SSLv23|SSLv3|TLSv1|TLSv1_1)_METHOD\b|\bTLSVersion\.(?:SSLv3|TLSv1|TLSv1_1)\b"#
                )
            ],
            message: "Obsolete SSL/TLS protocol version",
            recommendation:
                "Use ssl.create_default_context() (TLS 1.2 and later); set minimum_version = ssl.TLSVersion.TLSv1_2 if you need to pin it. SSLv2/3 and TLS 1.0/1.1 are broken.",
            examples: [
                .init("net.py", "ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLSv1)", flagged: true),
                .init("net.py", "ctx = SSL.Context(SSL.SSLv23_METHOD)", flagged: true),
                .init("net.py", "def connect(version=ssl.PROTOCOL_SSLv3):", flagged: true),
                .init("net.py", "ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)", flagged: false),
                .init("net.py", "ctx.minimum_version = ssl.TLSVersion.TLSv1_2", flagged: false),
            ]),
        rule(
            "ssl-wrap-socket", .medium, cwe: "CWE-295",
            keywords: ["wrap_socket"],
            patterns: [.init(.code, #"\bssl\.wrap_socket\s*\("#)],
            message: "ssl.wrap_socket() checks neither the certificate's host name nor, by default, the certificate",
            recommendation:
                "Create a context with ssl.create_default_context() and call context.wrap_socket(sock, server_hostname=host); ssl.wrap_socket is removed in Python 3.12.",
            examples: [
                .init("net.py", "conn = ssl.wrap_socket(sock)", flagged: true),
                .init("net.py", "conn = context.wrap_socket(sock, server_hostname=host)", flagged: false),
            ]),
        rule(
            "cert-validation-disabled", .high, cwe: "CWE-295",
            keywords: ["cert_reqs", "cert_optional", "_create_default_https_context"],
            patterns: [
                .init(.code, #"\bcert_reqs\s*=\s*(?:ssl\.)?CERT_(?:NONE|OPTIONAL)\b"#),
                .init(.text, #"\bcert_reqs\s*=\s*["'](?:CERT_)?NONE["']"#),
                .init(.code, #"\bssl\._create_default_https_context\s*=\s*ssl\._create_unverified_context\b"#),
            ],
            requires: [.init(.code, #"\bcert_reqs\b|_create_default_https_context"#)],
            message: "TLS certificate verification is turned off",
            recommendation:
                "Keep cert_reqs=ssl.CERT_REQUIRED (the default of create_default_context); to trust a private CA, load it with cafile= instead.",
            examples: [
                .init("net.py", "pool = urllib3.PoolManager(cert_reqs=ssl.CERT_NONE)", flagged: true),
                .init("net.py", "pool = urllib3.connection_from_url(url, cert_reqs='NONE')", flagged: true),
                .init("net.py", "pool = urllib3.PoolManager(cert_reqs='CERT_REQUIRED')", flagged: false),
            ]),
        rule(
            "cleartext-protocol", .medium, cwe: "CWE-319",
            keywords: ["telnet", "ftp", "httpconnectionpool"],
            patterns: [
                .init(
                    .code,
                    #"\btelnetlib\.Telnet\s*\(|\bftplib\.FTP\s*\(|(?<![\w.])(?:Telnet|FTP)\s*\(|\bHTTPConnectionPool\s*\("#
                )
            ],
            requiresInFile: [.init(.code, #"\b(?:telnetlib|ftplib|urllib3)\b"#)],
            message: "Telnet, FTP or plain HTTP connection: credentials and data travel unencrypted",
            recommendation: "Use SSH (paramiko), FTP_TLS or SFTP, and HTTPS connection pools instead.",
            examples: [
                .init("net.py", "import telnetlib\ntn = telnetlib.Telnet(host)", flagged: true),
                .init("net.py", "from ftplib import FTP\nftp = FTP('ftp.example.com')", flagged: true),
                .init("net.py", "from ftplib import FTP_TLS\nftp = FTP_TLS('ftp.example.com')", flagged: false),
            ]),
        rule(
            "ssh-host-key-not-verified", .high, cwe: "CWE-295",
            keywords: ["set_missing_host_key_policy"],
            patterns: [
                .init(.code, #"\bset_missing_host_key_policy\s*\(\s*(?:[\w.]*\.)?(?:AutoAddPolicy|WarningPolicy)\b"#)
            ],
            message: "SSH client accepts unknown host keys",
            recommendation:
                "Load known hosts (client.load_system_host_keys() or load_host_keys(path)) and keep the default RejectPolicy, so that a spoofed server is refused.",
            examples: [
                .init("deploy.py", "client.set_missing_host_key_policy(paramiko.AutoAddPolicy())", flagged: true),
                .init("deploy.py", "client.set_missing_host_key_policy(paramiko.RejectPolicy())", flagged: false),
            ]),
        rule(
            "bind-all-interfaces", .medium, cwe: "CWE-605",
            keywords: ["0.0.0.0", "bind", "::"],
            patterns: [
                .init(.text, #"\.bind\s*\(\s*\(\s*["'](?:0\.0\.0\.0|::|)["']\s*,"#),
                .init(.text, #"\b(?:app|application|server)\.run\s*\((?:[^)]*\bhost\s*=\s*|\s*)["']0\.0\.0\.0["']"#),
            ],
            requires: [.init(.code, #"\.(?:bind|run)\s*\("#)],
            message: "Server listens on every network interface",
            recommendation:
                "Bind to 127.0.0.1 or to the one interface that should serve, and put a reverse proxy in front when the service must be public.",
            examples: [
                .init("server.py", "sock.bind(('0.0.0.0', 8080))", flagged: true),
                .init("server.py", "app.run(host=\"0.0.0.0\")", flagged: true),
                .init("server.py", "sock.bind(('127.0.0.1', 8080))", flagged: false),
            ]),
    ]

    // MARK: - Cryptography

    static let crypto: [Rule] = [
        rule(
            "weak-cipher", .high, cwe: "CWE-327",
            keywords: [
                "arc2", "arc4", "rc2", "rc4", "blowfish", "des.", "des3", "xor.", "cast.", "cast5", "idea(", "seed(",
                "tripledes", "ecb", "pydes",
            ],
            patterns: [
                .init(.code, #"(?i)\b(?:\w+_)?(?:arc2|arc4|rc2|rc4|blowfish|des3?|xor|cast|cast5)\.new\s*\("#),
                .init(.code, #"\balgorithms\.(?:ARC4|Blowfish|CAST5|IDEA|SEED|TripleDES)\s*\("#),
                .init(.code, #"\bmodes\.ECB\s*\(|(?<![\w.])ECB\s*\(|\bMODE_ECB\b"#),
                .init(.code, #"\bpyDes\.(?:des|triple_des)\s*\("#),
            ],
            message: "Broken cipher or ECB mode",
            recommendation:
                "Use AES-GCM or ChaCha20-Poly1305 (cryptography's AESGCM / ChaCha20Poly1305, or AES.MODE_GCM); DES, 3DES, RC2, RC4, Blowfish, IDEA and ECB mode leak or can be broken.",
            examples: [
                .init("enc.py", "cipher = DES.new(key, DES.MODE_CBC, iv)", flagged: true),
                .init("enc.py", "cipher = Cipher(algorithms.ARC4(key), mode=None)", flagged: true),
                .init("enc.py", "cipher = AES.new(key, AES.MODE_ECB)", flagged: true),
                .init("enc.py", "cipher = AES.new(key, AES.MODE_GCM, nonce=nonce)", flagged: false),
                .init("enc.py", "cipher = Cipher(algorithms.AES(key), modes.GCM(iv))", flagged: false),
            ]),
        rule(
            "weak-hash-algorithm", .medium, cwe: "CWE-328",
            keywords: ["md2", "md4", "md5", "sha1", "sha.new", "hashlib.new", "method_crypt"],
            patterns: [
                .init(
                    .text,
                    #"(?i)\bhashlib\.new\s*\((?:[^)]*\bname\s*=\s*|\s*)[rbu]?["'](?:md2|md4|md5|sha|sha1|sha-1|ripemd160)["']"#
                ),
                .init(.code, #"(?i)\b(?:\w+_)?(?:md2|md4|md5|sha|sha1)\.new\s*\("#),
                .init(.code, #"\bhashes\.(?:MD5|SHA1)\s*\("#),
                .init(.code, #"\bcrypt\.(?:crypt|mksalt)\s*\(.*\bMETHOD_(?:CRYPT|MD5)\b"#),
            ],
            requires: [.init(.code, #"\b\w+\.\w+\s*\("#)],
            excludes: [.init(.code, #"usedforsecurity\s*=\s*False"#)],
            message: "Weak hash algorithm (MD2, MD4, MD5 or SHA-1)",
            recommendation:
                "Use SHA-256 or better for integrity, and a password hash (bcrypt, scrypt, Argon2) for passwords; keep MD5/SHA-1 only for non-security checksums and say so (usedforsecurity=False).",
            examples: [
                .init("auth.py", "h = hashlib.new('md4', data)", flagged: true),
                .init("auth.py", "h = MD5.new()", flagged: true),
                .init("auth.py", "digest = hashes.Hash(hashes.SHA1())", flagged: true),
                .init("auth.py", "h = hashlib.new('sha256')", flagged: false),
                .init("auth.py", "h = SHA256.new(data)", flagged: false),
            ]),
        rule(
            "weak-key-size", .high, cwe: "CWE-326",
            keywords: ["generate_private_key", ".generate(", "ec.sec"],
            patterns: [
                .init(
                    .code,
                    #"\brsa\.generate_private_key\s*\((?:[^()]|\([^()]*\))*?\bkey_size\s*=\s*(?:[1-9]\d{0,2}|1\d{3}|20[0-3]\d|204[0-7])\b"#
                ),
                .init(
                    .code,
                    #"\brsa\.generate_private_key\s*\(\s*(?:public_exponent\s*=\s*)?\w+\s*,\s*(?:[1-9]\d{0,2}|1\d{3}|20[0-3]\d|204[0-7])\b"#
                ),
                .init(
                    .code,
                    #"\bdsa\.generate_private_key\s*\(\s*(?:key_size\s*=\s*)?(?:[1-9]\d{0,2}|1\d{3}|20[0-3]\d|204[0-7])\b"#
                ),
                .init(
                    .code,
                    #"(?i)\b(?:\w+_)?(?:rsa|dsa)\.generate\s*\(\s*(?:bits\s*=\s*)?(?:[1-9]\d{0,2}|1\d{3}|20[0-3]\d|204[0-7])\b"#
                ),
                .init(.code, #"\bec\.SEC[PT]1[0-9]{2}[RK][12]\b"#),
            ],
            multiline: true,
            message:
                "Key too short: RSA and DSA keys under 2048 bits, or elliptic curves under 224 bits, can be broken",
            recommendation:
                "Generate RSA/DSA keys of at least 2048 bits (3072 for long-lived keys) and use curves such as SECP256R1 or Ed25519.",
            examples: [
                .init("keys.py", "key = rsa.generate_private_key(public_exponent=65537, key_size=1024)", flagged: true),
                .init(
                    "keys.py", "key = dsa.generate_private_key(\n    key_size=1024,\n    backend=backend)",
                    flagged: true),
                .init("keys.py", "key = RSA.generate(1024)", flagged: true),
                .init("keys.py", "key = ec.generate_private_key(ec.SECP192R1())", flagged: true),
                .init(
                    "keys.py", "key = rsa.generate_private_key(public_exponent=65537, key_size=4096)", flagged: false),
                .init("keys.py", "key = ec.generate_private_key(ec.SECP384R1())", flagged: false),
            ]),
        rule(
            "insecure-random", .medium, cwe: "CWE-330",
            keywords: ["random."],
            patterns: [
                .init(
                    .code,
                    #"\brandom\.(?:random|randint|randrange|randbytes|getrandbits|choice|choices|sample|shuffle|uniform|triangular|normalvariate|gauss|betavariate|expovariate|lognormvariate|paretovariate|vonmisesvariate|weibullvariate)\s*\("#
                )
            ],
            requiresInFile: [
                .init(
                    .text,
                    #"(?i)password|passwd|token|secret|session|cookie|nonce|\bsalt\b|\botp\b|csrf|api_?key|captcha|reset_code|verification"#
                )
            ],
            message: "The random module is predictable: not for tokens, passwords, session ids or keys",
            recommendation:
                "Use the secrets module (secrets.token_urlsafe(), secrets.randbelow()) or random.SystemRandom for anything an attacker must not guess.",
            examples: [
                .init("auth.py", "def new_token():\n    return str(random.getrandbits(64))", flagged: true),
                .init("auth.py", "def new_token():\n    return secrets.token_hex(16)", flagged: false),
                .init("sim.py", "def roll():\n    return random.randint(1, 6)", flagged: false),
            ]),
    ]

    // MARK: - Process and code execution

    static let execution: [Rule] = [
        rule(
            "process-spawn", .medium, cwe: "CWE-78",
            keywords: ["spawn", "exec", "startfile"],
            patterns: [
                // The program is not a literal.
                .init(
                    .code,
                    #"\bos\.(?:exec|spawn)(?:l|le|lp|lpe|v|ve|vp|vpe)\s*\(\s*(?:(?:os\.)?P_\w+\s*,\s*)?+(?![rRbBuU]{0,2}["'][^"'{]*["'])(?!sys\.executable\b)"#
                        + #"|\bos\.posix_spawnp?\s*\(\s*(?![rRbBuU]{0,2}["'][^"'{]*["'])(?!sys\.executable\b)"#),
                // A shell runs a string that is not a literal.
                .init(
                    .text, #"\bos\.(?:exec|spawn)\w*\s*\(.*["'](?:-c|/c)["']\s*,\s*+(?![rRbBuU]{0,2}["'][^"'{]*["'])"#),
            ],
            requires: [.init(.code, #"\bos\.(?:exec|spawn|posix_spawn)\w*\s*\("#)],
            message: "Program started with a program name or shell command that is not a constant",
            recommendation:
                "Start a fixed program with subprocess.run([program, *args]) and validate anything taken from input against an allow-list; never pass input to `sh -c`.",
            examples: [
                .init("run.py", "os.spawnlp(os.P_WAIT, cmd)", flagged: true),
                .init("run.py", "os.execl(\"/bin/sh\", \"/bin/sh\", \"-c\", command)", flagged: true),
                .init("run.py", "os.execv(path, args)", flagged: true),
                .init("run.py", "os.spawnlp(os.P_WAIT, \"ls\")", flagged: false),
                .init("run.py", "os.execv(sys.executable, [sys.executable] + sys.argv)", flagged: false),
            ]),
        rule(
            "shell-command-dynamic", .high, cwe: "CWE-78",
            keywords: [
                "os.system", "\"system\"", "'system'", "popen", "subprocess.", "getoutput", "getstatusoutput",
                "exec_command", "__import__", "create_subprocess", "subprocess_exec",
            ],
            patterns: [
                // os.system and friends reached by name.
                .init(
                    .text,
                    #"\bgetattr\s*\(\s*(?:os|__import__\(\s*["']os["']\s*\))\s*,\s*["'](?:system|popen\d?|exec\w*|spawn\w*)["']\s*\)|\b__import__\s*\(\s*["'](?:os|subprocess)["']\s*\)\s*\.\s*(?:system|popen\d?|call|run|Popen|check_output|getoutput)\b"#
                ),
                // popen2 / commands modules (Python 2), asyncio shells, paramiko remote commands.
                .init(
                    .code,
                    #"\b(?:popen2\.(?:popen[234]|Popen[34])|commands\.(?:getoutput|getstatusoutput)|os\.popen[234])\s*\("#
                ),
                .init(.code, #"\b(?:asyncio\.(?:subprocess\.)?)?create_subprocess_shell\s*\(|\bexec_command\s*\("#),
                .init(
                    .text,
                    #"\b(?:create_subprocess_exec|subprocess_exec)\s*\(.*["']-c["']\s*,\s*+(?![rRbBuU]{0,2}["'][^"'{]*["'])"#
                ),
                // subprocess with shell=True on a list whose first item is not a literal.
                .init(
                    .text,
                    #"\bsubprocess\.(?:call|run|Popen|check_call|check_output)\s*\(\s*[\[(]\s*(?![rRbBuU]{0,2}["'][^"'{]*["'])[^\])]*[\])]\s*,(?=.*\bshell\s*=\s*True)"#
                ),
            ],
            requires: [
                .init(
                    .code,
                    #"\b(?:getattr|__import__|popen\d?|Popen\d|getoutput|getstatusoutput|exec_command|create_subprocess_shell|create_subprocess_exec|subprocess_exec|subprocess\.\w+)\s*\("#
                )
            ],
            requiresInFile: [.init(.code, #"\b(?:os|subprocess|popen2|commands|asyncio|paramiko|sh|__import__)\b"#)],
            conditions: [.dynamicArgument],
            message: "Shell command run with a value that is not a constant",
            recommendation:
                "Run the program directly with an argument list (subprocess.run([...])) and never through a shell; if a shell is unavoidable, quote every value with shlex.quote.",
            examples: [
                .init("tool.py", "import os\ngetattr(os, \"system\")(cmd)", flagged: true),
                .init("tool.py", "import asyncio\nproc = await asyncio.create_subprocess_shell(cmd)", flagged: true),
                .init("tool.py", "import paramiko\nclient.exec_command(user_input)", flagged: true),
                .init(
                    "tool.py", "import asyncio\nproc = await asyncio.create_subprocess_shell(\"ls -l\")", flagged: false
                ),
                .init("tool.py", "import paramiko\nclient.exec_command(\"uptime\")", flagged: false),
            ]),
        rule(
            "sh-command-dynamic", .high, cwe: "CWE-78",
            keywords: ["sh."],
            patterns: [.init(.code, #"(?<![\w.])sh\.\w+\s*\((?=\s*[fF]["']|.*["']\s*(?:\+|%|\.format\s*\())"#)],
            requiresInFile: [.init(.code, #"(?m)^[ \t]*(?:import[ \t]+sh\b|from[ \t]+sh[ \t]+import\b)"#)],
            conditions: [.dynamicArgument],
            message: "Command of the sh package built from a value that is not a constant",
            recommendation:
                "Pass each argument separately (sh.ls(\"-a\", folder)); sh does not use a shell, but a formatted string still lets the value add options or arguments.",
            examples: [
                .init("tool.py", "import sh\nsh.ls(\"-a\" + folder)", flagged: true),
                .init("tool.py", "import sh\nsh.ls(\"-al\")", flagged: false),
            ]),
        rule(
            "code-run-dynamic", .high, cwe: "CWE-95",
            keywords: ["push", "runsource", "runcode", "compile_command", "run_in_subinterp", "run_string"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:console|interp\w*|inperpreter|interpreter|\w*_console)\.(?:push|runsource|runcode)\s*\(|\bcode\.compile_command\s*\("#
                ),
                .init(.code, #"\brun_in_subinterp\s*\("#),
                .init(
                    .text,
                    #"\b_?(?:xx)?(?:sub)?interpreters\.run_string\s*\(\s*(?:[^(),]|\([^()]*\))+,\s*+(?![rRbBuU]{0,2}["'][^"'{]*["'])"#
                ),
            ],
            requires: [.init(.code, #"\b\w+\.\w+\s*\("#)],
            requiresInFile: [
                .init(
                    .code,
                    #"\b(?:code|InteractiveConsole|InteractiveInterpreter|_testcapi|support|interpreters|_xxsubinterpreters)\b"#
                )
            ],
            conditions: [.dynamicArgument],
            message: "Python code run from a value that is not a constant",
            recommendation:
                "Do not run code taken from input; parse data with a real parser or map allowed names to functions in a table.",
            examples: [
                .init("repl.py", "import code\nconsole = code.InteractiveConsole()\nconsole.push(line)", flagged: true),
                .init("repl.py", "import code\nconsole.push(\"print(1)\")", flagged: false),
            ]),
        rule(
            "logging-config-listen", .medium, cwe: "CWE-94",
            keywords: ["listen"],
            patterns: [.init(.code, #"\blogging\.config\.listen\s*\(|(?<![\w.])listen\s*\("#)],
            requiresInFile: [.init(.code, #"\blogging\.config\b"#)],
            message: "logging.config.listen() accepts configuration from the network, and configuration can run code",
            recommendation:
                "Do not open the logging configuration listener, or pass verify= to authenticate what it receives and bind it to localhost.",
            examples: [
                .init("log.py", "import logging.config\nt = logging.config.listen(9999)", flagged: true),
                .init("log.py", "import logging.config\nlogging.config.dictConfig(CONFIG)", flagged: false),
            ]),
    ]

    // MARK: - Request data reaching a sink

    /// Request attributes that carry client input, read at the sink (Flask, Starlette, and both frameworks' `data`/`headers`).
    static let requestInput =
        #"\b(?:flask\.)?request\.(?:args|form|values|files|json|data|cookies|headers|get_json|get_data|query_params|path_params|GET|POST|FILES|COOKIES|META|body)\b"#
    /// The same, for the sources followed forward from the assignment (Django's query dictionaries).
    static let djangoInput = #"\brequest\.(?:GET|POST|FILES|COOKIES|META|body|query_params)\b"#
    /// Keywords of the rules that follow request data: a source or a route decorator must be in the file.
    static let requestKeywords = [
        "request.args", "request.form", "request.values", "request.files", "request.json", "request.data",
        "request.cookies", "request.headers", "request.get", "request.post", "request.meta", "request.body",
        "request.query_params", ".route(", ".get(", ".post(", ".put(", ".patch(", ".delete(",
    ]
    /// A file that reads request data or declares routes: the taint rules look no further otherwise.
    static let requestInFile = Rule.Pattern(
        .code,
        #"\brequest\.(?:args|form|values|files|json|data|cookies|headers|get_json|get_data|query_params|GET|POST|FILES|COOKIES|META|body)\b|@[\w.]+\.(?:route|get|post|put|patch|delete)\s*\("#
    )
    /// Flask's sources followed back from the sink.
    static let flaskInput =
        #"\b(?:flask\.)?request\.(?:args|form|values|files|json|data|cookies|headers|get_json|get_data)\b"#
    /// Calls that make a request value safe for most sinks, on the assignment line.
    static let sanitizedAssignment =
        #"[^\n]{0,200}\b(?:secure_filename|basename|int|float|bool|len|escape|quote|quote_plus|is_safe_url|url_has_allowed_host_and_scheme|uuid\.UUID)\s{0,3}\("#
    /// After an assignment's `=`: the line holds `request.`, which every request source has (a literal test that
    /// spares the sanitizer and source searches on the other assignments of a module).
    static let hasRequest = #"(?=[^\n]*?request\.)"#
    /// At a line's start: the line mentions the variable of group 1 (a cheap test that spares the sink search on
    /// every other line the flow passes).
    static let mentionsVariable = #"(?=[^\n]{0,300}?\b\1\b)"#
    /// A line that starts another function: taint does not cross it.
    static let notFunctionStart = #"(?![ \t]{0,40}(?:async[ \t]{1,4})?def\b)"#

    /// Patterns for `sink(...)` calls that receive request data: inline, through a variable assigned from
    /// the request a few lines above (reported at the sink), through a Flask route parameter, and
    /// through a variable assigned from Django's request dictionaries (reported at the assignment, where
    /// the value enters). `sink` is an alternation of call names; `sanitize` says whether the usual
    /// sanitizers on the assignment line clear the value.
    static func taintPatterns(
        _ sink: String, sanitize: Bool = true, argument: String = anyArgument, barrier: String? = nil
    ) -> [Rule.Pattern] {
        let call = #"(?:"# + sink + #")\s*\("# + argument
        let clean = sanitize ? "(?!" + sanitizedAssignment + ")" : ""
        let between = notFunctionStart + (barrier.map { "(?![^\\n]{0,300}(?:" + $0 + "))" } ?? "")
        // Followed forward from the assignment or the route to the sink, which the `at` group marks: a look-behind
        // from every sink call back to its source cost thousands of tries per call (52 s for an 811 KB module).
        let assigned =
            #"^[ \t]{0,40}(\w{1,40})[ \t]{0,3}=(?!=)"# + hasRequest + clean + #"[^\n]{0,200}?"# + flaskInput
            + #"[^\n]{0,200}\n(?:"# + between + #"[^\n]{0,300}\n){0,10}?"# + mentionsVariable + #"[^\n]{0,200}?"#
        let route =
            #"@[\w.]{1,60}\.(?:route|get|post|put|patch|delete)\([^\n]{0,200}?<(?:\w{1,20}:)?(\w{1,40})>[^\n]{0,200}\n(?:[ \t]{0,20}@[^\n]{0,200}\n){0,4}[ \t]{0,20}(?:async[ \t]{1,4})?def[ \t]{1,4}\w{1,60}\([^)\n]{0,200}\)[^\n]{0,60}:[ \t]{0,10}\n(?:"#
            + between + #"[^\n]{0,300}\n){0,12}?"# + mentionsVariable + #"[^\n]{0,200}?"#
        let sinkCall = #"(?<at>(?<![\w.])"# + call + #"\b\1\b)"#
        let forward =
            #"^[ \t]*(\w+)[ \t]*=(?!=)"# + hasRequest + clean + #"[^\n]*?"# + djangoInput + #"[^\n]*\n(?:"# + between
            + #"[^\n]*\n){0,10}?[^\n]*?(?<![\w.])"# + call + #"\b\1\b"#
        return [
            .init(.code, #"(?<![\w.])"# + call + requestInput),
            .init(.code, "(?m)" + assigned + sinkCall),
            .init(.text, "(?m)" + route + sinkCall),
            .init(.code, "(?m)" + forward),
        ]
    }

    /// Patterns for a string literal that starts with `start` (inside the quotes) and is completed with a value
    /// from the request: by `%`, `.format()`, an f-string or `+`. The value is either inline, or a variable
    /// assigned from the request or a Flask route parameter a few lines above. Reported at the literal.
    static func taintedLiteralPatterns(_ start: String) -> [Rule.Pattern] {
        let literal = #"(?:""# + start + #"[^"\n]*"|'"# + start + #"[^'\n]*')"#
        let fString =
            #"[fF][rR]?(?:""# + start + #"[^"\n]*\{[^}"\n]*VALUE|'"# + start + #"[^'\n]*\{[^}'\n]*VALUE)"#
        func building(_ value: String) -> String {
            "(?:" + #"[rRbBuU]?"# + literal + #"\s*(?:%\s*|\.format\s*\()[^\n]*?"# + value + "|"
                + #"[rRbBuU]?"# + literal + #"\s*\+\s*(?:[\w.()\[\]'"]{1,60}\s*\+\s*)?"# + value + "|"
                + fString.replacingOccurrences(of: "VALUE", with: value) + ")"
        }
        let guardLiteral = #"(?<![\w"'])(?=[fFrRbBuU]{0,2}["'])"#
        let anyInput =
            #"\b(?:flask\.)?request\.(?:args|form|values|files|json|data|cookies|headers|get_json|get_data|GET|POST|FILES|COOKIES|META|body|query_params)\b"#
        // forward from the source to the literal (the `at` group), as in ``taintPatterns(_:sanitize:argument:barrier:)``
        let assigned =
            #"^[ \t]{0,40}(\w{1,40})[ \t]{0,3}=(?!=)"# + hasRequest + #"(?!"# + sanitizedAssignment + #")[^\n]{0,200}?"#
            + anyInput
            + #"[^\n]{0,200}\n(?:"# + notFunctionStart + #"[^\n]{0,300}\n){0,10}?"# + mentionsVariable
            + #"[^\n]{0,200}?"#
        let route =
            #"@[\w.]{1,60}\.(?:route|get|post|put|patch|delete)\([^\n]{0,200}?<(?:\w{1,20}:)?(\w{1,40})>[^\n]{0,200}\n(?:[ \t]{0,20}@[^\n]{0,200}\n){0,4}[ \t]{0,20}(?:async[ \t]{1,4})?def[ \t]{1,4}\w{1,60}\([^)\n]{0,200}\)[^\n]{0,60}:[ \t]{0,10}\n(?:"#
            + notFunctionStart + #"[^\n]{0,300}\n){0,12}?"# + mentionsVariable + #"[^\n]{0,200}?"#
        let taintedLiteral = "(?<at>" + guardLiteral + building(#"\b\1\b"#) + ")"
        return [
            .init(.text, guardLiteral + building(anyInput)),
            .init(.text, "(?m)" + assigned + taintedLiteral),
            .init(.text, "(?m)" + route + taintedLiteral),
        ]
    }

    /// The tainted value anywhere in the call's arguments, at most one parenthesis deep.
    static let anyArgument = #"(?:[^()\n]|\([^()\n]*\))*?(?:\((?:[^()\n]|\([^()\n]*\))*?)?"#
    /// The tainted value in the query, the call's first argument: values after it (`execute(sql, (name,))`) are
    /// bound parameters, which the driver escapes.
    static let queryArgument = #"(?:[^(),\n]|\([^()\n]*\))*?(?:\((?:[^()\n]|\([^()\n]*\))*?)?"#
    /// The tainted value outside a list, or as the list's first item (the program): a list with a fixed program is an argument vector.
    static let commandArgument = #"(?:[^()\[\n]|\([^()\n]*\))*?(?:[\[(][ \t]*)?"#

    /// String building with at least one operand that is not a literal, on the code view (bounded, for look-behinds).
    static let buildsFromValue =
        #"(?:[fF][rR]?["'][^"'\n]{0,300}\{|["'][ \t]{0,5}%[ \t]{0,5}\(?[ \t]{0,5}[A-Za-z_]|["'][ \t]{0,5}\.format\([ \t]{0,5}[A-Za-z_*]|["'][ \t]{0,5}\+[ \t]{0,5}[A-Za-z_]|[A-Za-z_)\]][ \t]{0,5}\+[ \t]{0,5}[rbuf]?["'])"#

    /// `.method(variable)` on a database object, where the variable was assigned (or extended with +=) from
    /// string building a few lines above. Followed forward from the assignment to the call (the `at` group):
    /// a look-behind from every call took over a second on a module with thousands of queries.
    static func builtVariable(methods: String, receiver: String) -> Rule.Pattern {
        .init(
            .code,
            #"(?m)^[ \t]{0,40}(\w{1,40})[ \t]{0,3}\+?=(?!=)[^\n]{0,300}?"# + buildsFromValue + #"[^\n]{0,300}\n(?:"#
                + notFunctionStart + #"[^\n]{0,300}\n){0,8}?"# + mentionsVariable
                + #"[^\n]{0,250}?(?<at>(?<![\w.])(?:[\w]{1,30}\.){0,3}(?i:"# + receiver + #")\.(?:"# + methods
                + #")\s{0,3}\((?=\s*\1\s*[,)]))"#)
    }

    /// `text(variable)` (SQLAlchemy), the variable built from string formatting a few lines above.
    static let builtTextVariable = Rule.Pattern(
        .code,
        #"(?m)^[ \t]{0,40}(\w{1,40})[ \t]{0,3}\+?=(?!=)[^\n]{0,300}?"# + buildsFromValue
            + #"[^\n]{0,300}\n(?:"# + notFunctionStart + #"[^\n]{0,300}\n){0,8}?"# + mentionsVariable
            + #"[^\n]{0,250}?(?<at>(?<![\w.])(?:sqlalchemy\.|sa\.)?text\s{0,3}\((?=\s*\1\s*[,)]))"#)

    /// A call of one of `sink` anywhere in the file: a taint rule whose sinks the file never calls skips its
    /// forward searches from every request value (ten rules on an 811 KB handler module took 5 s).
    static func sinkCallInFile(_ sink: String) -> Rule.Pattern {
        .init(.text, #"(?<![\w.])(?:"# + sink + #")\s*\("#)
    }

    /// A string literal that starts with `start` anywhere in the file (for ``taintedLiteralPatterns(_:)``).
    static func literalInFile(_ start: String) -> Rule.Pattern {
        .init(.text, #"[rRbBuUfF]?["']"# + start)
    }

    static let pathSinks =
        #"open|io\.open|codecs\.open|send_file|send_from_directory|FileResponse|os\.path\.join|os\.remove|os\.unlink|os\.listdir|shutil\.rmtree|shutil\.copy\w*|shutil\.move|Path|pathlib\.Path"#
    static let urlSinks =
        #"requests\.(?:get|post|put|patch|delete|head|options|request)|httpx\.(?:get|post|put|patch|delete|head|request|stream)|urlopen|urllib\.request\.urlopen|urllib\.urlopen|urllib\.request\.Request|get|post"#
    static let redirectSinks =
        #"redirect|flask\.redirect|HttpResponseRedirect|HttpResponsePermanentRedirect|RedirectResponse"#
    static let commandSinks =
        #"os\.system|os\.popen\d?|subprocess\.(?:run|call|Popen|check_call|check_output|getoutput|getstatusoutput|capture_output)"#
    static let sqlSinks = #"[\w.]+\.(?:execute|executemany|executescript|raw|extra)|RawSQL"#
    static let htmlSinks =
        #"HttpResponse|HttpResponseBadRequest|HttpResponseNotFound|HttpResponseForbidden|make_response|Markup|mark_safe|render_template_string"#
    static let codeSinks = #"eval|exec"#

    static let injection: [Rule] = [
        rule(
            "path-traversal", .high, cwe: "CWE-22",
            keywords: requestKeywords,
            patterns: taintPatterns(pathSinks),
            requiresInFile: [requestInFile, sinkCallInFile(pathSinks)],
            multiline: true,
            message: "File path taken from the request: it can point outside the intended directory (../)",
            recommendation:
                "Reduce the name to a safe form (werkzeug's secure_filename, os.path.basename), join it to a fixed directory and check that the resolved path stays inside it; use send_from_directory for downloads.",
            examples: [
                .init(
                    "views.py", "def download():\n    name = request.args.get(\"file\")\n    return open(name).read()",
                    flagged: true),
                .init(
                    "views.py", "@app.route(\"/files/<name>\")\ndef download(name):\n    return send_file(name)",
                    flagged: true),
                .init("views.py", "def download():\n    return open(request.args[\"file\"]).read()", flagged: true),
                .init(
                    "views.py",
                    "def upload(request):\n    name = request.POST.get(\"name\")\n    log(name)\n    f = open(name, \"w\")",
                    flagged: true),
                .init(
                    "views.py",
                    "def download():\n    name = secure_filename(request.args.get(\"file\"))\n    return open(name).read()",
                    flagged: false),
                .init(
                    "views.py",
                    "def download():\n    name = request.args.get(\"file\")\n    return open(\"static/index.html\").read()",
                    flagged: false),
            ]),
        rule(
            "ssrf", .high, cwe: "CWE-918",
            keywords: requestKeywords,
            patterns: taintPatterns(urlSinks),
            requiresInFile: [requestInFile, sinkCallInFile(urlSinks)],
            multiline: true,
            message: "Server-side request to a URL taken from the request (SSRF)",
            recommendation:
                "Do not fetch URLs chosen by the client; pick the host from an allow-list and build the URL yourself, and block internal address ranges.",
            examples: [
                .init(
                    "views.py", "def proxy():\n    url = request.args.get(\"url\")\n    return requests.get(url).text",
                    flagged: true),
                .init(
                    "views.py", "@app.route(\"/fetch/<host>\")\ndef fetch(host):\n    return requests.get(host)",
                    flagged: true),
                .init(
                    "views.py",
                    "def proxy():\n    url = request.args.get(\"url\")\n    return requests.get(API_URL, params={\"q\": 1}).text",
                    flagged: false),
            ]),
        rule(
            "open-redirect", .medium, cwe: "CWE-601",
            keywords: requestKeywords,
            patterns: taintPatterns(redirectSinks, barrier: #"is_safe_url|url_has_allowed_host_and_scheme"#),
            requiresInFile: [requestInFile, sinkCallInFile(redirectSinks)],
            multiline: true,
            message: "Redirect to a URL taken from the request (open redirect)",
            recommendation:
                "Redirect only to relative paths or to hosts on an allow-list (Django's url_has_allowed_host_and_scheme); otherwise fall back to a fixed page.",
            examples: [
                .init(
                    "views.py", "def login():\n    target = request.args.get(\"next\")\n    return redirect(target)",
                    flagged: true),
                .init("views.py", "def login():\n    return redirect(request.args.get(\"next\"))", flagged: true),
                .init("views.py", "def login():\n    return redirect(url_for(\"index\"))", flagged: false),
            ]),
        rule(
            "command-injection-request", .high, cwe: "CWE-78",
            keywords: requestKeywords,
            patterns: taintPatterns(commandSinks, argument: commandArgument),
            requiresInFile: [requestInFile, sinkCallInFile(commandSinks)],
            multiline: true,
            message: "Shell command or program built from request data",
            recommendation:
                "Run a fixed program with an argument list (subprocess.run([\"ping\", \"-c\", \"1\", host])) after validating the value against an allow-list; never pass request data to a shell.",
            examples: [
                .init(
                    "views.py",
                    "def ping():\n    host = request.args.get(\"host\")\n    subprocess.run(\"ping \" + host)",
                    flagged: true),
                .init(
                    "views.py",
                    "def ping():\n    host = request.args.get(\"host\")\n    subprocess.run([\"ping\", \"-c\", \"1\", \"example.org\"])",
                    flagged: false),
            ]),
        rule(
            "sql-injection-request", .high, cwe: "CWE-89",
            keywords: requestKeywords,
            patterns: taintPatterns(sqlSinks, argument: queryArgument),
            requiresInFile: [requestInFile, sinkCallInFile(sqlSinks)],
            multiline: true,
            message: "SQL built from request data",
            recommendation:
                "Pass request values as bound parameters of the query (cursor.execute(sql, (value,)), Model.objects.filter(...)) instead of splicing them into SQL text.",
            examples: [
                .init(
                    "views.py",
                    "def search(request):\n    name = request.GET.get(\"name\")\n    rows = Person.objects.raw(\"SELECT * FROM person WHERE name = '%s'\" % name)",
                    flagged: true),
                .init(
                    "views.py",
                    "def search(request):\n    name = request.GET.get(\"name\")\n    rows = Person.objects.filter(name=name)",
                    flagged: false),
                .init(
                    "views.py",
                    "def search():\n    name = request.args.get('name', '')\n    rows = conn.execute('SELECT id FROM items WHERE name = ?', (name,)).fetchall()",
                    flagged: false),
                .init(
                    "views.py",
                    "def search():\n    name = request.args.get('name', '')\n    rows = conn.execute('SELECT id FROM items WHERE name = \\'{}\\''.format(name), ()).fetchall()",
                    flagged: true),
            ]),
        rule(
            "xss-request", .high, cwe: "CWE-79",
            keywords: requestKeywords,
            patterns: taintPatterns(htmlSinks),
            requiresInFile: [requestInFile, sinkCallInFile(htmlSinks)],
            multiline: true,
            message: "Request data written into an HTML response without escaping",
            recommendation:
                "Render through a template with autoescaping, or escape the value (html.escape, django.utils.html.escape / format_html) before it reaches the response.",
            examples: [
                .init(
                    "views.py",
                    "def echo(request):\n    return HttpResponse(\"Received {}\".format(request.POST.get(\"message\")))",
                    flagged: true),
                .init("views.py", "def echo(request):\n    return HttpResponse(\"Received\")", flagged: false),
            ]),
        rule(
            "html-built-from-request", .medium, cwe: "CWE-79",
            keywords: requestKeywords,
            patterns: taintedLiteralPatterns(#"[ \t]*<[a-zA-Z!/]"#),
            excludes: [.init(.code, #"^(?![\s\S]*(?:%|\.format|\+|\{))"#)],
            requiresInFile: [requestInFile, literalInFile(#"[ \t]*<[a-zA-Z!/]"#)],
            multiline: true,
            message: "HTML built by formatting request data into a string: the value is not escaped",
            recommendation:
                "Render HTML with a template (autoescaped) or build it with format_html()/markupsafe.escape(); never format request values into markup yourself.",
            examples: [
                .init(
                    "views.py",
                    "@app.route(\"/link/<target>\")\ndef link(target):\n    return \"<a href='%s'>go</a>\" % target",
                    flagged: true),
                .init(
                    "views.py", "def link():\n    return \"<a href='{}'>go</a>\".format(request.args.get(\"to\"))",
                    flagged: true),
                .init(
                    "views.py", "def link():\n    part = \"home\"\n    return \"<a href='%s'>go</a>\" % part",
                    flagged: false),
                .init(
                    "views.py", "def link():\n    to = request.args.get(\"to\")\n    return \"Going to %s\" % to",
                    flagged: false),
            ]),
        rule(
            "url-host-from-request", .medium, cwe: "CWE-918",
            keywords: requestKeywords,
            patterns: taintedLiteralPatterns(#"(?:https?|ftp)://(?=%[sr]|\{|["'])"#),
            excludes: [.init(.code, #"^(?![\s\S]*(?:%|\.format|\+|\{))"#)],
            requiresInFile: [requestInFile, literalInFile(#"(?:https?|ftp)://"#)],
            multiline: true,
            message:
                "URL whose host comes from the request: the server can be sent to any host (SSRF, or an open redirect in links)",
            recommendation:
                "Choose the host from an allow-list (or keep it fixed) and put request values only in the path or query, encoded.",
            examples: [
                .init(
                    "views.py",
                    "@app.route(\"/proxy/<host>\")\ndef proxy(host):\n    url = \"https://%s/status\" % host",
                    flagged: true),
                .init(
                    "views.py", "def proxy():\n    return f\"https://{request.args.get('host')}/status\"", flagged: true
                ),
                .init(
                    "views.py",
                    "@app.route(\"/proxy/<item>\")\ndef proxy(item):\n    url = \"https://api.example.com/%s\" % item",
                    flagged: false),
            ]),
        rule(
            "code-injection-request", .high, cwe: "CWE-95",
            keywords: requestKeywords,
            patterns: taintPatterns(codeSinks, sanitize: false),
            requiresInFile: [requestInFile, sinkCallInFile(codeSinks)],
            multiline: true,
            message: "Request data evaluated as Python code",
            recommendation:
                "Never evaluate request data; parse it with json or ast.literal_eval, or dispatch through a table of allowed operations.",
            examples: [
                .init(
                    "views.py", "def calc(request):\n    expr = request.POST.get(\"expr\")\n    return eval(expr)",
                    flagged: true),
                .init(
                    "views.py",
                    "def calc(request):\n    expr = request.POST.get(\"expr\")\n    return ast.literal_eval(expr)",
                    flagged: false),
            ]),
        rule(
            "nan-injection", .low, cwe: "CWE-704",
            keywords: requestKeywords,
            patterns: taintPatterns(#"float|complex"#, sanitize: false, argument: #"\s*"#),
            requiresInFile: [requestInFile, sinkCallInFile(#"float|complex"#)],
            multiline: true,
            message:
                "Request text converted with float(): the client can send \"nan\" or \"inf\", which break comparisons",
            recommendation:
                "Reject non-finite values after conversion (math.isfinite), or convert with int() or decimal.Decimal and validate the range.",
            examples: [
                .init("views.py", "def buy():\n    amount = float(request.args.get(\"amount\"))", flagged: true),
                .init("views.py", "def buy():\n    amount = int(request.args.get(\"amount\"))", flagged: false),
            ]),
    ]

    // MARK: - Web frameworks and templates

    static let web: [Rule] = [
        rule(
            "flask-debug", .high, cwe: "CWE-489",
            keywords: ["debug"],
            patterns: [
                .init(.code, #"\b(?:app|application|\w+_app)\.run\s*\((?=.*\bdebug\s*=\s*True\b)"#),
                .init(
                    .text,
                    #"\bconfig\s*\[\s*["']DEBUG["']\s*\]\s*=\s*True\b|\bconfig\.update\s*\(.*\bDEBUG\s*=\s*True\b|\b(?:app|application)\.debug\s*=\s*True\b"#
                ),
            ],
            requires: [.init(.code, #"\brun\s*\(|\bconfig\b|\.debug\b"#)],
            requiresInFile: [.init(.code, #"\b(?:flask|Flask)\b"#)],
            message: "Flask debug mode: the Werkzeug debugger lets anyone who reaches it run code on the server",
            recommendation:
                "Never enable debug outside development: read it from the environment (debug=os.environ.get(\"FLASK_DEBUG\") == \"1\") or use `flask run --debug` locally.",
            examples: [
                .init("app.py", "from flask import Flask\napp.run(debug=True)", flagged: true),
                .init("app.py", "from flask import Flask\napp.config[\"DEBUG\"] = True", flagged: true),
                .init(
                    "app.py", "from flask import Flask\napp.run(debug=os.environ.get(\"DEBUG\") == \"1\")",
                    flagged: false),
            ]),
        rule(
            "hardcoded-secret-key", .high, cwe: "CWE-798",
            excludedPaths: Rule.testPaths,
            keywords: ["secret_key", "secret"],
            patterns: [
                .init(.text, #"\bconfig\s*\[\s*["'](?:SECRET_KEY|JWT_SECRET_KEY)["']\s*\]\s*=\s*[rbu]?["'][^"']+["']"#),
                .init(.text, #"\bconfig\.(?:update|from_mapping)\s*\(.*\bSECRET_KEY\s*=\s*[rbu]?["'][^"']+["']"#),
                .init(.text, #"\b(?:app|application)\.secret_key\s*=\s*[rbu]?["'][^"']+["']"#),
            ],
            requires: [.init(.code, #"\bconfig\b|\bsecret_key\b"#)],
            message: "Flask secret key written in the source: anyone who reads it can forge sessions",
            recommendation:
                "Load the key from the environment or a secret store at start-up (app.config[\"SECRET_KEY\"] = os.environ[\"SECRET_KEY\"]) and rotate the exposed one.",
            examples: [
                .init("app.py", "app.config[\"SECRET_KEY\"] = \"dev\"", flagged: true),
                .init("app.py", "app.secret_key = 'a-very-secret-string'", flagged: true),  // reviewbot:ignore security.hardcoded-secret (a made-up example)
                .init("app.py", "app.config[\"SECRET_KEY\"] = os.environ[\"SECRET_KEY\"]", flagged: false),
            ]),
        rule(
            "csrf-protection-disabled", .high, cwe: "CWE-352",
            keywords: ["csrf"],
            patterns: [
                .init(
                    .text,
                    #"\bWTF_CSRF_(?:ENABLED|CHECK_DEFAULT)["']?\s*\]?\s*[=:]\s*False\b(?![^)]{0,300}\bTESTING["']?\s*\]?\s*[=:]\s*True\b)"#
                ),
                .init(.code, #"(?m)^[ \t]*@(?:[\w.]+\.)?csrf_exempt\b"#),
                .init(.code, #"\b(?:require_csrf|check_origin)\s*=\s*False\b"#),
            ],
            excludes: [.init(.code, #"^(?![\s\S]*(?:\bFalse\b|@))"#)],
            multiline: true,
            message: "CSRF protection is turned off",
            recommendation:
                "Keep CSRF protection on for every state-changing view; exempt only endpoints that authenticate each request by other means (a signed webhook, a bearer token), and say why.",
            examples: [
                .init("app.py", "app.config[\"WTF_CSRF_ENABLED\"] = False", flagged: true),
                .init("views.py", "@csrf_exempt\ndef hook(request):\n    pass", flagged: true),
                .init(
                    "config.py", "app.config.update(\n    WTF_CSRF_ENABLED=False,\n    TESTING=True,\n)", flagged: false
                ),
                .init("app.py", "app.config[\"WTF_CSRF_ENABLED\"] = True", flagged: false),
            ]),
        rule(
            "cookie-without-secure-flags", .medium, cwe: "CWE-614",
            keywords: ["set_cookie", "authtkt", "cookie_secure", "cookie_httponly"],
            patterns: [
                .init(
                    .code,
                    #"\.set_cookie\s*\(\s*[^\s,()*](?:[^,()]|\([^()]*\))*,(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#),
                .init(
                    .code,
                    #"\bAuthTkt(?:CookieHelper|AuthenticationPolicy)\s*\((?=(?:[^()]|\([^()]*\))*\b(?:secure|httponly)\s*=\s*False\b|(?:[^()]|\([^()]*\))*\bsamesite\s*=\s*None\b)"#
                ),
                .init(.code, #"(?m)^[ \t]*(?:SESSION|CSRF)_COOKIE_(?:SECURE|HTTPONLY)\s*=\s*False\b"#),
            ],
            excludes: [
                .init(
                    .code,
                    #"^[^=]*\((?=[\s\S]*\bsecure\s*=\s*(?!False\b|None\b)\S)(?![\s\S]*\bhttponly\s*=\s*(?:False|None)\b)(?![\s\S]*\bsamesite\s*=\s*None\b)"#
                ),
                .init(.code, #"\*\*\s*\w"#),
            ],
            multiline: true,
            message: "Cookie set without the Secure flag (or with HttpOnly or SameSite turned off)",
            recommendation:
                "Pass secure=True so that the cookie is only sent over HTTPS, and for session cookies httponly=True and a samesite value; in Django settings set SESSION_COOKIE_SECURE = True.",
            examples: [
                .init("views.py", "resp.set_cookie(\"session\", token)", flagged: true),
                .init(
                    "views.py", "resp.set_cookie(\"session\", token,\n    secure=False, httponly=True)", flagged: true),
                .init("settings.py", "SESSION_COOKIE_SECURE = False", flagged: true),
                .init("views.py", "resp.set_cookie(\"session\", token, secure=True, httponly=False)", flagged: true),
                .init(
                    "views.py", "resp.set_cookie(\"session\", token, secure=True, httponly=True, samesite=\"Lax\")",
                    flagged: false),
                .init("views.py", "resp.set_cookie(\"theme\", \"dark\", secure=True)", flagged: false),
                .init("views.py", "resp.set_cookie(\"session\", token, **COOKIE_FLAGS)", flagged: false),
                .init("jar.py", "jar.set_cookie(cookie)", flagged: false),
            ]),
        rule(
            "template-autoescape-off", .high, cwe: "CWE-79",
            keywords: ["environment", "autoescape"],
            patterns: [
                .init(.code, #"(?<![\w.])(?<!class )Environment\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#),
                .init(.code, #"\bjinja2\.Environment\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#),
                .init(.code, #"\bautoescape\s*=\s*False\b"#),
                .init(.text, #"["']autoescape["']\s*:\s*False\b"#),
            ],
            // On only when it is True or select_autoescape(...): a variable or another call may well be False.
            excludes: [.init(.code, #"\bautoescape\s*=\s*(?:True\b|(?:jinja2\.)?select_autoescape\s*\()|\*\*\s*\w"#)],
            requiresInFile: [.init(.code, #"\b(?:jinja2|django)\b"#)],
            multiline: true,
            message: "Template output is not HTML-escaped",
            recommendation:
                "Create Jinja2 environments with autoescape=select_autoescape() (or True) and keep Django's autoescaping on; mark trusted fragments safe one by one.",
            examples: [
                .init("render.py", "import jinja2\nenv = jinja2.Environment(loader=loader)", flagged: true),
                .init(
                    "render.py", "import jinja2\nenv = jinja2.Environment(loader=loader, autoescape=False)",
                    flagged: true),
                .init("views.py", "from django.shortcuts import render\nctx = {'autoescape': False}", flagged: true),
                .init(
                    "render.py",
                    "import jinja2\nenv = jinja2.Environment(loader=loader, autoescape=select_autoescape())",
                    flagged: false),
                .init(
                    "render.py", "import jinja2\nenv = jinja2.Environment(loader=loader, autoescape=True)",
                    flagged: false),
                .init("envs.py", "import jinja2\nclass Environment(BaseEnvironment):", flagged: false),
            ]),
        rule(
            "html-marked-safe", .medium, cwe: "CWE-79",
            keywords: ["mark_safe", "markup", "safestring", "safetext", "safeunicode", "safebytes"],
            patterns: [
                .init(
                    .code, #"\b(?:safestring\.)?(?<![\w])(?:mark_safe|SafeString|SafeText|SafeUnicode|SafeBytes)\s*\("#),
                .init(.code, #"(?<![\w.])(?:flask\.|markupsafe\.|jinja2\.)?Markup\s*\(|\bMarkup\.unescape\s*\("#),
                .init(.code, #"\bsafestring\.(?:mark_safe|SafeString|SafeText|SafeUnicode|SafeBytes)\s*\("#),
            ],
            conditions: [.dynamicArgument],
            message: "Value marked as safe HTML without escaping",
            recommendation:
                "Build HTML with format_html() / markupsafe's Markup(...).format(...) or escape() so that only the template part is trusted; never mark request data safe.",
            examples: [
                .init("views.py", "html = mark_safe(\"<b>%s</b>\" % name)", flagged: true),
                .init("views.py", "html = Markup(f\"<b>{name}</b>\")", flagged: true),
                .init("views.py", "html = mark_safe(\"<br>\")", flagged: false),
                .init("views.py", "html = Markup(\"<b>{}</b>\").format(name)", flagged: false),
            ]),
        rule(
            "django-escaping-bypassed", .medium, cwe: "CWE-79",
            keywords: ["safe", "html_safe"],
            patterns: [
                .init(
                    .code,
                    #"^\s*class\s+\w+\s*\(\s*(?:[\w.]*\.)?(?:SafeString|SafeText|SafeData|SafeBytes|SafeUnicode)\s*\)"#),
                .init(.code, #"^\s*@(?:[\w.]*\.)?html_safe\b|\bhtml_safe\s*\(\s*[A-Z]\w*\s*\)"#),
                .init(.code, #"@\w+\.filter\s*\(.*\bis_safe\s*=\s*True\b"#),
            ],
            message: "Django output escaping bypassed for a whole class or filter",
            recommendation:
                "Escape inside the class or filter (conditional_escape, format_html) before declaring the result safe.",
            examples: [
                .init("tags.py", "@register.filter(is_safe=True)", flagged: true),
                .init("html.py", "class Raw(SafeString):", flagged: true),
                .init("tags.py", "@register.filter(is_safe=False)", flagged: false),
            ]),
        rule(
            "mako-template", .medium, cwe: "CWE-79",
            keywords: ["template"],
            patterns: [
                .init(.code, #"(?<![\w.])Template\s*\(|\bmako\.template\.Template\s*\(|\btemplate\.Template\s*\("#)
            ],
            excludes: [.init(.code, #"\bdefault_filters\s*="#)],
            requiresInFile: [.init(.code, #"\bmako\b"#)],
            message: "Mako templates do not escape HTML by default",
            recommendation:
                "Pass default_filters=['h'] (or escape each expression with |h) when creating Mako templates and lookups.",
            examples: [
                .init("render.py", "from mako.template import Template\nt = Template(text)", flagged: true),
                .init(
                    "render.py", "from mako.template import Template\nt = Template(text, default_filters=['h'])",
                    flagged: false),
            ]),
        rule(
            "template-injection", .high, cwe: "CWE-1336",
            keywords: ["render_template_string", "from_string", "jinja2.template"],
            patterns: [
                .init(.code, #"\brender_template_string\s*\("#),
                .init(.code, #"\bjinja2\.Template\s*\(|\benv\w*\.from_string\s*\("#),
            ],
            conditions: [.dynamicArgument],
            message: "Template compiled from a string that is not a constant (server-side template injection)",
            recommendation:
                "Keep templates in files or constants and pass values as variables (render_template(\"page.html\", name=name)); never build template text from input.",
            examples: [
                .init("views.py", "return render_template_string(\"<h1>Hello \" + name + \"</h1>\")", flagged: true),
                .init(
                    "views.py", "return render_template_string(\"<h1>Hello {{ name }}</h1>\", name=name)",
                    flagged: false),
            ]),
        rule(
            "flask-template-not-escaped", .medium, cwe: "CWE-79",
            keywords: ["render_template("],
            patterns: [
                // The template name (a literal, possibly concatenated or formatted) ends in an extension Flask does not
                // autoescape (it escapes .html, .htm, .xml, .xhtml and .svg), and values are passed to it.
                .init(
                    .text,
                    #"\brender_template\s*\(\s*(?:[\w.]+\s*\+\s*)?[rbu]?["'](?:[^"'\n]*\.(?!(?:html|htm|xml|xhtml|svg)["'])[\w-]+|[^"'.\n]+)["'](?:\s*(?:%\s*[\w(]|\.format\s*\()[^,\n]*)?\s*,"#
                )
            ],
            requires: [.init(.code, #"\brender_template\s*\("#)],
            requiresInFile: [.init(.code, #"\bflask\b|\bFlask\b"#)],
            message:
                "Flask template rendered without HTML autoescaping: Flask escapes only .html, .htm, .xml, .xhtml and .svg templates",
            recommendation:
                "Give HTML templates an .html extension, or escape the values ({{ value|e }}) in templates that produce HTML under another extension.",
            examples: [
                .init(
                    "views.py", "from flask import render_template\nreturn render_template(\"page.txt\", name=name)",
                    flagged: true),
                .init(
                    "views.py",
                    "from flask import render_template\nreturn render_template(\"page.html.j2\", name=name)",
                    flagged: true),
                .init(
                    "views.py", "from flask import render_template\nreturn render_template(\"page.html\", name=name)",
                    flagged: false),
                .init(
                    "views.py", "from flask import render_template\nreturn render_template(\"robots.txt\")",
                    flagged: false),
            ]),
        rule(
            "format-html-preformatted", .medium, cwe: "CWE-79",
            keywords: ["format_html"],
            patterns: [
                .init(
                    .code,
                    #"\bformat_html\s*\(\s*(?:[fF][rR]?["'][^"'\n]*\{|[rRuU]?["'][^"'\n]*["']\s*(?:%\s*[\w(]|\.format\s*\(\s*[^)\s]))"#
                )
            ],
            message: "format_html() given a string that is already formatted: the values are inserted without escaping",
            recommendation: "Pass the template and the values separately: format_html(\"<b>{}</b>\", value).",
            examples: [
                .init("views.py", "html = format_html(f\"<b>{name}</b>\")", flagged: true),
                .init("views.py", "html = format_html(\"<b>{}</b>\".format(name))", flagged: true),
                .init("views.py", "html = format_html(\"<b>{}</b>\", name)", flagged: false),
            ]),
        rule(
            "template-context-locals", .medium, cwe: "CWE-200",
            keywords: ["locals", "globals"],
            patterns: [.init(.code, #"\brender(?:_to_response|_template)?\s*\(.*\b(?:locals|globals)\s*\(\s*\)"#)],
            message: "Every local or global variable handed to a template",
            recommendation: "Pass the template an explicit dictionary of the values it needs.",
            examples: [
                .init("views.py", "return render(request, 'page.html', locals())", flagged: true),
                .init("views.py", "return render(request, 'page.html', {'name': name})", flagged: false),
            ]),
        rule(
            "dynamic-globals-lookup", .medium, cwe: "CWE-96",
            keywords: ["globals", "locals"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:globals|locals)\s*\(\s*\)\s*(?:\[\s*(?!["'\]])(?![^\]]*\]\s*=[^=])|\.get\s*\(\s*(?!["')]))|\.__globals__\s*\[\s*(?!["'])"#
                )
            ],
            message: "Function or object looked up by a name that is not a constant",
            recommendation:
                "Dispatch through an explicit dictionary of allowed callables instead of globals()/locals().",
            examples: [
                .init("views.py", "handler = globals()[action]", flagged: true),
                .init("views.py", "handler = globals()[\"main\"]", flagged: false),
                .init("module.py", "globals()[name] = make(name)", flagged: false),
            ]),
        rule(
            "mass-assignment", .medium, cwe: "CWE-915",
            keywords: ["**request"],
            patterns: [
                .init(
                    .code,
                    #"\.(?:create|update|get_or_create|update_or_create)\s*\(\s*\*\*\s*request\.(?:POST|GET|data|json|form|args)\b|(?<![\w.])\w+\s*\(\s*\*\*\s*request\.(?:POST|GET|data|json|form|args)\b"#
                )
            ],
            message: "Model fields set from every request parameter (mass assignment)",
            recommendation: "Copy only the allowed fields, or validate with a form/serializer that lists them.",
            examples: [
                .init("views.py", "Item.objects.create(**request.POST)", flagged: true),
                .init("views.py", "Item.objects.create(name=form.cleaned_data[\"name\"])", flagged: false),
            ]),
        rule(
            "cors-wildcard", .medium, cwe: "CWE-942",
            keywords: ["*"],
            patterns: [
                .init(
                    .text, #"\b(?:allow_origins|origins|CORS_ORIGINS|CORS_ALLOWED_ORIGINS)\s*=\s*(?:\[\s*)?["']\*["']"#),
                .init(.code, #"\bCORS_ORIGIN_ALLOW_ALL\s*=\s*True\b"#),
            ],
            requires: [.init(.code, #"="#)],
            message: "CORS allows every origin",
            recommendation:
                "List the origins that may call the API; a wildcard lets any site read responses meant for your users.",
            examples: [
                .init("main.py", "app.add_middleware(CORSMiddleware, allow_origins=[\"*\"])", flagged: true),
                .init(
                    "main.py", "app.add_middleware(CORSMiddleware, allow_origins=[\"https://example.org\"])",
                    flagged: false),
            ]),
    ]

    // MARK: - Files, serialization, secrets

    static let misc: [Rule] = [
        rule(
            "file-permissions", .medium, cwe: "CWE-732",
            keywords: ["chmod"],
            patterns: [
                .init(
                    .code,
                    #"\bos\.[lf]?chmod\s*\(.*?,\s*(?:[^)]*\b(?:stat\.)?S_I(?:WOTH|RWXO|WGRP|RWXG)\b|0[oO][0-7]*[2367][0-7]?\b|511\b|0x1[fF][fF]\b)"#
                ),
                .init(.code, #"\.chmod\s*\(\s*(?:0[oO][0-7]*[2367][0-7]?\b|511\b|0x1[fF][fF]\b)"#),
            ],
            message: "File made writable by the group or by everyone",
            recommendation:
                "Use 0o600 for secrets, 0o644 for readable files and 0o755 for programs and directories; never grant write to group or others on shared systems.",
            examples: [
                .init("setup.py", "os.chmod(path, 0o777)", flagged: true),
                .init("setup.py", "os.chmod(path, 0o664)", flagged: true),
                .init("setup.py", "os.chmod(path, stat.S_IRWXU | stat.S_IWOTH)", flagged: true),
                .init("setup.py", "os.chmod(path, 0o644)", flagged: false),
                .init("setup.py", "os.chmod(path, 0o755)", flagged: false),
            ]),
        rule(
            "insecure-temp-file", .medium, cwe: "CWE-377",
            keywords: ["mktemp", "/tmp", "/var/tmp", "/dev/shm"],
            patterns: [
                .init(.code, #"(?<![\w])(?<!def )(?:tempfile\.|\w+\.)?mktemp\s*\("#),
                .init(
                    .text,
                    #"(?<![\w.])(?:open|os\.open|io\.open|codecs\.open|Path|os\.mkdir|os\.makedirs|os\.chmod|shutil\.\w+|\w+\.write_text|\w+\.write_bytes)\s*\(\s*[rbuf]?["']/(?:tmp|var/tmp|dev/shm)/"#
                ),
            ],
            excludes: [.init(.code, #"\b(?:tmp_path_factory|tmpdir_factory)\.mktemp\b"#)],
            requiresInFile: [.init(.code, #"\b(?:tempfile|open|os|Path|shutil|mktemp)\b"#)],
            message: "Predictable temporary file name: another local user can create it first or link it elsewhere",
            recommendation:
                "Use tempfile.NamedTemporaryFile(), mkstemp() or TemporaryDirectory(), which create the file securely with a random name.",
            examples: [
                .init("job.py", "path = tempfile.mktemp()", flagged: true),
                .init("job.py", "with open('/tmp/report.csv', 'w') as f:", flagged: true),
                .init("job.py", "fd, path = tempfile.mkstemp()", flagged: false),
                .init("test_job.py", "d = tmp_path_factory.mktemp(\"data\")", flagged: false),
            ]),
        rule(
            "tar-extract-all", .medium, cwe: "CWE-22",
            keywords: ["extractall"],
            patterns: [.init(.code, #"\.extractall\s*\("#)],
            excludes: [
                .init(.text, #"\bfilter\s*=\s*(?!["']fully_trusted["']|(?:tarfile\.)?fully_trusted_filter\b|None\b)"#)
            ],
            requiresInFile: [.init(.code, #"\btarfile\b"#)],
            message: "Tar archive extracted without a filter: members can write outside the target directory",
            recommendation:
                "Pass filter=\"data\" (Python 3.12+, backported to 3.8.17+) or check every member's path before extracting.",
            examples: [
                .init("unpack.py", "import tarfile\ntar.extractall(path=dest)", flagged: true),
                .init("unpack.py", "import tarfile\ntar.extractall(path=dest, filter=\"data\")", flagged: false),
            ]),
        rule(
            "unsafe-deserialization-api", .high, cwe: "CWE-502",
            keywords: [
                "pickle", "unpickler", "jsonpickle", "read_pickle", "torch.load", "allow_pickle", "yaml(", "dill",
                "shelve",
            ],
            patterns: [
                .init(
                    .code,
                    #"\b(?:_pickle|cloudpickle|pickle|cPickle|dill)\.(?:Unpickler\s*\(|loads?\s*\()|\bjsonpickle\.(?:decode|loads|unpickler\.\w+)\s*\(|\bUnpickler\s*\([^)]*\)\s*\.(?:load|restore)\s*\("#
                ),
                .init(
                    .code,
                    #"\b(?:pd|pandas)\.read_pickle\s*\(|\bnumpy\.load\s*\((?=.*\ballow_pickle\s*=\s*True)|\bnp\.load\s*\((?=.*\ballow_pickle\s*=\s*True)"#
                ),
                .init(.text, #"\bYAML\s*\(\s*typ\s*=\s*["']unsafe["']"#),
                .init(.code, #"\bshelve\.open\s*\("#),
            ],
            requires: [.init(.code, #"\w\s*\("#)],
            conditions: [.dynamicArgument],
            message: "Deserialization of data that can execute code",
            recommendation:
                "Load untrusted data only in data-only formats (json, yaml.safe_load, safetensors); for torch.load pass weights_only=True.",
            examples: [
                .init("load.py", "obj = _pickle.loads(payload)", flagged: true),
                .init("load.py", "obj = jsonpickle.decode(payload)", flagged: true),
                .init("load.py", "obj = jsonpickle.decode('{\"a\": 1}')", flagged: false),
            ]),
        rule(
            "hardcoded-password", .medium, cwe: "CWE-798",
            excludedPaths: Rule.testPaths,
            keywords: ["password", "passwd", "pwd", "passphrase"],
            patterns: [
                .init(
                    .text,
                    #"(?i)\b\w*(?:password|passwd|pwd|passphrase)\b["']?\s*\]?\s*(?:=|:)\s*[rbu]?"# + notPlaceholder
                        + #"(?:"([^"\s]{1,64})"|'([^'\s]{1,64})')\s*(?:[,)}\]]|$)"#),
                .init(
                    .text,
                    #"(?i)\b\w*(?:password|passwd|pwd|passphrase)\s*[!=]=\s*[rbu]?"# + notPlaceholder
                        + #"(?:"[^"]{0,64}"|'[^']{0,64}')"#),
            ],
            requires: [.init(.code, #"[=:]"#)],
            excludes: [
                .init(.text, #"(?i)getenv|environ|input\(|getpass|\bfake|\bmock"#),
                .init(
                    .text,
                    #"(?i)\b\w*(?:password|passwd|pwd|passphrase)\w*\s*=\s*[rbu]?["'][^"']*["']\s*(?:\+|%|\.format)"#),
            ],
            message: "Password written in the source",
            recommendation:
                "Read passwords from the environment or a secret store at run time; compare credentials against a stored hash (hmac.compare_digest on hashes), never against a literal.",
            examples: [
                .init("db.py", "conn = connect(user=\"app\", password=\"hunter2\")", flagged: true),
                .init("api.py", "log({\"server\": server, \"password\": 'pass', \"user\": user})", flagged: true),
                .init("auth.py", "if password == \"root\":", flagged: true),
                .init("auth.py", "def login(user, password=\"admin\"):", flagged: true),
                .init("db.py", "conn = connect(user=\"app\", password=os.environ[\"DB_PASSWORD\"])", flagged: false),
                .init("forms.py", "widget = forms.TextInput(attrs={\"type\": \"password\"})", flagged: false),
                .init("db.py", "password = \"\"", flagged: false),
                .init("log.py", "masked_password = \":****\"", flagged: false),
                .init("docs.py", "\"\"\"Example:\n    login(password=\"hunter2\")\n\"\"\"", flagged: false),
            ]),
        rule(
            "jwt-signature-not-verified", .high, cwe: "CWE-347",
            keywords: ["verify_signature", "verify", "none"],
            patterns: [
                .init(.text, #"["']verify_signature["']\s*:\s*False\b"#),
                .init(.code, #"\bjwt\.decode\s*\(.*\bverify\s*=\s*False\b"#),
                .init(.text, #"(?i)\balgorithms?\s*=\s*\[?\s*["']none["']"#),
            ],
            requires: [.init(.code, #"\bFalse\b|\balgorithms?\s*="#)],
            message: "JWT accepted without checking its signature",
            recommendation:
                "Decode with the key and an explicit list of algorithms (jwt.decode(token, key, algorithms=[\"HS256\"])); never disable signature verification or allow \"none\".",
            examples: [
                .init("auth.py", "claims = jwt.decode(token, options={\"verify_signature\": False})", flagged: true),
                .init("auth.py", "token = jwt.encode(payload, None, algorithm=\"none\")", flagged: true),
                .init("auth.py", "claims = jwt.decode(token, key, algorithms=[\"HS256\"])", flagged: false),
            ]),
        rule(
            "jwt-hardcoded-secret", .high, cwe: "CWE-798",
            excludedPaths: Rule.testPaths,
            keywords: ["jwt."],
            patterns: [
                .init(.text, #"\bjwt\.(?:encode|decode)\s*\(\s*(?:\{[^{}]*\}|[\w.\[\]'"]+)\s*,\s*[rbu]?["'][^"']+["']"#)
            ],
            requires: [.init(.code, #"\bjwt\.(?:encode|decode)\s*\("#)],
            message: "JWT signed or checked with a key written in the source",
            recommendation: "Load the signing key from the environment or a secret store, and rotate the exposed one.",
            examples: [
                .init("auth.py", "token = jwt.encode({\"sub\": uid}, \"secret\", algorithm=\"HS256\")", flagged: true),
                .init(
                    "auth.py", "token = jwt.encode({\"sub\": uid}, settings.JWT_KEY, algorithm=\"HS256\")",
                    flagged: false),
            ]),
        rule(
            "cloud-credentials-in-code", .high, cwe: "CWE-798",
            excludedPaths: Rule.testPaths,
            keywords: ["aws_secret_access_key", "aws_access_key_id", "aws_session_token"],
            patterns: [
                .init(
                    .text,
                    #"\baws_(?:secret_access_key|access_key_id|session_token)\s*=\s*[rbu]?["'][A-Za-z0-9/+=]{16,}["']"#)
            ],
            requires: [.init(.code, #"\baws_\w+\s*="#)],
            message: "AWS credentials written in the source",
            recommendation:
                "Let boto3 find credentials (environment, shared config, instance role) instead of passing literals; revoke the exposed key.",
            examples: [
                .init(
                    "s3.py",
                    "s3 = boto3.client(\"s3\", aws_secret_access_key=\"wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEY\")",
                    flagged: true),  // reviewbot:ignore security.hardcoded-secret (a made-up example)
                .init(
                    "s3.py", "s3 = boto3.client(\"s3\", aws_secret_access_key=os.environ[\"AWS_SECRET\"])",
                    flagged: false),
            ]),
        rule(
            "secret-as-hashids-salt", .medium, cwe: "CWE-200",
            keywords: ["hashids"],
            patterns: [.init(.text, #"\bHashids\s*\((?:[^()]|\([^()]*\))*\bSECRET_KEY\b"#)],
            excludes: [.init(.code, #"^(?![\s\S]*\bHashids\b)"#)],
            multiline: true,
            message:
                "The framework's secret key used as a Hashids salt: Hashids is reversible, so the salt (the secret key) can be recovered from the ids",
            recommendation: "Use a separate, dedicated salt for Hashids.",
            examples: [
                .init("ids.py", "h = Hashids(salt=settings.SECRET_KEY, min_length=8)", flagged: true),
                .init("ids.py", "h = Hashids(salt=settings.HASHIDS_SALT, min_length=8)", flagged: false),
            ]),
        rule(
            "secret-logged", .medium, cwe: "CWE-532",
            keywords: ["password", "passwd", "secret", "api_key", "apikey", "token", "credential"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:log|logger|logging|LOG|LOGGER|_log|_logger|self\.log|self\.logger)\.(?:debug|info|warning|warn|error|critical|exception|log)\s*\([^\n]*,\s*\w*(?i:password|passwd|secret|api_?key|token|credential)\w*\s*[,)]"#
                )
            ],
            message: "Secret written to the log",
            recommendation:
                "Log that the secret was used, never its value; mask it (the last four characters at most) if it must be identified.",
            examples: [
                .init("api.py", "logger.info(\"calling API with key %s\", api_key)", flagged: true),
                .init("api.py", "logger.info(\"calling API for user %s\", user_id)", flagged: false),
            ]),
        rule(
            "django-extra-sql", .medium, cwe: "CWE-89",
            keywords: ["extra(", "rawsql"],
            patterns: [
                .init(
                    .code,
                    #"\.objects\.[^\n]*\.extra\s*\(|\b(?:filter|exclude|all|annotate|order_by|values|get|update|distinct)\s*\([^\n]*\)\s*\.extra\s*\("#
                ),
                .init(.code, #"\bRawSQL\s*\((?=\s*(?:sql\s*=\s*)?(?![rRbBuU]{0,2}["'][^"']*["']\s*,)[^,)]+[,)])"#),
                .init(.code, #"\bRawSQL\s*\((?=.*\bsql\s*=\s*(?![rRbBuU]{0,2}["'][^"']*["']\s*[,)]))"#),
            ],
            message: "Raw SQL in a Django query (extra() or RawSQL with a built string)",
            recommendation:
                "Express the query with the ORM (annotate, F(), Func) or pass values through params=[...]; extra() is deprecated and easy to inject.",
            examples: [
                .init("views.py", "qs = User.objects.filter(active=True).extra(where=[clause])", flagged: true),
                .init("views.py", "qs = User.objects.annotate(val=RawSQL(sql, []))", flagged: true),
                .init(
                    "views.py", "qs = User.objects.annotate(val=RawSQL(\"SELECT 1 FROM t WHERE id = %s\", (uid,)))",
                    flagged: false),
            ]),
        rule(
            "sql-string-building", .high, cwe: "CWE-89",
            keywords: ["select", "insert", "update", "delete"],
            patterns: [
                .init(
                    .text,
                    #"(?i)\b(?:select\s+(?:distinct\s+)?(?:[\w.,\s{}()*%'`"\[\]+-]{1,200}?\s+)?from\s+[\w.{}%`"\[\]]+|insert\s+into\s+[\w.{}%`"\[\]]+|update\s+[\w.{}%`"\[\]]+\s+set\s|delete\s+from\s+[\w.{}%`"\[\]]+)"#
                )
            ],
            requires: [
                .init(
                    .code,
                    #"[fF][rR]?["'][^"'\n]*\{[^}]|["']\s*%\s*[\w(\[]|["']\s*\.\s*(?:format\s*\(\s*[^)\s]|replace\s*\()|["']\s*\+\s*[\w(]|[\w)\]]\s*\+\s*[rbuf]?["']"#
                )
            ],
            excludes: [
                // What security.sql-injection reports already (its statement shape and its string building).
                .init(
                    .text,
                    "^(?=.*" + SecurityRules.sqlStatement
                        + #")(?=.*(?:["']\s*(?:\+|%)\s*[\w(\[]|[\w)\]]\s*\+\s*["']|["']\s*\.\s*format\s*\(|\bformat\s*\(\s*["'][^"']*["']\s*,|[fF][rR]?["'][^"'\n]*\{))"#
                ),
                .init(.code, #"(?i)\b(?:select|insert|update|delete)\s+(?:\*|into|from|\w+\s+(?:from|set))\b"#),
                .init(.code, #"%\s*\(\s*\)|%\s*\(\s*(?:["'][^"']*["']\s*,\s*)*["'][^"']*["']\s*,?\s*\)"#),
                .init(
                    .code,
                    #"^\s*(?:print|log\w*|logger\.\w+|logging\.\w+|\w*\.(?:debug|info|warning|error|exception))\s*\("#),
            ],
            message: "SQL statement built from string formatting",
            recommendation:
                "Pass values as bound parameters of the driver's execute call; for identifiers (table, column), check them against an allow-list.",
            examples: [
                .init("db.py", "cur.execute(f\"SELECT {column} FROM users WHERE id = 1\")", flagged: true),
                .init("db.py", "q = \"SELECT * FROM t WHERE id = '[ID]'\".replace(\"[ID]\", uid)", flagged: true),
                .init("db.py", "cur.execute(\"SELECT name FROM users WHERE id = %s\", (uid,))", flagged: false),
                .init("db.py", "cur.execute(f\"SELECT name FROM users\")", flagged: false),
            ]),
        rule(
            "sql-query-variable", .high, cwe: "CWE-89",
            keywords: ["execute", "fetch", "run(", "cursor(", "mogrify", "text("],
            patterns: [
                builtVariable(
                    methods: "execute|executemany|executescript|mogrify|run|fetch|fetchrow|fetchval|fetchall|cursor",
                    receiver: #"\w{0,30}(?:cur|conn|con|db|engine|session|pool|tx|transaction)\w{0,30}"#),
                builtTextVariable,
            ],
            multiline: true,
            message: "SQL text built from string formatting a few lines before it is run",
            recommendation:
                "Keep the SQL text constant and pass values as bound parameters (cursor.execute(sql, params), text(\"... :id\").bindparams(id=value)).",
            examples: [
                .init(
                    "db.py",
                    "def find(name):\n    query = \"SELECT * FROM t WHERE name = '\" + name + \"'\"\n    cur.execute(query)",
                    flagged: true),
                .init(
                    "db.py", "def find(name):\n    sql = f\"SELECT * FROM {table}\"\n    rows = await conn.fetch(sql)",
                    flagged: true),
                .init(
                    "db.py",
                    "def find(name):\n    query = \"SELECT * FROM t WHERE name = %s\"\n    cur.execute(query, (name,))",
                    flagged: false),
                .init(
                    "db.py", "def count():\n    query = \"SELECT count(*) FROM t\".format()\n    cur.execute(query)",
                    flagged: false),
            ]),
        rule(
            "sqlalchemy-query-format", .high, cwe: "CWE-89",
            keywords: ["order_by", "group_by", "having", "distinct", "filter("],
            patterns: [
                .init(
                    .code,
                    #"\.(?:filter|order_by|group_by|having|distinct)\s*\((?=\s*[fF]?["'][^"']*["']\s*(?:%\s*[\w(]|\.format\s*\(\s*[^)\s]))"#
                ),
                .init(.code, #"\.(?:filter|order_by|group_by|having|distinct)\s*\((?=\s*[fF]["'][^"']*\{)"#),
            ],
            requiresInFile: [.init(.code, #"\bsqlalchemy\b|\bquery\b"#)],
            message: "SQLAlchemy query clause built from string formatting",
            recommendation:
                "Use ORM expressions (Model.name == value) or bound parameters (text(\"name = :n\").bindparams(n=value)) instead of formatting SQL text.",
            examples: [
                .init(
                    "db.py", "import sqlalchemy\nrows = query.order_by(\"name {}\".format(direction))", flagged: true),
                .init("db.py", "import sqlalchemy\nrows = query.filter(User.name == name)", flagged: false),
            ]),
        rule(
            "docker-dynamic-image", .medium, cwe: "CWE-250",
            keywords: ["containers."],
            patterns: [.init(.code, #"\.containers\.(?:run|create)\s*\("#)],
            requiresInFile: [.init(.code, #"\bdocker\b"#)],
            conditions: [.dynamicArgument],
            message: "Docker container started from an image chosen at run time",
            recommendation:
                "Run images from an allow-list (pinned by digest) and never let input choose the image or its command.",
            examples: [
                .init("jobs.py", "import docker\nclient.containers.run(image, command)", flagged: true),
                .init("jobs.py", "import docker\nclient.containers.run(\"alpine:3.20\", \"echo hi\")", flagged: false),
            ]),
        rule(
            "xmlrpc-import", .low, cwe: "CWE-776",
            keywords: ["xmlrpc"],
            patterns: [
                .init(.code, #"^\s*(?:import|from)\s+(?:xmlrpclib|SimpleXMLRPCServer|DocXMLRPCServer|xmlrpc)\b"#)
            ],
            message: "XML-RPC parses XML with the standard library, which is not hardened against malicious documents",
            recommendation:
                "Use defusedxml.xmlrpc (call defusedxml.xmlrpc.monkey_patch()) before serving or calling XML-RPC on untrusted networks.",
            examples: [
                .init("rpc.py", "from xmlrpc.server import SimpleXMLRPCServer", flagged: true),
                .init("rpc.py", "import defusedxml.xmlrpc", flagged: false),
            ]),
        rule(
            "xml-external-entities", .high, cwe: "CWE-611",
            keywords: ["feature_external", "resolve_entities", "no_network"],
            patterns: [
                .init(.code, #"\bsetFeature\s*\(\s*(?:[\w.]*\.)?feature_external_(?:ges|pes)\s*,\s*(?:True|1)\b"#),
                .init(.code, #"\bresolve_entities\s*=\s*True\b|\bno_network\s*=\s*False\b"#),
            ],
            message:
                "XML parser set to resolve external entities (XXE): a document can read local files or reach internal hosts",
            recommendation:
                "Leave external entities off (the default of xml.sax in Python 3.7.1+), create lxml parsers with resolve_entities=False, or parse with defusedxml.",
            examples: [
                .init("xml.py", "parser.setFeature(xml.sax.handler.feature_external_ges, True)", flagged: true),
                .init("xml.py", "parser = etree.XMLParser(resolve_entities=True)", flagged: true),
                .init("xml.py", "parser = etree.XMLParser(resolve_entities=False)", flagged: false),
            ]),
        rule(
            "torch-load-pickle", .medium, cwe: "CWE-502",
            keywords: ["torch.load"],
            patterns: [.init(.code, #"\btorch\.load\s*\((?![^\n]*\bweights_only\s*=\s*True)"#)],
            message: "torch.load() unpickles the file, which can run code, unless weights_only=True",
            recommendation: "Pass weights_only=True (the default from PyTorch 2.6) or store weights as safetensors.",
            examples: [
                .init("model.py", "model.load_state_dict(torch.load(path))", flagged: true),
                .init("model.py", "model.load_state_dict(torch.load(path, weights_only=True))", flagged: false),
            ]),
        rule(
            "xml-stdlib-parser", .low, cwe: "CWE-776",
            keywords: ["xml"],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w.])xml\.(?:etree\.c?ElementTree|dom\.(?:minidom|pulldom|expatbuilder)|sax(?:\.expatreader)?)\.(?:"#
                        + xmlParseFunctions + #")\s*\("# + notConfiguredPath),
                // A module imported from xml under another name (import xml.etree.ElementTree as ET, from xml import sax).
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames + #"\.(?:"# + xmlParseFunctions + #")\s*\("#
                        + notConfiguredPath,
                    binding:
                        #"(?:import[ \t]{1,4}xml\.[\w.]{1,60}[ \t]{1,4}as|from[ \t]{1,4}xml(?:\.[\w.]{1,60})?[ \t]{1,4}import(?:[ \t]{1,4}[\w \t,]{0,200}?\bas)?)[ \t]{1,4}(\w{1,40})\b"#,
                    unbinding: defusedBinding),
            ],
            requiresInFile: [.init(.code, #"(?m)^[ \t]*(?:import|from)[ \t]+xml\b"#)],
            multiline: true,
            message:
                "XML parsed with the standard library, which is not hardened against malicious documents (entity expansion)",
            recommendation:
                "Parse XML from outside the program with defusedxml (defusedxml.ElementTree.fromstring, defusedxml.minidom.parseString) instead.",
            examples: [
                .init(
                    "feed.py", "import xml.etree.ElementTree as ET\n\ndef load(text):\n    return ET.fromstring(text)",
                    flagged: true),
                .init(
                    "feed.py", "import xml.sax\n\ndef load(text):\n    xml.sax.parseString(text, handler)",
                    flagged: true),
                .init(
                    "feed.py", "import defusedxml.ElementTree as ET\n\ndef load(text):\n    return ET.fromstring(text)",
                    flagged: false),
                .init(
                    "feed.py",
                    "from xml.etree import ElementTree\nfrom defusedxml.etree import ElementTree\n\ndef load(text):\n    return ElementTree.fromstring(text)",
                    flagged: false),
                .init(
                    "feed.py",
                    "import xml.etree.ElementTree as ET\n\ndef load():\n    return ET.parse(f\"{settings.DATA_DIR}/map.xml\")",
                    flagged: false),
            ]),
        rule(
            "xml-stdlib-parser-alias", .low, cwe: "CWE-776",
            keywords: ["xml"],
            patterns: [
                // A parse function imported from xml (from xml.dom.minidom import parseString as ps), unless a
                // defusedxml import binds the name again.
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames + #"\s*\("# + notConfiguredPath,
                    binding: #"\bfrom[ \t]{1,4}xml\.[\w.]{1,60}[ \t]{1,4}import[ \t]{1,4}[\w \t,]{0,200}?\b(?:"#
                        + xmlParseFunctions + #")[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#,
                    unbinding: defusedBinding)
            ],
            requiresInFile: [
                .init(
                    .code,
                    #"\bfrom[ \t]+xml(?:\.\w+)*[ \t]+import[ \t][^\n]*\b(?:"# + xmlParseFunctions + #")[ \t]+as\b"#)
            ],
            multiline: true,
            message:
                "XML parsed with the standard library, which is not hardened against malicious documents (entity expansion)",
            recommendation:
                "Parse XML from outside the program with defusedxml (defusedxml.minidom.parseString, defusedxml.ElementTree.fromstring) instead.",
            examples: [
                .init(
                    "feed.py", "from xml.dom.minidom import parseString as ps\n\ndef load(text):\n    return ps(text)",
                    flagged: true),
                .init(
                    "feed.py",
                    "from defusedxml.minidom import parseString as ps\n\ndef load(text):\n    return ps(text)",
                    flagged: false),
            ]),
        rule(
            "subprocess-shell-true", .low, cwe: "CWE-78",
            keywords: ["shell", "getoutput", "getstatus", "popen"],
            patterns: [
                .init(.code, #"\bshell\s*=\s*(?!False\b|None\b|0\b|\[\s*\]|\{\s*\}|["']{2})[\w"'(\[{]"#),
                // These always run their argument through /bin/sh.
                .init(
                    .code,
                    #"\bsubprocess\.(?:getoutput|getstatusoutput)\s*\(|\b(?:popen2\.(?:popen[234]|Popen[34])|commands\.(?:getoutput|getstatusoutput|getstatus))\s*\("#
                ),
            ],
            requires: [
                .init(
                    .code,
                    #"\b(?:subprocess\.\w+|Popen|call|run|check_output|check_call|pop|popen\d?|Popen\d)\s*\(|^\s*shell\s*=|\bgetoutput\b|\bgetstatus"#
                )
            ],
            requiresInFile: [
                .init(.code, #"\b(?:subprocess|Popen|call|run|check_output|check_call|popen2|commands)\b"#)
            ],
            message: "Command run through the shell (shell=True): quoting mistakes become command injection",
            recommendation:
                "Pass an argument list and keep shell=False; if you need pipes or globbing, build them in Python (subprocess pipes, glob) rather than in a shell string.",
            examples: [
                .init("tool.py", "import subprocess\nsubprocess.run(\"ls -l | wc -l\", shell=True)", flagged: true),
                .init("tool.py", "import subprocess\nout = subprocess.getoutput(\"uname -a\")", flagged: true),
                .init("tool.py", "import subprocess\nsubprocess.run([\"ls\", \"-l\"], shell=False)", flagged: false),
                .init(
                    "cli.py", "import subprocess\nprint(TEMPLATE.format(script=script, shell=options.shell))",
                    flagged: false),
            ]),
        rule(
            "shell-wildcard", .medium, cwe: "CWE-155",
            keywords: ["*"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:os\.system|os\.popen\d?|system|popen\d?)\s*\(\s*[rbu]?["'][^"']*\b(?:tar|chown|chmod|chgrp|rsync|zip|7z|scp)\b[^"']*\s\*[^"']*["']"#
                ),
                .init(
                    .text,
                    #"\b(?:subprocess\.\w+|Popen)\s*\(\s*[rbu]?["'][^"']*\b(?:tar|chown|chmod|chgrp|rsync|zip|7z|scp)\b[^"']*\s\*[^"']*["'](?=.*\bshell\s*=\s*True)"#
                ),
            ],
            requires: [.init(.code, #"\b(?:system|popen\d?|Popen|subprocess\.\w+)\s*\("#)],
            message: "Shell wildcard passed to tar, chown, chmod or rsync: file names starting with - become options",
            recommendation:
                "List the files in Python and pass them after `--` in an argument list (subprocess.run([\"tar\", \"czf\", out, \"--\", *files])).",
            examples: [
                .init("backup.py", "os.system(\"tar czf backup.tgz *\")", flagged: true),
                .init(
                    "backup.py", "subprocess.run([\"tar\", \"czf\", \"backup.tgz\", \"--\", *files])", flagged: false),
            ]),
        rule(
            "unpinned-model-download", .low, cwe: "CWE-494",
            keywords: ["from_pretrained", "load_dataset", "hf_hub_download", "snapshot_download"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:from_pretrained|load_dataset|hf_hub_download|snapshot_download)\s*\(\s*(?:repo_id\s*=\s*|pretrained_model_name_or_path\s*=\s*|path\s*=\s*)?[rbu]?["'](?![./~]|[A-Za-z]:)[^"']+["'](?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#
                )
            ],
            excludes: [
                .init(.code, #"^(?![\s\S]*\b(?:from_pretrained|load_dataset|hf_hub_download|snapshot_download)\b)"#),
                .init(.text, #"\brevision\s*=\s*(?:["'][0-9a-f]{7,40}["']|[A-Za-z_])"#),
            ],
            multiline: true,
            message:
                "Model or dataset downloaded from the Hub without a pinned commit: its files (and any code they carry) can change under you",
            recommendation:
                "Pass revision=\"<commit sha>\" so that the download is reproducible and cannot be swapped upstream.",
            examples: [
                .init("model.py", "model = AutoModel.from_pretrained(\"org/model\")", flagged: true),
                .init("model.py", "model = AutoModel.from_pretrained(\"org/model\", revision=\"main\")", flagged: true),
                .init(
                    "model.py", "model = AutoModel.from_pretrained(\"org/model\", revision=\"5d0f2e8a7f1b2c3d\")",
                    flagged: false),
                .init("model.py", "model = AutoModel.from_pretrained(\"./local_model\")", flagged: false),
                .init(
                    "model.py", "\"\"\"Use ``AutoModel.from_pretrained(\"org/model\")`` with a revision.\"\"\"",
                    flagged: false),
            ]),
        rule(
            "snmp-insecure", .medium, cwe: "CWE-319",
            keywords: ["communitydata", "usmuserdata"],
            patterns: [
                .init(.code, #"\bCommunityData\s*\((?=[^)]*\bmpModel\s*=\s*[01]\b)"#),
                .init(.code, #"\bUsmUserData\s*\(\s*[^,()]+(?:,\s*[^,()]+)?\s*\)"#),
            ],
            message: "SNMP without encryption (v1/v2c community, or v3 without a privacy key)",
            recommendation:
                "Use SNMPv3 with both an authentication and a privacy key (UsmUserData(user, authKey, privKey)).",
            examples: [
                .init("snmp.py", "auth = UsmUserData(\"monitor\", \"authpass\")", flagged: true),
                .init("snmp.py", "auth = UsmUserData(\"monitor\", \"authpass\", \"privpass\")", flagged: false),
            ]),
        rule(
            "cgi-httpoxy", .low, cwe: "CWE-284",
            keywords: ["cgihandler", "cgiscript", "cgidirectory"],
            patterns: [.init(.code, #"\bCGIHandler\s*\(|\btwcgi\.CGI(?:Script|Directory)\s*\("#)],
            message: "CGI handler: the client's Proxy header reaches the program as HTTP_PROXY (httpoxy)",
            recommendation:
                "Run the application under a WSGI server instead of CGI, or drop the Proxy header in front of it.",
            examples: [
                .init("serve.py", "wsgiref.handlers.CGIHandler().run(app)", flagged: true),
                .init("serve.py", "serve(app, host=\"127.0.0.1\")", flagged: false),
            ]),
        rule(
            "bidi-control-character", .high, cwe: "CWE-838",
            keywords: [
                "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}",
                "\u{2069}",
            ],
            patterns: [.init(.raw, "[\u{202A}-\u{202E}\u{2066}-\u{2069}]")],
            message:
                "Bidirectional control character in the source: the code can read differently from what runs (Trojan Source)",
            recommendation:
                "Remove the character; if right-to-left text is needed in a string, write it with an escape (\\u202e) so that it is visible.",
            examples: [
                .init(
                    "auth.py",
                    "if access_level != 'none\u{202E}\u{2066}': # check\u{2069}\u{2066}' and access_level != 'user",
                    flagged: true),
                .init("auth.py", "if access_level != 'none':", flagged: false),
            ]),
        rule(
            "weak-hash-alias", .medium, cwe: "CWE-328",
            keywords: ["hashlib"],
            patterns: [
                // `import hashlib as h` … `h.md5(`: the names bound are looked up once per file (a look-behind from
                // every call to its import took seconds on long modules).
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames
                        + #"\.(?:md5|sha1)\s*\((?![^)\n]*usedforsecurity\s*=\s*False)"#,
                    binding: #"\bimport[ \t]{1,4}hashlib[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#),
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames
                        + #"\s*\((?![^)\n]*usedforsecurity\s*=\s*False)"#,
                    binding:
                        #"\bfrom[ \t]{1,4}hashlib[ \t]{1,4}import[ \t]{1,4}[\w \t,]{0,200}?\b(?:md5|sha1)[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#
                ),
            ],
            requiresInFile: [
                .init(.code, #"\bimport\s+hashlib\s+as\b|\bfrom\s+hashlib\s+import\s[^\n]*\b(?:md5|sha1)\s+as\b"#)
            ],
            multiline: true,
            message: "Weak hash algorithm (MD5 or SHA-1) through an aliased hashlib",
            recommendation:
                "Use SHA-256 or better; keep MD5/SHA-1 only for non-security checksums and say so (usedforsecurity=False).",
            examples: [
                .init("auth.py", "import hashlib as h\n\ndigest = h.md5(data).hexdigest()", flagged: true),
                .init(
                    "auth.py", "import hashlib as h\nimport hashlib as hh\n\ndigest = h.md5(data).hexdigest()",
                    flagged: true),
                .init("auth.py", "import hashlib as h\n\ndigest = h.sha256(data).hexdigest()", flagged: false),
            ]),
        rule(
            "unsafe-deserialization-alias", .high, cwe: "CWE-502",
            keywords: ["pickle", "dill", "marshal"],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames + #"\s*\("#,
                    binding:
                        #"\bfrom[ \t]{1,4}(?:pickle|cPickle|_pickle|dill|marshal|cloudpickle)[ \t]{1,4}import[ \t]{1,4}[\w \t,]{0,200}?\bloads?[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#
                ),
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames + #"\.loads?\s*\("#,
                    binding:
                        #"\bimport[ \t]{1,4}(?:pickle|cPickle|_pickle|dill|marshal|cloudpickle)[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#
                ),
            ],
            requiresInFile: [
                .init(
                    .code,
                    #"\b(?:import\s+(?:pickle|cPickle|_pickle|dill|marshal|cloudpickle)\s+as|from\s+(?:pickle|cPickle|_pickle|dill|marshal|cloudpickle)\s+import\s[^\n]*\bas)\b"#
                )
            ],
            multiline: true,
            message: "Deserialization of data that can execute code (pickle under another name)",
            recommendation:
                "Load untrusted data only in data-only formats (json, yaml.safe_load); keep pickle for data this program wrote itself.",
            examples: [
                .init("load.py", "from pickle import loads as lp\n\nobj = lp(payload)", flagged: true),
                .init("load.py", "import pickle as p\n\nobj = p.loads(payload)", flagged: true),
                .init("load.py", "import json as j\n\nobj = j.loads(payload)", flagged: false),
            ]),
        rule(
            "insecure-random-audit", .info, cwe: "CWE-330",
            keywords: ["random."],
            patterns: [
                .init(
                    .code,
                    #"\brandom\.(?:random|randint|randrange|randbytes|getrandbits|choice|choices|sample|shuffle|uniform|triangular|normalvariate|gauss|betavariate|expovariate|lognormvariate|paretovariate|vonmisesvariate|weibullvariate|Random)\s*\("#
                )
            ],
            requiresInFile: [.init(.code, #"^\s*(?:import|from)\s+random\b|\bimport\s+[^\n]*\brandom\b"#)],
            message:
                "The random module is predictable: fine for simulations and sampling, never for tokens, passwords or keys",
            recommendation:
                "If this value protects anything (a token, a password, an id that must not be guessed), use the secrets module instead.",
            examples: [
                .init("sample.py", "import random\npick = random.choice(items)", flagged: true),
                .init("sample.py", "import secrets\npick = secrets.choice(items)", flagged: false),
            ]),
        rule(
            "deserialization-module-import", .info, cwe: "CWE-502",
            keywords: ["pickle", "dill", "shelve", "marshal"],
            patterns: [
                .init(.code, #"^\s*(?:import|from)\s+(?:pickle|cPickle|_pickle|dill|shelve|jsonpickle|cloudpickle)\b"#),
                .init(
                    .text,
                    #"\b(?:__import__|importlib\.import_module|importlib\.__import__)\s*\(\s*(?:name\s*=\s*)?["'](?:pickle|cPickle|dill|shelve)["']"#
                ),
            ],
            message:
                "Module that can run code while loading data: make sure it only ever loads data this program wrote",
            recommendation:
                "Prefer json or another data-only format for anything that crosses a trust boundary; sign pickled data (hmac) if it must be stored outside the process.",
            examples: [
                .init("cache.py", "import pickle", flagged: true),
                .init("cache.py", "import json", flagged: false),
            ]),
        rule(
            "cleartext-protocol-import", .low, cwe: "CWE-319",
            keywords: ["telnetlib", "ftplib", "pyghmi"],
            patterns: [
                .init(
                    .code,
                    #"^\s*import\s+(?:telnetlib|ftplib)\b|^\s*from\s+(?:telnetlib|pyghmi)\b|^\s*from\s+ftplib\s+import\s+(?:[\w\s,]*\bFTP\b(?!_)|\*)"#
                )
            ],
            message: "Telnet, FTP or IPMI client library: these protocols send credentials in the clear",
            recommendation: "Use SSH (paramiko), SFTP or FTP_TLS instead.",
            examples: [
                .init("net.py", "import telnetlib", flagged: true),
                .init("net.py", "from ftplib import FTP_TLS", flagged: false),
            ]),
        rule(
            "insecure-temp-file-alias", .medium, cwe: "CWE-377",
            keywords: ["mktemp"],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w.])"# + Rule.Pattern.boundNames + #"\s*\("#,
                    binding:
                        #"\bfrom[ \t]{1,4}tempfile[ \t]{1,4}import[ \t]{1,4}[\w \t,]{0,200}?\bmktemp[ \t]{1,4}as[ \t]{1,4}(\w{1,40})\b"#
                )
            ],
            requiresInFile: [.init(.code, #"\bfrom\s+tempfile\s+import\s[^\n]*\bmktemp\s+as\b"#)],
            multiline: true,
            message: "Predictable temporary file name (tempfile.mktemp under another name)",
            recommendation:
                "Use tempfile.NamedTemporaryFile(), mkstemp() or TemporaryDirectory(), which create the file securely with a random name.",
            examples: [
                .init("job.py", "from tempfile import mktemp as mt\n\npath = mt()", flagged: true),
                .init("job.py", "from tempfile import mkstemp as mt\n\nfd, path = mt()", flagged: false),
            ]),
        rule(
            "xml-module-import", .info, cwe: "CWE-776",
            keywords: ["xml"],
            patterns: [
                .init(
                    .code,
                    #"^\s*import\s+xml\.(?:sax|dom\.(?:minidom|pulldom|expatbuilder))\b|^\s*from\s+xml\.(?:sax|dom\.(?:minidom|pulldom|expatbuilder))(?:\.\w+)?\s+import\b|^\s*from\s+xml(?:\.dom)?\s+import\s+(?:[\w\s,]*\b(?:sax|minidom|pulldom|expatbuilder)\b)"#
                )
            ],
            message: "Standard-library XML parser imported: it is not hardened against malicious documents",
            recommendation:
                "Parse XML from outside the program with defusedxml (defusedxml.sax, defusedxml.minidom, defusedxml.pulldom).",
            examples: [
                .init("feed.py", "from xml.dom.minidom import parseString", flagged: true),
                .init("feed.py", "from defusedxml.minidom import parseString", flagged: false),
            ]),
        rule(
            "http-timeout-disabled", .low, cwe: "CWE-400",
            keywords: ["timeout"],
            patterns: [
                .init(
                    .code,
                    #"(?<![\w.])(?:requests|httpx)\.(?:get|post|put|patch|delete|head|options|request|stream|Client|AsyncClient)\s*\((?=(?:[^()]|\([^()]*\))*\btimeout\s*=\s*None\b)(?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#
                )
            ],
            multiline: true,
            message: "HTTP timeout turned off (timeout=None): a slow or silent server blocks this call forever",
            recommendation:
                "Pass a timeout in seconds, or a (connect, read) tuple; httpx already has a 5-second default when you leave it out.",
            examples: [
                .init("client.py", "r = httpx.get(url, timeout=None)", flagged: true),
                .init("client.py", "client = httpx.AsyncClient(\n    base_url=api,\n    timeout=None)", flagged: true),
                .init("client.py", "r = httpx.get(url)", flagged: false),
                .init("client.py", "r = requests.get(url, timeout=10)", flagged: false),
            ]),
        rule(
            "pycrypto-import", .info, cwe: "CWE-1104",
            keywords: ["crypto"],
            patterns: [.init(.code, #"^\s*(?:import|from)\s+Crypto(?:\.\w+)*\s+import\b|^\s*import\s+Crypto\b"#)],
            message:
                "The Crypto package is PyCrypto (abandoned since 2013, with known vulnerabilities) unless PyCryptodome provides it",
            recommendation:
                "Depend on pycryptodome (or pycryptodomex and import Cryptodome, which cannot resolve to PyCrypto), and make sure pycrypto is not installed.",
            examples: [
                .init("enc.py", "from Crypto.Cipher import AES", flagged: true),
                .init("enc.py", "from Cryptodome.Cipher import AES", flagged: false),
            ]),
    ]
}
