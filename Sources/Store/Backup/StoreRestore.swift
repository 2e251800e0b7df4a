import Foundation
import GRDB
import QanatJournal

/// `qanat restore`: a new store from a backup. Every copy is proved against the manifest before
/// anything is written; the files go back beside the new store with the owners and modes they had
/// (ingest attributes a journal to its owner), the cursors follow the journals to their new paths
/// with the anchors they held, and the restored store's digest is the backup's.
public struct StoreRestore {
    public let backup: String
    public let storePath: String
    /// Told of the bytes done and the bytes in all, as they go.
    public var progress: (Int64, Int64) -> Void = { _, _ in }

    public init(backup: String, storePath: String) {
        self.backup = backup
        self.storePath = storePath
    }

    /// Where a file of the backup goes: the store and its vault under the new store's name, the rest
    /// beside it under the same relative path.
    func target(of relative: String) -> String {
        let directory = (storePath as NSString).deletingLastPathComponent
        if relative == StoreBackup.storeFile { return storePath }
        if relative == StoreBackup.storeFile + ".vault" { return storePath + ".vault" }
        return relative == "." ? directory : directory + "/" + relative
    }

    /// Reads the manifest and proves every file it lists unchanged; names the first that is not.
    /// The backup must be one only root or this user could have changed: its manifest is what
    /// restore trusts for owners and modes.
    public func check() throws(BackupError) -> BackupManifest {
        try Self.requireTrusted(backup, what: "the backup")
        try Self.requireTrusted(backup + "/" + BackupManifest.fileName, what: "the backup's manifest")
        let manifest = try BackupManifest.read(from: backup)
        for file in manifest.files {
            var part = backup
            for component in file.path.split(separator: "/") {
                part += "/" + component
                try Self.requireTrusted(part, what: "the backup's \(file.path)")
            }
        }
        let listed = Set(manifest.files.map(\.path))
        for journal in manifest.journals where !listed.contains(journal.copy) {
            throw .manifest(
                path: backup + "/" + BackupManifest.fileName,
                reason: "names a journal it does not hold: \(journal.copy)")
        }
        let total = manifest.files.reduce(Int64(0)) { $0 + $1.bytes }
        var done: Int64 = 0
        for file in manifest.files {
            let found: FileCopy.Copied
            do {
                found = try FileCopy.sha256(of: backup + "/" + file.path) { bytes in
                    done += Int64(bytes)
                    progress(done, total)
                }
            } catch {
                throw .changed(file: backup + "/" + file.path, reason: "gone or unreadable since the backup (\(error))")
            }
            guard found.bytes == file.bytes, found.sha256 == file.sha256 else {
                throw .changed(
                    file: backup + "/" + file.path,
                    reason: "changed since the backup: \(found.bytes) bytes, SHA-256 \(found.sha256.prefix(16))…; "
                        + "the manifest says \(file.bytes) bytes, \(file.sha256.prefix(16))…")
            }
        }
        return manifest
    }

