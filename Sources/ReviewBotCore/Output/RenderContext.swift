import Foundation

/// What some formats need beyond the report: the reviewed texts (SARIF line hashes and columns), the rules
/// that could fire (SARIF `tool.driver.rules`) and where a finding's line can be linked to (Markdown).
public struct RenderContext: Sendable {
    /// The reviewed (new) text of each file, by repository-relative path.
    public var sources: [String: String]
    /// Every rule the review ran, with the configuration's severity overrides.
    public var rules: [Rule]
    /// A link to a line, with `{sha}`, `{path}`, `{line}` and `{endLine}` placeholders (see ``LinkTemplate``).
    public var linkTemplate: String?
    /// The repository's web address, for SARIF `versionControlProvenance`.
    public var repositoryURL: String?

    public init(
        sources: [String: String] = [:], rules: [Rule] = [], linkTemplate: String? = nil, repositoryURL: String? = nil
    ) {
        self.sources = sources
        self.rules = rules
        self.linkTemplate = linkTemplate
        self.repositoryURL = repositoryURL
    }

    /// The context of a review: the new texts of `change` and the rules of `configuration` that can fire.
    public init(change: ChangeSet, configuration: Configuration, environment: [String: String]) {
        var sources: [String: String] = [:]
        for file in change.files { sources[file.path] = file.newText }
        let enabled = configuration.effectiveRules().filter { configuration.agents[$0.category]?.enabled ?? true }
        let links = LinkTemplate.from(environment: environment)
        self.init(sources: sources, rules: enabled, linkTemplate: links.template, repositoryURL: links.repository)
    }

    /// The lines of `path` without their line breaks (`\n`, or `\r\n`), when its text is known.
    func lines(of path: String) -> [Substring]? {
        guard let text = sources[path] else { return nil }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
            let line = Substring(bytes)
            return line.utf8.last == 0x0D ? Substring(line.utf8.dropLast()) : line
        }
    }
}

/// Where a finding's line can be shown on the web, decided from the environment:
///
/// - `REVIEWBOT_LINK_TEMPLATE`, e.g. `https://git.example.com/team/app/src/{sha}/{path}#L{line}`;
/// - else, in GitHub Actions, `$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/{sha}/{path}#L{line}-L{endLine}`;
/// - else, in GitLab CI, `$CI_PROJECT_URL/-/blob/{sha}/{path}#L{line}-{endLine}`;
/// - else no links. Links also need a commit: a `--staged` or `--worktree` review has none.
public enum LinkTemplate {
    public static func from(environment: [String: String]) -> (template: String?, repository: String?) {
        func value(_ key: String) -> String? {
            guard let value = environment[key], !value.isEmpty else { return nil }
            return value
        }
        if let server = value("GITHUB_SERVER_URL"), let repository = value("GITHUB_REPOSITORY") {
            let base = server + "/" + repository
            return (value("REVIEWBOT_LINK_TEMPLATE") ?? base + "/blob/{sha}/{path}#L{line}-L{endLine}", base)
        }
        if let project = value("CI_PROJECT_URL") {
            return (value("REVIEWBOT_LINK_TEMPLATE") ?? project + "/-/blob/{sha}/{path}#L{line}-{endLine}", project)
        }
        return (value("REVIEWBOT_LINK_TEMPLATE"), nil)
    }

    /// The link to `finding` in the commit `sha`, or nil without a template or a commit.
    public static func link(_ template: String?, sha: String?, finding: Finding) -> String? {
        guard let template, let sha else { return nil }
        let path = finding.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? finding.path
        return template.replacingOccurrences(of: "{sha}", with: sha)
            .replacingOccurrences(of: "{path}", with: path)
            .replacingOccurrences(of: "{endLine}", with: String(max(finding.line, finding.endLine)))
            .replacingOccurrences(of: "{line}", with: String(finding.line))
    }
}
