import Foundation
import QanatChannel
import QanatStore

/// Why the service could not start or go on.
public enum ServiceError: Error, CustomStringConvertible, Sendable {
    case system(String, Int32)
    case store(StoreError)
    case socket(UnixSocket.Failure)
    /// Run by someone other than the user the store names as its service.
    case notTheService(running: String, owner: ServiceOwner)
    /// `serve` on a store that no service owns: `init --service` makes one.
    case embeddedStore(path: String)
    /// The vault is not the service's own 0600 file: planted, or opened to others.
    case untrustedVault(path: String)

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
        case .store(let error): error.description
        case .socket(let failure): "the service's socket: \(failure)"
        case .notTheService(let running, let owner) where running == owner.user:
            "the store names its service \(owner.user) as uid \(owner.uid), and \(running) is uid \(geteuid()) here "
                + "(a store made on another host): root runs `qanat init --db STORE` once to give it this host's"
        case .notTheService(let running, let owner):
            "\(running) is not this store's service: run `qanat serve` as \(owner.user)"
        case .embeddedStore(let path):
            "\(path) is not a service store: its members write it themselves. `qanat init --service USER` makes "
                + "it one (run by root)"
        case .untrustedVault(let path):
            "\(path) is not the service's own file (a regular file, 0600, its user's): it holds the PIN hashes; "
                + "move it aside and set the PINs again"
        }
    }
}
