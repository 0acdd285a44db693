import Foundation

/// Writes what reviewbot produces (a report, a trace, a baseline) to a path the user named.
public enum OutputFile {
    /// A regular file (or a new one) is replaced whole, so a reader never sees half of it. Anything else that is
    /// already there — `/dev/null`, `/dev/stdout`, a FIFO — is written into: replacing it would put a regular file
    /// where the device or pipe was (as root, `--output /dev/null` turned the machine's /dev/null into a file).
    public static func write(_ data: Data, to path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
