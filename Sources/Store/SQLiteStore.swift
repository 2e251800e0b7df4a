import Foundation
import GRDB
import GRDBSQLite
import QanatCore

/// The shared store: one SQLite file in WAL mode that desks, walls and command-line verbs
/// open at once. Writes are short `BEGIN IMMEDIATE` transactions with a busy timeout; the
/// journal, not the store, is what makes a write durable, so the store syncs at NORMAL.
public final class SQLiteStore: Sendable {
    public let path: String
    let pool: DatabasePool

    public struct Options: Sendable {
        public var readOnly = false
        /// How long a write waits for another process's transaction before giving up.
        public var busyTimeout: TimeInterval = 5
        /// Make the store when there is none: only `qanat init` and the demo (and test fixtures) ask.
        public var create = false
        /// Opened by the store's service (or by root setting it up): the one writer of a service store.
        public var asService = false
        public init(
            readOnly: Bool = false, busyTimeout: TimeInterval = 5, create: Bool = false, asService: Bool = false
        ) {
            self.readOnly = readOnly
            self.busyTimeout = busyTimeout
            self.create = create
            self.asService = asService
        }
    }

    /// Makes the store at `path` if there is none, and opens it.
    public static func create(path: String, options: Options = Options()) throws(StoreError) -> SQLiteStore {
        var options = options
        options.create = true
        return try SQLiteStore(path: path, options: options)
    }

    /// Whether a store is at `path`: a file SQLite has written (an empty file is not one).
    public static func exists(at path: String) -> Bool {
        if case .present = presence(at: path) { true } else { false }
    }

    /// What is at `path`, for an error that names it: nothing, a store, a store this user may not
    /// read, or something that is no file (a directory, a device).
    public enum Presence: Equatable, Sendable {
        case present, missing
        case unreadable(reason: String)
        case notAFile(kind: String)
    }

