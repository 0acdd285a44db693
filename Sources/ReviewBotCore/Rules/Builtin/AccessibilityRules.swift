import Foundation

/// The accessibility agent's built-in rules: markup (HTML, templates, JSX/TSX, PHP), CSS focus styles and SwiftUI.
///
/// Markup rules read the `text` view (comments blanked, attribute values kept) and mostly match one element
/// start tag; a finding sits on the tag's first line. They only claim what the markup itself shows: a name that
/// comes from `aria-labelledby` is trusted (the referenced element may live elsewhere), template and JSX
/// expressions (`{…}`, `{{ … }}`, `<?= … ?>`) count as values, and spread props (`{...props}`) silence a rule.
enum AccessibilityRules {
    static let markupLanguages: Set<Language> = [.html, .javascript, .typescript, .php, .xml]
    /// Files that hold whole documents (a `<head>`, a `<title>`), not components.
    static let documentLanguages: Set<Language> = [.html, .php]

    // MARK: Building blocks

    /// An element's attributes, allowing `=>` inside JSX handlers. They end at the first `<` that starts a tag
    /// (`<a`, `</`, `<!`): a start tag never holds another, and a search from an unclosed `<a` stops there instead of
    /// running to the end of the file (20,000 lines of `<a` took over a minute). `[^<>]*` in tags, for the same reason.
    /// (`\A<` lets the tag's own `<` through where a pattern reads a matched tag from its start.)
    static let attributes = #"(?:=>|[^<>]|<(?![A-Za-z/!])|\A<)*"#
    /// Where an attribute name starts: not inside `data-x` or `x-y`; `:x` (Vue) and `.x` (Angular) are bindings.
    static let name = #"(?<![\w-])"#
    /// `=` and a value that is not blank: text, a JSX or template expression, an unquoted word.
    static let nonBlank = #"\]?\s*=\s*(?:"\s*[^"\s]|'\s*[^'\s]|\{|[^\s"'>{])"#
    /// A text alternative given by the author in the tag itself; `aria-labelledby` is followed to the element
    /// it names by the `not-named-by-reference` condition.
    static let named = name + #"(?:aria-label|title)"# + nonBlank
    static let ariaNamed = name + #"(?:aria-label|aria-labelledby)"# + nonBlank
    static let presentational = name + #"role\s*=\s*["'{]*\s*(?:none|presentation)\b"#
    /// What makes browsers ignore role="none"/"presentation": focusability or a global ARIA attribute.
    static let presentationConflict =
        #"(?:(?i:tabindex)\s*=\s*["'{]*\s*\+?\d|aria-(?:live|describedby|atomic|busy|controls|details|dropeffect|flowto|grabbed|haspopup|keyshortcuts|owns|relevant|roledescription|errormessage)\s*=)"#
    /// An element that is presentational and stays so (the excluded range starts at its tag).
    static let decorative = "^(?=[\\s\\S]*" + presentational + ")(?![\\s\\S]*" + name + presentationConflict + ")"
    /// Attributes passed through from outside (JSX spread props, Vue's object `v-bind` and `$attrs`).
    static let spread = #"\{\s*\.\.\.|(?<![\w:-])v-bind\s*=|\$attrs\b"#
    /// Points a finding at the naming attribute that names nothing (a blank aria-label, title or alt, or an
    /// aria-labelledby whose ids lead nowhere) when the element has one: the `at` group of the engine.
    static let pointAtName =
        "(?=(?:" + #"(?:=>|[^<>]|<(?![A-Za-z/!]))*?"# + name
        + #"(?<at>(?:aria-labelledby|aria-label|title|alt)\]?\s*=))?)"#
    /// Content set by a binding (React, Vue, Angular, AngularJS, Alpine, Thymeleaf, Knockout): not empty at run time.
    static let contentBinding =
        "^" + attributes
        + #"(?<![\w-])(?:(?:dangerouslySetInnerHTML|children|v-html|v-text|x-html|x-text|th:u?text|ng-bind(?:-html)?|\[(?:innerHTML|textContent|innerText)\])\s*=|data-bind\s*=\s*["'][^"']*\b(?:text|html)\s*:)"#
    static let ariaHidden = "^" + attributes + name + #"aria-hidden\s*=\s*["'{]*\s*true"#
    static let notRendered = "^" + attributes + #"(?:(?<![\w-])hidden\b|display\s*:\s*none|visibility\s*:\s*hidden)"#
    static let disabled = "^" + attributes + name + #"disabled\b"#
    /// Children that give no text: whitespace, `&nbsp;`, empty icon elements, images with alt="", SVG without <title>.
    static let noText =
        #"(?:\s|&nbsp;|<(?:i|span)\b[^<>]*>\s*</(?:i|span)\s*>|<img\b(?=[^<>]*\balt\s*=\s*(?:""|''))[^<>]*>|<svg\b(?:(?!</svg|<title\b|<text\b)[\s\S]){0,3000}</svg\s*>)*"#
    /// Elements without content (their `>` does not end a start tag whose content follows).
    static let void = #"(?!(?:input|img|area|embed|br|hr|source|track|wbr|col|meta|link|base|param)\b)"#
    /// Right after the `<` of a start tag: the tag is not the first child of a button or link, whose name is
    /// computed from its content (aria-label included). Placed after the `<`, so that the look-behind only runs
    /// where a tag starts.
    /// Right after the `<` of a start tag: the tag has aria-label or aria-labelledby (a cheap test that spares
    /// the costly look-behind of ``insideControl`` most tags).
    static let namedTag = #"(?=[a-z][\w-]*\b"# + has(ariaNamed) + ")"
    static let insideControl =
        #"(?<!<(?:button|a)\b[^<>]{0,300}>\s{0,40}<)(?<!role\s{0,2}=\s{0,2}["'{]{0,2}(?:button|link|menuitem|tab|option|checkbox|radio|switch|treeitem)["'}]{0,2}[^<>]{0,300}>\s{0,40}<)"#
    /// The `>` of a start tag that is not self-closing.
    static let open = #"(?<!/)>"#
    /// The end of an element without content: `/>`, or `>` and nothing but whitespace or empty icons up to `</tag>` (group 1).
    static let emptyElementEnd = #"(?:(?<=/)>|(?<!/)>"# + noText + #"</\1\s*>)"#

