import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The kernel's word (inotify) that a journal was written, created, moved in or changed mode: the
/// service reads a line within milliseconds of its `fsync`, and sleeps otherwise.
public final class JournalWatcher {
    private let descriptor: Int32
    /// Watch descriptor → the directory it watches.
    private var directories: [Int32: String] = [:]

    public struct Wake: Sendable {
        /// The files named by the kernel, as full paths.
        public var paths: Set<String> = []
        /// Events were lost (the kernel's queue overflowed): every journal must be looked at.
        public var overflowed = false
        public var timedOut = false
        public var stopped = false
    }

    public init(directories: [String]) throws(ServiceError) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw .system("inotify_init1", errno) }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_ATTRIB)
        for directory in Set(directories) {
            let watch = inotify_add_watch(descriptor, directory, mask)
            guard watch >= 0 else {
                let code = errno
                close(descriptor)
                throw .system("inotify_add_watch \(directory)", code)
            }
            self.directories[watch] = directory
        }
    }

    deinit { close(descriptor) }

    /// Sleeps until a file in a watched directory changes, `stop` becomes readable, or `timeout` passes.
    public func wait(milliseconds timeout: Int32, stop: Int32) -> Wake {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if stop >= 0 { fds.append(pollfd(fd: stop, events: Int16(POLLIN), revents: 0)) }
        var wake = Wake()
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        if ready == 0 { wake.timedOut = true }
        if fds.count > 1, fds[1].revents != 0 { wake.stopped = true }
        read(into: &wake)
        return wake
    }

    private func read(into wake: inout Wake) {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let header = MemoryLayout<inotify_event>.size
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset + header <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.load(fromByteOffset: offset, as: Int32.self),
                        raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { wake.overflowed = true }
                let name = String(
                    decoding: buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 },
                    as: UTF8.self)
                if let directory = directories[watch], !name.isEmpty { wake.paths.insert(directory + "/" + name) }
                offset += header + length
            }
        }
    }
}
