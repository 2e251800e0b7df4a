import Foundation
import QanatCore
import QanatStore

/// The real desk process on the big store, seen from outside through tmux: start to first
/// frame (process start included), a write in another process to the screen, and the desk's
/// resident memory. Beside each, the same path for `qanat --help` or the write alone.
struct DeskProcessBenchmark {
    let directory: String
    let database: String
    let writes: Int

    /// The status bar's key hint is the last thing a frame draws.
    /// (curses writes the very last cell of the screen apart, with an insert, so the final "s" is left out.)
    static let frameDrawn = "? Key"

    func run() throws -> [BenchResult] {
        let desk = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "desk")
        let help = median((0..<5).compactMap { _ in timeStart(desk, "--help", until: "USAGE") })
        let first = median((0..<5).compactMap { _ in timeStart(desk, "desk --agency CD", until: Self.frameDrawn) })
        let started = desk.memory()

        desk.send("F4")
        Thread.sleep(forTimeInterval: 0.5)
        let probes = try desk.probeWrites(
            to: try SQLiteStore.create(path: database), count: writes, pause: 20_000...120_000)
        let after = desk.memory()
        let (latency, commit, missed) = (Percentiles(probes.seen), Percentiles(probes.commits), probes.missed)
        let peak = max(started?.peak ?? 0, after?.peak ?? 0)
        return [
            BenchResult(
                what: "desk process: start → first frame on the big store (via tmux, median of 5)",
                figure: String(format: "%.1f ms", first),
                baseline: String(format: "qanat --help, same path: %.1f ms", help),
                goal: "≤ 150 ms", verdict: first <= 150 ? "met" : "MISSED"),
            BenchResult(
                what: "desk process: write in another process → on screen (\(writes) writes, log)",
                figure: String(format: "p50 %.1f ms, p99 %.1f ms", latency.p50, latency.p99)
                    + (missed > 0 ? ", \(missed) not seen" : ""),
                baseline: String(format: "the commit alone p50 %.1f, p99 %.1f ms", commit.p50, commit.p99),
                goal: "p99 ≤ 100 ms", verdict: latency.p99 <= 100 && missed == 0 ? "met" : "MISSED"),
            BenchResult(
                what: "desk process: resident memory on the big store",
                figure: String(format: "peak %.1f MB, after the writes %.1f MB", peak, after?.now ?? 0),
                baseline: String(format: "just started: %.1f MB", started?.now ?? 0),
                goal: "≤ 40 MB", verdict: peak <= 40 ? "met" : "MISSED"),
        ]
    }

    /// Milliseconds from asking tmux to run `qanat ARGUMENTS` to `marker` reaching the pane.
    private func timeStart(_ desk: TmuxDesk, _ arguments: String, until marker: String) -> Double? {
        let from = desk.size
        let t0 = monotonicNanoseconds()
        desk.start(arguments)
        let shown = desk.waitFor(marker, from: from, since: t0)
        Thread.sleep(forTimeInterval: 0.3)
        return shown
    }

    private func median(_ samples: [Double]) -> Double { samples.isEmpty ? .nan : samples.sorted()[samples.count / 2] }
}
