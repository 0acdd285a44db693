import Foundation

@testable import ReviewBotCore

/// The LLM answer reader: the provider's envelope, the findings list in the answer text, and its validation.
public enum AnswerTarget {
    /// The file the answers are about: `app.py`, twenty added lines (the bad-input test reviews the same file).
    public static let path = "app.py"
    public static let lineCount = 20
    public static let sourceText = (1...lineCount).map { "value_\($0) = compute(\($0))\n" }.joined()

    static let files = [path: SourceFile(path: path, text: sourceText, addedLines: Array(1...lineCount))]
    static let chunk = PromptChunk(blocks: [
        PromptBlock(path: path, language: .python, lines: Array(1...lineCount), added: Set(1...lineCount))
    ])
    static let settings = LLMSettings()

    /// Reads `content` as the answer text, and as the whole HTTP body of each provider.
    public static func run(_ content: [UInt8]) {
        read(String(decoding: content, as: UTF8.self))
        let response = HTTPResponse(status: 200, headers: [:], body: content, httpVersion: "1.1")
        for provider in LLMSettings.Provider.allCases {
            var settings = settings
            settings.provider = provider
            if let answer = try? LLMProvider(settings: settings, apiKey: nil).answer(from: response) {
                read(answer.text)
            }
        }
    }

    static func read(_ text: String) {
        guard case .success(let items) = LLMAnswerReader.findingsList(in: text) else { return }
        let reader = LLMAnswerReader(
            agent: "security", chunk: chunk, files: files, maxSeverity: settings.maxSeverity,
            maxFindings: settings.maxFindings)
        let reading = reader.read(items)
        require(reading.findings.count <= settings.maxFindings, "\(reading.findings.count) findings")
        for finding in reading.findings {
            require(finding.path == path && (1...lineCount).contains(finding.line), "\(finding.path):\(finding.line)")
            require(finding.severity <= settings.maxSeverity, "severity \(finding.severity)")
        }
    }
}
