import GRDB

/// Why the store could not do what was asked, with the path and SQLite's own words.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// Locked past the busy timeout, missing, unreadable or full: the event stays in the journal.
    case unavailable(path: String, reason: String)
    /// A query or an apply failed for another reason.
    case failed(path: String, reason: String)
    /// What was asked names something the store does not have.
    case notFound(what: String, key: String)
    /// A row in the store cannot be read back as an event (the store was edited by hand).
    case corruptEvent(id: String, reason: String)
    /// No store at the path: only `qanat init` (and the demo) make one, so that a mistyped path
    /// never splits one channel into two.
    case noStore(path: String)
    /// A file is at the path, but not a store: nothing is written to it, nor to the journal.
    case notAStore(path: String, reason: String)
    /// A service store: only its service writes it; others hand their events over in their journal.
    case serviceOwned(path: String, owner: ServiceOwner)

    /// Made or migrated by a later release of Qanat: this one neither reads nor writes it.
    case newerRelease(path: String, migrations: [String])

    public var description: String {
        switch self {
        case .unavailable(let path, let reason): "store \(path) unavailable: \(reason)"
        case .failed(let path, let reason): "store \(path): \(reason)"
        case .notFound(let what, let key): "no \(what) '\(key)'"
        case .corruptEvent(let id, let reason): "event \(id) in the store cannot be read: \(reason)"
        case .notAStore(let path, let reason):
            "\(path) is not a Qanat store (\(reason)); nothing was written. Check --db or QANAT_DB"
        case .serviceOwned(let path, let owner):
            "store \(path) is written by its service alone (\(owner.user)); other processes read it and write their journal"
        case .newerRelease(let path, let migrations):
            "store \(path) was migrated by a newer Qanat (\(migrations.joined(separator: ", "))); this release "
                + "neither reads nor writes it, so nothing was changed: install that release or a later one"
        case .noStore(let path):
            "no store at \(path); nothing was written. Check --db or QANAT_DB, or create it with `qanat init --db \(path)`"
        }
    }

    public var isUnavailable: Bool {
        if case .unavailable = self { return true }
        return false
    }

    static func from(_ error: Error, path: String) -> StoreError {
        if let store = error as? StoreError { return store }
        if let db = error as? DatabaseError {
            switch db.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .unavailable(path: path, reason: "busy (another process holds the write lock)")
            case .SQLITE_NOTADB:
                return .notAStore(path: path, reason: db.message ?? "not an SQLite database")
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_FULL, .SQLITE_IOERR:
                return .unavailable(path: path, reason: db.message ?? "\(db.resultCode)")
            default:
                return .failed(path: path, reason: db.message ?? "\(db.resultCode)")
            }
        }
        return .failed(path: path, reason: "\(error)")
    }
}
