import Foundation
import QanatCore
import QanatStore

/// When a loop asks the store whether it changed: when the kernel reported a write to the
/// store's files, and for a moment after (a write wakes the loop as it begins; its commit may
/// land a few milliseconds later), when the last answer was not a settled one (busy, offline,
/// not yet read), and every ten seconds regardless, in case a notification was lost (a store on
/// a network file system hears nothing of other hosts). Without inotify, every second.
public struct StoreWake {
    public static let safetyInterval: TimeInterval = 10
    public static let settleInterval: TimeInterval = 0.3
    public static let settlePollMilliseconds: Int64 = 20
    private var lastAsked = Date.distantPast
    private var askAgainUntil = Date.distantPast

    public init() {}

    /// What the loop's sleep should also wake on.
    public func descriptors(_ watcher: ChangeWatcher?) -> [Int32] {
        watcher?.descriptor.map { [$0] } ?? []
    }

    public mutating func shouldAsk(_ watcher: ChangeWatcher, settled: Bool) -> Bool {
        let notified = watcher.takeNotifications()
        let now = Date()
        if notified { askAgainUntil = now.addingTimeInterval(Self.settleInterval) }
        guard
            notified || now < askAgainUntil || !settled || watcher.descriptor == nil
                || now.timeIntervalSince(lastAsked) >= Self.safetyInterval
        else { return false }
        lastAsked = now
        return true
    }

    /// The commit was seen: no need to keep asking.
    public mutating func sawChange() { askAgainUntil = .distantPast }

    /// Milliseconds to sleep: until `time` (when the screen next turns over by itself), but no
    /// longer than the store may go unasked.
    public func sleep(until time: Timestamp, _ watcher: ChangeWatcher?) -> Int32 {
        let now = Date()
        let longest: Int64 =
            if watcher?.descriptor == nil { 1000 } else if now < askAgainUntil { Self.settlePollMilliseconds } else {
                Int64(Self.safetyInterval * 1000)
            }
        let until = time.millisecondsSinceEpoch - Int64(now.timeIntervalSince1970 * 1000)
        return Int32(min(longest, max(1, until)))
    }
}
