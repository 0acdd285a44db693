import Foundation

/// The record of one fix iteration in flight, kept in the git directory from the moment the first fixed file
/// is written until the round is committed (after `--verify` passed) or undone: if the run dies half way, the
/// next `reviewbot fix` puts files, index and HEAD back to `before`.
struct FixJournal: Codable, Equatable {
    var reference: String
    var before: String
    /// The fix commit, once written; nil while the fixed files are only in the working tree.
    var after: String?
    var paths: [String]
    /// The blob id of each path's fixed bytes (older journals have only `after`).
    var fixed: [String: String]?

    static func location(in workspace: Workspace) throws(GitError) -> String {
        try workspace.gitDirectory() + "reviewbot-fix.json"
    }

    static func pending(in workspace: Workspace) throws(GitError) -> FixJournal? {
        let path = try location(in: workspace)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let journal = try? JSONDecoder().decode(FixJournal.self, from: data) else {
            throw GitError(.other, "\(path) is damaged; look at it, then delete it to run the fixer again")
        }
        return journal
    }

    func begin(in workspace: Workspace) throws(GitError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { throw GitError(.other, "cannot encode the fix journal") }
        try Workspace.replaceFile(at: try Self.location(in: workspace), with: [UInt8](data))
    }

    func end(in workspace: Workspace) throws(GitError) {
        let path = try Self.location(in: workspace)
        guard unlink(path) == 0 || errno == ENOENT else {
            throw GitError(.other, "cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }
}
