import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore

/// Renders a report for a member by running the service's own binary (`qanat report KIND … --db
/// STORE`) as the service: Qanat's own report code, on the store, with none of the member's
/// environment. The bytes it prints are the report, kept in a file no name leads to until the
/// member has them: a month's archive may be hundreds of MiB.
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
    func render(_ arguments: [String], officer: String) throws(ReportRequest.Refused) -> RenderedReport {
        let directory = (storePath as NSString).deletingLastPathComponent
        let report = try RenderedReport(in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["report"] + arguments + ["--db=\(storePath)"]
        // The service's own directory: the one it was started in may be closed to its user.
        process.currentDirectoryURL = URL(fileURLWithPath: storePath).deletingLastPathComponent()
        process.environment = [
            "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "QANAT_LOG": "", "HOME": "/nonexistent",
            "QANAT_OFFICER": officer,
        ]
        let errors = Pipe()
        process.standardOutput = FileHandle(fileDescriptor: report.descriptor, closeOnDealloc: false)
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw .init(description: "the report could not be started: \(error)") }
        let deadline = DispatchTime.now() + seconds
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: deadline)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        defer { timer.cancel() }
        // What it says is read whole before waiting: much said must not stall it.
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let reason = String(decoding: said.prefix(2000), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            throw .init(
                description: reason.isEmpty ? "the report stopped (status \(process.terminationStatus))" : reason)
        }
        try report.measure()
        return report
    }
}

/// A report rendered into a file of the service's own, unlinked as soon as it is made: the service
/// hashes it, then sends it after its reply; it is gone when the descriptor closes.
final class RenderedReport: @unchecked Sendable {
    let descriptor: Int32
    private(set) var content = ReportContent(sha256: "", bytes: 0)

    init(in directory: String) throws(ReportRequest.Refused) {
        var template = Array((directory + "/.qanat-report-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { made in made.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            throw .init(description: "no room for the report in \(directory): \(String(cString: strerror(errno)))")
        }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        template.withUnsafeBufferPointer { made in _ = made.baseAddress.map { unlink($0) } }
    }

    deinit { close(descriptor) }

    /// Hashes what the renderer wrote.
    func measure() throws(ReportRequest.Refused) {
        var hasher = ReportContent.Hasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw .init(description: "the rendered report could not be read: \(String(cString: strerror(errno)))")
            }
            guard count > 0 else { break }
            buffer[0..<count].withUnsafeBytes { hasher.update($0) }
            offset += off_t(count)
        }
        content = hasher.finalize()
    }

    /// Sends the report's bytes after the reply; false when the member stopped reading.
    func send(to connection: Int32) -> Bool {
        var offset: off_t = 0
        while offset < off_t(content.bytes) {
            let count = sendfile(connection, descriptor, &offset, content.bytes - Int(offset))
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
        }
        return true
    }
}
