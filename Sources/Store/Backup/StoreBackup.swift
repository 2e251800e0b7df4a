import Foundation
import GRDB
import QanatJournal

/// `qanat backup`: a consistent copy of a live store — SQLite's online backup, every page from one
/// read snapshot, so writers go on meanwhile — then the journals as they are after it (each through
/// its last complete line, so every line the copy's cursors passed is in it), the service's files,
/// and a manifest of what each file was.
public struct StoreBackup {
    public let storePath: String
    public let directory: String
    /// Told of the bytes done and the bytes in all, as they go.
    public var progress: (Int64, Int64) -> Void = { _, _ in }
    /// What was left out, and why (a link planted among the journals).
    public private(set) var skipped: [String] = []

    public static let storeFile = "qanat.sqlite"
    public static let otherJournals = "other-journals"

    public init(storePath: String, directory: String) {
        self.storePath = storePath
        self.directory = directory
    }

    public mutating func run(qanatVersion: String, now: String) throws(BackupError) -> BackupManifest {
        let fm = FileManager.default
        let source: SQLiteStore
        do { source = try SQLiteStore(path: storePath, options: .init(readOnly: true)) } catch { throw .store(error) }
        let held = try ownDirectory()
        defer { close(held) }
        // Every file goes into the directory held open, whatever is done to its path meanwhile.
        let directory = "/proc/self/fd/\(held)"
        guard mkdir(directory + "/journals", 0o700) == 0 else {
            throw .system(path: self.directory + "/journals", operation: "mkdir", code: errno)
        }
        let journals = StoreFiles.journals(beside: storePath)
        let cursors: [String]
        do { cursors = try source.journalCursorPaths() } catch { throw .store(error) }
        // The files beside the store besides the database: the journals first, then the service's.
        var plan: [(from: String, to: String, wholeLines: Bool)] = []
        // Journals and their rejects only: a member may put anything in journals/.
        for name in Self.names(in: journals) where name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.rejects") {
            plan.append((journals + "/" + name, "journals/" + name, true))
        }
        for name in Self.names(in: StoreFiles.rejects(beside: storePath)) where name.hasSuffix(".rejects") {
            plan.append((StoreFiles.rejects(beside: storePath) + "/" + name, "rejects/" + name, true))
        }
        let serviceJournal = StoreFiles.serviceJournal(beside: storePath)
        if fm.fileExists(atPath: serviceJournal) { plan.append((serviceJournal, "service.jsonl", true)) }
        let vault = storePath + ".vault"
        if fm.fileExists(atPath: vault) { plan.append((vault, Self.storeFile + ".vault", false)) }
        // A journal ingest reads outside journals/ (a gateway's) is kept too, under other-journals/.
        let canonicalJournals = JournalIngest.canonical(journals)
        for (index, path) in cursors.enumerated()
        where JournalIngest.canonical((path as NSString).deletingLastPathComponent) != canonicalJournals
            && JournalIngest.canonical(path) != JournalIngest.canonical(serviceJournal)
            && fm.fileExists(atPath: path)
        {
            plan.append((path, "\(Self.otherJournals)/\(index + 1)-\((path as NSString).lastPathComponent)", true))
        }
        let pageBytes = (try? Self.pageCountAndSize(source)) ?? (0, 0)
        let total = pageBytes.0 * pageBytes.1 + plan.reduce(Int64(0)) { sum, item in sum + Self.size(item.from) }
        var done: Int64 = 0
        progress(done, total)

