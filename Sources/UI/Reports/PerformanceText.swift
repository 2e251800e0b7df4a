import QanatCore

/// Response performance as a report: the period, the targets, then for every agency together and
/// each agency the four metrics' percentiles against their targets, with the trend by week.
public enum PerformanceText {
    public static func lines(
        _ figures: [MetricFigures], period: PerformancePeriod, _ l: Localizer, format: ReportLayout.Format
    ) -> [String] {
        ReportLayout.lines(blocks(figures, period: period, l), l, format: format)
    }

    static func blocks(_ figures: [MetricFigures], period: PerformancePeriod, _ l: Localizer) -> [ReportLayout.Block] {
        var out: [ReportLayout.Block] = [.title("\(l(.performanceTitle)) — \(heading(period, l))")]
        let targets = ResponseMetric.allCases.compactMap { metric in figures.first { $0.metric == metric }?.target }
        out.append(
            .text(
                "\(l(.targetsHeading)): "
                    + (targets.isEmpty
                        ? l(.noTargets) : targets.map { "\(l($0.metric)) \(l.target($0))" }.joined(separator: " · "))))
        out.append(.text(l(.performanceRules)))
        out.append(.text(l(.trendExplained)))
        out.append(.text(l.measuredByReceipt(figures.filter { $0.agency == nil }.map(\.byReceipt).reduce(0, +))))
        for (agency, rows) in byAgency(figures) {
            out.append(
                .section(heading: agency?.rawValue ?? l(.allAgencies), header: header(l), rows: rows.map { row($0, l) })
            )
        }
        return out
    }

    /// `9 Sep 2026 14:00 to 2 Dec 2026 14:00`.
    public static func heading(_ period: PerformancePeriod, _ l: Localizer) -> String {
        "\(l.dateTime(period.since)) \(l(.performanceTo)) \(l.dateTime(period.until))"
    }

    public static func header(_ l: Localizer) -> [String] {
        [
            l(.colMetric), l(.colCompleted), l.number(l(.colP50)), l.number(l(.colP90)), l(.colTarget), l(.colMet),
            l(.colWaiting), l(.colTrend),
        ]
    }

    /// One metric's cells, as the report and the desk's board show them.
    public static func row(_ f: MetricFigures, _ l: Localizer) -> [String] {
        let time = { (ms: Int64?) in ms.map { l.responseTime(milliseconds: $0) } ?? "—" }
        var target = f.target.map { l.target($0) } ?? "—"
        if let t = f.target, t.percentile != 50, t.percentile != 90, let at = f.atTargetPercentile {
            target += " (\(time(at)))"
        }
        let met = f.met.map { $0 ? l(.targetMet) : l(.targetMissed) } ?? "—"
        let waiting =
            l.number(f.waiting)
            + (f.waitingOverTarget > 0 ? " (\(l.number(f.waitingOverTarget)) \(l(.overTarget)))" : "")
        // A long period's trend shows its last half year, as the desk's column has room for.
        let trend =
            f.weekly.count > Sparkline.longest
            ? "…" + Sparkline.line(Array(f.weekly.suffix(Sparkline.longest))) : Sparkline.line(f.weekly)
        return [l(f.metric), l.number(f.completed), time(f.p50), time(f.p90), target, met, waiting, trend]
    }

    /// Every agency together first, then each agency, as `ResponsePerformance.figures` orders them.
    public static func byAgency(_ figures: [MetricFigures]) -> [(agency: AgencyCode?, rows: [MetricFigures])] {
        var out: [(agency: AgencyCode?, rows: [MetricFigures])] = []
        for f in figures {
            if let last = out.indices.last, out[last].agency == f.agency {
                out[last].rows.append(f)
            } else {
                out.append((f.agency, [f]))
            }
        }
        return out
    }
}
