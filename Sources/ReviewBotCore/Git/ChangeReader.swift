internal import CLibGit2
import Foundation

/// Which change to review, as the user asked for it.
public enum ChangeRequest: Sendable, Equatable {
    /// `A..B`, `A...B`, or one commit against its first parent.
    case revision(String)
    /// The index against HEAD (against the empty tree before the first commit).
    case staged
    /// The working tree (with untracked, not ignored files) against HEAD.
    case worktree

    public var label: String {
        switch self {
        case .revision(let spec): spec
        case .staged: "--staged"
        case .worktree: "--worktree"
        }
    }
}

/// Reads a change with libgit2 and copies everything the reviewers need into a ``ChangeSet``.
///
/// All libgit2 handles live inside ``read(_:)`` and are freed before it returns, on the calling thread.
public struct ChangeReader: Sendable {
    public var repositoryPath: String
    /// Files larger than this (either side) are skipped with a note.
    public var maxFileBytes: Int
    /// Decides which paths are not reviewed at all (ignore globs).
    public var isIgnored: @Sendable (String) -> Bool
    /// When set, only these (new-side) paths are read: the fixer's re-review of the files it touched.
    public var onlyPaths: Set<String>?

    public init(
        repositoryPath: String, maxFileBytes: Int = 1_048_576,
        isIgnored: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.repositoryPath = repositoryPath
        self.maxFileBytes = maxFileBytes
        self.isIgnored = isIgnored
    }

    /// The options of the diff, and of the patch of each file: no context, exact hunks.
    func diffOptions() -> git_diff_options {
        var options = CLibGit2_diff_options_init()
        options.context_lines = 0
        options.interhunk_lines = 0
        options.max_size = Int64(maxFileBytes)
        // Whether a file is binary is decided by its bytes (``looksBinary(_:)``), never by `.gitattributes`: the
        // change under review could otherwise mark its own files `binary` or `-diff` and hide them.
        options.flags |= GIT_DIFF_FORCE_TEXT.rawValue
        return options
    }

    public func read(_ request: ChangeRequest) throws(GitError) -> ChangeSet {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var options = diffOptions()
        var diffHandle: OpaquePointer?
        let target: ReviewTarget
        var findFlags = GIT_DIFF_FIND_RENAMES.rawValue

        switch request {
        case .revision(let spec):
            let (old, new, range) = try resolve(spec, in: repository)
            let oldTree = try old?.tree()
            let newTree = try new.tree()
            target = ReviewTarget(range: range, base: old?.sha, head: new.sha)
            guard
                git_diff_tree_to_tree(&diffHandle, repository.pointer, oldTree?.pointer, newTree.pointer, &options) == 0
            else { throw lastGitError(.unreadableObject, "cannot diff \(spec)") }
        case .staged:
            let head = repository.isHeadUnborn ? nil : try repository.commit("HEAD")
            let headTree = try head?.tree()
            target = ReviewTarget(range: "--staged", base: head?.sha, head: nil)
            let index = try repository.stagingIndex()
            defer { git_index_free(index) }
            guard git_diff_tree_to_index(&diffHandle, repository.pointer, headTree?.pointer, index, &options) == 0
            else {
                throw lastGitError(.unreadableObject, "cannot diff the index against HEAD")
            }
        case .worktree:
            guard repository.workdir != nil else {
                throw GitError(.other, "--worktree needs a working tree, and this repository is bare")
            }
            let head = repository.isHeadUnborn ? nil : try repository.commit("HEAD")
            let headTree = try head?.tree()
            target = ReviewTarget(range: "--worktree", base: head?.sha, head: nil)
            // SHOW_UNTRACKED_CONTENT: without it libgit2 gives untracked files no hunks, so no added lines.
            options.flags |=
                GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
                | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
            findFlags |= GIT_DIFF_FIND_FOR_UNTRACKED.rawValue
            guard git_diff_tree_to_workdir_with_index(&diffHandle, repository.pointer, headTree?.pointer, &options) == 0
            else { throw lastGitError(.unreadableObject, "cannot diff the working tree against HEAD") }
        }
        guard let diffHandle else { throw GitError(.other, "libgit2 returned no diff") }
        defer { git_diff_free(diffHandle) }

        var findOptions = CLibGit2_diff_find_options_init()
        findOptions.flags = findFlags
        guard git_diff_find_similar(diffHandle, &findOptions) == 0 else {
            throw lastGitError(.other, "rename detection failed")
        }

        var files: [FileChange] = []
        var skipped: [SkippedFile] = []
        var unreviewed: [UnreviewedText] = []
        let count = git_diff_num_deltas(diffHandle)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        if request == .worktree {
            // The new side is read from the disk (through libgit2's filters for the patch), so the patch
            // comes from the diff itself.
            for index in 0..<count {
                guard let delta = git_diff_get_delta(diffHandle, index)?.pointee, selects(delta) else { continue }
                entries.append(
                    try readWorktreeDelta(DeltaInfo(delta), at: index, of: diffHandle, repository: repository))
            }
        } else {
            // Both sides are blobs: each is loaded once, its patch made from the loaded blobs, and large
            // changes are read on several threads, one repository handle per thread.
            var deltas: [DeltaInfo] = []
            deltas.reserveCapacity(count)
            for index in 0..<count {
                guard let delta = git_diff_get_delta(diffHandle, index)?.pointee, selects(delta) else { continue }
                deltas.append(DeltaInfo(delta))
            }
            entries = try readStoredDeltas(deltas, repository: repository)
        }
        for entry in entries {
            switch entry {
            case .file(let file): files.append(file)
            case .skipped(let note, let text):
                skipped.append(note)
                if let text, !text.lines.isEmpty { unreviewed.append(text) }
            case .none: break
            }
        }
        files.sort { $0.path < $1.path }
        skipped.sort { $0.path < $1.path }
        unreviewed.sort { $0.path < $1.path }
        return ChangeSet(target: target, files: files, skipped: skipped, unreviewed: unreviewed)
    }

