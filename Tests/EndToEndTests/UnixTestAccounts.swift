import Foundation
import QanatFixtures
import XCTest

/// Real Unix users and groups made for a test (which needs root for it), kept for later runs.
enum UnixTestAccounts {
    static func group(_ name: String) throws -> String {
        guard getuid() == 0 else { throw XCTSkip("making a Unix group for the test needs root") }
        if getgrnam(name) == nil { try run("/usr/sbin/groupadd", [name], made: { getgrnam(name) != nil }) }
        return name
    }

    /// A system user with no home and no login shell, in `groups` (made first where missing).
    static func user(_ name: String, groups: [String] = []) throws -> String {
        guard getuid() == 0 else { throw XCTSkip("making a Unix user for the test needs root") }
        for group in groups { _ = try self.group(group) }
        if getpwnam(name) == nil {
            try run(
                "/usr/sbin/useradd",
                ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin"]
                    + (groups.isEmpty ? [] : ["--groups", groups.joined(separator: ",")]) + [name],
                made: { getpwnam(name) != nil })
        } else if !groups.isEmpty {
            try run("/usr/sbin/usermod", ["--append", "--groups", groups.joined(separator: ","), name])
        }
        return name
    }

    /// Runs an account tool, again while another test process holds /etc/passwd's lock (the suite's
    /// site tests run beside the rest, and both make accounts) unless what it was to make is there.
    private static func run(_ tool: String, _ arguments: [String], made: () -> Bool = { false }) throws {
        var status = try SystemTool.run(tool, arguments)
        for _ in 0..<10 where status != 0 && !made() {
            usleep(500_000)
            status = try SystemTool.run(tool, arguments)
        }
        if status != 0 && made() { return }
        guard status == 0 else { throw XCTSkip("\(tool) \(arguments.joined(separator: " ")) failed (\(status))") }
    }
}
