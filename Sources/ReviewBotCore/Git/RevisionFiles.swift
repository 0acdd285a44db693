internal import CLibGit2
import Foundation

/// Reads files as one commit has them. A range review trusts the base revision's configuration, not the
/// change's: what the change under review says about how to judge it is not applied to its own review.
public struct RevisionFiles: Sendable {
    public var repositoryPath: String
    /// A full commit id, or nil for the empty tree (the base of a root commit), which has no files.
    public var commit: String?

    public init(repositoryPath: String, commit: String?) {
        self.repositoryPath = repositoryPath
        self.commit = commit
    }

    /// The bytes of the file at `path` (relative to the repository root, with `/`), or nil when the commit
    /// has no such file.
    public func contents(atPath path: String) throws(GitError) -> Data? {
        guard let commit else { return nil }
        let repository = try Repository(discoveringFrom: repositoryPath)
        let tree = try repository.commit(commit).tree()
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree.pointer, path) == 0, let entry else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry)?.pointee else {
            return nil
        }
        return Data(try repository.blobData(id))
    }
}

extension ChangeReader {
    /// The base and head commits a range names (`A..B`, `A...B` from the merge base, or one commit against
    /// its first parent); the base is nil for the empty tree.
    public func sides(of spec: String) throws(GitError) -> (base: String?, head: String) {
        let repository = try Repository(discoveringFrom: repositoryPath)
        let (old, new, _) = try resolve(spec, in: repository)
        return (old?.sha, new.sha)
    }
}
