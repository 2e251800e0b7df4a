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

    func finish() {
        if enabled, drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
