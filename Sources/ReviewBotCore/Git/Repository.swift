internal import CLibGit2
import Foundation

/// Makes sure libgit2 is initialised once per process, before the first call into it.
let libgit2Initialised: Bool = {
    git_libgit2_init()
    return true
}()

/// Work every review needs that does not depend on the command line, started on a second core while the
/// main thread parses arguments and reads the configuration: libgit2's initialisation (which parses the
/// system's certificate store, some 10 ms) and ICU's regular-expression tables.
public enum StartUp {
    public static func warmUp() {
        let thread = Thread {
            _ = libgit2Initialised
            _ = try? NSRegularExpression(pattern: #"(?i)[\w-]+\s"#).firstMatch(
                in: "a ", range: NSRange(location: 0, length: 2))
        }
        thread.start()
    }
}

/// Builds a ``GitError`` from libgit2's last error of the calling thread.
///
/// `git_error_last()` is per thread, so this must run right after the failing call, before any
/// suspension point.
func lastGitError(_ code: GitError.Code, _ message: String) -> GitError {
    var cause: String?
    if let error = git_error_last(), let text = error.pointee.message {
        cause = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    if let cause, let damage = damagedObject(cause) {
        return GitError(
            .unreadableObject,
            "the repository is damaged (\(message): \(damage)); run `git fsck --full` to see what is broken, "
                + "and restore it from another clone",
            cause: cause)
    }
    let full = cause.map { "\(message): \($0)" } ?? message
    return GitError(code, full, cause: cause)
}

/// The part of libgit2's message that says an object is damaged (found by ``LooseObjectGuard`` or by
/// libgit2's own checks), or nil for any other failure.
private func damagedObject(_ cause: String) -> Substring? {
    let signs = [
        LooseObjectGuard.marker, "object hash mismatch", "error inflating zlib stream", "failed to parse loose object",
        "failed to parse tree", "failed to parse commit", "packfile is corrupted",
    ]
    for sign in signs {
        if let start = cause.range(of: sign) { return cause[start.lowerBound...] }
    }
    return nil
}

/// Owns one `git_repository` handle.
///
/// Not `Sendable`: libgit2 handles must not be shared between threads. Create, use and drop it on
/// one thread; everything read from it is copied into value types at once.
final class Repository {
    let pointer: OpaquePointer

    /// Opens the repository that contains `path`, searching parent folders like `git` does, or the one that
    /// `GIT_DIR` names; `GIT_WORK_TREE` names its working tree (relative paths are taken from `path`, the folder
    /// the command runs in). As in git, with `GIT_DIR` alone the working tree is `core.worktree`, else `path`.
    init(discoveringFrom path: String) throws(GitError) {
        _ = libgit2Initialised
        var handle: OpaquePointer?
        let environment = ProcessInfo.processInfo.environment
        let gitDirectory = environment["GIT_DIR"].flatMap { $0.isEmpty ? nil : Self.absolute($0, from: path) }
        let status =
            gitDirectory.map { git_repository_open_ext(&handle, $0, GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue, nil) }
            ?? git_repository_open_ext(&handle, path, 0, nil)
        guard status == 0, let handle else {
            if status == GIT_ENOTFOUND.rawValue {
                if let gitDirectory {
                    throw GitError(.notARepository, "GIT_DIR names no git repository: \(gitDirectory)")
                }
                throw GitError(.notARepository, "not a git repository (or any parent up to /): \(path)")
            }
            throw lastGitError(.notARepository, "cannot open the repository at \(gitDirectory ?? path)")
        }
        LooseObjectGuard.install(in: handle)
        pointer = handle
        var workTree = environment["GIT_WORK_TREE"].flatMap { $0.isEmpty ? nil : Self.absolute($0, from: path) }
        if workTree == nil, gitDirectory != nil, git_repository_is_bare(handle) == 0,
            configString("core.worktree") == nil
        {
            workTree = Self.absolute(".", from: path)
        }
        if let workTree, git_repository_set_workdir(handle, workTree, 0) != 0 {
            throw lastGitError(.notARepository, "cannot use \(workTree) as the working tree")
        }
    }

    /// `path` made absolute against the folder `base`.
    private static func absolute(_ path: String, from base: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).standardizedFileURL.path
    }

    deinit {
        git_repository_free(pointer)
    }

    /// The working directory with a trailing `/`, or nil for a bare repository.
    var workdir: String? {
        git_repository_workdir(pointer).map { String(cString: $0) }
    }

    /// The `.git` directory with a trailing `/`.
    var gitDirectory: String {
        String(cString: git_repository_path(pointer))
    }

    var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

    var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

    /// The folder hooks are run from: `core.hooksPath` when set, otherwise `.git/hooks`.
    func hooksDirectory() -> String {
        if let value = configString("core.hooksPath"), !value.isEmpty {
            if value.hasPrefix("/") { return value }
            if value.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
                return home + value.dropFirst(1)
            }
            return (workdir ?? gitDirectory) + value
        }
        return gitDirectory + "hooks"
    }

    /// A string from the repository's configuration (repository, global and system levels).
    func configString(_ name: String) -> String? {
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, pointer) == 0, let config else { return nil }
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        guard git_config_get_string(&value, config, name) == 0, let value else { return nil }
        return String(cString: value)
    }

    /// The index a commit would record, opened for the caller to free: the one `GIT_INDEX_FILE` names, like
    /// git (`git commit -a` and `git commit PATH` run the pre-commit hook against a temporary index such as
    /// `.git/index.lock` or `.git/next-index-*.lock`), otherwise the repository's own.
    func stagingIndex() throws(GitError) -> OpaquePointer {
        var index: OpaquePointer?
        if let file = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"], !file.isEmpty {
            guard git_index_open(&index, file) == 0, let index else {
                throw lastGitError(.unreadableObject, "cannot read the index \(file) (GIT_INDEX_FILE)")
            }
            return index
        }
        guard git_repository_index(&index, pointer) == 0, let index else {
            throw lastGitError(.unreadableObject, "cannot read the index")
        }
        return index
    }

    /// Resolves a revision expression (`HEAD~1`, a tag, a short sha) to a commit.
    func commit(_ spec: String) throws(GitError) -> Commit {
        var object: OpaquePointer?
        let status = git_revparse_single(&object, pointer, spec)
        guard status == 0, let object else {
            if spec.hasPrefix("HEAD") && isHeadUnborn {
                throw GitError(
                    .emptyRepository,
                    "the repository has no commits yet, so '\(spec)' does not exist; review the index with --staged")
            }
            var error = lastGitError(.unknownRevision, "unknown revision '\(spec)'")
            if isShallow {
                error.message += " (this is a shallow clone; fetch more history, e.g. git fetch --deepen=50)"
            }
            throw error
        }
        defer { git_object_free(object) }
        var peeled: OpaquePointer?
        guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
            throw lastGitError(.unknownRevision, "'\(spec)' does not name a commit")
        }
        return Commit(pointer: peeled)
    }

    /// The best common ancestor of two commits, for `A...B`.
    func mergeBase(_ one: Commit, _ two: Commit) throws(GitError) -> Commit {
        var oid = git_oid()
        var first = one.oid
        var second = two.oid
        guard git_merge_base(&oid, pointer, &first, &second) == 0 else {
            throw lastGitError(
                .unknownRevision, "no merge base between \(one.sha.prefix(12)) and \(two.sha.prefix(12))")
        }
        return try lookupCommit(oid)
    }

    func lookupCommit(_ oid: git_oid) throws(GitError) -> Commit {
        var object: OpaquePointer?
        var id = oid
        guard git_commit_lookup(&object, pointer, &id) == 0, let object else {
            throw lastGitError(.unreadableObject, "cannot read commit \(Self.sha(of: oid))")
        }
        return Commit(pointer: object)
    }

    /// The size of a blob from its header, without inflating it.
    func blobSize(_ oid: git_oid) -> Int? {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, pointer) == 0, let odb else { return nil }
        defer { git_odb_free(odb) }
        var length = 0
        var type = GIT_OBJECT_ANY
        var id = oid
        guard git_odb_read_header(&length, &type, odb, &id) == 0 else { return nil }
        return length
    }

    /// The bytes of a blob.
    func blobData(_ oid: git_oid) throws(GitError) -> [UInt8] {
        var blob: OpaquePointer?
        var id = oid
        guard git_blob_lookup(&blob, pointer, &id) == 0, let blob else {
            throw lastGitError(.unreadableObject, "cannot read blob \(Self.sha(of: oid))")
        }
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    static func sha(of oid: git_oid) -> String {
        var id = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, &id)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Owns one `git_commit` handle; same threading rules as ``Repository``.
final class Commit {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_commit_free(pointer)
    }

    var oid: git_oid { git_commit_id(pointer).pointee }

    var sha: String { Repository.sha(of: oid) }

    var parentCount: Int { Int(git_commit_parentcount(pointer)) }

    /// The first parent, or nil for a root commit.
    func firstParent(in repository: Repository) throws(GitError) -> Commit? {
        guard parentCount > 0 else { return nil }
        var parent: OpaquePointer?
        guard git_commit_parent(&parent, pointer, 0) == 0, let parent else {
            var error = lastGitError(.unreadableObject, "cannot read the parent of \(sha.prefix(12))")
            if repository.isShallow {
                error.message =
                    "the parent of \(sha.prefix(12)) is not in this shallow clone; fetch more history "
                    + "(git fetch --deepen=1, or fetch-depth: 2 in CI)"
            }
            throw error
        }
        return Commit(pointer: parent)
    }

    func tree() throws(GitError) -> Tree {
        var tree: OpaquePointer?
        guard git_commit_tree(&tree, pointer) == 0, let tree else {
            throw lastGitError(.unreadableObject, "cannot read the tree of \(sha.prefix(12))")
        }
        return Tree(pointer: tree)
    }
}

/// Owns one `git_tree` handle; same threading rules as ``Repository``.
final class Tree {
    let pointer: OpaquePointer

    init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_tree_free(pointer)
    }
}
