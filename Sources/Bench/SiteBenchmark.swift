import Foundation
import QanatCore
import QanatFixtures
import QanatHub
import QanatStore

/// Sites relaying through a PostgreSQL 15 hub (`qanat-bench --sites`; root, as the tests): each
/// site a store of its own and a relay in a process of its own (`RelaySite`), inside a network
/// namespace behind a router (`SiteLink`), the hub a server of the run's own over TLS. Measures an
/// event's way from one site's store to another's on the LAN and at 64 kbit/s, the bytes a relayed
/// event costs on each link, and a site levelling after a long cut with 100,000 events waiting each
/// way; `--hub-load` holds ten sites at 50 events a second each (`HubLoadBenchmark`).
struct SiteBenchmark {
    let directory: String
    let probes: Int
    let backlog: Int

    struct Site {
        let code: SiteCode
        let agency: AgencyCode
        let database: String
        let store: SQLiteStore
        let process: Process
    }

    func run() throws -> [BenchResult] {
        guard SiteLink.available, PostgresServer.installed else {
            return [
                BenchResult(
                    what: "sites through the hub", figure: "not measured",
                    baseline: "needs root, ip, tc and PostgreSQL 15", goal: "(recorded)", verdict: "skipped")
            ]
        }
        let links = try (1...2).map { try SiteLink($0) }
        defer { for link in links { link.remove() } }
        let hub = try PostgresServer(
            listen: ["127.0.0.1"] + links.map(\.hubAddress),
            certificateNames: ["localhost", "127.0.0.1"] + links.map(\.hubAddress))
        defer { hub.stop() }
        let admin = try HubAddress(hub.adminURL())
        try HubAdmin.initialise(admin)
        let tripoli = try site("TRP", agency: "MOI", admin: admin, link: links[0])
        let benghazi = try site("BGZ", agency: "NCEMC", admin: admin, link: links[1])
        defer { for site in [tripoli, benghazi] { site.process.terminate() } }
        guard wait(60, until: { try benghazi.store.eventCount() >= 0 && relayConnected(tripoli, benghazi) }) else {
            throw BenchFailure("the sites did not reach the hub")
        }

        var results: [BenchResult] = []
        let local = try latency(from: tripoli, to: tripoli, probes: probes)
        let lan = try latency(from: tripoli, to: benghazi, probes: probes)
        results.append(
            BenchResult(
                what: "event at one site → in another's store, LAN (p50 / p99, \(probes))",
                figure: "\(ms(lan.p50)) / \(ms(lan.p99))",
                baseline: "same store (the hub's own host): \(ms(local.p50)) / \(ms(local.p99))",
                goal: "p99 ≤ 250 ms", verdict: lan.p99 <= 0.250 ? "met" : "MISSED"))

        let before = try links.map { try $0.bytes() }
        let burst = 1000
        let burstStart = monotonicNanoseconds()
        try send(burst, from: tripoli)
        guard wait(120, until: { try benghazi.store.eventCount() >= tripoli.store.eventCount() }) else {
            throw BenchFailure("a burst of \(burst) did not level")
        }
        let burstRate = Double(burst) / (Double(monotonicNanoseconds() - burstStart) / 1e9)
        Thread.sleep(forTimeInterval: 1)
        let perEvent = try zip(links, before).map { (try $0.bytes() - $1) / burst }
        let ssh = try SshBytesBenchmark(directory: directory).run().first?.figure ?? "not measured"
        results.append(
            BenchResult(
                what: "bytes on the wire per relayed event (TLS; \(burst) posted at TRP, batches as they come)",
                figure: "TRP's link (push) \(perEvent[0]), BGZ's link (pull) \(perEvent[1])",
                baseline: "SSH desk, one arrival: \(ssh)", goal: "≤ 1,000 each",
                verdict: perEvent.allSatisfy { $0 <= 1000 } ? "met" : "MISSED"))

        for link in links { try link.limit(rate: "64kbit") }
        let slow = try latency(from: tripoli, to: benghazi, probes: max(10, probes / 4))
        results.append(
            BenchResult(
                what: "event at one site → in another's store, 64 kbit/s links (p50 / p99)",
                figure: "\(ms(slow.p50)) / \(ms(slow.p99))", baseline: "LAN, above: \(ms(lan.p99))",
                goal: "p99 ≤ 1 s", verdict: slow.p99 <= 1 ? "met" : "MISSED"))
        for link in links { try link.unlimit() }

        // A desk at a site on a 9.6 kbit/s link, its relay busy pulling, beside one on the LAN.
        try links[0].limit(rate: "9600bit")
        try send(200, from: benghazi)
        let far = try boardSwitch(on: tripoli, name: "far")
        let near = try boardSwitch(on: benghazi, name: "near")
        results.append(
            BenchResult(
                what: "desk board switch at a 9.6 kbit/s site, its relay pulling (p50 / p99, tmux)",
                figure: "\(ms(far.p50)) / \(ms(far.p99))",
                baseline: "a site on the LAN: \(ms(near.p50)) / \(ms(near.p99))",
                goal: "as fast as on the LAN (it is local)",
                verdict: far.p99 <= max(near.p99 * 1.5, 0.05) ? "met" : "MISSED"))
        try links[0].unlimit()
        guard wait(300, until: { try tripoli.store.eventCount() == benghazi.store.eventCount() }) else {
            throw BenchFailure("the sites did not level after the slow link")
        }

        // A long cut: TRP's link down while each side takes `backlog` events.
        try links[0].cut()
        try send(backlog, from: tripoli)
        try send(backlog, from: benghazi)
        let target = try tripoli.store.eventCount() + backlog
        let made = Date()
        try links[0].restore()
        let levelled = wait(600) {
            try tripoli.store.eventCount() >= target && benghazi.store.eventCount() >= target
        }
        let seconds = Date().timeIntervalSince(made)
        results.append(
            BenchResult(
                what: "a site back after a cut, \(backlog.formatted()) events waiting each way, LAN",
                figure: levelled ? String(format: "level in %.1f s", seconds) : "not level in 600 s",
                baseline: String(format: "the burst above: %.0f events/s", burstRate),
                goal: "≤ 60 s", verdict: levelled && seconds <= 60 ? "met" : "MISSED"))
        return results
    }

