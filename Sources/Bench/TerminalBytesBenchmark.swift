import Foundation
import QanatCore
import QanatFixtures
import QanatStore

/// Bytes the desk writes to its terminal when one message arrives on an otherwise unchanged
/// screen, beside the bytes of its first, full draw: the real binary in tmux, its output teed
/// with pipe-pane. curses sends only what changed, so an update should cost about one line.
struct TerminalBytesBenchmark {
    let directory: String

    func run() throws -> [BenchResult] {
        let database = directory + "/terminal.sqlite"
        let store = try SQLiteStore.create(path: database)
        var events: [Event] = []
        SyntheticTraffic.forEachMessage(count: 200) { events.append($0) }
        try store.apply(events)
        let desk = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "terminal")
        desk.start("desk --agency CD")
        Thread.sleep(forTimeInterval: 2)
        desk.send("F4")
        Thread.sleep(forTimeInterval: 1.5)
        let full = desk.size
        // One quiet second (the clock ticks), then one message arrives.
        let beforeIdle = desk.size
        Thread.sleep(forTimeInterval: 1)
        let idle = desk.size - beforeIdle
        // The newest message of all, so it lands at the bottom of a full log and the rows above move up.
        let before = desk.size
        try store.apply([probeMessage("arrival-probe")])
        _ = desk.waitFor("arrival-probe", from: before, since: monotonicNanoseconds())
        Thread.sleep(forTimeInterval: 0.3)
        let update = desk.size - before
        return [
            BenchResult(
                what: "desk: bytes to the terminal when one message arrives (160×48, log)",
                figure: "\(update) bytes (incl. clock ticks: \(idle) bytes/s idle)",
                baseline: "first full draw: \(full) bytes",
                goal: "≤ 300 bytes", verdict: update <= 300 ? "met" : "MISSED")
        ]
    }
}
