/// What a review looks at: the files a change touches, with both versions of their text.
///
/// Built once by ``ChangeReader`` from libgit2 and then shared, immutable, with every agent.
public struct ChangeSet: Sendable, Equatable {
    public var target: ReviewTarget
    public var files: [FileChange]
    /// Files that are part of the change but were not reviewed, each with the reason.
    public var skipped: [SkippedFile]
    /// The added lines of the skipped files that have content, which the secret sweep reads all the same.
    public var unreviewed: [UnreviewedText]

    public init(
        target: ReviewTarget, files: [FileChange], skipped: [SkippedFile], unreviewed: [UnreviewedText] = []
    ) {
        self.target = target
        self.files = files
        self.skipped = skipped
        self.unreviewed = unreviewed
    }

    /// Number of lines the change adds or modifies, over all reviewed files.
    public var addedLineCount: Int { files.reduce(0) { $0 + $1.addedLines.count } }
}

/// Which two states of the repository are compared.
public struct ReviewTarget: Sendable, Equatable, Codable {
    /// What the user asked for: `A..B`, `A...B`, a commit, `--staged` or `--worktree`.
    public var range: String
    /// Object id of the old side (a commit), or nil for the empty tree.
    public var base: String?
    /// Object id of the new side (a commit), or nil for the index or the working tree.
    public var head: String?

    public init(range: String, base: String?, head: String?) {
        self.range = range
        self.base = base
        self.head = head
    }
}

/// How a file differs between the two sides.
public enum FileStatus: String, Sendable, Codable {
    case added, modified, deleted, renamed, copied
    case typeChanged = "type_changed"
}

/// One contiguous region of change, in the numbering of both sides (1-based, as in `@@` headers).
public struct Hunk: Sendable, Equatable, Codable {
    public var oldStart: Int
    public var oldLines: Int
    public var newStart: Int
    public var newLines: Int
    /// Lines of the new side that this hunk adds or modifies.
    public var addedLines: [Int]
    /// Lines of the old side that this hunk removes or modifies.
    public var removedLines: [Int]

    public init(oldStart: Int, oldLines: Int, newStart: Int, newLines: Int, addedLines: [Int], removedLines: [Int]) {
        self.oldStart = oldStart
        self.oldLines = oldLines
        self.newStart = newStart
        self.newLines = newLines
        self.addedLines = addedLines
        self.removedLines = removedLines
    }
}

/// One changed text file that is reviewed.
public struct FileChange: Sendable, Equatable {
    /// Repository-relative path of the new side (of the old side for a deletion), with `/`.
    public var path: String
    /// Old path, set for renames and copies.
    public var oldPath: String?
    public var status: FileStatus
    /// Similarity in percent for renames and copies.
    public var similarity: Int?
    public var hunks: [Hunk]
    /// Sorted 1-based line numbers of the new side that the change adds or modifies.
    public var addedLines: [Int]
    /// Full old text, nil when the file did not exist on the old side.
    public var oldText: String?
    /// Full new text, nil when the file does not exist on the new side.
    public var newText: String?

    public init(
        path: String, oldPath: String? = nil, status: FileStatus, similarity: Int? = nil, hunks: [Hunk],
        addedLines: [Int], oldText: String?, newText: String?
    ) {
        self.path = path
        self.oldPath = oldPath
        self.status = status
        self.similarity = similarity
        self.hunks = hunks
        self.addedLines = addedLines
        self.oldText = oldText
        self.newText = newText
    }
}

/// A file of the change that was not reviewed, and why (binary, too large, not UTF-8, ignored, …).
public struct SkippedFile: Sendable, Equatable, Codable {
    public enum Reason: String, Sendable, Codable {
        case binary
        case tooLarge = "too_large"
        case invalidUTF8 = "invalid_utf8"
        /// Lines far longer than people write: a bundle or generated file that no rule reads usefully.
        case minified
        case submodule
        case ignored
        case deleted
        case symlink
        /// Reviewed in part: the rules ran out of their time budget, or the review deadline passed.
        case timeBudget = "time_budget"
    }

    public var path: String
    public var status: FileStatus
    public var reason: Reason
    public var detail: String

    public init(path: String, status: FileStatus, reason: Reason, detail: String) {
        self.path = path
        self.status = status
        self.reason = reason
        self.detail = detail
    }
}

/// What a skipped file adds (binary, too large, not UTF-8, minified, ignored, vendored, generated): no rule
/// reviews it, but secret scanners read every added byte, and so does the secret sweep.
public struct UnreviewedText: Sendable, Equatable {
    /// Added lines, kept as one text so that the sweep can rule a whole file out with one keyword search.
    public struct Lines: Sendable, Equatable {
        /// The added lines joined by `\n` (invalid UTF-8 replaced).
        public var text: String
        /// The 1-based new-side number of each line of `text`.
        public var numbers: [Int]

        public init(text: String, numbers: [Int]) {
            self.text = text
            self.numbers = numbers
        }

        public var isEmpty: Bool { numbers.isEmpty }

        /// Each line with its number.
        public var each: [(number: Int, text: Substring)] {
            Array(zip(numbers, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
    }

    public var path: String
    /// Why no rule reads the file.
    public var reason: SkippedFile.Reason
    public var lines: Lines

    public init(path: String, reason: SkippedFile.Reason, lines: Lines) {
        self.path = path
        self.reason = reason
        self.lines = lines
    }

    /// The added lines of a file whose rules ran out of time.
    public init(partlyReviewed file: FileChange) {
        let all = (file.newText ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let numbers = file.addedLines.filter { $0 <= all.count }
        self.init(
            path: file.path, reason: .timeBudget,
            lines: Lines(text: numbers.map { all[$0 - 1] }.joined(separator: "\n"), numbers: numbers))
    }

    /// The most bytes of one side of a file the sweep reads; a larger file is noted as not swept.
    public static let byteLimit = 64 << 20

    /// The lines of `new` that `old` does not have (as many times as they are added): a diff without
    /// positions, which is all a secret scan needs and costs one pass over each side. Lines are compared by a
    /// 64-bit hash of their bytes.
    public static func added(old: UnsafeRawBufferPointer?, new: UnsafeRawBufferPointer) -> Lines {
        var remaining: [UInt64: Int] = [:]
        if let old {
            forEachLine(old) { remaining[hash(old, $0), default: 0] += 1 }
        }
        var bytes: [UInt8] = []
        var numbers: [Int] = []
        var number = 0
        forEachLine(new) { range in
            number += 1
            let key = hash(new, range)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                return
            }
            guard new[range].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
            if !numbers.isEmpty { bytes.append(0x0A) }
            bytes.append(contentsOf: new[range])
            numbers.append(number)
        }
        return Lines(text: String(decoding: bytes, as: UTF8.self), numbers: numbers)
    }

    private static func forEachLine(_ bytes: UnsafeRawBufferPointer, _ body: (Range<Int>) -> Void) {
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            body(start..<index)
            start = index + 1
        }
        body(start..<bytes.count)
    }

    /// FNV-1a over the bytes of one line.
    private static func hash(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash ^= UInt64(bytes[index])
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
