import Foundation
import QanatChannel

/// A file a command writes for someone to keep (a report, an export): made new beside its name
/// and moved into place, so a link or a FIFO planted at the name is replaced, never written
/// through (nor waited on); readable by its owner and their group only (0640), whatever the umask.
enum OutputFile {
    /// Writes `bytes` to `path` (as `ReportDestination.checkedPath` gives it).
    static func write(_ bytes: [UInt8], to path: String) throws(CLIError) {
        let writer = try Writer(path)
        try writer.append(bytes)
        try writer.commit()
    }

    /// What a report's record keeps of the file at `path`, read a piece at a time.
    static func content(of path: String) throws(CLIError) -> ReportContent {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .badData("\(terminalSafe(path)): \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        var hasher = ReportContent.Hasher()
        while true {
            let piece: Data?
            do { piece = try handle.read(upToCount: 1 << 20) } catch {
                throw .badData("\(terminalSafe(path)): \(error.localizedDescription)")
            }
            guard let piece, !piece.isEmpty else { return hasher.finalize() }
            piece.withUnsafeBytes { hasher.update($0) }
        }
    }

    /// A file written a piece at a time, hashed as it goes, under a temporary name beside `path`
    /// until `commit`; dropped uncommitted, the temporary file is removed and `path` is untouched.
    final class Writer {
        let path: String
        private let temporary: String
        private let descriptor: Int32
        private let output: BufferedOutput
        private var hasher = ReportContent.Hasher()
        private var committed = false

        init(_ path: String) throws(CLIError) {
            self.path = path
            let url = URL(fileURLWithPath: path)
            temporary =
                url.deletingLastPathComponent()
                .appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(UUID().uuidString.prefix(8))").path
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
            guard descriptor >= 0 else { throw OutputFile.failure(path) }
            output = BufferedOutput(descriptor: descriptor)
        }

        deinit {
            guard !committed else { return }
            close(descriptor)
            unlink(temporary)
        }

        /// The bytes appended so far.
        var content: ReportContent { hasher.finalize() }

        func append(_ bytes: [UInt8]) throws(CLIError) {
            bytes.withUnsafeBytes { hasher.update($0) }
            guard output.write(bytes) else { throw OutputFile.failure(path) }
        }

        /// Moves the file into place, readable by its owner and their group only.
        func commit() throws(CLIError) {
            guard output.flush(), fchmod(descriptor, 0o640) == 0, fsync(descriptor) == 0 else {
                throw OutputFile.failure(path)
            }
            close(descriptor)
            committed = true
            guard rename(temporary, path) == 0 else {
                let error = OutputFile.failure(path)
                unlink(temporary)
                throw error
            }
        }
    }

    fileprivate static func failure(_ path: String) -> CLIError {
        .badData("--out \(terminalSafe(path)): \(String(cString: strerror(errno))); nothing was written")
    }
}

/// An export to standard output: CRLF rows shown as lines, and made safe, when a person reads them.
func writeExport(_ text: String) {
    let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text.replacingOccurrences(of: "\r\n", with: "\n")) : text
    FileHandle.standardOutput.write(Data(shown.utf8))
}

/// Bytes written to a descriptor a megabyte at a time: a month's archive is millions of lines.
final class BufferedOutput {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// False (errno says why) when the descriptor took less than it was given.
    func write(_ bytes: [UInt8]) -> Bool {
        buffer += bytes
        return buffer.count < 1 << 20 || flush()
    }

    func flush() -> Bool {
        var written = 0
        let complete = buffer.withUnsafeBytes { pending -> Bool in
            guard let base = pending.baseAddress else { return true }  // nothing to write
            while written < pending.count {
                let count = Foundation.write(descriptor, base + written, pending.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
        return complete
    }
}
