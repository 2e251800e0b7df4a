public enum TimerLevel: Sendable, Equatable {
    case normal, warning, alarm
}

/// When an incident's time in its status should catch a duty officer's eye. An extreme incident
/// still only reported after 10 minutes is a warning, after 20 an alarm; the worse the
/// severity, the shorter the wait. Incidents being worked (responding, contained) get six
/// times as long; closed ones never alarm.
public enum IncidentTimers {
    public static func thresholds(for severity: Severity) -> (warning: Int64, alarm: Int64) {
        switch severity {
        case .extreme: (10 * 60, 20 * 60)
        case .severe: (20 * 60, 45 * 60)
        case .moderate: (45 * 60, 90 * 60)
        case .minor: (120 * 60, 240 * 60)
        }
    }

    public static func level(_ incident: Incident, now: Timestamp) -> TimerLevel {
        let factor: Int64
        switch incident.status {
        case .closed: return .normal
        case .reported, .verified: factor = 1
        case .responding, .contained: factor = 6
        }
        let seconds = (now.millisecondsSinceEpoch - incident.statusChangedAt.millisecondsSinceEpoch) / 1000
        let (warning, alarm) = thresholds(for: incident.severity)
        if seconds >= alarm * factor { return .alarm }
        if seconds >= warning * factor { return .warning }
        return .normal
    }

    /// When the level of an incident's timer next changes after `now`; nil when it no longer will
    /// (an alarm stays an alarm; closed incidents never alarm).
    public static func nextLevelChange(_ incident: Incident, after now: Timestamp) -> Timestamp? {
        let factor: Int64
        switch incident.status {
        case .closed: return nil
        case .reported, .verified: factor = 1
        case .responding, .contained: factor = 6
        }
        let (warning, alarm) = thresholds(for: incident.severity)
        return [warning, alarm].map { incident.statusChangedAt.adding(seconds: $0 * factor) }.first { $0 > now }
    }

    /// When `compact` of the time since `start` next shows something else: every second under a
    /// minute, every minute under a day, then every hour.
    public static func nextCompactChange(since start: Timestamp, now: Timestamp) -> Timestamp {
        let age = max(0, (now.millisecondsSinceEpoch - start.millisecondsSinceEpoch) / 1000)
        let step: Int64 = age < 60 ? 1 : age < 86_400 ? 60 : 3600
        return start.adding(seconds: (age / step + 1) * step)
    }

    /// The letters of a compact duration: seconds, minutes, hours, days.
    public typealias UnitLetters = (second: String, minute: String, hour: String, day: String)

    public static let englishUnits: UnitLetters = ("s", "m", "h", "d")

    /// A compact duration for a board cell: `45s`, `12m`, `3h05`, `2d4h`.
    public static func compact(seconds: Int64, units u: UnitLetters = englishUnits) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)\(u.second)" }
        if s < 3600 { return "\(s / 60)\(u.minute)" }
        if s < 86_400 { return "\(s / 3600)\(u.hour)" + (s / 60 % 60 < 10 ? "0" : "") + "\(s / 60 % 60)" }
        return "\(s / 86_400)\(u.day)\(s / 3600 % 24)\(u.hour)"
    }
}
