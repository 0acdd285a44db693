internal import CLibGit2
import Foundation

/// Where HEAD points: the commit, and the reference that moves when a commit is added on top.
public struct HeadState: Sendable, Equatable, Codable {
    public var commit: String
    /// `refs/heads/<branch>`, or `HEAD` when it is detached.
    public var reference: String
}

/// The writing side of the repository, for the fixer: files, index entries, commits and the HEAD
/// reference, each changed in a way a crash cannot leave half done.
///
/// Every call opens the repository, does its work on the calling thread, and frees every libgit2
/// handle before it returns, so the value can be passed between tasks.
public struct Workspace: Sendable {
    public var repositoryPath: String

    public init(repositoryPath: String) {
        self.repositoryPath = repositoryPath
    }

    /// The working directory with a trailing `/`.
    public func workdir() throws(GitError) -> String {
        let repository = try Repository(discoveringFrom: repositoryPath)
        guard let workdir = repository.workdir else {
            throw GitError(.other, "the repository is bare: there is no working tree to fix")
        }
        return workdir
    }

    public func gitDirectory() throws(GitError) -> String {
        try Repository(discoveringFrom: repositoryPath).gitDirectory
    }

    public func head() throws(GitError) -> HeadState {
        let repository = try Repository(discoveringFrom: repositoryPath)
        if repository.isHeadUnborn {
            throw GitError(.emptyRepository, "the repository has no commits yet, so there is nothing to fix")
        }
        var reference: OpaquePointer?
        guard git_repository_head(&reference, repository.pointer) == 0, let reference else {
            throw lastGitError(.emptyRepository, "HEAD does not point at a commit")
        }
        defer { git_reference_free(reference) }
        guard let target = git_reference_target(reference) else {
            throw GitError(.other, "HEAD is not a direct reference to a commit")
        }
        let detached = git_repository_head_detached(repository.pointer) == 1
        let name = detached ? "HEAD" : String(cString: git_reference_name(reference))
        return HeadState(commit: Repository.sha(of: target.pointee), reference: name)
    }

    /// Whether `path` has staged or unstaged changes (untracked counts as changed).
    public func hasLocalChanges(_ path: String) throws(GitError) -> (staged: Bool, unstaged: Bool) {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var flags: UInt32 = 0
        guard git_status_file(&flags, repository.pointer, path) == 0 else {
            throw lastGitError(.unreadableObject, "cannot read the status of \(path)")
        }
        let index =
            GIT_STATUS_INDEX_NEW.rawValue | GIT_STATUS_INDEX_MODIFIED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue
            | GIT_STATUS_INDEX_RENAMED.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue
        let worktree =
            GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_WT_MODIFIED.rawValue | GIT_STATUS_WT_DELETED.rawValue
            | GIT_STATUS_WT_RENAMED.rawValue | GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_CONFLICTED.rawValue
        return (flags & index != 0, flags & worktree != 0)
    }

    /// The bytes of `path` in `commit`, or nil when the commit has no such file.
    public func contents(of path: String, at commit: String) throws(GitError) -> [UInt8]? {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let tree = try repository.commit(commit).tree()
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.pointer, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        return try repository.blobData(git_tree_entry_id(entry).pointee)
    }

    /// The bytes of `path` in the index (the one `GIT_INDEX_FILE` names, like git), or nil.
    public func stagedContents(of path: String) throws(GitError) -> [UInt8]? {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let index = try repository.stagingIndex()
        defer { git_index_free(index) }
        guard let entry = git_index_get_bypath(index, path, 0) else { return nil }
        return try repository.blobData(entry.pointee.id)
    }

    /// The bytes of `path` in the working tree, or nil when it is missing.
    public func workingContents(of path: String) throws(GitError) -> [UInt8]? {
        let url = URL(fileURLWithPath: try workdir() + path)
        return (try? Data(contentsOf: url)).map { [UInt8]($0) }
    }

