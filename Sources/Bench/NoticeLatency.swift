import Foundation
import QanatCore
import QanatFixtures
import QanatStore

/// A commit in one process, noticed by another polling `PRAGMA data_version` as the desk does.
/// CLOCK_MONOTONIC is one clock for every process on the machine, so the two sides compare.
struct NoticeLatency {
    let directory: String
    let writes: Int
    static let pollInterval: Duration = .milliseconds(10)

    func run() throws -> [BenchResult] {
        let database = directory + "/latency.sqlite"
        _ = try SQLiteStore.create(path: database)
        let watcher = try ChangeWatcher(path: database)
        let counter = try SQLiteStore(path: database, options: .init(readOnly: true))

        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        writer.arguments = ["--writer", database, "--writes", String(writes)]
        let output = Pipe()
        writer.standardOutput = output
        try writer.run()

        var noticed: [UInt64] = []
        var lastVersion = try watcher.dataVersion()
        let pollNanoseconds = UInt32(Self.pollInterval.components.attoseconds / 1_000_000_000_000)
        while noticed.count < writes {
            usleep(pollNanoseconds)
            let version = try watcher.dataVersion()
            guard version != lastVersion else { continue }
            lastVersion = version
            let now = monotonicNanoseconds()
            let count = try counter.eventCount()
            while noticed.count < count { noticed.append(now) }
        }
        let committed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: "\n").compactMap { UInt64($0) }
        writer.waitUntilExit()
        let latencies = zip(committed, noticed).map { Double(Int64($1) - Int64($0)) / 1e6 }.sorted()
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        let p50 = percentile(0.5)
        let p99 = percentile(0.99)
        return [
            BenchResult(
                what: "commit → other process notices (\(writes) writes)",
                figure: String(format: "p50 %.1f ms, p99 %.1f ms", p50, p99),
                baseline: "poll interval \(Self.pollInterval.components.attoseconds / 1_000_000_000_000_000) ms",
                goal: "p99 ≤ 20 ms",
                verdict: p99 <= 20 ? "met" : "MISSED")
        ]
    }

    /// The writer side: one message per transaction, a few ms apart; prints each commit's time.
    static func runWriter(database: String, writes: Int) throws {
        let store = try SQLiteStore.create(path: database)
        var times: [UInt64] = []
        var events: [Event] = []
        SyntheticTraffic.forEachMessage(count: writes) { events.append($0) }
        for event in events {
            try store.apply([event])
            times.append(monotonicNanoseconds())
            usleep(UInt32.random(in: 2_000...15_000))
        }
        print(times.map(String.init).joined(separator: "\n"))
    }
}
