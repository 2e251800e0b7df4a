import Foundation
import QanatCore
import QanatFixtures
import QanatHub
import QanatStore

/// The hub holding ten sites at 50 events a second each (`qanat-bench --hub-load [--minutes N]`):
/// each site a store and a relay in a process of its own (`RelaySite`) making its own traffic and
/// taking every other site's. Each minute it prints how far the furthest site is behind the hub;
/// at the end, the hub's CPU (its PostgreSQL processes' time from /proc), and how long the sites
/// take to level once the traffic stops.
struct HubLoadBenchmark {
    let directory: String
    let minutes: Int
    static let codes = ["TRP", "BGZ", "SBH", "MSR", "ZLT", "KFR", "DRN", "GHT", "TBK", "SRT"]
    static let perSecond = 50

    func run() throws -> [BenchResult] {
        guard PostgresServer.installed, getuid() == 0 else {
            return [
                BenchResult(
                    what: "hub load", figure: "not measured", baseline: "needs root and PostgreSQL 15",
                    goal: "(recorded)", verdict: "skipped")
            ]
        }
        let hub = try PostgresServer()
        defer { hub.stop() }
        let admin = try HubAddress(hub.adminURL())
        try HubAdmin.initialise(admin)
        let seconds = minutes * 60
        var sites: [(code: String, store: String, process: Process)] = []
        defer { for site in sites where site.process.isRunning { site.process.terminate() } }
        for (index, code) in Self.codes.enumerated() {
            let agency = Agency.seed[index].code
            let url = try HubAdmin.addSite(try SiteCode(code), agencies: [agency], at: admin)
            // A directory each, as every store has: what lies beside a store (the relay's file) is its own.
            let database = directory + "/load-\(code)/qanat.sqlite"
            try? FileManager.default.removeItem(atPath: directory + "/load-\(code)")
            try FileManager.default.createDirectory(
                atPath: directory + "/load-\(code)", withIntermediateDirectories: true)
            try SQLiteStore.create(path: database).makeSite(try SiteCode(code))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = [
                "--relay-site", database, "--hub", url, "--agency", agency.rawValue, "--produce", "\(Self.perSecond)",
                "--seconds", "\(seconds)",
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            sites.append((code, database, process))
        }
        let readers = try sites.map { try SQLiteStore.reader(at: $0.store) }
        let cpuBefore = Self.postgresTicks()
        let start = Date()
        var behind: [Int] = []
        for minute in 1...minutes {
            Thread.sleep(until: start.addingTimeInterval(Double(minute * 60)))
            let atHub = Int(try hub.sql("SELECT count(*) FROM qanat.events", database: "hub")) ?? 0
            let counts = readers.map { (try? $0.eventCount()) ?? 0 }
            behind.append(atHub - (counts.min() ?? 0))
            print("hub load: minute \(minute): \(atHub) events at the hub, furthest site \(behind.last ?? 0) behind")
        }
        let cpu = Double(Self.postgresTicks() - cpuBefore) / Double(sysconf(Int32(_SC_CLK_TCK)))
        let busy = cpu / Date().timeIntervalSince(start)
        let stopped = Date()
        var levelled = false
        while Date().timeIntervalSince(stopped) < 300 {
            // The traffic has stopped: every site holds what the hub holds, and the hub what every site made.
            let total = Int(try hub.sql("SELECT count(*) FROM qanat.events", database: "hub")) ?? -1
            let counts = readers.map { (try? $0.eventCount()) ?? 0 }
            if counts.allSatisfy({ $0 == total }) {
                levelled = true
                break
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        let growing = behind.count > 2 && (behind.last ?? 0) > 2 * max(behind[1], Self.codes.count * Self.perSecond)
        return [
            BenchResult(
                what: "hub: \(Self.codes.count) sites × \(Self.perSecond) events/s for \(minutes) min",
                figure: "furthest site behind, each minute: "
                    + behind.map(String.init).joined(separator: ", ")
                    + String(format: "; level %.1f s after the traffic stopped", Date().timeIntervalSince(stopped)),
                baseline: String(format: "hub CPU %.0f%% of one core (%.0f s)", busy * 100, cpu),
                goal: "no backlog grows", verdict: levelled && !growing ? "met" : "MISSED")
        ]
    }

    /// Clock ticks the PostgreSQL processes on this machine used (the run's own server is the only one).
    static func postgresTicks() -> Int {
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var ticks = 0
        for pid in processes where pid.allSatisfy(\.isNumber) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")"), stat[..<close].contains("(postgres")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            // After the name: state is field 3; utime and stime are fields 14 and 15.
            if fields.count > 12 { ticks += (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) }
        }
        return ticks
    }
}
