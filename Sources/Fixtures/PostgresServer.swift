import Foundation

/// A PostgreSQL 15 server of the test's own, from Debian's packages: made by `initdb` in a
/// temporary directory the `postgres` user owns (initdb refuses root), with password
/// authentication (scram) for every connection, so a site's role is proved by its password.
public final class PostgresServer {
    public static let binaries = "/usr/lib/postgresql/15/bin"
    public let directory: String
    public let port: Int
    public let adminPassword: String
    /// The addresses it listens on (TCP).
    public let listening: String

    public static var installed: Bool { FileManager.default.isExecutableFile(atPath: binaries + "/initdb") }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Makes and starts a server listening on `listen` (loopback unless told) at a free port.
    public init(listen: String = "127.0.0.1", port: Int? = nil) throws {
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
        try start()
        try sql("CREATE DATABASE hub")
    }

    deinit { stop() }

    /// The admin's URL for `database` (the hub's by default).
    public func adminURL(database: String = "hub", host: String? = nil) -> String {
        "postgres://postgres:\(adminPassword)@\(host ?? listening):\(port)/\(database)"
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
                "-k \(directory)/socket -p \(port) -c listen_addresses=\(listening) -c fsync=off", "start",
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

    /// Runs `tool` to its end and returns what it printed. Spawned and reaped here, not through
    /// Foundation's Process, which waits on a descriptor the server pg_ctl leaves running inherits.
    private static func capture(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> String
    {
        let said = NSTemporaryDirectory() + "qanat-pg-said-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: said) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, said, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
            .map { "\($0.key)=\($0.value)" }
        // From `/`, not the test's own directory: the postgres user may not enter it.
        let argv = (["/bin/sh", "-c", #"cd / && exec "$0" "$@""#, tool] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard spawned == 0 else { throw Failure(description: "\(tool): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = ((try? String(contentsOfFile: said, encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")): \(text)")
        }
        return text
    }

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
