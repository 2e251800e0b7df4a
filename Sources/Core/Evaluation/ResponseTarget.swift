/// What the evaluation times: from a flash or immediate message to an agency's acknowledgement,
/// and from an incident's report to its first unit assigned, to its first arrival, to its closure.
public enum ResponseMetric: String, NamedValue {
    case acknowledge, assign, arrive, close

    /// Metrics where an incident is measured to its first unit, whichever agency's: across all
    /// agencies an incident counts once, at the earliest of its agencies' times.
    public var takesFirstAcrossAgencies: Bool { self == .assign || self == .arrive }
}

/// A response target every desk and report of a store shares: `seconds` at the `percentile`th
/// percentile (NFPA 1225: call processing within 60 s at the 90th). Set by a supervisor, as an event.
public struct ResponseTarget: Equatable, Sendable {
    public var metric: ResponseMetric
    public var seconds: Int
    public var percentile: Int

    public static let defaultPercentile = 90
    public static let percentiles = 1...99
    /// Up to thirty days: an incident's closure is measured in days.
    public static let secondsRange = 1...2_592_000

    public init(metric: ResponseMetric, seconds: Int, percentile: Int = defaultPercentile) {
        self.metric = metric
        self.seconds = seconds
        self.percentile = percentile
    }
}
