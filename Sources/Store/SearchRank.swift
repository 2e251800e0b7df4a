import Foundation
import GRDB
import GRDBSQLite

/// `qanat_rank(search_index, group…, rows…)`: Okapi BM25 as FTS5's `bm25()` computes it (k1 1.2,
/// b 0.75, an idf below zero taken as 10⁻⁶, lower is better), over clauses rather than phrases,
/// with each clause's rarity from the vocabulary's counts. FTS5's own function counts the rows
/// of every phrase on each search, which for a word in half of a million messages is most of
/// the search's time (`SearchVocabulary`).
///
/// Arguments after the table: for each phrase of the query, in the order FTS5 numbers them, the
/// clause it belongs to; then for each clause, the number of rows holding it. A clause's
/// frequency in a row is the sum of its phrases' (a typed word stands for every word of the
/// index that begins with it).
enum SearchRank {
    static let name = "qanat_rank"

    /// Registers the function on a connection. FTS5 hands out its extension interface through
    /// a pointer bound to `SELECT fts5(?1)`.
    static func register(in db: Database) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?1)", -1, &statement, nil) == SQLITE_OK else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "this SQLite has no FTS5")
        }
        defer { sqlite3_finalize(statement) }
        var api: UnsafeMutablePointer<fts5_api>?
        let type: StaticString = "fts5_api_ptr"
        type.utf8Start.withMemoryRebound(to: CChar.self, capacity: type.utf8CodeUnitCount) { typeName in
            _ = sqlite3_bind_pointer(statement, 1, &api, typeName, nil)
        }
        _ = sqlite3_step(statement)
        guard let api, let create = api.pointee.xCreateFunction,
            create(api, name, nil, rank, nil) == SQLITE_OK
        else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "could not register \(name) with FTS5")
        }
    }
}

/// The BM25 parameters FTS5's `bm25()` uses.
private let saturation = 1.2
private let lengthWeight = 0.75

private let rank: fts5_extension_function = { api, fts, context, count, values in
    guard let api = api?.pointee, let values,
        let phraseCount = api.xPhraseCount, let rowCount = api.xRowCount, let totalSize = api.xColumnTotalSize,
        let size = api.xColumnSize, let instanceCount = api.xInstCount, let instance = api.xInst
    else {
        sqlite3_result_error(context, "qanat_rank: FTS5 gave no interface", -1)
        return
    }
    let phrases = Int(phraseCount(fts))
    let clauses = Int(count) - phrases
    guard clauses > 0 else {
        sqlite3_result_error(
            context, "qanat_rank: expected a clause for each of \(phrases) phrases, then each clause's rows", -1)
        return
    }
    var rows: Int64 = 0
    var tokens: Int64 = 0
    var length: Int32 = 0
    var instances: Int32 = 0
    guard rowCount(fts, &rows) == SQLITE_OK, totalSize(fts, -1, &tokens) == SQLITE_OK,
        size(fts, -1, &length) == SQLITE_OK, instanceCount(fts, &instances) == SQLITE_OK
    else {
        sqlite3_result_error(context, "qanat_rank: FTS5 could not count the row's words", -1)
        return
    }
    var frequencies = [Double](repeating: 0, count: clauses)
    for index in 0..<instances {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        guard instance(fts, index, &phrase, &column, &offset) == SQLITE_OK, Int(phrase) < phrases else { continue }
        let clause = Int(sqlite3_value_int64(values[Int(phrase)]))
        if clause >= 0, clause < clauses { frequencies[clause] += 1 }
    }
    let averageLength = rows > 0 ? max(Double(tokens) / Double(rows), 1) : 1
    let lengthFactor = 1 - lengthWeight + lengthWeight * Double(length) / averageLength
    var score = 0.0
    for clause in 0..<clauses where frequencies[clause] > 0 {
        let holding = Double(sqlite3_value_int64(values[phrases + clause]))
        let rarity = log((Double(rows) - holding + 0.5) / (holding + 0.5))
        let frequency = frequencies[clause]
        score += (rarity > 0 ? rarity : 1e-6) * frequency * (saturation + 1) / (frequency + saturation * lengthFactor)
    }
    sqlite3_result_double(context, -score)
}
