import ArgumentParser
import Foundation
import QanatChannel
import QanatStore

/// Where the store and the journal are: `--db`/`--journal`, else `QANAT_DB`/`QANAT_JOURNAL`, else
/// the host's shared store (`/etc/qanat/config.toml`), else under `$XDG_DATA_HOME/qanat`
/// (`~/.local/share/qanat`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The shared SQLite store (env QANAT_DB).")
    var database: String?

    @Option(help: "This process's journal (env QANAT_JOURNAL).")
    var journal: String?

    @Option(
        name: .customLong("wait"),
        help: "Seconds a write waits for a busy store before keeping the event in the journal.")
    var busyTimeout: Double = 5

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var dataDirectory: String {
        let env = environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/qanat" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/qanat"
    }

    var databasePath: String {
        database ?? Environment.value("QANAT_DB") ?? Self.hostStore ?? Self.dataDirectory + "/qanat.sqlite"
    }

    /// The installed host's shared store, read once a process; a wrong settings file stops the
    /// command (exit 2).
    static let hostStore: String? = {
        switch Result(catching: { () throws(CLIError) in try SystemConfig.load().store }) {
        case .success(let store): return store
        case .failure(let error):
            FileHandle.standardError.write(Data("qanat: \(error.description)\n".utf8))
            Foundation.exit(error.exitCode)
        }
    }()

    /// The store opened for reading only (lists, reports, exports).
    func readingStore() throws(CLIError) -> any StoreReader {
        do { return try SQLiteStore.reader(at: databasePath) } catch { throw .from(error) }
    }

    /// Stops with exit 5 when no store is at the path: before a desk or wall takes the terminal.
    func requireStore() throws(CLIError) {
        do { try SQLiteStore.requirePresent(at: databasePath) } catch { throw .from(error) }
    }

    /// One journal per Unix user, by default in `journals/` beside the store, a file a month (`JournalPlace`).
    var journalTarget: JournalTarget {
        if let given = journal ?? Environment.value("QANAT_JOURNAL") { return .file(given) }
        return .monthly(directory: JournalPlace.directory(beside: databasePath), user: UnixUser.current)
    }

    var journalPath: String { journalTarget.path }
}

/// Who is acting: the officer's name and the Unix user are recorded on every event.
struct OfficerOptions: ParsableArguments {
    @Option(help: "The officer's name as recorded on the event (env QANAT_OFFICER; default: the Unix user).")
    var officer: String?

    var officerName: String { officer ?? Self.fromEnvironment }

    /// QANAT_OFFICER, else the Unix user: who writes when a command's `--officer` names someone else.
    static var fromEnvironment: String { Environment.value("QANAT_OFFICER") ?? UnixUser.current }
}
