import Crypto
import Foundation
import GRDB
import QanatCore
import QanatJournal

extension SQLiteStore {
    /// A SHA-256 over every projection row in key order: equal digests, equal state. This is how
    /// `rebuild` proves the incremental and the rebuilt projections are the same. The tables come
    /// from the store's own schema (`Schema.digestedTables`), so a new projection is digested
    /// from the migration that makes it.
    public func projectionDigest() throws(StoreError) -> String {
        try read { db in try Self.digest(db, tables: try Schema.digestedTables(db)) }
    }

    /// The digest over these tables, each in the order its key gives.
    static func digest(_ db: Database, tables: [(name: String, order: String)]) throws -> String {
        var hasher = SHA256()
        for (table, order) in tables {
            hasher.update(data: Array(table.utf8))
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            while let row = try rows.next() {
                for value in row.databaseValues {
                    hasher.update(data: Array(value.description.utf8))
                    hasher.update(data: [0x1F])
                }
                hasher.update(data: [0x1E])
            }
        }
        return hasher.finalize().hexString
    }
}
