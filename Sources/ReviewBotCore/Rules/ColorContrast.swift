import Foundation

/// The contrast of text colours set in inline styles, by WCAG 2's formula, for the `low-contrast` condition.
///
/// Only what the markup states is judged: the element's own `color`, and the background of the element or
/// of the nearest enclosing element that sets one. Anything that changes what is painted and cannot be
/// computed from the markup (opacity, shadows, strokes, filters, blend modes, images, gradients,
/// translucent or unknown colours) leaves the element unjudged.
enum ColorContrast {
    struct Color: Equatable {
        var red: Double
        var green: Double
        var blue: Double

        /// WCAG 2 relative luminance.
        var luminance: Double {
            func channel(_ value: Double) -> Double {
                let c = value / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
        }
    }

    static func ratio(_ a: Color, _ b: Color) -> Double {
        let (light, dark) = a.luminance >= b.luminance ? (a.luminance, b.luminance) : (b.luminance, a.luminance)
        return (light + 0.05) / (dark + 0.05)
    }

    /// An opaque colour written as `#rgb`, `#rrggbb`, `#rrggbbaa` with full alpha, `rgb()`/`rgba()` with
    /// full alpha, or a CSS colour name; nil for anything else.
    static func parse(_ text: String) -> Color? {
        var value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value.hasSuffix("!important") {
            value = String(value.dropLast("!important".count)).trimmingCharacters(in: .whitespaces)
        }
        if value.hasPrefix("#") {
            var hex = String(value.dropFirst())
            if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
            if hex.count == 8 {
                guard hex.hasSuffix("ff") else { return nil }
                hex = String(hex.prefix(6))
            }
            guard hex.count == 6, let number = UInt32(hex, radix: 16) else { return nil }
            return Color(
                red: Double(number >> 16 & 0xFF), green: Double(number >> 8 & 0xFF), blue: Double(number & 0xFF))
        }
        if value.hasPrefix("rgb") {
            guard let open = value.firstIndex(of: "("), let close = value.lastIndex(of: ")") else { return nil }
            let parts = value[value.index(after: open)..<close].split(whereSeparator: { ",/ ".contains($0) })
                .map { String($0) }
            guard parts.count == 3 || parts.count == 4 else { return nil }
            if parts.count == 4 {
                guard let alpha = Double(parts[3].replacingOccurrences(of: "%", with: "")),
                    parts[3].hasSuffix("%") ? alpha >= 100 : alpha >= 1
                else { return nil }
            }
            let channels = parts.prefix(3).compactMap { part -> Double? in
                if part.hasSuffix("%") { return Double(part.dropLast()).map { $0 * 2.55 } }
                return Double(part)
            }
            guard channels.count == 3 else { return nil }
            return Color(red: channels[0], green: channels[1], blue: channels[2])
        }
        guard let hex = names[value] else { return nil }
        return parse("#" + hex)
    }

    /// The declarations of the start tag's `style` attribute by lowercased property; nil without one.
    static func style(of startTag: String) -> [String: String]? {
        guard let match = styleAttribute.firstMatch(in: startTag) else { return nil }
        let group = match.range(at: 1).location != NSNotFound ? 1 : 2
        guard let range = Range(match.range(at: group), in: startTag) else { return nil }
        var declarations: [String: String] = [:]
        for declaration in startTag[range].split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = declaration[..<colon].trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            let value = declaration[declaration.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            declarations[property] = value
        }
        return declarations
    }

