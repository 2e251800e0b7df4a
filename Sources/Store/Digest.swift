import Crypto
import Foundation
import GRDB
import QanatCore
import QanatJournal

extension SQLiteStore {
    /// A SHA-256 over every projection row in key order: equal digests, equal state. This is how
    /// `rebuild` proves the incremental and the rebuilt projections are the same. The tables come
    /// from the store's own schema (`Schema.digestedTables`), so a new projection is digested
    /// from the migration that makes it. Each value is hashed as its text, as `rebuild` has always
    /// printed it, so a digest an administrator noted from an earlier release still compares.
    public func projectionDigest() throws(StoreError) -> String {
        try read { db in try Self.digest(db, tables: try Schema.digestedTables(db), as: .text) }
    }

    /// The whole record's digest: every event (by id, without the store's own sequence and receipt
    /// stamp, which differ between copies that hold the same events) and every projection. Two
    /// stores with equal digests hold the same record; `qanat digest` prints it, and a backup and
    /// its restore are compared by it.
    public func recordDigest() throws(StoreError) -> String {
        try read { db in
            var hasher = SHA256()
            try Self.hash(
                Row.fetchCursor(
                    db,
                    sql: "SELECT id, at, type, agency, officer, user, subject, subject2, data FROM events ORDER BY id"),
                as: .typed, into: &hasher)
            hasher.update(
                data: Array(try Self.digest(db, tables: try Schema.digestedTables(db), as: .typed).utf8))
            return hasher.finalize().hexString
        }
    }

    /// How a value goes into a digest: as its text (the projection digest `rebuild` prints, the same
    /// since the first release), or as its type, its length where it has one, and its bytes —
    /// unambiguous whatever a text holds, and read without formatting a value as text, so the
    /// record's digest of a store of millions of events takes seconds, not minutes.
    enum ValueForm { case text, typed }

    /// The digest over these tables, each in the order its key gives.
    static func digest(_ db: Database, tables: [(name: String, order: String)], as form: ValueForm) throws -> String {
        var hasher = SHA256()
        for (table, order) in tables {
            hasher.update(data: Array(table.utf8))
            try hash(Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)"), as: form, into: &hasher)
        }
        return hasher.finalize().hexString
    }

    /// Each row's values in `form`, each row ended by a record separator; the bytes go to the hash
    /// in pieces of 64 KiB.
    private static func hash(_ rows: RowCursor, as form: ValueForm, into hasher: inout SHA256) throws {
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 17)
        func append(_ number: UInt64) {
            withUnsafeBytes(of: number.bigEndian) { pending.append(contentsOf: $0) }
        }
        while let row = try rows.next() {
            for value in row.databaseValues {
                guard form == .typed else {
                    pending.append(contentsOf: value.description.utf8)
                    pending.append(0x1F)
                    continue
                }
                switch value.storage {
                case .null: pending.append(0)
                case .int64(let number):
                    pending.append(1)
                    append(UInt64(bitPattern: number))
                case .double(let number):
                    pending.append(2)
                    append(number.bitPattern)
                case .string(let text):
                    pending.append(3)
                    append(UInt64(text.utf8.count))
                    pending.append(contentsOf: text.utf8)
                case .blob(let bytes):
                    pending.append(4)
                    append(UInt64(bytes.count))
                    pending.append(contentsOf: bytes)
                }
            }
            pending.append(0x1E)
            if pending.count >= 1 << 16 {
                hasher.update(data: pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(data: pending)
    }
}