    /// Whether the delta is one of ``onlyPaths`` (always, when no paths are set). Filtering after rename
    /// detection keeps a renamed file a rename.
    private func selects(_ delta: git_diff_delta) -> Bool {
        guard let onlyPaths else { return true }
        guard let path = delta.new_file.path ?? delta.old_file.path else { return false }
        return onlyPaths.contains(String(cString: path))
    }
    /// The id of git's empty tree (`git hash-object -t tree /dev/null`), accepted as the left side of `A..B`.
    public static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// Turns `A..B`, `A...B` or `C` into the old and new commits.
    func resolve(_ spec: String, in repository: Repository) throws(GitError) -> (Commit?, Commit, String) {
        if let range = spec.range(of: "...") {
            let left = String(spec[..<range.lowerBound])
            let right = String(spec[range.upperBound...])
            let one = try repository.commit(left.isEmpty ? "HEAD" : left)
            let two = try repository.commit(right.isEmpty ? "HEAD" : right)
            return (try repository.mergeBase(one, two), two, spec)
        }
        if let range = spec.range(of: "..") {
            let left = String(spec[..<range.lowerBound])
            let right = String(spec[range.upperBound...])
            // git's empty tree on the left: every line of B is new (a baseline of a whole tree, a first push).
            let one = left == Self.emptyTree ? nil : try repository.commit(left.isEmpty ? "HEAD" : left)
            let two = try repository.commit(right.isEmpty ? "HEAD" : right)
            return (one, two, spec)
        }
        let commit = try repository.commit(spec)
        return (try commit.firstParent(in: repository), commit, spec)
    }

    private enum Entry: Sendable {
        case file(FileChange)
        /// A file no rule reviews, with what it adds when it has content (for the secret sweep).
        case skipped(SkippedFile, UnreviewedText?)
        case none
    }

    /// One delta of the diff, copied out of libgit2 so that other threads can read its blobs.
    private struct DeltaInfo: Sendable {
        var status: git_delta_t
        var oldPath: String
        var newPath: String
        var oldId: git_oid
        var newId: git_oid
        var oldMode: UInt16
        var newMode: UInt16
        var oldFlags: UInt32
        var similarity: UInt16

        init(_ delta: git_diff_delta) {
            status = delta.status
            oldPath = String(cString: delta.old_file.path)
            newPath = String(cString: delta.new_file.path)
            oldId = delta.old_file.id
            newId = delta.new_file.id
            oldMode = delta.old_file.mode
            newMode = delta.new_file.mode
            oldFlags = delta.old_file.flags
            similarity = delta.similarity
        }
    }

    /// Deltas per thread below which reading them on one thread is faster than opening more handles.
    private static let deltasPerWorker = 24

