import Foundation

/// Replaces API keys by `<redacted-api-key>` in everything reviewbot writes: model answers (before they are read,
/// cached or quoted in an error), reports in every format, trace files and the lines on standard error.
///
/// An endpoint that echoes the key it received (in an answer, an error message, a finding) must not put it in a
/// pull-request comment or a CI log. The key is looked for as sent, and in the forms a JSON or URL encoder gives
/// it (`/` as `\/`, percent-encoding); what a JSON decoder gives back is scrubbed again after decoding. A piece of
/// 16 characters or more of a key (an echo cut short) is replaced too, with as much of the key around it as is there.
public struct SecretScrubber: Sendable {
    public static let placeholder = "<redacted-api-key>"
    /// Shorter values are not keys, and replacing them would garble ordinary text.
    static let minimumLength = 8

    /// Every written form of every secret, longest first.
    private let forms: [String]
    /// The secrets long enough that a piece of them is still worth hiding.
    private let long: [[Character]]
    /// The shortest piece of a secret that is replaced.
    static let pieceLength = 16

    public init(secrets: [String]) {
        var forms = Set<String>()
        for secret in secrets where secret.count >= Self.minimumLength {
            forms.insert(secret)
            forms.insert(secret.replacingOccurrences(of: "/", with: "\\/"))
            if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                forms.insert(encoded)
            }
        }
        self.forms = forms.sorted { $0.count > $1.count }
        long = Set(secrets.filter { $0.count > Self.pieceLength }).sorted().map(Array.init)
    }

    /// The keys reviewbot may read: the variable the settings name, the providers' usual variables, and the one
    /// `REVIEWBOT_LLM_API_KEY_ENV` names, whatever the configuration says.
    public init(settings: LLMSettings? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        var names = LLMSettings.Provider.allCases.map(\.defaultKeyVariable)
        if let named = environment["REVIEWBOT_LLM_API_KEY_ENV"] { names.append(named) }
        if let settings { names.append(settings.effectiveKeyVariable) }
        self.init(secrets: names.compactMap { environment[$0] })
    }

    public var isEmpty: Bool { forms.isEmpty }

    public func scrub(_ text: String) -> String {
        guard !forms.isEmpty else { return text }
        var result = text
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: Self.placeholder)
        }
        for secret in long { result = scrubPieces(of: secret, in: result) }
        return result
    }

    /// `text` with every run of ``pieceLength`` or more characters of `secret` replaced, widened to all of the
    /// secret that stands there.
    private func scrubPieces(of secret: [Character], in text: String) -> String {
        var result = text
        for start in 0...(secret.count - Self.pieceLength) {
            let piece = String(secret[start..<(start + Self.pieceLength)])
            while let found = result.range(of: piece) {
                var lower = found.lowerBound
                var before = start - 1
                while before >= 0, lower > result.startIndex, result[result.index(before: lower)] == secret[before] {
                    lower = result.index(before: lower)
                    before -= 1
                }
                var upper = found.upperBound
                var after = start + Self.pieceLength
                while after < secret.count, upper < result.endIndex, result[upper] == secret[after] {
                    upper = result.index(after: upper)
                    after += 1
                }
                result.replaceSubrange(lower..<upper, with: Self.placeholder)
            }
        }
        return result
    }

    /// `bytes` with every form of a key replaced; the same bytes when none occurs.
    public func scrub(_ bytes: [UInt8]) -> [UInt8] {
        guard !forms.isEmpty else { return bytes }
        let text = String(decoding: bytes, as: UTF8.self)
        let scrubbed = scrub(text)
        return scrubbed == text ? bytes : Array(scrubbed.utf8)
    }

    /// A response whose body and header values hold no key.
    func scrub(_ response: HTTPResponse) -> HTTPResponse {
        guard !forms.isEmpty else { return response }
        var clean = response
        clean.body = scrub(response.body)
        clean.headers = response.headers.mapValues(scrub)
        return clean
    }
}
