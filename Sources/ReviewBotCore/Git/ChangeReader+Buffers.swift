internal import CLibGit2

extension ChangeReader {
    /// The hunks and added lines between two texts, diffed exactly as a review diffs two blobs; nil when libgit2
    /// takes a side for binary or cannot diff them. `old == nil` is an added file.
    ///
    /// For the fuzz targets (`Fuzz/`), which diff without a repository. Runs on the calling thread.
    func diff(old: [UInt8]?, new: [UInt8], path: String) -> (hunks: [Hunk], added: [Int])? {
        _ = libgit2Initialised
        var options = diffOptions()
        var patch: OpaquePointer?
        let status = new.withUnsafeBytes { newBytes in
            guard let old else {
                return git_patch_from_buffers(
                    &patch, nil, 0, nil, newBytes.baseAddress, newBytes.count, path, &options)
            }
            return old.withUnsafeBytes { oldBytes in
                git_patch_from_buffers(
                    &patch, oldBytes.baseAddress, oldBytes.count, path, newBytes.baseAddress, newBytes.count, path,
                    &options)
            }
        }
        guard status == 0, let patch else { return nil }
        defer { git_patch_free(patch) }
        if let delta = git_patch_get_delta(patch)?.pointee, delta.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            return nil
        }
        return Self.hunks(of: patch)
    }
}
