import ArgumentParser
import Foundation
import QanatChannel
import QanatCore
import QanatStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract:
            "Create the store for a group (0660 in a 2770 directory), its journals/ directory (3770) and your journal (0640), with the seeded agencies; the user running it becomes the first admin.",
        discussion: """
            Members of the group can write the store and no one else can read it. Each Unix user writes \
            their own journal in journals/, which the others can read but not change or replace: ingest \
            attributes a journal's lines to its owner. With --service USER (run by root) only `qanat serve`, \
            running as USER, writes the store (0640 in 2750, USER's): members read it, and each journal is \
            readable by its owner and the service alone. Run it again to repair the modes.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The first admin's agency.") var agency = "MOI"
    @Flag(help: "An exercise store: the desk and the wall say EXERCISE on every screen.") var exercise = false
    @Option(help: "The Unix group whose members use the store (default: your primary group; with --service, USER's).")
    var group: String?
    @Option(
        name: .customLong("service"),
        help: "Make a service store (run by root): only USER's `qanat serve` writes it; the group reads it.")
    var serviceUser: String?
    @Option(
        help: """
            Make the store a site (with --service): its code (2-6 Latin letters, like BGZ) leads its \
            incident numbers, and `qanat serve --hub` relays its events through the hub.
            """)
    var site: String?
    /// For a command that makes a store as one step of its own (`exercise start`): nothing printed.
    @Flag(help: .private) var quiet = false

    func run() throws {
        let fm = FileManager.default
        var gid = getgid()
        if let group {
            guard let entry = getgrnam(group) else { throw CLIError.usage("--group: no Unix group '\(group)'") }
            gid = entry.pointee.gr_gid
        }
        var service = try serviceUser.map { user throws(CLIError) in try ServiceSetup(user: user, group: group) }
        let siteCode: SiteCode?
        do { siteCode = try site.map { try SiteCode($0) } } catch { throw CLIError.badData("--site: \(error)") }
        if service != nil, exercise {
            throw CLIError.usage("--service: an exercise store stays one its members write; nothing was changed")
        }
        // Run again on a service store, init keeps it one (root repairs its modes).
        if service == nil, let owner = (try? SQLiteStore.serviceOwner(at: store.databasePath)) ?? nil {
            guard geteuid() == 0 || geteuid() == owner.uid else {
                throw CLIError.serviceOnly(
                    "refused: \(store.databasePath) is written by its service alone (\(owner.user)); root or "
                        + "\(owner.user) runs init on it; nothing was changed")
            }
            var info = stat()
            let current = stat(store.databasePath, &info) == 0 ? info.st_gid : nil
            service = try ServiceSetup(user: owner.user, group: group, current: current)
        }
        if siteCode != nil, service == nil {
            throw CLIError.usage(
                "--site: a site's store is a service store: give --service USER too; nothing was changed")
        }
        if let service {
            gid = service.group
            if let unsafe = service.unsafeAncestor(of: store.databasePath) {
                throw CLIError.usage(
                    "--service: \(unsafe): whoever may change it could put another directory in the store's place; "
                        + "keep a service store under directories only root (or the service) may change; nothing was changed"
                )
            }
        }
        // A link at the store's path (or its WAL files') would have init convert, or give the group,
        // whatever it points at: another user's file. Init works on the real path, on files it made.
        for path in [store.databasePath, store.databasePath + "-wal", store.databasePath + "-shm"] {
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                throw CLIError.usage("\(terminalSafe(path)) is a link: give the store's real path; nothing was changed")
            }
        }
        if SQLiteStore.presence(at: store.databasePath) == .missing, fm.fileExists(atPath: store.databasePath) {
            throw CLIError.usage(
                "\(terminalSafe(store.databasePath)) is an empty file init did not make: remove it, then run init "
                    + "again; nothing was changed")
        }
        // Another program's database is refused before anything is made beside it.
        if SQLiteStore.exists(at: store.databasePath) {
            do { try SQLiteStore.requireQanatSchema(at: store.databasePath) } catch { throw CLIError.from(error) }
            // Run again, init upgrades and repairs a store; it never makes a real store an exercise's
            // (its banner, its marked reports and its drill alerts would then pass for the real ones).
            if exercise, (try? SQLiteStore.reader(at: store.databasePath).isExercise()) != true {
                throw CLIError.usage(
                    "--exercise: \(store.databasePath) is a real store and stays one; an exercise gets a new store "
                        + "(`qanat exercise start`, or `qanat init --exercise` on a new path); nothing was changed")
            }
        }
        let journals = JournalPlace.directory(beside: store.databasePath)
        var link = stat()
        if lstat(journals, &link) == 0, link.st_mode & S_IFMT != S_IFDIR {
            // A link or a file planted there would have init give its target to root and the group.
            throw CLIError.usage("\(journals) is not a directory (a link or a file): remove it, then run init again")
        }
        var created: [String] = []
        for path in [store.databasePath, store.journalPath] {
            let directory = (path as NSString).deletingLastPathComponent
            guard !directory.isEmpty, !fm.fileExists(atPath: directory) else { continue }
            do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw CLIError.storeUnavailable("cannot create \(directory): \(error.localizedDescription)")
            }
            created.append(directory)
        }
        // A directory init made is the group's: set-group-ID, so files SQLite creates later get the group.
        // Run again on a store, init repairs the store's directory too (never a shared one such as /tmp
        // or a home); a directory that held no store yet is left as its owner made it.
        let storeDirectory = (store.databasePath as NSString).deletingLastPathComponent
        let again = SQLiteStore.exists(at: store.databasePath) && !created.contains(storeDirectory)
        for directory in created
            + (again && Self.isStoresOwn(storeDirectory, database: store.databasePath) ? [storeDirectory] : [])
        {
            chown(directory, uid_t.max, gid)
            chmod(directory, 0o2770)
        }
        if service != nil, !created.contains(storeDirectory),
            !Self.isStoresOwn(storeDirectory, database: store.databasePath, ownedBy: nil)
        {
            throw CLIError.usage(
                "--service: \(storeDirectory) holds other files or is shared; a service store needs a directory of "
                    + "its own, which only the service may write; nothing was changed")
        }
        let opened: SQLiteStore
        do { opened = try SQLiteStore.create(path: store.databasePath, options: .init(asService: true)) } catch {
            throw CLIError.from(error)
        }
        // Every user's journal in one directory where each may add their own file and no one may
        // remove or replace another's (set-group-ID and sticky).
        if !fm.fileExists(atPath: journals) { mkdir(journals, 0o700) }
        // Journals are attributed to their owners only in a directory no member can swap them in:
        // root's. Run as root, init makes it so; run by anyone else, it says how.
        if geteuid() == 0 { chown(journals, 0, gid) }
        JournalPlace.seal(journals, group: gid)
        if !fm.fileExists(atPath: store.journalPath) {
            _ = fm.createFile(atPath: store.journalPath, contents: nil, attributes: [.posixPermissions: 0o640])
        }
        // Members of the store's group write it too, no one else reads it; SQLite's -wal and
        // -shm follow the store's mode, and Qanat's writers keep them for read-only walls. A
        // journal is its owner's alone to write; the group reads it for ingest.
        for (path, mode) in [
            (store.databasePath, 0o660), (store.databasePath + "-wal", 0o660), (store.databasePath + "-shm", 0o660),
            (store.journalPath, 0o640),
        ] as [(String, mode_t)]
        where fm.fileExists(atPath: path) {
            if group != nil { chown(path, uid_t.max, gid) }
            chmod(path, mode)
        }
        let agencies: Int
        let unmanaged: Bool
        let voided: [Member]
        do {
            if try opened.setting("created_at") == nil { try opened.setSetting("created_at", Clock.now().rfc3339) }
            if exercise { try opened.setSetting(SQLiteStore.exerciseSetting, "true") }
            if let service { try opened.setServiceOwner(service.owner) }
            if let siteCode { try opened.makeSite(siteCode) }
            agencies = try opened.agencies().count
            unmanaged = try opened.members().isEmpty
            // A hash in the store was readable by every member: on a service store it counts for nothing.
            voided =
                service == nil ? [] : try opened.members().filter { $0.pin != nil && $0.pin != Member.heldByService }
        } catch { throw CLIError.from(error) }
        if unmanaged {
            // A new store is managed from the start: whoever made it may add the others.
            // Recorded here, not handed to a service that may not run yet.
            let session = WriteSession(journalPath: store.journalPath, officer: UnixUser.current, store: opened)
            try EventRecorder(options: store, session: session).record { actions in
                try actions.addMember(
                    user: UnixUser.current, officer: nil, agency: agency, role: Role.admin.rawValue,
                    shared: false, pinHash: nil)
            }
            if !quiet { print("admin:   \(UnixUser.current) (\(agency.uppercased()))") }
        }
        // Last, once nothing more is written as this user: the store becomes the service's alone,
        // and each journal its owner's and the service's to read.
        service?.seal(store: store.databasePath)
        if let service, let problem = JournalReaders.restrict(journals, service: service.owner.uid) {
            FileHandle.standardError.write(
                Data(
                    "qanat init: note: \(problem); members can read each other's journals (`qanat doctor` says so)\n"
                        .utf8))
        }
        guard !quiet else { return }
        print("store:   \(store.databasePath)")
        if let service {
            print("service: \(service.owner.user) writes the store: run `qanat serve` as \(service.owner.user)")
        }
        if let siteCode { print("site:    \(siteCode): `qanat serve --hub URL` relays it through the hub") }
        print("journal: \(store.journalPath)")
        print("agencies: \(agencies)")
        if !voided.isEmpty {
            print(
                "pins:    void, set before the store had its service (their hashes were readable): "
                    + voided.map(\.key.description).joined(separator: ", ")
                    + "; with the service running, an admin sets a new, different PIN for each "
                    + "(`qanat member add USER --for-officer NAME … --pin`; `qanat doctor` names each)")
        }
        if let owner = JournalsDirectory.nonRootOwner(journals) {
            print(
                """
                note: \(journals) belongs to \(owner), not root. On a store other users share, ingest refuses their \
                journals there (\(owner) could replace them) until root owns it:
                  \(JournalsDirectory.fix(journals))
                """)
        }
    }

    /// A directory that is the store's own to set, its real path (links resolved) read: owned by
    /// `owner` (whoever runs init; anyone when root makes it a service's), holding nothing but the
    /// store's files and journals/, and neither the root, anyone's home, nor one others share by
    /// design (sticky, like /tmp).
    static func isStoresOwn(_ directory: String, database: String, ownedBy owner: uid_t? = geteuid()) -> Bool {
        guard !directory.isEmpty, let resolved = realpath(directory, nil) else { return false }
        defer { free(resolved) }
        let real = String(cString: resolved)
        var info = stat()
        guard real != "/", stat(real, &info) == 0, info.st_mode & S_ISVTX == 0, owner.map({ info.st_uid == $0 }) ?? true
        else {
            return false
        }
        setpwent()
        defer { endpwent() }
        while let entry = getpwent() {
            if let home = realpath(entry.pointee.pw_dir, nil) {
                defer { free(home) }
                if String(cString: home) == real { return false }
            }
        }
        let name = (database as NSString).lastPathComponent
        let storeFiles: Set<String> = [
            name, name + "-wal", name + "-shm", name + ".sock", name + ".vault", "journals", "rejects", "scenario.toml",
            "qanat.log", "." + name + "-litestream",
        ]
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? ["?"]
        return entries.allSatisfy { storeFiles.contains($0) || $0.hasSuffix(".jsonl") || $0.hasSuffix(".rejects") }
    }
}
