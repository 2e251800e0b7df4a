import Foundation
import QanatCore
import QanatJournal

/// The only clock: Core takes time as an argument.
public enum Clock {
    public static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
    }

    public static var year: Int64 {
        CivilTime(millisecondsSinceEpoch: now().millisecondsSinceEpoch, offsetMinutes: 0).year
    }
}

/// The Unix user this process runs as: recorded on every event, and what its writes are checked against.
public enum UnixUser {
    public static var current: String { UnixAccounts.userName(geteuid()) }
}

public enum Environment {
    /// A variable's value; an empty one counts as unset.
    public static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
