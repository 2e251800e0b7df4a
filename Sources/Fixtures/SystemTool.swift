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
}
