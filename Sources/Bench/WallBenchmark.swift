import Foundation
import QanatCore
import QanatStore

/// The real wall process on the big store at 300×100, seen through tmux: a flash message written
/// by another process → on the wall, and its CPU while nothing happens, beside an idle desk's.
struct WallBenchmark {
    let directory: String
    let database: String
    let writes: Int
    let idleSeconds: Double

    func run() throws -> [BenchResult] {
        let desk = TmuxDesk(directory: directory, database: database, width: 300, height: 100, name: "idle-desk")
        desk.start("desk --agency CD")
        let wall = TmuxDesk(directory: directory, database: database, width: 300, height: 100, name: "wall")
        let t0 = monotonicNanoseconds()
        wall.start("wall")
        _ = wall.waitFor("control room", from: 0, since: t0, timeout: 10)
        Thread.sleep(forTimeInterval: 1)
        let (wallIdle, deskIdle) = (wall.cpu(), desk.cpu())
        Thread.sleep(forTimeInterval: idleSeconds)
        let wallCPU = CPUSample.percent(from: wallIdle, to: wall.cpu())
        let deskCPU = CPUSample.percent(from: deskIdle, to: desk.cpu())

        let probes = try wall.probeWrites(
            to: try SQLiteStore.create(path: database), count: writes, pause: 50_000...300_000, priority: .flash)
        let (p50, p99, missed) = (Percentiles(probes.seen).p50, Percentiles(probes.seen).p99, probes.missed)
        let commit = Percentiles(probes.commits)
        let (wallMemory, deskMemory) = (wall.memory(), desk.memory())
        return [
            BenchResult(
                what: "wall process: flash message written elsewhere → on the wall (300×100, \(writes) writes)",
                figure: String(format: "p50 %.0f ms, p99 %.0f ms", p50, p99)
                    + (missed > 0 ? ", \(missed) not seen" : ""),
                baseline: String(format: "the commit alone p50 %.1f, p99 %.1f ms", commit.p50, commit.p99),
                goal: "p99 ≤ 250 ms", verdict: p99 <= 250 && missed == 0 ? "met" : "MISSED"),
            BenchResult(
                what: String(format: "wall process: CPU while idle (%.0f s, boards rotating every 15 s)", idleSeconds),
                figure: String(format: "%.2f %% of a core", wallCPU),
                baseline: String(format: "an idle desk, same store and size: %.2f %%", deskCPU),
                goal: "≤ 0.2 %", verdict: wallCPU <= 0.2 ? "met" : "MISSED"),
            BenchResult(
                what: "wall process: resident memory on the big store (300×100, after the writes)",
                figure: wallMemory.map { String(format: "peak %.1f MB, now %.1f MB", $0.peak, $0.now) } ?? "unread",
                baseline: deskMemory.map { String(format: "the desk beside it: peak %.1f MB", $0.peak) } ?? "unread",
                goal: "≤ 40 MB", verdict: (wallMemory?.peak ?? .infinity) <= 40 ? "met" : "MISSED"),
        ]
    }
}
