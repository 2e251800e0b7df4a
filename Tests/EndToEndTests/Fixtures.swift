import Foundation
import QanatCore
import QanatJournal
import GRDB

enum JournalFixtures {
    /// Writes `count` message events as a third-party gateway would: unchained lines.
    static func writeMessages(count: Int, to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandleOrThrow(path)
        var rng = SystemRandomNumberGenerator()
        let agencies = Agency.seed.map(\.code)
        var buffer: [UInt8] = []
        for i in 0..<count {
            let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + Int64(i) * 10)
            let event = Event(
                id: .make(at: at, using: &rng), at: at, agency: agencies[i % agencies.count], officer: "SMS gateway", user: nil,
                payload: .messagePosted(MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .sms, subject: nil,
                    body: "report \(i) from the field", incident: nil, acknowledgementRequired: false)))
            buffer += EventCodec.encode(event, previousLineHash: nil)
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                handle.write(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer))
        handle.closeFile()
    }

    private static func FileHandleOrThrow(_ path: String) throws -> FileHandle {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        return handle
    }
}

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
