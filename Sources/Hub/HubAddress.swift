import Foundation
import NIOSSL
import PostgresNIO

/// The hub as a URL names it, as libpq reads one: `postgres://ROLE:PASSWORD@HOST:PORT/DATABASE`,
/// or with `?host=/run/postgresql` a Unix socket's directory instead of a host. Over TCP the link is
/// TLS, and the hub's certificate is checked against the system's authorities or `sslrootcert`'s,
/// for the URL's host name, unless `sslmode` says otherwise.
public struct HubAddress: Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The Unix socket's directory, when the URL gives `?host=/…`.
    public var socketDirectory: String?
    public var protection: Protection
    /// The PEM file of the authorities the hub's certificate must chain to (`sslrootcert`).
    public var rootCertificate: String?
    private let tls: PostgresConnection.Configuration.TLS

    /// How the link is protected, in libpq's `sslmode` words. `allow` and `prefer` are refused: they
    /// fall back to clear text whenever someone on the path says the hub has no TLS.
    public enum Protection: String, Sendable, CaseIterable {
        /// Clear text: only for a link a VPN or an SSH tunnel already protects.
        case disable
        /// Encrypted, the certificate not checked (libpq's meaning; `verify-ca` when `sslrootcert` is given).
        case require
        /// Encrypted, the certificate signed by a trusted authority, for any name.
        case verifyAuthority = "verify-ca"
        /// Encrypted, the certificate signed by a trusted authority and made out to the URL's host.
        case verifyFull = "verify-full"
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The URL's query parameters this release reads; any other is refused, so a misspelt `sslmode`
    /// never leaves the link in clear text.
    static let parameters = ["host", "sslmode", "sslrootcert"]

    public init(_ url: String) throws(Malformed) {
        let shown = Self.withoutPassword(url)
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "")
        else {
            throw Malformed(description: "'\(shown)' is not a postgres:// URL")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw Malformed(description: "'\(shown)' names no role (postgres://ROLE@HOST/DATABASE)")
        }
        let database = String(parts.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty else {
            throw Malformed(description: "'\(shown)' names no database (postgres://ROLE@HOST/DATABASE)")
        }
        let query = parts.queryItems ?? []
        // One value each: a second `sslmode` appended to a URL must not quietly win over the first.
        if let twice = Self.parameters.first(where: { name in query.filter { $0.name == name }.count > 1 }) {
            throw Malformed(description: "'\(shown)' gives '\(twice)' more than once")
        }
        if let host = query.first(where: { $0.name == "host" })?.value, !host.hasPrefix("/") {
            throw Malformed(
                description: "'\(shown)': host= names a Unix socket's directory (/run/postgresql); a host goes after @")
        }
        if let unknown = query.first(where: { !Self.parameters.contains($0.name) }) {
            throw Malformed(
                description: "'\(shown)': '\(unknown.name)' is not a parameter qanat reads (it reads "
                    + Self.parameters.joined(separator: ", ") + ")")
        }
        func value(_ name: String) -> String? { query.last { $0.name == name }?.value }
        self.user = user
        password = parts.password?.removingPercentEncoding
        self.database = database
        port = parts.port ?? 5432
        socketDirectory = value("host").flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = parts.host ?? "localhost"
        if socketDirectory == nil, parts.host?.isEmpty ?? true {
            throw Malformed(description: "'\(shown)' names no host")
        }
        rootCertificate = value("sslrootcert").flatMap { $0.isEmpty ? nil : $0 }
        protection = try Self.protection(value("sslmode"), rootCertificate: rootCertificate, url: shown)
        // A Unix socket is the local host's, guarded by its directory's permissions; PostgreSQL
        // speaks no TLS on one, and libpq ignores sslmode there too.
        tls =
            socketDirectory == nil
            ? try Self.tls(protection, rootCertificate: rootCertificate, url: shown) : .disable
    }

    private static func protection(_ mode: String?, rootCertificate: String?, url: String) throws(Malformed)
        -> Protection
    {
        guard let mode else { return .verifyFull }
        guard let protection = Protection(rawValue: mode) else {
            let fallsBack = ["allow", "prefer"].contains(mode)
            throw Malformed(
                description: "'\(url)': sslmode=\(mode) "
                    + (fallsBack
                        ? "falls back to clear text when someone on the link asks; " : "is not one qanat knows; ")
                    + "use " + Protection.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return protection == .require && rootCertificate != nil ? .verifyAuthority : protection
    }

    private static func tls(_ protection: Protection, rootCertificate: String?, url: String) throws(Malformed)
        -> PostgresConnection.Configuration.TLS
    {
        guard protection != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification =
            switch protection {
            case .disable, .require: .none
            case .verifyAuthority: .noHostnameVerification
            case .verifyFull: .fullVerification
            }
        do {
            if let rootCertificate {
                let authorities = try NIOSSLCertificate.fromPEMFile(rootCertificate)
                guard !authorities.isEmpty else {
                    throw Malformed(description: "'\(url)': sslrootcert \(rootCertificate) holds no PEM certificate")
                }
                configuration.trustRoots = .certificates(authorities)
            }
            return .require(try NIOSSLContext(configuration: configuration))
        } catch let error as Malformed {
            throw error
        } catch {
            throw Malformed(
                description: "'\(url)': sslrootcert \(rootCertificate ?? "(the system's)") cannot be read as PEM "
                    + "certificates (\(error))")
        }
    }

    /// The URL for another role on the same server and database, protected the same way.
    public func `for`(user: String, password: String) -> String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = user
        parts.password = password
        parts.host = socketDirectory == nil ? host : ""
        parts.port = port
        parts.path = "/" + database
        var query: [URLQueryItem] = []
        if let socketDirectory {
            query.append(URLQueryItem(name: "host", value: socketDirectory))
        } else {
            query.append(URLQueryItem(name: "sslmode", value: protection.rawValue))
            if let rootCertificate { query.append(URLQueryItem(name: "sslrootcert", value: rootCertificate)) }
        }
        parts.queryItems = query
        return parts.string ?? ""
    }

    /// Where it points, without its password: for logs and messages.
    public var description: String {
        "postgres://\(user)@\(socketDirectory.map { "[\($0)]" } ?? host):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketDirectory {
            configuration = .init(
                unixSocketPath: socketDirectory + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// A URL as it may be shown: the password replaced. One that does not parse loses everything
    /// between `://` and its last `@`, where a password would be.
    static func withoutPassword(_ url: String) -> String {
        if var parts = URLComponents(string: url), parts.host != nil {
            guard parts.password != nil else { return url }
            parts.password = "…"
            return parts.string ?? ""
        }
        guard let at = url.range(of: "@", options: .backwards) else { return url }
        let scheme = url.range(of: "://").map { String(url[..<$0.upperBound]) } ?? ""
        return scheme + "…" + String(url[at.lowerBound...])
    }
}
