import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// What went wrong with the hub, named for the officer who runs the site.
public enum HubError: Error, CustomStringConvertible, Sendable {
    case address(String)
    case unreachable(HubAddress, reason: String)
    /// The hub refused a statement: PostgreSQL's own words, and what was being done.
    case refused(doing: String, reason: String)
    case notASite(String)
    case site(String)

    public var description: String {
        switch self {
        case .address(let problem): "the hub's URL: \(problem)"
        case .unreachable(let hub, let reason): "the hub \(hub) cannot be reached: \(reason)"
        case .refused(let doing, let reason): "the hub refused \(doing): \(reason)"
        case .notASite(let problem): problem
        case .site(let problem): problem
        }
    }

    /// PostgreSQL's message from an error postgres-nio threw, without its debug dump.
    static func reason(_ error: any Error) -> String {
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                let detail = psql.serverInfo?[.detail].map { " (\($0))" } ?? ""
                // undefined_table: a database no `qanat hub init` made ready.
                let hint = psql.serverInfo?[.sqlState] == "42P01" ? "; is it a hub? `qanat hub init` makes one" : ""
                return message + detail + hint
            }
            if psql.code == .sslUnsupported {
                return
                    "it offers no TLS, and the URL's sslmode asks for it (sslmode=disable only over a VPN or a tunnel)"
            }
            if let underlying = psql.underlying { return reason(underlying) }
            switch psql.code {
            case .serverClosedConnection: return "the hub closed the connection"
            case .clientClosedConnection: return "the connection was closed"
            case .uncleanShutdown: return "the connection ended in the middle of a message"
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword:
                return "the hub asks for a sign-in this URL cannot give (no password in it?)"
            default: return "\(psql.code)"
            }
        }
        // What the network said, in the system's words ("No route to host"), not NIO's dump.
        if let failed = error as? NIOConnectionError {
            return failed.connectionErrors.first.map { reason($0.error) } ?? "no address for \(failed.host)"
        }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if let channel = error as? ChannelError, case .connectTimeout(let waited) = channel {
            return "no answer to connecting within \(waited.nanoseconds / 1_000_000_000) s"
        }
        if let tls = error as? NIOSSLExtraError, tls == .failedToValidateHostname {
            return "its TLS certificate is not made out to the host the URL names (\(tls))"
        }
        if let tls = error as? NIOSSLError, case .handshakeFailed(let failure) = tls {
            let said = "\(failure)"
            return said.contains("CERTIFICATE_VERIFY_FAILED")
                ? "its TLS certificate is not signed by an authority this site trusts (the URL's sslrootcert)"
                : "the TLS handshake failed: \(said)"
        }
        return "\(error)"
    }

    /// Whether the hub refused rows for its row-level security (a site writing what is not its own).
    static func isPolicyViolation(_ error: any Error) -> Bool {
        guard let psql = error as? PSQLError, let state = psql.serverInfo?[.sqlState] else { return false }
        return state == "42501"
    }
}
