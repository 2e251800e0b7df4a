import QanatCore

extension ResponseMetric: Translatable {
    public var translations: (en: String, ar: String) {
        switch self {
        case .acknowledge: ("acknowledge", "الإقرار")
        case .assign: ("assign a unit", "تكليف وحدة")
        case .arrive: ("arrive", "الوصول")
        case .close: ("close", "الإغلاق")
        }
    }
}

extension Localizer {
    /// The letters of a duration in this language: `1h40`, `1س40`.
    var durationUnits: IncidentTimers.UnitLetters {
        language == .ar ? ("ث", "د", "س", "ي") : IncidentTimers.englishUnits
    }

    /// A response time to the second while it is short: `42s`, `3m05s`, `1h05m`, `2d04h`.
    public func responseTime(milliseconds: Int64) -> String {
        let s = max(0, milliseconds / 1000)
        let u = durationUnits
        let two = { (n: Int64) in n < 10 ? "0\(n)" : "\(n)" }
        let text =
            s < 60
            ? "\(s)\(u.second)"
            : s < 3600
                ? "\(s / 60)\(u.minute)\(two(s % 60))\(u.second)"
                : s < 86_400
                    ? "\(s / 3600)\(u.hour)\(two(s / 60 % 60))\(u.minute)"
                    : "\(s / 86_400)\(u.day)\(two(s / 3600 % 24))\(u.hour)"
        return number(text)
    }

    /// How many responses were measured from when the store received an event, its recorded time
    /// lying more than `Limits.claimTrust` before (or before what it answered).
    public func measuredByReceipt(_ count: Int) -> String {
        let limit = responseTime(milliseconds: Limits.claimTrust * 1000)
        return language == .ar
            ? "استجابات قيست من وقت استلامها: \(number(count)) (سُجّل وقتها قبل وصولها إلى المخزن بأكثر من \(limit): "
                + "كاتب غير متصل، أو وقت مُرجَع إلى الوراء)"
            : "Responses measured from when the store received them: \(number(count)) (recorded more than \(limit) "
                + "before they arrived: a writer offline, or a time set back)"
    }

    /// `≤ 1m00s at p90`.
    public func target(_ target: ResponseTarget) -> String {
        "≤ \(responseTime(milliseconds: Int64(target.seconds) * 1000)) \(self(.atPercentile))\(number(target.percentile))"
    }
}

/// A week-by-week trend in eight heights, oldest first; `·` for a week with nothing measured.
/// Left to right in both languages, as charts are read (the desk draws it as one left-to-right field).
public enum Sparkline {
    static let bars = Array("▁▂▃▄▅▆▇█")
    /// Weeks a trend shows at most (the CSV keeps every week).
    public static let longest = 26

    public static func line(_ values: [Int64?]) -> String {
        let top = values.compactMap { $0 }.max() ?? 0
        return String(
            values.map { value -> Character in
                guard let value else { return "·" }
                guard top > 0 else { return bars[0] }
                return bars[min(bars.count - 1, Int(value * Int64(bars.count - 1) / top))]
            })
    }
}