    /// Writes a commit whose tree is `parent`'s with `files` replaced, and returns its id. Nothing
    /// moves: the commit is only an object until ``moveReference(_:from:to:)``.
    public func writeCommit(parent: String, files: [String: [UInt8]], message: String) throws(GitError) -> String {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let parentCommit = try repository.commit(parent)
        let parentTree = try parentCommit.tree()

        var index: OpaquePointer?
        guard git_index_new(&index) == 0, let index else {
            throw lastGitError(.other, "cannot create an index in memory")
        }
        defer { git_index_free(index) }
        guard git_index_read_tree(index, parentTree.pointer) == 0 else {
            throw lastGitError(.unreadableObject, "cannot read the tree of \(parent.prefix(12))")
        }
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            guard let existing = git_index_get_bypath(index, path, 0) else {
                throw GitError(.other, "\(path) is not in \(parent.prefix(12))")
            }
            var blobID = git_oid()
            let written = bytes.withUnsafeBytes {
                git_blob_create_from_buffer(&blobID, repository.pointer, $0.baseAddress, $0.count)
            }
            guard written == 0 else { throw lastGitError(.other, "cannot store the fixed \(path)") }
            var entry = git_index_entry()
            entry.mode = existing.pointee.mode
            entry.id = blobID
            let status = path.withCString { cPath -> Int32 in
                entry.path = cPath
                return git_index_add(index, &entry)
            }
            guard status == 0 else { throw lastGitError(.other, "cannot add the fixed \(path) to the tree") }
        }
        var treeID = git_oid()
        guard git_index_write_tree_to(&treeID, index, repository.pointer) == 0 else {
            throw lastGitError(.other, "cannot write the fixed tree")
        }
        var tree: OpaquePointer?
        guard git_tree_lookup(&tree, repository.pointer, &treeID) == 0, let tree else {
            throw lastGitError(.unreadableObject, "cannot read the fixed tree")
        }
        defer { git_tree_free(tree) }