    public static func presence(at path: String) -> Presence {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            return code == ENOENT || code == ENOTDIR ? .missing : .unreadable(reason: String(cString: strerror(code)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .notAFile(kind: "a directory")
        case S_IFCHR, S_IFBLK: return .notAFile(kind: "a device")
        case S_IFIFO: return .notAFile(kind: "a pipe")
        case S_IFSOCK: return .notAFile(kind: "a socket")
        default: return .notAFile(kind: "not a regular file")
        }
        guard info.st_size > 0 else { return .missing }
        guard access(path, R_OK) == 0 else { return .unreadable(reason: String(cString: strerror(errno))) }
        return .present
    }

    /// Throws `.notAStore` when the database at `path` holds tables but none of Qanat's migrations:
    /// another program's, which `init` must not take over. Read without writing to it.
    public static func requireQanatSchema(at path: String) throws(StoreError) {
        var config = Configuration()
        config.readonly = true
        let tables: [String]
        do {
            tables = try DatabaseQueue(path: path, configuration: config).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
        guard tables.isEmpty || tables.contains("grdb_migrations") else {
            throw .notAStore(
                path: path, reason: "another program's SQLite database (\(tables.prefix(3).joined(separator: ", "))…)")
        }
    }

    /// Throws what `presence` found when it is not a store to open.
    public static func requirePresent(at path: String) throws(StoreError) {
        switch presence(at: path) {
        case .present: return
        case .missing: throw .noStore(path: path)
        case .unreadable(let reason):
            throw .unavailable(
                path: path,
                reason:
                    "\(ProcessInfo.processInfo.userName) may not read it (\(reason)): an admin adds you to the store's group"
            )
        case .notAFile(let kind): throw .notAStore(path: path, reason: "it is \(kind)")
        }
    }

    /// A store a later release migrated is refused, by readers and writers alike: this release would
    /// read its tables wrongly and write rows its schema no longer means.
    static func refuseNewer(_ pool: DatabasePool, path: String) throws {
        let unknown = try pool.read { db in
            try Schema.migrator.appliedIdentifiers(db).subtracting(Schema.migrator.migrations)
        }
        guard unknown.isEmpty else { throw StoreError.newerRelease(path: path, migrations: unknown.sorted()) }
    }

    /// Opens (and for writers migrates) the store at `path`; makes it only when `options.create`.
    public init(path: String, options: Options = Options()) throws(StoreError) {
        self.path = path
        var config = Configuration()
        config.readonly = options.readOnly
        config.busyMode = .timeout(options.busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "qanat"
        config.prepareDatabase { db in try SearchRank.register(in: db) }
        if !options.readOnly {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Keep -wal and -shm when the last writer closes: a wall whose user may only read
                // the store's directory cannot create them, and one that could would own them and
                // lock other users' writers out.
                var persist: Int32 = 1
                sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            }
        }
        if !options.create || options.readOnly {
            try Self.requirePresent(at: path)
        } else if Self.exists(at: path) {
            // Made by init, it is migrated; any other database is left as it is, not taken over.
            try Self.requireQanatSchema(at: path)
        } else {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
                throw .unavailable(path: path, reason: "directory \(directory) does not exist")
            }
        }
        // Opening may itself meet SQLITE_BUSY (setting WAL writes), so it retries within the timeout.
        let deadline = Date().addingTimeInterval(options.busyTimeout)
        var opened: DatabasePool?
        while opened == nil {
            do {
                let pool = try DatabasePool(path: path, configuration: config)
                try Self.refuseNewer(pool, path: path)
                if !options.readOnly {
                    // A service store is written by its service alone, even where a mistake in modes
                    // would let another process: it is refused before anything is written.
                    if let owner = try pool.read(ServiceOwner.read), !owner.admits(asService: options.asService) {
                        throw StoreError.serviceOwned(path: path, owner: owner)
                    }
                    try Schema.migrator.migrate(pool)
                }
                opened = pool
            } catch {
                let mapped = StoreError.from(error, path: path)
                guard case .unavailable(_, let reason) = mapped, reason.hasPrefix("busy"), Date() < deadline else {
                    throw mapped
                }
                usleep(20_000)
            }
        }
        pool = opened!
        if options.readOnly {
            // A reader cannot migrate: an older store would fail later on a missing table.
            let current: Bool
            do { current = try pool.read { db in try Schema.migrator.hasCompletedMigrations(db) } } catch {
                throw StoreError.from(error, path: path)
            }
            guard current else {
                throw .unavailable(
                    path: path, reason: "it was made by an older qanat: run `qanat init` once to upgrade it")
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            if let pass = OnePass.current, pass.store === self { return try body(pass.database) }
            return try pool.read(body)
        } catch { throw StoreError.from(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try transaction { db in
            let result = try body(db)
            return (result, .commit)
        }
    }

    /// `body` in a transaction of its own — or, inside `inOnePass`, in a savepoint of the pass's.
    func transaction<T>(_ body: (Database) throws -> (T, Database.TransactionCompletion)) throws(StoreError) -> T {
        var result: T?
        do {
            try withoutActuallyEscaping(body) { body in
                let run = { (db: Database) in
                    let (value, completion) = try body(db)
                    result = value
                    return completion
                }
                if let pass = OnePass.current, pass.store === self {
                    try pass.database.inSavepoint { try run(pass.database) }
                } else {
                    try pool.writeWithoutTransaction { db in try db.inTransaction(.immediate) { try run(db) } }
                }
            }
        } catch { throw StoreError.from(error, path: path) }
        // A completed transaction has run `body`, which set the result.
        guard let result else { throw StoreError.failed(path: path, reason: "a transaction ended without a result") }
        return result
    }

    /// Runs `body` — any number of this store's reads and writes, on this thread — in one write
    /// transaction, each write in a savepoint of it: the service applies every journal a pass read
    /// with one commit, and each journal's batch (with its cursor) still stands or falls alone.
    /// Reads inside see the pass's own writes.
    public func inOnePass<T>(_ body: () throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try OnePass.$current.withValue(OnePass(store: self, database: db)) { try body() }
                return .commit
            }
            guard let result else { throw StoreError.failed(path: path, reason: "a pass ended without a result") }
            return result
        }
    }

    /// What a write is validated against: the agencies this store knows.
    public func writeContext() throws(StoreError) -> WriteContext {
        let codes = try read { db in try String.fetchAll(db, sql: "SELECT code FROM agencies") }
        return WriteContext(agencies: Set(codes.compactMap { try? AgencyCode($0) }))
    }

    /// The next incident reference for `year`. Numbers are taken from a counter in a write
    /// transaction, so two processes never get the same one, and are never reused. Applying an
    /// opening from any journal raises the counter past its number (see `Projector`).
    public func nextIncidentReference(year: Int64) throws(StoreError) -> IncidentReference {
        try write { db in
            let name = Self.counterName(year: year)
            let next =
                (try Int.fetchOne(db, sql: "SELECT value FROM counters WHERE name = ?", arguments: [name]) ?? 0) + 1
            try db.execute(sql: "INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", arguments: [name, next])
            // At a site the number follows its code: sites number without asking each other.
            return IncidentReference(year: year, number: next, site: try SiteRows.ownSite(in: db))
        }
    }

    static func counterName(year: Int64) -> String { "incident-\(year)" }

    public func setting(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws(StoreError) {
        try write { db in try Self.setSetting(key, value, in: db) }
    }

    /// A setting written within a transaction already open (with the events it goes with).
    static func setSetting(_ key: String, _ value: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// Of `ids`, those the store does not hold yet: a journal's backlog.
    public func absentEvents(_ ids: [String]) throws(StoreError) -> [String] {
        try read { db in
            var absent: [String] = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(ids.count, start + 500)])
                let present = Set(
                    try String.fetchAll(
                        db, sql: "SELECT id FROM events WHERE id IN \(Self.placeholders(chunk.count))",
                        arguments: StatementArguments(chunk)))
                absent += chunk.filter { !present.contains($0) }
            }
            return absent
        }
    }

    /// SQLite's own check of the file's structure ("ok" when sound), and the journal mode.
    public func health() throws(StoreError) -> (integrity: String, journalMode: String) {
        try read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA quick_check(1)") ?? "?",
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?"
            )
        }
    }

    /// How many events the store holds.
    public func eventCount() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0 }
    }
}

/// The transaction a pass holds open on this thread (`SQLiteStore.inOnePass`).
struct OnePass: @unchecked Sendable {
    let store: SQLiteStore
    let database: Database
    @TaskLocal static var current: OnePass?
}
