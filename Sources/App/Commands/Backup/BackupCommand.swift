import ArgumentParser
import Foundation
import QanatChannel
import QanatStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a live store, its journals and the service's files into DIR, with a manifest of SHA-256s.",
        discussion: """
            The store is copied with SQLite's online backup from one read snapshot, so writers and the service \
            go on meanwhile; then each journal as it is, through its last complete line. manifest.json records \
            every file's SHA-256, size, owner and mode and the store's digest (`qanat digest`). DIR must be new \
            or empty; it is made 0700. On a service store run it as root or the service's user (they alone \
            read every journal). `qanat restore DIR --to PATH` makes a store from it.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "A new or empty directory for the backup.") var directory: String
    @Flag(help: "Print the result as JSON, and no progress.") var json = false

    func run() throws {
        try store.requireStore()
        if let owner = (try? SQLiteStore.serviceOwner(at: store.databasePath)) ?? nil,
            geteuid() != 0, geteuid() != owner.uid
        {
            throw CLIError.serviceOnly(
                "refused: a service store's journals are readable by their owners and \(owner.user) alone; "
                    + "run backup as root or \(owner.user); nothing was written")
        }
        let progress = ProgressLine(quiet: json)
        var backup = StoreBackup(storePath: store.databasePath, directory: directory)
        backup.progress = { done, total in progress.bytes(done: done, total: total) }
        let manifest: BackupManifest
        do { manifest = try backup.run(qanatVersion: Qanat.version, now: Clock.now().rfc3339) } catch {
            progress.finish()
            throw CLIError.from(error)
        }
        progress.finish()
        let bytes = manifest.files.reduce(Int64(0)) { $0 + $1.bytes }
        if json {
            print(
                jsonLine([
                    .string("backup", directory), .string("digest", manifest.digest),
                    .integer("events", manifest.events),
                    .integer("files", manifest.files.count), .integer("bytes", Int(bytes)),
                    .strings("skipped", backup.skipped),
                ]))
            return
        }
        print("backup:  \(terminalSafe(directory))")
        print("store:   \(manifest.events) events, digest \(manifest.digest)")
        print("files:   \(manifest.files.count) (\(ByteCount.text(bytes))), listed in \(BackupManifest.fileName)")
        for skipped in backup.skipped { print("skipped: \(terminalSafe(skipped))") }
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a new store at PATH from a backup: every file proved against its manifest first.",
        discussion: """
            Like init, demo and exercise start, restore makes a store; it never overwrites one. Each file's \
            SHA-256 is checked before anything is written; the journals go back beside the new store with the \
            owners and modes they had (ingest attributes a journal to its owner), so run it as root, or as the \
            one user who owns them all. The restored store's digest equals the backup's; ingest, or the \
            service, goes on from where the backup's store had read each journal.
            """)

    @Argument(help: "The directory `qanat backup` wrote.") var directory: String
    @Option(name: .customLong("to"), help: "Where the new store goes (its directory is made if missing).")
    var target: String
    @Flag(help: "Print the result as JSON, and no progress.") var json = false

    func run() throws {
        // A new store in a directory of its own, as init makes one: never a shared one such as /srv or a home.
        let place = (target as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: place),
            !InitCommand.isStoresOwn(place, database: target, ownedBy: nil)
        {
            throw CLIError.usage(
                "\(terminalSafe(place)) holds other files or is shared (a home, /, a sticky directory): restore makes a "
                    + "store in a directory of its own (give --to DIR/qanat.sqlite with a new DIR); nothing was written"
            )
        }
        let progress = ProgressLine(quiet: json)
        let restore = StoreRestore(backup: directory, storePath: target)
        var checking = restore
        checking.progress = { done, total in progress.bytes(done: done, total: total) }
        let manifest: BackupManifest
        do {
            manifest = try checking.check()
            let owners = try restore.owners(manifest)
            var placing = restore
            placing.progress = checking.progress
            try placing.place(manifest, owners: owners)
        } catch {
            progress.finish()
            throw CLIError.from(error)
        }
        progress.finish()
        let journals = JournalPlace.directory(beside: target)
        if let service = manifest.service, let uid = getpwnam(service)?.pointee.pw_uid,
            FileManager.default.fileExists(atPath: journals),
            let problem = JournalReaders.restrict(journals, service: uid)
        {
            FileHandle.standardError.write(
                Data("qanat restore: note: \(problem); members can read each other's journals\n".utf8))
        }
        if json {
            print(
                jsonLine([
                    .string("store", target), .string("digest", manifest.digest), .integer("events", manifest.events),
                    .integer("journals", manifest.journals.count),
                ]))
            return
        }
        print("store:   \(terminalSafe(target)) (\(manifest.events) events, digest \(manifest.digest), the backup's)")
        print("journals: \(manifest.journals.count), each read as far as the backup's store had read it")
        if let service = manifest.service {
            print("service: \(service) writes it: run `qanat serve --db \(terminalSafe(target))` as \(service)")
        }
    }
}

extension CLIError {
    static func from(_ error: BackupError) -> CLIError {
        switch error {
        case .store(let store): from(store)
        case .occupied, .owners: .usage(error.description)
        case .manifest, .changed, .nothing: .badData(error.description)
        case .system: .storeUnavailable(error.description)
        }
    }
}
