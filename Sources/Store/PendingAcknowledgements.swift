import GRDB
import QanatCore

/// The `pending_acknowledgements` projection: one row per (message, agency) that was asked to
/// acknowledge and has not. It makes "what awaits my agency" an index read however long the log.
///
/// Its content is a function of the messages, the acknowledgements and the agencies, whatever
/// the order they arrive in: a message adds rows (less those already acknowledged), an
/// acknowledgement removes one, a newly registered agency takes its share of earlier broadcasts.
enum PendingAcknowledgements {
    static let table = "pending_acknowledgements"

    /// Fills the table from the messages already stored (the migration that made it).
    static func refill(in db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, at, agency, recipients FROM messages WHERE ack_required = 1")
        while let row = try rows.next() {
            let recipients: String = row["recipients"]
            try messagePosted(
                id: row["id"], at: row["at"], sender: row["agency"],
                recipients: recipients.components(separatedBy: ","), in: db)
        }
    }

    private static let unacknowledged =
        "NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.message = ?1 AND k.agency = pending.agency)"

    /// `recipients` as stored: agency codes, or `*` for every agency but the sender.
    static func messagePosted(id: String, at: Int64, sender: String, recipients: [String], in db: Database) throws {
        if recipients == ["*"] {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO pending_acknowledgements (message, agency, at)
                    SELECT ?1, pending.agency, ?2 FROM (SELECT code AS agency FROM agencies WHERE code <> ?3) pending
                    WHERE \(unacknowledged)
                    """, arguments: [id, at, sender])
            return
        }
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO pending_acknowledgements (message, agency, at)
                SELECT ?1, pending.agency, ?2 FROM (SELECT ?3 AS agency) pending WHERE \(unacknowledged)
                """)
        for agency in recipients { try statement.execute(arguments: [id, at, agency]) }
    }

    static func acknowledged(message: String, by agency: String, in db: Database) throws {
        try db.execute(
            sql: "DELETE FROM pending_acknowledgements WHERE message = ? AND agency = ?",
            arguments: [message, agency])
    }

    /// A newly registered agency awaits the broadcasts that asked every agency to acknowledge.
    static func agencyRegistered(_ agency: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO pending_acknowledgements (message, agency, at)
                SELECT m.id, ?1, m.at FROM messages m
                WHERE m.ack_required = 1 AND m.recipients = '*' AND m.agency <> ?1
                  AND NOT EXISTS (SELECT 1 FROM acknowledgements k WHERE k.message = m.id AND k.agency = ?1)
                """, arguments: [agency])
    }
}
