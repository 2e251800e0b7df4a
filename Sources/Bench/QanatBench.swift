import Foundation
import QanatStore

/// `swift run -c release qanat-bench [--events N] [--writes N] [--incidents N] [--dir PATH]`;
/// `qanat-bench --fan-out` for the fifty idle desks alone (see `FanOutBenchmark`), `--coverage` for
/// the coverage board and the HXL export on 50,000 activities (`CoverageBenchmark`), `--performance`
/// for `qanat report performance` over its own store of `--events` messages (`PerformanceBenchmark`),
/// `--exercise-setup` for setting up a scenario of ten thousand injects (`ExerciseSetupBenchmark`),
/// `--service` for the write path through `qanat serve` beside the direct one (`ServiceBenchmark`),
/// `--sites [--probes N] [--backlog N]` for sites relaying through a PostgreSQL hub over links of
/// their own (`SiteBenchmark`), `--hub-load [--minutes N]` for ten sites at 50 events a second
/// (`HubLoadBenchmark`), `--map [--incidents N]` for the map on N incidents (`MapBenchmark`),
/// `qanat-bench --time-desk STORE` for the desk's and search's figures on a store a run left, or
/// `qanat-bench --profile-loads STORE` for callgrind (see `LoadProfile`).
///
/// Prints each figure beside a baseline measured in the same run, and the goal. These are
/// goals to watch, not pass/fail tests: a timed assertion would be flaky on a shared machine.
@main
enum QanatBench {
    static func main() throws {
        if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--profile-loads" {
            try LoadProfile.run(database: CommandLine.arguments[2])
            return
        }
        if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--time-desk" {
            // The desk's and search's figures alone, on a store a run left (its --dir keeps it).
            let database = CommandLine.arguments[2]
            let store = try SQLiteStore(path: database)
            let directory = NSTemporaryDirectory() + "qanat-bench-time-desk-\(getpid())"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var table = ResultTable()
            table.add(try DeskBenchmark(directory: directory, database: database, incidents: 0).measure(store))
            table.print()
            return
        }
        if CommandLine.arguments.count > 2, CommandLine.arguments[1] == "--profile-frames" {
            try LoadProfile.runFrames(database: CommandLine.arguments[2])
            return
        }
        let arguments = BenchArguments(CommandLine.arguments)
        if arguments.role == "writer" {
            try NoticeLatency.runWriter(database: arguments.database, writes: arguments.writes)
            return
        }
        if arguments.role == "relay-site" {
            try RelaySite.run(
                database: arguments.database, hub: arguments.hub, agency: arguments.agency,
                produce: arguments.produce, seconds: arguments.seconds)
            return
        }
        if arguments.role == "post-writer" {
            try ServiceBenchmark.runPostWriter(
                database: arguments.database, journal: arguments.journal, posts: arguments.writes, tag: arguments.tag)
            return
        }
        let directory = arguments.directory
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if arguments.role == "main" { try DiskNeed(events: arguments.events).check(directory) }
        print("qanat-bench: \(arguments.events.formatted()) events, \(arguments.writes) writes, in \(directory)")
        print(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB\n"
        )

        var table = ResultTable()
        if arguments.role == "fan-out" {
            table.add(try FanOutBenchmark(directory: directory).run())
            table.print()
            return
        }
        if arguments.role == "performance" {
            table.add(try PerformanceBenchmark(directory: directory, events: arguments.events).run())
            table.print()
            return
        }
        if arguments.role == "exercise-setup" {
            table.add(try ExerciseSetupBenchmark(directory: directory).run())
            table.print()
            return
        }
        if arguments.role == "service" {
            // Its own store of --events messages, written first directly and then through the service.
            let ingest = try IngestBenchmark(directory: directory, events: arguments.events).run()
            table.add(ingest)
            table.add(
                try ServiceBenchmark(directory: directory, database: ingest.database, writes: arguments.writes).run())
            table.print()
            return
        }
        if arguments.role == "sites" {
            table.add(
                try SiteBenchmark(directory: directory, probes: arguments.probes, backlog: arguments.backlog).run())
            table.print()
            return
        }
        if arguments.role == "hub-load" {
            table.add(try HubLoadBenchmark(directory: directory, minutes: arguments.minutes).run())
            table.print()
            return
        }
        if arguments.role == "map" {
            table.add(try MapBenchmark(directory: directory, incidents: arguments.incidents).run())
            table.print()
            return
        }
        if arguments.role == "coverage" {
            table.add(try CoverageBenchmark(directory: directory).run())
            table.print()
            return
        }
        let ingest = try IngestBenchmark(directory: directory, events: arguments.events).run()
        table.add(ingest)
        table.add(try NoticeLatency(directory: directory, writes: arguments.writes).run())
        table.add(try ListBenchmark(database: ingest.database).run())
        table.add(
            try DeskBenchmark(directory: directory, database: ingest.database, incidents: arguments.incidents).run())
        table.add(
            try DeskProcessBenchmark(
                directory: directory, database: ingest.database, writes: min(arguments.writes, 200)
            ).run())
        table.add(try TerminalBytesBenchmark(directory: directory).run())
        table.add(try SshBytesBenchmark(directory: directory).run())
        table.add(
            try WallBenchmark(
                directory: directory, database: ingest.database, writes: min(arguments.writes, 50), idleSeconds: 30
            ).run())
        table.add(try FanOutBenchmark(directory: directory).run())
        table.add(try CoverageBenchmark(directory: directory).run())
        table.add(try MapBenchmark(directory: directory, incidents: arguments.incidents).run())
        table.add(try PerformanceBenchmark(directory: directory, database: ingest.database).run())
        table.add(try ExerciseSetupBenchmark(directory: directory).run())
        // Last: it makes the big store a service store.
        table.add(
            try ServiceBenchmark(directory: directory, database: ingest.database, writes: min(arguments.writes, 200))
                .run())
        table.print()
    }
}

