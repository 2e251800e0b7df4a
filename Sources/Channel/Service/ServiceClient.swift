import Foundation
import QanatCore
import QanatJournal
import QanatStore

/// A member's side of the service's socket. The socket must be the service's own (its owner the
/// service's user): the store's directory is the service's, but a mistake in modes must not let
/// another member stand in for it.
public struct ServiceClient: IncidentReferenceSource {
    public let socketPath: String
    /// The store the service writes: what a member is told is away.
    let storePath: String
    public let owner: ServiceOwner
    public var timeout: Double

    public init(store: String, owner: ServiceOwner, timeout: Double = 2) {
        socketPath = ServiceOwner.socketPath(beside: store)
        storePath = store
        self.owner = owner
        self.timeout = timeout
    }

    /// Throws `.unavailable` (the write waits in the journal) when the service cannot be asked.
    /// `waiting` seconds are added to the socket's timeout for a question the service holds.
    public func ask(_ request: ServiceRequest, waiting: Double = 0) throws(StoreError) -> ServiceReply {
        let connection = try exchange(request, waiting: waiting)
        close(connection.fd)
        return connection.reply
    }

    /// The request sent and the reply read, on a connection left open for what follows the reply
    /// (a report's bytes), with what was read past the reply's line.
    private func exchange(_ request: ServiceRequest, waiting: Double) throws(StoreError) -> (
        fd: Int32, reply: ServiceReply, rest: [UInt8]
    ) {
        var info = stat()
        guard lstat(socketPath, &info) == 0 else { throw away("no socket at \(socketPath)") }
        guard info.st_mode & S_IFMT == S_IFSOCK, info.st_uid == owner.uid else {
            throw away("\(socketPath) is not the service's socket (owner uid \(info.st_uid))")
        }
        let fd: Int32
        do { fd = try UnixSocket.connect(to: socketPath, timeout: timeout + waiting) } catch {
            throw away("\(error)")
        }
        do {
            try UnixSocket.writeLine(fd, try JSONEncoder().encode(request))
            var rest: [UInt8] = []
            let line = try UnixSocket.readLine(fd, rest: &rest)
            return (fd, try JSONDecoder().decode(ServiceReply.self, from: line), rest)
        } catch {
            close(fd)
            throw away("\(error)")
        }
    }

    /// Whether a service listens on the socket at all: false when it stopped (no socket) or was
    /// killed (nothing accepts). A busy service that refused one connection still listens.
    public var listens: Bool {
        do {
            close(try UnixSocket.connect(to: socketPath, timeout: timeout))
            return true
        } catch {
            guard case .system(_, let code) = error else { return true }
            return code != ENOENT && code != ECONNREFUSED
        }
    }

    public func nextIncidentReference(year: Int64) throws(StoreError) -> IncidentReference {
        let reply = try ask(.reference(year: year))
        guard let text = reply.reference, let reference = try? IncidentReference(text) else {
            throw .failed(path: socketPath, reason: reply.refusal ?? "the service gave no reference")
        }
        return reference
    }

    /// Hands an entry's PIN to the service, which keeps its hash (and only the hash) in its vault.
    /// Hashing is slow on purpose: the service is given time for it.
    public func setPIN(_ pin: String, user: String, officer: String?) throws(ChannelError) {
        let reply: ServiceReply
        do { reply = try ask(.setPIN(user: user, officer: officer, pin: pin), waiting: 30) } catch {
            throw .store(error)
        }
        guard reply.pinSet == true else {
            throw .store(.failed(path: socketPath, reason: reply.refusal ?? "the service did not keep the PIN"))
        }
    }

    /// An officer signing on to this user's shared account: the seal for their desk's lines, or
    /// the refusal (`Refusal`) the desk shows on the PIN's field.
    public func signOn(officer: String, pin: String) throws -> LineSeal {
        let reply: ServiceReply
        do { reply = try ask(.signOn(officer: officer, pin: pin), waiting: 30) } catch {
            guard case .unavailable = error else { throw ChannelError.store(error) }
            throw Refusal.serviceAway(service: owner.user)
        }
        switch reply.signOn {
        case .signedOn(let session, let key)?:
            guard let seal = LineSeal(session: session, keyHex: key) else {
                throw ChannelError.store(.failed(path: socketPath, reason: "the service gave a malformed session"))
            }
            return seal
        case .wrongPIN?: throw Refusal.wrongPIN
        case .throttled(let seconds)?: throw Refusal.pinThrottled(seconds: seconds)
        case .noPIN?: throw Refusal.noPINHeld(officer: officer)
        case .failed(let reason)?: throw ChannelError.store(.failed(path: socketPath, reason: reason))
        case nil:
            throw ChannelError.store(.failed(path: socketPath, reason: reply.refusal ?? "the service did not answer"))
        }
    }

    /// The report the service rendered from the store and recorded as written, handed to `sink` a
    /// piece at a time as it comes off the socket (a month's archive may be hundreds of MiB), and
    /// what the record says of it — checked against the bytes that came.
    public func report(_ request: ReportRequest, into sink: ([UInt8]) throws -> Void) throws -> ReportContent {
        let connection: (fd: Int32, reply: ServiceReply, rest: [UInt8])
        do { connection = try exchange(.report(request), waiting: 120) } catch { throw ChannelError.store(error) }
        defer { close(connection.fd) }
        let reply = connection.reply
        guard let size = reply.reportBytes, let sha256 = reply.reportSHA256, size >= 0 else {
            if reply.refused == true, let refusal = reply.refusal { throw ChannelError.refusedByService(refusal) }
            throw ChannelError.store(
                .failed(path: socketPath, reason: reply.refusal ?? "the service rendered no report"))
        }
        var hasher = ReportContent.Hasher()
        var remaining = size
        func take(_ bytes: [UInt8]) throws {
            bytes.withUnsafeBytes { hasher.update($0) }
            remaining -= bytes.count
            try sink(bytes)
        }
        if !connection.rest.isEmpty { try take(Array(connection.rest.prefix(remaining))) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while remaining > 0 {
            let count = buffer.withUnsafeMutableBytes { read(connection.fd, $0.baseAddress, min($0.count, remaining)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw ChannelError.store(
                    .failed(path: socketPath, reason: "the report stopped \(remaining) of \(size) bytes short"))
            }
            try take(Array(buffer[0..<count]))
        }
        let content = hasher.finalize()
        guard content.sha256 == sha256 else {
            throw ChannelError.store(
                .failed(path: socketPath, reason: "the report's bytes are not the ones the service recorded"))
        }
        return content
    }

    private func away(_ reason: String) -> StoreError {
        .unavailable(path: storePath, reason: "its service (\(owner.user)) cannot be asked: \(reason)")
    }
}
