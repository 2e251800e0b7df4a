/// How much one round trip to the hub carries, and how long it may take before the link is taken
/// for cut. A LAN's round trips grow to `mostEvents`; a satellite phone's shrink until each ends in
/// a few seconds. The deadline is a silence beyond what the bytes need at the slowest link a site
/// runs on (9.6 kbit/s), so a large event still crosses such a link instead of being cut off on
/// every try.
struct LinkPace {
    static let mostEvents = 500
    /// Bytes a round trip starts with: a 9.6 kbit/s link carries them in about 13 s.
    static let firstBytes = 16 * 1024
    static let leastBytes = 2 * 1024
    static let mostBytes = 4 * 1024 * 1024
    /// What one round trip should take at most when the link is slow.
    static let aim: Duration = .seconds(3)
    /// The slowest link a site runs on, in bytes a second, and the silence beyond its time that
    /// means a cut.
    static let slowestLink = 1_200
    static let silence: Duration = .seconds(20)

    private(set) var bytes = firstBytes

    /// How long a round trip carrying `bytes` may take.
    static func deadline(carrying bytes: Int) -> Duration { silence + .seconds(Double(bytes) / Double(slowestLink)) }

    /// How many of `sizes` (each event's bytes, in order) the next round trip carries: within the
    /// budget, and always the first, however large.
    func take(_ sizes: [Int]) -> Int {
        var total = 0
        var count = 0
        for size in sizes.prefix(Self.mostEvents) {
            if count > 0, total + size > bytes { break }
            total += size
            count += 1
        }
        return count
    }

    /// Events worth reading to fill the budget (no event is under 256 bytes as a line).
    var mostEventsTaken: Int { min(Self.mostEvents, bytes / 256 + 1) }

    /// A round trip that carried `carried` bytes took `elapsed`.
    mutating func took(_ elapsed: Duration, carrying carried: Int) {
        guard carried > 0 else { return }
        if elapsed > Self.aim {
            let fits = Double(carried) * (Self.aim / elapsed)
            bytes = max(Self.leastBytes, min(bytes, Int(fits)))
        } else if carried * 2 >= bytes {
            bytes = min(Self.mostBytes, bytes * 2)
        }
    }

    /// A round trip with no answer within its deadline: the next carries a quarter.
    mutating func timedOut() { bytes = max(Self.leastBytes, bytes / 4) }
}
