import ArgumentParser
import Foundation
import QanatStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the store and the journal (group-writable, 0660), with the seeded agencies.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let fm = FileManager.default
        for path in [store.databasePath, store.journalPath] {
            let directory = (path as NSString).deletingLastPathComponent
            guard !directory.isEmpty, !fm.fileExists(atPath: directory) else { continue }
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o770])
            } catch {
                throw CLIError.storeUnavailable("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        let opened: SQLiteStore
        do { opened = try SQLiteStore(path: store.databasePath) } catch { throw CLIError.from(error) }
        if !fm.fileExists(atPath: store.journalPath) {
            _ = fm.createFile(atPath: store.journalPath, contents: nil, attributes: [.posixPermissions: 0o660])
        }
        // Members of the store's group write it too; SQLite's -wal and -shm follow its mode.
        for path in [store.databasePath, store.databasePath + "-wal", store.databasePath + "-shm", store.journalPath]
        where fm.fileExists(atPath: path) {
            chmod(path, 0o660)
        }
        do {
            if try opened.setting("created_at") == nil { try opened.setSetting("created_at", Clock.now().rfc3339) }
            let agencies = try opened.agencies().count
            print("store:   \(store.databasePath)")
            print("journal: \(store.journalPath)")
            print("agencies: \(agencies)")
        } catch { throw CLIError.from(error) }
    }
}
