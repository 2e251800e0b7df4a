import Foundation
import GRDB
import QanatCore
import QanatDesk
import QanatFixtures
import QanatStore

/// `qanat report performance` over the 1,000,000-message store: its flash messages acknowledged,
/// ten thousand incidents with units tasked, arrived and closed, the four targets set — timed
/// as a whole process beside the sqlite3 shell scanning the same messages, and the desk's board
/// read in process. `qanat-bench --performance` builds its own store and runs it alone.
struct PerformanceBenchmark {
    let directory: String
    /// A store a run left (its message traffic ingested); nil builds one of `events` messages.
    var database: String?
    var events = 1_000_000
    var incidents = 10_000

    func run() throws -> [BenchResult] {
        let path = database ?? directory + "/performance.sqlite"
        if database == nil {
            try? FileManager.default.removeItem(atPath: path)
            let store = try SQLiteStore.create(path: path)
            var batch: [Event] = []
            try SyntheticTraffic.forEachMessage(count: events) { event in
                batch.append(event)
                if batch.count == 10_000 {
                    try store.apply(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try store.apply(batch)
        }
        let store = try SQLiteStore(path: path)
        let since = try addResponses(store)
        let messages = try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM messages") ?? 0
        }

        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "qanat"
        ).path
        let report = Percentiles(
            try (0..<5).map { _ in
                try timeProcess(binary, ["report", "performance", "--db", path, "--since", since.rfc3339, "--csv"])
            })
        let text = try timeProcess(binary, ["report", "performance", "--db", path, "--since", since.rfc3339])
        let shell = Percentiles(
            try (0..<5).map { _ in
                try timeProcess(
                    "/usr/bin/sqlite3", [path, "SELECT priority, count(*), max(at) FROM messages GROUP BY priority"])
            })
        let loader = DeskLoader(store: store)
        let board = Percentiles(
            try (0..<5).map { _ in
                let t0 = monotonicNanoseconds()
                _ = try loader.performance(
                    now: Timestamp(millisecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1000)))
                return Double(monotonicNanoseconds() - t0) / 1e9
            })
        return [
            BenchResult(
                what:
                    "qanat report performance --csv (\(messages.formatted()) messages, \(incidents.formatted()) incidents, process)",
                figure: String(format: "p50 %.2f s, max %.2f s (text %.2f s)", report.p50, report.p99, text),
                baseline: String(format: "sqlite3 counting the messages by priority: p50 %.2f s", shell.p50),
                goal: "≤ 2 s", verdict: max(report.p99, text) <= 2 ? "met" : "MISSED"),
            BenchResult(
                what: "performance board read (the desk's last twelve weeks)",
                figure: String(format: "p50 %.0f ms, max %.0f ms", board.p50 * 1000, board.p99 * 1000),
                baseline: String(format: "the shell's scan above: %.0f ms", shell.p50 * 1000),
                goal: "(read when the board comes up and on changes while shown)", verdict: ""),
        ]
    }

    /// Acknowledgements of nine flash messages in ten by their recipient, 10 s to 5 min after;
    /// incidents over the same hours with a unit tasked, arrived, and most closed; the targets.
    /// Returns the time the traffic starts.
    private func addResponses(_ store: SQLiteStore) throws -> Timestamp {
        var rng = SystemRandomNumberGenerator()
        let flashes = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchAll(db, sql: "SELECT id, at, recipients FROM messages WHERE priority = 'flash'")
        }
        let first = try DatabaseQueue(path: store.path).read { db in
            try Int64.fetchOne(db, sql: "SELECT min(at) FROM messages") ?? 0
        }
        var batch: [Event] = []
        func add(_ at: Int64, _ agency: String, _ payload: EventPayload) throws {
            let time = Timestamp(millisecondsSinceEpoch: at)
            batch.append(
                Event(
                    id: .make(at: time, using: &rng), at: time, agency: try AgencyCode(agency), officer: "bench",
                    user: nil, payload: payload))
            if batch.count == 10_000 {
                try store.apply(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        for (n, row) in flashes.enumerated() where n % 10 != 9 {
            let recipients: String = row["recipients"]
            guard let agency = recipients.split(separator: ",").first, agency != "*" else { continue }
            try add(
                row["at"] + Int64.random(in: 10_000...300_000, using: &rng), String(agency),
                .messageAcknowledged(MessageAcknowledgement(message: try EventID(row["id"] as String))))
        }
        let agencies = Agency.seed.map(\.code.rawValue)
        for n in 0..<incidents {
            let opened = first + Int64(n) * 1000
            let agency = agencies[n % agencies.count]
            let reference = IncidentReference(year: 2025, number: 100_000 + n)
            let unit = try CallSign("B-\(n)")
            try add(
                opened, agency,
                .unitRegistered(UnitRegistration(callSign: unit, agency: try AgencyCode(agency), kind: .rescue)))
            try add(
                opened, agency,
                .incidentOpened(
                    IncidentOpening(
                        reference: reference, title: "bench \(n)", type: .fire, severity: .moderate,
                        area: "derna", leadAgency: try AgencyCode(agency))))
            let link = AssignmentLink(incident: reference, unit: unit)
            let tasked = opened + Int64.random(in: 30_000...600_000, using: &rng)
            try add(tasked, agency, .assignment(.tasked, link))
            try add(tasked + Int64.random(in: 120_000...1_800_000, using: &rng), agency, .assignment(.arrived, link))
            if n % 5 != 0 {
                try add(
                    opened + Int64.random(in: 3_600_000...86_400_000, using: &rng), agency,
                    .incidentStatusChanged(IncidentStatusChange(reference: reference, status: .closed)))
            }
        }
        for (metric, seconds, percentile) in [
            (ResponseMetric.acknowledge, 60, 90), (.assign, 300, 90), (.arrive, 1200, 90), (.close, 86_400, 50),
        ] {
            try add(first, "MOI", .targetSet(ResponseTarget(metric: metric, seconds: seconds, percentile: percentile)))
        }
        try store.apply(batch)
        return Timestamp(millisecondsSinceEpoch: first - 1000)
    }
}
