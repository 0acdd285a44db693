internal import CLibGit2
import Foundation

/// Checks loose objects before libgit2 reads them, so a corrupt object is an error instead of a crash or a hang.
///
/// libgit2 1.5 trusts a loose object's header: a body longer than the header says is copied past the end of
/// the buffer it allocated (`free(): invalid next size`, libgit2#7177, fixed upstream by #7178), and a zlib
/// stream cut short makes its inflate loop spin forever (libgit2#7342, fixed by #7346). The guard is an
/// object-database backend placed before libgit2's own: asked to read an object, it inflates the loose file
/// itself (streaming, nothing kept) and checks the stream ends and the body has exactly the declared length;
/// a sound or packed object is passed on to libgit2 (`GIT_PASSTHROUGH`), a corrupt one fails the read with a
/// message that names the object and says to run `git fsck`.
///
/// One guard belongs to one `git_odb`; libgit2 calls it with that odb's lock held, so its cache needs no lock
/// of its own. libgit2 owns it once added and frees it with the odb.
final class LooseObjectGuard {
    /// The repository's `objects/` folder, with a trailing `/`.
    let objectsDirectory: String
    /// Objects already found sound.
    private var verified: Set<String> = []

    /// The start of every message the guard gives libgit2, so ``lastGitError(_:_:)`` can recognise it.
    static let marker = "corrupt loose object "

    private init(objectsDirectory: String) {
        self.objectsDirectory = objectsDirectory
    }

    /// Adds a guard to `repository`'s object database, in front of libgit2's backends. Without it (an
    /// odb that cannot be opened) reads go to libgit2 unguarded and fail there.
    static func install(in repository: OpaquePointer) {
        var odb: OpaquePointer?
        guard git_repository_odb(&odb, repository) == 0, let odb else { return }
        defer { git_odb_free(odb) }
        let common = String(cString: git_repository_commondir(repository))
        let owner = LooseObjectGuard(objectsDirectory: common + "objects/")
        let backend = UnsafeMutablePointer<CLibGit2_guard_backend>.allocate(capacity: 1)
        backend.initialize(to: CLibGit2_guard_backend())
        git_odb_init_backend(&backend.pointee.parent, UInt32(GIT_ODB_BACKEND_VERSION))
        backend.pointee.payload = Unmanaged.passRetained(owner).toOpaque()
        backend.pointee.parent.read = { _, _, _, backend, oid in
            guard let backend, let oid else { return GIT_PASSTHROUGH.rawValue }
            return LooseObjectGuard.of(backend).check(Repository.sha(of: oid.pointee))
        }
        backend.pointee.parent.read_header = { _, _, backend, oid in
            guard let backend, let oid else { return GIT_PASSTHROUGH.rawValue }
            return LooseObjectGuard.of(backend).check(Repository.sha(of: oid.pointee))
        }
        backend.pointee.parent.read_prefix = { _, _, _, _, backend, prefix, length in
            guard let backend, let prefix else { return GIT_PASSTHROUGH.rawValue }
            return LooseObjectGuard.of(backend).checkPrefix(String(Repository.sha(of: prefix.pointee).prefix(length)))
        }
        backend.pointee.parent.free = { backend in
            guard let backend else { return }
            let guarded = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: CLibGit2_guard_backend.self)
            if let payload = guarded.pointee.payload { Unmanaged<LooseObjectGuard>.fromOpaque(payload).release() }
            guarded.deallocate()
        }
        let status = backend.withMemoryRebound(to: git_odb_backend.self, capacity: 1) {
            git_odb_add_backend(odb, $0, 1000)
        }
        if status != 0 { backend.pointee.parent.free(&backend.pointee.parent) }
    }

    private static func of(_ backend: UnsafeMutablePointer<git_odb_backend>) -> LooseObjectGuard {
        let guarded = UnsafeMutableRawPointer(backend).assumingMemoryBound(to: CLibGit2_guard_backend.self)
        return Unmanaged<LooseObjectGuard>.fromOpaque(guarded.pointee.payload).takeUnretainedValue()
    }

    /// `GIT_PASSTHROUGH` when libgit2 may read the object `sha`; an error (set for libgit2) when it is a
    /// corrupt loose object.
    private func check(_ sha: String) -> Int32 {
        guard !verified.contains(sha) else { return GIT_PASSTHROUGH.rawValue }
        let path = objectsDirectory + sha.prefix(2) + "/" + sha.dropFirst(2)
        if let problem = Self.problem(inFileAt: path) {
            git_error_set_str(Int32(GIT_ERROR_ODB.rawValue), Self.marker + "\(sha) (\(problem))")
            return GIT_ERROR.rawValue
        }
        verified.insert(sha)
        return GIT_PASSTHROUGH.rawValue
    }

    /// Checks every loose object whose id starts with `prefix` (a short sha being resolved).
    private func checkPrefix(_ prefix: String) -> Int32 {
        guard prefix.count >= 2 else { return GIT_PASSTHROUGH.rawValue }
        let folder = objectsDirectory + prefix.prefix(2)
        let rest = prefix.dropFirst(2)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(rest) {
            let status = check(String(prefix.prefix(2)) + name)
            if status != GIT_PASSTHROUGH.rawValue { return status }
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// Why the loose object file at `path` is corrupt, or nil when it is sound, missing (packed), or not
    /// zlib data (libgit2's older loose format, which it checks itself).
    static func problem(inFileAt path: String) -> String? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var input = [UInt8](repeating: 0, count: 1 << 16)
        let count = input.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { return "unreadable: \(String(cString: strerror(errno)))" }
        guard count >= 2, input[0] & 0x8F == 0x08, (UInt16(input[0]) << 8 | UInt16(input[1])) % 31 == 0 else {
            return count == 0 ? "empty file" : nil
        }
        let inflater = Inflater()
        var chunk = Array(input.prefix(count))
        while true {
            if let verdict = inflater.feed(chunk) { return verdict.problem }
            let next = input.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard next > 0 else { return next < 0 ? "unreadable: \(String(cString: strerror(errno)))" : "truncated" }
            chunk = Array(input.prefix(next))
        }
    }
}

