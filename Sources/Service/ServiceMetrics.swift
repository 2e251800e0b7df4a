import Foundation
import Prometheus
import QanatStore

/// What the service tells a monitoring system, in Prometheus's text format, written as a
/// node-exporter textfile (`serve --metrics FILE`): replaced whole (a temporary file renamed over
/// it), so the collector never reads half of one.
final class ServiceMetrics: @unchecked Sendable {
    let path: String
    private let registry = PrometheusCollectorRegistry()
    private let applied: Counter
    private let rejected: Counter
    private let refused: Counter
    private let lag: Gauge
    private let journals: Gauge
    private let lastIngest: Gauge
    private var written = Date.distantPast
    private var changed = true

    init(path: String) {
        self.path = path
        applied = registry.makeCounter(
            name: "qanat_events_applied_total", help: "Events the service applied to the store.")
        rejected = registry.makeCounter(
            name: "qanat_lines_rejected_total", help: "Journal lines put in the rejects, for any reason.")
        refused = registry.makeCounter(
            name: "qanat_lines_refused_for_authority_total",
            help: "Journal lines refused because their writer's role does not allow them.")
        lag = registry.makeGauge(
            name: "qanat_ingest_lag_seconds",
            help: "In the last pass that applied lines: the longest time from a line's own time to the store.")
        journals = registry.makeGauge(name: "qanat_journals_watched", help: "Journals the service follows.")
        lastIngest = registry.makeGauge(
            name: "qanat_last_ingest_timestamp_seconds", help: "When the service last applied an event (Unix time).")
    }

    /// A pass's report on one journal.
    func passed(_ report: IngestReport, now: Date = Date()) {
        guard report.ingested + report.rejected > 0 else { return }
        applied.increment(by: Int64(report.ingested))
        rejected.increment(by: Int64(report.rejected))
        refused.increment(by: Int64(report.refused))
        if report.ingested > 0 {
            lag.set(Double(report.lagMilliseconds) / 1000)
            lastIngest.set(now.timeIntervalSince1970)
        }
        changed = true
    }

    func watching(_ count: Int) {
        journals.set(Int64(count))
        changed = true
    }

    /// Whether a change waits to be written (the loop then wakes within a second to write it).
    var pending: Bool { changed }

    /// Writes the file when something changed, at most once a second unless forced.
    func write(force: Bool = false) throws {
        guard changed, force || Date().timeIntervalSince(written) >= 1 else { return }
        let temporary = path + ".tmp"
        let bytes = registry.emitToBuffer()
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ServiceError.system("write \(temporary)", errno)
        }
        chmod(temporary, 0o644)
        guard rename(temporary, path) == 0 else { throw ServiceError.system("rename to \(path)", errno) }
        written = Date()
        changed = false
    }
}
