import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A Unix stream socket carrying one JSON line each way: the service's and its clients'. The
/// kernel names the peer (`SO_PEERCRED`), so the service never takes a caller's word for who it is.
public enum UnixSocket {
    public enum Failure: Error, CustomStringConvertible, Sendable {
        case system(String, Int32)
        case pathTooLong(String)
        case tooLong(limit: Int)
        case closed
        case timedOut(Double)

        public var description: String {
            switch self {
            case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
            case .pathTooLong(let path): "socket path too long (\(path.utf8.count) bytes): \(path)"
            case .tooLong(let limit): "a message longer than \(limit) bytes"
            case .closed: "the connection closed before a whole line came"
            case .timedOut(let seconds): "no whole line within \(seconds) s"
            }
        }
    }

    /// The longest line either side reads: requests and replies are small.
    public static let lineLimit = 64 * 1024

    static func address(_ path: String) throws(Failure) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { throw .pathTooLong(path) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    /// A connected socket to `path`, reads and writes giving up after `timeout` seconds.
    public static func connect(to path: String, timeout: Double) throws(Failure) -> Int32 {
        var address = try address(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        setTimeout(fd, seconds: timeout)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw .system("connect \(path)", code)
        }
        return fd
    }

    /// A listening socket at `path`, replacing a stale one (the directory is the service's own).
    public static func listen(at path: String, mode: mode_t) throws(Failure) -> Int32 {
        var address = try address(path)
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, chmod(path, mode) == 0, Glibc.listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw .system("listen \(path)", code)
        }
        return fd
    }

    public static func setTimeout(_ fd: Int32, seconds: Double) {
        let whole = max(0, seconds)
        var time = timeval(tv_sec: Int(whole), tv_usec: Int((whole - whole.rounded(.down)) * 1_000_000))
        if time.tv_sec == 0 && time.tv_usec == 0 { time.tv_usec = 1000 }
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    /// The Unix user at the other end, as the kernel knows it.
    public static func peerUID(_ fd: Int32) -> uid_t? {
        // struct ucred (pid, uid, gid): Glibc's module hides it behind _GNU_SOURCE.
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0, length == 12 else { return nil }
        return credentials.uid
    }

    /// One line, without its newline, up to `limit` bytes; with `within`, the whole line must come in
    /// that many seconds (a peer sending a byte a second holds nothing for long).
    public static func readLine(_ fd: Int32, within seconds: Double? = nil, limit: Int = lineLimit) throws(Failure)
        -> Data
    {
        var rest: [UInt8] = []
        return try readLine(fd, within: seconds, limit: limit, rest: &rest)
    }

    /// One line, as above; what came after its newline is left in `rest`.
    public static func readLine(
        _ fd: Int32, within seconds: Double? = nil, limit: Int = lineLimit, rest: inout [UInt8]
    ) throws(Failure) -> Data {
        var line = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = seconds.map { Date().addingTimeInterval($0) }
        while true {
            if let deadline, let seconds {
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { throw .timedOut(seconds) }
                setTimeout(fd, seconds: remaining)
            }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK, let seconds { throw .timedOut(seconds) }
                throw .system("read", errno)
            }
            guard count > 0 else { throw .closed }
            if let end = buffer[0..<count].firstIndex(of: UInt8(ascii: "\n")) {
                line.append(contentsOf: buffer[0..<end])
                rest = Array(buffer[(end + 1)..<count])
                return line
            }
            line.append(contentsOf: buffer[0..<count])
            guard line.count <= limit else { throw .tooLong(limit: limit) }
        }
    }

    public static func writeLine(_ fd: Int32, _ data: Data) throws(Failure) {
        let bytes = [UInt8](data) + [UInt8(ascii: "\n")]
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("send", errno)
            }
            sent += count
        }
    }
}
