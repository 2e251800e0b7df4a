import Foundation
import QanatChannel

#if canImport(Glibc)
    import Glibc
#endif

/// The service's socket: each connection is one request and one reply, answered on a thread of
/// its own so that a member who connects and says nothing delays no one (a read gives up after
/// two seconds). Who asks is the kernel's word (`SO_PEERCRED`), never the request's.
public final class ServiceListener: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32
    private let answer: @Sendable (ServiceRequest, uid_t) -> ServiceReply
    private let lock = NSLock()
    private var open = 0
    /// Connections answered at once; more wait in the kernel's backlog.
    static let concurrentLimit = 32

    public init(
        path: String, group: gid_t, answer: @escaping @Sendable (ServiceRequest, uid_t) -> ServiceReply
    ) throws(ServiceError) {
        self.path = path
        self.answer = answer
        do { descriptor = try UnixSocket.listen(at: path, mode: 0o660) } catch { throw .socket(error) }
        chown(path, uid_t.max, group)
    }

    public func start() {
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "qanat-serve-socket"
        thread.start()
    }

    /// Stops taking connections and removes the socket.
    public func stop() {
        shutdown(descriptor, Int32(SHUT_RDWR))
        unlink(path)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(descriptor, nil, nil)
            if connection < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            guard reserve() else {
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection)
                release()
            }
            thread.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        UnixSocket.setTimeout(connection, seconds: 2)
        guard let uid = UnixSocket.peerUID(connection) else { return }
        let reply: ServiceReply
        do {
            let request = try JSONDecoder().decode(ServiceRequest.self, from: try UnixSocket.readLine(connection))
            reply = answer(request, uid)
        } catch {
            reply = ServiceReply(refusal: "not a request: \(error)")
        }
        if let data = try? JSONEncoder().encode(reply) { try? UnixSocket.writeLine(connection, data) }
    }

    private func reserve() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open < Self.concurrentLimit else { return false }
        open += 1
        return true
    }

    private func release() {
        lock.lock()
        open -= 1
        lock.unlock()
    }
}
