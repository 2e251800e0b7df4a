import Foundation
import GRDB
import QanatChannel
import QanatCore
import QanatStore

/// The write path through `qanat serve` beside the direct one, in the same run on the same store
/// (the big store, embedded first, then made a service store of this user): a write → another
/// process's desk screen, fifty writer processes posting at once (nothing lost, nothing twice),
/// and the service idle.
struct ServiceBenchmark {
    let directory: String
    let database: String
    var writes: Int
    var writers = 50
    var posts = 200
    var idleSeconds: Double = 30

    func run() throws -> [BenchResult] {
        let desk = TmuxDesk(directory: directory, database: database, width: 160, height: 48, name: "service-desk")
        // Direct: a session that writes the store itself (journal, then the store).
        var direct = WriteSession(
            journalPath: directory + "/bench-direct.jsonl", officer: "bench", store: try SQLiteStore(path: database))
        let directSeen = try probe(desk) { event in try direct.record(event) }
        let directRate = try postAtOnce(journals: directory + "/direct-writers")

        // Through the service: the same store, now written by `qanat serve` alone.
        let owner = ServiceOwner(user: UnixUser.current, uid: geteuid())
        try SQLiteStore(path: database, options: .init(asService: true)).setServiceOwner(owner)
        let service = try startService()
        defer {
            service.terminate()
            service.waitUntilExit()
        }
        let link = ServiceLink(reader: try SQLiteStore.reader(at: database), owner: owner, wait: 5)
        var through = WriteSession(
            journalPath: JournalPlace.directory(beside: database) + "/bench.jsonl", officer: "bench",
            connection: .service(link))
        let serviceSeen = try probe(desk) { event in
            guard case .applied = try through.record(event) else { throw CocoaError(.featureUnsupported) }
        }
        let serviceRate = try postAtOnce(journals: JournalPlace.directory(beside: database))

        Thread.sleep(forTimeInterval: 2)
        let start = CPUSample.of(service.processIdentifier)
        Thread.sleep(forTimeInterval: idleSeconds)
        let idle = CPUSample.percent(from: start, to: CPUSample.of(service.processIdentifier))

        let (directRecord, serviceRecord) = (Percentiles(directSeen.commits), Percentiles(serviceSeen.commits))
        let total = writers * posts
        return [
            Self.onScreen(
                "a write → another desk's screen (\(writes) writes, log)", service: serviceSeen.seen,
                missed: serviceSeen.missed, direct: directSeen.seen, goal: 100),
            Self.onScreen(
                "a post from the desk's form → its own screen (\(writes) posts, log)", service: serviceSeen.own,
                missed: serviceSeen.ownMissed, direct: directSeen.own, goal: 50),
            BenchResult(
                what: "through the service: a write until it is applied (the writer's wait)",
                figure: String(format: "p50 %.1f ms, p99 %.1f ms", serviceRecord.p50, serviceRecord.p99),
                baseline: String(
                    format: "direct journal + commit: p50 %.1f, p99 %.1f ms", directRecord.p50, directRecord.p99),
                goal: "p99 ≤ 50 ms", verdict: serviceRecord.p99 <= 50 ? "met" : "MISSED"),
            BenchResult(
                what: "through the service: \(writers) writer processes × \(posts) posts at once",
                figure: String(
                    format: "%.0f posts/s, %d of %d applied once", serviceRate.rate, serviceRate.applied, total),
                baseline: String(format: "direct: %.0f posts/s, %d of %d", directRate.rate, directRate.applied, total),
                goal: "none lost or doubled; ≥ direct",
                verdict: serviceRate.applied == total && directRate.applied == total
                    && serviceRate.rate >= directRate.rate
                    ? "met" : "MISSED"),
            BenchResult(
                what: String(format: "the service idle (%.0f s)", idleSeconds),
                figure: String(format: "%.3f %% of a core", idle),
                baseline: "—", goal: "≤ 0.1 %", verdict: idle <= 0.1 ? "met" : "MISSED"),
        ]
    }