        let copy = directory + "/" + Self.storeFile
        try snapshot(source, to: copy, pageSize: pageBytes.1) { pages in
            done = pages * pageBytes.1
            progress(done, total)
        }
        let (digest, events, service) = try Self.describe(copy)
        var files: [BackupManifest.File] = []
        files.append(try Self.entry(Self.storeFile, FileCopy.sha256(of: copy), like: storePath))
        for item in plan {
            let target = directory + "/" + item.to
            let parent = (target as NSString).deletingLastPathComponent
            if !fm.fileExists(atPath: parent) { mkdir(parent, 0o700) }
            do {
                let copied = try FileCopy.copy(item.from, to: target, wholeLines: item.wholeLines) { bytes in
                    done += Int64(bytes)
                    progress(done, total)
                }
                files.append(Self.entry(item.to, copied))
            } catch {
                guard case .changed(_, let reason) = error else { throw error }
                skipped.append("\(item.from): \(reason)")
            }
        }
        let restoredJournals = Dictionary(
            plan.map { (JournalIngest.canonical($0.from), $0.to) }, uniquingKeysWith: { first, _ in first })
        let copied = Set(files.map(\.path))
        let journalsCopied = cursors.compactMap { path -> BackupManifest.Journal? in
            guard let to = restoredJournals[JournalIngest.canonical(path)], copied.contains(to) else { return nil }
            return BackupManifest.Journal(source: path, copy: to)
        }
        let manifest = BackupManifest(
            qanat: qanatVersion, made: now, source: storePath, digest: digest, events: events, service: service,
            files: files, directories: Self.directories(beside: storePath), journals: journalsCopied)
        try manifest.write(to: directory)
        return manifest
    }

    /// The backup's own directory, held open: one made here (its parents as `mkdir -p` makes them),
    /// or an empty one of this user's that no one else may open. A directory a member made, or may
    /// write, would let them swap what root writes into for a link to anywhere.
    private func ownDirectory() throws(BackupError) -> Int32 {
        var info = stat()
        if lstat(directory, &info) != 0 {
            let parent = (directory as NSString).deletingLastPathComponent
            if !parent.isEmpty {
                try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            guard mkdir(directory, 0o700) == 0 else { throw .system(path: directory, operation: "mkdir", code: errno) }
        } else if info.st_mode & S_IFMT != S_IFDIR {
            throw .occupied(path: directory, what: "is not a directory: a backup goes into a new directory")
        }
        let held = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard held >= 0 else { throw .system(path: directory, operation: "open", code: errno) }
        guard fstat(held, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 == 0 else {
            close(held)
            throw .occupied(
                path: directory,
                what:
                    "is \(UnixAccounts.userName(info.st_uid))'s, mode \(String(info.st_mode & 0o7777, radix: 8)): a backup goes "
                    + "into a new directory, or an empty one of yours no one else may open (0700)")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd/\(held)")) ?? []
        guard entries.isEmpty else {
            close(held)
            throw .occupied(path: directory, what: "already holds files: a backup goes into a new or empty directory")
        }
        return held
    }

    /// Every page from one read transaction: however long the copy takes, it is the store at one
    /// moment. The copy is then made a single file (no WAL), so the backup is its files alone.
    private func snapshot(_ source: SQLiteStore, to copy: String, pageSize: Int64, pages: (Int64) -> Void)
        throws(BackupError)
    {
        do {
            let destination = try DatabaseQueue(path: copy)
            try withoutActuallyEscaping(pages) { pages in
                try destination.writeWithoutTransaction { target in
                    try source.pool.read { db in
                        try db.backup(to: target, pagesPerStep: 4096) { step in
                            pages(Int64(step.completedPageCount))
                        }
                    }
                }
            }
            try destination.close()
        } catch { throw .store(.from(error, path: copy)) }
        chmod(copy, 0o600)
    }

    /// The copy's digest, events and service, read as the store's own writer reads (the copy is as
    /// current as the store it came from); then the copy is made one file, without a WAL beside it.
    private static func describe(_ copy: String) throws(BackupError) -> (String, Int, String?) {
        do {
            let described = try {
                let store = try SQLiteStore(path: copy, options: .init(asService: true))
                return (try store.recordDigest(), try store.eventCount(), try store.serviceOwner()?.user)
            }()
            let queue = try DatabaseQueue(path: copy)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
            for suffix in ["-wal", "-shm"] { unlink(copy + suffix) }
            return described
        } catch let error as StoreError {
            throw .store(error)
        } catch { throw .store(.from(error, path: copy)) }
    }

    private static func pageCountAndSize(_ store: SQLiteStore) throws -> (Int64, Int64) {
        try store.pool.read { db in
            (
                try Int64.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                try Int64.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            )
        }
    }

    /// The store's directory and the store's directories in it, as they are.
    private static func directories(beside store: String) -> [BackupManifest.File] {
        let directory = (store as NSString).deletingLastPathComponent
        return [".", "journals", "rejects"].compactMap { name in
            var info = stat()
            guard lstat(directory + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            return entry(
                name, .init(sha256: "", bytes: 0, owner: info.st_uid, group: info.st_gid, mode: info.st_mode & 0o7777))
        }
    }

    /// Every name in `directory` (files, links, anything a member made): the caller chooses.
    static func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    private static func size(_ path: String) -> Int64 {
        var info = stat()
        return lstat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// The manifest's line for a copy: its hash and size, with the owner and mode of the file it copied.
    static func entry(_ path: String, _ copied: FileCopy.Copied) -> BackupManifest.File {
        BackupManifest.File(
            path: path, sha256: copied.sha256, bytes: copied.bytes, owner: UnixAccounts.userName(copied.owner),
            group: UnixAccounts.groupName(copied.group), mode: String(copied.mode, radix: 8))
    }

    private static func entry(_ path: String, _ hashed: FileCopy.Copied, like original: String) throws(BackupError)
        -> BackupManifest.File
    {
        var info = stat()
        guard stat(original, &info) == 0 else { throw .system(path: original, operation: "stat", code: errno) }
        var copied = hashed
        copied.owner = info.st_uid
        copied.group = info.st_gid
        copied.mode = info.st_mode & 0o7777
        return entry(path, copied)
    }
}
