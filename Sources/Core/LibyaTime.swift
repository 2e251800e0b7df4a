/// Libya keeps UTC+2 all year (no daylight saving since 2013): every time shown is Libya time.
public enum LibyaTime {
    public static let offsetMinutes = 120

    public static func civil(_ time: Timestamp) -> CivilTime {
        CivilTime(millisecondsSinceEpoch: time.millisecondsSinceEpoch, offsetMinutes: offsetMinutes)
    }

    /// `14:05` or `14:05:09`.
    public static func clock(_ time: Timestamp, seconds: Bool) -> String {
        let c = civil(time)
        let hm = two(c.hour) + ":" + two(c.minute)
        return seconds ? hm + ":" + two(c.second) : hm
    }

    /// `2026-11-22 14:05`.
    public static func dateTime(_ time: Timestamp) -> String {
        let c = civil(time)
        return "\(c.year)-\(two(c.month))-\(two(c.day)) " + clock(time, seconds: false)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
