import Foundation
import GRDB
import QanatCore

extension SQLiteStore {
    /// Incidents (reference, title, place) and messages (subject, body) containing `text`, newest
    /// first, at most `limit` of each. A plain substring match, case-folded for Latin letters only.
    public func search(_ text: String, limit: Int) throws(StoreError) -> [SearchHit] {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        return try read { db in
            let incidents = try Row.fetchAll(db, sql: """
                SELECT \(Self.incidentColumns) FROM incidents
                WHERE ref LIKE ?1 ESCAPE '\\' OR title LIKE ?1 ESCAPE '\\' OR place LIKE ?1 ESCAPE '\\'
                ORDER BY opened_at DESC LIMIT ?2
                """, arguments: [pattern, limit]).map { row in
                SearchHit.incident(IncidentRecord(incident: try IncidentRows.incident(row), activeUnits: row["active_units"]))
            }
            let messages = try Row.fetchAll(db, sql: """
                SELECT * FROM messages WHERE body LIKE ?1 ESCAPE '\\' OR subject LIKE ?1 ESCAPE '\\'
                ORDER BY at DESC, id DESC LIMIT ?2
                """, arguments: [pattern, limit]).map(MessageRows.message)
            return incidents + (try Self.withAcknowledgements(messages, in: db)).map(SearchHit.message)
        }
    }
}
