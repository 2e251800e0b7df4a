import GRDB
import QanatCore
import QanatJournal

/// Events to and from rows of the `events` table.
enum EventRows {
    static let columns = "id, at, type, agency, officer, user, data, received, origin"

    static func insert(_ event: Event, into db: Database) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO events (id, at, type, agency, officer, user, subject, subject2, data, received, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let subjects = event.subjects
        statement.setUncheckedArguments([
            event.id.rawValue, event.at.millisecondsSinceEpoch, event.type.rawValue, event.agency.rawValue,
            event.officer, event.user, subjects[0].key, subjects.count > 1 ? subjects[1].key : nil,
            EventCodec.encodeData(event.payload), event.received?.millisecondsSinceEpoch, event.origin?.rawValue,
        ])
        try statement.execute()
        return db.changesCount > 0
    }

    static func event(from row: Row) throws -> Event {
        let id: String = row["id"]
        do {
            let type = try EventType.parse(row["type"], field: "type")
            return Event(
                id: try EventID(id), at: Timestamp(millisecondsSinceEpoch: row["at"]),
                agency: try AgencyCode(row["agency"] as String), officer: row["officer"], user: row["user"],
                payload: try EventCodec.decodeData(type, row["data"]),
                received: (row["received"] as Int64?).map(Timestamp.init(millisecondsSinceEpoch:)),
                origin: try (row["origin"] as String?).map { try SiteCode($0, field: "origin") })
        } catch {
            throw StoreError.corruptEvent(id: id, reason: "\(error)")
        }
    }

    static func events(of subject: Subject, in db: Database, includingSecondary: Bool) throws -> [Event] {
        let sql =
            includingSecondary
            ? "SELECT \(columns) FROM events WHERE subject = ?1 UNION ALL SELECT \(columns) FROM events WHERE subject2 = ?1"
            : "SELECT \(columns) FROM events WHERE subject = ?1"
        return try Row.fetchAll(db, sql: sql, arguments: [subject.key]).map(event(from:))
    }
}
