import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatHub
import QanatService
import QanatStore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract:
            "Run the service that alone writes a service store: it applies every member's journal as it is written.",
        discussion: """
            Run in the foreground as the store's service user (the one `qanat init --service USER` named). It \
            follows every journal in journals/ beside the store (and each --gateway-journal), holds each line to its \
            writer's role as ingest does, and numbers incident references for the members' processes on the \
            socket beside the store (STORE.sock). Members' commands write their journal and wait for it to be \
            applied. SIGTERM or SIGINT stops it after the batch in hand. With --hub (a site's store, `qanat init \
            --site`), it relays through the PostgreSQL hub: this site's events go out, the other sites' come in.
            """)

    @OptionGroup var store: StoreOptions
    @Option(
        name: .customLong("gateway-journal"),
        help: "A journal outside journals/ to follow too (a gateway's); repeat for more.")
    var gatewayJournals: [String] = []
    @Flag(help: "Print each pass that read lines as JSON.") var json = false
    @Option(
        help:
            "Write Prometheus metrics to this file (a node-exporter textfile, the package's unit: /var/lib/qanat-metrics/qanat.prom)."
    )
    var metrics: String?
    @Option(
        help: """
            The hub's URL, as `qanat hub site add` printed it (env QANAT_HUB, which keeps its password off the \
            command line, where every user of the host could read it).
            """)
    var hub: String?

    func run() throws {
        // A member who hangs up while a report's bytes are sent (sendfile cannot be told not to
        // raise it) must cost the service one connection, not its life.
        signal(SIGPIPE, SIG_IGN)
        let stop = StopRequest()
        let service: RecordService
        do { service = try RecordService(storePath: store.databasePath, otherJournals: gatewayJournals) } catch {
            switch error {
            case .store(let problem): throw CLIError.from(problem)
            case .notTheService, .embeddedStore: throw CLIError.serviceOnly("qanat serve: \(error)")
            case .system, .socket, .untrustedVault: throw CLIError.storeUnavailable("qanat serve: \(error)")
            }
        }
        print(
            "serving \(store.databasePath) as \(service.owner.user): \(service.journals().count) journal(s), socket "
                + ServiceOwner.socketPath(beside: store.databasePath))
        fflush(nil)
        if let metrics, let problem = ServiceMetrics.problem(with: metrics) { throw CLIError.usage(problem) }
        service.metricsPath = metrics
        let log = IngestLog(json: json, everyPass: true, command: "serve")
        let relay = try hubRelay(for: service.store, said: log.said)
        let relaying = relay.map { relay in Task.detached { await relay.run() } }
        defer { relaying?.cancel() }
        let passed: @Sendable (String, IngestReport) -> Void = { path, report in
            log.passed(path, report)
            relay?.wake()
        }
        do {
            try service.run(stop: stop, log: .init(passed: passed, failed: log.failed, said: log.said)) {
                // systemd's Type=notify: ready once the socket answers and every journal was read.
                SystemdNotify.send("READY=1\nSTATUS=serving \(store.databasePath)")
            }
        } catch {
            throw CLIError.storeUnavailable("qanat serve: \(error)")
        }
        SystemdNotify.send("STOPPING=1")
        let totals = service.totals
        print(
            "stopped: ingested \(totals.ingested), already present \(totals.alreadyPresent), rejected \(totals.rejected), "
                + "of which \(totals.refused) refused for authority")
    }

    /// The relay, with `--hub`: only on a site's store, to a hub URL that reads.
    private func hubRelay(for opened: SQLiteStore, said: @escaping @Sendable (String) -> Void) throws -> HubRelay? {
        guard let url = hub ?? Environment.value("QANAT_HUB") else { return nil }
        let address: HubAddress
        do { address = try HubAddress(url) } catch { throw CLIError.usage("--hub: \(error)") }
        let site: SiteCode?
        do { site = try opened.site() } catch { throw CLIError.from(error) }
        guard let site else {
            throw CLIError.usage(
                "--hub: \(store.databasePath) is no site's store; make one with `qanat init --service USER --site CODE`"
            )
        }
        print("relaying as site \(site) through \(address)")
        return HubRelay(store: opened, site: site, address: address, said: said)
    }
}
