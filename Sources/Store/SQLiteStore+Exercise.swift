import GRDB
import QanatCore

extension SQLiteStore {
    /// The exercise played on this store, folded from its events; nil before play began.
    public func exerciseRun() throws(StoreError) -> ExerciseRun? {
        try read { db in Fold.exercise(try EventRows.events(of: .exercise, in: db, includingSecondary: false)) }
    }

    /// The first message posted since `time` that carries `phrase` (any case), in its subject or body.
    public func firstMessage(containing phrase: String, since time: Timestamp) throws(StoreError) -> EventID? {
        try read { db in
            try String.fetchOne(db, sql: """
                SELECT id FROM messages WHERE at >= ?1 AND (instr(lower(body), lower(?2)) > 0 OR instr(lower(coalesce(subject, '')), lower(?2)) > 0)
                ORDER BY at, id LIMIT 1
                """, arguments: [time.millisecondsSinceEpoch, phrase]).map { text in try EventID(text) }
        }
    }

    /// Every event since `time`, oldest first: what the exercise report looks through for who acted.
    public func events(since time: Timestamp, limit: Int) throws(StoreError) -> [Event] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(EventRows.columns) FROM events WHERE at >= ? ORDER BY at, id LIMIT ?",
                             arguments: [time.millisecondsSinceEpoch, limit]).map(EventRows.event(from:))
        }
    }
}
