import Foundation
import QanatCore

/// The only clock: Core takes time as an argument.
enum Clock {
    static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    static var year: Int64 { CivilTime(millisecondsSinceEpoch: now().millisecondsSinceEpoch, offsetMinutes: 0).year }
}
