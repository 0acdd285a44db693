/// The languages reviewbot knows how to read, detected from a path.
public enum Language: String, Sendable, CaseIterable, Codable {
    case swift, python, javascript, typescript, java, kotlin, go, c, cpp, csharp, php, ruby, shell
    case html, css, yaml, json, ini, env, dockerfile, xml, sql, markdown, text

    /// Detects the language of a repository path from its name and extension.
    public static func detect(path: String) -> Language {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        if lower == "dockerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile") {
            return .dockerfile
        }
        if lower == ".env" || lower.hasPrefix(".env.") || lower.hasSuffix(".env") { return .env }
        if lower == "gemfile" || lower == "rakefile" { return .ruby }
        guard let dot = lower.lastIndex(of: "."), dot != lower.startIndex else { return .text }
        switch lower[lower.index(after: dot)...] {
        case "swift": return .swift
        case "py", "pyw", "pyi": return .python
        case "js", "jsx", "mjs", "cjs": return .javascript
        case "ts", "tsx", "mts", "cts": return .typescript
        case "java": return .java
        case "kt", "kts": return .kotlin
        case "go": return .go
        case "c", "h": return .c
        case "cc", "cpp", "cxx", "hpp", "hh", "hxx", "m", "mm": return .cpp
        case "cs": return .csharp
        case "php", "phtml": return .php
        case "rb", "erb", "rake", "gemspec": return .ruby
        case "sh", "bash", "zsh", "ksh": return .shell
        case "html", "htm", "xhtml", "vue", "svelte", "hbs", "njk", "jinja", "j2", "ejs": return .html
        case "css", "scss", "sass", "less": return .css
        case "yml", "yaml": return .yaml
        case "json", "jsonc": return .json
        case "ini", "cfg", "conf", "properties", "toml", "config": return .ini
        case "xml", "plist", "xaml", "csproj": return .xml
        case "sql": return .sql
        case "md", "markdown", "rst": return .markdown
        default: return .text
        }
    }

    /// True for languages whose files hold data or settings rather than code: strings there are values.
    public var isConfiguration: Bool {
        switch self {
        case .yaml, .json, .ini, .env, .dockerfile, .xml, .markdown, .text: true
        default: false
        }
    }

    /// Whether a JSX/HTML element syntax may appear in this language's files.
    public var hasMarkup: Bool {
        switch self {
        case .html, .javascript, .typescript, .php, .xml: true
        default: false
        }
    }
}
