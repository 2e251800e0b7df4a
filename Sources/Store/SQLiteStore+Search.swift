import Foundation
import GRDB
import QanatCore

extension SQLiteStore {
    /// How many of the newest matches are ranked. Ranking every match of a common word (half of a
    /// million messages) costs over a second; the newest few thousand are what a duty officer is
    /// after, and FTS5 walks them in rowid (arrival) order and stops.
    public static let searchRankingWindow = 2_000

    /// Incidents and messages matching `query` in the normalised search index, best first (BM25,
    /// see `SearchRank`, then the most recently written: a message's arrival, an incident's
    /// latest change) among the newest `window` matches, at most `limit` in all.
    /// Spellings of Arabic words and place names find each other (see `SearchText`, `SearchQuery`).
    public func search(_ query: SearchQuery, limit: Int) throws(StoreError) -> [SearchHit] {
        try search(query, limit: limit, window: Self.searchRankingWindow)
    }

    /// Best matches read for each one returned: room for open incidents that rank below closed ones.
    static let closedHeadroom = 4

    public func search(_ query: SearchQuery, limit: Int, window: Int) throws(StoreError) -> [SearchHit] {
        guard let plan = query.plan(places: .libya) else { return [] }
        return try read { db in
            guard let match = try SearchMatch(plan, in: db) else { return [] }
            let rankArguments = match.rankArguments
            // Ranked on the index alone (its positions and row sizes); only the rows kept are read
            // for their kind and key, where reading them for the whole window cost a search on
            // incidents scattered through the store half its time.
            let scored = try Row.fetchAll(
                db,
                sql: """
                    SELECT rowid, score FROM (
                      SELECT rowid, \(SearchRank.name)(\(SearchIndex.table)\(String(repeating: ", ?", count: rankArguments.count))) AS score
                      FROM \(SearchIndex.table) WHERE \(SearchIndex.table) MATCH ?
                      ORDER BY rowid DESC LIMIT ?)
                    ORDER BY score, rowid DESC LIMIT ?
                    """,
                arguments: StatementArguments(rankArguments) + [
                    match.expression, max(window, limit), limit * Self.closedHeadroom,
                ])
            let best: [Int64] = scored.map { $0[0] }
            let scores = Dictionary(scored.map { ($0[0] as Int64, $0[1] as Double) }, uniquingKeysWith: { a, _ in a })
            var keys: [Int64: (kind: String, key: String)] = [:]
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT rowid, kind, key FROM \(SearchIndex.table) WHERE rowid IN \(Self.placeholders(best.count))",
                arguments: StatementArguments(best))
            {
                keys[row[0]] = (row[1], row[2])
            }
            let ranked = best.compactMap { row in keys[row].map { (row: row, kind: $0.kind, key: $0.key) } }
            let refs = ranked.filter { $0.kind == SearchIndex.Kind.incident.rawValue }.map(\.key)
            let ids = ranked.filter { $0.kind == SearchIndex.Kind.message.rawValue }.map(\.key)
            var incidents: [String: IncidentRecord] = [:]
            for record in try IncidentRows.records(
                db, sql: "SELECT \(Self.incidentColumns) FROM incidents WHERE ref IN \(Self.placeholders(refs.count))",
                arguments: StatementArguments(refs))
            {
                incidents[record.incident.reference.rawValue] = record
            }
            let messageRows = try MessageRows.messages(
                db, sql: "SELECT \(MessageRows.columns()) FROM messages WHERE id IN \(Self.placeholders(ids.count))",
                arguments: StatementArguments(ids))
            var messages: [String: MessageRecord] = [:]
            for record in try Self.withAcknowledgements(messageRows, in: db) {
                messages[record.message.id.rawValue] = record
            }
            let hits = ranked.compactMap { hit in
                (hit.kind == SearchIndex.Kind.incident.rawValue
                    ? incidents[hit.key].map(SearchHit.incident) : messages[hit.key].map(SearchHit.message))
                    .map { (score: scores[hit.row] ?? 0, hit: $0) }
            }
            // What is still going on first: open incidents and messages by relevance, then closed
            // incidents by relevance, however well an old closed one matches.
            return Array(
                hits.enumerated().sorted { a, b in
                    (a.element.hit.isClosedIncident ? 1 : 0, a.element.score, a.offset) < (
                        b.element.hit.isClosedIncident ? 1 : 0, b.element.score, b.offset
                    )
                }.map(\.element.hit).prefix(limit))
        }
    }

    /// `(?, ?, ?)` for an IN list; `(NULL)` when empty, which matches nothing.
    static func placeholders(_ count: Int) -> String {
        count == 0 ? "(NULL)" : "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }
}
