import QanatChannel
import QanatCore
import QanatUI

/// Performance as CSV: one row per agency (`*` for all) and metric, times in seconds.
enum PerformanceCSV {
    static let header = [
        "agency", "metric", "completed", "p50_seconds", "p90_seconds", "target_seconds", "target_percentile",
        "at_target_percentile_seconds", "met", "waiting", "waiting_over_target", "weekly_seconds",
        "measured_by_receipt",
    ]

    static func lines(_ figures: [MetricFigures]) -> [String] {
        let seconds = { (ms: Int64?) in ms.map { String(Double($0) / 1000) } ?? "" }
        return [CSVText.line(header)]
            + figures.map { f in
                CSVText.line([
                    f.agency?.rawValue ?? "*", f.metric.rawValue, String(f.completed), seconds(f.p50), seconds(f.p90),
                    f.target.map { String($0.seconds) } ?? "", f.target.map { String($0.percentile) } ?? "",
                    seconds(f.atTargetPercentile),
                    f.met.map { $0 ? "yes" : "no" } ?? "", String(f.waiting), String(f.waitingOverTarget),
                    f.weekly.map(seconds).joined(separator: ";"), String(f.byReceipt),
                ])
            }
    }
}
