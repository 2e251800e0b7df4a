import Foundation
import QanatStore

/// When a loop asks the store whether it changed: when the kernel reported a write to the
/// store's files, when the last answer was not a settled one (busy, offline, not yet read), and
/// every two seconds regardless, in case a notification was lost (a store on a network file
/// system hears nothing of other hosts). Without inotify, every wake.
struct StoreWake {
    static let safetyInterval: TimeInterval = 2
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

    /// Milliseconds to the next whole second: the clock is all that moves on an idle screen.
    static func untilNextSecond() -> Int32 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int32(1000 - spec.tv_nsec / 1_000_000)
    }
}