    /// Reads every delta whose two sides are blobs, in the order of `deltas`; the first error in that
    /// order is thrown, as if they had been read one after the other.
    private func readStoredDeltas(_ deltas: [DeltaInfo], repository: Repository) throws(GitError) -> [Entry] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, 8, deltas.count / Self.deltasPerWorker)
        if workers <= 1 {
            var entries: [Entry] = []
            entries.reserveCapacity(deltas.count)
            for delta in deltas { entries.append(try readStoredDelta(delta, repository: repository)) }
            return entries
        }
        let work = DeltaWork<Entry>(count: deltas.count)
        let path = repositoryPath
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // libgit2 handles are not shared between threads: each worker opens the repository itself.
            guard let own = try? Repository(discoveringFrom: path) else { return }
            while let index = work.claim() {
                let result = Result { () throws(GitError) -> Entry in
                    try self.readStoredDelta(deltas[index], repository: own)
                }
                work.store(result, at: index)
                if case .failure = result { work.stop() }
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(deltas.count)
        for (index, delta) in deltas.enumerated() {
            // Anything a worker did not get to (it could not open the repository, or an earlier error
            // stopped the others) is read here, in order.
            if let result = work.result(at: index) {
                entries.append(try result.get())
            } else {
                entries.append(try readStoredDelta(delta, repository: repository))
            }
        }
        return entries
    }

    private static func fileStatus(_ status: git_delta_t) -> FileStatus? {
        switch status {
        case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED: .added
        case GIT_DELTA_DELETED: .deleted
        case GIT_DELTA_MODIFIED: .modified
        case GIT_DELTA_RENAMED: .renamed
        case GIT_DELTA_COPIED: .copied
        case GIT_DELTA_TYPECHANGE: .typeChanged
        default: nil
        }
    }

    /// The checks every delta goes through before its content is read, in order: unknown status,
    /// ignored, deleted, submodule, symbolic link. Returns the entry when one of them decides it.
    private func precheck(_ delta: DeltaInfo) -> (entry: Entry?, status: FileStatus, path: String) {
        guard let status = Self.fileStatus(delta.status) else { return (Entry.none, .modified, delta.newPath) }
        let path = status == .deleted ? delta.oldPath : delta.newPath
        func skip(_ reason: SkippedFile.Reason, _ detail: String) -> (Entry?, FileStatus, String) {
            (.skipped(SkippedFile(path: path, status: status, reason: reason, detail: detail), nil), status, path)
        }
        if isIgnored(path) { return skip(.ignored, "matches an ignore glob") }
        if status == .deleted { return skip(.deleted, "deleted") }
        let commitMode = UInt16(GIT_FILEMODE_COMMIT.rawValue)
        if delta.newMode == commitMode || delta.oldMode == commitMode { return skip(.submodule, "submodule") }
        if delta.newMode == UInt16(GIT_FILEMODE_LINK.rawValue) { return skip(.symlink, "symbolic link") }
        return (nil, status, path)
    }

    /// The entry of a file whose larger side exceeds the limit, or nil when it fits.
    private func oversized(_ sizes: [Int], path: String, status: FileStatus) -> Entry? {
        guard let largest = sizes.max(), largest > maxFileBytes else { return nil }
        return .skipped(
            SkippedFile(
                path: path, status: status, reason: .tooLarge,
                detail: "\(largest) bytes, over the limit of \(maxFileBytes)"), nil)
    }

    /// The reviewed file, once its patch and texts are read.
    private func fileEntry(
        _ delta: DeltaInfo, status: FileStatus, path: String, hunks: [Hunk], added: [Int], oldText: String?,
        newText: String
    ) -> Entry {
        if let detail = Self.minified(newText) {
            var newText = newText
            let lines = newText.withUTF8 { new in
                var old = oldText
                return old?.withUTF8 { UnreviewedText.added(old: UnsafeRawBufferPointer($0), new: .init(new)) }
                    ?? UnreviewedText.added(old: nil, new: .init(new))
            }
            return .skipped(
                SkippedFile(path: path, status: status, reason: .minified, detail: detail),
                UnreviewedText(path: path, reason: .minified, lines: lines))
        }
        let moved = status == .renamed || status == .copied
        return .file(
            FileChange(
                path: path, oldPath: moved ? delta.oldPath : nil, status: status,
                similarity: moved ? Int(delta.similarity) : nil, hunks: hunks, addedLines: added.sorted(),
                oldText: oldText, newText: newText))
    }

    /// A file is minified (a bundle, generated code) when one line is over `minifiedLine` bytes, or it has at
    /// least `minifiedLines` lines averaging over `minifiedAverage` bytes: hand-written code, even with an inline
    /// SVG path or a data line, stays far below both, while rule patterns that look across lines cost time
    /// quadratic in a line's length.
    static let minifiedLine = 20_000
    static let minifiedLines = 10
    static let minifiedAverage = 2_000

    /// Why `text` counts as minified, or nil.
    static func minified(_ text: String) -> String? {
        let bytes = text.utf8
        guard bytes.count > minifiedAverage else { return nil }
        var lines = 1
        var longest = 0
        var current = 0
        for byte in bytes {
            if byte == 0x0A {
                lines += 1
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        longest = max(longest, current)
        if longest > minifiedLine { return "minified: a line of \(longest) bytes" }
        if lines >= minifiedLines && bytes.count / lines > minifiedAverage {
            return "minified: \(lines) lines averaging \(bytes.count / lines) bytes"
        }
        return nil
    }

    /// A delta between two blobs (a range or the index): each blob is loaded once and the patch is made
    /// from it.
    private func readStoredDelta(_ delta: DeltaInfo, repository: Repository) throws(GitError) -> Entry {
        let (decided, status, path) = precheck(delta)
        if let decided { return try sweepingStored(decided, delta, repository: repository) }
        var sizes: [Int] = []
        if delta.oldFlags & GIT_DIFF_FLAG_EXISTS.rawValue != 0 || delta.status != GIT_DELTA_ADDED {
            if let size = repository.blobSize(delta.oldId) { sizes.append(size) }
        }
        if let size = repository.blobSize(delta.newId) { sizes.append(size) }
        if let skipped = oversized(sizes, path: path, status: status) {
            return try sweepingStored(skipped, delta, repository: repository)
        }

        // An added file has no old side; every other status diffs the old blob against the new one.
        let oldBlob = status == .added ? nil : try BlobHandle(delta.oldId, in: repository, path: path)
        let newBlob = try BlobHandle(delta.newId, in: repository, path: path)
        if newBlob.looksBinary || oldBlob?.looksBinary == true {
            return unreviewed(.binary, "binary file", path: path, status: status, old: oldBlob, new: newBlob)
        }
        var patch: OpaquePointer?
        var patchOptions = diffOptions()
        guard
            git_patch_from_blobs(&patch, oldBlob?.pointer, delta.oldPath, newBlob.pointer, delta.newPath, &patchOptions)
                == 0,
            let patch
        else {
            throw lastGitError(.unreadableObject, "cannot diff \(path)")
        }
        defer { git_patch_free(patch) }
        let (hunks, added) = Self.hunks(of: patch)
        guard let newText = newBlob.text(), let oldText = oldBlob.map({ $0.text() }) ?? .some(nil) else {
            return unreviewed(.invalidUTF8, "not valid UTF-8", path: path, status: status, old: oldBlob, new: newBlob)
        }
        return fileEntry(
            delta, status: status, path: path, hunks: hunks, added: added, oldText: oldText, newText: newText)
    }

    /// A skipped file with what its blobs add, for the secret sweep.
    private func unreviewed(
        _ reason: SkippedFile.Reason, _ detail: String, path: String, status: FileStatus, old: BlobHandle?,
        new: BlobHandle
    ) -> Entry {
        let lines = new.withBytes { new in
            old?.withBytes { UnreviewedText.added(old: $0, new: new) } ?? UnreviewedText.added(old: nil, new: new)
        }
        return .skipped(
            SkippedFile(path: path, status: status, reason: reason, detail: detail),
            UnreviewedText(path: path, reason: reason, lines: lines))
    }

    /// The skip of an ignored or too large regular file, whose added text the secret sweep reads; nil for any other
    /// entry (a reviewed file, a deletion, a submodule, a link).
    private static func sweepable(_ entry: Entry, _ delta: DeltaInfo) -> SkippedFile? {
        guard case .skipped(let note, nil) = entry, note.reason == .ignored || note.reason == .tooLarge,
            delta.newMode == UInt16(GIT_FILEMODE_BLOB.rawValue)
                || delta.newMode == UInt16(GIT_FILEMODE_BLOB_EXECUTABLE.rawValue)
        else { return nil }
        return note
    }

    /// The skip of a file too large even for the secret sweep, saying so.
    private static func unswept(_ note: SkippedFile) -> Entry {
        var note = note
        note.detail += "; over \(UnreviewedText.byteLimit >> 20) MiB, not even swept for secrets"
        return .skipped(note, nil)
    }

    /// `entry` when it is not a skipped file with content (a deletion, a submodule, a link); otherwise the
    /// same skip with what the file adds, read from its blobs for the secret sweep.
    private func sweepingStored(_ entry: Entry, _ delta: DeltaInfo, repository: Repository) throws(GitError) -> Entry {
        guard let note = Self.sweepable(entry, delta) else { return entry }
        let oldExists =
            delta.status != GIT_DELTA_ADDED && delta.oldMode != UInt16(GIT_FILEMODE_COMMIT.rawValue)
            && delta.oldMode != 0
        let sizes = [repository.blobSize(delta.newId), oldExists ? repository.blobSize(delta.oldId) : 0]
        guard sizes.allSatisfy({ ($0 ?? Int.max) <= UnreviewedText.byteLimit }) else { return Self.unswept(note) }
        let newBlob = try BlobHandle(delta.newId, in: repository, path: note.path)
        let oldBlob = oldExists ? try BlobHandle(delta.oldId, in: repository, path: note.path) : nil
        let swept = unreviewed(
            note.reason, note.detail, path: note.path, status: note.status, old: oldBlob, new: newBlob)
        guard case .skipped(_, let text) = swept else { return entry }
        return .skipped(note, text)
    }

    /// The hunks of a patch, and the new-side numbers of the lines it adds (in patch order).
    static func hunks(of patch: OpaquePointer) -> (hunks: [Hunk], added: [Int]) {
        var hunks: [Hunk] = []
        var added: [Int] = []
        let hunkCount = git_patch_num_hunks(patch)
        for hunkIndex in 0..<hunkCount {
            var hunkPointer: UnsafePointer<git_diff_hunk>?
            var lineCount = 0
            guard git_patch_get_hunk(&hunkPointer, &lineCount, patch, hunkIndex) == 0, let header = hunkPointer?.pointee
            else { continue }
            var hunkAdded: [Int] = []
            var hunkRemoved: [Int] = []
            for lineIndex in 0..<lineCount {
                var linePointer: UnsafePointer<git_diff_line>?
                guard git_patch_get_line_in_hunk(&linePointer, patch, hunkIndex, lineIndex) == 0,
                    let line = linePointer?.pointee
                else { continue }
                switch UInt32(UInt8(bitPattern: line.origin)) {
                case GIT_DIFF_LINE_ADDITION.rawValue: hunkAdded.append(Int(line.new_lineno))
                case GIT_DIFF_LINE_DELETION.rawValue: hunkRemoved.append(Int(line.old_lineno))
                default: break
                }
            }
            added.append(contentsOf: hunkAdded)
            hunks.append(
                Hunk(
                    oldStart: Int(header.old_start), oldLines: Int(header.old_lines), newStart: Int(header.new_start),
                    newLines: Int(header.new_lines), addedLines: hunkAdded, removedLines: hunkRemoved))
        }
        return (hunks, added)
    }

    /// A delta of `--worktree`: the new side is read from the disk, and the patch comes from the diff
    /// (through libgit2's filters).
    private func readWorktreeDelta(
        _ delta: DeltaInfo, at index: Int, of diff: OpaquePointer, repository: Repository
    ) throws(GitError) -> Entry {
        let (decided, status, path) = precheck(delta)
        if let decided { return try sweepingWorktree(decided, delta, repository: repository) }
        guard let workdir = repository.workdir else {
            throw GitError(.unreadableObject, "cannot read \(delta.newPath) from the working tree")
        }
        var sizes: [Int] = []
        if status != .added, let size = repository.blobSize(delta.oldId) { sizes.append(size) }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: workdir + delta.newPath),
            let size = attributes[.size] as? Int
        {
            sizes.append(size)
        }
        if let skipped = oversized(sizes, path: path, status: status) {
            return try sweepingWorktree(skipped, delta, repository: repository)
        }

        let oldBytes: [UInt8]? = status == .added ? nil : try repository.blobData(delta.oldId)
        guard let data = FileManager.default.contents(atPath: workdir + delta.newPath) else {
            throw GitError(.unreadableObject, "cannot read \(delta.newPath) from the working tree")
        }
        let newBytes = [UInt8](data)
        func unreviewed(_ reason: SkippedFile.Reason, _ detail: String) -> Entry {
            .skipped(
                SkippedFile(path: path, status: status, reason: reason, detail: detail),
                UnreviewedText(path: path, reason: reason, lines: Self.added(old: oldBytes, new: newBytes)))
        }
        if Self.looksBinary(newBytes) || oldBytes.map(Self.looksBinary) == true {
            return unreviewed(.binary, "binary file")
        }
        var patch: OpaquePointer?
        guard git_patch_from_diff(&patch, diff, index) == 0, let patch else {
            throw lastGitError(.unreadableObject, "cannot diff \(path)")
        }
        defer { git_patch_free(patch) }
        let (hunks, added) = Self.hunks(of: patch)

        guard let newText = String(validating: newBytes, as: UTF8.self),
            let oldText = oldBytes.map({ String(validating: $0, as: UTF8.self) }) ?? .some(nil)
        else {
            return unreviewed(.invalidUTF8, "not valid UTF-8")
        }
        return fileEntry(
            delta, status: status, path: path, hunks: hunks, added: added, oldText: oldText, newText: newText)
    }
}

