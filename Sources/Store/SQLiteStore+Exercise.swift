import GRDB
import QanatCore

extension SQLiteStore {
    /// The exercise played on this store, folded from its events; nil before play began.
    public func exerciseRun() throws(StoreError) -> ExerciseRun? {
        try read { db in Fold.exercise(try EventRows.events(of: .exercise, in: db, includingSecondary: false)) }
    }

    /// The messages posted since `time`, oldest first: their id, time and text (subject and body),
    /// for the exercise player to look for the stop phrase as people type it.
    public func messageTexts(since time: Timestamp, limit: Int) throws(StoreError) -> [(
        id: EventID, at: Timestamp, text: String
    )] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT id, at, subject, body FROM messages WHERE at >= ? ORDER BY at, id LIMIT ?",
                arguments: [time.millisecondsSinceEpoch, limit]
            ).map { row in
                (
                    try EventID(row["id"] as String), Timestamp(millisecondsSinceEpoch: row["at"]),
                    [row["subject"] as String?, row["body"] as String?].compactMap { $0 }.joined(separator: " ")
                )
            }
        }
    }

    /// Every event since `time`, oldest first: what the exercise report looks through for who acted.
    public func events(since time: Timestamp, limit: Int) throws(StoreError) -> [Event] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(EventRows.columns) FROM events WHERE at >= ? ORDER BY at, id LIMIT ?",
                arguments: [time.millisecondsSinceEpoch, limit]
            ).map(EventRows.event(from:))
        }
    }
}
