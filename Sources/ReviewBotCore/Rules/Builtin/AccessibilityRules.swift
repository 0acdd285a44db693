/// The accessibility agent's built-in rules, for HTML, templates and JSX.
enum AccessibilityRules {
    static let markupLanguages: Set<Language> = [.html, .javascript, .typescript, .php, .xml]
    /// An element's attributes, allowing `=>` inside JSX handlers.
    static let attributes = #"(?:=>|[^>])*"#

    static let all: [Rule] = [
        Rule(
            id: "accessibility.img-alt", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["<img"],
            patterns: [.init(.text, #"<img\b"# + attributes + ">")],
            excludes: [
                .init(.text, #"\balt\s*=|\baria-label(ledby)?\s*=|\btitle\s*=|\brole\s*=\s*["'{]*(presentation|none)\b|\{\s*\.\.\."#)
            ],
            multiline: true,
            message: "Image without a text alternative",
            recommendation: "Add alt text that says what the image shows; use alt=\"\" for a purely decorative image.",
            cwe: nil,
            examples: [
                .init("index.html", "<img src=\"chart.png\">", flagged: true),
                .init("Card.jsx", "return <img\n  src={url}\n  className=\"avatar\" />;", flagged: true),
                .init("index.html", "<img src=\"chart.png\" alt=\"Sales by month\">", flagged: false),
                .init("index.html", "<img src=\"divider.png\" alt=\"\">", flagged: false),
                .init("index.html", "<!-- <img src=\"old.png\"> -->", flagged: false),
            ]),
        Rule(
            id: "accessibility.click-non-interactive", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["onclick"],
            patterns: [
                .init(
                    .text,
                    #"<(div|span|li|p|td|tr|section|article|img|label|header|footer|main|aside|ul|ol|i)\b"# + attributes
                        + #"\bon[cC]lick\s*="# + attributes + ">")
            ],
            excludes: [.init(.text, #"^(?=[\s\S]*\brole\s*=)(?=[\s\S]*\bon[kK]ey(Down|Up|Press|down|up|press)\s*=)"#)],
            multiline: true,
            message: "Click handler on an element that keyboard and screen-reader users cannot operate",
            recommendation: "Use a <button> (or <a href>) instead; otherwise add a role, tabindex=\"0\" and a key handler for Enter and Space.",
            examples: [
                .init("index.html", "<div class=\"card\" onclick=\"open()\">Open</div>", flagged: true),
                .init("Card.jsx", "<span onClick={() => setOpen(true)}>Open</span>", flagged: true),
                .init("index.html", "<button type=\"button\" onclick=\"open()\">Open</button>", flagged: false),
                .init("Card.jsx", "<div role=\"button\" tabIndex={0} onClick={open} onKeyDown={openOnEnter}>Open</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.input-label", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<input", "<select", "<textarea"],
            patterns: [.init(.text, #"<(input|select|textarea)\b"# + attributes + ">")],
            excludes: [
                .init(
                    .text,
                    #"\baria-label(ledby)?\s*=|\btitle\s*=|\btype\s*=\s*["'{]*(hidden|submit|button|reset|image)\b|\{\s*\.\.\."#)
            ],
            conditions: [.notLabelled],
            multiline: true,
            message: "Form control without a label",
            recommendation: "Give it a <label for=\"id\"> (htmlFor in JSX), wrap it in a <label>, or add aria-label/aria-labelledby.",
            examples: [
                .init("form.html", "<input type=\"text\" name=\"email\">", flagged: true),
                .init("Form.jsx", "<textarea value={text} onChange={update} />", flagged: true),
                .init("form.html", "<label for=\"email\">Email</label>\n<input id=\"email\" type=\"text\">", flagged: false),
                .init("form.html", "<label>Email <input type=\"text\" name=\"email\"></label>", flagged: false),
                .init("form.html", "<input type=\"hidden\" name=\"csrf\" value=\"x\">", flagged: false),
                .init("Form.jsx", "<input aria-label=\"Search\" value={q} />", flagged: false),
            ]),
        Rule(
            id: "accessibility.html-lang", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<html"],
            patterns: [.init(.text, #"<html\b"# + attributes + ">")],
            excludes: [.init(.text, #"\b(xml:)?lang\s*="#)],
            multiline: true,
            message: "Document without a language",
            recommendation: "Add lang to the <html> element (<html lang=\"en\">) so screen readers pronounce the text correctly.",
            fix: .init("declare the document language", find: #"<html\b"#, replace: "<html lang=\"en\""),
            examples: [
                .init("index.html", "<!doctype html>\n<html>\n<head><title>Shop</title></head>", flagged: true),
                .init("index.html", "<!doctype html>\n<html lang=\"en\">\n<head><title>Shop</title></head>", flagged: false),
            ]),
    ]
}
