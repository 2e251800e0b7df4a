import GRDB
import QanatCore

public struct ApplyResult: Equatable, Sendable {
    public var inserted = 0
    public var alreadyPresent = 0

    public init(inserted: Int = 0, alreadyPresent: Int = 0) {
        self.inserted = inserted
        self.alreadyPresent = alreadyPresent
    }
}

extension SQLiteStore {
    /// Applies events in one transaction. An event whose id is already in the store is skipped:
    /// this is what makes ingest exactly-once, however often a line is read.
    @discardableResult
    public func apply(_ events: [Event]) throws(StoreError) -> ApplyResult {
        try write { db in try Self.apply(events, in: db) }
    }

    static func apply(_ events: [Event], in db: Database) throws -> ApplyResult {
        var projector = Projector(db: db)
        let inserted = try projector.apply(events)
        return ApplyResult(inserted: inserted, alreadyPresent: events.count - inserted)
    }

    /// Empties the projections and applies every event again, through the same code as ingest.
    /// Returns the number of events applied.
    @discardableResult
    public func rebuild(progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) -> Int {
        try write { db in
            for table in Schema.projections { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM agencies")
            try Schema.seedAgencies(db)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            var projector = Projector(db: db)
            var done = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT \(EventRows.columns) FROM events ORDER BY seq")
            while let row = try rows.next() {
                try projector.project(try EventRows.event(from: row))
                done += 1
                if done % 50_000 == 0 { progress(done, total) }
            }
            try projector.finish()
            progress(done, total)
            return done
        }
    }
}
