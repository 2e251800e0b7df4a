import Foundation

/// Tells the writers waiting on the socket what each pass applied: a writer asks the store once,
/// then only looks for its ids among those the passes since then applied, instead of every
/// waiting writer reading the store after every pass.
final class AppliedSignal: @unchecked Sendable {
    private let condition = NSCondition()
    private var generation = 0
    /// The ids the latest passes applied, oldest first, at most `remembered` of them.
    private var recent: Set<String> = []
    private var order: [String] = []
    private var oldest = 0
    static let remembered = 100_000

    /// A pass committed these events (applied now, or found already there).
    func passed(_ ids: [String]) {
        condition.lock()
        generation += 1
        for id in ids where recent.insert(id).inserted { order.append(id) }
        let excess = order.count - oldest - Self.remembered
        if excess > 0 {
            for id in order[oldest..<(oldest + excess)] { recent.remove(id) }
            oldest += excess
            // Drop the forgotten front now and then, not on every pass.
            if oldest > Self.remembered {
                order.removeFirst(oldest)
                oldest = 0
            }
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Whether every one of `ids` is applied before `deadline`. `absentNow` reads the store once (nil:
    /// it could not be read); what passes apply after that is looked for in memory, and the store is
    /// asked again only at the deadline (an id applied so long ago that it was forgotten).
    func wait(for ids: [String], until deadline: Date, absentNow: () -> [String]?) -> Bool {
        // The store is read before the lock is taken: a pass committing meanwhile is found in `recent`.
        var waiting = absentNow() ?? ids
        condition.lock()
        defer { condition.unlock() }
        while true {
            waiting.removeAll { recent.contains($0) }
            if waiting.isEmpty { return true }
            let seen = generation
            while generation == seen {
                guard condition.wait(until: deadline) else {
                    condition.unlock()
                    let left = absentNow()
                    condition.lock()
                    return left?.isEmpty == true
                }
            }
        }
    }
}
