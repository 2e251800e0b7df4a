import Foundation
import PostgresNIO

/// The hub as a URL names it, as libpq reads one: `postgres://ROLE:PASSWORD@HOST:PORT/DATABASE`,
/// or with `?host=/run/postgresql` a Unix socket's directory instead of a host.
public struct HubAddress: Sendable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    /// The Unix socket's directory, when the URL gives `?host=/…`.
    public var socketDirectory: String?

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ url: String) throws(Malformed) {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "")
        else {
            throw Malformed(description: "'\(Self.withoutPassword(url))' is not a postgres:// URL")
        }
        guard let user = parts.user?.removingPercentEncoding, !user.isEmpty else {
            throw Malformed(description: "'\(Self.withoutPassword(url))' names no role (postgres://ROLE@HOST/DATABASE)")
        }
        let database = String(parts.path.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty else {
            throw Malformed(
                description: "'\(Self.withoutPassword(url))' names no database (postgres://ROLE@HOST/DATABASE)")
        }
        self.user = user
        password = parts.password?.removingPercentEncoding
        self.database = database
        port = parts.port ?? 5432
        socketDirectory = parts.queryItems?.first { $0.name == "host" }?.value.flatMap { $0.hasPrefix("/") ? $0 : nil }
        host = parts.host ?? "localhost"
        if socketDirectory == nil, parts.host?.isEmpty ?? true {
            throw Malformed(description: "'\(Self.withoutPassword(url))' names no host")
        }
    }

    /// The URL for another role on the same server and database.
    public func `for`(user: String, password: String) -> String {
        var parts = URLComponents()
        parts.scheme = "postgres"
        parts.user = user
        parts.password = password
        parts.host = socketDirectory == nil ? host : ""
        parts.port = port
        parts.path = "/" + database
        if let socketDirectory { parts.queryItems = [URLQueryItem(name: "host", value: socketDirectory)] }
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
                host: host, port: port, username: user, password: password, database: database, tls: .disable)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// A URL as it may be shown: the password replaced.
    static func withoutPassword(_ url: String) -> String {
        guard var parts = URLComponents(string: url), parts.password != nil else { return url }
        parts.password = "…"
        return parts.string ?? ""
    }
}
