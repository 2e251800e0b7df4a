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
        let store = try SQLiteStore(path: database)
        var events: [Event] = []
        SyntheticTraffic.forEachMessage(count: 200) { events.append($0) }
        try store.apply(events)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qanat").path
        let output = directory + "/terminal.bytes"
        let socket = "qanat-bench-\(getpid())"
        defer { Tmux.run(socket: socket, ["kill-server"]) }
        // The pane starts with a pause, so pipe-pane is in place before the first byte.
        Tmux.run(socket: socket, ["new-session", "-d", "-s", "desk", "-x", "160", "-y", "48",
                          "sleep 0.5; exec env QANAT_DB=\(database) QANAT_LOG= LANG=C.UTF-8 TERM=screen-256color \(binary) desk --agency CD"])
        Tmux.run(socket: socket, ["pipe-pane", "-o", "-t", "desk", "cat > \(output)"])
        Thread.sleep(forTimeInterval: 2)
        Tmux.run(socket: socket, ["send-keys", "-t", "desk", "F4"])
        Thread.sleep(forTimeInterval: 1.5)
        let full = size(output)
        // One quiet second (the clock ticks), then one message arrives.
        let beforeIdle = size(output)
        Thread.sleep(forTimeInterval: 1)
        let idle = size(output) - beforeIdle
        // The newest message of all, so it lands at the bottom of a full log and the rows above move up.
        var next: [Event] = []
        SyntheticTraffic.forEachMessage(count: 1) { next.append($0) }
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let now = Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000)
        next[0].at = now
        next[0].id = .make(at: now)
        let before = size(output)
        try store.apply(next)
        Thread.sleep(forTimeInterval: 0.5)
        let update = size(output) - before
        return [BenchResult(
            what: "desk: bytes to the terminal when one message arrives (160×48, log)",
            figure: "\(update) bytes (incl. clock ticks: \(idle) bytes/s idle)",
            baseline: "first full draw: \(full) bytes",
            goal: "≤ 300 bytes", verdict: update <= 300 ? "met" : "MISSED")]
    }

    private func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}
