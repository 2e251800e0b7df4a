import Foundation
import GRDB

/// Counts rows over a read-only connection of its own, as another process would see them.
final class StoreCounter {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(5)
        queue = try DatabaseQueue(path: path, configuration: config)
    }

    func events() throws -> Int { try count("events") }
    func messages() throws -> Int { try count("messages") }

    private func count(_ table: String) throws -> Int {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
