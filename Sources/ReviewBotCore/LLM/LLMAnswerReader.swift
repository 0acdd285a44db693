import Foundation

/// Reads a model's answer into findings, forgiving in form and strict in content.
///
/// Form: the JSON object may come bare, in a Markdown fence, or surrounded by prose; a bare list of findings is
/// accepted too. Content: every finding needs a known category and severity, a path of the chunk it answers, a
/// line that the change adds or modifies in that file, and a message. Whatever fails is dropped and counted by
/// reason, never guessed into place.
struct LLMAnswerReader {
    let agent: String
    let chunk: PromptChunk
    let files: [String: SourceFile]
    let maxSeverity: Severity
    let maxFindings: Int

    /// Why an answer gave no findings list.
    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    struct Reading {
        var findings: [Finding] = []
        var dropped: [String: Int] = [:]
    }

    /// The list of raw findings in an answer, or why there is none.
    static func findingsList(in text: String) -> Result<[JSONValue], Problem> {
        // Limits first: an answer larger or nested deeper than any list of findings is refused unread (the
        // search for a JSON span below would otherwise parse it again from every bracket).
        if let reason = JSONValue.tooLargeOrDeep(Array(text.utf8)) {
            return .failure(Problem("the answer is \(reason), refused unread"))
        }
        guard let document = extractJSON(text) else {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .failure(Problem("the answer is empty")) }
            if trimmed.contains("{") || trimmed.contains("[") {
                return .failure(
                    Problem("the answer's JSON is incomplete or malformed: \(LLMProvider.preview(trimmed))"))
            }
            return .failure(Problem("the answer is not JSON: \(LLMProvider.preview(trimmed))"))
        }
        if let list = document.array { return .success(list) }
        for key in ["findings", "issues", "results", "problems"] {
            if let list = document[key]?.array { return .success(list) }
        }
        if document["path"] != nil || document["line"] != nil { return .success([document]) }
        return .failure(Problem("the answer's JSON has no findings list: \(LLMProvider.preview(document.text))"))
    }

    /// The first JSON object or array in the text: the whole text, a fenced block, or a balanced span.
    static func extractJSON(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let value = JSONValue.parse(trimmed), value.object != nil || value.array != nil { return value }
        if let fenced = fencedBlock(trimmed), let value = JSONValue.parse(fenced),
            value.object != nil || value.array != nil
        {
            return value
        }
        let bytes = Array(trimmed.utf8)
        // Every bracket's partner in one pass; then each span that opens outside any other is tried in turn,
        // at most `maxSpans` of them, so prose full of brackets costs a linear scan and a few parses.
        var attempts = 0
        for (start, end) in balancedSpans(bytes) {
            attempts += 1
            if attempts > maxSpans { break }
            if let value = JSONValue.parse(Array(bytes[start...end])), value.object != nil || value.array != nil {
                return value
            }
        }
        return nil
    }

    /// How many bracketed spans of an answer ``extractJSON(_:)`` tries to parse.
    static let maxSpans = 32

    /// The balanced `{…}` and `[…]` spans of `bytes` (strings inside brackets skipped) by where they start, found
    /// in one pass: a bracket that never closes is passed over, and the spans inside it are candidates.
    private static func balancedSpans(_ bytes: [UInt8]) -> [(Int, Int)] {
        var open: [Int] = []
        var closed: [(Int, Int)] = []
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inString = open.isEmpty ? false : true
            } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                open.append(index)
            } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                guard let start = open.popLast() else { continue }
                closed.append((start, index))
            }
        }
        return closed.sorted { $0.0 < $1.0 }
    }

    /// The content of the first ``` fence.
    private static func fencedBlock(_ text: String) -> String? {
        guard let open = text.range(of: "```") else { return nil }
        guard let lineEnd = text[open.upperBound...].firstIndex(of: "\n") else { return nil }
        let body = text[text.index(after: lineEnd)...]
        guard let close = body.range(of: "```") else { return String(body) }
        return String(body[..<close.lowerBound])
    }

    /// Validates raw findings and turns the valid ones into `llm` findings of this agent.
    func read(_ items: [JSONValue]) -> Reading {
        var reading = Reading()
        var seen = Set<String>()
        let shown = chunk.addedLines
        func drop(_ reason: String) { reading.dropped[reason, default: 0] += 1 }
        for item in items {
            guard item.object != nil else {
                drop("not an object")
                continue
            }
            guard let rawPath = item["path"]?.string ?? item["file"]?.string, let path = resolve(rawPath) else {
                drop("path not in the change")
                continue
            }
            guard let line = item["line"]?.integer else {
                drop("no line number")
                continue
            }
            guard let file = files[path], shown[path]?.contains(line) == true || file.addedLines.contains(line) else {
                drop("line not added or modified by the change")
                continue
            }
            guard let severityText = item["severity"]?.string,
                let severity = Severity(rawValue: severityText.lowercased())
            else {
                drop("unknown severity")
                continue
            }
            guard let categoryText = item["category"]?.string,
                let category = Category(rawValue: categoryText.lowercased())
            else {
                drop("unknown category")
                continue
            }
            let message = (item["message"]?.string ?? item["title"]?.string ?? item["description"]?.string ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !message.isEmpty else {
                drop("no message")
                continue
            }
            guard seen.insert("\(path)\u{0}\(line)\u{0}\(message.lowercased())").inserted else {
                drop("repeated")
                continue
            }
            guard reading.findings.count < maxFindings else {
                drop("over the limit of \(maxFindings)")
                continue
            }
            let recommendation = (item["recommendation"]?.string ?? item["fix"]?.string ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let ruleId = "llm.\(category.rawValue)"
            var finding = Finding(
                ruleId: ruleId, category: category, severity: min(severity, maxSeverity), path: path, line: line,
                endLine: line, column: 1, message: Self.clip(message, 300),
                recommendation: recommendation.isEmpty ? "Review this line." : Self.clip(recommendation, 300),
                agents: [agent], source: .llm,
                fingerprint: Fingerprint.make(ruleId: ruleId, path: path, lineText: file.rawLine(line)),
                suppressed: Suppression.covers(ruleId: ruleId, line: line, in: file))
            if let cwe = item["cwe"]?.string, cwe.uppercased().hasPrefix("CWE-") { finding.cwe = cwe.uppercased() }
            reading.findings.append(finding)
        }
        return reading
    }

    /// The chunk's path that the model meant: exact, or after dropping `./`, `/`, `a/` or `b/` in front.
    private func resolve(_ raw: String) -> String? {
        let paths = chunk.paths
        var candidate = raw.trimmingCharacters(in: .whitespaces)
        if paths.contains(candidate) { return candidate }
        for prefix in ["./", "/", "a/", "b/"] where candidate.hasPrefix(prefix) {
            candidate.removeFirst(prefix.count)
            if paths.contains(candidate) { return candidate }
        }
        return nil
    }

    private static func clip(_ text: String, _ limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit)) + "…"
    }
}