    private static let styleAttribute = try! SharedRegex(#"(?<![\w:.\[-])style\s*=\s*(?:"([^"]*)"|'([^']*)')"#)  // reviewbot:ignore quality.force-try

    /// Properties that change what is painted in ways the markup does not let us compute.
    private static let unjudgeable = [
        "opacity", "text-shadow", "-webkit-text-stroke", "-webkit-text-stroke-width", "filter", "mix-blend-mode",
        "background-image", "backdrop-filter",
    ]

    private static func blocksJudgement(_ style: [String: String]) -> Bool {
        for property in unjudgeable {
            guard let value = style[property]?.lowercased() else { continue }
            if property == "opacity", let opacity = Double(value), opacity >= 1 { continue }
            if value == "none" || value == "normal" || value == "initial" { continue }
            return true
        }
        if let background = style["background"]?.lowercased(),
            background.contains("url(") || background.contains("gradient(")
        {
            return true
        }
        return false
    }

    /// The background colour a style sets: `.some(color)`, `.some(nil)` when it sets one that cannot be
    /// judged, `nil` when it sets none.
    private static func background(of style: [String: String]) -> Color?? {
        if let value = style["background-color"] { return .some(parse(value)) }
        if let value = style["background"] { return .some(parse(value)) }
        return nil
    }

    /// Whether the style moves the text away from where its box is painted.
    private static func movesText(_ style: [String: String]) -> Bool {
        if let position = style["position"]?.lowercased(), position == "absolute" || position == "fixed" { return true }
        if style["text-indent"] != nil { return true }
        return style.contains { $0.key.hasPrefix("margin") && $0.value.contains("-") }
    }

    /// The font size in CSS pixels a style sets, if it sets one in absolute or root-relative units.
    private static func fontSize(of style: [String: String]) -> Double? {
        guard let value = style["font-size"]?.lowercased().replacingOccurrences(of: " ", with: "") else { return nil }
        let units: [(String, Double)] = [("px", 1), ("pt", 4.0 / 3.0), ("rem", 16), ("em", 16), ("%", 0.16)]
        for (unit, factor) in units where value.hasSuffix(unit) {
            return Double(value.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    private static func isBold(_ style: [String: String]) -> Bool {
        guard let weight = style["font-weight"]?.lowercased() else { return false }
        if weight == "bold" || weight == "bolder" { return true }
        return (Double(weight) ?? 0) >= 700
    }

    /// Whether the text of the element with `startTag` (inside `ancestors`, nearest first) has less contrast
    /// than WCAG 2 AA asks: 4.5:1, or 3:1 for large text (24px, or 18.66px bold) and for text whose size the
    /// markup does not state.
    static func isLow(startTag: String, ancestors: [Substring]) -> Bool {
        guard let own = style(of: startTag), !blocksJudgement(own), let colorValue = own["color"],
            let foreground = parse(colorValue)
        else { return false }
        // inactive controls are exempt; moved text may sit on another background
        if startTag.range(of: #"(?<![\w-])(?:disabled\b|aria-disabled\s*=\s*["']?true)"#, options: .regularExpression)
            != nil || movesText(own)
        {
            return false
        }
        // a class may give the element a background from a style sheet
        let styledElsewhere = #"(?<![\w:.\[-])class(?:Name)?\s*="#
        var backdrop: Color?
        var size = fontSize(of: own)
        var bold = isBold(own)
        if let set = background(of: own) {
            guard let color = set else { return false }
            backdrop = color
        } else if startTag.range(of: styledElsewhere, options: .regularExpression) != nil {
            return false
        }
        for ancestor in ancestors where backdrop == nil || size == nil {
            let tag = String(ancestor)
            let style = style(of: tag) ?? [:]
            if backdrop == nil {
                if blocksJudgement(style) { return false }
                if let set = background(of: style) {
                    guard let color = set else { return false }
                    backdrop = color
                } else if tag.range(of: styledElsewhere, options: .regularExpression) != nil {
                    return false
                }
            }
            if size == nil, let inherited = fontSize(of: style) {
                size = inherited
                bold = bold || isBold(style)
            }
        }
        guard let backdrop else { return false }
        let large = size.map { $0 >= 24 || (bold && $0 >= 18.66) } ?? true
        return ratio(foreground, backdrop) < (large ? 3 : 4.5)
    }

    /// CSS colour names and their hex values.
    static let names: [String: String] = [
        "black": "000000", "white": "ffffff", "red": "ff0000", "lime": "00ff00", "green": "008000", "blue": "0000ff",
        "yellow": "ffff00", "cyan": "00ffff", "aqua": "00ffff", "magenta": "ff00ff", "fuchsia": "ff00ff",
        "silver": "c0c0c0", "gray": "808080", "grey": "808080", "maroon": "800000", "olive": "808000",
        "purple": "800080", "teal": "008080", "navy": "000080", "orange": "ffa500", "darkgray": "a9a9a9",
        "darkgrey": "a9a9a9", "lightgray": "d3d3d3", "lightgrey": "d3d3d3", "dimgray": "696969", "dimgrey": "696969",
        "gainsboro": "dcdcdc", "whitesmoke": "f5f5f5", "gold": "ffd700", "pink": "ffc0cb", "brown": "a52a2a",
        "darkred": "8b0000", "darkgreen": "006400", "darkblue": "00008b", "lightblue": "add8e6",
        "lightyellow": "ffffe0", "lightgreen": "90ee90", "orangered": "ff4500", "tomato": "ff6347",
        "salmon": "fa8072", "coral": "ff7f50", "khaki": "f0e68c", "beige": "f5f5dc", "ivory": "fffff0",
        "lavender": "e6e6fa", "crimson": "dc143c", "indigo": "4b0082", "violet": "ee82ee", "plum": "dda0dd",
        "tan": "d2b48c", "chocolate": "d2691e", "skyblue": "87ceeb", "steelblue": "4682b4", "royalblue": "4169e1",
        "slategray": "708090", "slategrey": "708090", "lightslategray": "778899", "lightslategrey": "778899",
        "darkslategray": "2f4f4f", "darkslategrey": "2f4f4f", "midnightblue": "191970", "forestgreen": "228b22",
        "seagreen": "2e8b57", "limegreen": "32cd32", "darkorange": "ff8c00", "goldenrod": "daa520",
        "firebrick": "b22222", "hotpink": "ff69b4", "deeppink": "ff1493", "turquoise": "40e0d0",
        "aquamarine": "7fffd4", "mintcream": "f5fffa", "honeydew": "f0fff0", "azure": "f0ffff",
        "aliceblue": "f0f8ff", "ghostwhite": "f8f8ff", "snow": "fffafa", "seashell": "fff5ee", "linen": "faf0e6",
        "oldlace": "fdf5e6", "floralwhite": "fffaf0", "cornsilk": "fff8dc", "lemonchiffon": "fffacd",
        "wheat": "f5deb3", "mistyrose": "ffe4e1", "lavenderblush": "fff0f5", "papayawhip": "ffefd5",
        "blanchedalmond": "ffebcd", "bisque": "ffe4c4", "moccasin": "ffe4b5", "navajowhite": "ffdead",
        "peachpuff": "ffdab9", "antiquewhite": "faebd7", "rebeccapurple": "663399", "darkviolet": "9400d3",
        "darkmagenta": "8b008b", "darkcyan": "008b8b", "darkolivegreen": "556b2f", "olivedrab": "6b8e23",
        "yellowgreen": "9acd32", "chartreuse": "7fff00", "lawngreen": "7cfc00", "springgreen": "00ff7f",
        "mediumseagreen": "3cb371", "lightseagreen": "20b2aa", "cadetblue": "5f9ea0", "dodgerblue": "1e90ff",
        "deepskyblue": "00bfff", "cornflowerblue": "6495ed", "mediumblue": "0000cd", "darkslateblue": "483d8b",
        "slateblue": "6a5acd", "mediumslateblue": "7b68ee", "mediumpurple": "9370db", "blueviolet": "8a2be2",
        "darkorchid": "9932cc", "orchid": "da70d6", "mediumorchid": "ba55d3", "thistle": "d8bfd8",
        "sienna": "a0522d", "saddlebrown": "8b4513", "peru": "cd853f", "sandybrown": "f4a460",
        "burlywood": "deb887", "rosybrown": "bc8f8f", "indianred": "cd5c5c", "lightcoral": "f08080",
        "darksalmon": "e9967a", "lightsalmon": "ffa07a", "palevioletred": "db7093", "mediumvioletred": "c71585",
        "lightpink": "ffb6c1", "darkkhaki": "bdb76b", "palegoldenrod": "eee8aa", "lightgoldenrodyellow": "fafad2",
        "darkgoldenrod": "b8860b", "palegreen": "98fb98", "darkseagreen": "8fbc8f", "mediumspringgreen": "00fa9a",
        "mediumaquamarine": "66cdaa", "paleturquoise": "afeeee", "mediumturquoise": "48d1cc",
        "darkturquoise": "00ced1", "lightcyan": "e0ffff", "powderblue": "b0e0e6", "lightskyblue": "87cefa",
        "lightsteelblue": "b0c4de",
    ]
}