    /// An `aria-` attribute of `attributes` (a `|` list) whose quoted value is plain words (no template or
    /// expression syntax, which is settled at run time) and not a value of `allowed` (a pattern, any case).
    static func ariaValue(_ attributes: String, _ allowed: String) -> String {
        let plain = #"\s*[\w.+-]+(?:\s+[\w.+-]+)*\s*"#
        return #"(?<=\s)aria-(?:"# + attributes + #")\s*=\s*(?:"(?!\s*(?i:"# + allowed + #")\s*")"# + plain
            + #""|'(?!\s*(?i:"# + allowed + #")\s*')"# + plain + "')"
    }
    static func has(_ attribute: String) -> String { "(?=" + attributes + name + attribute + ")" }
    static func lacks(_ attribute: String) -> String { "(?!" + attributes + name + attribute + ")" }
    /// A `role` attribute whose first token is one of `roles` (a `|` list).
    static func role(_ roles: String) -> String { name + #"role\s*=\s*["'{]*\s*(?:"# + roles + #")(?![\w-])"# }
    /// A `role` attribute whose first token is not one of `roles`.
    static func roleOtherThan(_ roles: String) -> String {
        name + #"role\s*=\s*["']\s*(?!(?:"# + roles + #")[\s"'])[a-z]"#
    }

    static let validRoles =
        "alert|alertdialog|application|article|banner|blockquote|button|caption|cell|checkbox|code|columnheader|combobox|comment|complementary|contentinfo|definition|deletion|dialog|directory|document|emphasis|feed|figure|form|generic|grid|gridcell|group|heading|img|image|insertion|link|list|listbox|listitem|log|main|mark|marquee|math|menu|menubar|menuitem|menuitemcheckbox|menuitemradio|meter|navigation|none|note|option|paragraph|presentation|progressbar|radio|radiogroup|region|row|rowgroup|rowheader|scrollbar|search|searchbox|separator|slider|spinbutton|status|strong|subscript|suggestion|superscript|switch|tab|table|tablist|tabpanel|term|text|textbox|time|timer|toolbar|tooltip|tree|treegrid|treeitem"
        + "|doc-(?:abstract|acknowledgments|afterword|appendix|backlink|biblioentry|bibliography|biblioref|chapter|colophon|conclusion|cover|credit|credits|dedication|endnote|endnotes|epigraph|epilogue|errata|example|footnote|foreword|glossary|glossref|index|introduction|noteref|notice|pagebreak|pagefooter|pageheader|pagelist|part|preface|prologue|pullquote|qna|subtitle|tip|toc)"
        + "|graphics-(?:document|object|symbol)"
    static let ariaAttributes =
        "activedescendant|atomic|autocomplete|braillelabel|brailleroledescription|busy|checked|colcount|colindex|colindextext|colspan|controls|current|describedby|description|details|disabled|dropeffect|errormessage|expanded|flowto|grabbed|haspopup|hidden|invalid|keyshortcuts|label|labelledby|level|live|modal|multiline|multiselectable|orientation|owns|placeholder|posinset|pressed|readonly|relevant|required|roledescription|rowcount|rowindex|rowindextext|rowspan|selected|setsize|sort|valuemax|valuemin|valuenow|valuetext"

    static let all: [Rule] = textAlternatives + names + aria + structure + document + styles + swiftUI

    // MARK: Text alternatives

    static let textAlternatives: [Rule] = [
        Rule(
            id: "accessibility.img-alt", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["<img"],
            patterns: [.init(.text, #"<img\b"# + pointAtName + attributes + ">")],
            excludes: [
                .init(.text, name + #"alt(?:\]?\s*=\s*(?:"(?!\s+")|'(?!\s+')|\{|[^\s"'>{])|(?=[\s/>]))"#),
                .init(.text, named), .init(.text, decorative), .init(.text, spread), .init(.text, ariaHidden),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Image without a text alternative",
            recommendation: "Add alt text that says what the image shows; use alt=\"\" for a purely decorative image.",
            cwe: nil,
            examples: [
                .init("index.html", "<img src=\"chart.png\">", flagged: true),
                .init("Card.jsx", "return <img\n  src={url}\n  className=\"avatar\" />;", flagged: true),
                .init("index.html", "<img src=\"chart.png\" alt=\" \">", flagged: true),
                .init("index.html", "<img src=\"spinner.gif\" role=\"presentation\" tabindex=\"0\">", flagged: true),
                .init("index.html", "<img src=\"chart.png\" alt=\"Sales by month\">", flagged: false),
                .init("index.html", "<img src=\"divider.png\" alt=\"\">", flagged: false),
                .init("index.html", "<img src=\"divider.png\" role=\"presentation\">", flagged: false),
                .init("Avatar.vue", "<img :alt=\"user.name\" :src=\"user.photo\">", flagged: false),
                .init("index.html", "<!-- <img src=\"old.png\"> -->", flagged: false),
            ]),
        Rule(
            id: "accessibility.input-image-alt", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["<input"],
            patterns: [
                .init(.text, #"<input\b"# + pointAtName + has(#"type\s*=\s*["'{]*\s*image\b"#) + attributes + ">")
            ],
            excludes: [.init(.text, name + "alt" + nonBlank), .init(.text, named), .init(.text, spread)],
            conditions: [.notLabelled, .notNamedByReference],
            multiline: true,
            message: "Image button without a text alternative",
            recommendation:
                "Give <input type=\"image\"> alt text that names its action (alt=\"Search\"); an empty alt leaves the button unnamed.",
            examples: [
                .init("search.html", "<input type=\"image\" src=\"go.png\">", flagged: true),
                .init("search.html", "<input type=\"image\" src=\"go.png\" alt=\"\">", flagged: true),
                .init("search.html", "<input type=\"image\" src=\"go.png\" alt=\"Search\">", flagged: false),
                .init("Search.jsx", "<input type=\"image\" src={icon} aria-label=\"Search\" />", flagged: false),
            ]),
        Rule(
            id: "accessibility.area-alt", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<area"],
            patterns: [.init(.text, #"<area\b"# + pointAtName + has(#"href\s*="#) + attributes + ">")],
            excludes: [
                .init(.text, name + "alt" + nonBlank), .init(.text, name + "aria-label" + nonBlank),
                .init(.text, spread),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Image map link without a text alternative",
            recommendation: "Give every <area href> alt text that names where the link goes.",
            examples: [
                .init(
                    "map.html",
                    "<map name=\"floors\">\n  <area shape=\"rect\" coords=\"0,0,80,40\" href=\"/floor/1\">\n</map>",
                    flagged: true),
                .init(
                    "map.html", "<area shape=\"rect\" coords=\"0,0,80,40\" href=\"/floor/1\" alt=\"\">", flagged: true),
                .init(
                    "map.html", "<area shape=\"rect\" coords=\"0,0,80,40\" href=\"/floor/1\" alt=\"First floor\">",
                    flagged: false),
                .init("map.html", "<area shape=\"rect\" coords=\"0,0,80,40\" alt=\"\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.role-img-alt", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    #"<(?!img\b|svg\b|input\b)[a-z][\w-]*\b"# + pointAtName + has(role("img")) + attributes
                        + #">(?:\s*<title\b[^<>]*>[^<]*</title\s*>)?"#),
                .init(
                    .text,
                    #"<svg\b"# + pointAtName + has(role("img|graphics-document")) + attributes
                        + #">[\s\S]{0,8000}?</svg\s*>"#),
            ],
            excludes: [
                .init(.text, named), .init(.text, #"^<[a-z][\w-]*\b"# + attributes + #">\s*<title\b[^<>]*>\s*[^<\s]"#),
                .init(.text, spread), .init(.text, ariaHidden),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Element with role=\"img\" has no text alternative",
            recommendation:
                "Name it with aria-label (or aria-labelledby); an <svg role=\"img\"> can instead start with a <title> child.",
            examples: [
                .init(
                    "icons.html", "<svg role=\"img\" viewBox=\"0 0 16 16\">\n  <path d=\"M0 0h16v16H0z\"/>\n</svg>",
                    flagged: true),
                .init("rating.html", "<div role=\"img\" class=\"stars-4\"></div>", flagged: true),
                .init(
                    "icons.html",
                    "<svg role=\"img\" viewBox=\"0 0 16 16\">\n  <title>Warning</title>\n  <path d=\"M0 0h16v16H0z\"/>\n</svg>",
                    flagged: false),
                .init(
                    "rating.html", "<div role=\"img\" aria-label=\"4 of 5 stars\" class=\"stars-4\"></div>",
                    flagged: false),
                .init(
                    "Logo.jsx", "<svg aria-hidden=\"true\" viewBox=\"0 0 16 16\"><path d={d} /></svg>", flagged: false),
                .init("Feature.jsx", "<Illustration className={styles.svg} role=\"img\" />", flagged: false),
            ]),
        Rule(
            id: "accessibility.object-alt", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<object"],
            patterns: [
                .init(.text, #"<object\b"# + pointAtName + has(#"data\s*=\s*["']\s*[^"'\s]"#) + attributes + ">")
            ],
            excludes: [.init(.text, named), .init(.text, decorative), .init(.text, spread)],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Embedded object without a text alternative",
            recommendation:
                "Name the <object> with aria-label or title; its fallback content is not read while the object renders.",
            examples: [
                .init("report.html", "<object data=\"q3.pdf\" type=\"application/pdf\"></object>", flagged: true),
                .init(
                    "report.html",
                    "<object data=\"q3.pdf\" type=\"application/pdf\" title=\"Third quarter report\"></object>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.image-redundant-alt", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["alt"],
            patterns: [
                .init(
                    .text,
                    #"(?i)<img\b"# + has(#"alt\s*=\s*"([^"]{3,})""#)
                        + lacks(#"(?:role\s*=\s*["']?(?:none|presentation)|aria-hidden)"#)
                        + attributes + #">\s*\1\s*<"#)
            ],
            multiline: true,
            message: "Image alt text repeats the text next to it",
            recommendation:
                "Use alt=\"\" when the adjacent text already says the same, so screen readers do not read it twice.",
            examples: [
                .init("nav.html", "<a href=\"/cart\"><img src=\"cart.svg\" alt=\"Cart\">Cart</a>", flagged: true),
                .init("nav.html", "<a href=\"/cart\"><img src=\"cart.svg\" alt=\"\">Cart</a>", flagged: false),
                .init(
                    "nav.html", "<a href=\"/cart\"><img src=\"cart.svg\" alt=\"Shopping bag\">Cart</a>", flagged: false),
            ]),
    ]

    // MARK: Names of controls, links, frames and headings

    static let names: [Rule] = [
        Rule(
            id: "accessibility.input-label", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<input", "<select", "<textarea"],
            patterns: [.init(.text, #"<(input|select|textarea)\b"# + pointAtName + attributes + ">")],
            excludes: [
                .init(.text, named), .init(.text, name + "placeholder" + nonBlank),
                .init(.text, #"\btype\s*=\s*["'{]*(hidden|submit|button|reset|image)\b"#), .init(.text, spread),
                .init(.text, "^(?=[\\s\\S]*" + presentational + ")" + "(?=" + attributes + name + #"disabled\b)"#),
                .init(.text, ariaHidden), .init(.text, notRendered),
                // a control given another role is named under that role's rules
                .init(.text, "^" + attributes + name + #"role\s*=\s*["']?\s*(?!none|presentation)[a-z]"#),
            ],
            // A control with an id may be labelled by a <label for> in the page that includes this fragment;
            // flag it when this file is a whole form or page, holds labels, or has controls nothing can point at.
            requiresInFile: [
                .init(
                    .text, #"<(?:label|form|body)\b|<(?:input|select|textarea)\b(?!"# + attributes + name + #"id\s*=)"#)
            ],
            conditions: [.notLabelled, .notNamedByReference],
            multiline: true,
            message: "Form control without a label",
            recommendation:
                "Give it a <label for=\"id\"> (htmlFor in JSX) with text, wrap it in a <label>, or add aria-label/aria-labelledby.",
            examples: [
                .init("form.html", "<input type=\"text\" name=\"email\">", flagged: true),
                .init("Form.jsx", "<textarea value={text} onChange={update} />", flagged: true),
                .init(
                    "form.html",
                    "<form>\n  <label for=\"email\"></label>\n  <input id=\"email\" type=\"email\">\n</form>",
                    flagged: true),
                .init(
                    "form.html", "<label for=\"email\">Email</label>\n<input id=\"email\" type=\"text\">",
                    flagged: false),
                .init("form.html", "<label>Email <input type=\"text\" name=\"email\"></label>", flagged: false),
                .init("form.html", "<input type=\"hidden\" name=\"csrf\" value=\"x\">", flagged: false),
                .init("Editor.svelte", "<input hidden name=\"tag\" value={tag} />", flagged: false),
                .init("Form.jsx", "<input aria-label=\"Search\" value={q} />", flagged: false),
                .init("Form.jsx", "<label>{t('email')} <input type=\"email\" /></label>", flagged: false),
                .init("partial.html", "<input id=\"coupon\" type=\"text\" name=\"coupon\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.label-title-only", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["title"],
            patterns: [
                .init(
                    .text,
                    #"<(input|select|textarea)\b"# + has("title" + nonBlank)
                        + lacks(#"(?:aria-label|aria-labelledby)\]?\s*="#) + attributes + ">")
            ],
            excludes: [
                .init(.text, #"\btype\s*=\s*["'{]*(hidden|submit|button|reset|image)\b"#), .init(.text, spread),
                .init(.text, ariaHidden), .init(.text, notRendered),
                .init(.text, "^" + attributes + name + #"role\s*=\s*["']?\s*(?!none|presentation)[a-z]"#),
            ],
            conditions: [.notLabelled],
            multiline: true,
            message: "Form control named only by its title",
            recommendation:
                "A title shows as a tooltip on hover only: sighted users see no label and touch users never see it. Add a visible <label>.",
            examples: [
                .init("search.html", "<input type=\"search\" name=\"q\" title=\"Search\">", flagged: true),
                .init(
                    "search.html", "<label for=\"q\">Search</label>\n<input id=\"q\" type=\"search\" title=\"Search\">",
                    flagged: false),
                .init("search.html", "<input type=\"search\" title=\"Search\" aria-label=\"Search\">", flagged: false),
                .init("search.html", "<input type=\"submit\" title=\"Search\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.button-name", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["<button", "<input"],
            patterns: [
                .init(.text, #"<button\b"# + pointAtName + attributes + ">" + noText + #"</button\s*>"#),
                .init(.text, #"<button\b"# + pointAtName + attributes + "/>", languages: [.javascript, .typescript]),
                .init(.text, #"<input\b"# + pointAtName + has(#"type\s*=\s*["'{]*\s*button\b"#) + attributes + ">"),
                .init(
                    .text,
                    #"<input\b"# + pointAtName + has(#"type\s*=\s*["'{]*\s*(?:submit|reset)\b"#)
                        + has(#"value\s*=\s*(?:"\s*"|'\s*')"#) + attributes + ">"),
            ],
            excludes: [
                .init(.text, named), .init(.text, #"^<input\b"# + attributes + name + "value" + nonBlank),
                .init(.text, disabled),
                .init(.text, notRendered), .init(.text, spread), .init(.text, ariaHidden), .init(.text, contentBinding),
            ],
            conditions: [.notLabelled, .notNamedByReference],
            multiline: true,
            message: "Button without a name",
            recommendation: "Put text in the button, or name an icon button with aria-label (aria-label=\"Close\").",
            examples: [
                .init("dialog.html", "<button class=\"close\"></button>", flagged: true),
                .init("dialog.html", "<button class=\"close\">\n  <i class=\"icon-x\"></i>\n</button>", flagged: true),
                .init("Dialog.jsx", "<button className=\"close\" onClick={onClose} />", flagged: true),
                .init(
                    "Toolbar.jsx",
                    "<button onClick={zoomIn}>\n  <svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M12 5v14M5 12h14\" /></svg>\n</button>",
                    flagged: true),
                .init("form.html", "<input type=\"button\" onclick=\"more()\">", flagged: true),
                .init("form.html", "<input type=\"submit\" value=\"\">", flagged: true),
                .init(
                    "dialog.html",
                    "<span id=\"close-label\"></span>\n<button aria-labelledby=\"close-label\"></button>",
                    flagged: true),
                .init("dialog.html", "<button aria-labelledby=\"no-such-id\"></button>", flagged: true),
                .init(
                    "dialog.html",
                    "<span id=\"close-label\" hidden>Close</span>\n<button aria-labelledby=\"close-label\"></button>",
                    flagged: false),
                .init(
                    "Dialog.jsx", "<button aria-labelledby=\"dialog-close-label\" onClick={onClose} />", flagged: false),
                .init(
                    "dialog.html", "<button class=\"close\" aria-label=\"Close\"><i class=\"icon-x\"></i></button>",
                    flagged: false),
                .init(
                    "Toolbar.jsx",
                    "<button onClick={zoomIn}>\n  <svg viewBox=\"0 0 24 24\"><title>Zoom in</title><path d=\"M12 5v14\" /></svg>\n</button>",
                    flagged: false),
                .init("Dialog.jsx", "<button onClick={onClose}>{t('close')}</button>", flagged: false),
                .init("Dialog.vue", "<button class=\"close\" v-text=\"closeLabel\"></button>", flagged: false),
                .init("form.html", "<input type=\"submit\">", flagged: false),
                .init("form.html", "<input type=\"button\" value=\"More\" onclick=\"more()\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.link-name", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["<a"],
            patterns: [
                .init(
                    .text,
                    #"<a\b"# + pointAtName + has(#"href\s*="#)
                        + lacks(#"role\s*=\s*["']?\s*(?!none|presentation)[a-z]"#) + attributes
                        + ">" + noText + #"</a\s*>"#)
            ],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, ariaHidden), .init(.text, notRendered),
                .init(.text, contentBinding),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Link without a name",
            recommendation: "Put text in the link, or name an icon link with aria-label (aria-label=\"Twitter\").",
            examples: [
                .init(
                    "footer.html", "<a href=\"https://twitter.com/shop\"><i class=\"fa fa-twitter\"></i></a>",
                    flagged: true),
                .init("Footer.jsx", "<a href={profileUrl}></a>", flagged: true),
                .init(
                    "footer.html",
                    "<a href=\"https://twitter.com/shop\" aria-label=\"Twitter\"><i class=\"fa fa-twitter\"></i></a>",
                    flagged: false),
                .init("footer.html", "<a href=\"/about\">About us</a>", flagged: false),
                .init("page.html", "<a name=\"top\"></a>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-widget-name", category: .accessibility, severity: .high, languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    #"<(?!a\b|button\b|input\b|img\b|select\b|textarea\b|summary\b)([a-z][\w-]*)\b"# + pointAtName
                        + has(
                            role(
                                "button|link|menuitem|tab|treeitem|tooltip|meter|progressbar|checkbox|menuitemcheckbox|menuitemradio|radio|switch|option"
                            )) + attributes + open
                        + noText + #"</\1\s*>"#)
            ],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, ariaHidden), .init(.text, contentBinding),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message:
                "Element with a widget role (button, link, menu item, tab, checkbox, switch, tooltip, progress bar…) has no name",
            recommendation:
                "Give it text content, aria-label or aria-labelledby pointing at text; better, use a real <button>, <a href> or <input type=\"checkbox\">.",
            examples: [
                .init("menu.html", "<div role=\"button\" tabindex=\"0\" class=\"kebab\"></div>", flagged: true),
                .init(
                    "Tabs.jsx", "<li role=\"tab\" aria-selected={active}>\n  <span className=\"icon\"></span>\n</li>",
                    flagged: true),
                .init(
                    "prefs.html", "<div role=\"switch\" aria-checked=\"true\">\n  <span></span>\n</div>", flagged: true),
                .init(
                    "menu.html",
                    "<div role=\"button\" tabindex=\"0\" aria-label=\"More actions\" class=\"kebab\"></div>",
                    flagged: false),
                .init("menu.html", "<div role=\"menuitem\">Rename</div>", flagged: false),
                .init(
                    "prefs.html",
                    "<p id=\"wrap-label\">Word wrap</p>\n<div role=\"switch\" aria-checked=\"true\" aria-labelledby=\"wrap-label\"></div>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-name-empty", category: .accessibility, severity: .high,
            languages: markupLanguages,
            keywords: ["aria-label"],
            patterns: [
                .init(
                    .text,
                    #"<(?!input\b|select\b|textarea\b|button\b|a\b|img\b)[a-z][\w-]*\b"# + pointAtName
                        + has(role("combobox|listbox|searchbox|slider|spinbutton|textbox|dialog|alertdialog"))
                        + has(#"aria-label(?:ledby)?\s*="#) + attributes + ">")
            ],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, ariaHidden), .init(.text, notRendered),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message:
                "Dialog, text box, combo box, list box or slider whose aria-label is blank or whose aria-labelledby names nothing",
            recommendation:
                "These roles take their name only from the author, never from their content: put text in aria-label, or point aria-labelledby at an element with text.",
            examples: [
                .init("search.html", "<div role=\"combobox\" aria-label=\" \">England</div>", flagged: true),
                .init(
                    "cookies.html", "<div role=\"dialog\" aria-labelledby=\"cookies-title\">\n  <h2></h2>\n</div>",
                    flagged: true),
                .init(
                    "search.html",
                    "<p id=\"country-label\">Country</p>\n<div role=\"combobox\" aria-labelledby=\"country-label\"></div>",
                    flagged: false),
                .init(
                    "cookies.html",
                    "<div role=\"dialog\" aria-labelledby=\"cookies-title\">\n  <h2 id=\"cookies-title\">Cookies</h2>\n</div>",
                    flagged: false),
                .init("Cookies.jsx", "<div role=\"alertdialog\" aria-labelledby={titleId}>", flagged: false),
            ]),
        Rule(
            id: "accessibility.summary-name", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<summary"],
            patterns: [.init(.text, #"<summary\b"# + pointAtName + attributes + ">" + noText + #"</summary\s*>"#)],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, ariaHidden), .init(.text, contentBinding),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Disclosure summary without a name",
            recommendation: "Put text in the <summary> (or aria-label) so screen readers can announce what it expands.",
            examples: [
                .init(
                    "faq.html", "<details>\n  <summary></summary>\n  Shipping takes 3 days.\n</details>", flagged: true),
                .init(
                    "faq.html",
                    "<details>\n  <summary>How long is shipping?</summary>\n  Shipping takes 3 days.\n</details>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.frame-title", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<iframe", "<frame"],
            patterns: [.init(.text, #"<i?frame\b"# + pointAtName + attributes + ">")],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, notRendered),
                // a decorative frame, unless a blank title says the author meant to name it
                .init(.text, "^" + lacks(#"(?:title|aria-label)\s*="#) + decorative),
                .init(.text, ariaHidden),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Frame without a title",
            recommendation: "Give the <iframe> a title that says what it contains (title=\"Store locator map\").",
            examples: [
                .init("contact.html", "<iframe src=\"https://maps.example.com/embed?q=shop\"></iframe>", flagged: true),
                .init(
                    "contact.html",
                    "<iframe src=\"https://maps.example.com/embed?q=shop\" title=\"Map to the shop\"></iframe>",
                    flagged: false),
                .init(
                    "index.html",
                    "<iframe src=\"https://tags.example.com/ns.html\" height=\"0\" width=\"0\" style=\"display:none\"></iframe>",
                    flagged: false),
                .init("ads.html", "<iframe src=\"/ad\" role=\"presentation\"></iframe>", flagged: false),
                .init("ads.html", "<iframe src=\"/ad\" role=\"presentation\" title=\" \"></iframe>", flagged: true),
            ]),
        Rule(
            id: "accessibility.empty-heading", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["<h"],
            patterns: [.init(.text, #"<h([1-6])\b"# + attributes + #">\s*</h\1\s*>"#)],
            excludes: [
                .init(.text, named), .init(.text, spread), .init(.text, ariaHidden), .init(.text, name + #"role\s*="#),
                .init(.text, contentBinding),
            ],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Empty heading",
            recommendation:
                "Give the heading text, or remove it; screen-reader users navigate by headings and hear nothing here.",
            examples: [
                .init("page.html", "<h2 class=\"section-title\"></h2>", flagged: true),
                .init("page.html", "<h2 class=\"section-title\">Reviews</h2>", flagged: false),
                .init("Section.jsx", "<h2>{title}</h2>", flagged: false),
            ]),
        Rule(
            id: "accessibility.empty-table-header", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["rowheader", "columnheader"],
            patterns: [
                .init(
                    .text,
                    #"<([a-z][\w-]*)\b"# + has(role("rowheader|columnheader")) + attributes + open
                        + #"(?:\s|&nbsp;|<([a-z]+)\b(?=[^<>]*(?:display\s*:\s*none|(?<![\w-])hidden\b))[^<>]*>[^<]*</\2\s*>)*</\1\s*>"#
                )
            ],
            excludes: [.init(.text, named), .init(.text, spread), .init(.text, contentBinding)],
            conditions: [.notNamedByReference],
            multiline: true,
            message: "Table header cell with nothing to read",
            recommendation:
                "Give the row or column header visible text: screen readers announce it with every cell of its row or column.",
            examples: [
                .init(
                    "grid.html",
                    "<div role=\"row\">\n  <div role=\"columnheader\">\n    <span hidden>Price</span>\n  </div>\n</div>",
                    flagged: true),
                .init(
                    "grid.html", "<div role=\"row\">\n  <div role=\"columnheader\">Price</div>\n</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.label-content-mismatch", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["aria-label"],
            patterns: [
                .init(
                    .text,
                    #"(?i)<(button|a(?="# + attributes + #"href)|[a-z][\w-]*(?="# + attributes
                        + #"role\s*=\s*["']?(?:button|link|menuitem|tab|checkbox|radio|switch|option|treeitem)\b))\b"#
                        + has(#"aria-label\s*=\s*"[^"]*[a-z]"#)
                        // the visible text (group 2, with a word of four letters), then: aria-label does not contain it
                        + "(?=" + attributes + #">\s*(?=[^<>{}]*[a-z]{4})([^<>{}]*[^<>{}\s])\s*</\1\s*>)(?!"#
                        + attributes
                        + #"aria-label\s*=\s*"[^"]*\2)"# + attributes + ">")
            ],
            multiline: true,
            message: "The accessible name does not contain the visible text",
            recommendation:
                "Start aria-label with the words shown on screen (or drop it), so voice-control users can say what they see.",
            examples: [
                .init("pager.html", "<button aria-label=\"Go\">Next page</button>", flagged: true),
                .init("pager.html", "<button aria-label=\"Next page of results\">Next page</button>", flagged: false),
                .init("pager.html", "<button aria-label=\"Close\">×</button>", flagged: false),
            ]),
    ]

    // MARK: ARIA attributes and roles

    static let aria: [Rule] = [
        Rule(
            id: "accessibility.aria-role-invalid", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                // Each token is a whole word (`*+`): a backtracking `[\w-]*` would try every split of a long word
                // when the quote is never closed (2^n attempts, seconds for 17 letters).
                .init(
                    .text,
                    #"(?<=\s)role\s*=\s*(?:"\s*(?:(?!(?i:"# + validRoles
                        + #")[\s"])[a-zA-Z][\w-]*+\s*)+"|'\s*(?:(?!(?i:"# + validRoles
                        + #")[\s'])[a-zA-Z][\w-]*+\s*)+')"#)
            ],
            message: "Unknown or abstract ARIA role",
            recommendation:
                "Use a role from the ARIA specification (button, dialog, navigation…); abstract roles such as \"widget\" or \"section\" cannot be used on elements.",
            examples: [
                .init("nav.html", "<div role=\"nav\">", flagged: true),
                .init("nav.html", "<div role=\"widget\">", flagged: true),
                .init("nav.html", "<div role=\"navigation\">", flagged: false),
                .init("nav.html", "<div role=\"switch checkbox\">", flagged: false),
                .init("Nav.vue", "<div :role=\"kind\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-attribute-invalid", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["aria-"],
            patterns: [.init(.text, #"(?<=\s)aria-(?!(?:"# + ariaAttributes + #")(?![\w-]))[a-z]+(?:-[a-z]+)*\s*="#)],
            message: "Unknown aria-* attribute",
            recommendation:
                "Check the spelling: assistive technology ignores aria attributes it does not know (aria-labelledby has two l's).",
            examples: [
                .init("menu.html", "<ul aria-labeledby=\"menu-title\">", flagged: true),
                .init("Menu.jsx", "<ul aria-role=\"menu\">", flagged: true),
                .init("menu.html", "<ul aria-labelledby=\"menu-title\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-value-invalid", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["aria-"],
            patterns: [
                .init(
                    .text,
                    ariaValue("atomic|busy|disabled|modal|multiline|multiselectable|readonly|required", "true|false")),
                .init(.text, ariaValue("expanded|hidden|selected|grabbed", "true|false|undefined")),
                .init(.text, ariaValue("checked|pressed", "true|false|mixed|undefined")),
                .init(.text, ariaValue("invalid", "true|false|grammar|spelling")),
                .init(.text, ariaValue("autocomplete", "inline|list|both|none")),
                .init(.text, ariaValue("haspopup", "true|false|menu|listbox|tree|grid|dialog")),
                .init(.text, ariaValue("live", "off|polite|assertive")),
                .init(.text, ariaValue("orientation", "horizontal|vertical|undefined")),
                .init(.text, ariaValue("sort", "ascending|descending|none|other")),
                .init(.text, ariaValue("relevant", #"(?:(?:additions|removals|text|all)\s*)+"#)),
                .init(.text, ariaValue("dropeffect", #"(?:(?:copy|execute|link|move|none|popup)\s*)+"#)),
                // positions and levels start at 1; counts and sizes may be -1 (unknown)
                .init(.text, ariaValue("level|posinset|colindex|rowindex|colspan", #"\+?0*[1-9]\d*"#)),
                .init(.text, ariaValue("setsize|colcount|rowcount", #"\+?\d+|-1"#)),
                .init(.text, ariaValue("rowspan", #"\+?\d+"#)),
                .init(.text, ariaValue("valuemax|valuemin|valuenow", #"[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?"#)),
                .init(.text, #"(?<=\s)aria-(?:activedescendant|errormessage)\s*=\s*["']\s*[\w-]+\s+[\w-]+"#),
                .init(.text, #"(?<=\s)aria-current\s*=\s*["']\s*(?i:current|active|selected|yes|on|1)\s*["']"#),
            ],
            message: "ARIA attribute with a value it does not accept",
            recommendation:
                "Boolean ARIA states take \"true\" or \"false\" (not \"yes\" or the attribute's name), tokens come from the specification's list (aria-live: polite, assertive, off; aria-sort: ascending, descending, none, other), levels and positions start at 1; aria-activedescendant names one id.",
            examples: [
                .init("menu.html", "<div aria-hidden=\"hidden\">", flagged: true),
                .init("feed.html", "<div aria-live=\"true\">", flagged: true),
                .init("search.html", "<input aria-autocomplete=\"off\" aria-label=\"Search\">", flagged: true),
                .init("table.html", "<th aria-sort=\"asc\">Name</th>", flagged: true),
                .init("feed.html", "<div aria-live=\"Polite\" aria-relevant=\"additions text\">", flagged: false),
                .init("table.html", "<th aria-sort=\"ascending\">Name</th>", flagged: false),
                .init("menu.html", "<button aria-expanded=\"{{ open }}\">", flagged: false),
                .init("tree.html", "<li role=\"treeitem\" aria-level=\"0\">", flagged: true),
                .init("list.html", "<div aria-busy=\"loading\">", flagged: true),
                .init("slider.html", "<div role=\"slider\" aria-valuenow=\"half\">", flagged: true),
                .init(
                    "slider.html", "<div role=\"slider\" aria-valuenow=\"-.5\" aria-valuemax=\"1e3\">", flagged: false),
                .init("feed.html", "<div aria-relevant=\"additions removed\">", flagged: true),
                .init("menu.html", "<button aria-haspopup=\"Menu\" aria-pressed=\"mixed\">", flagged: false),
                .init("menu.html", "<button aria-expanded=\"<?= $open ?>\" aria-hidden=\"${hidden}\">", flagged: false),
                .init("menu.html", "<div aria-hidden=\"true\">", flagged: false),
                .init("Menu.vue", "<div :aria-expanded=\"open\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-reference-missing", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["aria-activedescendant", "aria-controls", "aria-flowto", "aria-owns"],
            patterns: [
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"#
                        + has(
                            #"aria-(?:activedescendant|controls|flowto|owns)\s*=\s*["']\s*(?<ids>[\w.:-]+(?:\s+[\w.:-]+)*)\s*["']"#
                        )
                        + attributes + ">")
            ],
            // a collapsed widget's popup, or one that opens on demand, may be rendered later
            excludes: [
                .init(.text, name + #"aria-expanded\s*=\s*["']?\s*false"#), .init(.text, name + "aria-haspopup"),
                .init(.text, spread),
            ],
            conditions: [.missingReference],
            multiline: true,
            message: "aria-activedescendant, aria-controls, aria-flowto or aria-owns names no element of the page",
            recommendation:
                "Point the attribute at the id of an element that exists (ids are case-sensitive), or remove it: assistive technology cannot follow a reference to nothing.",
            examples: [
                .init(
                    "list.html",
                    "<div role=\"listbox\" aria-activedescendant=\"opt-1\">\n  <div id=\"opt1\" role=\"option\">One</div>\n</div>",
                    flagged: true),
                .init(
                    "tabs.html", "<button aria-controls=\"panel-1\">Intro</button>\n<div id=\"panel-1\">Hello</div>",
                    flagged: false),
                .init(
                    "menu.html", "<button aria-controls=\"menu\" aria-expanded=\"false\">Menu</button>", flagged: false),
                .init("Tabs.vue", "<button aria-controls=\"panel-1\">{{ title }}</button>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-required-attribute", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    #"<(?!input\b)[a-z][\w-]*\b"# + has(role("checkbox|radio|switch|menuitemcheckbox|menuitemradio"))
                        + lacks("aria-checked" + nonBlank) + attributes + ">"),
                .init(
                    .text,
                    #"<(?!h[1-6]\b)[a-z][\w-]*\b"# + has(role("heading")) + lacks("aria-level" + nonBlank) + attributes
                        + ">"),
                .init(
                    .text,
                    #"<(?!input\b|meter\b|progress\b)[a-z][\w-]*\b"# + has(role("scrollbar|slider|meter"))
                        + lacks("aria-valuenow" + nonBlank) + lacks("aria-valuetext" + nonBlank) + attributes + ">"),
                .init(
                    .text,
                    #"<(?!hr\b)[a-z][\w-]*\b"# + has(role("separator")) + has(#"(?i:tabindex)\s*=\s*["'{]*\s*[+-]?\d"#)
                        + lacks("aria-valuenow" + nonBlank) + attributes + ">"),
                .init(
                    .text,
                    #"<(?!select\b)[a-z][\w-]*\b"# + has(role("combobox")) + lacks("aria-expanded" + nonBlank)
                        + attributes + ">"),
                .init(
                    .text,
                    #"<(?!select\b)[a-z][\w-]*\b"# + has(role("combobox")) + has(#"aria-expanded\s*=\s*["']\s*true"#)
                        + lacks("aria-controls" + nonBlank) + attributes + ">"),
            ],
            excludes: [.init(.text, spread), .init(.text, notRendered)],
            multiline: true,
            message: "Element with an ARIA role lacks the state its role requires",
            recommendation:
                "Screen readers announce the state from these attributes: checkboxes, radios and switches need aria-checked; headings aria-level; sliders, scrollbars, meters and focusable separators aria-valuenow; a combobox aria-expanded (and aria-controls naming its popup while expanded).",
            examples: [
                .init("prefs.html", "<span role=\"checkbox\" tabindex=\"0\">Dark mode</span>", flagged: true),
                .init("page.html", "<div role=\"heading\">Results</div>", flagged: true),
                .init(
                    "player.html", "<div\n  role=\"slider\"\n  tabindex=\"0\"\n  aria-valuemin=\"0\"\n></div>",
                    flagged: true),
                .init("search.html", "<div role=\"combobox\" aria-expanded=\"true\">Country</div>", flagged: true),
                .init(
                    "prefs.html", "<span role=\"checkbox\" tabindex=\"0\" aria-checked=\"false\">Dark mode</span>",
                    flagged: false),
                .init("Prefs.vue", "<span role=\"switch\" :aria-checked=\"on\">Dark mode</span>", flagged: false),
                .init("page.html", "<div role=\"heading\" aria-level=\"2\">Results</div>", flagged: false),
                .init(
                    "player.html", "<div role=\"slider\" aria-valuetext=\"3 minutes\" tabindex=\"0\"></div>",
                    flagged: false),
                .init("form.html", "<input type=\"checkbox\" role=\"switch\">", flagged: false),
                .init("page.html", "<div role=\"separator\"></div>", flagged: false),
                .init("search.html", "<div role=\"combobox\" aria-expanded=\"false\">Country</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-field-name", category: .accessibility, severity: .high,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    #"<(?!input\b|select\b|textarea\b|button\b|a\b|img\b)[a-z][\w-]*\b"#
                        + has(role("combobox|listbox|searchbox|slider|spinbutton|textbox"))
                        + lacks(#"(?:aria-label|aria-labelledby|title)\]?\s*="#) + attributes + ">")
            ],
            excludes: [.init(.text, spread), .init(.text, ariaHidden), .init(.text, notRendered)],
            multiline: true,
            message: "Form field built with an ARIA role (textbox, combobox, listbox, slider…) has no name",
            recommendation:
                "These roles take their name only from aria-label, aria-labelledby or title: its text and a <label> around it or pointing at it are not read; better, use a native <input>, <select> or <textarea> with a <label>.",
            examples: [
                .init("form.html", "<label>Name <div role=\"textbox\" contenteditable></div></label>", flagged: true),
                .init("form.html", "<div role=\"combobox\" aria-expanded=\"false\">England</div>", flagged: true),
                .init("form.html", "<div role=\"textbox\" contenteditable aria-label=\"Name\"></div>", flagged: false),
                .init(
                    "form.html",
                    "<p id=\"c\">Country</p>\n<div role=\"combobox\" aria-labelledby=\"c\" aria-expanded=\"false\"></div>",
                    flagged: false),
                .init("Field.jsx", "<div role=\"textbox\" {...props}></div>", flagged: false),
                .init("Field.vue", "<div role=\"textbox\" contenteditable v-bind=\"$attrs\"></div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.dialog-name", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["dialog"],
            patterns: [
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + has(role("dialog|alertdialog"))
                        + lacks(#"(?:aria-label|aria-labelledby|title)\]?\s*="#) + attributes + ">")
            ],
            excludes: [.init(.text, spread), .init(.text, notRendered)],
            multiline: true,
            message: "Dialog without a name",
            recommendation:
                "Name the dialog so screen readers announce what opened: aria-labelledby pointing at its heading, or aria-label.",
            examples: [
                .init("cookies.html", "<div role=\"dialog\">\n  <p>We use cookies.</p>\n</div>", flagged: true),
                .init(
                    "cookies.html", "<div role=\"dialog\" aria-labelledby=\"t\">\n  <h2 id=\"t\">Cookies</h2>\n</div>",
                    flagged: false),
                .init("cookies.html", "<dialog open>\n  <h2>Cookies</h2>\n</dialog>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-deprecated-role", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [.init(.text, name + #"role\s*=\s*["']\s*(?:directory|doc-biblioentry|doc-endnote)["'\s]"#)],
            message: "Deprecated ARIA role",
            recommendation:
                "Assistive technology may drop these roles: use role=\"list\" for a directory, and list items inside doc-bibliography or doc-endnotes for entries.",
            examples: [
                .init("links.html", "<ul role=\"directory\">", flagged: true),
                .init("book.html", "<li role=\"doc-endnote\">", flagged: true),
                .init("links.html", "<ul role=\"list\">", flagged: false),
                .init("book.html", "<section role=\"doc-endnotes\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-errormessage-hidden", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["aria-errormessage"],
            patterns: [
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + has(#"aria-invalid\s*=\s*["']?\s*true"#)
                        + has(#"aria-errormessage\s*=\s*["']\s*(?<ids>[^"'\s]+)\s*["']"#) + attributes + ">")
            ],
            conditions: [.hiddenReference],
            multiline: true,
            message: "Invalid field whose error message is hidden or empty",
            recommendation:
                "When aria-invalid is true, the element named by aria-errormessage must show the message: unhide it and give it text (or make it a live region that is filled).",
            examples: [
                .init(
                    "signup.html",
                    "<input id=\"email\" aria-invalid=\"true\" aria-errormessage=\"email-error\">\n<p id=\"email-error\" hidden>Enter an e-mail address.</p>",
                    flagged: true),
                .init(
                    "signup.html",
                    "<input id=\"email\" aria-invalid=\"true\" aria-errormessage=\"email-error\">\n<p id=\"email-error\">Enter an e-mail address.</p>",
                    flagged: false),
                .init(
                    "signup.html",
                    "<input id=\"email\" aria-invalid=\"false\" aria-errormessage=\"email-error\">\n<p id=\"email-error\" hidden>Enter an e-mail address.</p>",
                    flagged: false),
                .init(
                    "signup.html",
                    "<input id=\"email\" aria-invalid=\"true\" aria-errormessage=\"email-error\">\n<p id=\"email-error\" role=\"alert\"></p>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-attribute-not-allowed", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["aria-"],
            patterns: [
                .init(.text, allowedOnly("selected", roles: "gridcell|option|row|tab|columnheader|rowheader|treeitem")),
                .init(
                    .text,
                    allowedOnly(
                        "checked", roles: "checkbox|menuitemcheckbox|menuitemradio|option|radio|switch|treeitem")),
                .init(.text, allowedOnly("pressed", roles: "button")),
                .init(.text, allowedOnly(#"multiline\s*=\s*["']\s*true"#, roles: "textbox|searchbox")),
                .init(.text, allowedOnly("placeholder", roles: "textbox|searchbox")),
                .init(.text, allowedOnly("multiselectable", roles: "grid|listbox|tablist|tree|treegrid")),
                .init(.text, #"<(?:br|wbr)\b"# + has(#"aria-(?!hidden)[a-z]+\s*="#) + attributes + ">"),
            ],
            excludes: [.init(.text, spread)],
            multiline: true,
            message: "ARIA attribute that the element's role does not support",
            recommendation:
                "Remove the attribute or use the role it belongs to (aria-selected is for options, tabs and grid cells; aria-pressed for buttons).",
            examples: [
                .init("tabs.html", "<div role=\"link\" aria-selected=\"true\">Home</div>", flagged: true),
                .init("search.html", "<div role=\"combobox\" aria-multiline=\"true\"></div>", flagged: true),
                .init("editor.html", "<div role=\"textbox\" aria-multiline=\"true\"></div>", flagged: false),
                .init("tabs.html", "<div role=\"tab\" aria-selected=\"true\">Home</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-label-prohibited", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["aria-label"],
            patterns: [
                .init(
                    .text,
                    "<" + namedTag + insideControl
                        + #"(span|div|p|b|i|u|s|small|kbd|abbr|code|strong|em|sub|sup|[a-z]+-[a-z-]+)\b"#
                        + lacks(#"role\s*="#) + has(ariaNamed)
                        + attributes + emptyElementEnd),
                .init(
                    .text,
                    "<" + namedTag + insideControl + #"([a-z][\w-]*)\b"#
                        + has(
                            role(
                                "caption|code|deletion|emphasis|generic|insertion|paragraph|strong|subscript|superscript|mark|suggestion|presentation|none"
                            ))
                        + has(ariaNamed) + attributes + emptyElementEnd),
            ],
            excludes: [.init(.text, spread), .init(.text, name + #"(?i:tabindex)\s*="#)],
            multiline: true,
            message: "Empty element named with aria-label that cannot be named",
            recommendation:
                "Screen readers ignore names on text-level and generic elements, so this says nothing: put the text in the content (a visually hidden span), or give the element a role that takes a name (role=\"img\").",
            examples: [
                .init("toolbar.html", "<i class=\"icon-star\" aria-label=\"Favourite\"></i>", flagged: true),
                .init("Toolbar.jsx", "<span className=\"icon-star\" aria-label=\"Favourite\" />", flagged: true),
                .init(
                    "toolbar.html", "<i class=\"icon-star\" role=\"img\" aria-label=\"Favourite\"></i>", flagged: false),
                .init("form.html", "Name <span aria-label=\"required\">*</span>", flagged: false),
                .init(
                    "toolbar.html",
                    "<button class=\"fav\"><i class=\"icon-star\" aria-label=\"Favourite\"></i></button>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-hidden-focus", category: .accessibility, severity: .high,
            languages: markupLanguages,
            keywords: ["aria-hidden"],
            patterns: [
                .init(
                    .text,
                    #"<(?:a\b"# + has("href") + #"|button\b|input\b|select\b|textarea\b|summary\b|[a-z][\w-]*\b"#
                        + has(#"(?i:tabindex)\s*=\s*["'{]*\s*\+?\d"#) + ")" + has(#"aria-hidden\s*=\s*["'{]*\s*true"#)
                        + attributes + ">"),
                .init(
                    .text,
                    "<" + void + #"([a-z][\w-]*)\b"# + has(#"aria-hidden\s*=\s*["'{]*\s*true"#) + attributes + open
                        + #"(?:(?!</\1\s*>)[\s\S]){0,600}?<(?:a\b(?=[^<>]*\bhref)|button\b|input\b|select\b|textarea\b|summary\b|area\b(?=[^<>]*\bhref)|[a-z][\w-]*\b(?=[^<>]*\b(?i:tabindex)\s*=\s*["']?\s*\d))(?![^<>]*(?:(?i:tabindex)\s*=\s*["']?\s*-|\bdisabled\b|display\s*:\s*none|\bhidden\b))"#
                ),
            ],
            excludes: [.init(.text, #"(?<![\w-])inert\b"#), .init(.text, disabled)],
            multiline: true,
            message: "Focusable element hidden from screen readers",
            recommendation:
                "Keyboard users still reach it but hear nothing: remove aria-hidden, or take the content out of the tab order (tabindex=\"-1\", disabled, inert).",
            examples: [
                .init(
                    "carousel.html",
                    "<div class=\"slide\" aria-hidden=\"true\">\n  <a href=\"/sale\">Shop the sale</a>\n</div>",
                    flagged: true),
                .init("menu.html", "<button aria-hidden=\"true\" class=\"close\">×</button>", flagged: true),
                .init(
                    "carousel.html",
                    "<div class=\"slide\" aria-hidden=\"true\">\n  <a href=\"/sale\" tabindex=\"-1\">Shop the sale</a>\n</div>",
                    flagged: false),
                .init("icon.html", "<span aria-hidden=\"true\" class=\"icon-star\"></span>", flagged: false),
            ]),
        Rule(
            id: "accessibility.presentation-role-conflict", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["role", "alt"],
            patterns: [
                .init(
                    .text,
                    #"<(?!button\b|input\b|select\b|textarea\b|a\b|iframe\b|object\b)[a-z][\w-]*\b"#
                        + has(presentational)
                        + has("(?:" + presentationConflict + "|(?:aria-label|aria-labelledby)" + nonBlank + ")")
                        + attributes + ">"),
                .init(
                    .text,
                    #"<img\b"# + has(#"alt(?:\s*=\s*(?:""|'')|(?=[\s/>]))"#)
                        + has("(?:" + presentationConflict + "|(?:aria-label|aria-labelledby)" + nonBlank + ")")
                        + attributes + ">"),
            ],
            multiline: true,
            message: "Element marked decorative but focusable or labelled",
            recommendation:
                "Decide: remove role=\"none\"/alt=\"\" if it carries meaning, or remove the tabindex, aria-label and live-region attributes.",
            examples: [
                .init("hero.html", "<img src=\"hero.jpg\" alt=\"\" tabindex=\"0\">", flagged: true),
                .init("list.html", "<li role=\"presentation\" aria-label=\"Summary\">Total</li>", flagged: true),
                .init("hero.html", "<img src=\"hero.jpg\" alt=\"\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-roledescription", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["aria-roledescription"],
            patterns: [
                .init(
                    .text,
                    #"<(?:div|span|p|b|i|u|s|small|kbd|abbr|code|strong|em|sub|sup|[a-z]+-[a-z-]+)\b"#
                        + lacks(#"role\s*="#) + has(#"aria-roledescription\s*="#) + attributes + ">"),
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + has(role("none|presentation|generic")) + has(#"aria-roledescription\s*="#)
                        + attributes + ">"),
            ],
            multiline: true,
            message: "aria-roledescription on an element without a meaningful role",
            recommendation:
                "Only describe roles that exist: give the element a role (role=\"group\", \"button\"…) or drop aria-roledescription.",
            examples: [
                .init("deck.html", "<div aria-roledescription=\"slide\">…</div>", flagged: true),
                .init(
                    "deck.html", "<section role=\"group\" aria-roledescription=\"slide\">…</section>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-role-not-allowed", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    #"<(?:dd|dt|label|legend|caption|textarea|meter|progress|col|colgroup|optgroup|datalist)\b"#
                        + has(#"role\s*=\s*["']\s*[a-z]"#) + attributes + ">"),
                .init(.text, #"<main\b"# + has(roleOtherThan("main")) + attributes + ">"),
                .init(.text, #"<button\b"# + has(roleOtherThan(buttonRoles)) + attributes + ">"),
                .init(.text, #"<a\b"# + has(#"href\s*="#) + has(roleOtherThan(linkRoles)) + attributes + ">"),
                .init(
                    .text,
                    #"<h[1-6]\b"# + has(roleOtherThan("heading|tab|none|presentation|doc-subtitle")) + attributes + ">"),
                .init(.text, #"<aside\b"# + has(roleOtherThan(asideRoles)) + attributes + ">"),
                .init(.text, #"<section\b"# + has(roleOtherThan(sectionRoles)) + attributes + ">"),
                .init(
                    .text,
                    #"<(?:ul|ol)\b"#
                        + has(
                            roleOtherThan(
                                "list|directory|group|listbox|menu|menubar|none|presentation|radiogroup|tablist|toolbar|tree"
                            )) + attributes + ">"),
                .init(
                    .text,
                    #"<embed\b"# + has(roleOtherThan("application|document|img|image|none|presentation")) + attributes
                        + ">"),
                .init(
                    .text,
                    #"<input\b"# + has(#"type\s*=\s*["']?image\b"#) + has(roleOtherThan(imageButtonRoles)) + attributes
                        + ">"),
                .init(
                    .text,
                    #"<input\b"# + has(#"type\s*=\s*["']?(?:text|search|tel|url|email)\b"#) + lacks(#"list\s*="#)
                        + has(roleOtherThan("textbox|combobox|searchbox|spinbutton")) + attributes + ">"),
                .init(.text, #"<img\b"# + has(roleOtherThan(imageRoles)) + attributes + ">"),
            ],
            excludes: [.init(.text, spread)],
            multiline: true,
            message: "Role not allowed on this element",
            recommendation:
                "The element's own semantics conflict with the role: use an element that has the role natively, or a role HTML allows for it.",
            examples: [
                .init("nav.html", "<button role=\"heading\">Settings</button>", flagged: true),
                .init("list.html", "<ul role=\"banner\"><li>Home</li></ul>", flagged: true),
                .init("nav.html", "<button role=\"tab\" aria-selected=\"true\">Settings</button>", flagged: false),
                .init("list.html", "<ul role=\"menu\"><li role=\"menuitem\">Home</li></ul>", flagged: false),
            ]),
    ]

    static let buttonRoles =
        "button|checkbox|combobox|gridcell|link|menuitem|menuitemcheckbox|menuitemradio|option|radio|separator|slider|switch|tab|treeitem|none|presentation"
    static let linkRoles =
        "link|button|checkbox|menuitem|menuitemcheckbox|menuitemradio|option|radio|switch|tab|treeitem|doc-backlink|doc-biblioref|doc-glossref|doc-noteref"
    static let asideRoles =
        "complementary|feed|none|note|presentation|region|search|doc-dedication|doc-example|doc-footnote|doc-glossary|doc-pullquote|doc-tip"
    static let sectionRoles =
        "region|alert|alertdialog|application|banner|complementary|contentinfo|dialog|document|feed|group|log|main|marquee|navigation|none|note|presentation|search|status|tabpanel|doc-(?:abstract|acknowledgments|afterword|appendix|bibliography|chapter|colophon|conclusion|credit|credits|dedication|endnotes|epigraph|epilogue|errata|example|foreword|glossary|index|introduction|notice|pagelist|part|preface|prologue|pullquote|qna|toc)"
    static let imageButtonRoles =
        "button|link|checkbox|gridcell|menuitem|menuitemcheckbox|menuitemradio|option|radio|slider|switch|treeitem"
    static let imageRoles =
        "button|checkbox|link|menuitem|menuitemcheckbox|menuitemradio|meter|option|progressbar|radio|scrollbar|separator|slider|switch|tab|treeitem|doc-cover|img|image|none|presentation|math|graphics-document|graphics-symbol"

    /// An element whose explicit role does not support `attribute` (only `roles` do).
    static func allowedOnly(_ attribute: String, roles: String) -> String {
        let assignment = attribute.contains("=") ? "" : #"\s*="#
        return #"<[a-z][\w-]*\b"# + has(roleOtherThan(roles)) + has("aria-" + attribute + assignment) + attributes + ">"
    }

    /// `kind` list containers whose first child has a role the container does not own.
    static func ownedBy(_ containers: String, children: String) -> String {
        "<" + void + #"([a-z][\w-]*)\b"# + has(role(containers)) + lacks("aria-owns") + attributes + open
            + #"\s*<[a-z][\w-]*\b"#
            + has(#"role\s*=\s*["']\s*(?!(?:"# + children + #"|none|presentation|generic)[\s"'])[a-z]"#)
    }

    // MARK: Structure: lists, tables, landmarks, focus order

    static let skipped = #"<(?:script|template)\b[^<>]*>[^<]*</(?:script|template)\s*>"#
    /// A list item start tag (after `<li`) whose role makes it something other than a list item.
    static let itemRole =
        #"[^<>]*(?<![\w-])role\s*=\s*["']?\s*(?!(?:listitem|none|presentation|doc-biblioentry|doc-endnote)\b)[a-z]"#
    /// Parents that hand their children to an element elsewhere: templates, slots, components, custom elements.
    static let passesChildrenOn = #"^<(?:template|slot|ng-container|ng-template|[A-Z]|[a-z][\w.]*[-:.])"#

    static let structure: [Rule] = [
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
            recommendation:
                "Use a <button> (or <a href>) instead; otherwise add a role, tabindex=\"0\" and a key handler for Enter and Space.",
            examples: [
                .init("index.html", "<div class=\"card\" onclick=\"open()\">Open</div>", flagged: true),
                .init("Card.jsx", "<span onClick={() => setOpen(true)}>Open</span>", flagged: true),
                .init("index.html", "<button type=\"button\" onclick=\"open()\">Open</button>", flagged: false),
                .init(
                    "Card.jsx", "<div role=\"button\" tabIndex={0} onClick={open} onKeyDown={openOnEnter}>Open</div>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.tabindex-positive", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["tabindex"],
            patterns: [.init(.text, name + #"(?i:tabindex)\s*=\s*["'{]*\s*\+?0*[1-9]\d*\s*["'}]"#)],
            message: "Positive tabindex",
            recommendation:
                "Use tabindex=\"0\" (or none) and order the markup instead: a positive tabindex jumps the element ahead of the page's natural focus order.",
            examples: [
                .init("form.html", "<input type=\"search\" tabindex=\"1\" aria-label=\"Search\">", flagged: true),
                .init(
                    "Form.jsx", "<div role=\"button\" tabIndex={2} onClick={go} onKeyDown={go}>Go</div>", flagged: true),
                .init("form.html", "<div role=\"button\" tabindex=\"0\">Go</div>", flagged: false),
                .init("form.html", "<div tabindex=\"-1\" id=\"main\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.nested-interactive", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["role", "<button", "<a"],
            patterns: [
                .init(
                    .text,
                    #"<(button|a)\b"# + attributes + open
                        + #"(?:(?!</\1\s*>)[^<]|<(?!/?\1\b)[^<>]*>){0,40}?<(?:a\b(?=[^<>]*\bhref)|button\b|input\b(?![^<>]*type\s*=\s*["']?hidden)|select\b|textarea\b)(?![^<>]*(?:(?i:tabindex)\s*=\s*["']?\s*-|aria-hidden))"#
                ),
                .init(
                    .text,
                    "<" + void + #"([a-z][\w-]*)\b"#
                        + has(
                            role(
                                "button|link|checkbox|radio|tab|switch|menuitem|menuitemcheckbox|menuitemradio|option|treeitem"
                            ))
                        + attributes + open
                        + #"(?:(?!</\1\s*>)[^<]|<(?!/?\1\b)[^<>]*>){0,40}?<(?:a\b(?=[^<>]*\bhref)|button\b|input\b(?![^<>]*type\s*=\s*["']?hidden)|select\b|textarea\b)"#
                ),
            ],
            multiline: true,
            message: "Interactive element inside another interactive element",
            recommendation:
                "Screen readers announce only the outer control and may not reach the inner one: move the inner control out.",
            examples: [
                .init(
                    "card.html",
                    "<a href=\"/item/1\" class=\"card\">\n  <h3>Lamp</h3>\n  <button onclick=\"save()\">Save</button>\n</a>",
                    flagged: true),
                .init(
                    "card.html",
                    "<div class=\"card\">\n  <a href=\"/item/1\">Lamp</a>\n  <button onclick=\"save()\">Save</button>\n</div>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-required-children", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(.text, ownedBy("list", children: "listitem")),
                .init(.text, ownedBy("listbox", children: "option|group")),
                .init(
                    .text, ownedBy("menu|menubar", children: "menuitem|menuitemcheckbox|menuitemradio|group|separator")),
                .init(.text, ownedBy("tablist", children: "tab")),
                .init(.text, ownedBy("tree", children: "treeitem|group")),
                .init(.text, ownedBy("grid|table|treegrid", children: "row|rowgroup")),
                .init(.text, ownedBy("rowgroup", children: "row")),
                .init(.text, ownedBy("row", children: "cell|gridcell|columnheader|rowheader")),
                .init(
                    .text,
                    "<" + void + #"([a-z][\w-]*)\b"# + has(role("row|suggestion")) + lacks("aria-(?:owns|busy)")
                        + attributes + open + #"\s*</\1\s*>"#),
            ],
            multiline: true,
            message: "ARIA container without the children its role requires",
            recommendation:
                "A role=\"list\" holds role=\"listitem\" children, a menu holds menu items, a row holds cells: fix the child roles or the container's.",
            examples: [
                .init("menu.html", "<div role=\"menu\">\n  <div role=\"button\">Copy</div>\n</div>", flagged: true),
                .init("grid.html", "<div role=\"row\"></div>", flagged: true),
                .init("menu.html", "<div role=\"menu\">\n  <div role=\"menuitem\">Copy</div>\n</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.list-structure", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["<ul", "<ol", "<dl"],
            patterns: [
                .init(
                    .text,
                    #"<(ul|ol)\b"# + lacks(#"role\s*="#) + attributes + #">(?:\s|"# + skipped
                        + #"|<li\b(?!"# + itemRole + #")(?:(?!</?(?:ul|ol|li)\b)[\s\S])*</li\s*>)*<(?:li\b(?="#
                        + itemRole
                        + #")|(?!(?:li|script|template|slot)\b|[/!%?]|[A-Z]|[a-z]\w*[-:]))"#
                ),
                .init(
                    .text,
                    #"<dl\b"# + lacks(#"role\s*="#) + attributes + #">(?:\s|"# + skipped + #"|<(dt|dd)\b"#
                        + lacks("role")
                        + #"(?:(?!</?(?:dl|dt|dd)\b)[\s\S])*</\1\s*>)*<(?:div\b(?![^<>]*\brole\s*=)[^<>]*>\s*(?!<(?:dt|dd|script|template|slot)\b|<[A-Z/]|[{$]|<[%?])|(?!(?:dt|dd|div|script|template|slot)\b|[/!%?]|[A-Z]|[a-z]\w*[-:]))"#
                ),
                .init(.text, #"<dl\b"# + lacks(#"role\s*="#) + attributes + #">(?:\s|"# + skipped + #")*<dd\b"#),
                .init(
                    .text,
                    #"<dl\b"# + lacks(#"role\s*="#) + attributes + #">(?:\s|"# + skipped
                        + #"|<(dt|dd)\b(?:(?!</?(?:dl|dt|dd)\b)[\s\S])*</\1\s*>)*<(?:dt|dd)\b"# + has(#"role\s*="#)),
            ],
            multiline: true,
            message: "List with children that are not list items",
            recommendation:
                "Only <li> (and <script>/<template>) belong directly in <ul>/<ol>, and <dt>/<dd> (or a <div> grouping them) in <dl>, with the term first.",
            examples: [
                .init("list.html", "<ul>\n  <li>One</li>\n  <div>Two</div>\n</ul>", flagged: true),
                .init(
                    "list.ejs",
                    "<ul>\n  <% items.forEach(function (item) { %>\n    <li><%= item %></li>\n  <% }) %>\n</ul>",
                    flagged: false),
                .init("terms.html", "<dl>\n  <dd>Definition first</dd>\n  <dt>Term</dt>\n</dl>", flagged: true),
                .init(
                    "list.html", "<ul>\n  <li>One</li>\n  <li>Two <ul><li>Two a</li></ul></li>\n</ul>", flagged: false),
                .init(
                    "Tabs.jsx",
                    "<ul className=\"nav\">\n  <FeedTab tab={tab} />\n  {tags.map(tag => <li key={tag}>{tag}</li>)}\n</ul>",
                    flagged: false),
                .init("terms.html", "<dl>\n  <div><dt>Term</dt><dd>Definition</dd></div>\n</dl>", flagged: false),
                .init(
                    "terms.html", "<dl>\n  <dt>Term</dt>\n  <dd>Definition</dd>\n  <div>Note</div>\n</dl>",
                    flagged: true),
                .init("Terms.jsx", "<dl>\n  <div>{terms.map(renderTerm)}</div>\n</dl>", flagged: false),
                .init("menu.html", "<ul>\n  <li role=\"menuitem\">Copy</li>\n</ul>", flagged: true),
            ]),
        Rule(
            id: "accessibility.list-item-parent", category: .accessibility, severity: .low, languages: [.html],
            keywords: ["<li"],
            patterns: [.init(.text, #"<li\b"# + lacks(#"role\s*="#) + attributes + ">")],
            // any role on the list is another rule's business
            parents: [
                .init(.text, #"^<(?:ul|ol|menu)\b"#), .init(.text, #"^<[a-z][\w-]*\b"# + has(role("list"))),
                .init(.text, passesChildrenOn),
            ],
            multiline: true,
            message: "List item outside a list",
            recommendation:
                "Put <li> directly in a <ul>, <ol> or <menu>: screen readers announce an item and its position only inside a list.",
            examples: [
                .init("nav.html", "<div class=\"nav\">\n  <li><a href=\"/\">Home</a></li>\n</div>", flagged: true),
                .init("nav.html", "<ul class=\"nav\">\n  <li><a href=\"/\">Home</a></li>\n</ul>", flagged: false),
                .init("nav.html", "<ul>\n  <li>One\n  <li>Two\n</ul>", flagged: false),
                .init("Item.vue", "<li class=\"item\">{{ item.name }}</li>", flagged: false),
                .init("nav.html", "<ul>\n  <template id=\"row\"><li></li></template>\n</ul>", flagged: false),
            ]),
        Rule(
            id: "accessibility.definition-item-parent", category: .accessibility, severity: .low, languages: [.html],
            keywords: ["<dt", "<dd"],
            patterns: [.init(.text, #"<d[td]\b"# + lacks(#"role\s*="#) + attributes + ">")],
            parents: [
                .init(.text, #"^<dl\b"# + lacks(#"role\s*="#)), .init(.text, #"^<div\b"# + lacks(#"role\s*="#)),
                .init(.text, passesChildrenOn),
            ],
            multiline: true,
            message: "Term or definition outside a definition list",
            recommendation:
                "Put <dt> and <dd> in a <dl> (directly, or in a <div> that groups a term with its definitions), and keep roles off the list and the group.",
            examples: [
                .init("terms.html", "<dd>Definition without a list</dd>", flagged: true),
                .init(
                    "terms.html", "<dl role=\"menubar\">\n  <dt>Term</dt>\n  <dd>Definition</dd>\n</dl>", flagged: true),
                .init(
                    "terms.html", "<dl>\n  <div>\n    <dt>Term</dt>\n    <dd>Definition</dd>\n  </div>\n</dl>",
                    flagged: false),
                .init("Term.vue", "<dt>{{ term }}</dt>", flagged: false),
            ]),
        Rule(
            id: "accessibility.aria-text-interactive", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["role"],
            patterns: [
                .init(
                    .text,
                    "<" + void + #"([a-z][\w-]*)\b"# + has(role("text")) + attributes + open
                        + #"(?:(?!</\1\s*>)[\s\S]){0,400}?<(?:a\b(?=[^<>]*\bhref)|button\b|input\b|select\b|textarea\b)"#
                )
            ],
            multiline: true,
            message: "role=\"text\" flattens an interactive element inside it",
            recommendation:
                "Screen readers read role=\"text\" as one string, so the link or button inside is lost: move it out or drop the role.",
            examples: [
                .init("promo.html", "<span role=\"text\">Save 20% <a href=\"/sale\">today</a></span>", flagged: true),
                .init("promo.html", "<span role=\"text\">Save 20% <strong>today</strong></span>", flagged: false),
            ]),
        Rule(
            id: "accessibility.accesskey-duplicate", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["accesskey"],
            patterns: [
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + lacks(#"hidden\b"#) + has(#"(?i:accesskey)\s*=\s*["']\s*([^"'\s])\s*["']"#)
                        + attributes + #">(?=[\s\S]*<[a-z][\w-]*\b"#
                        + lacks(#"(?:hidden\b|style\s*=\s*["'][^"']*display\s*:\s*none)"#)
                        + has(#"(?i:accesskey)\s*=\s*["']\s*\1\s*["']"#) + ")")
            ],
            excludes: [.init(.text, notRendered)],
            multiline: true,
            message: "Two elements share an access key",
            recommendation:
                "Give every accesskey a different character: with duplicates the shortcut reaches only one of them (or cycles unpredictably).",
            examples: [
                .init(
                    "toolbar.html",
                    "<a href=\"/\" accesskey=\"h\">Home</a>\n<a href=\"/help\" accesskey=\"h\">Help</a>",
                    flagged: true),
                .init(
                    "toolbar.html",
                    "<a href=\"/\" accesskey=\"h\">Home</a>\n<a href=\"/search\" accesskey=\"s\">Search</a>",
                    flagged: false),
                .init(
                    "toolbar.html",
                    "<a href=\"/\" accesskey=\"h\">Home</a>\n<a href=\"/old\" accesskey=\"h\" hidden>Old home</a>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.landmark-unique", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["<nav", "<main", "<aside", "<form", "<section", "<header", "<footer", "role"],
            patterns: [
                .init(
                    .text,
                    #"<(nav|main|aside|form|section|header|footer)\b"# + lacks(#"role\s*="#)
                        + has(#"aria-label\s*=\s*"([^"]+)""#) + attributes
                        + #">(?=[\s\S]*<\1\b"# + lacks(#"role\s*="#) + has(#"aria-label\s*=\s*"\2""#) + ")"),
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"#
                        + has(#"role\s*=\s*"(banner|complementary|contentinfo|main|navigation|region|search|form)""#)
                        + has(#"aria-label\s*=\s*"([^"]+)""#) + attributes + #">(?=[\s\S]*<[a-z][\w-]*\b"#
                        + has(#"role\s*=\s*"\1""#)
                        + has(#"aria-label\s*=\s*"\2""#) + ")"),
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + has(#"role\s*=\s*"(complementary|search|region|navigation|main)""#)
                        + lacks("aria-label")
                        + attributes + #">(?=[\s\S]*<[a-z][\w-]*\b"# + has(#"role\s*=\s*"\1""#) + lacks("aria-label")
                        + ")"),
            ],
            multiline: true,
            message: "Two landmarks of the same kind share a label (or both have none)",
            recommendation:
                "Give each navigation, region or form a distinct aria-label so screen-reader users can tell them apart.",
            examples: [
                .init("page.html", "<nav aria-label=\"Menu\">…</nav>\n<nav aria-label=\"Menu\">…</nav>", flagged: true),
                .init(
                    "page.html", "<nav aria-label=\"Main\">…</nav>\n<nav aria-label=\"Footer\">…</nav>", flagged: false),
            ]),
        Rule(
            id: "accessibility.table-structure", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["<table", "scope"],
            patterns: [
                .init(
                    .text,
                    #"<table\b"# + has(#"summary\s*=\s*"\s*([^"]*[^"\s])\s*""#) + attributes
                        + #">\s*<caption\b[^<>]*>\s*\1\s*</caption"#),
                .init(
                    .text,
                    #"<table\b"# + lacks(#"role\s*=\s*["']?(?:none|presentation)"#) + attributes
                        + #">\s*(?:<(?:thead|tbody)\b[^<>]*>\s*)?<tr\b[^<>]*>\s*<t[hd]\b"#
                        + has(#"colspan\s*=\s*["']?\s*[2-9]"#) + attributes
                        + #">[^<]*</t[hd]\s*>\s*</tr"#),
                .init(
                    .text,
                    #"<th\b"# + has(#"scope\s*=\s*["']?\s*(?!(?:row|col|rowgroup|colgroup|auto)\s*["'\s>])[a-z]"#)
                        + attributes + ">"),
                .init(.text, #"<td\b"# + has(#"scope\s*="#) + attributes + ">"),
            ],
            multiline: true,
            message: "Table markup that misleads screen readers",
            recommendation:
                "Use <caption> for the title (not a spanning first row), keep summary different from the caption, and use scope=\"row\"/\"col\" on <th> only.",
            examples: [
                .init(
                    "prices.html",
                    "<table>\n  <tr><td colspan=\"3\">Prices</td></tr>\n  <tr><th>Plan</th><th>Month</th><th>Year</th></tr>\n</table>",
                    flagged: true),
                .init("prices.html", "<table>\n  <tr><th scope=\"column\">Plan</th></tr>\n</table>", flagged: true),
                .init(
                    "prices.html",
                    "<table>\n  <caption>Prices</caption>\n  <tr><th scope=\"col\">Plan</th><th scope=\"col\">Month</th></tr>\n</table>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.table-headers-reference", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["headers"],
            patterns: [
                .init(
                    .text,
                    #"<td\b"# + lacks(#"hidden\b"#) + has(#"headers\s*=\s*["'](?<ids>[^"']*)["']"#) + attributes + ">")
            ],
            targets: [
                .init(.text, #"^<th\b"# + lacks(#"role\s*=\s*["']?\s*(?!columnheader|rowheader)[a-z]"#)),
                .init(.text, #"^<[a-z][\w-]*\b"# + has(role("columnheader|rowheader"))),
            ],
            multiline: true,
            message: "Data cell whose headers attribute names no header cell",
            recommendation:
                "headers lists the ids of the <th> cells (or cells with role rowheader/columnheader) that describe this cell: fix the ids, or mark the referenced cells as headers.",
            examples: [
                .init(
                    "prices.html",
                    "<table>\n  <tr><td id=\"plan\">Plan</td></tr>\n  <tr><td headers=\"plan\">Basic</td></tr>\n</table>",
                    flagged: true),
                .init(
                    "prices.html",
                    "<table>\n  <tr><th id=\"plan\">Plan</th></tr>\n  <tr><td headers=\"plan missing\">Basic</td></tr>\n</table>",
                    flagged: true),
                .init(
                    "prices.html",
                    "<table>\n  <tr><th id=\"plan\">Plan</th></tr>\n  <tr><td headers=\"plan\">Basic</td></tr>\n</table>",
                    flagged: false),
                .init("Prices.vue", "<td headers=\"plan\">{{ name }}</td>", flagged: false),
            ]),
        Rule(
            id: "accessibility.autocomplete-invalid", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["autocomplete"],
            patterns: [
                .init(
                    .text,
                    #"(?i)(?<=\s)autocomplete\s*=\s*"(?=\s*[^\s",]+(?:\s*,\s*|\s+)[^\s"])(?!\s*"# + autocompleteValue
                        + #"\s*")[^"]*""#)
            ],
            message: "autocomplete value that browsers cannot use",
            recommendation:
                "Write the tokens space-separated in order: optional section-*, shipping/billing, home/work/mobile (phone and e-mail only), the field, optional webauthn.",
            examples: [
                .init("checkout.html", "<input name=\"email\" autocomplete=\"work,email\">", flagged: true),
                .init("checkout.html", "<input name=\"phone\" autocomplete=\"mobile tel\">", flagged: false),
                .init("checkout.html", "<input name=\"zip\" autocomplete=\"shipping postal-code\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.checkbox-aria-checked", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["aria-checked"],
            patterns: [
                .init(
                    .text,
                    #"<input\b"# + has(#"type\s*=\s*["']?checkbox\b"#)
                        + has(#"aria-checked\s*=\s*["']\s*(?:mixed|true)"#)
                        + lacks(#"checked(?![\w-])(?!\s*=\s*["']?false)"#) + attributes + ">"),
                .init(
                    .text,
                    #"<input\b"# + has(#"type\s*=\s*["']?checkbox\b"#) + has(#"aria-checked\s*=\s*["']\s*mixed"#)
                        + attributes + ">"),
                .init(
                    .text,
                    #"<input\b"# + has(#"type\s*=\s*["']?checkbox\b"#) + has(#"aria-checked\s*=\s*["']\s*false"#)
                        + has(#"checked(?![\w-])"#)
                        + attributes + ">"),
            ],
            multiline: true,
            message: "aria-checked contradicts the native checkbox state",
            recommendation:
                "Drop aria-checked from <input type=\"checkbox\">: browsers expose the native checked state (use the indeterminate property for mixed).",
            examples: [
                .init("prefs.html", "<input type=\"checkbox\" aria-checked=\"true\" id=\"news\">", flagged: true),
                .init("prefs.html", "<input type=\"checkbox\" checked id=\"news\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.row-tree-attribute", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["row"],
            patterns: [
                .init(
                    .text,
                    #"<[a-z][\w-]*\b"# + has(role("row")) + has(#"aria-(?:expanded|level|posinset|setsize)\s*="#)
                        + attributes + ">")
            ],
            excludes: [.init(.text, spread)],
            // a row in a treegrid, or in a row group (whose own parent is not followed), may carry them
            parents: [
                .init(.text, #"^<[a-z][\w-]*\b"# + has(role("treegrid|rowgroup"))),
                .init(.text, #"^<(?:tbody|thead|tfoot)\b"# + lacks(#"role\s*="#)), .init(.text, passesChildrenOn),
            ],
            multiline: true,
            message:
                "Row of a table or grid with a tree attribute (aria-expanded, aria-level, aria-posinset, aria-setsize)",
            recommendation:
                "These states belong to rows of a role=\"treegrid\"; in a table or grid screen readers ignore them. Make the container a treegrid if rows expand, or drop the attributes.",
            examples: [
                .init(
                    "grid.html", "<div role=\"grid\">\n  <div role=\"row\" aria-expanded=\"false\"></div>\n</div>",
                    flagged: true),
                .init(
                    "grid.html", "<div role=\"treegrid\">\n  <div role=\"row\" aria-expanded=\"false\"></div>\n</div>",
                    flagged: false),
                .init("Row.vue", "<div role=\"row\" :aria-level=\"depth\"></div>", flagged: false),
            ]),
    ]

    static let autocompleteValue =
        #"(?:section-[^\s"]+\s+)?(?:(?:shipping|billing)\s+)?(?:(?:(?:home|work|mobile|fax|pager)\s+)?(?:tel(?:-country-code|-national|-area-code|-local(?:-prefix|-suffix)?|-extension)?|email|impp)|(?:name|honorific-prefix|given-name|additional-name|family-name|honorific-suffix|nickname|username|new-password|current-password|one-time-code|organization-title|organization|street-address|address-line[123]|address-level[1-4]|country|country-name|postal-code|cc-name|cc-given-name|cc-additional-name|cc-family-name|cc-number|cc-exp|cc-exp-month|cc-exp-year|cc-csc|cc-type|transaction-currency|transaction-amount|language|bday|bday-day|bday-month|bday-year|sex|url|photo))(?:\s+webauthn)?"#

    // MARK: Documents: language, title, viewport, media

    static let invalidLanguage = #"(?:\s+|\s*[a-zA-Z]{4,}(?:[-_]\w+)*\s*|\s*[a-zA-Z]{2,3}_\w+\s*)"#

    static let document: [Rule] = [
        Rule(
            id: "accessibility.html-lang", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["<html"],
            patterns: [.init(.text, #"<html\b"# + attributes + ">")],
            excludes: [.init(.text, name + "(?:xml:)?lang" + nonBlank)],
            multiline: true,
            message: "Document without a language",
            recommendation:
                "Add lang to the <html> element (<html lang=\"en\">) so screen readers pronounce the text correctly.",
            fix: .init(
                "declare the document language (English assumed: check it)", find: #"<html\b(?![^<>]*\blang\s*=)"#,
                replace: "<html lang=\"en\"", safe: false),
            examples: [
                .init("index.html", "<!doctype html>\n<html>\n<head><title>Shop</title></head>", flagged: true),
                .init(
                    "index.html", "<!doctype html>\n<html lang=\"\">\n<head><title>Shop</title></head>", flagged: true),
                .init(
                    "index.html", "<!doctype html>\n<html lang=\"en\">\n<head><title>Shop</title></head>",
                    flagged: false),
                .init("index.vue", "<html :lang=\"locale\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.lang-invalid", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["lang"],
            patterns: [
                .init(
                    .text,
                    #"<html\b"# + has(#"(?:xml:)?lang\s*=\s*(?:""# + invalidLanguage + #""|'"# + invalidLanguage + "')")
                        + attributes + ">"),
                .init(
                    .text,
                    #"<([a-z][\w-]*)\b"#
                        + has(#"(?:xml:)?lang\s*=\s*(?:""# + invalidLanguage + #""|'"# + invalidLanguage + "')")
                        + attributes
                        + #">\s*[^\s<]"#),
            ],
            multiline: true,
            message: "lang attribute that is not a language code",
            recommendation:
                "Use a BCP 47 tag such as \"en\", \"en-GB\" or \"pt-BR\" (a hyphen, not an underscore), so screen readers switch pronunciation.",
            examples: [
                .init("index.html", "<html lang=\"english\">", flagged: true),
                .init("quote.html", "<p lang=\"en_US\">Colour</p>", flagged: true),
                .init("index.html", "<html lang=\"en-GB\">", flagged: false),
                .init("index.html", "<html lang=\"{{ locale }}\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.document-title", category: .accessibility, severity: .medium,
            languages: documentLanguages,
            keywords: ["<html"],
            patterns: [
                .init(
                    .text,
                    #"(?i)(?:<!doctype\b[^<>]*>\s*)?<html\b[^<>]*>(?![\s\S]*<title\b)(?![\s\S]*(?:%[\w.]+%|\{\{|\{%|<%|<\?|<!--#include|\$\{))"#
                )
            ],
            multiline: true,
            message: "Document without a <title>",
            recommendation:
                "Add a <title> to <head> that says what the page is; it is the first thing screen readers announce.",
            examples: [
                .init(
                    "index.html",
                    "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"></head>\n<body></body>\n</html>",
                    flagged: true),
                .init(
                    "index.html",
                    "<!doctype html>\n<html lang=\"en\">\n<head><title>Orders</title></head>\n<body></body>\n</html>",
                    flagged: false),
                .init(
                    "app.html",
                    "<!doctype html>\n<html lang=\"en\">\n<head>%sveltekit.head%</head>\n<body>%sveltekit.body%</body>\n</html>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.meta-viewport-zoom", category: .accessibility, severity: .high,
            languages: markupLanguages,
            keywords: ["viewport"],
            patterns: [
                .init(
                    .text,
                    #"<meta\b"# + has(#"name\s*=\s*["']?viewport"#)
                        + has(
                            #"content\s*=\s*["'][^"']*(?i:user-scalable\s*=\s*(?:no|0)\b|maximum-scale\s*=\s*(?:0*\.\d+|0*1(?:\.\d*)?)(?![\d.]))"#
                        )
                        + attributes + ">")
            ],
            multiline: true,
            message: "Viewport that disables zoom",
            recommendation:
                "Remove user-scalable=no and maximum-scale below 2: people with low vision need to zoom to at least 200%.",
            examples: [
                .init(
                    "index.html",
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, user-scalable=no\">",
                    flagged: true),
                .init(
                    "index.html", "<meta name=\"viewport\" content=\"width=device-width, maximum-scale=1\">",
                    flagged: true),
                .init(
                    "index.html", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.meta-refresh", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["refresh"],
            patterns: [
                .init(
                    .text,
                    #"<meta\b"# + has(#"http-equiv\s*=\s*["']?refresh"#) + has(#"content\s*=\s*["']\s*0*[1-9]"#)
                        + attributes + ">")
            ],
            multiline: true,
            message: "Timed page refresh or redirect",
            recommendation:
                "Let people choose when to reload or leave: use a link or a server redirect instead of a delayed meta refresh.",
            examples: [
                .init("moved.html", "<meta http-equiv=\"refresh\" content=\"5; url=/new\">", flagged: true),
                .init("moved.html", "<meta http-equiv=\"refresh\" content=\"0; url=/new\">", flagged: false),
            ]),
        Rule(
            id: "accessibility.obsolete-motion", category: .accessibility, severity: .low, languages: markupLanguages,
            keywords: ["<blink", "<marquee"],
            patterns: [.init(.text, #"<(?:blink|marquee)\b"#)],
            conditions: [.rendered],
            message: "Moving <blink>/<marquee> text",
            recommendation:
                "Remove it: moving or blinking text cannot be paused and distracts; these elements are obsolete.",
            examples: [
                .init("news.html", "<marquee>Sale ends today</marquee>", flagged: true),
                .init("news.html", "<p class=\"banner\">Sale ends today</p>", flagged: false),
                .init("news.html", "<div hidden>\n  <marquee>Sale ends today</marquee>\n</div>", flagged: false),
            ]),
        Rule(
            id: "accessibility.media-autoplay", category: .accessibility, severity: .medium, languages: markupLanguages,
            keywords: ["autoplay"],
            patterns: [
                .init(
                    .text,
                    #"<(?:video|audio)\b"# + has(#"(?i:autoplay)\b"#) + lacks(#"(?i:muted|controls)\b"#) + attributes
                        + ">")
            ],
            multiline: true,
            message: "Media that plays sound on its own without controls",
            recommendation:
                "Add muted (for background video) or controls, so sound does not start without a way to stop it.",
            examples: [
                .init("hero.html", "<video src=\"intro.mp4\" autoplay loop></video>", flagged: true),
                .init("Intro.jsx", "<audio src={jingle} autoPlay />", flagged: true),
                .init("hero.html", "<video src=\"intro.mp4\" autoplay muted loop playsinline></video>", flagged: false),
                .init("hero.html", "<audio src=\"intro.mp3\" autoplay controls></audio>", flagged: false),
            ]),
    ]

    // MARK: Styles

    static let styles: [Rule] = [
        Rule(
            id: "accessibility.inline-text-spacing", category: .accessibility, severity: .low,
            languages: markupLanguages,
            keywords: ["!important"],
            patterns: [
                .init(
                    .text,
                    #"(?i)(?<![\w-])style\s*=\s*"[^"]*(?<![\w-])(?:letter-spacing\s*:\s*0*\.(?:0\d*|1(?:[01]\d*)?)(?!\d)em|word-spacing\s*:\s*0*\.(?:0\d*|1(?:[0-5]\d*)?)(?!\d)em|(?:letter|word)-spacing\s*:\s*[0-9.]+px)\s*!important"#
                )
            ],
            message: "Inline !important text spacing that users cannot override",
            recommendation:
                "Drop !important (or use at least 0.12em letter and 0.16em word spacing) so people can widen spacing to read.",
            examples: [
                .init("terms.html", "<p style=\"letter-spacing: 0.05em !important\">Terms</p>", flagged: true),
                .init("terms.html", "<p style=\"letter-spacing: 0.05em\">Terms</p>", flagged: false),
            ]),
        Rule(
            id: "accessibility.color-contrast", category: .accessibility, severity: .medium,
            languages: markupLanguages,
            keywords: ["color"],
            patterns: [
                // an element with text of its own whose inline style sets the text colour
                .init(
                    .text,
                    "<" + void + #"([a-z][\w-]*)\b"# + has(#"style\s*=\s*(?:"[^"]*|'[^']*)(?<![\w-])color\s*:"#)
                        + attributes + open + #"(?=[^<]*[^\s<])"#)
            ],
            conditions: [.lowContrast, .rendered],
            multiline: true,
            message: "Text colour with too little contrast against its background",
            recommendation:
                "Darken the text or lighten the background to at least 4.5:1 (3:1 for text of 24px, or 18.66px bold, and up): people with low vision or on a bright screen cannot read it.",
            examples: [
                .init(
                    "banner.html", "<p style=\"color: #999; background-color: #fff\">Free shipping today</p>",
                    flagged: true),
                .init(
                    "banner.html",
                    "<div style=\"background: teal\">\n  <span style=\"color: grey\">Free shipping today</span>\n</div>",
                    flagged: true),
                .init(
                    "banner.html", "<p style=\"color: #595959; background-color: #fff\">Free shipping today</p>",
                    flagged: false),
                .init(
                    "banner.html",
                    "<p style=\"color: gray; background-color: white; font-size: 32px\">Free shipping today</p>",
                    flagged: false),
                .init("banner.html", "<p style=\"color: #999\">Free shipping today</p>", flagged: false),
                .init(
                    "banner.html",
                    "<div style=\"background: #fff\">\n  <p class=\"badge\" style=\"color: #999\">Free shipping today</p>\n</div>",
                    flagged: false),
                .init(
                    "banner.html",
                    "<p style=\"color: #999; background: #fff; text-shadow: 0 0 2px #000\">Free shipping today</p>",
                    flagged: false),
            ]),
        Rule(
            id: "accessibility.focus-outline-removed", category: .accessibility, severity: .medium,
            languages: [.css, .html],
            keywords: ["outline"],
            patterns: [
                // a focus rule that hides the outline without drawing anything else
                .init(
                    .text,
                    #"(?<![^{};\s])[^{}\s;@<][^{};@<]*:focus(?!-within)[^{};@<]*\{[^{}]*?(?<![\w-])outline(?:-style)?\s*:\s*(?:none|0(?:px)?)\s*(?:!important\s*)?(?=[;}])[^{}]*\}"#
                ),
                // outline removed on a rule without pseudo-classes (so not only :hover or :active), with no :focus style after it
                .init(
                    .text,
                    #"(?<![^{};\s])[^{}\s;@:<][^{};@:<]*\{[^{}]*?(?<![\w-])outline(?:-style)?\s*:\s*(?:none|0(?:px)?)\s*(?:!important\s*)?(?=[;}])[^{}]*\}(?![\s\S]*:focus)"#
                ),
            ],
            excludes: [
                .init(
                    .text,
                    #"(?<![\w-])(?:box-shadow\s*:(?!\s*none)|border(?:-[a-z]+)?\s*:(?!\s*(?:none|0)\b)|text-decoration\s*:\s*underline|background(?:-color)?\s*:|outline(?:-style|-color|-width)?\s*:(?!\s*(?:none|0)\b))"#
                ),
                .init(.text, #":not\(\s*:focus-visible\s*\)"#),
            ],
            multiline: true,
            message: "Focus outline removed without a replacement",
            recommendation:
                "Keep a visible focus style: restyle the outline, or replace it in the same :focus/:focus-visible rule (box-shadow, border), or hide it only with :focus:not(:focus-visible).",
            examples: [
                .init("site.css", "button:focus {\n  outline: none;\n}", flagged: true),
                .init("site.css", "a { color: inherit; outline: 0; }", flagged: true),
                .init(
                    "site.css", "button:focus {\n  outline: none;\n  box-shadow: 0 0 0 3px #1a73e8;\n}", flagged: false),
                .init("site.css", "button:focus:not(:focus-visible) { outline: none; }", flagged: false),
                .init("site.css", "a { outline: 0; }\na:focus-visible { outline: 2px solid #1a73e8; }", flagged: false),
                .init("normalize.css", "a:active,\na:hover {\n  outline: 0;\n}", flagged: false),
                .init("site.css", "/* button:focus { outline: none; } */", flagged: false),
            ]),
    ]

    // MARK: SwiftUI

    /// A closure `{ … }` with up to five levels of braces (strings and comments are blank in the code view).
    static let closure = (0..<4).reduce(#"\{[^{}]*\}"#) { inner, _ in #"\{(?:[^{}]|"# + inner + #")*\}"# }
    /// The modifiers that follow in the same chain: `.name`, `.name(…)`, `.name { … }`.
    static let modifierChain =
        #"(?:\s*\.[A-Za-z]\w*(?:\s*\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?(?:\s*"# + closure + ")?)*"
    /// Not preceded, earlier in the same modifier chain, by `.accessibilityAddTraits(.isButton)`.
    static let traitsNotBefore =
        #"(?<!\.accessibilityAddTraits\([^()\n]{0,60}\.isButton[^()\n]{0,60}\)(?:\s{0,40}\.[A-Za-z]\w{0,40}(?:\((?:[^()\n]|\([^()\n]{0,40}\)){0,100}\))?){0,6}\s{0,40})"#
        + #"(?<!\.accessibility\(\s{0,3}addTraits\s{0,3}:[^()\n]{0,60}\.isButton[^()\n]{0,60}\)(?:\s{0,40}\.[A-Za-z]\w{0,40}(?:\((?:[^()\n]|\([^()\n]{0,40}\)){0,100}\))?){0,6}\s{0,40})"#

    static let swiftUI: [Rule] = [
        Rule(
            id: "accessibility.swiftui-image-label", category: .accessibility, severity: .medium, languages: [.swift],
            keywords: ["image("],
            patterns: [
                // Image("asset") and its modifiers, unless the enclosing container's modifiers label or hide it
                .init(
                    .code,
                    #"(?<!icon\s{0,3}:\s{0,3}\{\s{0,80})\bImage\(\s*"[^"\n]*"\s*(?:,\s*bundle\s*:[^)\n]*)?\)"#
                        + modifierChain
                        + "(?!(?:[^{}]|" + closure + ")*?\\}" + String(modifierChain.dropLast()) + "*?"
                        + #"\s*\.accessibility(?:Label|Hidden\s*\(\s*true|Element\s*\(\s*children\s*:\s*\.ignore)\b)"#)
            ],
            excludes: [
                .init(
                    .code,
                    #"\.accessibility(?:Label|Hidden\s*\(\s*true|Element\s*\(\s*children\s*:\s*\.ignore|Representation)\b|\.accessibility\s*\(\s*(?:label|hidden)\s*:"#
                )
            ],
            multiline: true,
            message: "SwiftUI image without an accessibility label",
            recommendation:
                "VoiceOver reads the asset name: add .accessibilityLabel(\"…\"), or use Image(decorative:) / .accessibilityHidden(true) for decoration.",
            examples: [
                .init(
                    "Header.swift",
                    "var body: some View {\n    Image(\"logo\")\n        .resizable()\n        .frame(width: 40, height: 40)\n}",
                    flagged: true),
                .init(
                    "Header.swift",
                    "var body: some View {\n    Image(\"logo\")\n        .resizable()\n        .accessibilityLabel(\"Acme\")\n}",
                    flagged: false),
                .init("Header.swift", "Image(decorative: \"divider\")", flagged: false),
                .init("Header.swift", "Image(\"divider\").accessibilityHidden(true)", flagged: false),
                .init(
                    "Header.swift", "Button(action: share) {\n    Image(\"share\")\n}\n.accessibilityLabel(\"Share\")",
                    flagged: false),
                .init("Header.swift", "let image = UIImage(named: \"logo\")", flagged: false),
                .init(
                    "Header.swift", "Label {\n    Text(\"Favorites\")\n} icon: {\n    Image(\"heart\")\n}",
                    flagged: false),
                .init(
                    "Header.swift",
                    "HStack {\n    Image(\"rocket\")\n    Text(name)\n}\n.accessibilityElement(children: .ignore)\n.accessibilityLabel(\"Boosted by \\(name)\")",
                    flagged: false),
                .init(
                    "Header.swift",
                    "VStack {\n    Image(\"avatar\")\n        .resizable()\n    Image(\"banner\").accessibilityLabel(\"Sale\")\n}",
                    flagged: true),
            ]),
        Rule(
            id: "accessibility.swiftui-tap-gesture", category: .accessibility, severity: .medium, languages: [.swift],
            keywords: ["ontapgesture"],
            patterns: [
                .init(
                    .code,
                    traitsNotBefore
                        + #"\.onTapGesture\b(?!\s*\(\s*count\s*:\s*[2-9])(?:\s*\((?:[^()]|\([^()]*\))*\))?(?:\s*"#
                        + closure + ")?" + modifierChain)
            ],
            excludes: [
                .init(
                    .code,
                    #"\.accessibilityAddTraits\([^()]*\.isButton|\.accessibility\(\s*addTraits\s*:[^()]*\.isButton|\.accessibilityActions?\b"#
                )
            ],
            multiline: true,
            message: "Tap gesture on a view that VoiceOver does not announce as a button",
            recommendation:
                "Use a Button, or add .accessibilityAddTraits(.isButton) (and a label) to the tappable view.",
            examples: [
                .init(
                    "Row.swift", "HStack {\n    Text(item.title)\n}\n.onTapGesture {\n    select(item)\n}",
                    flagged: true),
                .init(
                    "Row.swift",
                    "HStack {\n    Text(item.title)\n}\n.onTapGesture { select(item) }\n.accessibilityAddTraits(.isButton)",
                    flagged: false),
                .init(
                    "Row.swift",
                    "Text(item.title)\n    .accessibilityAddTraits(.isButton)\n    .onTapGesture { select(item) }",
                    flagged: false),
                .init(
                    "Row.swift", "Image(systemName: \"photo\")\n    .onTapGesture(count: 2) { zoom() }", flagged: false),
                .init(
                    "Row.swift",
                    "Thumbnail(photo)\n    .accessibilityAddTraits([.isButton, .isImage])\n    .onTapGesture { open(photo) }",
                    flagged: false),
                .init(
                    "Row.swift",
                    "Text(a.title)\n    .onTapGesture {\n        select(a)\n    }\nText(b.title)\n    .onTapGesture { select(b) }\n    .accessibilityAddTraits(.isButton)",
                    flagged: true),
            ]),
    ]
}

// MARK: Label text (used by RuleEngine.isLabelled)

extension AccessibilityRules {
    /// Markup that gives a label text even after tags are removed: a JSX or template expression, a component,
    /// server-side output, an image with alt text.
    private static let dynamicText = #"\{[^}]*\S[^}]*\}|<[A-Z]|<[?%]|<img\b[^<>]*\balt\s*=\s*["']\s*[^"'\s]"#
    private static let tag = #"<[^<>]*>"#

    /// Whether a label's content says anything once tags (and the labelled control) are left out.
    static func labelHasText<S: StringProtocol>(_ content: S) -> Bool {
        let content = String(content)
        if content.range(of: dynamicText, options: .regularExpression) != nil { return true }
        let plain = content.replacingOccurrences(of: tag, with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&nbsp;", with: " ")
        return plain.contains { !$0.isWhitespace }
    }

    /// Where the labelled control ends: after its start tag, or after `</select>` / `</textarea>` for controls with content.
    static func controlEnd(element: String, at start: String.Index, in text: String) -> String.Index {
        let afterTag = text.index(start, offsetBy: element.count, limitedBy: text.endIndex) ?? text.endIndex
        for container in ["select", "textarea"] where element.lowercased().hasPrefix("<" + container) {
            if let close = text.range(of: "</" + container, options: .caseInsensitive, range: afterTag..<text.endIndex)
            {
                return text[close.upperBound...].firstIndex(of: ">").map { text.index(after: $0) } ?? text.endIndex
            }
        }
        return afterTag
    }

    /// Whether the `<label` starting at `open`, which encloses the control at `start`, has text of its own.
    static func enclosingLabelHasText(open: String.Index, element: String, start: String.Index, in text: String) -> Bool
    {
        guard let tagEnd = text[open..<start].firstIndex(of: ">") else { return true }
        let end = controlEnd(element: element, at: start, in: text)
        guard let close = text.range(of: "</label", options: .caseInsensitive, range: end..<text.endIndex) else {
            return true
        }
        return labelHasText(text[text.index(after: tagEnd)..<start]) || labelHasText(text[end..<close.lowerBound])
    }

    /// Whether some `<label for=id>` (htmlFor in JSX) in the text has text of its own.
    static func forLabelHasText(id: String, element: String, in text: String) -> Bool {
        let pattern =
            #"<label\b(?:=>|[^<>]|<(?![A-Za-z/!]))*\b(?:for|htmlFor)\s*=\s*["'{]+"#
            + NSRegularExpression.escapedPattern(for: id)
            + #"["'}](?:=>|[^<>]|<(?![A-Za-z/!]))*>"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return false }
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            guard
                let close = text.range(
                    of: "</label", options: .caseInsensitive, range: range.upperBound..<text.endIndex)
            else {
                return true
            }
            var content = String(text[range.upperBound..<close.lowerBound])
            // a label that wraps its own control: the control's content (options, value) is not the label's text
            if let inner = content.range(of: element) {
                let end = controlEnd(element: element, at: inner.lowerBound, in: content)
                content.removeSubrange(inner.lowerBound..<end)
            }
            if labelHasText(content) { return true }
        }
        return false
    }
}
