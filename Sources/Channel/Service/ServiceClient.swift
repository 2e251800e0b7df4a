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
    public func ask(_ request: ServiceRequest, waiting: Double = 0, replyLimit: Int = UnixSocket.lineLimit)
        throws(StoreError) -> ServiceReply
    {
        var info = stat()
        guard lstat(socketPath, &info) == 0 else { throw away("no socket at \(socketPath)") }
        guard info.st_mode & S_IFMT == S_IFSOCK, info.st_uid == owner.uid else {
            throw away("\(socketPath) is not the service's socket (owner uid \(info.st_uid))")
        }
        let fd: Int32
        do { fd = try UnixSocket.connect(to: socketPath, timeout: timeout + waiting) } catch {
            throw away("\(error)")
        }
        defer { close(fd) }
        do {
            try UnixSocket.writeLine(fd, try JSONEncoder().encode(request))
            return try JSONDecoder().decode(ServiceReply.self, from: try UnixSocket.readLine(fd, limit: replyLimit))
        } catch {
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

    /// The report the service rendered from the store and recorded as written, for the member's
    /// process to write to the file.
    public func report(_ request: ReportRequest) throws(ChannelError) -> [UInt8] {
        let reply: ServiceReply
        do {
            // Base64 is a third longer than the bytes, and JSON adds its braces.
            reply = try ask(.report(request), waiting: 120, replyLimit: ServiceReply.reportLimit / 3 * 4 + 4096)
        } catch { throw .store(error) }
        guard let text = reply.report, let bytes = Data(base64Encoded: text) else {
            if reply.refused == true, let refusal = reply.refusal { throw .refusedByService(refusal) }
            throw .store(.failed(path: socketPath, reason: reply.refusal ?? "the service rendered no report"))
        }
        return Array(bytes)
    }

    private func away(_ reason: String) -> StoreError {
        .unavailable(path: storePath, reason: "its service (\(owner.user)) cannot be asked: \(reason)")
    }
}
