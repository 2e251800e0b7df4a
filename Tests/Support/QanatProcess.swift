import Foundation
import QanatScratch
import XCTest

/// Runs the real `qanat` binary that `swift test` built, against a store and journal of the test's own.
public struct QanatProcess: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    public let directory: String
    public var database: String { directory + "/qanat.sqlite" }
    public var journal: String { directory + "/journal.jsonl" }

    public static var binary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qanat")
                .path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug/qanat").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
    }

    public init() throws {
        directory = try scratchDirectory("e2e")
    }

    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["QANAT_DB"] = database
        env["QANAT_JOURNAL"] = journal
        env["QANAT_LOG"] = directory + "/qanat.log"
        env["QANAT_OFFICER"] = "Test Officer"
        // Drafts and other per-user state stay in the test's own directory.
        env["XDG_DATA_HOME"] = directory + "/data"
        return env
    }

    public func process(_ arguments: [String], extraEnvironment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.environment = environment.merging(extraEnvironment) { $1 }
        return process
    }

    /// A copy of the binary in the test's directory, for another Unix user: the checkout may sit
    /// where they cannot reach (a 0700 temporary directory).
    public func binaryForOtherUsers() throws -> String {
        let copy = directory + "/qanat"
        if !FileManager.default.fileExists(atPath: copy) {
            try FileManager.default.copyItem(atPath: Self.binary, toPath: copy)
        }
        chmod(copy, 0o755)
        return copy
    }

    @discardableResult
    public func run(_ arguments: String..., extraEnvironment: [String: String] = [:]) throws -> Result {
        try run(arguments, extraEnvironment: extraEnvironment)
    }

    /// Runs `qanat` as another Unix user (`runuser`, so the test needs root), with this store's environment.
    @discardableResult
    public func run(as user: String, _ arguments: [String], extraEnvironment: [String: String] = [:]) throws -> Result {
        try run(
            ["-u", user, "--", try binaryForOtherUsers()] + arguments, extraEnvironment: extraEnvironment,
            executable: "/usr/sbin/runuser")
    }

    /// `input`: written to its standard input (a PIN an admin types into a pipe), else none.
    @discardableResult
    public func run(
        _ arguments: [String], extraEnvironment: [String: String] = [:], executable: String? = nil,
        input: String? = nil
    ) throws -> Result {
        let process = process(arguments, extraEnvironment: extraEnvironment)
        if let executable { process.executableURL = URL(fileURLWithPath: executable) }
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell script with this store's environment and `qanat` on the PATH.
    public func shell(_ script: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        var env = environment
        env["PATH"] =
            URL(fileURLWithPath: Self.binary).deletingLastPathComponent().path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
