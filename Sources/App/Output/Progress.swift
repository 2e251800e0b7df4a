import Foundation

/// Progress of a long command on a terminal: done, rate and time left, redrawn on one line of
/// standard error. Silent when the output is not a terminal, or is JSON.
final class ProgressLine {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// `done` items so far; `fraction` of the work done, when known, for the time left.
    func update(done: Int, unit: String, fraction: Double?) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        var text = "\r\(done.formatted()) \(unit)  \(Int(Double(done) / elapsed).formatted()) \(unit)/s"
        if let fraction, fraction > 0.001 {
            text += "  ~\(Int(elapsed / fraction - elapsed)) s left"
        }
        FileHandle.standardError.write(Data((text + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Bytes done of `total`, counted in MiB.
    func bytes(done: Int64, total: Int64) {
        update(
            done: Int(done / 1_048_576), unit: "MiB", fraction: total > 0 ? Double(done) / Double(total) : nil)
    }

    func finish() {
        if enabled, drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// A size as people read it: bytes, KiB or MiB.
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        switch bytes {
        case ..<1024: "\(bytes) bytes"
        case ..<1_048_576: String(format: "%.1f KiB", Double(bytes) / 1024)
        default: String(format: "%.1f MiB", Double(bytes) / 1_048_576)
        }
    }
}