    /// A directory or a regular file (never a link) of root's or this user's, that no one else may write.
    static func requireTrusted(_ path: String, what: String) throws(BackupError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .changed(file: path, reason: "gone") }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFDIR || kind == S_IFREG else {
            throw .changed(file: path, reason: "\(what) holds a link or a special file: not restored from")
        }
        guard info.st_uid == 0 || info.st_uid == geteuid(), info.st_mode & 0o022 == 0 else {
            throw .changed(
                file: path,
                reason: "\(what) is \(UnixAccounts.userName(info.st_uid))'s or others may change it "
                    + "(\(String(info.st_mode & 0o7777, radix: 8))): a backup only root could have changed is restored")
        }
    }

    /// The owners and groups the backup names, as this host numbers them; throws naming each one
    /// it lacks, or when this process may not give files to them.
    public func owners(_ manifest: BackupManifest) throws(BackupError) -> [String: (uid_t, gid_t)] {
        var found: [String: (uid_t, gid_t)] = [:]
        var missing: [String] = []
        for file in manifest.files + manifest.directories {
            let user = getpwnam(file.owner)?.pointee.pw_uid
            let group = getgrnam(file.group)?.pointee.gr_gid
            if user == nil { missing.append("user \(file.owner)") }
            if group == nil { missing.append("group \(file.group)") }
            if let user, let group { found[file.path] = (user, group) }
        }
        if !missing.isEmpty {
            let names = Array(Set(missing)).sorted().joined(separator: ", ")
            throw .owners(
                "the backup's files belong to \(names), not on this host: make them first; nothing was written")
        }
        if geteuid() != 0, let other = found.values.first(where: { $0.0 != geteuid() }) {
            throw .owners(
                "restore gives each journal back to its owner (\(UnixAccounts.userName(other.0)) among them), "
                    + "on which ingest's authority rests: run it as root; nothing was written")
        }
        return found
    }

    /// Puts the proved files in place, refusing a path that holds anything, then follows each
    /// journal's cursor to its copy, and gives every file and directory its owner and mode.
    public func place(_ manifest: BackupManifest, owners: [String: (uid_t, gid_t)]) throws(BackupError) {
        let fm = FileManager.default
        for file in manifest.files {
            let target = target(of: file.path)
            var info = stat()
            if lstat(target, &info) == 0 {
                throw .occupied(path: target, what: "exists: restore makes a new store and overwrites nothing")
            }
        }
        for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: storePath + suffix) {
            throw .occupied(path: storePath + suffix, what: "exists: restore makes a new store and overwrites nothing")
        }
        let directory = (storePath as NSString).deletingLastPathComponent
        do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
            throw .system(path: directory, operation: "mkdir", code: EACCES)
        }
        let total = manifest.files.reduce(Int64(0)) { $0 + $1.bytes }
        var done: Int64 = 0
        for file in manifest.files {
            let target = target(of: file.path)
            let parent = (target as NSString).deletingLastPathComponent
            if !fm.fileExists(atPath: parent) {
                guard mkdir(parent, 0o700) == 0 else { throw .system(path: parent, operation: "mkdir", code: errno) }
            }
            _ = try FileCopy.copy(backup + "/" + file.path, to: target, wholeLines: false) { bytes in
                done += Int64(bytes)
                progress(done, total)
            }
        }
        try followCursors(manifest)
        for file in manifest.files {
            guard let (uid, gid) = owners[file.path] else { continue }
            // A file's permission bits only: never set-user-ID, set-group-ID or sticky.
            let mode = (mode_t(file.mode, radix: 8) ?? 0o600) & 0o777
            let target = target(of: file.path)
            chown(target, uid, gid)
            chmod(target, mode)
            // SQLite's own files beside the store are the store's, as init keeps them.
            if file.path == StoreBackup.storeFile {
                for suffix in ["-wal", "-shm"] where fm.fileExists(atPath: target + suffix) {
                    chown(target + suffix, uid, gid)
                    chmod(target + suffix, mode)
                }
            }
        }
        for entry in manifest.directories {
            guard let (uid, gid) = owners[entry.path], let given = mode_t(entry.mode, radix: 8) else { continue }
            let mode = given & 0o3777  // a directory may be set-group-ID and sticky, never set-user-ID
            let target = target(of: entry.path)
            if !fm.fileExists(atPath: target) { mkdir(target, 0o700) }
            chown(target, uid, gid)
            chmod(target, mode)
        }
        // A journal kept from outside journals/ is read by the service beside the store.
        let others = target(of: StoreBackup.otherJournals)
        if let store = owners[StoreBackup.storeFile], fm.fileExists(atPath: others) {
            chown(others, store.0, store.1)
            chmod(others, 0o2750)
        }
    }

    /// Each cursor the backup names moves to its journal's copy, keeping how far ingest read and
    /// the anchor's hash: the restored journals verify against it, and ingest goes on from there.
    /// On a service store the service's user is numbered as this host numbers it.
    private func followCursors(_ manifest: BackupManifest) throws(BackupError) {
        do {
            // A backup an older release took is migrated as it opens: its digest is then today's schema's.
            var readOnly = Configuration()
            readOnly.readonly = true
            let current = try DatabaseQueue(path: storePath, configuration: readOnly).read { db in
                try Schema.migrator.hasCompletedMigrations(db)
            }
            let store = try SQLiteStore(path: storePath, options: .init(asService: true))
            let digest = try store.recordDigest()
            guard digest == manifest.digest || !current else {
                throw BackupError.changed(
                    file: storePath,
                    reason: "the restored store's digest \(digest.prefix(16))… is not the backup's "
                        + "\(manifest.digest.prefix(16))…")
            }
            try store.write { db in
                for journal in manifest.journals {
                    let path = target(of: journal.copy)
                    guard let (identity, _) = JournalScanner.identity(at: path) else { continue }
                    try db.execute(
                        sql: "UPDATE journal_cursors SET path = ?, device = ?, inode = ? WHERE path = ?",
                        arguments: [
                            path, Int64(bitPattern: identity.device), Int64(bitPattern: identity.inode),
                            journal.source,
                        ])
                }
            }
            if let owner = try store.serviceOwner(), let entry = getpwnam(owner.user), entry.pointee.pw_uid != owner.uid
            {
                try store.setServiceOwner(ServiceOwner(user: owner.user, uid: entry.pointee.pw_uid))
            }
        } catch let error as BackupError {
            throw error
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.from(error, path: storePath))
        }
    }
}
