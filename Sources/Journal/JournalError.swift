#if canImport(Glibc)
    import Glibc
#endif

/// A failure of the journal file itself (not of a line in it), with the path and the OS reason.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32
    /// What is wrong with the file itself, and its fix, where the system's reason would not say.
    public var refusal: String?

    public init(path: String, operation: String, code: Int32 = errno) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    /// A file Qanat will not use as it is.
    public init(path: String, refusing reason: String) {
        self.init(path: path, operation: "use", code: EPERM)
        refusal = reason
    }

    public var description: String {
        if let refusal { return "\(path): \(refusal)" }
        return "journal \(path): \(operation) failed: \(String(cString: strerror(code)))"
    }
}

/// The identity of a journal file: a rotated or replaced file has another one.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }
}

/// A file descriptor closed on deinit, so every early exit closes it.
final class OpenFile {
    let descriptor: Int32
    let path: String

    /// New files are 0640: a journal is written by its owner alone and read by the group for ingest.
    init(path: String, flags: Int32, mode: mode_t = 0o640) throws(JournalError) {
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw JournalError(path: path, operation: "open") }
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    func status() throws(JournalError) -> stat {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw JournalError(path: path, operation: "stat") }
        return info
    }

    func identity() throws(JournalError) -> (FileIdentity, Int64) {
        let info = try status()
        return (FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), Int64(info.st_size))
    }

    func read(at offset: Int64, count wanted: Int) throws(JournalError) -> [UInt8] {
        // No bigger than what the file holds past `offset` (a little more, for what is being
        // appended): a pass that finds one new line must not clear a megabyte for it.
        let held = (try? identity().1).map { Int(max(0, $0 - offset)) + 4096 } ?? wanted
        let count = min(wanted, held)
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(descriptor, raw.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw JournalError(path: path, operation: "read") }
            if n == 0 { break }
            filled += n
        }
        buffer.removeSubrange(filled...)
        return buffer
    }

    /// Writes every byte; for a file opened O_APPEND under an exclusive lock, one call suffices.
    func writeAll(_ bytes: [UInt8]) throws(JournalError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + written, bytes.count - written)
            }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw JournalError(path: path, operation: "write") }
            written += n
        }
    }

    func sync() throws(JournalError) {
        guard fsync(descriptor) == 0 else { throw JournalError(path: path, operation: "fsync") }
    }

    func lock(_ operation: Int32) throws(JournalError) {
        while flock(descriptor, operation) != 0 {
            if errno == EINTR { continue }
            throw JournalError(path: path, operation: "lock")
        }
    }
}
