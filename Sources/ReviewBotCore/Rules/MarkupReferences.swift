import Foundation

/// The elements of one markup file by `id`, so that rules can follow id references (`aria-labelledby`,
/// `aria-errormessage`, `aria-controls`) the way a browser does, within the file.
///
/// Built from the text view (comments blanked, attribute values kept) the first time a rule asks, once
/// per file, by the engine that reviews the file; not shared between threads.
final class MarkupReferences {
    /// One element with an `id`: where its start tag begins and ends, and its tag name (lowercased).
    struct Element {
        let start: String.Index
        let tagEnd: String.Index
        let name: String
        var startTag: Substring
    }

    private let text: String
    private var elements: [String: Element] = [:]
    /// Whether an id that is not in the file is really missing: a plain HTML file without template syntax,
    /// scripts or includes. In a template, a component or a fragment an id may come from elsewhere.
    let selfContained: Bool

    /// Every start tag in file order with the index of its parent (the element it sits in), and where
    /// each start tag begins, in bytes: the same offsets in every view of the file.
    private var tags: [(name: String, startTag: Substring, parent: Int?)] = []
    private var tagAtOffset: [Int: Int] = [:]

    private static let tagPattern = try! SharedRegex(#"<(/?)([a-zA-Z][\w:.-]*)((?:=>|[^<>]|<(?![A-Za-z/!]))*)>"#)  // reviewbot:ignore quality.force-try
    private static let idAttribute = try! SharedRegex(#"(?<![\w:.\[-])id\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>{}]+))"#)  // reviewbot:ignore quality.force-try
    /// Markup whose ids or elements may come from outside the file.
    private static let openMarkup = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"\{\{|\{%|\{#|<%|<\?|\$\{|<script\b|<template\b|<slot\b|<!--#include|\s(?:ng|v|x|th)-[\w:-]+\s*=|\s[:@*\[][\w.\[\]-]+\s*="#
    )
    private static let plainHTMLExtensions: Set<String> = ["html", "htm", "xhtml"]
    /// Elements whose content is text, not markup.
    private static let rawText: Set<String> = ["script", "style", "textarea", "title"]
    /// Start tags that end an open element of the key's kind without its end tag (HTML's optional end tags).
    private static let closedBy: [String: Set<String>] = [
        "li": ["li"], "dt": ["dt", "dd"], "dd": ["dt", "dd"], "tr": ["tr", "td", "th"], "td": ["td", "th"],
        "th": ["td", "th"], "option": ["option"],
        "p": [
            "p", "div", "ul", "ol", "dl", "table", "section", "article", "aside", "header", "footer", "nav", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "hr", "main", "figure", "fieldset", "address",
        ],
    ]

    init(path: String, text: String) {
        self.text = text
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        selfContained = Self.plainHTMLExtensions.contains(ext) && !Self.openMarkup.matches(text)
        var stack: [Int] = []
        // inside <script> and the like, nothing is markup until the end tag
        var rawTextEnd: String.Index?
        var cursor = text.startIndex
        var offset = 0
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.tagPattern.regex.matches(in: text, options: [], range: range) {
            guard let whole = Range(match.range, in: text), let nameRange = Range(match.range(at: 2), in: text),
                let attributesRange = Range(match.range(at: 3), in: text)
            else { continue }
            if let end = rawTextEnd {
                guard whole.lowerBound >= end else { continue }
                rawTextEnd = nil
            }
            let name = text[nameRange].lowercased()
            let isEnd = match.range(at: 1).length > 0
            offset += text.utf8.distance(from: cursor, to: whole.lowerBound)
            cursor = whole.lowerBound
            if isEnd {
                if let open = stack.lastIndex(where: { tags[$0].name == name }) { stack.removeSubrange(open...) }
                continue
            }
            while let top = stack.last, Self.closedBy[tags[top].name]?.contains(name) == true { stack.removeLast() }
            let startTag = text[whole]
            tags.append((name, startTag, stack.last))
            tagAtOffset[offset] = tags.count - 1
            let attributes = text[attributesRange]
            if !(Self.voidElements.contains(name) || attributes.hasSuffix("/")) {
                if Self.rawText.contains(name) {
                    rawTextEnd =
                        text.range(of: "</" + name, options: .caseInsensitive, range: whole.upperBound..<text.endIndex)?
                        .lowerBound ?? text.endIndex
                } else {
                    stack.append(tags.count - 1)
                }
            }
            guard attributes.contains("id"), let id = Self.value(of: Self.idAttribute, in: String(attributes)) else {
                continue
            }
            let element = Element(start: whole.lowerBound, tagEnd: whole.upperBound, name: name, startTag: startTag)
            if elements[id] == nil { elements[id] = element }
            sameIds[id, default: []].append((offset, element))
        }
    }

    /// Every element with a given id, with its byte offset, in file order (an id should be unique, but
    /// fragments and fixtures repeat them).
    private var sameIds: [String: [(offset: Int, element: Element)]] = [:]

    /// The element with `id` nearest to byte `offset` (the one a reference there most likely means).
    func element(id: String, nearest offset: Int) -> Element? {
        sameIds[id]?.min { abs($0.offset - offset) < abs($1.offset - offset) }?.element
    }

    /// Where an element sits, for rules about which elements may contain it.
    enum Parent {
        /// No element starts at that offset.
        case unknown
        /// The element is at the top of the file.
        case none
        /// The start tag of the element it sits in.
        case element(Substring)
    }

    /// The start tags of the elements that enclose the element beginning at byte `offset`, nearest first.
    func ancestors(ofElementAt offset: Int) -> [Substring] {
        var result: [Substring] = []
        var next = tagAtOffset[offset].flatMap { tags[$0].parent }
        while let index = next {
            result.append(tags[index].startTag)
            next = tags[index].parent
        }
        return result
    }

    /// The parent of the element whose start tag begins at byte `offset` of the file.
    func parent(ofElementAt offset: Int) -> Parent {
        guard let index = tagAtOffset[offset] else { return .unknown }
        guard let parent = tags[index].parent else { return .none }
        return .element(tags[parent].startTag)
    }

    /// The first capture group that took part in a match of `regex` in `string`.
    static func value(of regex: SharedRegex, in string: String) -> String? {
        guard let match = regex.firstMatch(in: string) else { return nil }
        for group in 1..<match.numberOfRanges {
            if let range = Range(match.range(at: group), in: string) { return String(string[range]) }
        }
        return nil
    }

    func element(id: String) -> Element? { elements[id] }

    private static let voidElements: Set<String> = [
        "input", "img", "area", "embed", "br", "hr", "source", "track", "wbr", "col", "meta", "link", "base", "param",
    ]

    /// The element's content up to its matching end tag (nested elements of the same name counted),
    /// looking at most 20,000 characters ahead.
    func content(of element: Element) -> Substring {
        if Self.voidElements.contains(element.name) || element.startTag.hasSuffix("/>") {
            return text[element.tagEnd..<element.tagEnd]
        }
        let limit = text.index(element.tagEnd, offsetBy: 20_000, limitedBy: text.endIndex) ?? text.endIndex
        var depth = 1
        var cursor = element.tagEnd
        let open = "<" + element.name
        let close = "</" + element.name
        while let next = text.range(of: "<", range: cursor..<limit) {
            let rest = text[next.lowerBound..<limit]
            if Self.startsTag(rest, close) {
                depth -= 1
                if depth == 0 { return text[element.tagEnd..<next.lowerBound] }
            } else if Self.startsTag(rest, open) {
                depth += 1
            }
            cursor = next.upperBound
        }
        return text[element.tagEnd..<limit]
    }

    /// Whether `rest` starts with `prefix` (case-insensitively) followed by the end of a tag name.
    private static func startsTag(_ rest: Substring, _ prefix: String) -> Bool {
        guard rest.count > prefix.count,
            rest.prefix(prefix.count).lowercased() == prefix
        else { return false }
        let after = rest[rest.index(rest.startIndex, offsetBy: prefix.count)]
        return after == ">" || after == "/" || after.isWhitespace
    }

    private static let ownName = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"(?<![\w:.\[-])(?:aria-label|alt|title|value)\s*=\s*(?:"\s*[^"\s]|'\s*[^'\s]|\{|[^\s"'>{/])"#)

    /// Whether the element with `id` gives a name: text in its content, or a non-blank aria-label, alt,
    /// title or value. Hidden elements count: aria-labelledby may point at them.
    func hasText(id: String) -> Bool {
        guard let element = elements[id] else { return false }
        if Self.ownName.matches(String(element.startTag)) { return true }
        return AccessibilityRules.labelHasText(content(of: element))
    }

    private static let hiddenAttribute = try! SharedRegex(#"\shidden(?![\w-])"#)  // reviewbot:ignore quality.force-try
    private static let hiddenStyle = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"(?<![\w:.\[-])aria-hidden\s*=\s*["']?\s*true|display\s*:\s*none|visibility\s*:\s*hidden"#)
    private static let liveRegion = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"(?<![\w:.\[-])(?:role\s*=\s*["']?\s*(?:alert|status|log)\b|aria-live\s*=\s*["']?\s*(?!off)[a-z])"#)

    /// Whether the element with `id` is in the file but shows nothing: hidden, or empty and not a live
    /// region (which is filled when the moment comes).
    func isHiddenOrSilent(id: String) -> Bool {
        guard let element = elements[id] else { return false }
        let tag = String(element.startTag)
        if Self.hiddenAttribute.matches(Self.blankingValues(tag)) || Self.hiddenStyle.matches(tag) { return true }
        if Self.liveRegion.matches(tag) { return false }
        return !hasText(id: id)
    }

    /// The tag with the contents of its quoted attribute values blanked, so that only names remain to be read.
    static func blankingValues(_ tag: String) -> String {
        var quote: Character?
        return String(
            tag.map { character -> Character in
                if let open = quote {
                    if character == open { quote = nil }
                    return character == open ? character : " "
                }
                if character == "\"" || character == "'" { quote = character }
                return character
            })
    }

    /// The start tag at the beginning of `element`: up to the first `>` that is not part of a JSX arrow.
    static func startTag(of element: String) -> String {
        var previous: Character = " "
        var end = element.endIndex
        for index in element.indices {
            let character = element[index]
            if character == ">" && previous != "=" {
                end = index
                break
            }
            previous = character
        }
        return String(element[..<end])
    }

    private static let hiddenFromSight = try! SharedRegex(#"display\s*:\s*none|visibility\s*:\s*hidden"#)  // reviewbot:ignore quality.force-try

    /// Whether the element beginning at byte `offset` (with start tag `startTag`) is painted: neither it nor
    /// an element around it in the file is hidden by the `hidden` attribute, `display: none` or
    /// `visibility: hidden` (aria-hidden hides from screen readers, not from sight).
    func isRendered(elementAt offset: Int, startTag: String) -> Bool {
        for tag in [Substring(startTag)] + ancestors(ofElementAt: offset) {
            let text = String(tag)
            if Self.hiddenAttribute.matches(Self.blankingValues(text)) || Self.hiddenFromSight.matches(text) {
                return false
            }
        }
        return true
    }

    /// The ids of an id-list value, or nil when the value is computed (a template or JSX expression).
    static func ids(in value: Substring) -> [String]? {
        if value.contains(where: { "{}$<%[]()".contains($0) }) { return nil }
        return value.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    private static let labelledBy = try! SharedRegex(  // reviewbot:ignore quality.force-try
        #"(?<![\w-])([:.\[]?)(?:attr\.)?aria-labelledby\]?\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{))"#)

    /// Whether the start tag at the beginning of `element` is named through `aria-labelledby`: some id it
    /// lists names an element with text, or is missing from a file that is not self-contained (trusted),
    /// or the value is computed. An element without aria-labelledby is not named by it.
    func namedByReference(element: String) -> Bool {
        let tag = Self.startTag(of: element)
        guard let match = Self.labelledBy.firstMatch(in: tag) else { return false }
        if let binding = Range(match.range(at: 1), in: tag), !tag[binding].isEmpty { return true }
        if match.range(at: 4).location != NSNotFound { return true }
        let valueGroup = match.range(at: 2).location != NSNotFound ? 2 : 3
        guard let valueRange = Range(match.range(at: valueGroup), in: tag) else { return false }
        guard let ids = Self.ids(in: tag[valueRange]) else { return true }
        return ids.contains { id in elements[id] == nil ? !selfContained : hasText(id: id) }
    }
}
