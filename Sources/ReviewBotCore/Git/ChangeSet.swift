/// What a review looks at: the files a change touches, with both versions of their text.
///
/// Built once by ``ChangeReader`` from libgit2 and then shared, immutable, with every agent.
public struct ChangeSet: Sendable, Equatable {
    public var target: ReviewTarget
    public var files: [FileChange]
    /// Files that are part of the change but were not reviewed, each with the reason.
    public var skipped: [SkippedFile]

    public init(target: ReviewTarget, files: [FileChange], skipped: [SkippedFile]) {
        self.target = target
        self.files = files
        self.skipped = skipped
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
