import Foundation

/// Runs a system tool (useradd, ssh-keygen, ...) to its end, for test fixtures.
public enum SystemTool {
    /// The tool's exit status.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `tool` to its end and returns what it printed. Spawned and reaped here, not through
    /// Foundation's Process, which waits on a descriptor a daemon the tool leaves running inherits
    /// (pg_ctl's server).
    public static func capture(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> String
    {
        let said = NSTemporaryDirectory() + "qanat-tool-said-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: said) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, said, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
            .map { "\($0.key)=\($0.value)" }
        // From `/`, not the test's own directory: a tool run as another user may not enter it.
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
}
