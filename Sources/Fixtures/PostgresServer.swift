import Foundation

/// A PostgreSQL 15 server of the test's own, from Debian's packages: made by `initdb` in a
/// temporary directory the `postgres` user owns (initdb refuses root), with password
/// authentication (scram) for every connection, so a site's role is proved by its password, and
/// TCP only over TLS with a certificate from an authority of the test's own (`authority`).
public final class PostgresServer {
    public static let binaries = "/usr/lib/postgresql/15/bin"
    public let directory: String
    public let port: Int
    public let adminPassword: String
    /// The addresses it listens on (TCP); the first is the admin URL's.
    public let listening: [String]
    /// The PEM file of the authority that signed the server's certificate; nil when it speaks no TLS.
    public let authority: String?

    public static var installed: Bool { FileManager.default.isExecutableFile(atPath: binaries + "/initdb") }

    public typealias Failure = SystemTool.Failure

    /// Makes and starts a server listening on `listen` (loopback unless told) at a free port. With
    /// `certificateNames` it accepts TCP only over TLS, its certificate made out to those host names
    /// and addresses; with none, only clear text.
    public init(
        listen: [String] = ["127.0.0.1"], port: Int? = nil, certificateNames: [String] = ["localhost", "127.0.0.1"]
    )
        throws
    {
        guard Self.installed else { throw Failure(description: "PostgreSQL 15 is not installed at \(Self.binaries)") }
        directory = NSTemporaryDirectory() + "qanat-pg-" + UUID().uuidString.prefix(8)
        listening = listen
        self.port = port ?? Self.freePort()
        adminPassword = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        try FileManager.default.createDirectory(atPath: directory + "/socket", withIntermediateDirectories: true)
        try adminPassword.write(toFile: directory + "/password", atomically: true, encoding: .utf8)
        try Self.run("/bin/chown", ["-R", "postgres:postgres", directory])
        try Self.asPostgres(
            Self.binaries + "/initdb",
            [
                "-D", directory + "/data", "-U", "postgres", "--auth=scram-sha-256", "--pwfile=\(directory)/password",
                "--encoding=UTF8", "--locale=C.UTF-8",
            ])
        let tls = !certificateNames.isEmpty
        authority = tls ? directory + "/authority.pem" : nil
        if tls {
            try Self.makeAuthority(named: "qanat test hub authority", in: directory + "/authority")
            try Self.run("/bin/cp", [directory + "/authority/authority.pem", directory + "/authority.pem"])
            try Self.makeCertificate(
                for: certificateNames, signedBy: directory + "/authority", in: directory + "/data")
        }
        // Every TCP connection by password; over TLS only when the server has a certificate.
        let hostLine = tls ? "hostssl" : "host"
        try """
        local all all scram-sha-256
        \(hostLine) all all 0.0.0.0/0 scram-sha-256
        \(hostLine) all all ::/0 scram-sha-256

        """.write(toFile: directory + "/data/pg_hba.conf", atomically: true, encoding: .utf8)
        if tls {
            try "ssl = on\nssl_cert_file = 'server.pem'\nssl_key_file = 'server.key'\n".write(
                toFile: directory + "/data/conf.d-tls", atomically: true, encoding: .utf8)
            try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/data/postgresql.conf")).appendLine(
                "include 'conf.d-tls'")
        }
        try Self.run("/bin/chown", ["-R", "postgres:postgres", directory + "/data"])
        try Self.run("/bin/chmod", ["0600", directory + "/data/pg_hba.conf"])
        try start()
        try sql("CREATE DATABASE hub")
    }

    deinit { stop() }

    /// The admin's URL for `database` (the hub's by default): TLS checked against the test's
    /// authority, or clear text when the server speaks no TLS.
    public func adminURL(database: String = "hub", host: String? = nil) -> String {
        "postgres://postgres:\(adminPassword)@\(host ?? listening[0]):\(port)/\(database)?"
            + (authority.map { "sslrootcert=\($0)" } ?? "sslmode=disable")
    }

    /// Makes a certificate authority of its own in `directory`: `authority.pem` and `authority.key`.
    public static func makeAuthority(named name: String, in directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try run(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=\(name)", "-keyout", directory + "/authority.key", "-out", directory + "/authority.pem",
            ])
        try run("/bin/chmod", ["0644", directory + "/authority.pem"])
    }

    /// A server certificate and key (`server.pem`, `server.key`) in `directory`, made out to `names`
    /// (host names and addresses) and signed by the authority in `authority`.
    static func makeCertificate(for names: [String], signedBy authority: String, in directory: String) throws {
        let alternatives = names.map { (inet_addr($0) != INADDR_NONE ? "IP:" : "DNS:") + $0 }
        try run(
            "/usr/bin/openssl",
            [
                "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-subj", "/CN=\(names[0])", "-addext", "subjectAltName=" + alternatives.joined(separator: ","),
                "-keyout", directory + "/server.key", "-out", directory + "/server.csr",
            ])
        try run(
            "/usr/bin/openssl",
            [
                "x509", "-req", "-in", directory + "/server.csr", "-copy_extensions", "copyall", "-days", "2",
                "-CA", authority + "/authority.pem", "-CAkey", authority + "/authority.key", "-CAcreateserial",
                "-out", directory + "/server.pem",
            ])
        try run("/bin/chmod", ["0600", directory + "/server.key"])
    }

    /// Runs `statement` with psql as the admin; returns what psql printed (unaligned, tuples only).
    @discardableResult
    public func sql(_ statement: String, database: String = "postgres") throws -> String {
        try Self.capture(
            Self.binaries + "/psql",
            [
                "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", directory + "/socket", "-p", "\(port)", "-U",
                "postgres", "-d", database, "-c", statement,
            ],
            environment: ["PGPASSWORD": adminPassword])
    }

    /// Runs `statement` with psql connected by `url` (a site's role, say); throws with psql's words.
    @discardableResult
    public func sql(_ statement: String, connectingTo url: String) throws -> String {
        try Self.capture(
            Self.binaries + "/psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement])
    }

    /// Starts the server (again, after `halt`), its data as it was.
    public func start() throws {
        try Self.asPostgres(
            Self.binaries + "/pg_ctl",
            [
                "-D", directory + "/data", "-l", directory + "/log", "-w", "-o",
                "-k \(directory)/socket -p \(port) -c listen_addresses=\(listening.joined(separator: ",")) -c fsync=off",
                "start",
            ])
    }

    /// Stops the server as a crash or a cut link would leave its clients, keeping its data.
    public func halt() throws {
        try Self.asPostgres(Self.binaries + "/pg_ctl", ["-D", directory + "/data", "-m", "immediate", "stop"])
    }

    public func stop() {
        try? halt()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func asPostgres(_ tool: String, _ arguments: [String]) throws {
        _ = try capture("/usr/sbin/runuser", ["-u", "postgres", "--", tool] + arguments)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws { _ = try capture(tool, arguments) }

    private static func capture(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> String
    { try SystemTool.capture(tool, arguments, environment: environment) }

    /// A TCP port nothing listens on now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 ? getsockname(fd, pointer, &length) : -1
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

extension FileHandle {
    fileprivate func appendLine(_ line: String) throws {
        try seekToEnd()
        try write(contentsOf: Data(("\n" + line + "\n").utf8))
        try close()
    }
}
