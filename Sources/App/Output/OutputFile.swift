import Foundation

/// A file a command writes for someone to keep (a report, an export): made new beside its name
/// and moved into place, so a link or a FIFO planted at the name is replaced, never written
/// through (nor waited on); readable by its owner and their group only (0640), whatever the umask.
enum OutputFile {
    /// Writes `bytes` to `path` (as `ReportDestination.checkedPath` gives it).
    static func write(_ bytes: [UInt8], to path: String) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid())-\(UUID().uuidString.prefix(8))").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw failure(path) }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }  // nothing to write
            while written < buffer.count {
                let count = Foundation.write(descriptor, base + written, buffer.count - written)
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
        let saved = fchmod(descriptor, 0o640) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard complete, saved, rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String) -> CLIError {
        .badData("--out \(terminalSafe(path)): \(String(cString: strerror(errno))); nothing was written")
    }
}

/// An export to standard output: CRLF rows shown as lines, and made safe, when a person reads them.
func writeExport(_ text: String) {
    let shown = isatty(STDOUT_FILENO) == 1 ? terminalSafe(text.replacingOccurrences(of: "\r\n", with: "\n")) : text
    FileHandle.standardOutput.write(Data(shown.utf8))
}
