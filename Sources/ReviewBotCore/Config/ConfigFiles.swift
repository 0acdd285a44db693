import Foundation

/// Where the configuration, its rule files and the baseline are read from.
///
/// On the developer's machine (`--staged`, `--worktree`) that is the disk. A range review (CI) reads every
/// such file inside the working tree from the base revision instead, so that a change cannot loosen the rules
/// it is judged by; a file outside the repository (`--config /etc/…`) is the user's own and is read from disk.
public struct ConfigFiles: Sendable {
    /// Which revision the files come from, for messages ("the base revision 1a2b3c4d5e6f").
    public var origin: String?
    /// The working tree whose files come from the revision (canonical, with a trailing `/`), if any.
    public var root: String?
    private let reader: @Sendable (String) throws(ConfigError) -> Data?

    /// The files on disk.
    public static let disk = ConfigFiles(origin: nil, root: nil) { path throws(ConfigError) in
        FileManager.default.contents(atPath: path)
    }

    /// Files inside `workdir` as `revision` has them. A file that neither `revision` nor `other` (the other
    /// side of the range) has is not part of the change, so it is the user's own and read from disk, like
    /// anything outside the working tree.
    public static func revision(_ revision: RevisionFiles, other: RevisionFiles, workdir: String, label: String)
        -> ConfigFiles
    {
        let root = canonical(workdir)
        let origin = revision.commit.map { "\(label) \($0.prefix(12))" } ?? "the empty \(label)"
        return ConfigFiles(origin: origin, root: root) { path throws(ConfigError) in
            let full = canonical(path)
            guard full.hasPrefix(root) else { return FileManager.default.contents(atPath: path) }
            let relative = String(full.dropFirst(root.count))
            switch Result(catching: { () throws(GitError) -> Data? in
                if let data = try revision.contents(atPath: relative) { return data }
                return try other.contents(atPath: relative) == nil ? FileManager.default.contents(atPath: path) : nil
            }) {
            case .success(let data): return data
            case .failure(let error):
                throw ConfigError("cannot read \(path) from \(origin): \(error.message)", gitFailure: error)
            }
        }
    }

    private init(
        origin: String?, root: String?, reader: @escaping @Sendable (String) throws(ConfigError) -> Data?
    ) {
        self.origin = origin
        self.root = root
        self.reader = reader
    }

    /// The bytes of `path`, or nil when there is no such file.
    public func contents(atPath path: String) throws(ConfigError) -> Data? { try reader(path) }

    /// `path` relative to the repository root when these files read it from a revision, else nil.
    public func revisionPath(_ path: String) -> String? {
        guard let root else { return nil }
        let full = Self.canonical(path)
        return full.hasPrefix(root) ? String(full.dropFirst(root.count)) : nil
    }

    /// Whether `path` exists where these files come from.
    public func exists(_ path: String) throws(ConfigError) -> Bool { try contents(atPath: path) != nil }

    /// `path` made absolute, with `.`, `..` and symbolic links resolved, so paths compare by place; a folder
    /// keeps a trailing `/`.
    static func canonical(_ path: String) -> String {
        let directory = path.hasSuffix("/")
        var resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if directory && !resolved.hasSuffix("/") { resolved += "/" }
        return resolved
    }
}
