import Foundation

/// Valid answers on disk, one file per question, so a re-review of unchanged hunks (a CI re-run, the fixer's
/// next iteration) asks nothing again.
///
/// The key is a SHA-256 of everything that decides the answer: provider, model, the whole prompt, the schema and
/// the generation settings. Not the endpoint's address, so the same model behind another port still hits. Only
/// answers that parsed are stored; failures are always asked again. Entries are plain JSON files under
/// `<directory>/<2 hex>/<key>.json`, written atomically; an unreadable entry counts as a miss.
public struct LLMCache: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public static func key(settings: LLMSettings, request: ChatRequest) -> String {
        let document: JSONValue = .object([
            "version": .int(1),
            "provider": .string(settings.provider.rawValue),
            "model": .string(settings.model ?? ""),
            "format": .string(settings.responseFormat.rawValue),
            "system": .string(request.system),
            "messages": .array(request.messages.map { .array([.string($0.role.rawValue), .string($0.content)]) }),
            "schema": request.schema ?? .null,
            "max_tokens": .int(request.maxTokens),
            "temperature": .double(request.temperature),
        ])
        return SHA256.hex(document.bytes)
    }

    private func path(_ key: String) -> String { "\(directory)/\(key.prefix(2))/\(key).json" }

    public func load(_ key: String) -> ChatAnswer? {
        guard let data = FileManager.default.contents(atPath: path(key)) else { return nil }
        return try? JSONDecoder().decode(ChatAnswer.self, from: data)
    }

    /// Stores an answer; a cache that cannot be written only costs a request next time.
    public func store(_ key: String, _ answer: ChatAnswer) {
        let file = path(key)
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let data = try JSONEncoder().encode(answer)
            try data.write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            return
        }
    }
}