        let signature = try Self.signature(repository)
        defer { git_signature_free(signature) }
        var commitID = git_oid()
        var parents: [OpaquePointer?] = [parentCommit.pointer]
        let status = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(
                &commitID, repository.pointer, nil, signature, signature, "UTF-8", message, tree, 1, buffer.baseAddress)
        }
        guard status == 0 else { throw lastGitError(.other, "cannot write the fix commit") }
        return Repository.sha(of: commitID)
    }

    /// Moves `reference` from `old` to `new`, only if it still points at `old` (so a commit made
    /// meanwhile is never thrown away). The reflog records why.
    public func moveReference(_ reference: String, from old: String, to new: String, reason: String)
        throws(GitError)
    {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var newID = try Self.oid(new)
        var oldID = try Self.oid(old)
        var result: OpaquePointer?
        let status = git_reference_create_matching(
            &result, repository.pointer, reference, &newID, 1, &oldID, "reviewbot: \(reason)")
        if let result { git_reference_free(result) }
        if status == GIT_EMODIFIED.rawValue { throw Self.moved(reference) }
        guard status == 0 else {
            throw lastGitError(.other, "cannot move \(reference) from \(old.prefix(12)) to \(new.prefix(12))")
        }
    }

    /// Removes temporary files that a killed run left next to `paths`.
    public func removeTemporaryFiles(beside paths: [String]) throws(GitError) {
        let workdir = try workdir()
        for path in paths {
            let full = URL(fileURLWithPath: workdir + path)
            let folder = full.deletingLastPathComponent().path
            let prefix = full.lastPathComponent + Self.temporaryMarker
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
                unlink(folder + "/" + name)
            }
        }
    }

    private static let temporaryMarker = ".reviewbot-"

    /// The error for a branch that moved under the fixer.
    static func moved(_ reference: String) -> GitError {
        GitError(
            .busy,
            "\(reference) moved while reviewbot worked (someone committed, or checked out another commit); "
                + "nothing of this round was committed, run fix again")
    }

    /// Replaces the working-tree file `path` with `bytes` only if it still holds `expected`, comparing
    /// immediately before the replacement; false, with the file untouched, when it holds anything else
    /// (someone edited it while the fixer worked) or is gone.
    ///
    /// Where the file system can, the new file is swapped in atomically (`renameat2(RENAME_EXCHANGE)`) and the
    /// file it displaced is compared once more: an editor's save that landed between the comparison and
    /// the swap is swapped back, so it is never lost.
    public func replaceWorkingFile(_ path: String, with bytes: [UInt8], expecting expected: [UInt8])
        throws(GitError) -> Bool
    {
        let full = try workdir() + path
        guard Self.bytes(atPath: full) == expected else { return false }
        let temporary = try Self.writeTemporary(beside: full, bytes)
        if let exchange = Self.exchange, exchange(AT_FDCWD, temporary, AT_FDCWD, full, Self.renameExchange) == 0 {
            defer { unlink(temporary) }
            if Self.bytes(atPath: temporary) == expected { return true }
            // An edit landed between the comparison and the swap: give it back.
            if exchange(AT_FDCWD, temporary, AT_FDCWD, full, Self.renameExchange) != 0 { rename(temporary, full) }
            return false
        }
        guard Self.bytes(atPath: full) == expected, rename(temporary, full) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func bytes(atPath path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    private static let renameExchange: UInt32 = 1 << 1

    /// glibc's `renameat2`, looked up at run time (Swift's Glibc module hides it behind `_GNU_SOURCE`).
    private static let exchange:
        (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32)? = {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32).self)
        }()

    static func replaceFile(at path: String, with bytes: [UInt8]) throws(GitError) {
        let temporary = try writeTemporary(beside: path, bytes)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GitError(.other, "cannot replace \(path): \(reason)")
        }
    }

    /// Writes `bytes` to a temporary file next to `path`, with `path`'s permissions, flushed to disk.
    private static func writeTemporary(beside path: String, _ bytes: [UInt8]) throws(GitError) -> String {
        let temporary = path + temporaryMarker + "\(getpid()).tmp"
        var permissions: mode_t = 0o644
        var info = stat()
        if stat(path, &info) == 0 { permissions = info.st_mode & 0o7777 }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            throw GitError(.other, "cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return fsync(descriptor) == 0 }  // an empty file
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count <= 0 { return false }
                written += count
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        chmod(temporary, permissions)  // open() applied the umask; keep exactly the old permissions
        guard ok else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw GitError(.other, "cannot write \(temporary): \(reason)")
        }
        return temporary
    }

    /// The id `bytes` have as a blob, without storing anything.
    public static func blobID(of bytes: [UInt8]) throws(GitError) -> String {
        var blobID = git_oid()
        let status = bytes.withUnsafeBytes { git_odb_hash(&blobID, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
        guard status == 0 else { throw lastGitError(.other, "cannot hash a fixed file") }
        return Repository.sha(of: blobID)
    }

    /// Runs `body` with the repository's index locked the way git locks it (`index.lock`, created
    /// exclusively), so no git command can change the index in between; the edits are written when `body`
    /// returns, and dropped when it throws. Throws a `busy` error, before calling `body`, when someone else
    /// holds the lock.
    public func withLockedIndex<T>(_ body: (LockedIndex) throws(GitError) -> T) throws(GitError) -> T {
        let index = try LockedIndex(gitDirectory: try gitDirectory(), workdir: try workdir())
        let result = try body(index)
        try index.commit()
        return result
    }

    /// Throws the `busy` error of ``LockedIndex`` when a git command holds the index lock right now.
    public func ensureIndexUnlocked() throws(GitError) {
        let lock = try gitDirectory() + "index.lock"
        if FileManager.default.fileExists(atPath: lock) { throw LockedIndex.busy(lock) }
    }

    /// The blob id `path` is staged as in the repository's index, or nil.
    public func indexEntryID(of path: String) throws(GitError) -> String? {
        let repository = try Repository(discoveringFrom: repositoryPath)
        var index: OpaquePointer?
        guard git_repository_index(&index, repository.pointer) == 0, let index else {
            throw lastGitError(.unreadableObject, "cannot read the index")
        }
        defer { git_index_free(index) }
        return git_index_get_bypath(index, path, 0).map { Repository.sha(of: $0.pointee.id) }
    }

    /// The author and committer: `user.name`/`user.email` from the repository's configuration, or
    /// `reviewbot` when none is set.
    private static func signature(_ repository: Repository) throws(GitError) -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        if git_signature_default(&signature, repository.pointer) == 0, let signature { return signature }
        guard git_signature_now(&signature, "reviewbot", "reviewbot@localhost") == 0, let signature else {
            throw lastGitError(.other, "cannot make a commit signature")
        }
        return signature
    }

    static func oid(_ sha: String) throws(GitError) -> git_oid {
        var oid = git_oid()
        guard git_oid_fromstr(&oid, sha) == 0 else { throw GitError(.other, "'\(sha)' is not an object id") }
        return oid
    }
}
