/// A built-in or user rule: what to look for, where, and what to tell the reader. Pure data.
public struct Rule: Sendable, Equatable {
    /// Which view of the file a pattern reads (see ``SourceFile``).
    public enum View: String, Sendable, Codable, CaseIterable {
        /// Comments and string contents blanked: for code constructs.
        case code
        /// Comments blanked, strings kept: for literals and markup.
        case text
        /// The line as written.
        case raw
    }

    public struct Pattern: Sendable, Equatable {
        public var view: View
        public var regex: String
        /// Languages this pattern is for; empty means every language the rule applies to.
        public var languages: Set<Language>
        /// Multi-line rules: a pattern whose group 1 captures names the file binds (`import hashlib as (h)`); the
        /// names the file binds and does not rebind later are put in place of ``boundNames`` in `regex`, and only
        /// matches after the first binding count. Without one, the pattern is searched as written.
        public var binding: String?
        /// With `binding`: a pattern whose group 1 captures a name bound again to something safe
        /// (`from defusedxml import … as (ET)`); a name whose last binding in the file is this one is left out.
        public var unbinding: String?

        /// What `regex` holds where the bound names go (a regex comment, so the pattern compiles as written).
        public static let boundNames = "(?#bound)"

        public init(
            _ view: View, _ regex: String, languages: Set<Language> = [], binding: String? = nil,
            unbinding: String? = nil
        ) {
            self.view = view
            self.regex = regex
            self.languages = languages
            self.binding = binding
            self.unbinding = unbinding
        }

        public func applies(to language: Language) -> Bool { languages.isEmpty || languages.contains(language) }
    }

    /// Extra conditions a match must meet, evaluated by the engine.
    public enum Condition: String, Sendable, Codable, CaseIterable {
        /// The line runs inside a loop body.
        case insideLoop = "inside-loop"
        /// The line runs inside a function, method or closure body.
        case insideFunction = "inside-function"
        /// The line runs inside a catch, except or rescue block.
        case insideCatch = "inside-catch"
        /// The line runs inside a web request handler: a function routed by a framework (Flask, Django,
        /// FastAPI, Express, Spring, JAX-RS, ASP.NET, Go net/http, Gin, Echo, Vapor, Laravel, Rails…).
        case insideRequestHandler = "inside-request-handler"
        /// The matched line is where a function is reported whose body is over 80 lines (blank lines not
        /// counted) or nests blocks more than 4 deep, and of which the change added at least half: its first
        /// line, or its first added line when the first line is old. A function that only got an edit is not
        /// the change's doing.
        case largeFunction = "large-function"
        /// The line builds a string from non-constant parts: concatenation, formatting or interpolation, and not
        /// only of values made safe (a numeric conversion, an escaping call, or a variable assigned from one).
        case buildsString = "builds-string"
        /// When the match ends at a call's opening parenthesis, the call's first argument is not
        /// a constant: it comes from a parameter, a request value, string building or a variable assigned
        /// from one of those within the function, and no known sanitizer wraps it.
        case dynamicArgument = "dynamic-argument"
        /// The matched element is not a form control labelled by a `<label for=…>` or an enclosing `<label>`.
        case notLabelled = "not-labelled"
        /// The matched element is not named by `aria-labelledby`: it has none, or every id it lists is missing
        /// from a self-contained HTML file or points at an element without text. A computed value, or an id
        /// missing from a template or component (it may be rendered elsewhere), counts as a name.
        case notNamedByReference = "not-named-by-reference"
        /// Every id in the match's `ids` group (else its first group) is missing from a self-contained HTML
        /// file: a plain `.html` file without template syntax, scripts or includes.
        case missingReference = "missing-reference"
        /// An id in the match's `ids` group (else its first group) points at an element of the file that is
        /// hidden, or empty and not a live region.
        case hiddenReference = "hidden-reference"
        /// The matched element's inline text colour has less contrast with its background (its own, or that
        /// of the nearest enclosing element that sets one inline) than WCAG 2 AA asks; elements whose
        /// painting the markup does not settle (opacity, shadows, images, unknown colours) are not judged.
        case lowContrast = "low-contrast"
        /// The matched element is painted: neither it nor an element around it in the file is hidden by the
        /// `hidden` attribute, `display: none` or `visibility: hidden` (for problems only sighted users meet).
        case rendered = "rendered"
    }

    /// One example of the rule's behaviour, run by the tests and shown by `reviewbot rules ID`.
    public struct Example: Sendable, Equatable {
        /// A file name that selects the language (`app.py`, `View.jsx`).
        public var path: String
        public var code: String
        /// Whether the rule must flag this code.
        public var flagged: Bool

