import Foundation
import GRDB

/// Notices commits made by any process by polling `PRAGMA data_version` on a connection of its
/// own (a few microseconds a poll). GRDB's in-process observation cannot see other processes.
public final class ChangeWatcher: Sendable {
    private let queue: DatabaseQueue
    public let path: String

    public init(path: String) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(1)
        do { queue = try DatabaseQueue(path: path, configuration: config) } catch { throw StoreError.from(error, path: path) }
    }

    /// The connection's current data version; it changes after another connection commits.
    public func dataVersion() throws(StoreError) -> Int64 {
        do {
            return try queue.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch { throw StoreError.from(error, path: path) }
    }

    /// Yields once per poll in which something changed after this call. Ends when the consumer
    /// stops listening.
    public func changes(every interval: Duration = .milliseconds(50)) -> AsyncStream<Void> {
        // Read now, not in the task: a commit made right after this call must count as a change.
        let initial = try? dataVersion()
        return AsyncStream { continuation in
            let task = Task { [self] in
                var last = initial
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let now = try? dataVersion() else { continue }
                    if now != last {
                        last = now
                        continuation.yield()
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
