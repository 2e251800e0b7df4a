import Crypto
import Foundation
import GRDB
import QanatCore
import QanatJournal

extension SQLiteStore {
    /// A SHA-256 over every projection row in key order: equal digests, equal state.
    /// This is how `rebuild` proves the incremental and the rebuilt projections are the same.
    public func projectionDigest() throws(StoreError) -> String {
        try read { db in
            var hasher = SHA256()
            let orderedTables = [
                ("agencies", "code"), ("incidents", "ref"), ("units", "call_sign"), ("assignments", "incident, unit"),
                ("messages", "id"), ("acknowledgements", "message, agency"),
                (PendingAcknowledgements.table, "message, agency"), (SearchIndex.table, "kind, key"), (Members.table, "user, officer"),
            ]
            for (table, key) in orderedTables {
                hasher.update(data: Array(table.utf8))
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(key)")
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
}
