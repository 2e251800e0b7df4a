import GRDB

/// Every word the search index holds, with the number of its rows that hold it. A search looks
/// up the words that begin with what was typed here and asks FTS5 for those words: FTS5 reads
/// a word's rows lazily, newest first, and stops at the window, where a prefix query (`word*`)
/// first gathers every row of every such word (60 ms for a word in half of a million
/// messages). The counts give the ranking its rarity of each word without FTS5 counting
/// every matching row on each search (`SearchRank`). A projection of the index.
enum SearchVocabulary {
    static let table = "search_words"

    /// The words of an index row's text (`SearchText.indexed`: normalised words, space-separated).
    static func words(ofIndexed text: String) -> Set<Word> {
        Set(text.utf8.split(separator: 0x20).map { Word(Substring($0)) })
    }

    /// A word compared and hashed by its bytes, as the table's key compares: a String would
    /// normalise Arabic to hash it, which cost ingest an eighth of its time.
    struct Word: Hashable {
        let text: Substring

        init(_ text: Substring) { self.text = text }

        static func == (a: Word, b: Word) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil
            {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
    }

    /// Changes to the counts gathered over a batch of events and written once at its end:
    /// a batch of messages repeats most of its words.
    final class Tally {
        private var changes: [Word: Int] = [:]

        func added(_ text: String) { for word in words(ofIndexed: text) { changes[word, default: 0] += 1 } }
        func added(_ words: [String]) {
            for word in Set(words.map { Word(Substring($0)) }) { changes[word, default: 0] += 1 }
        }
        func removed(_ text: String) { for word in words(ofIndexed: text) { changes[word, default: 0] -= 1 } }

        func write(in db: Database) throws {
            let add = try db.cachedStatement(
                sql: """
                    INSERT INTO \(table) (word, rows) VALUES (?1, ?2) ON CONFLICT (word) DO UPDATE SET rows = rows + ?2
                    """)
            let subtract = try db.cachedStatement(sql: "UPDATE \(table) SET rows = rows + ?2 WHERE word = ?1")
            var emptied = false
            for (word, change) in changes where change != 0 {
                let statement = change > 0 ? add : subtract
                statement.setUncheckedArguments([String(word.text), change])
                try statement.execute()
                emptied = emptied || change < 0
            }
            if emptied { try db.execute(sql: "DELETE FROM \(table) WHERE rows <= 0") }
            changes.removeAll(keepingCapacity: true)
        }
    }

    /// Counts the words of every row of the index again (the migration that made the table),
    /// written every 50,000 rows: the tally holds on to the text of the rows it counted.
    static func refill(in db: Database) throws {
        try db.execute(sql: "DELETE FROM \(table)")
        let tally = Tally()
        let rows = try String.fetchCursor(db, sql: "SELECT text FROM \(SearchIndex.table)")
        var counted = 0
        while let text = try rows.next() {
            tally.added(text)
            counted += 1
            if counted % 50_000 == 0 { try tally.write(in: db) }
        }
        try tally.write(in: db)
    }

    /// Up to `limit` words beginning with `prefix`, in order, each with its row count.
    static func words(startingWith prefix: String, limit: Int, in db: Database) throws -> [(word: String, rows: Int)] {
        try Row.fetchAll(
            db, sql: "SELECT word, rows FROM \(table) WHERE word >= ? AND word < ? ORDER BY word LIMIT ?",
            arguments: [prefix, prefix + "\u{10FFFF}", limit]
        ).map { ($0[0], $0[1]) }
    }

    /// Rows holding words beginning with `prefix`, counted over at most `sample` words: a bound,
    /// since a row may hold several of them.
    static func rows(startingWith prefix: String, sample: Int = 10_000, in db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: "SELECT coalesce(sum(rows), 0) FROM (SELECT rows FROM \(table) WHERE word >= ? AND word < ? LIMIT ?)",
            arguments: [prefix, prefix + "\u{10FFFF}", sample]) ?? 0
    }

    static func rows(of word: String, in db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT rows FROM \(table) WHERE word = ?", arguments: [word]) ?? 0
    }
}
