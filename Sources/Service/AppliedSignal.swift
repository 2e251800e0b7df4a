import Foundation

/// Tells the writers waiting on the socket that a pass applied something: each asks the store
/// again for its own events, in the service's process, instead of every writer asking after
/// every commit.
final class AppliedSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var generation = 0

    /// A pass applied events.
    func passed() {
        condition.lock()
        generation += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Whether `satisfied` came true before `deadline`; asked now and after each pass.
    func wait(until deadline: Date, for satisfied: () -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let seen = generation
            condition.unlock()
            let done = satisfied()
            condition.lock()
            if done { return true }
            while generation == seen {
                guard condition.wait(until: deadline) else { return false }
            }
        }
    }
}
