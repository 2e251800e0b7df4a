import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// Renders a report for a member by running the service's own binary (`qanat report KIND … --db
/// STORE`) as the service: Qanat's own report code, on the store, with none of the member's
/// environment. The bytes it prints are the report.
struct ReportRenderer {
    let storePath: String
    /// Longest a report may take to render.
    var seconds = 120.0

    /// The running binary, as the kernel names it (not argv's word).
    static var binary: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `officer`: who asked, as they name themselves — the report's preparer, not the service.
    func render(_ arguments: [String], officer: String) throws(ReportRequest.Refused) -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["report"] + arguments + ["--db=\(storePath)"]
        // The service's own directory: the one it was started in may be closed to its user.
        process.currentDirectoryURL = URL(fileURLWithPath: storePath).deletingLastPathComponent()
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QANAT_LOG": "", "HOME": "/nonexistent",
            "QANAT_OFFICER": officer,
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .init(description: "the report could not be started: \(error)") }
        let deadline = DispatchTime.now() + seconds
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        defer { timer.cancel() }
        // Read both pipes whole before waiting: a report larger than a pipe's buffer must not stall.
        var said = Data()
        let readErrors = DispatchWorkItem { said = errors.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(execute: readErrors)
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        readErrors.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = String(decoding: said.prefix(2000), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw .init(
                description: reason.isEmpty ? "the report stopped (status \(process.terminationStatus))" : reason)
        }
        guard bytes.count <= ServiceReply.reportLimit else {
            throw .init(description: "the report is over \(ServiceReply.reportLimit) bytes")
        }
        return Array(bytes)
    }
}
