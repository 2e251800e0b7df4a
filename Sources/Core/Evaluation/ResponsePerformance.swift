/// One response measured: from its start (a message posted, an incident reported) to its end
/// (the acknowledgement, the first unit assigned or arrived, the closure), or still waiting.
public struct ResponseSample: Equatable, Sendable {
    public var metric: ResponseMetric
    /// The agency it is counted for: the one acknowledging, whose unit was assigned or arrived,
    /// or the incident's lead agency for its closure and while nothing was assigned.
    public var agency: AgencyCode
    /// The message or incident measured, so that across agencies an incident counts once.
    public var subject: String
    public var start: Timestamp
    public var end: Timestamp?
    /// Whether its start or end is the receipt of an event whose claimed time was much earlier
    /// (`Event.measured`).
    public var byReceipt: Bool

    public init(
        metric: ResponseMetric, agency: AgencyCode, subject: String, start: Timestamp, end: Timestamp?,
        byReceipt: Bool = false
    ) {
        self.metric = metric
        self.agency = agency
        self.subject = subject
        self.start = start
        self.end = end
        self.byReceipt = byReceipt
    }

    /// Milliseconds taken; a clock that ran behind never makes it negative.
    public var milliseconds: Int64? { end.map { max(0, $0.millisecondsSinceEpoch - start.millisecondsSinceEpoch) } }
}

/// The time evaluated: responses that started from `since` to `until`, in weeks counted from `since`.
public struct PerformancePeriod: Equatable, Sendable {
    public var since: Timestamp
    public var until: Timestamp

    public static let week: Int64 = 7 * 86_400_000
    /// Without `--since`: the last twelve weeks.
    public static let defaultWeeks: Int64 = 12

    public init(since: Timestamp, until: Timestamp) {
        self.since = since
        self.until = max(since, until)
    }

    public static func lastWeeks(before until: Timestamp, weeks: Int64 = defaultWeeks) -> PerformancePeriod {
        PerformancePeriod(
            since: Timestamp(millisecondsSinceEpoch: until.millisecondsSinceEpoch - weeks * week), until: until)
    }

    public var weeks: Int {
        Int(max(1, (until.millisecondsSinceEpoch - since.millisecondsSinceEpoch + Self.week - 1) / Self.week))
    }

    public func week(of time: Timestamp) -> Int? {
        let offset = time.millisecondsSinceEpoch - since.millisecondsSinceEpoch
        guard offset >= 0 else { return nil }
        let index = Int(offset / Self.week)
        return index < weeks ? index : nil
    }
}

/// A metric's figures for one agency (or all) over a period, against its target.
public struct MetricFigures: Equatable, Sendable {
    public var metric: ResponseMetric
    /// nil: every agency together.
    public var agency: AgencyCode?
    public var target: ResponseTarget?
    /// Responses completed, and those still waiting (of which over the target already).
    public var completed: Int
    public var waiting: Int
    public var waitingOverTarget: Int
    /// Milliseconds at the 50th and 90th percentiles, and at the target's own percentile.
    public var p50: Int64?
    public var p90: Int64?
    public var atTargetPercentile: Int64?
    /// Milliseconds at the target's percentile (the 90th without one), week by week.
    public var weekly: [Int64?]
    /// Responses counted here whose start or end was measured from its receipt (`Event.measured`).
    public var byReceipt = 0

    /// nil when there is no target or nothing completed to judge.
    public var met: Bool? {
        guard let target, let atTargetPercentile else { return nil }
        return atTargetPercentile <= Int64(target.seconds) * 1000
    }

    public var trendPercentile: Int { target?.percentile ?? ResponseTarget.defaultPercentile }
}

/// Percentiles of response times, per agency and metric, against the store's targets.
public enum ResponsePerformance {
    /// Every agency together first, then each agency by code; the four metrics in order for each.
    /// `onlyAgency` keeps that agency's figures alone.
    public static func figures(
        _ samples: [ResponseSample], targets: [ResponseTarget], period: PerformancePeriod,
        onlyAgency: AgencyCode? = nil, now: Timestamp
    ) -> [MetricFigures] {
        let inPeriod = samples.filter { $0.start >= period.since && $0.start <= period.until }
        let byTarget = Dictionary(targets.map { ($0.metric, $0) }, uniquingKeysWith: { _, last in last })
        let agencies = Set(inPeriod.map(\.agency)).sorted()
        var groups: [(AgencyCode?, [ResponseSample])] = []
        if let onlyAgency {
            groups.append((onlyAgency, inPeriod.filter { $0.agency == onlyAgency }))
        } else {
            groups.append((nil, inPeriod))
            groups += agencies.map { agency in (agency, inPeriod.filter { $0.agency == agency }) }
        }
        return groups.flatMap { agency, samples in
            ResponseMetric.allCases.map { metric in
                let measured = samples.filter { $0.metric == metric }
                let counted = agency == nil && metric.takesFirstAcrossAgencies ? firstOfEachSubject(measured) : measured
                return figures(
                    counted, metric: metric, agency: agency, target: byTarget[metric], period: period, now: now)
            }
        }
    }

    static func figures(
        _ samples: [ResponseSample], metric: ResponseMetric, agency: AgencyCode?, target: ResponseTarget?,
        period: PerformancePeriod, now: Timestamp
    ) -> MetricFigures {
        let done = samples.compactMap(\.milliseconds).sorted()
        let waiting = samples.filter { $0.end == nil }
        let limit = target.map { Int64($0.seconds) * 1000 }
        let over =
            limit.map { limit in
                waiting.filter { now.millisecondsSinceEpoch - $0.start.millisecondsSinceEpoch > limit }.count
            } ?? 0
        let trend = target?.percentile ?? ResponseTarget.defaultPercentile
        var byWeek = Array(repeating: [Int64](), count: period.weeks)
        for sample in samples {
            if let taken = sample.milliseconds, let week = period.week(of: sample.start) { byWeek[week].append(taken) }
        }
        return MetricFigures(
            metric: metric, agency: agency, target: target, completed: done.count, waiting: waiting.count,
            waitingOverTarget: over,
            p50: percentile(done, 50), p90: percentile(done, 90),
            atTargetPercentile: target.flatMap { percentile(done, $0.percentile) },
            weekly: byWeek.map { percentile($0.sorted(), trend) }, byReceipt: samples.filter(\.byReceipt).count)
    }

    /// The nearest-rank percentile of sorted values: the smallest value with at least `p` % at or below it.
    public static func percentile(_ sorted: [Int64], _ p: Int) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = (sorted.count * p + 99) / 100
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// One sample per subject: its earliest end, or waiting when none has ended.
    static func firstOfEachSubject(_ samples: [ResponseSample]) -> [ResponseSample] {
        var first: [String: ResponseSample] = [:]
        for sample in samples {
            guard let kept = first[sample.subject] else {
                first[sample.subject] = sample
                continue
            }
            switch (kept.end, sample.end) {
            case (nil, .some): first[sample.subject] = sample
            case (.some(let a), .some(let b)) where b < a: first[sample.subject] = sample
            default: break
            }
        }
        return first.values.sorted { $0.subject < $1.subject }
    }
}