    private func site(_ code: String, agency: String, admin: HubAddress, link: SiteLink) throws -> Site {
        let site = try SiteCode(code)
        let agency = try AgencyCode(agency)
        let url = try HubAdmin.addSite(site, agencies: [agency], at: admin)
            .replacingOccurrences(of: "@127.0.0.1:", with: "@\(link.hubAddress):")
        // A directory each, as every store has: what lies beside a store (the relay's file) is its own.
        let database = directory + "/site-\(code)/qanat.sqlite"
        try? FileManager.default.removeItem(atPath: directory + "/site-\(code)")
        try FileManager.default.createDirectory(atPath: directory + "/site-\(code)", withIntermediateDirectories: true)
        let store = try SQLiteStore.create(path: database)
        try store.makeSite(site)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = link.inside([
            CommandLine.arguments[0], "--relay-site", database, "--hub", url, "--agency", agency.rawValue,
        ]).dropFirst().map { $0 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return Site(code: site, agency: agency, database: database, store: store, process: process)
    }

    /// Seconds from F4 to the log board drawn with the site's traffic on it, from the incidents
    /// board (F2), twenty times.
    private func boardSwitch(on site: Site, name: String) throws -> Percentiles {
        let desk = TmuxDesk(directory: directory, database: site.database, width: 160, height: 48, name: name)
        desk.start("desk --agency \(site.agency.rawValue)")
        Thread.sleep(forTimeInterval: 2)
        var samples: [Double] = []
        for _ in 0..<20 {
            desk.send("F2")
            Thread.sleep(forTimeInterval: 0.3)
            let from = desk.size
            let t0 = monotonicNanoseconds()
            desk.send("F4")
            if let waited = desk.waitFor("traffic", from: from, since: t0) { samples.append(waited / 1000) }
        }
        return Percentiles(samples)
    }

    private func relayConnected(_ sites: Site...) -> Bool {
        sites.allSatisfy { RelayFile.read(beside: $0.database)?.reachable == true }
    }

    /// Seconds from an event's commit at `from` until `to`'s store holds it, for each probe.
    private func latency(from: Site, to: Site, probes: Int) throws -> Percentiles {
        var samples: [Double] = []
        let reader = try SQLiteStore.reader(at: to.database)
        for n in 0..<probes {
            let probe = siteMessage(agency: from.agency, marker: "latency probe \(n)")
            let t0 = monotonicNanoseconds()
            _ = try from.store.apply([probe])
            while try !reader.absentEvents([probe.id.rawValue]).isEmpty { Thread.sleep(forTimeInterval: 0.001) }
            samples.append(Double(monotonicNanoseconds() - t0) / 1e9)
            Thread.sleep(forTimeInterval: 0.05)
        }
        return Percentiles(samples)
    }

    /// `count` messages at `site`, committed in batches of 500 as a busy service would.
    private func send(_ count: Int, from site: Site) throws {
        var left = count
        while left > 0 {
            let batch = min(500, left)
            _ = try site.store.apply(
                (0..<batch).map { siteMessage(agency: site.agency, marker: "traffic \(left - $0)") })
            left -= batch
        }
    }

    private func wait(_ seconds: Double, until condition: () throws -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? condition()) == true { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
}
