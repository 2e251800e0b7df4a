import Foundation
import GRDB
import QanatCore

extension SQLiteStore {
    /// Incidents and messages matching `query` in the normalised search index, best first (FTS5's
    /// bm25 rank, then newest), at most `limit` in all. Spellings of Arabic words and place names
    /// find each other (see `SearchText`, `SearchQuery`).
    public func search(_ query: SearchQuery, limit: Int) throws(StoreError) -> [SearchHit] {
        guard let expression = query.matchExpression(places: .libya) else { return [] }
        return try read { db in
            let ranked = try Row.fetchAll(db, sql: """
                SELECT kind, key FROM \(SearchIndex.table) WHERE \(SearchIndex.table) MATCH ?
                ORDER BY rank, at DESC LIMIT ?
                """, arguments: [expression, limit]).map { (kind: $0["kind"] as String, key: $0["key"] as String) }
            let refs = ranked.filter { $0.kind == SearchIndex.Kind.incident.rawValue }.map(\.key)
            let ids = ranked.filter { $0.kind == SearchIndex.Kind.message.rawValue }.map(\.key)
            var incidents: [String: IncidentRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Self.incidentColumns) FROM incidents WHERE ref IN \(Self.placeholders(refs.count))",
                                        arguments: StatementArguments(refs)) {
                let record = IncidentRecord(incident: try IncidentRows.incident(row), activeUnits: row["active_units"])
                incidents[record.incident.reference.rawValue] = record
            }
            let messageRows = try Row.fetchAll(db, sql: "SELECT * FROM messages WHERE id IN \(Self.placeholders(ids.count))",
                                               arguments: StatementArguments(ids)).map(MessageRows.message)
            var messages: [String: MessageRecord] = [:]
            for record in try Self.withAcknowledgements(messageRows, in: db) { messages[record.message.id.rawValue] = record }
            return ranked.compactMap { hit in
                hit.kind == SearchIndex.Kind.incident.rawValue ? incidents[hit.key].map(SearchHit.incident) : messages[hit.key].map(SearchHit.message)
            }
        }
    }

    /// `(?, ?, ?)` for an IN list; `(NULL)` when empty, which matches nothing.
    static func placeholders(_ count: Int) -> String {
        count == 0 ? "(NULL)" : "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }
}
