/// How the fuzz targets read their input bytes.
///
/// Inputs that stand for a file of a repository start with the file's name on their own line (`app.py\n…`):
/// the name picks the language as a path would, and libFuzzer mutates it too. `scripts/fuzz.sh` adds the line
/// to the seeds and removes it again from the inputs it files under `Fixtures/bad-inputs/`.
public enum FuzzInput {
    /// The longest name line kept; anything longer is content without a name.
    static let maxNameBytes = 100

    /// The file name (sanitised to `[A-Za-z0-9._-]`, `input.txt` when empty) and the content after it.
    public static func namedFile(_ bytes: [UInt8]) -> (path: String, content: [UInt8]) {
        guard let newline = bytes.prefix(maxNameBytes + 1).firstIndex(of: 0x0A) else { return ("input.txt", bytes) }
        let allowed = bytes[..<newline].filter { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        let name = String(decoding: allowed, as: UTF8.self)
        let path = name.isEmpty || name.allSatisfy({ $0 == "." }) ? "input.txt" : name
        return (path, Array(bytes[(newline + 1)...]))
    }

    /// Splits at the first `marker`: the part before it and the part after; nil before when there is no marker.
    public static func split(_ bytes: [UInt8], at marker: [UInt8]) -> (before: [UInt8]?, after: [UInt8]) {
        guard marker.count <= bytes.count else { return (nil, bytes) }
        for start in 0...(bytes.count - marker.count) where bytes[start..<(start + marker.count)].elementsEqual(marker)
        {
            return (Array(bytes[..<start]), Array(bytes[(start + marker.count)...]))
        }
        return (nil, bytes)
    }

    /// The bytes of a libFuzzer input.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: start, count: count))
    }
}

/// Stops the fuzz run with a message when an invariant of reviewbot fails (libFuzzer files the input as a crash).
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant broken: \(message())") }
}
