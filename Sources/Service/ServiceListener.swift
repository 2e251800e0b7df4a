import Foundation
import QanatChannel

#if canImport(Glibc)
    import Glibc
#endif

/// The service's socket: each connection is one request and one reply, answered on a thread of
/// its own so that a member who connects and says nothing delays no one: the request must come
/// whole within two seconds, and each Unix user holds at most a few connections at once (beyond
/// that, and beyond the limit for all, a connection is closed unanswered and the caller goes on as
/// if the service were away). Who asks is the kernel's word (`SO_PEERCRED`), never the request's.
public final class ServiceListener: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32
    private let answer: @Sendable (ServiceRequest, uid_t) -> ServiceAnswer
    private let lock = NSLock()
    private var open: [uid_t: Int] = [:]
    /// Connections answered at once, in all and for one Unix user.
    static let concurrentLimit = 512
    static let perUserLimit = 64
    /// Seconds a request has to arrive whole.
    static let requestDeadline = 2.0
    /// Seconds one send of a report's bytes may wait for the member to read.
    static let reportSendDeadline = 30.0

    public init(
        path: String, group: gid_t, answer: @escaping @Sendable (ServiceRequest, uid_t) -> ServiceAnswer
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
            guard let uid = UnixSocket.peerUID(connection), reserve(uid) else {
                close(connection)
                continue
            }
            let thread = Thread { [self] in
                serve(connection, from: uid)
                release(uid)
            }
            thread.start()
        }
    }

    private func serve(_ connection: Int32, from uid: uid_t) {
        defer { close(connection) }
        UnixSocket.setTimeout(connection, seconds: Self.requestDeadline)
        let answered: ServiceAnswer
        do {
            let line = try UnixSocket.readLine(connection, within: Self.requestDeadline)
            let request = try JSONDecoder().decode(ServiceRequest.self, from: line)
            answered = answer(request, uid)
        } catch {
            answered = ServiceAnswer(ServiceReply(refusal: "not a request: \(error)"))
        }
        guard let data = try? JSONEncoder().encode(answered.reply), (try? UnixSocket.writeLine(connection, data)) != nil
        else { return }
        // A report's bytes go at the member's pace: each send may wait, but not for ever.
        UnixSocket.setTimeout(connection, seconds: Self.reportSendDeadline)
        _ = answered.report?.send(to: connection)
    }

    private func reserve(_ uid: uid_t) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open.values.reduce(0, +) < Self.concurrentLimit, open[uid, default: 0] < Self.perUserLimit else {
            return false
        }
        open[uid, default: 0] += 1
        return true
    }

    private func release(_ uid: uid_t) {
        lock.lock()
        open[uid, default: 1] -= 1
        if open[uid] == 0 { open[uid] = nil }
        lock.unlock()
    }
}

/// The reply to one request, and the report whose bytes follow it.
public struct ServiceAnswer: Sendable {
    public let reply: ServiceReply
    let report: RenderedReport?

    init(_ reply: ServiceReply, report: RenderedReport? = nil) {
        self.reply = reply
        self.report = report
    }
}