/// Inflates one loose object as its compressed bytes arrive, checking the header (`<type> <size>\0`) and
/// that the body holds exactly `size` bytes; nothing inflated is kept.
///
/// zlib keeps a pointer to its stream, so the stream lives at a fixed heap address owned by this object.
private final class Inflater {
    /// How the stream ended: `problem` is nil for a sound object.
    struct Verdict { var problem: String? }

    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let started: Bool
    private var header: [UInt8] = []
    private var declared: Int?
    private var body = 0

    init() {
        stream.initialize(to: z_stream())
        started = CLibGit2_inflate_init(stream) == Z_OK
    }

    deinit {
        if started { inflateEnd(stream) }
        stream.deallocate()
    }

    /// Feeds the next compressed bytes; a verdict once the object is known sound or corrupt, nil to go on.
    func feed(_ bytes: [UInt8]) -> Verdict? {
        guard started else { return Verdict(problem: nil) }
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { inputBuffer -> Verdict? in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            defer { stream.pointee.next_in = nil }
            while true {
                let (status, produced) = output.withUnsafeMutableBufferPointer { outputBuffer -> (Int32, Int) in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outputBuffer.count)
                    let status = inflate(stream, Z_NO_FLUSH)
                    stream.pointee.next_out = nil
                    return (status, outputBuffer.count - Int(stream.pointee.avail_out))
                }
                if let problem = take(output.prefix(produced)) { return Verdict(problem: problem) }
                switch status {
                case Z_STREAM_END: return Verdict(problem: finish())
                case Z_OK, Z_BUF_ERROR:
                    if stream.pointee.avail_in == 0 && produced < output.count { return nil }  // wants more input
                    if produced == 0 { return Verdict(problem: "the zlib stream makes no progress") }
                default:
                    return Verdict(problem: "the zlib stream is damaged")
                }
            }
        }
    }

    /// Takes inflated bytes: the header first, then the body, which may not outgrow the declared size.
    private func take(_ bytes: ArraySlice<UInt8>) -> String? {
        var rest = bytes
        if declared == nil {
            guard let end = rest.firstIndex(of: 0) else {
                header += rest
                return header.count > 64 ? "no object header" : nil
            }
            header += rest[..<end]
            rest = rest[(end + 1)...]
            let words = String(decoding: header, as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
            guard words.count == 2, ["blob", "tree", "commit", "tag"].contains(words[0]),
                !words[1].isEmpty, words[1].allSatisfy(\.isASCII), let size = Int(words[1]), size >= 0
            else { return "bad object header" }
            declared = size
        }
        body += rest.count
        if let declared, body > declared { return "its body is longer than the \(declared) bytes its header says" }
        return nil
    }

    private func finish() -> String? {
        guard let declared else { return "no object header" }
        return body == declared ? nil : "its body holds \(body) bytes, its header says \(declared)"
    }
}