    /// Milliseconds until something was on a desk's screen through the service, beside the direct path's.
    private static func onScreen(_ what: String, service: [Double], missed: Int, direct: [Double], goal: Double)
        -> BenchResult
    {
        let (through, straight) = (Percentiles(service), Percentiles(direct))
        return BenchResult(
            what: "through the service: " + what,
            figure: String(format: "p50 %.1f ms, p99 %.1f ms", through.p50, through.p99)
                + (missed > 0 ? ", \(missed) not seen" : ""),
            baseline: String(format: "direct, same store and desk: p50 %.1f, p99 %.1f ms", straight.p50, straight.p99),
            goal: String(format: "p99 ≤ %.0f ms", goal), verdict: through.p99 <= goal && missed == 0 ? "met" : "MISSED")
    }

    /// A write → the desk's screen, `writes` times, then as many posts from the desk's own form;
    /// the desk (re)started on the store as it is now.
    private func probe(_ desk: TmuxDesk, write: (Event) throws -> Void) throws -> (
        seen: [Double], commits: [Double], missed: Int, own: [Double], ownMissed: Int
    ) {
        desk.start("desk --agency CD")
        _ = desk.waitFor(DeskProcessBenchmark.frameDrawn, from: 0, since: monotonicNanoseconds(), timeout: 30)
        desk.send("F4")
        Thread.sleep(forTimeInterval: 0.5)
        let others = try desk.probeWrites(count: writes, pause: 20_000...120_000, write: write)
        let own = desk.probeOwnPosts(count: writes, pause: 20_000...120_000)
        return (others.seen, others.commits, others.missed, own.seen, own.missed)
    }

    /// `writers` processes posting `posts` messages each, every one waiting until it is applied:
    /// posts a second, and how many of them the store holds once, by their bodies.
    private func postAtOnce(journals: String) throws -> (rate: Double, applied: Int) {
        try FileManager.default.createDirectory(atPath: journals, withIntermediateDirectories: true)
        let tag = "at-once-\(UUID().uuidString.prefix(8))"
        let t0 = monotonicNanoseconds()
        let processes = try (0..<writers).map { index in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = [
                "--post-writer", database, "--writes", String(posts), "--journal", journals + "/writer-\(index).jsonl",
                "--tag", "\(tag)-\(index)",
            ]
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        let seconds = Double(monotonicNanoseconds() - t0) / 1e9
        var configuration = Configuration()
        configuration.readonly = true
        let (all, distinct) = try DatabaseQueue(path: database, configuration: configuration).read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT count(*) AS n, count(DISTINCT body) AS d FROM messages WHERE body LIKE ?",
                arguments: [tag + "%"])
            return (row?["n"] as Int? ?? 0, row?["d"] as Int? ?? 0)
        }
        return (Double(writers * posts) / seconds, all == distinct ? all : 0)
    }

    private func startService() throws -> Process {
        let service = Process()
        service.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("qanat")
        service.arguments = ["serve", "--db", database]
        var environment = ProcessInfo.processInfo.environment
        environment["QANAT_LOG"] = ""
        service.environment = environment
        let output = Pipe()
        service.standardOutput = output
        try service.run()
        // Its first line says it serves; what follows (each pass) is left to the pipe's buffer.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        service.standardOutput = nil
        let drain = output.fileHandleForReading
        Thread.detachNewThread { while !drain.availableData.isEmpty {} }
        return service
    }

    /// The writer side: one session, `posts` messages, each waited for; exit 3 if one was kept.
    static func runPostWriter(database: String, journal: String, posts: Int, tag: String) throws {
        var session = try WriteSession.open(
            storePath: database, journalPath: journal, officer: "bench", busyTimeout: 30)
        for index in 0..<posts {
            guard case .applied = try session.record(probeMessage("\(tag) post \(index)")) else { exit(3) }
        }
    }
}
