import ArgumentParser
import Foundation
import QanatCore
import QanatStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store and the journal (group-writable, 0660), with the seeded agencies; the user running it becomes the first admin.")

    @OptionGroup var store: StoreOptions
    @Option(help: "The first admin's agency.") var agency = "MOI"
    @Flag(help: "An exercise store: the desk and the wall say EXERCISE on every screen.") var exercise = false

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
        let agencies: Int
        let unmanaged: Bool
        do {
            if try opened.setting("created_at") == nil { try opened.setSetting("created_at", Clock.now().rfc3339) }
            if exercise { try opened.setSetting(SQLiteStore.exerciseSetting, "true") }
            agencies = try opened.agencies().count
            unmanaged = try opened.members().isEmpty
        } catch { throw CLIError.from(error) }
        if unmanaged {
            // A new store is managed from the start: whoever made it may add the others.
            try EventRecorder(options: store, officerName: UnixUser.current).record { actions in
                try actions.addMember(user: UnixUser.current, officer: nil, agency: agency, role: Role.admin.rawValue,
                                      shared: false, pinHash: nil)
            }
            print("admin:   \(UnixUser.current) (\(agency.uppercased()))")
        }
        print("store:   \(store.databasePath)")
        print("journal: \(store.journalPath)")
        print("agencies: \(agencies)")
    }
}
