import Foundation

/// Progress of a long command on a terminal: done, rate and time left, redrawn on one line of
/// standard error. Silent when the output is not a terminal, or is JSON.
/// Drawn by one thread at a time (a command's own, or the task it waits on).
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDOUT_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// `done` items so far; `fraction` of the work done, when known, for the time left.
    func update(done: Int, unit: String, fraction: Double?) {
        draw(fraction: fraction) { elapsed in
            "\(done.formatted()) \(unit)  \(Int(Double(done) / elapsed).formatted()) \(unit)/s"
        }
    }

    /// Bytes done of `total`: sizes as people read them, so a small store's progress shows too.
    func bytes(done: Int64, total: Int64) {
        draw(fraction: total > 0 ? Double(done) / Double(total) : nil) { elapsed in
            "\(ByteCount.text(done)) of \(ByteCount.text(total))  \(ByteCount.text(Int64(Double(done) / elapsed)))/s"
        }
    }

    private func draw(fraction: Double?, _ text: (Double) -> String) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        var line = "\r" + text(elapsed)
        if let fraction, fraction > 0.001 {
            line += "  ~\(Int(elapsed / fraction - elapsed)) s left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
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
