import Foundation

/// A JSON document as a `Sendable` value: request bodies, schemas and the answers of providers.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The most bytes ``parse(_:)`` reads: a model's answer of findings is a few kilobytes (1 MiB is some 250,000
    /// tokens); a bigger body is refused before any parsing (6 MiB took 15 s to decode).
    public static let maxBytes = 1 << 20
    /// The deepest nesting of arrays and objects ``parse(_:)`` accepts. Findings nest three or four levels; a
    /// body nested a million levels deep overflowed the stack of the recursive decoder (no report at all).
    public static let maxDepth = 64

    /// Parses UTF-8 JSON; nil when it is not JSON, or is larger or nested deeper than the limits allow
    /// (``tooLargeOrDeep(_:)`` tells which, for messages).
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard tooLargeOrDeep(bytes) == nil else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Why `bytes` are refused before parsing: over ``maxBytes``, or arrays and objects nested deeper than
    /// ``maxDepth`` (counted by one pass over the bytes that skips strings); nil when they may be parsed.
    public static func tooLargeOrDeep(_ bytes: [UInt8]) -> String? {
        if bytes.count > maxBytes { return "larger than \(maxBytes) bytes" }
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x5B || byte == 0x7B {
                depth += 1
                if depth > maxDepth { return "nested deeper than \(maxDepth) levels" }
            } else if byte == 0x5D || byte == 0x7D {
                depth -= 1
            }
        }
        return nil
    }

    public static func parse(_ text: String) -> JSONValue? { parse(Array(text.utf8)) }

    /// Compact JSON with sorted keys: the same value always gives the same bytes (cache keys depend on it).
    public var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map(Array.init) ?? Array("null".utf8)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// A whole number, also from `42.0` or `"42"` (small models write numbers as strings).
    public var integer: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value) where value == value.rounded() && abs(value) < 1e9: return Int(value)
        case .string(let value): return Int(value.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }
}