struct BenchArguments {
    var events = 1_000_000
    var writes = 1000
    var incidents = 100_000
    var directory = NSTemporaryDirectory() + "qanat-bench"
    var role = "main"
    var database = ""
    var journal = ""
    var tag = ""
    var hub = ""
    var agency = ""
    var produce = 0
    var seconds = 0
    var probes = 200
    var backlog = 100_000
    var minutes = 10

    /// Options that take a number, options that take a text, and those that choose a role (with the
    /// store they name, where they take one): one table each, read by one loop.
    static var numbers: [String: WritableKeyPath<BenchArguments, Int>] {
        [
            "--events": \.events, "--writes": \.writes, "--incidents": \.incidents, "--produce": \.produce,
            "--seconds": \.seconds, "--probes": \.probes, "--backlog": \.backlog, "--minutes": \.minutes,
        ]
    }
    static var texts: [String: WritableKeyPath<BenchArguments, String>] {
        ["--dir": \.directory, "--journal": \.journal, "--tag": \.tag, "--hub": \.hub, "--agency": \.agency]
    }
    static let rolesWithStore = ["--writer": "writer", "--post-writer": "post-writer", "--relay-site": "relay-site"]
    static let roles = [
        "--sites": "sites", "--hub-load": "hub-load", "--service": "service", "--fan-out": "fan-out",
        "--coverage": "coverage", "--performance": "performance", "--exercise-setup": "exercise-setup", "--map": "map",
    ]

    init(_ argv: [String]) {
        var i = 1
        while i < argv.count {
            let (option, value) = (argv[i], i + 1 < argv.count ? argv[i + 1] : "")
            if let number = Self.numbers[option] {
                self[keyPath: number] = Int(value) ?? self[keyPath: number]
                i += 1
            } else if let text = Self.texts[option] {
                self[keyPath: text] = value
                i += 1
            } else if let role = Self.rolesWithStore[option] {
                (self.role, database) = (role, value)
                i += 1
            } else if let role = Self.roles[option] {
                self.role = role
            }
            i += 1
        }
    }
}

/// What a run writes to its directory, measured on the 1,000,000-event run: the journal (305 B an
/// event), the shell's SQL (935 B), the shell's store (886 B) and Qanat's (about 1,050 B), with
/// a margin for the WAL and the incidents. Ten million events need about 37 GB.
struct DiskNeed {
    static let bytesPerEvent: Int64 = 3_600
    let events: Int

    var bytes: Int64 { Int64(events) * Self.bytesPerEvent + (1 << 30) }

    func check(_ directory: String) throws {
        var stats = statvfs()
        guard statvfs(directory, &stats) == 0 else { return }
        let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
        let gigabytes = { (bytes: Int64) in String(format: "%.1f GB", Double(bytes) / 1e9) }
        print("disk: this run needs about \(gigabytes(bytes)) in \(directory); \(gigabytes(free)) free")
        guard free >= bytes else {
            FileHandle.standardError.write(
                Data(
                    "qanat-bench: not enough free disk for \(events.formatted()) events: \(gigabytes(bytes)) needed, \(gigabytes(free)) free in \(directory) (choose another with --dir)\n"
                        .utf8))
            exit(1)
        }
    }
}

struct BenchResult {
    var what: String
    var figure: String
    var baseline: String
    var goal: String
    var verdict: String
}

struct ResultTable {
    private var rows: [BenchResult] = []

    mutating func add(_ result: BenchResult) { rows.append(result) }
    mutating func add(_ results: [BenchResult]) { rows += results }
    mutating func add(_ result: IngestBenchmark.Outcome) { rows.append(result.result) }

    func print() {
        let header = BenchResult(
            what: "what", figure: "Qanat", baseline: "baseline (same run)", goal: "goal", verdict: "")
        let all = [header] + rows
        let widths = [\BenchResult.what, \.figure, \.baseline, \.goal].map { key in
            all.map { $0[keyPath: key].count }.max() ?? 0
        }
        for (index, row) in all.enumerated() {
            let cells = [row.what, row.figure, row.baseline, row.goal]
            let line = zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(
                separator: " | ")
            Swift.print(line + " | " + row.verdict)
            if index == 0 {
                Swift.print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-") + "-|------")
            }
        }
    }
}

func monotonicNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Seconds a process takes from launch to exit, its output discarded; it must succeed.
func timeProcess(_ path: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    let t0 = monotonicNanoseconds()
    try process.run()
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "\(path) \(arguments) failed")
    return Double(monotonicNanoseconds() - t0) / 1e9
}

func formatRate(_ perSecond: Double) -> String { "\(Int(perSecond).formatted())/s" }
