/// How one language writes comments and strings, enough to tell code from prose and data.
struct LexicalSyntax: Sendable {
    struct StringForm: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        var multiline = false
        var escapes = true
        /// The sequence that opens an interpolated expression inside the string (`${`, `\(`, `#{`).
        var interpolation: [UInt8]? = nil
        /// `$name` inside the string is a variable (PHP, shell, Kotlin).
        var variables = false
    }

    var lineComments: [[UInt8]] = []
    /// `#` starts a comment only at the start of a line or after whitespace (shell, YAML, INI).
    var hashNeedsSpace = false
    var blockComments: [(open: [UInt8], close: [UInt8])] = []
    /// Longest opening sequence first.
    var strings: [StringForm] = []
    /// Whether string contents are blanked in the code view (not for data files, where they are the values).
    var masksStrings = true
    /// Letters before a quote that make a Python f-string (`{…}` interpolation) or a raw string.
    var pythonPrefixes = false
    /// `$"…{x}…"` and `@"…"` of C#.
    var csharpPrefixes = false
    /// Whether blocks are delimited by braces (loop structure is read from them).
    var braces = true
    /// Whether blocks are delimited by indentation (Python).
    var indentation = false

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let slashComments: [[UInt8]] = [bytes("//")]
    private static let cBlock: [(open: [UInt8], close: [UInt8])] = [(bytes("/*"), bytes("*/"))]
    private static func quote(
        _ q: String, multiline: Bool = false, escapes: Bool = true, interpolation: String? = nil,
        variables: Bool = false
    ) -> StringForm {
        StringForm(
            open: bytes(q), close: bytes(q), multiline: multiline, escapes: escapes,
            interpolation: interpolation.map(bytes), variables: variables)
    }

    static func of(_ language: Language) -> LexicalSyntax {
        var syntax = LexicalSyntax()
        switch language {
        case .swift:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [
                StringForm(open: bytes("#\"\"\""), close: bytes("\"\"\"#"), multiline: true, escapes: false),
                quote("\"\"\"", multiline: true, interpolation: "\\("),
                StringForm(open: bytes("#\""), close: bytes("\"#"), escapes: false),
                quote("\"", interpolation: "\\("),
            ]
        case .javascript, .typescript:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [quote("`", multiline: true, interpolation: "${"), quote("\""), quote("'")]
        case .java:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [quote("\"\"\"", multiline: true), quote("\""), quote("'")]
        case .kotlin:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [
                quote("\"\"\"", multiline: true, escapes: false, interpolation: "${", variables: true),
                quote("\"", interpolation: "${", variables: true), quote("'"),
            ]
        case .go:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [quote("`", multiline: true, escapes: false), quote("\""), quote("'")]
        case .c, .cpp:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [quote("\""), quote("'")]
        case .csharp:
            syntax.lineComments = slashComments
            syntax.blockComments = cBlock
            syntax.strings = [quote("\""), quote("'")]
            syntax.csharpPrefixes = true
        case .php:
            syntax.lineComments = [bytes("//"), bytes("#")]
            syntax.blockComments = cBlock
            syntax.strings = [
                quote("\"", interpolation: "{$", variables: true), quote("'"), quote("`", variables: true),
            ]
        case .python:
            syntax.lineComments = [bytes("#")]
            syntax.strings = [
                quote("\"\"\"", multiline: true), quote("'''", multiline: true), quote("\""), quote("'"),
            ]
            syntax.pythonPrefixes = true
            syntax.braces = false
            syntax.indentation = true
        case .ruby:
            syntax.lineComments = [bytes("#")]
            syntax.strings = [quote("\"", interpolation: "#{"), quote("'"), quote("`", interpolation: "#{")]
            syntax.braces = false
        case .shell:
            syntax.lineComments = [bytes("#")]
            syntax.hashNeedsSpace = true
            syntax.strings = [quote("\"", interpolation: "$(", variables: true), quote("'", escapes: false)]
            syntax.braces = false
        case .html, .xml, .markdown:
            syntax.blockComments = [(bytes("<!--"), bytes("-->"))]
            syntax.masksStrings = false
            syntax.braces = false
        case .css:
            syntax.blockComments = cBlock
            syntax.strings = [quote("\""), quote("'")]
            syntax.masksStrings = false
            syntax.braces = false
        case .yaml, .ini, .env, .dockerfile:
            syntax.lineComments = [bytes("#")]
            syntax.hashNeedsSpace = true
            syntax.strings = [quote("\""), quote("'", escapes: false)]
            syntax.masksStrings = false
            syntax.braces = false
        case .json:
            syntax.strings = [quote("\"")]
            syntax.masksStrings = false
            syntax.braces = false
        case .sql:
            syntax.lineComments = [bytes("--")]
            syntax.blockComments = cBlock
            syntax.strings = [quote("'")]
            syntax.masksStrings = false
            syntax.braces = false
        case .text:
            syntax.masksStrings = false
            syntax.braces = false
        }
        return syntax
    }
}
