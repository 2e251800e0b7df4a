import Crypto
import Foundation
import QanatJournal

/// Files read in blocks and hashed as they are read, so a journal of gigabytes needs no more
/// memory than a block. A link is never followed: a member may plant one among the journals.
public enum FileCopy {
    public struct Copied: Sendable {
        public var sha256: String
        public var bytes: Int64
        public var owner: uid_t
        public var group: gid_t
        public var mode: mode_t
    }

    /// The hex SHA-256 and size of the regular file at `path`; `read` is told of each block's bytes.
    public static func sha256(of path: String, read: (Int) -> Void = { _ in }) throws(BackupError) -> Copied {
        try stream(path, to: nil, wholeLines: false, read: read)
    }

    /// Copies the regular file at `source` to a new file `destination` (0600) as it is now, and
    /// syncs it; with `wholeLines`, only through its last complete line (a writer may be part-way
    /// through one). Throws `.changed` when `source` is not a regular file.
    public static func copy(_ source: String, to destination: String, wholeLines: Bool, read: (Int) -> Void)
        throws(BackupError) -> Copied
    {
        try stream(source, to: destination, wholeLines: wholeLines, read: read)
    }

    private static func stream(_ path: String, to destination: String?, wholeLines: Bool, read: (Int) -> Void)
        throws(BackupError) -> Copied
    {
        let input = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else {
            if errno == ELOOP { throw .changed(file: path, reason: "a link, not a file: not read") }
            throw .system(path: path, operation: "open", code: errno)
        }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw .system(path: path, operation: "stat", code: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .changed(file: path, reason: "not a regular file: not read")
        }
        if wholeLines, let claim = JournalScanner.sparse(info) { throw .changed(file: path, reason: claim) }
        let limit = wholeLines ? try lastLineEnd(input, size: Int64(info.st_size), path: path) : Int64.max
        var output: Int32 = -1
        if let destination {
            output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard output >= 0 else { throw .system(path: destination, operation: "create", code: errno) }
        }
        defer { if output >= 0 { close(output) } }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total: Int64 = 0
        while total < limit {
            let wanted = Int(min(Int64(buffer.count), limit - total))
            let count = buffer.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(path: path, operation: "read", code: errno)
            }
            if count == 0 { break }
            hasher.update(data: buffer[0..<count])
            if output >= 0 {
                var written = 0
                while written < count {
                    let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                    if step < 0 {
                        if errno == EINTR { continue }
                        throw .system(path: destination ?? path, operation: "write", code: errno)
                    }
                    written += step
                }
            }
            total += Int64(count)
            read(count)
        }
        if output >= 0, fsync(output) != 0 { throw .system(path: destination ?? path, operation: "fsync", code: errno) }
        return Copied(
            sha256: hasher.finalize().hexString, bytes: total, owner: info.st_uid, group: info.st_gid,
            mode: info.st_mode & 0o7777)
    }

    /// Where the last complete line of the first `size` bytes ends (0 when there is none).
    private static func lastLineEnd(_ descriptor: Int32, size: Int64, path: String) throws(BackupError) -> Int64 {
        var end = size
        var block = [UInt8](repeating: 0, count: 64 * 1024)
        while end > 0 {
            let start = max(0, end - Int64(block.count))
            let count = block.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress, Int(end - start), off_t(start))
            }
            guard count > 0 else { throw .system(path: path, operation: "read", code: count < 0 ? errno : EIO) }
            if let newline = block[0..<count].lastIndex(of: 0x0A) { return start + Int64(newline) + 1 }
            end = start
        }
        return 0
    }
}
