import GRDB
import QanatCore
import XCTest

@testable import QanatStore

/// The vocabulary a search expands typed words with, and the rank computed from its counts.
final class SearchVocabularyTests: XCTestCase {
    var store: SQLiteStore!
    var rng = SeededGenerator(seed: 3)
    let start = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)

    override func setUpWithError() throws {
        store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
    }

    func post(_ bodies: [String]) throws {
        var events: [Event] = []
        for body in bodies {
            let time = Timestamp(millisecondsSinceEpoch: start.millisecondsSinceEpoch + Int64(events.count) * 1000)
            events.append(
                Event(
                    id: .make(at: time, using: &rng), at: time, agency: try AgencyCode("CD"), officer: "t", user: nil,
                    payload: .messagePosted(
                        MessagePosting(
                            recipients: .everyone, priority: .routine, channel: .radio,
                            subject: nil, body: body, incident: nil,
                            acknowledgementRequired: false))))
        }
        try store.apply(events)
    }

    func vocabulary() throws -> [String: Int] {
        try store.pool.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT word, rows FROM search_words").map {
                    ($0[0], $0[1])
                })
        }
    }

    func testCountsAreTheRowsHoldingEachWordAsTheIndexChanges() throws {
        try post(["road open road", "the road is closed", "water level falling"])
        // Incidents opened, updated and closed: rows replaced and removed.
        try store.apply(scenario(count: 120, seed: 5))
        let kept = try vocabulary()
        XCTAssertEqual(kept["road"], 2, "a row counts once however often it holds the word")
        XCTAssertEqual(kept["falling"], 1)
        try store.pool.write { db in try SearchVocabulary.refill(in: db) }
        XCTAssertEqual(try vocabulary(), kept, "kept row by row equals counted again from the index")
        XCTAssertFalse(kept.values.contains { $0 <= 0 }, "a word no row holds is gone")
    }

    func testOneWordRanksExactlyAsFTS5sBM25() throws {
        try post([
            "flood", "flood flood at the bridge", "a long report that names the flood once among many other words here",
            "no match", "flood flood flood", "bridge",
        ])
        try store.pool.read { db in
            let holding = try SearchVocabulary.rows(of: "flood", in: db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT bm25(search_index) AS theirs, qanat_rank(search_index, 0, ?) AS ours
                    FROM search_index WHERE search_index MATCH '"flood"'
                    """, arguments: [holding])
            XCTAssertEqual(rows.count, 4)
            for row in rows { XCTAssertEqual(row["ours"] as Double, row["theirs"] as Double, accuracy: 1e-9) }
        }
    }

    func testTheBestComeFirstThenTheMostRecentlyWritten() throws {
        try post(["flood flood", "flood", "road closed", "road closed"])
        func found(_ typed: String) throws -> [EventID] {
            try store.search(SearchQuery(typed), limit: 10).compactMap { hit in
                if case .message(let record) = hit { record.message.id } else { nil }
            }
        }
        let posted = try store.messages(limit: 10).map(\.message).sorted { $0.postedAt < $1.postedAt }.map(\.id)
        XCTAssertEqual(
            try found("flood"), [posted[0], posted[1]], "more of the word in as short a row ranks first, though older")
        XCTAssertEqual(try found("road"), [posted[3], posted[2]], "equal rows: the later first")
    }

    func testARankCallWithoutItsCountsIsAnError() throws {
        try post(["flood"])
        XCTAssertThrowsError(
            try store.pool.read { db in
                try Double.fetchAll(
                    db, sql: "SELECT qanat_rank(search_index) FROM search_index WHERE search_index MATCH 'flood'")
            }
        ) { error in XCTAssertTrue("\(error)".contains("qanat_rank"), "\(error)") }
    }

    /// Expanding a typed word through the vocabulary finds exactly what FTS5's prefix query
    /// finds, whether the word begins a few words of the index or more than a search asks for.
    func testExpandedWordsFindWhatAPrefixQueryFinds() throws {
        let many = (0..<(SearchMatch.expansionLimit + 10)).map { "call\($0)" }
        try post(
            ["مدرسة الهواري", "المدرسة ممتلئة", "مدارس", "Bengasi convoy", "convoys leaving"]
                + many.map { "unit \($0) on the road" })
        for typed in ["مدرس", "conv", "call", "call1", "road", "zzz"] {
            let found = Set(
                try store.search(SearchQuery(typed), limit: 500).compactMap { hit -> String? in
                    if case .message(let record) = hit { return record.message.id.rawValue } else { return nil }
                })
            let prefixed = Set(
                try store.pool.read { db in
                    try String.fetchAll(
                        db, sql: "SELECT key FROM search_index WHERE search_index MATCH ?",
                        arguments: ["\"\(SearchQuery(typed).words[0])\"*"])
                })
            XCTAssertEqual(found, prefixed, typed)
        }
        XCTAssertEqual(
            try store.search(SearchQuery("call"), limit: 500).count, many.count, "past the expansion limit, as a prefix"
        )
    }
}
