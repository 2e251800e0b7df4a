import Foundation
import Prometheus
import QanatStore

/// What the service tells a monitoring system, in Prometheus's text format, written as a
/// node-exporter textfile (`serve --metrics FILE`): replaced whole (a temporary file renamed over
/// it), so the collector never reads half of one.
public final class ServiceMetrics: @unchecked Sendable {
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

    /// Why the file cannot be written safely where it is asked for, or nil: a directory others may
    /// write would let them replace the figures a monitoring system trusts.
    public static func problem(with path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        var info = stat()
        guard stat(directory.isEmpty ? "." : directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            return "--metrics: no directory \(directory)"
        }
        guard info.st_mode & 0o022 == 0 else {
            return
                "--metrics: others may write \(directory) (\(String(info.st_mode & 0o7777, radix: 8))): give a directory "
                + "only the service writes"
        }
        return nil
    }

    /// Writes the file when something changed, at most once a second unless forced: into a new
    /// file of a name no one could guess (`mkstemp`), its mode set on the open file, then renamed
    /// over the old one.
    func write(force: Bool = false) throws {
        guard changed, force || Date().timeIntervalSince(written) >= 1 else { return }
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw ServiceError.system("write beside \(path)", errno) }
        let temporary = String(cString: template)
        defer { close(descriptor) }
        let bytes = registry.emitToBuffer()
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fchmod(descriptor, 0o644) == 0, rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw ServiceError.system("write \(path)", code)
        }
        self.written = Date()
        changed = false
    }
}
