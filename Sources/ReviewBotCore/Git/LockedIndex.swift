internal import CLibGit2
import Foundation

/// The repository's index, held under git's lock for the whole read-modify-write.
///
/// libgit2 takes `index.lock` only while it writes, so an index read, edited and written with it loses a
/// `git add` made in between. This follows git's own protocol instead: create `index.lock` exclusively (a
/// git command holding it makes this fail at once), copy the index into it, edit that copy with libgit2,
/// and rename it over `index`. Dropped without ``commit()``, the lock file is removed and the index is as
/// it was. Owned by one ``Workspace/withLockedIndex(_:)`` call, on its thread.
public final class LockedIndex {
    private let lockPath: String
    private let indexPath: String
    private let workdir: String
    private let index: OpaquePointer
    private var done = false

    init(gitDirectory: String, workdir: String) throws(GitError) {
        indexPath = gitDirectory + "index"
        lockPath = indexPath + ".lock"
        self.workdir = workdir
        let descriptor = open(lockPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw Self.busy(lockPath) }
            throw GitError(.other, "cannot create \(lockPath): \(String(cString: strerror(errno)))")
        }
        let current = FileManager.default.contents(atPath: indexPath) ?? Data()
        let copied = current.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }  // an empty index: nothing to copy
            var written = 0
            while written < buffer.count {
                let count = write(descriptor, base + written, buffer.count - written)
                if count <= 0 { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        var handle: OpaquePointer?
        guard copied, !current.isEmpty, git_index_open(&handle, lockPath) == 0, let handle else {
            unlink(lockPath)
            throw lastGitError(.unreadableObject, "cannot read the index")
        }
        index = handle
    }

    static func busy(_ lockPath: String) -> GitError {
        GitError(
            .busy,
            "\(lockPath) exists: another git command is changing the index; wait for it (or remove the file if "
                + "no git command is running), then run fix again")
    }

    deinit {
        git_index_free(index)
        if !done { unlink(lockPath) }
    }

    /// The blob id `path` is staged as (stage 0), or nil when it is not in the index.
    public func stagedID(of path: String) -> String? {
        git_index_get_bypath(index, path, 0).map { Repository.sha(of: $0.pointee.id) }
    }

    /// Stages `path` as the blob `sha`, keeping its mode. The file's stat data is recorded only when the
    /// working file holds exactly `bytes`; otherwise it is zeroed, so git looks at the file again and shows
    /// its edits as unstaged.
    public func stage(_ path: String, blob sha: String, workingBytesMatch bytes: [UInt8]) throws(GitError) {
        guard let existing = git_index_get_bypath(index, path, 0) else {
            throw GitError(.other, "\(path) is not in the index")
        }
        var entry = existing.pointee
        entry.id = try Workspace.oid(sha)
        entry.ctime = git_index_time()
        entry.mtime = git_index_time()
        entry.file_size = 0
        let descriptor = open(workdir + path, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var info = stat()
            if fstat(descriptor, &info) == 0, Self.contents(of: descriptor) == bytes {
                entry.ctime = git_index_time(
                    seconds: Int32(truncatingIfNeeded: info.st_ctim.tv_sec), nanoseconds: UInt32(info.st_ctim.tv_nsec))
                entry.mtime = git_index_time(
                    seconds: Int32(truncatingIfNeeded: info.st_mtim.tv_sec), nanoseconds: UInt32(info.st_mtim.tv_nsec))
                entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
                entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
                entry.uid = info.st_uid
                entry.gid = info.st_gid
                entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
            }
        }
        let status = path.withCString { cPath -> Int32 in
            entry.path = cPath
            return git_index_add(index, &entry)
        }
        guard status == 0 else { throw lastGitError(.other, "cannot update the index entry of \(path)") }
    }

    private static func contents(of descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { return bytes }
            bytes += buffer.prefix(count)
        }
    }

    /// Writes the edited index into the lock file and renames it over the index.
    func commit() throws(GitError) {
        guard git_index_write(index) == 0 else { throw lastGitError(.other, "cannot write the index") }
        guard rename(lockPath, indexPath) == 0 else {
            throw GitError(.other, "cannot replace \(indexPath): \(String(cString: strerror(errno)))")
        }
        done = true
    }
}
