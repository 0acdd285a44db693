/// Built-in rules specific to Java, Kotlin and Go (see RuleCatalog).
///
/// Security rules for JVM and Go APIs whose misuse is visible on one line (or one small block): broken
/// ciphers, disabled TLS checks, weak randomness, plain-text transport, and Spring settings that turn a
/// protection off. Shared rules (SQL, command injection, weak hashes, deserialization) live in SecurityRules.
enum JavaGoRules {
    static let jvm: Set<Language> = [.java, .kotlin]
    static let jvmGo: Set<Language> = [.java, .kotlin, .go]

    /// Words that suggest a file deals with secrets, so that weak randomness there matters.
    static let secretContext =
        #"(?i)\b\w*(token|password|passwd|secret|nonce|salt|otp|session|csrf|rememberme|apikey|api_key|credential|cipher|crypt)\w*\b"#

    static let all: [Rule] = [
        Rule(
            id: "security.broken-cipher", category: .security, severity: .high, languages: jvmGo,
            keywords: ["getinstance", "des.", "rc4.", "nullcipher"],
            patterns: [
                .init(
                    .text,
                    #"\bCipher\.getInstance\(\s*"(?i:(?:DES|DESede|TripleDES|RC2|RC4|ARCFOUR|Blowfish)(?:/[^"]*)?|AES|(?:AES|DES|DESede|Blowfish)/ECB/[^"]*)""#,
                    languages: jvm),
                .init(.code, #"\bnew\s+(?:javax\.crypto\.)?NullCipher\s*\("#, languages: jvm),
                .init(.code, #"\b(?:des\.New(?:TripleDES)?Cipher|rc4\.NewCipher)\s*\("#, languages: [.go]),
            ],
            message: "Broken or misused cipher (DES, 3DES, RC2, RC4, Blowfish, ECB mode, or no encryption at all)",
            recommendation:
                "Use an authenticated mode of a modern cipher: AES/GCM/NoPadding with a fresh random nonce (Java), or crypto/aes with cipher.NewGCM or golang.org/x/crypto/chacha20poly1305 (Go).",
            cwe: "CWE-327",
            examples: [
                .init("Crypto.java", #"Cipher c = Cipher.getInstance("DES/ECB/PKCS5Padding");"#, flagged: true),
                .init("Crypto.java", #"Cipher c = Cipher.getInstance("AES/ECB/NoPadding");"#, flagged: true),
                .init("Crypto.java", #"Cipher c = Cipher.getInstance("AES");"#, flagged: true),
                .init("Crypto.java", #"useCipher(Cipher.getInstance("RC4"));"#, flagged: true),
                .init("Crypto.java", "Cipher c = new NullCipher();", flagged: true),
                .init("Crypto.kt", #"val c = Cipher.getInstance("Blowfish")"#, flagged: true),
                .init("crypto.go", "block, err := des.NewTripleDESCipher(key)", flagged: true),
                .init("crypto.go", "c, err := rc4.NewCipher(key)", flagged: true),
                .init("Crypto.java", #"Cipher c = Cipher.getInstance("AES/GCM/NoPadding");"#, flagged: false),
                .init(
                    "Crypto.java", #"Cipher c = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");"#,
                    flagged: false),
                .init("crypto.go", "block, err := aes.NewCipher(key)", flagged: false),
            ]),
        Rule(
            id: "security.rsa-without-padding", category: .security, severity: .high, languages: jvm,
            keywords: ["nopadding"],
            patterns: [.init(.text, #"\bCipher\.getInstance\(\s*"RSA/[^/"]*/NoPadding""#)],
            message: "RSA used without padding (textbook RSA)",
            recommendation: "Use OAEP padding: Cipher.getInstance(\"RSA/ECB/OAEPWithSHA-256AndMGF1Padding\").",
            cwe: "CWE-780",
            examples: [
                .init("Crypto.java", #"Cipher.getInstance("RSA/NONE/NoPadding");"#, flagged: true),
                .init("Crypto.java", #"Cipher.getInstance("RSA/ECB/OAEPWithMD5AndMGF1Padding");"#, flagged: false),
            ]),
        Rule(
            id: "security.weak-rsa-key", category: .security, severity: .medium, languages: jvmGo,
            keywords: ["initialize", "generatekey", "rsakeygenparameterspec"],
            patterns: [
                .init(
                    .code,
                    #"\.initialize\(\s*(?:512|768|1024)\s*[,)]|\bnew\s+RSAKeyGenParameterSpec\(\s*(?:512|768|1024)\s*,"#,
                    languages: jvm),
                .init(
                    .code, #"\brsa\.GenerateKey\([^,()]*(?:\([^()]*\))?[^,()]*,\s*(?:512|768|1024)\s*\)"#,
                    languages: [.go]),
            ],
            requiresInFile: [.init(.code, #"\bKeyPairGenerator\b|\bRSAKeyGenParameterSpec\b"#, languages: jvm)],
            message: "RSA key shorter than 2048 bits",
            recommendation:
                "Generate RSA keys of at least 2048 bits (3072 for long-lived keys), or use elliptic-curve keys.",
            cwe: "CWE-326",
            examples: [
                .init(
                    "Keys.java", "KeyPairGenerator g = KeyPairGenerator.getInstance(\"RSA\");\ng.initialize(512);",
                    flagged: true),
                .init("keys.go", "key, err := rsa.GenerateKey(rand.Reader, 1024)", flagged: true),
                .init(
                    "Keys.java", "KeyPairGenerator g = KeyPairGenerator.getInstance(\"RSA\");\ng.initialize(2048);",
                    flagged: false),
                .init("keys.go", "key, err := rsa.GenerateKey(rand.Reader, 2048)", flagged: false),
            ]),
        Rule(
            id: "security.java-insecure-random", category: .security, severity: .medium, languages: jvm,
            excludedPaths: Rule.testPaths,
            keywords: ["random"],
            patterns: [.init(.code, #"\bnew\s+(?:java\.util\.)?Random\s*\(|\b(?:java\.lang\.)?Math\.random\s*\("#)],
            requiresInFile: [.init(.code, secretContext)],
            message: "Predictable random numbers in code that handles secrets",
            recommendation:
                "Use java.security.SecureRandom for tokens, keys, nonces, salts and anything an attacker must not guess.",
            cwe: "CWE-330",
            examples: [
                .init("Auth.java", "String token = Long.toString(new Random().nextLong());", flagged: true),
                .init(
                    "Auth.java", "double value = Math.random();\nString rememberMeKey = Double.toString(value);",
                    flagged: true),
                .init("Auth.java", "String token = Long.toString(new SecureRandom().nextLong());", flagged: false),
                .init("Game.java", "int roll = new Random().nextInt(6);", flagged: false),
            ]),
        Rule(
            id: "security.go-math-rand", category: .security, severity: .medium, languages: [.go],
            excludedPaths: Rule.testPaths,
            keywords: ["math/rand"],
            patterns: [.init(.text, #"^\s*(?:import\s+)?(?:\w+\s+)?"math/rand(?:/v\d+)?""#)],
            requiresInFile: [.init(.code, secretContext)],
            message: "math/rand imported in code that handles secrets",
            recommendation: "Use crypto/rand for tokens, keys, nonces and salts; math/rand is predictable.",
            cwe: "CWE-338",
            examples: [
                .init(
                    "token.go",
                    "import (\n\tmrand \"math/rand\"\n)\nfunc newToken() string { return fmt.Sprint(mrand.Int()) }",
                    flagged: true),
                .init(
                    "token.go", "import (\n\t\"crypto/rand\"\n)\nfunc newToken() string { return read(rand.Reader) }",
                    flagged: false),
                .init("sim.go", "import \"math/rand\"\nfunc roll() int { return rand.Intn(6) }", flagged: false),
            ]),
        Rule(
            id: "security.ssh-host-key-ignored", category: .security, severity: .high, languages: [.go],
            keywords: ["insecureignorehostkey"],
            patterns: [.init(.code, #"\bssh\.InsecureIgnoreHostKey\s*\("#)],
            message: "SSH client accepts any host key",
            recommendation:
                "Verify the server's key: ssh.FixedHostKey, or a callback built from known_hosts (golang.org/x/crypto/ssh/knownhosts).",
            cwe: "CWE-322",
            examples: [
                .init(
                    "ssh.go", "config := &ssh.ClientConfig{HostKeyCallback: ssh.InsecureIgnoreHostKey()}", flagged: true
                ),
                .init(
                    "ssh.go", "config := &ssh.ClientConfig{HostKeyCallback: ssh.FixedHostKey(hostKey)}", flagged: false),
            ]),
        Rule(
            id: "security.old-tls-version", category: .security, severity: .medium, languages: jvmGo,
            keywords: ["versionssl30", "versiontls10", "versiontls11", "sslcontext", "tlsv1", "sslv3"],
            patterns: [
                .init(
                    .code,
                    #"\bMinVersion\s*:\s*tls\.Version(?:SSL30|TLS10|TLS11)\b|\bMaxVersion\s*:\s*tls\.Version(?:SSL30|TLS10|TLS11)\b"#,
                    languages: [.go]),
                .init(.text, #"\bSSLContext\.getInstance\(\s*"(?:SSLv2|SSLv3|TLSv1|TLSv1\.1)""#, languages: jvm),
                .init(.text, #"\bsetEnabledProtocols\s*\((?=[^;]*"(?:SSLv2|SSLv3|TLSv1|TLSv1\.1)")"#, languages: jvm),
            ],
            message: "Obsolete SSL/TLS protocol version allowed",
            recommendation:
                "Require TLS 1.2 or later (tls.VersionTLS12 in Go, SSLContext.getInstance(\"TLSv1.3\") or \"TLS\" in Java).",
            cwe: "CWE-326",
            examples: [
                .init("server.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS10}", flagged: true),
                .init("Client.java", #"SSLContext ctx = SSLContext.getInstance("TLSv1");"#, flagged: true),
                .init("Client.java", #"socket.setEnabledProtocols(new String[] {"TLSv1", "TLSv1.2"});"#, flagged: true),
                .init("server.go", "cfg := &tls.Config{MinVersion: tls.VersionTLS12}", flagged: false),
                .init("Client.java", #"SSLContext ctx = SSLContext.getInstance("TLSv1.2");"#, flagged: false),
            ]),
        Rule(
            id: "security.go-insecure-cipher-suite", category: .security, severity: .medium, languages: [.go],
            keywords: ["tls_"],
            patterns: [.init(.code, #"\btls\.TLS_\w*_(?:RC4_128|3DES_EDE_CBC)_\w+\b"#)],
            message: "TLS cipher suite with RC4 or 3DES",
            recommendation:
                "Leave CipherSuites unset (Go picks secure ones) or list only AEAD suites (AES-GCM, ChaCha20-Poly1305).",
            cwe: "CWE-327",
            examples: [
                .init("tls.go", "CipherSuites: []uint16{tls.TLS_RSA_WITH_RC4_128_SHA},", flagged: true),
                .init("tls.go", "CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256},", flagged: false),
            ]),
        Rule(
            id: "security.java-trust-all-certificates", category: .security, severity: .high, languages: jvm,
            keywords: ["checkservertrusted", "checkclienttrusted", "sslsession"],
            patterns: [
                .init(
                    .code,
                    #"\b(?:public\s+)?(?:void\s+)?check(?:Server|Client)Trusted\s*\([^)]*\)\s*(?:throws\s+[\w.,\s]+)?\{\s*(?:return;?\s*)?\}|(?:override\s+)?fun\s+check(?:Server|Client)Trusted\s*\([^)]*\)\s*(?:\{\s*\}|=\s*Unit\b)"#
                ),
                .init(
                    .code,
                    #"\bverify\s*\(\s*(?:final\s+)?String\s+\w+\s*,\s*(?:final\s+)?SSLSession\s+\w+\s*\)\s*\{\s*return\s+true\s*;\s*\}|\bfun\s+verify\s*\([^)]*SSLSession\??\s*\)\s*(?::\s*Boolean\s*)?(?:=\s*true\b|\{\s*return\s+true\s*\})"#
                ),
                .init(
                    .code,
                    #"[hH]ostnameVerifier\w*\s*(?:\(\s*|=\s*|\{\s*)(?:\(\s*\w+\s*,\s*\w+\s*\)\s*->\s*true\b|\w+\s*,\s*\w+\s*->\s*true\b)"#
                ),
            ],
            requires: [],
            excludes: [],
            requiresInFile: [.init(.code, #"\b(?:X509TrustManager|TrustManager|HostnameVerifier|SSLSession)\b"#)],
            multiline: true,
            message: "TLS trust check that accepts every certificate or host name",
            recommendation:
                "Do not replace certificate or host name verification; to trust a private CA, load it into a KeyStore and build the TrustManagerFactory from that.",
            cwe: "CWE-295",
            examples: [
                .init(
                    "Trust.java",
                    "new X509TrustManager() {\n  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n  }\n}",
                    flagged: true),
                .init(
                    "Trust.java",
                    "HostnameVerifier hv = new HostnameVerifier() {\n  public boolean verify(String hostname, SSLSession session) {\n    return true;\n  }\n};",
                    flagged: true),
                .init(
                    "Trust.java", "conn.setHostnameVerifier((hostname, session) -> true);\nSSLSession s;", flagged: true
                ),
                .init(
                    "Trust.kt", "builder.hostnameVerifier { _, _ -> true }\nval s: SSLSession? = null", flagged: true),
                .init("Trust.java", "BiPredicate<String, String> any = (a, b) -> true;\nSSLSession s;", flagged: false),
                .init(
                    "Trust.java",
                    "new X509TrustManager() {\n  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {\n    delegate.checkServerTrusted(chain, authType);\n  }\n}",
                    flagged: false),
                .init(
                    "Trust.java",
                    "HostnameVerifier hv = (hostname, session) -> allowed.contains(hostname);\nSSLSession s;",
                    flagged: false),
            ]),
        Rule(
            id: "security.cookie-flag-disabled", category: .security, severity: .medium, languages: jvm,
            keywords: ["setsecure", "sethttponly"],
            patterns: [.init(.code, #"\.set(?:Secure|HttpOnly)\s*\(\s*false\s*\)"#)],
            message: "Cookie sent without the Secure or HttpOnly flag",
            recommendation:
                "Call cookie.setSecure(true) and cookie.setHttpOnly(true) for session and authentication cookies.",
            cwe: "CWE-614",
            examples: [
                .init("Login.java", "cookie.setSecure(false);", flagged: true),
                .init("Login.java", "cookie.setHttpOnly(false);", flagged: true),
                .init("Login.java", "cookie.setSecure(true);", flagged: false),
            ]),
        Rule(
            id: "security.go-cookie-insecure", category: .security, severity: .medium, languages: [.go],
            keywords: ["http.cookie"],
            patterns: [.init(.code, #"\bhttp\.Cookie\s*\{[^{}]*\}"#)],
            excludes: [
                .init(
                    .code,
                    #"(?s)\bSecure\s*:\s*(?!false\b)\w+.*\bHttpOnly\s*:\s*(?!false\b)\w+|\bHttpOnly\s*:\s*(?!false\b)\w+.*\bSecure\s*:\s*(?!false\b)\w+|\bhttp\.Cookie\s*\{\s*\}"#
                )
            ],
            multiline: true,
            message: "Cookie created without both the Secure and HttpOnly flags",
            recommendation:
                "Set Secure: true and HttpOnly: true (and a SameSite mode) on cookies that carry sessions or credentials.",
            cwe: "CWE-614",
            examples: [
                .init(
                    "auth.go", "http.SetCookie(w, &http.Cookie{\n\tName:  \"session\",\n\tValue: id,\n})", flagged: true
                ),
                .init("auth.go", "c := &http.Cookie{Name: \"session\", Value: id, HttpOnly: true}", flagged: true),
                .init(
                    "auth.go",
                    "http.SetCookie(w, &http.Cookie{\n\tName:     \"session\",\n\tValue:    id,\n\tSecure:   true,\n\tHttpOnly: true,\n})",
                    flagged: false),
            ]),
        Rule(
            id: "security.spring-csrf-disabled", category: .security, severity: .high, languages: jvm,
            keywords: ["csrf"],
            patterns: [
                .init(
                    .code,
                    #"\.csrf\s*\(\s*\)\s*\.disable\s*\(|\.csrf\s*\(\s*\w+\s*->\s*\w+\.disable\s*\(|\.csrf\s*\(\s*AbstractHttpConfigurer::disable\s*\)|\bcsrf\s*\{\s*disable\s*\(\s*\)"#
                )
            ],
            message: "Spring Security CSRF protection disabled",
            recommendation:
                "Keep CSRF protection on for browser-facing endpoints that use cookies; disable it only for stateless token-authenticated APIs, and limit that with ignoringRequestMatchers.",
            cwe: "CWE-352",
            examples: [
                .init("Security.java", "http.csrf().disable().authorizeRequests();", flagged: true),
                .init("Security.java", "http.csrf(csrf -> csrf.disable());", flagged: true),
                .init("Security.java", "http.csrf(AbstractHttpConfigurer::disable);", flagged: true),
                .init(
                    "Security.java", "http.csrf(csrf -> csrf.ignoringRequestMatchers(\"/webhook\"));", flagged: false),
            ]),
        Rule(
            id: "security.spring-cors-any-origin", category: .security, severity: .medium, languages: jvm,
            keywords: ["crossorigin", "allowedorigins", "access-control-allow-origin", "addallowedorigin"],
            patterns: [
                .init(
                    .text,
                    #"@CrossOrigin\s*(?:\(\s*\)|(?![\s\S]))|@CrossOrigin\s*\(\s*(?:(?:origins|value)\s*=\s*)?\{?\s*"\*""#
                ),
                .init(
                    .text,
                    #"\.(?:allowedOrigins|addAllowedOrigin|setAllowedOrigins)\s*\(\s*(?:(?:List|Arrays)\.(?:of|asList)\s*\(\s*)?"\*""#
                ),
                .init(
                    .text,
                    #"\.(?:setHeader|addHeader|header|set|add)\s*\(\s*"Access-Control-Allow-Origin"\s*,\s*"(?:\*|(?i:null))""#
                ),
            ],
            message: "CORS allows any origin",
            recommendation: "List the origins that may call this API explicitly instead of `*`.",
            cwe: "CWE-942",
            examples: [
                .init("Api.java", #"@CrossOrigin(origins = "*")"#, flagged: true),
                .init("Api.java", #"registry.addMapping("/**").allowedOrigins("*");"#, flagged: true),
                .init("Api.java", #"response.setHeader("Access-Control-Allow-Origin", "*");"#, flagged: true),
                .init("Api.java", #"headers.set("Access-Control-Allow-Origin", "null");"#, flagged: true),
                .init("Api.java", #"@CrossOrigin(origins = "https://app.example.com")"#, flagged: false),
            ]),
        Rule(
            id: "security.spring-request-mapping-any-method", category: .security, severity: .low, languages: jvm,
            keywords: ["@requestmapping"],
            patterns: [
                .init(
                    .code,
                    #"@RequestMapping\s*(?:\((?![^)]*\bmethod\b)[^)]*\))?\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:public|protected|private)\s+(?!class\b|interface\b)[\w<>\[\],.?\s]+\s+\w+\s*\("#
                )
            ],
            multiline: true,
            message: "Handler mapped with @RequestMapping for every HTTP method",
            recommendation:
                "Restrict the handler to the methods it serves (@GetMapping, @PostMapping, or method = RequestMethod.GET); a GET that changes state bypasses CSRF protection.",
            cwe: "CWE-352",
            examples: [
                .init("Api.java", "@RequestMapping(\"/path\")\npublic void writeData() {\n}", flagged: true),
                .init(
                    "Api.java",
                    "@RequestMapping(value = \"/path\", method = RequestMethod.POST)\npublic void writeData() {\n}",
                    flagged: false),
                .init("Api.java", "@RequestMapping(\"/api\")\npublic class Api {\n}", flagged: false),
            ]),
        Rule(
            id: "security.spel-injection", category: .security, severity: .high, languages: jvm,
            keywords: ["parseexpression"],
            patterns: [.init(.code, #"\.parseExpression\s*\("#)],
            requiresInFile: [.init(.code, #"\bExpressionParser\b|\bSpelExpressionParser\b"#)],
            conditions: [.dynamicArgument],
            message: "Spring expression parsed from a value that is not a constant",
            recommendation:
                "Do not evaluate expressions built from input; if unavoidable, evaluate with a SimpleEvaluationContext, which cannot call methods or constructors.",
            cwe: "CWE-917",
            examples: [
                .init(
                    "Eval.java",
                    "ExpressionParser parser = new SpelExpressionParser();\nvoid run(String input) {\n  parser.parseExpression(input).getValue();\n}",
                    flagged: true),
                .init(
                    "Eval.java",
                    "ExpressionParser parser = new SpelExpressionParser();\nparser.parseExpression(\"1 + 1\").getValue();",
                    flagged: false),
            ]),
        Rule(
            id: "security.java-unvalidated-redirect", category: .security, severity: .medium, languages: jvm,
            keywords: ["sendredirect", "redirect:", "location"],
            patterns: [
                .init(.code, #"\.sendRedirect\s*\((?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()"#),
                .init(
                    .text,
                    #"\.(?:set|add)Header\s*\(\s*"Location"\s*,(?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()"#
                ),
                .init(.text, #""redirect:"\s*\+\s*(?!")"#),
                // One hop: a variable read from the request a few lines up is the target.
                .init(
                    .text,
                    #"\.(?:sendRedirect\s*\(|(?:set|add)Header\s*\(\s*"Location"\s*,)(?<=\b(\w{1,40})\s{0,4}=\s{0,4}(?:request|req)\.get(?:Parameter|Header)\s{0,4}\([^\n]{0,200}(?:\n(?![^\n]{0,200}\b(?:public|private|protected|static|void)\s)[^\n]{0,300}){1,10}?\.(?:sendRedirect\s{0,4}\(|(?:set|add)Header\s{0,4}\(\s{0,4}"Location"\s{0,4},))\s*\1\s*\)"#
                ),
            ],
            multiline: true,
            message: "Redirect to a location taken from the request",
            recommendation:
                "Redirect only to paths or hosts on an allow list, or map a key from the request to a fixed URL.",
            cwe: "CWE-601",
            examples: [
                .init("Login.java", #"response.sendRedirect(request.getParameter("next"));"#, flagged: true),
                .init("Login.java", #"return "redirect:" + url;"#, flagged: true),
                .init(
                    "Login.java", "String url = req.getParameter(\"next\");\nresp.addHeader(\"Location\", url);",
                    flagged: true),
                .init(
                    "Login.java", "String url = req.getParameter(\"next\");\nif (ok) {\n  resp.sendRedirect(url);\n}",
                    flagged: true),
                .init(
                    "Login.java", "String url = req.getParameter(\"next\");\nresp.sendRedirect(\"/home\");",
                    flagged: false),
                .init(
                    "Login.java",
                    "String url = req.getParameter(\"next\");\n}\npublic void other(HttpServletResponse resp) {\n  String url = \"/home\";\n  resp.sendRedirect(url);",
                    flagged: false),
                .init("Login.java", #"response.sendRedirect("/home");"#, flagged: false),
                .init("Login.java", #"return "redirect:/home";"#, flagged: false),
            ]),
        Rule(
            id: "security.plaintext-http-request", category: .security, severity: .medium, languages: jvmGo,
            excludedPaths: Rule.testPaths,
            keywords: ["http://", "ftp://", "telnet://"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:new\s+(?:URL|URI|HttpGet|HttpPost|HttpPut|HttpDelete|HttpPatch|HttpHead|HttpOptions)|URI\.create|Request\.(?:Get|Post|Put|Delete|Patch|Head)|Unirest\.(?:get|post|put|delete|patch|head)|\.uri|\.url|[rR]estTemplate\.(?:getForObject|getForEntity|postForObject|postForEntity|postForLocation|exchange|put|patchForObject|delete|headForHeaders|optionsForAllow|execute|doExecute))\s*\(\s*"(?:http|ftp)://(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])"#,
                    languages: jvm),
                .init(
                    .text,
                    #"\bhttp\.(?:Get|Head|Post|PostForm)\s*\(\s*"http://(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])|\bhttp\.NewRequest(?:WithContext)?\s*\((?:\s*\w+\s*,)?\s*(?:"\w+"|http\.Method\w+)\s*,\s*"http://(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])|\b\w+(?:\(\))?\.(?:Get|Post|Put|Delete|Patch|Head|Options|Base)\s*\(\s*"http://(?!localhost\b|127\.0\.0\.1\b|0\.0\.0\.0\b|\[::1\])|\b(?:ftp|goftp)\.(?:Dial|DialTimeout|Connect)\s*\((?!\s*"sftp://)|\btelnet\.Dial\w*\s*\("#,
                    languages: [.go]),
            ],
            message: "Request sent over an unencrypted protocol (http://, ftp://, telnet)",
            recommendation:
                "Use https:// (or SFTP/SSH); plain-text protocols expose credentials and data to anyone on the path.",
            cwe: "CWE-319",
            examples: [
                .init("Client.java", #"URL url = new URL("http://api.example.com/data");"#, flagged: true),
                .init("Client.java", #"HttpGet get = new HttpGet("http://example.com");"#, flagged: true),
                .init("client.go", #"resp, err := http.Get("http://example.com/")"#, flagged: true),
                .init("client.go", #"req, err := http.NewRequest("GET", "http://example.com", nil)"#, flagged: true),
                .init("Client.java", #"URL url = new URL("https://api.example.com/data");"#, flagged: false),
                .init("client.go", #"resp, err := http.Get("http://localhost:8080/health")"#, flagged: false),
                .init("client.go", #"c, err := ftp.Dial("sftp://example.com")"#, flagged: false),
                .init("client.go", #"req, err := sling.New().Get("http://example.com").Request()"#, flagged: true),
                .init("Client.java", #"restTemplate.delete("http://example.com");"#, flagged: true),
                .init("client.go", #"resp, err := http.Get("https://example.com/")"#, flagged: false),
            ]),
        Rule(
            id: "security.go-template-unescaped", category: .security, severity: .medium, languages: [.go],
            keywords: ["template."],
            patterns: [.init(.code, #"\btemplate\.(?:HTML|HTMLAttr|JS|JSStr|CSS|URL|Srcset)\s*\("#)],
            requiresInFile: [.init(.text, #""html/template""#)],
            conditions: [.dynamicArgument],
            message: "Value marked as safe HTML/JS/URL, which turns off html/template escaping",
            recommendation:
                "Pass the plain string to the template and let html/template escape it; mark only constant, reviewed markup as safe.",
            cwe: "CWE-79",
            examples: [
                .init(
                    "page.go",
                    "import \"html/template\"\nfunc render(w io.Writer, name string) {\n\tdata := template.HTML(name)\n}",
                    flagged: true),
                .init("page.go", "import \"html/template\"\nvar footer = template.HTML(\"<b>ok</b>\")", flagged: false),
            ]),
        Rule(
            id: "security.go-text-template-http", category: .security, severity: .medium, languages: [.go],
            keywords: ["text/template"],
            patterns: [.init(.text, #"^\s*(?:import\s+)?(?:\w+\s+)?"text/template""#)],
            requiresInFile: [.init(.text, #""net/http""#)],
            message: "text/template used in an HTTP handler file: it does not escape HTML",
            recommendation: "Render HTML with html/template, which escapes values for their context.",
            cwe: "CWE-79",
            examples: [
                .init("web.go", "import (\n\t\"net/http\"\n\t\"text/template\"\n)", flagged: true),
                .init("web.go", "import (\n\t\"net/http\"\n\t\"html/template\"\n)", flagged: false),
                .init("gen.go", "import (\n\t\"os\"\n\t\"text/template\"\n)", flagged: false),
            ]),
        Rule(
            id: "security.go-pprof-exposed", category: .security, severity: .medium, languages: [.go],
            excludedPaths: Rule.testPaths,
            keywords: ["net/http/pprof"],
            patterns: [.init(.text, #"^\s*(?:import\s+)?_\s+"net/http/pprof""#)],
            message: "net/http/pprof registers debug endpoints on the default HTTP mux",
            recommendation:
                "Serve pprof only on a separate, internal listener (a dedicated mux on localhost), never on the public server.",
            cwe: "CWE-489",
            examples: [
                .init("main.go", "import (\n\t_ \"net/http/pprof\"\n)", flagged: true),
                .init("main.go", "import (\n\t\"net/http\"\n)", flagged: false),
            ]),
        Rule(
            id: "security.go-bind-all-interfaces", category: .security, severity: .low, languages: [.go],
            keywords: ["0.0.0.0"],
            patterns: [
                .init(
                    .text,
                    #"\b(?:net\.Listen(?:Packet)?|tls\.Listen|http\.ListenAndServe(?:TLS)?)\s*\((?:\s*"\w+"\s*,)?\s*"0\.0\.0\.0:"#
                )
            ],
            message: "Server bound to all network interfaces",
            recommendation:
                "Bind to the interface that should serve (127.0.0.1 for local services) or make the address configurable.",
            cwe: "CWE-200",
            examples: [
                .init("srv.go", #"l, err := net.Listen("tcp", "0.0.0.0:2000")"#, flagged: true),
                .init("srv.go", #"l, err := net.Listen("tcp", "127.0.0.1:2000")"#, flagged: false),
            ]),
        Rule(
            id: "security.go-jwt-unverified", category: .security, severity: .high, languages: [.go],
            keywords: ["parseunverified"],
            patterns: [.init(.code, #"\.ParseUnverified\s*\("#)],
            message: "JWT parsed without verifying its signature",
            recommendation:
                "Use jwt.Parse or ParseWithClaims with a key function that checks the algorithm and returns the verification key.",
            cwe: "CWE-345",
            examples: [
                .init(
                    "auth.go", "token, _, err := new(jwt.Parser).ParseUnverified(tokenString, claims)", flagged: true),
                .init("auth.go", "token, err := jwt.ParseWithClaims(tokenString, claims, keyFunc)", flagged: false),
            ]),
        Rule(
            id: "security.go-zip-slip", category: .security, severity: .high, languages: [.go],
            keywords: ["filepath.join", "path.join"],
            patterns: [.init(.code, #"\b(?:filepath|path)\.Join\s*\([^)]*\b\w+\.(?:Name|Header\.Name)\b(?!\s*\()"#)],
            excludes: [.init(.code, #"\b(?:filepath|path)\.Base\s*\("#)],
            requiresInFile: [.init(.text, #""archive/(?:zip|tar)""#)],
            message: "Archive entry name joined to a path without checking for `..`",
            recommendation:
                "Clean the joined path and check that it stays inside the destination directory (strings.HasPrefix on filepath.Clean results) before writing.",
            cwe: "CWE-22",
            examples: [
                .init(
                    "unzip.go",
                    "import \"archive/zip\"\nfunc x(f *zip.File) {\n\tpath := filepath.Join(dest, f.Name)\n}",
                    flagged: true),
                .init(
                    "unzip.go",
                    "import \"archive/zip\"\nfunc x(f *zip.File) {\n\tpath := filepath.Join(dest, filepath.Base(f.Name))\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.permissive-file-mode", category: .security, severity: .medium, languages: jvmGo,
            keywords: ["posixfilepermission", "others_", "chmod", "mkdir", "openfile", "writefile"],
            patterns: [
                .init(.text, #"\bPosixFilePermissions\.fromString\(\s*"[r-][w-][x-][r-][w-][x-][r-]w[x-]""#),
                .init(.code, #"\bPosixFilePermission\.OTHERS_(?:WRITE|EXECUTE)\b"#),
                .init(
                    .code,
                    #"\b(?:os\.(?:Chmod|Mkdir|MkdirAll|OpenFile|WriteFile)|ioutil\.WriteFile|afero\.WriteFile)\s*\(.*,\s*(?:0o?|0O)?[0-7]?[0-7][0-7][2367]\s*\)"#,
                    languages: [.go]),
            ],
            message: "File made writable or executable by every user",
            recommendation:
                "Grant only owner (and if needed group) permissions, e.g. PosixFilePermissions.fromString(\"rw-------\").",
            cwe: "CWE-732",
            examples: [
                .init(
                    "Files.java", #"Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));"#,
                    flagged: true),
                .init("Files.java", "perms.add(PosixFilePermission.OTHERS_WRITE);", flagged: true),
                .init("files.go", #"err := os.MkdirAll("/tmp/mydir", 0777)"#, flagged: true),
                .init("files.go", #"f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0666)"#, flagged: true),
                .init("files.go", #"err := os.WriteFile(path, data, 0644)"#, flagged: false),
                .init(
                    "Files.java", #"Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));"#,
                    flagged: false),
            ]),
        Rule(
            id: "security.java-script-engine-eval", category: .security, severity: .high, languages: jvm,
            keywords: ["eval", "groovyshell", "evaluate"],
            patterns: [
                .init(.code, #"\.eval\s*\(|\bnew\s+GroovyShell\s*\([^)]*\)\s*\.evaluate\s*\(|\bshell\.evaluate\s*\("#)
            ],
            requiresInFile: [.init(.code, #"\bScriptEngine\b|\bGroovyShell\b"#)],
            conditions: [.dynamicArgument],
            message: "Script evaluated from a value that is not a constant",
            recommendation: "Do not evaluate scripts built from input; expose a fixed set of operations instead.",
            cwe: "CWE-94",
            examples: [
                .init(
                    "Run.java",
                    "ScriptEngine engine = manager.getEngineByName(\"js\");\nvoid run(String input) {\n  engine.eval(input);\n}",
                    flagged: true),
                .init(
                    "Run.java", "ScriptEngine engine = manager.getEngineByName(\"js\");\nengine.eval(\"1 + 1\");",
                    flagged: false),
            ]),
        Rule(
            id: "security.sql-text-not-constant", category: .security, severity: .high, languages: jvmGo,
            keywords: [
                "execute", "query", "update", "addbatch", "preparestatement", "preparecall",
                "preparedstatementcreatorfactory", "exec", "prepare",
            ],
            patterns: [
                .init(
                    .code,
                    #"\.(?:executeQuery|executeUpdate|executeLargeUpdate|addBatch|createNativeQuery|createSQLQuery|prepareStatement|prepareCall|queryForObject|queryForList|queryForMap|queryForRowSet|queryForLong|queryForInt|batchUpdate)\s*\((?!\s*\))|\b[jJ]dbcTemplate\.(?:query|update|execute)\s*\((?!\s*\))|\bnew\s+PreparedStatementCreatorFactory\s*\("#,
                    languages: jvm),
                // Go: only SQL visibly built in the call (package-level constants are the norm for plain names).
                .init(
                    .code,
                    #"(?<![\w.])(?!(?i:ssh|session|cmd|command))\w+\.(?:Query|QueryRow|Exec|Queryx|QueryRowx|MustExec|Prepare|Preparex)\s*\((?=\s*(?:fmt\.Sprintf\s*\(\s*"[^"]*"\s*,|"[^"]*"\s*\+\s*[\w(]|[A-Za-z_]\w*\s*\+))"#,
                    languages: [.go]),
            ],
            excludes: [
                .init(
                    .code,
                    #"^\s*(?:public|private|protected|static|final|abstract|default|override|fun|func)\b[^=;]*\("#)
            ],
            requiresInFile: [
                .init(.text, #""database/sql"|jmoiron/sqlx|jackc/pgx|"gorm\.io|jinzhu/gorm"#, languages: [.go])
            ],
            conditions: [.dynamicArgument],
            message: "SQL text passed to the database is not a constant",
            recommendation:
                "Keep the SQL text constant and pass values as bound parameters (`?` with PreparedStatement setters, or named parameters); never build it from input.",
            cwe: "CWE-89",
            examples: [
                .init(
                    "Repo.java", "void find(String sql) {\n  ResultSet rs = stmt.executeQuery(sql);\n}", flagged: true),
                .init(
                    "Repo.java",
                    "void find(String input) {\n  jdbcTemplate.execute(\"delete from t where n = '\" + input + \"'\");\n}",
                    flagged: true),
                .init(
                    "Repo.java",
                    "void find(String name) {\n  PreparedStatement ps = conn.prepareStatement(\"SELECT * FROM users WHERE name = ?\");\n}",
                    flagged: false),
                .init(
                    "Repo.java",
                    "void find() {\n  String sql = \"SELECT * FROM users\";\n  ResultSet rs = stmt.executeQuery(sql);\n}",
                    flagged: false),
                .init("Repo.java", "ResultSet rs = stmt.executeQuery(FIND_ALL);", flagged: false),
                .init("Repo.java", "ResultSet rs = ps.executeQuery();", flagged: false),
                .init(
                    "repo.go",
                    "import \"database/sql\"\nfunc find(db *sql.DB, id string) {\n\trows, err := db.Query(fmt.Sprintf(\"SELECT name FROM users WHERE id = '%s'\", id))\n}",
                    flagged: true),
                .init(
                    "repo.go",
                    "import \"database/sql\"\nfunc find(db *sql.DB) {\n\trows, err := db.Query(listUsers)\n}",
                    flagged: false),
                .init(
                    "run.go",
                    "import \"database/sql\"\nfunc run(path string) {\n\tout, err := sshClient.Exec(fmt.Sprintf(\"bash %s\", path))\n}",
                    flagged: false),
                .init(
                    "repo.go",
                    "import \"database/sql\"\nfunc find(db *sql.DB, id int) {\n\trows, err := db.Query(\"SELECT name FROM users WHERE id = $1\", id)\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.java-xxe-parser", category: .security, severity: .high, languages: jvm,
            keywords: [
                "documentbuilderfactory", "saxparserfactory", "xmlinputfactory", "transformerfactory", "schemafactory",
            ],
            patterns: [
                .init(
                    .text,
                    #"\b(?:DocumentBuilderFactory|SAXParserFactory|XMLInputFactory|TransformerFactory|SAXTransformerFactory|SchemaFactory)\.new(?:Instance|Factory|DefaultInstance|DefaultFactory)\s*\([^)]*\)(?![\s\S]{0,3000}?(?:disallow-doctype-decl|external-general-entities|external-parameter-entities|FEATURE_SECURE_PROCESSING|ACCESS_EXTERNAL_DTD|ACCESS_EXTERNAL_STYLESHEET|ACCESS_EXTERNAL_SCHEMA|SUPPORT_DTD|IS_SUPPORTING_EXTERNAL_ENTITIES|load-external-dtd|setExpandEntityReferences\s*\(\s*false))"#
                )
            ],
            multiline: true,
            message: "XML parser created without disabling DTDs and external entities (XXE)",
            recommendation:
                "Disable DTDs on the factory (setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true), or XMLInputFactory.SUPPORT_DTD false; ACCESS_EXTERNAL_DTD \"\" for transformers) before parsing untrusted XML.",
            cwe: "CWE-611",
            examples: [
                .init(
                    "Xml.java",
                    "DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();\nDocumentBuilder db = dbf.newDocumentBuilder();",
                    flagged: true),
                .init(
                    "Xml.java",
                    "XMLInputFactory f = XMLInputFactory.newFactory();\nXMLStreamReader r = f.createXMLStreamReader(in);",
                    flagged: true),
                .init(
                    "Xml.java",
                    "DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();\ndbf.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);",
                    flagged: false),
                .init(
                    "Xml.java",
                    "XMLInputFactory f = XMLInputFactory.newFactory();\nf.setProperty(XMLInputFactory.SUPPORT_DTD, false);",
                    flagged: false),
            ]),
        Rule(
            id: "security.groovy-shell-eval", category: .security, severity: .high, languages: jvm,
            keywords: ["evaluate", "parse", "run"],
            patterns: [.init(.code, #"\b\w*[sS]hell\.(?:evaluate|parse|run)\s*\("#)],
            requiresInFile: [.init(.code, #"\bGroovyShell\b"#)],
            conditions: [.dynamicArgument],
            message: "Groovy script run from a value that is not a constant",
            recommendation:
                "Do not run scripts built from input or untrusted files; if scripting is required, use a SecureASTCustomizer sandbox with an allow list.",
            cwe: "CWE-94",
            examples: [
                .init(
                    "Run.java",
                    "GroovyShell shell = new GroovyShell();\nvoid run(String script) {\n  shell.evaluate(script);\n}",
                    flagged: true),
                .init("Run.java", "GroovyShell shell = new GroovyShell();\nshell.evaluate(\"1 + 1\");", flagged: false),
            ]),
        Rule(
            id: "security.static-iv", category: .security, severity: .medium, languages: jvm,
            keywords: ["iv", "nonce"],
            patterns: [
                .init(
                    .code,
                    #"\bbyte\s*\[\s*\]\s*(?:[iI][vV]|IV_\w+|[iI][vV][A-Z_]\w*|\w*(?:Iv|IV|Nonce|NONCE)|nonce\w*)\s*=\s*(?:new\s+byte\s*\[\s*\]\s*)?\{|\bnew\s+(?:IvParameterSpec|GCMParameterSpec)\s*\((?:\s*\d+\s*,)?\s*new\s+byte\s*\[\s*\]\s*\{|\bnew\s+(?:IvParameterSpec|GCMParameterSpec)\s*\((?:\s*\d+\s*,)?\s*"[^"]*"\s*\.getBytes\b"#
                )
            ],
            message: "Initialization vector or nonce fixed in the code",
            recommendation:
                "Generate a fresh random IV/nonce for every encryption (SecureRandom.nextBytes) and store it with the ciphertext.",
            cwe: "CWE-329",
            examples: [
                .init("Crypto.java", "byte[] iv = {\n  (byte) 0, (byte) 0, (byte) 0, (byte) 0\n};", flagged: true),
                .init(
                    "Crypto.java", "IvParameterSpec spec = new IvParameterSpec(new byte[] {0, 1, 2, 3});", flagged: true
                ),
                .init("Crypto.java", "byte[] iv = new byte[16];\nrandom.nextBytes(iv);", flagged: false),
                .init("Crypto.java", "byte[] derivedKey = {1, 2};", flagged: false),
            ]),
        Rule(
            id: "security.java-el-injection", category: .security, severity: .high, languages: jvm,
            keywords: ["createvalueexpression", "createmethodexpression", "buildconstraintviolationwithtemplate"],
            patterns: [
                .init(.code, #"\.create(?:Value|Method)Expression\s*\(\s*[\w.]+(?:\(\s*\))?\s*,\s*(?![\s"])"#),
                .init(.code, #"\.buildConstraintViolationWithTemplate\s*\("#),
            ],
            conditions: [.dynamicArgument],
            message: "Expression Language evaluated from a value that is not a constant",
            recommendation:
                "Keep EL expressions and constraint message templates constant; pass user values as parameters, never as expression text.",
            cwe: "CWE-917",
            examples: [
                .init(
                    "Faces.java",
                    "void run(String expression) {\n  factory.createValueExpression(elContext, expression, Object.class);\n}",
                    flagged: true),
                .init(
                    "Check.java",
                    "void check(String message) {\n  context.buildConstraintViolationWithTemplate(message).addConstraintViolation();\n}",
                    flagged: true),
                .init(
                    "Faces.java", "factory.createValueExpression(elContext, \"#{user.name}\", Object.class);",
                    flagged: false),
                .init(
                    "Check.java",
                    "context.buildConstraintViolationWithTemplate(\"{invalid.name}\").addConstraintViolation();",
                    flagged: false),
            ]),
        Rule(
            id: "security.shell-dash-c-variable", category: .security, severity: .high, languages: jvmGo,
            keywords: ["-c", "/c"],
            patterns: [
                .init(
                    .text,
                    #"(?:\bnew\s+ProcessBuilder|\.command|\bRuntime\.getRuntime\(\)\.exec)\s*\((?:\s*new\s+String\s*\[\s*\]\s*\{)?\s*"(?:sh|bash|zsh|/bin/sh|/bin/bash|/usr/bin/bash|cmd|cmd\.exe|powershell|pwsh)"\s*,\s*"(?:-c|/c|/C|-Command)"\s*,\s*(?!\s*")"#,
                    languages: jvm),
                .init(
                    .text,
                    #"\bexec\.Command(?:Context)?\s*\((?:\s*\w+\s*,)?\s*"(?:/usr/bin/env|/bin/env|env)"\s*,\s*"(?:sh|bash|zsh)"\s*,\s*"-c"\s*,\s*(?!\s*")"#,
                    languages: [.go]),
            ],
            message: "Shell command line (`sh -c`, `cmd /c`) built from a value that is not a constant",
            recommendation:
                "Run the program directly with its arguments as separate list items, without a shell; validate any value that selects what runs.",
            cwe: "CWE-78",
            examples: [
                .init("Run.java", #"builder.command("bash", "-c", userInput);"#, flagged: true),
                .init("Run.java", #"ProcessBuilder pb = new ProcessBuilder("cmd", "/c", command);"#, flagged: true),
                .init("run.go", #"cmd := exec.Command("/usr/bin/env", "bash", "-c", s)"#, flagged: true),
                .init("Run.java", #"builder.command("bash", "-c", "ls");"#, flagged: false),
                .init("run.go", #"cmd := exec.Command("/usr/bin/env", "bash", "-c", "ls")"#, flagged: false),
            ]),
        Rule(
            id: "security.session-id-in-url", category: .security, severity: .low, languages: jvm,
            keywords: ["encodeurl", "encoderedirecturl"],
            patterns: [.init(.code, #"\.encode(?:Redirect)?(?:URL|Url)\s*\("#)],
            requiresInFile: [.init(.code, #"\bHttpServletResponse\b"#)],
            message: "Session id may be written into URLs (URL rewriting)",
            recommendation:
                "Track sessions with cookies only (set the session tracking mode to COOKIE) instead of encodeURL/encodeRedirectURL, which leak the session id through links, logs and Referer headers.",
            cwe: "CWE-598",
            examples: [
                .init(
                    "Page.java",
                    "void doGet(HttpServletRequest req, HttpServletResponse resp) {\n  String link = resp.encodeURL(\"/cart\");\n}",
                    flagged: true),
                .init(
                    "Page.java",
                    "void doGet(HttpServletRequest req, HttpServletResponse resp) {\n  String link = URLEncoder.encode(path, UTF_8);\n}",
                    flagged: false),
            ]),
        Rule(
            id: "security.java-cookie-missing-flags", category: .security, severity: .medium, languages: jvm,
            keywords: ["addcookie"],
            patterns: [
                // A cookie made with `new Cookie` a few lines up, in the same method, added without setSecure(true)
                // or without setHttpOnly(true) in between.
                .init(
                    .code,
                    #"\.addCookie\s*\((?<=\b(\w{1,40})\s{0,4}=\s{0,4}new\s{1,4}(?:javax\.servlet\.http\.|jakarta\.servlet\.http\.)?Cookie\s{0,4}\([^\n]{0,200}(?:\n(?![^\n]{0,200}(?:\bsetSecure\s{0,4}\(\s{0,4}(?!false\b)|\b(?:public|private|protected)\s))[^\n]{0,300}){0,12}?\.addCookie\s{0,4}\()\s*\1\s*\)"#
                ),
                .init(
                    .code,
                    #"\.addCookie\s*\((?<=\b(\w{1,40})\s{0,4}=\s{0,4}new\s{1,4}(?:javax\.servlet\.http\.|jakarta\.servlet\.http\.)?Cookie\s{0,4}\([^\n]{0,200}(?:\n(?![^\n]{0,200}(?:\bsetHttpOnly\s{0,4}\(\s{0,4}(?!false\b)|\b(?:public|private|protected)\s))[^\n]{0,300}){0,12}?\.addCookie\s{0,4}\()\s*\1\s*\)"#
                ),
            ],
            multiline: true,
            message: "Cookie added without setSecure(true) and setHttpOnly(true)",
            recommendation:
                "Call setSecure(true) and setHttpOnly(true) on the cookie before adding it, so it is never sent over HTTP or read by scripts.",
            cwe: "CWE-1004",
            examples: [
                .init(
                    "Login.java", "Cookie cookie = new Cookie(\"session\", id);\nresponse.addCookie(cookie);",
                    flagged: true),
                .init(
                    "Login.java",
                    "Cookie cookie = new Cookie(\"session\", id);\ncookie.setSecure(true);\nresponse.addCookie(cookie);",
                    flagged: true),
                .init(
                    "Login.java",
                    "Cookie cookie = new Cookie(\"session\", id);\ncookie.setSecure(true);\ncookie.setHttpOnly(true);\nresponse.addCookie(cookie);",
                    flagged: false),
                .init(
                    "Login.java",
                    "Cookie c = new Cookie(name, value);\nc.setSecure(config.secure);\nsetHttpOnly(c);\nresponse.addCookie(c);",
                    flagged: false),
            ]),
        Rule(
            id: "security.ldap-filter-concatenation", category: .security, severity: .high, languages: jvm,
            keywords: ["search"],
            patterns: [
                .init(
                    .text,
                    #"\.search\s*\(\s*(?:"[^"]*"|[^,;()"]|\([^()]*\))+,\s*(?:"[^"]*"\s*\+\s*[\w(]|[\w.]+(?:\([^()]*\))?\s*\+\s*"|String\.format\s*\()"#
                )
            ],
            requiresInFile: [
                .init(
                    .code,
                    #"\b(?:DirContext|InitialDirContext|LdapContext|InitialLdapContext|LdapTemplate|LDAPConnection)\b"#)
            ],
            message: "LDAP search filter built by string concatenation",
            recommendation:
                "Pass values as filter arguments ({0} placeholders with filterArgs) or escape them for LDAP filters (e.g. LdapEncoder.filterEncode).",
            cwe: "CWE-90",
            examples: [
                .init(
                    "Ldap.java",
                    "DirContext ctx = new InitialDirContext(env);\nctx.search(\"dc=example,dc=com\", \"(uid=\" + input + \")\", ctrls);",
                    flagged: true),
                .init(
                    "Ldap.java",
                    "DirContext ctx = new InitialDirContext(env);\nctx.search(\"dc=example,dc=com\", \"(uid={0})\", new Object[] {input}, ctrls);",
                    flagged: false),
            ]),
        Rule(
            id: "security.xpath-not-constant", category: .security, severity: .medium, languages: jvm,
            keywords: ["compile", "evaluate"],
            patterns: [.init(.code, #"(?<![\w.])(?i:x\w*path|xp)\w*\.(?:compile|evaluate)\s*\("#)],
            requiresInFile: [.init(.code, #"\bjavax\.xml\.xpath\b|\bXPathFactory\b"#)],
            conditions: [.dynamicArgument],
            message: "XPath expression built from a value that is not a constant",
            recommendation:
                "Keep the expression constant and bind values through an XPathVariableResolver ($name variables) instead of concatenating them.",
            cwe: "CWE-643",
            examples: [
                .init(
                    "Query.java",
                    "XPath xp = XPathFactory.newInstance().newXPath();\nvoid find(String name) {\n  String r = xp.evaluate(\"//user[@name='\" + name + \"']\", doc);\n}",
                    flagged: true),
                .init(
                    "Query.java",
                    "XPath xp = XPathFactory.newInstance().newXPath();\nString r = xp.evaluate(\"//user[@name=$name]\", doc);",
                    flagged: false),
            ]),
        Rule(
            id: "security.go-fixed-temp-path", category: .security, severity: .medium, languages: [.go],
            excludedPaths: Rule.testPaths,
            keywords: ["/tmp/"],
            patterns: [
                .init(.text, #"\b(?:os\.(?:Create|OpenFile|WriteFile|Mkdir|MkdirAll)|ioutil\.WriteFile)\s*\(\s*"/tmp/"#)
            ],
            message: "File created at a fixed path in the shared /tmp directory",
            recommendation:
                "Create temporary files with os.CreateTemp / os.MkdirTemp, which pick an unpredictable name with safe permissions.",
            cwe: "CWE-377",
            examples: [
                .init("tmp.go", #"err := ioutil.WriteFile("/tmp/demo2", data, 0644)"#, flagged: true),
                .init("tmp.go", #"f, err := os.CreateTemp("", "demo-*")"#, flagged: false),
            ]),
        Rule(
            id: "security.jackson-default-typing", category: .security, severity: .high, languages: jvm,
            keywords: ["defaulttyping", "jsontypeinfo"],
            patterns: [
                .init(.code, #"\.(?:enableDefaultTyping|activateDefaultTyping)\s*\("#),
                .init(
                    .code,
                    #"@JsonTypeInfo\s*\(\s*(?:[^)]*,\s*)?use\s*=\s*(?:JsonTypeInfo\.)?Id\.(?:CLASS|MINIMAL_CLASS)\b"#),
            ],
            message: "Jackson polymorphic typing by class name: JSON can choose which classes are built",
            recommendation:
                "Use logical type names (JsonTypeInfo.Id.NAME with @JsonSubTypes), or activateDefaultTyping with a PolymorphicTypeValidator that allows only your own classes.",
            cwe: "CWE-502",
            examples: [
                .init("Json.java", "mapper.enableDefaultTyping();", flagged: true),
                .init(
                    "Json.java", "@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY)",
                    flagged: true),
                .init(
                    "Json.java", "@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY)",
                    flagged: false),
            ]),
        Rule(
            id: "security.java-request-to-sink", category: .security, severity: .high, languages: jvm,
            keywords: ["getparameter", "getheader"],
            patterns: [
                .init(.code, #"\bClass\.forName\s*\((?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()"#),
                .init(
                    .code,
                    #"\.getWriter\s*\(\s*\)\s*\.(?:print|println|write|append|format|printf)\s*\((?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()(?![^;]*\b(?i:encode\w*|escape\w*|sanitiz\w*|forHtml\w*)\s*[.(])"#
                ),
                .init(
                    .code,
                    #"\bnew\s+(?:File|FileInputStream|FileOutputStream|FileReader|FileWriter)\s*\((?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()|\b(?:Paths\.get|Path\.of)\s*\((?=[^;]*\b(?:request|req)\.get(?:Parameter|Header)\s*\()"#
                ),
            ],
            message: "Request parameter used directly as a class name, HTML output or file path",
            recommendation:
                "Validate request values against an allow list before loading classes or opening files, and HTML-encode them before writing them into a page.",
            cwe: "CWE-20",
            examples: [
                .init(
                    "Servlet.java", #"response.getWriter().println("Hello " + request.getParameter("name"));"#,
                    flagged: true),
                .init("Servlet.java", #"Class<?> c = Class.forName(request.getParameter("type"));"#, flagged: true),
                .init("Servlet.java", #"File f = new File("/data/" + request.getParameter("file"));"#, flagged: true),
                .init(
                    "Servlet.java",
                    #"response.getWriter().println("Hello " + Encode.forHtml(request.getParameter("name")));"#,
                    flagged: false),
                .init("Servlet.java", #"response.getWriter().println("Hello");"#, flagged: false),
            ]),
        Rule(
            id: "security.go-request-to-sink", category: .security, severity: .high, languages: [.go],
            keywords: ["formvalue", "query()", "header.get"],
            patterns: [
                .init(
                    .code,
                    #"(?:\bfmt\.Fprint(?:f|ln)?\s*\(\s*w\s*,|\bw\.Write\s*\(|\bio\.WriteString\s*\(\s*w\s*,)(?=[^\n]*\br\.(?:FormValue|PostFormValue|URL\.Query\(\)\.Get|Header\.Get)\s*\()(?![^\n]*\b(?:html\.EscapeString|template\.HTMLEscapeString|url\.QueryEscape|strconv\.\w+)\s*\()"#
                ),
                .init(
                    .code,
                    #"\b(?:filepath\.Join|path\.Join|os\.(?:Open|OpenFile|ReadFile|Create|Remove|RemoveAll|WriteFile)|ioutil\.(?:ReadFile|WriteFile))\s*\((?=[^\n]*\br\.(?:FormValue|PostFormValue|URL\.Query\(\)\.Get)\s*\()(?![^\n]*\bfilepath\.Base\s*\()"#
                ),
            ],
            message: "Request value written into the response unescaped, or used as a file path",
            recommendation:
                "Render HTML with html/template (or html.EscapeString the value); for files, take only filepath.Base of the value and check the result stays inside the intended directory.",
            cwe: "CWE-20",
            examples: [
                .init("h.go", #"fmt.Fprintf(w, "<p>Hello %s</p>", r.FormValue("name"))"#, flagged: true),
                .init(
                    "h.go", #"data, err := os.ReadFile(filepath.Join("/srv", r.URL.Query().Get("file")))"#,
                    flagged: true),
                .init(
                    "h.go", #"fmt.Fprintf(w, "<p>Hello %s</p>", html.EscapeString(r.FormValue("name")))"#,
                    flagged: false),
                .init(
                    "h.go",
                    #"data, err := os.ReadFile(filepath.Join("/srv", filepath.Base(r.URL.Query().Get("file"))))"#,
                    flagged: false),
            ]),
        Rule(
            id: "security.securerandom-fixed-seed", category: .security, severity: .high, languages: jvm,
            keywords: ["setseed", "securerandom"],
            patterns: [
                .init(
                    .text,
                    #"\.setSeed\s*\(\s*(?:-?\d+L?|"[^"]*"\s*\.getBytes\s*\([^)]*\)|new\s+byte\s*\[\s*\]\s*\{[^}]*\})\s*\)|\bnew\s+SecureRandom\s*\(\s*(?:"[^"]*"\s*\.getBytes\s*\([^)]*\)|new\s+byte\s*\[\s*\]\s*\{)"#
                )
            ],
            requiresInFile: [.init(.code, #"\bSecureRandom\b"#)],
            message: "SecureRandom seeded with a constant: its output can be predictable",
            recommendation:
                "Do not seed SecureRandom yourself; let it seed from the operating system (new SecureRandom() or SecureRandom.getInstanceStrong()).",
            cwe: "CWE-336",
            examples: [
                .init(
                    "Keys.java", "SecureRandom r = SecureRandom.getInstance(\"SHA1PRNG\");\nr.setSeed(12345L);",
                    flagged: true),
                .init("Keys.java", "SecureRandom r = new SecureRandom(\"seed\".getBytes());", flagged: true),
                .init(
                    "Keys.java", "SecureRandom r = new SecureRandom();\nr.setSeed(r.generateSeed(32));", flagged: false),
            ]),
        Rule(
            id: "security.pbkdf-low-iterations", category: .security, severity: .medium, languages: jvm,
            keywords: ["pbekeyspec", "pbeparameterspec"],
            patterns: [
                .init(
                    .code,
                    #"\bnew\s+PBEKeySpec\s*\([^,;]+,[^,;]+,\s*(?:[1-9]\d{0,2}|[1-9]\d{3})\s*[,)]|\bnew\s+PBEParameterSpec\s*\([^,;]+,\s*(?:[1-9]\d{0,2}|[1-9]\d{3})\s*[,)]"#
                )
            ],
            message: "Password-based key derived with fewer than 10,000 iterations",
            recommendation:
                "Use a high iteration count for PBKDF2 (hundreds of thousands for SHA-256), or a memory-hard KDF such as Argon2 or scrypt.",
            cwe: "CWE-916",
            examples: [
                .init("Kdf.java", "PBEKeySpec spec = new PBEKeySpec(password, salt, 1000, 256);", flagged: true),
                .init("Kdf.java", "PBEKeySpec spec = new PBEKeySpec(password, salt, 310000, 256);", flagged: false),
            ]),
    ]
}
