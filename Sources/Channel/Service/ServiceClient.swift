import Foundation
import QanatCore
import QanatStore

/// A member's side of the service's socket. The socket must be the service's own (its owner the
/// service's user): the store's directory is the service's, but a mistake in modes must not let
/// another member stand in for it.
public struct ServiceClient: IncidentReferenceSource {
    public let socketPath: String
    public let owner: ServiceOwner
    public var timeout: Double

    public init(store: String, owner: ServiceOwner, timeout: Double = 2) {
        socketPath = ServiceOwner.socketPath(beside: store)
        self.owner = owner
        self.timeout = timeout
    }

    /// Throws `.unavailable` (the write waits in the journal) when the service cannot be asked.
    /// `waiting` seconds are added to the socket's timeout for a question the service holds.
    public func ask(_ request: ServiceRequest, waiting: Double = 0) throws(StoreError) -> ServiceReply {
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
            return try JSONDecoder().decode(ServiceReply.self, from: try UnixSocket.readLine(fd))
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

    private func away(_ reason: String) -> StoreError {
        .unavailable(path: socketPath, reason: "its service (\(owner.user)) cannot be asked: \(reason)")
    }
}
