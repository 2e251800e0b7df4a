import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// Notices commits made by any process. `PRAGMA data_version` on a connection of its own says
/// whether the store changed (a few microseconds); the kernel says when to ask: `descriptor`
/// becomes readable when the store's file or its WAL is written (every commit writes the WAL),
/// so an idle desk sleeps instead of polling. GRDB's in-process observation cannot see other
/// processes.
public final class ChangeWatcher: Sendable {
    private let queue: DatabaseQueue
    public let path: String
    /// inotify on the store's directory, non-blocking; nil where the kernel offers none (then
    /// the caller polls on a timer).
    public let descriptor: Int32?
    private let names: Set<String>

    public init(path: String) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        do { queue = try DatabaseQueue(path: path, configuration: config) } catch {
            throw StoreError.from(error, path: path)
        }
        let url = URL(fileURLWithPath: path)
        names = [url.lastPathComponent, url.lastPathComponent + "-wal"]
        descriptor = Self.watch(directory: url.deletingLastPathComponent().path)
    }

    deinit {
        if let descriptor { Glibc.close(descriptor) }
    }

    private static func watch(directory: String) -> Int32? {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            Glibc.close(fd)
            return nil
        }
        return fd
    }

    /// Reads what the kernel reported since the last call: whether the store or its WAL was
    /// written (or the kernel's queue overflowed, and anything may have been). Never blocks.
    public func takeNotifications() -> Bool {
        guard let descriptor else { return false }
        var touched = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return touched }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 || names.contains(String(decoding: nameBytes, as: UTF8.self)) {
                    touched = true
                }
                offset += header + length
            }
        }
    }

    /// The connection's current data version; it changes after another connection commits.
    public func dataVersion() throws(StoreError) -> Int64 {
        do {
            return try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch { throw StoreError.from(error, path: path) }
    }
}
