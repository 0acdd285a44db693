/// Where a repository lives, for finding its configuration and hooks.
public struct RepositoryLocation: Sendable, Equatable {
    /// Working directory with a trailing `/`, nil when bare.
    public var workdir: String?
    /// The `.git` directory with a trailing `/`.
    public var gitDirectory: String
    /// Where git runs hooks from (`core.hooksPath` or `.git/hooks`).
    public var hooksDirectory: String

    /// Finds the repository containing `path`.
    public static func locate(_ path: String) throws(GitError) -> RepositoryLocation {
        let repository = try Repository(discoveringFrom: path)
        return RepositoryLocation(
            workdir: repository.workdir, gitDirectory: repository.gitDirectory,
            hooksDirectory: repository.hooksDirectory())
    }
}
