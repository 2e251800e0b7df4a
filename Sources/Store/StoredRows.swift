import GRDB
import GRDBSQLite

/// The current row of a statement, read through SQLite's C API by position. GRDB's generic
/// decoding, and the copy `Row.fetchAll` makes of every row, cost the desk most of a read of
/// its log window (callgrind: over half of 40 M instructions per 500 messages). Text is read
/// with its length, so a value holding a NUL (some SMS gateways send one for `@`) comes back whole.
struct StoredColumns {
    let statement: SQLiteStatement

    func text(_ index: Int) -> String? {
        let column = Int32(index)
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))),
            as: UTF8.self)
    }

    /// A NOT NULL text column; a NULL there is a store not made by Qanat's schema.
    func string(_ index: Int, _ name: StaticString) throws -> String {
        guard let text = text(index) else { throw NullColumn(name: "\(name)") }
        return text
    }

    func int64(_ index: Int) -> Int64 { sqlite3_column_int64(statement, Int32(index)) }
    func optionalInt(_ index: Int) -> Int? {
        sqlite3_column_type(statement, Int32(index)) == SQLITE_NULL
            ? nil : Int(sqlite3_column_int64(statement, Int32(index)))
    }
    func bool(_ index: Int) -> Bool { sqlite3_column_int64(statement, Int32(index)) != 0 }
}

enum StoredRows {
    /// Runs `sql` and decodes each row as it is stepped, its columns found once by name
    /// (`locate`) from the first row.
    static func fetch<Columns, Value>(
        _ db: Database, sql: String, arguments: StatementArguments,
        locate: (Row) throws -> Columns,
        decode: (StoredColumns, Columns) throws -> Value
    ) throws -> [Value] {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let rows = try Row.fetchCursor(statement)
        let columns = StoredColumns(statement: statement.sqliteStatement)
        var located: Columns?
        var values: [Value] = []
        while let row = try rows.next() {
            let positions = try located ?? locate(row)
            located = positions
            values.append(try decode(columns, positions))
        }
        return values
    }
}

/// A column Qanat's schema declares NOT NULL held NULL: the store was written by something else.
struct NullColumn: Error, CustomStringConvertible {
    let name: String
    var description: String { "column \(name) is NULL in the rows read, where the store's schema forbids it" }
}
