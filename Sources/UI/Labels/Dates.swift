import QanatCore

/// Dates as officers read them: Libya time, the month by name (the names used in Libya in
/// Arabic), digits as the interface is set.
extension Localizer {
    static let monthNames: [(en: String, ar: String)] = [
        ("Jan", "يناير"), ("Feb", "فبراير"), ("Mar", "مارس"), ("Apr", "أبريل"), ("May", "مايو"), ("Jun", "يونيو"),
        ("Jul", "يوليو"), ("Aug", "أغسطس"), ("Sep", "سبتمبر"), ("Oct", "أكتوبر"), ("Nov", "نوفمبر"), ("Dec", "ديسمبر"),
    ]

    /// `22 Nov 2026 14:05` or `22 نوفمبر 2026 14:05`.
    public func dateTime(_ time: Timestamp) -> String {
        date(time) + number(" " + LibyaTime.clock(time, seconds: false))
    }

    /// `22 Nov 2026` or `22 نوفمبر 2026`.
    public func date(_ time: Timestamp) -> String {
        let civil = LibyaTime.civil(time)
        let month = Self.monthNames[max(0, min(11, civil.month - 1))]
        return number("\(civil.day) ") + (language == .ar ? month.ar : month.en) + number(" \(civil.year)")
    }

    /// A time in a board's five cells: `14:05` today, `28/10` earlier this year, `2025` before;
    /// Libya's day, this interface's digits.
    public func shortTime(_ time: Timestamp, now: Timestamp) -> String {
        let (then, today) = (LibyaTime.civil(time), LibyaTime.civil(now))
        if (then.year, then.month, then.day) == (today.year, today.month, today.day) { return clock(time) }
        guard then.year == today.year else { return number(String(then.year)) }
        let two = { (n: Int) in n < 10 ? "0\(n)" : String(n) }
        return number(two(then.day) + "/" + two(then.month))
    }

    /// `14:05` in this interface's digits.
    public func clock(_ time: Timestamp, seconds: Bool = false) -> String {
        number(LibyaTime.clock(time, seconds: seconds))
    }
}
