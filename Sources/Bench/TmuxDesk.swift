import Foundation
import QanatCore
import QanatFixtures
import QanatStore

/// The real `qanat` binary running in a tmux pane whose output is teed to a file with
/// `pipe-pane`: what the benchmarks read to count bytes and to see when something is drawn.
final class TmuxDesk {
    let socket: String
    let output: String
    let binary: String
    let database: String

    /// A paused pane of `width`×`height`, already piped, ready for `start`.
    init(directory: String, database: String, width: Int, height: Int, name: String) {
        socket = "qanat-bench-\(name)-\(getpid())"
        // Not beside the store: each write there would wake every desk watching its directory.
        let panes = directory + "/panes"
        try? FileManager.default.createDirectory(atPath: panes, withIntermediateDirectories: true)
        output = panes + "/\(name).bytes"
        binary =
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("qanat")
            .path
        self.database = database
        Tmux.run(socket: socket, ["new-session", "-d", "-s", "desk", "-x", "\(width)", "-y", "\(height)", "sleep 600"])
        // A program that exits (`--help`) leaves the pane, so the next one can be started in it.
        Tmux.run(socket: socket, ["set-option", "-g", "remain-on-exit", "on"])
        Tmux.run(socket: socket, ["pipe-pane", "-o", "-t", "desk", "cat >> \(output)"])
    }

    deinit { Tmux.run(socket: socket, ["kill-server"]) }

    /// Replaces the paused pane's program with `qanat ARGUMENTS` on the benchmark's store.
    func start(_ arguments: String) {
        Tmux.run(
            socket: socket,
            [
                "respawn-pane", "-k", "-t", "desk",
                "exec env QANAT_DB=\(database) QANAT_LOG= LANG=C.UTF-8 TERM=screen-256color \(binary) \(arguments)",
            ])
    }

    /// Replaces the paused pane's program with any command (`ssh ... qanat desk`).
    func run(_ command: String) {
        Tmux.run(socket: socket, ["respawn-pane", "-k", "-t", "desk", command])
    }

    func send(_ keys: String...) { Tmux.run(socket: socket, ["send-keys", "-t", "desk"] + keys) }

    var size: Int { ((try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int) ?? 0 }

    /// The pane's program: the desk itself, since it was started with exec.
    var pid: pid_t? {
        let file = output + ".pid"
        Tmux.run(socket: socket, ["display-message", "-p", "-t", "desk", "#{pane_pid}"], output: file)
        return (try? String(contentsOfFile: file, encoding: .utf8)).flatMap {
            pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Waits until `needle` appears in what the pane was sent after byte `from`; the time it
    /// took in milliseconds, or nil after `timeout` seconds. Polled every millisecond.
    func waitFor(_ needle: String, from: Int, since start: UInt64, timeout: Double = 5) -> Double? {
        let bytes = Array(needle.utf8)
        let deadline = start + UInt64(timeout * 1e9)
        var seen = from
        var tail: [UInt8] = []
        while monotonicNanoseconds() < deadline {
            if size > seen, let handle = FileHandle(forReadingAtPath: output) {
                handle.seek(toFileOffset: UInt64(seen))
                let fresh = [UInt8](handle.readDataToEndOfFile())
                handle.closeFile()
                seen += fresh.count
                tail += fresh
                if tail.firstRange(of: bytes) != nil { return Double(monotonicNanoseconds() - start) / 1e6 }
                tail = Array(tail.suffix(bytes.count))
            }
            usleep(1000)
        }
        return nil
    }

    /// Peak and current resident memory of the pane's program, in MB, from /proc.
    func memory() -> (peak: Double, now: Double)? {
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return nil
        }
        func kilobytes(_ key: String) -> Double? {
            status.split(separator: "\n").first { $0.hasPrefix(key) }
                .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
        }
        guard let peak = kilobytes("VmHWM:"), let now = kilobytes("VmRSS:") else { return nil }
        return (peak / 1024, now / 1024)
    }
}

/// CPU seconds a process has used, and when that was read.
struct CPUSample {
    var seconds: Double
    var at: UInt64

    /// Percent of one core used between two samples (of one process, or summed over several).
    static func percent(from start: CPUSample, to end: CPUSample) -> Double {
        (end.seconds - start.seconds) / (Double(end.at - start.at) / 1e9) * 100
    }

    static func + (a: CPUSample, b: CPUSample) -> CPUSample {
        CPUSample(seconds: a.seconds + b.seconds, at: max(a.at, b.at))
    }

    /// From /proc/PID/stat: after the command name, utime and stime are fields 14 and 15.
    static func of(_ pid: pid_t?) -> CPUSample {
        let at = monotonicNanoseconds()
        guard let pid, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return CPUSample(seconds: 0, at: at) }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return CPUSample(seconds: ticks / Double(sysconf(Int32(_SC_CLK_TCK))), at: at)
    }
}

extension TmuxDesk {
    /// CPU the pane's program has used so far.
    func cpu() -> CPUSample { CPUSample.of(pid) }