extension ChangeReader {
    /// Whether bytes are binary the way git decides it without attributes: a NUL in the first 8,000 bytes.
    static func looksBinary<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.prefix(8000).contains(0)
    }

    static func added(old: [UInt8]?, new: [UInt8]) -> UnreviewedText.Lines {
        new.withUnsafeBytes { new in
            old?.withUnsafeBytes { UnreviewedText.added(old: $0, new: new) } ?? UnreviewedText.added(old: nil, new: new)
        }
    }

    /// `entry` with what the working-tree file adds, for the secret sweep, when it is an ignored or too large
    /// regular file; any other entry as it is.
    private func sweepingWorktree(_ entry: Entry, _ delta: DeltaInfo, repository: Repository) throws(GitError)
        -> Entry
    {
        guard let note = Self.sweepable(entry, delta), let workdir = repository.workdir else { return entry }
        let path = workdir + delta.newPath
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let oldExists = delta.status != GIT_DELTA_ADDED && delta.status != GIT_DELTA_UNTRACKED && delta.oldMode != 0
        let oldSize = oldExists ? repository.blobSize(delta.oldId) ?? Int.max : 0
        guard size <= UnreviewedText.byteLimit, oldSize <= UnreviewedText.byteLimit else { return Self.unswept(note) }
        guard let data = FileManager.default.contents(atPath: path) else { return entry }
        let old = oldExists ? try repository.blobData(delta.oldId) : nil
        return .skipped(
            note, UnreviewedText(path: note.path, reason: note.reason, lines: Self.added(old: old, new: [UInt8](data))))
    }
}

