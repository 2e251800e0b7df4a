import Foundation
import QanatCore
import QanatStore

/// When a loop asks the store whether it changed: when the kernel reported a write to the
/// store's files, when the last answer was not a settled one (busy, offline, not yet read), and
/// every ten seconds regardless, in case a notification was lost (a store on a network file
/// system hears nothing of other hosts). Without inotify, every second.
struct StoreWake {
    static let safetyInterval: TimeInterval = 10
    private var lastAsked = Date.distantPast

    /// What the loop's sleep should also wake on.
    func descriptors(_ watcher: ChangeWatcher?) -> [Int32] {
        watcher?.descriptor.map { [$0] } ?? []
    }

    mutating func shouldAsk(_ watcher: ChangeWatcher, settled: Bool) -> Bool {
        let notified = watcher.takeNotifications()
        let now = Date()
        guard notified || !settled || watcher.descriptor == nil || now.timeIntervalSince(lastAsked) >= Self.safetyInterval else { return false }
        lastAsked = now
        return true
    }

    /// Milliseconds to the next whole second: the wall's rotation and staleness count seconds.
    static func untilNextSecond() -> Int32 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int32(1000 - spec.tv_nsec / 1_000_000)
    }

    /// Milliseconds to sleep: until `time` (when the desk's screen next turns over by itself),
    /// but no longer than the store may go unasked.
    func sleep(until time: Timestamp, _ watcher: ChangeWatcher?) -> Int32 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        let now = Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
        let longest: Int64 = watcher?.descriptor == nil ? 1000 : Int64(Self.safetyInterval * 1000)
        return Int32(min(longest, max(1, time.millisecondsSinceEpoch - now)))
    }
}