        public init(_ path: String, _ code: String, flagged: Bool) {
            self.path = path
            self.code = code
            self.flagged = flagged
        }
    }

    /// A mechanical fix: replace what `find` matches on the flagged line with `replace` (`$1` refers to groups).
    /// A line that the replacement leaves blank is removed.
    public struct Fix: Sendable, Equatable {
        public var description: String
        public var find: String
        public var replace: String
        /// Whether `--fix` applies it. A fix that could change behaviour in a way the rule cannot prove safe
        /// (a different digest, a guessed language) is only suggested in the report.
        public var safe: Bool

        public init(_ description: String, find: String, replace: String, safe: Bool = true) {
            self.description = description
            self.find = find
            self.replace = replace
            self.safe = safe
        }
    }

    public var id: String
    public var category: Category
    public var severity: Severity
    /// Languages the rule applies to; empty means every language.
    public var languages: Set<Language>
    /// gitignore-style globs of paths the rule does not apply to (tests, for example).
    public var excludedPaths: [String]
    /// Lowercase literals, one of which must occur in the raw line (or file, for multi-line rules) before
    /// any regex runs. This keeps the rules cheap on large changes.
    public var keywords: [String]
    /// Alternatives: the first that matches gives the column. Multi-line rules run them on the whole file.
    public var patterns: [Pattern]
    /// All must also match the line.
    public var requires: [Pattern]
    /// None may match the line (or, for multi-line rules, the same range of the file in their view).
    public var excludes: [Pattern]
    /// All must match somewhere in the file (an import that gives a name its meaning, for example).
    public var requiresInFile: [Pattern]
    public var conditions: [Condition]
    /// For multi-line element rules: the start tag of the matched element's parent (the element it sits
    /// in) must match one of these (on the text view), or the rule fires. An element at the top of a
    /// template or component is not judged, since its parent is in another file; at the top of a
    /// self-contained HTML file it has none, which matches nothing.
    public var parents: [Pattern]
    /// For rules whose patterns have an `ids` group (else group 1): every id listed there must name an
    /// element of the file (the nearest one with that id) whose start tag matches one of these (on the text
    /// view), or the rule fires. An id missing from a self-contained HTML file fails; one missing from a
    /// template or component is trusted.
    public var targets: [Pattern]
    /// Match across lines (elements and blocks); the finding sits on the first line of the match.
    public var multiline: Bool
    /// For multi-line rules whose matches start on a line holding one of the keywords and span at most this
    /// many lines after it: only such lines near the change are searched, not the whole file.
    public var maxLines: Int?
    /// Minimum Shannon entropy (bits per character) of the first capture group, for generic secrets.
    public var minEntropy: Double?
    public var message: String
    public var recommendation: String
    public var cwe: String?
    public var fix: Fix?
    public var examples: [Example]

    public init(
        id: String, category: Category, severity: Severity, languages: Set<Language> = [],
        excludedPaths: [String] = [], keywords: [String],
        patterns: [Pattern], requires: [Pattern] = [], excludes: [Pattern] = [], requiresInFile: [Pattern] = [],
        conditions: [Condition] = [], parents: [Pattern] = [], targets: [Pattern] = [], multiline: Bool = false,
        maxLines: Int? = nil,
        minEntropy: Double? = nil, message: String, recommendation: String, cwe: String? = nil, fix: Fix? = nil,
        examples: [Example]
    ) {
        self.id = id
        self.category = category
        self.severity = severity
        self.languages = languages
        self.excludedPaths = excludedPaths
        self.keywords = keywords
        self.patterns = patterns
        self.requires = requires
        self.excludes = excludes
        self.requiresInFile = requiresInFile
        self.conditions = conditions
        self.parents = parents
        self.targets = targets
        self.multiline = multiline
        self.maxLines = maxLines
        self.minEntropy = minEntropy
        self.message = message
        self.recommendation = recommendation
        self.cwe = cwe
        self.fix = fix
        self.examples = examples
    }

    public func applies(to language: Language) -> Bool { languages.isEmpty || languages.contains(language) }

    /// Test code, where force unwraps and debug output are the norm rather than a risk.
    public static let testPaths = [
        "Tests/", "tests/", "test/", "spec/", "__tests__/", "*Tests.swift", "*Test.swift", "*_test.go", "test_*.py",
        "*_test.py", "*.test.js", "*.test.ts", "*.spec.js", "*.spec.ts", "*Test.java",
    ]
}
