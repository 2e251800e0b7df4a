import Foundation

/// A real OpenSSH server on 127.0.0.1 with a throwaway host key and user key, for the desk as an
/// operator reaches it: `ssh -tt host qanat`. Needs root (sshd's privilege separation) and
/// Debian's openssh-server, which `scripts/setup.sh` installs. Shared by the end-to-end test
/// and the benchmark.
public final class SshServer {
    public let directory: String
    public let port: Int

    /// Why no server could be started here (not root, no sshd): callers skip, they do not fail.
    public struct Unavailable: Error {
        public let reason: String
    }

    public init(directory: String) throws {
        guard getuid() == 0 else { throw Unavailable(reason: "a test sshd needs root") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") else {
            throw Unavailable(reason: "no /usr/sbin/sshd: `bash scripts/setup.sh` installs openssh-server")
        }
        self.directory = directory
        port = Int.random(in: 20_000...40_000)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
        for key in ["host", "user"] {
            try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(directory)/\(key)"])
        }
        try FileManager.default.copyItem(atPath: "\(directory)/user.pub", toPath: "\(directory)/authorized_keys")
        try """
        Port \(port)
        ListenAddress 127.0.0.1
        HostKey \(directory)/host
        AuthorizedKeysFile \(directory)/authorized_keys
        PidFile \(directory)/sshd.pid
        UsePAM no
        StrictModes no
        PermitRootLogin prohibit-password
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        """.write(toFile: "\(directory)/sshd_config", atomically: false, encoding: .utf8)
        // sshd puts itself in the background and the starting process ends at once: a child left
        // running under Foundation's Process makes later Process waits hang here.
        try Self.run("/usr/sbin/sshd", ["-f", "\(directory)/sshd_config", "-E", "\(directory)/sshd.log"])
        let deadline = Date().addingTimeInterval(5)
        while !listening, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        guard listening else { throw Unavailable(reason: "sshd did not start on port \(port)") }
    }

    deinit {
        if let text = try? String(contentsOfFile: "\(directory)/sshd.pid", encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            kill(pid, SIGTERM)
        }
    }

    /// The ssh command line for `remote`, with a terminal (-tt), as an operator types it.
    public func ssh(_ remote: String) -> String {
        "ssh -tt -p \(port) -i \(directory)/user -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "
            + "root@127.0.0.1 \"\(remote)\""
    }

    /// Bytes the server has sent on its established connections (the kernel's count, via `ss`):
    /// what crossed the wire to SSH clients, encryption and framing included.
    public var bytesSent: Int {
        let ss = Process()
        ss.executableURL = URL(fileURLWithPath: "/usr/bin/ss")
        ss.arguments = ["-tinH", "state", "established", "( sport = :\(port) )"]
        let out = Pipe()
        ss.standardOutput = out
        guard (try? ss.run()) != nil else { return 0 }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ss.waitUntilExit()
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .compactMap { $0.hasPrefix("bytes_sent:") ? Int($0.dropFirst(11)) : nil }.reduce(0, +)
    }

    private var listening: Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        try SystemTool.run(tool, arguments)
    }
}