/// One loaded blob, freed with its handle; its bytes are read in place.
private final class BlobHandle {
    let pointer: OpaquePointer

    init(_ oid: git_oid, in repository: Repository, path: String) throws(GitError) {
        var blob: OpaquePointer?
        var id = oid
        guard git_blob_lookup(&blob, repository.pointer, &id) == 0, let blob else {
            throw lastGitError(.unreadableObject, "cannot diff \(path)")
        }
        pointer = blob
    }

    deinit { git_blob_free(pointer) }

    /// Calls `body` with the blob's bytes, valid only during the call.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let size = Int(git_blob_rawsize(pointer))
        return body(UnsafeRawBufferPointer(start: size > 0 ? git_blob_rawcontent(pointer) : nil, count: size))
    }

    var looksBinary: Bool { withBytes { ChangeReader.looksBinary($0) } }

    /// The content as a string, or nil when it is not valid UTF-8.
    func text() -> String? {
        let size = Int(git_blob_rawsize(pointer))
        guard size > 0, let raw = git_blob_rawcontent(pointer) else { return "" }
        let bytes = UnsafeRawBufferPointer(start: raw, count: size).bindMemory(to: UInt8.self)
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Hands out delta indexes to worker threads and keeps their results by index.
private final class DeltaWork<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var stopped = false
    private var results: [Result<Value, GitError>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, next < results.count else { return nil }
        next += 1
        return next - 1
    }

    /// After an error, no more work is handed out: the deltas after it would not have been read.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    func store(_ result: Result<Value, GitError>, at index: Int) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }

    func result(at index: Int) -> Result<Value, GitError>? {
        lock.lock()
        defer { lock.unlock() }
        return results[index]
    }
}
