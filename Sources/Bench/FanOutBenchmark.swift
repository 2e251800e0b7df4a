import Foundation
import QanatCore
import QanatFixtures
import QanatStore

/// Fifty desks left open on one host (SSH operators of one room: 160×48, a small store): their
/// CPU together while nothing happens, beside one idle desk alone and the idle wall measured in
/// the same run; then a write's way to the first and to the last of the fifty screens.
struct FanOutBenchmark {
    let directory: String
    var desks = 50
    var writes = 20
    var idleSeconds: Double = 30

    func run() throws -> [BenchResult] {
        let database = directory + "/fan-out.sqlite"
        let store = try SQLiteStore.create(path: database)
        var events: [Event] = []
        SyntheticTraffic.forEachIncident(count: 200) { events.append($0) }
        SyntheticTraffic.forEachMessage(count: 2000) { events.append($0) }
        try store.apply(events)

        // The baselines: one desk alone and the wall, idle side by side.
        let (alone, wall) = try baselines(database)

        let panes = (0..<desks).map {
            TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "fan-\($0)")
        }
        for pane in panes { pane.start("desk --agency CD") }
        for pane in panes {
            _ = pane.waitFor(DeskProcessBenchmark.frameDrawn, from: 0, since: monotonicNanoseconds(), timeout: 30)
        }
        // On the log, where a posted message shows.
        for pane in panes { pane.send("F4") }
        Thread.sleep(forTimeInterval: 3)
        let start = panes.map { $0.cpu() }.reduce(CPUSample(seconds: 0, at: 0), +)
        Thread.sleep(forTimeInterval: idleSeconds)
        let together = CPUSample.percent(
            from: start, to: panes.map { $0.cpu() }.reduce(CPUSample(seconds: 0, at: 0), +))

        var (first, last, commits, missed) = ([Double](), [Double](), [Double](), 0)
        for i in 0..<writes {
            usleep(useconds_t.random(in: 200_000...600_000))
            let marker = "fan-out-\(i)-on-screen"
            let offsets = panes.map(\.size)
            let t0 = monotonicNanoseconds()
            try store.apply([probeMessage(marker)])
            commits.append(Double(monotonicNanoseconds() - t0) / 1e6)
            let seen = Self.waitForAll(panes, marker, from: offsets, since: t0, timeout: 5)
            if seen.count < panes.count { missed += panes.count - seen.count }
            if let earliest = seen.min(), let latest = seen.max() {
                first.append(earliest)
                last.append(latest)
            }
        }
        let (firstP, lastP, commitP) = (Percentiles(first), Percentiles(last), Percentiles(commits))
        return [
            BenchResult(
                what: String(format: "%d idle desks together (160×48, small store, %.0f s)", desks, idleSeconds),
                figure: String(format: "%.2f %% of a core (%.3f %% each)", together, together / Double(desks)),
                baseline: String(format: "one idle desk alone %.3f %%, the idle wall %.3f %%", alone, wall),
                goal: "≤ 5 % (≤ 0.1 % each)", verdict: together <= 5 ? "met" : "MISSED"),
            BenchResult(
                what: "a write → the first of \(desks) desk screens (\(writes) writes)",
                figure: String(format: "p50 %.0f ms, p99 %.0f ms", firstP.p50, firstP.p99),
                baseline: String(format: "the commit alone p50 %.1f ms", commitP.p50),
                goal: "p99 ≤ 100 ms", verdict: firstP.p99 <= 100 ? "met" : "MISSED"),
            BenchResult(
                what: "a write → every one of \(desks) desk screens",
                figure: String(format: "p50 %.0f ms, p99 %.0f ms", lastP.p50, lastP.p99)
                    + (missed > 0 ? ", \(missed) not seen" : ""),
                baseline: String(format: "the first screen p50 %.0f ms", firstP.p50),
                goal: "p99 ≤ 1 s", verdict: lastP.p99 <= 1000 && missed == 0 ? "met" : "MISSED"),
        ]
    }

    /// Percent of a core used by one desk alone and by the wall, idle together for the same time.
    private func baselines(_ database: String) throws -> (desk: Double, wall: Double) {
        let desk = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "alone")
        let wall = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "wall-alone")
        desk.start("desk --agency CD")
        wall.start("wall")
        _ = desk.waitFor(DeskProcessBenchmark.frameDrawn, from: 0, since: monotonicNanoseconds(), timeout: 10)
        Thread.sleep(forTimeInterval: 3)
        let (deskStart, wallStart) = (desk.cpu(), wall.cpu())
        Thread.sleep(forTimeInterval: idleSeconds)
        return (CPUSample.percent(from: deskStart, to: desk.cpu()), CPUSample.percent(from: wallStart, to: wall.cpu()))
    }

    /// Milliseconds from `start` until `marker` reached each pane (those it reached), every 2 ms
    /// reading only what each pane was sent since `offsets`.
    private static func waitForAll(
        _ panes: [TmuxDesk], _ marker: String, from offsets: [Int], since start: UInt64,
        timeout: Double
    ) -> [Double] {
        var pending = Dictionary(uniqueKeysWithValues: panes.indices.map { ($0, offsets[$0]) })
        var seen: [Double] = []
        let deadline = start + UInt64(timeout * 1e9)
        while !pending.isEmpty, monotonicNanoseconds() < deadline {
            for (index, offset) in pending {
                guard let shown = panes[index].contains(marker, after: offset) else { continue }
                if shown {
                    seen.append(Double(monotonicNanoseconds() - start) / 1e6)
                    pending[index] = nil
                }
            }
            usleep(2000)
        }
        return seen
    }
}

extension TmuxDesk {
    /// Whether what the pane was sent after byte `offset` holds `needle` (nil: nothing new yet).
    func contains(_ needle: String, after offset: Int) -> Bool? {
        var info = stat()
        guard stat(output, &info) == 0, Int(info.st_size) > offset, let handle = FileHandle(forReadingAtPath: output)
        else { return nil }
        defer { handle.closeFile() }
        handle.seek(toFileOffset: UInt64(offset))
        return [UInt8](handle.readDataToEndOfFile()).firstRange(of: Array(needle.utf8)) != nil
    }
}
