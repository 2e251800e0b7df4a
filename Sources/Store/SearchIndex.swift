import GRDB
import QanatCore

/// An FTS5 index over normalised copies of what officers search: an incident's reference,
/// title, place and every name of its area; a message's subject and body. Display always uses
/// the original rows; this table only finds them. A projection like the others: `rebuild`
/// empties it and the projector fills it again.
enum SearchIndex {
    static let table = "search_index"

    enum Kind: String {
        case incident = "i"
        case message = "m"
    }

    /// Fills the index from the incidents and messages already stored (the migration that made
    /// it, before there was a vocabulary: its counts are left to the migration that made that).
    static func refill(in db: Database) throws {
        let uncounted = SearchVocabulary.Tally()
        for row in try Row.fetchAll(db, sql: "SELECT ref, title, place, area, opened_at FROM incidents") {
            try index(
                incident: row["ref"], title: row["title"], place: row["place"], area: row["area"], at: row["opened_at"],
                counting: uncounted, in: db)
        }
        for row in try Row.fetchAll(db, sql: "SELECT id, subject, body, at FROM messages") {
            try index(
                message: row["id"], subject: row["subject"], body: row["body"], at: row["at"], counting: uncounted,
                in: db)
        }
    }

    static func index(
        incident ref: String, title: String, place: String?, area: String, at: Int64,
        counting vocabulary: SearchVocabulary.Tally, in db: Database
    ) throws {
        try remove(incident: ref, counting: vocabulary, in: db)
        let names = Gazetteer.libya.area(id: area)?.allNames ?? [area]
        try insert(
            .incident, key: ref, at: at, text: ([ref, title, place ?? ""] + names).joined(separator: " "),
            counting: vocabulary, in: db)
    }

    /// `kind` and `key` are not indexed (FTS5 indexes only text), so a row is found through its
    /// text, which starts with the reference's words: an index lookup, where `WHERE key = ?`
    /// alone would read the whole index for every incident applied.
    static func remove(incident ref: String, counting vocabulary: SearchVocabulary.Tally, in db: Database) throws {
        let phrase = "\"" + SearchText.words(ref).joined(separator: " ") + "\""
        let rows = try Row.fetchAll(
            db, sql: "SELECT rowid, text FROM \(table) WHERE \(table) MATCH ? AND kind = ? AND key = ?",
            arguments: [phrase, Kind.incident.rawValue, ref])
        for row in rows {
            try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [row[0] as Int64])
            vocabulary.removed(row[1])
        }
    }

    static func index(
        message id: String, subject: String?, body: String, at: Int64,
        counting vocabulary: SearchVocabulary.Tally, in db: Database
    ) throws {
        try insert(
            .message, key: id, at: at, text: (subject.map { $0 + " " } ?? "") + body, counting: vocabulary, in: db)
    }

    private static func insert(
        _ kind: Kind, key: String, at: Int64, text: String,
        counting vocabulary: SearchVocabulary.Tally, in db: Database
    ) throws {
        let words = SearchText.indexedWords(text)
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (kind, key, at, text) VALUES (?, ?, ?, ?)")
        try statement.execute(arguments: [kind.rawValue, key, at, words.joined(separator: " ")])
        vocabulary.added(words)
    }
}
