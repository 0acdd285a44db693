import Foundation

/// What a model's patch may do, checked before it is applied or shown: stay inside the hunk of its finding's line,
/// and add no process execution, network access, code evaluation or file deletion.
///
/// A patch that swaps one call of a kind for another (`os.system(cmd)` → `subprocess.run([...])`, the usual fix of a
/// command injection) adds nothing of that kind; one that brings a kind the replaced lines did not have, or more of
/// it, is refused with the reason. The rules still review every patch like any change (`security.download-and-
/// execute` included), so this is the second net, not the only one.
public enum ModelPatchGuard {
    /// A capability a patch must not add, and the code that gives it (several languages).
    struct Capability {
        var name: String
        var pattern: SharedRegex
    }

    // swift-format-ignore
    static let capabilities: [Capability] = [
        ("process execution", #"\b(?:os\.(?:system|popen\d?|exec\w*|spawn\w*|fork)|subprocess\.\w+|pty\.spawn|commands\.getoutput|child_process|execSync|execFileSync|execFile|spawnSync|execa|shell_exec|passthru|proc_open|IO\.popen|Open3|Kernel\.(?:system|exec|spawn)|getRuntime\(\)|ProcessBuilder|Process\.Start|ProcessStartInfo|NSTask|posix_spawn\w*|exec\.Command\w*|Start-Process|ShellExecute\w*|WinExec|CreateProcess\w*)\b|(?<![\w.])(?:system|popen|exec[lv]?p?e?|spawn|fork)\s*\(|\bProcess\s*\(\s*\)|%x[({\[]|\b(?:sh|bash|zsh|cmd|powershell|pwsh)(?:\.exe)?["',\s]+(?:-c|/c|-Command)\b"#),
        ("network access", #"\b(?:https?|ftp|wss?)://|\b(?:curl|wget|nc|ncat|netcat|telnet|ssh|scp|sftp|rsync)\b(?=\s|$|["'])|\bsocket\b|\b(?:urllib\d?|urlopen|requests\.\w+|http\.client|httplib\d?|aiohttp|httpx|smtplib|ftplib|telnetlib|paramiko|xmlrpc)\b|(?<![\w.])fetch\s*\(|\bXMLHttpRequest\b|\baxios\b|\bWebSocket\b|\bnet\.(?:Dial\w*|Listen\w*|connect|createConnection|createServer)\b|\bhttps?\.(?:get|request|Get|Post|Head|NewRequest\w*|DefaultClient|Client)\b|\bURLSession\b|\bURLRequest\b|\bNSURLConnection\b|\bHttpClient\b|\bWebClient\b|\bWebRequest\b|\bInvoke-(?:WebRequest|RestMethod)\b|(?<![\w-])(?:iwr|irm)\b|\bDownloadString\b|\bSocket\s*\(|\bnew\s+URL\s*\(|\bRestTemplate\b|\bOkHttp\w*|\bNet::HTTP\b|\bopen-uri\b|\bcurl_(?:init|exec)\b|\bfsockopen\b"#),
        ("code evaluation", #"(?<![\w.])(?:eval|exec|execfile|compile|__import__)\s*\(|\bnew\s+Function\s*\(|(?<![\w.])Function\s*\(\s*["'`]|\bimportlib\.import_module\b|\bvm\.(?:runIn\w+|Script|compileFunction)\b|\bset(?:Timeout|Interval)\s*\(\s*["'`]|\b(?:instance_eval|class_eval|module_eval|create_function)\b|\bInvoke-Expression\b|(?<![\w-])iex\b|\bScriptEngine\w*|\bloadstring\s*\(|\bdlopen\s*\(|\bpickle\.loads?\s*\(|\bmarshal\.loads?\s*\(|\byaml\.(?:unsafe_)?load\s*\(|\bNSExpression\b|\bJSContext\b|\bevaluateJavaScript\b"#),
        ("file deletion", #"\b(?:os\.(?:remove|unlink|rmdir|removedirs|RemoveAll|Remove)|shutil\.rmtree|fs\.(?:rm|rmSync|unlink|unlinkSync|rmdir|rmdirSync)|fs\.promises\.(?:rm|unlink|rmdir)|rimraf|removeItem|removeFile|FileUtils\.(?:rm\w*|remove\w*)|File\.(?:delete|unlink)|Files\.delete\w*|Remove-Item|DeleteFile\w*|Directory\.Delete)\b|\.(?:unlink|rmdir)\s*\(|(?<![\w.])(?:unlink|rmdir|remove)\s*\(|\.delete\s*\(\s*\)|(?<![\w.-])rm\s+(?:-\w+\s+)*[\w/.~$"'*-]|(?<![\w.])(?:del|rd)\s+/[sqf]"#),
    ].map { Capability(name: $0.0, pattern: try! SharedRegex($0.1)) }  // reviewbot:ignore quality.force-try

    /// Why `patch` must not be applied or shown, in one line; nil when it may.
    public static func refusal(of patch: LinePatch, in change: ChangeSet) -> String? {
        let finding = patch.finding
        let file = change.files.first { $0.path == finding.path }
        let inside = (file?.hunks ?? []).contains { hunk in
            let lines = hunk.newStart...(hunk.newStart + max(hunk.newLines, 1) - 1)
            return lines.contains(patch.startLine) && lines.contains(patch.endLine)
                && (patch.startLine...patch.endLine).contains(finding.line)
        }
        guard inside, patch.startLine <= patch.endLine else {
            return "the proposed patch reaches outside the finding's hunk"
        }
        let text = file?.newText ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let original = Array(lines[min(patch.startLine - 1, lines.count)..<min(patch.endLine, lines.count)])
        return refusal(replacing: original, with: patch.replacement)
    }

    /// Why replacing `original` lines by `replacement` adds a capability a model patch must not add; nil when it
    /// adds none.
    static func refusal(replacing original: [String], with replacement: String) -> String? {
        var removed = original.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var added: [String] = []
        for line in replacement.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if let index = removed.firstIndex(of: trimmed) {
                removed.remove(at: index)
            } else {
                added.append(trimmed)
            }
        }
        for capability in capabilities {
            let new = added.flatMap { matches(of: capability.pattern, in: $0) }
            guard new.count > removed.reduce(0, { $0 + matches(of: capability.pattern, in: $1).count }) else {
                continue
            }
            return "the model's patch was refused: it adds \(capability.name) (`\(new[0])`)"
        }
        return nil
    }

    private static func matches(of pattern: SharedRegex, in text: String) -> [String] {
        pattern.regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]) }
        }
    }
}