    /// Writes `count` messages to `store`, each after a random pause (µs) so that they fall across
    /// the program's poll, and times each from its commit's start to its body in the pane.
    func probeWrites(
        to store: SQLiteStore, count: Int, pause: ClosedRange<useconds_t>,
        priority: MessagePriority = .routine
    ) throws -> (seen: [Double], commits: [Double], missed: Int) {
        try probeWrites(count: count, pause: pause, priority: priority) { try store.apply([$0]) }
    }

    /// The same, each message written by `write` (straight into a store, or through its service).
    func probeWrites(
        count: Int, pause: ClosedRange<useconds_t>, priority: MessagePriority = .routine,
        write: (Event) throws -> Void
    ) throws -> (seen: [Double], commits: [Double], missed: Int) {
        var (seen, commits, missed) = ([Double](), [Double](), 0)
        for i in 0..<count {
            usleep(useconds_t.random(in: pause))
            let marker = "probe-\(i)-on-screen"
            let from = size
            let t0 = monotonicNanoseconds()
            try write(probeMessage(marker, priority: priority))
            commits.append(Double(monotonicNanoseconds() - t0) / 1e6)
            if let shown = waitFor(marker, from: from, since: t0, timeout: 3) {
                seen.append(shown)
            } else {
                missed += 1
            }
        }
        return (seen, commits, missed)
    }
}

extension TmuxDesk {
    /// Messages posted from this desk's own form, `count` times, the log open: from the Enter that
    /// sends one until it is on this screen. The form is filled first, so only the write, the wait
    /// for the store (or its service) and the redraw are timed.
    func probeOwnPosts(count: Int, pause: ClosedRange<useconds_t>) -> (seen: [Double], missed: Int) {
        var (seen, missed) = ([Double](), 0)
        for i in 0..<count {
            usleep(useconds_t.random(in: pause))
            let marker = "own-post-\(i)-on-screen"
            send("m")
            usleep(100_000)
            // To the message (the fifth field), then on to the last, where Enter sends.
            send("Tab", "Tab", "Tab", "Tab")
            Tmux.run(socket: socket, ["send-keys", "-t", "desk", "-l", marker])
            send("Tab", "Tab")
            usleep(100_000)
            let from = size
            let t0 = monotonicNanoseconds()
            send("Enter")
            if let shown = waitFor(marker, from: from, since: t0, timeout: 3) {
                seen.append(shown)
            } else {
                missed += 1
            }
        }
        return (seen, missed)
    }
}

/// A message event posted now, whose body is `marker`: something the screen can be searched for.
func probeMessage(_ marker: String, priority: MessagePriority = .routine) -> Event {
    siteMessage(agency: Agency.seed[0].code, marker: marker, priority: priority)
}

/// A message to everyone from `agency`, dated now.
func siteMessage(agency: AgencyCode, marker: String, priority: MessagePriority = .routine) -> Event {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    let now = Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    return Event(
        id: .make(at: now), at: now, agency: agency, officer: "bench", user: nil,
        payload: .messagePosted(
            MessagePosting(
                recipients: .everyone, priority: priority, channel: .radio,
                subject: nil, body: marker, incident: nil, acknowledgementRequired: false)))
}
