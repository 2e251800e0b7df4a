import Foundation
import QanatCore
import QanatHub
import QanatStore

/// A site as the hub sees it, in a process of its own (`qanat-bench --relay-site STORE --hub URL`),
/// so that it can run inside a site's network namespace: the relay a site's service runs, woken on
/// every commit to the store as the service wakes it after each pass, and, with `--produce N`, its
/// own traffic: N messages a second for `--seconds`, from the agency the site hosts (`--agency`).
enum RelaySite {
    static func run(database: String, hub: String, agency: String, produce perSecond: Int, seconds: Int) throws {
        let store = try SQLiteStore(path: database)
        guard let site = try store.site() else { throw BenchFailure("\(database) is no site's store") }
        let relay = HubRelay(store: store, site: site, address: try HubAddress(hub), said: { _ in })
        Task.detached { await relay.run() }
        let watcher = try ChangeWatcher(path: database)
        var seen = try watcher.dataVersion()
        let agency = try AgencyCode(agency)
        let start = monotonicNanoseconds()
        var made = 0
        while true {
            let elapsed = Double(monotonicNanoseconds() - start) / 1e9
            if perSecond > 0, elapsed < Double(seconds) {
                let due = Int(elapsed * Double(perSecond))
                if due > made {
                    _ = try store.apply((made..<due).map { siteMessage(agency: agency, marker: "\(site) \($0)") })
                    made = due
                }
            }
            let version = try watcher.dataVersion()
            if version != seen {
                seen = version
                relay.wake()
            }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
