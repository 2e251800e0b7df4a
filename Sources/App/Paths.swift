import ArgumentParser
import Foundation

/// Where the store and the journal are: `--db`/`--journal`, else `QANAT_DB`/`QANAT_JOURNAL`,
/// else under `$XDG_DATA_HOME/qanat` (`~/.local/share/qanat`).
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The shared SQLite store (env QANAT_DB).")
    var database: String?

    @Option(help: "This process's journal (env QANAT_JOURNAL).")
    var journal: String?

    @Option(name: .customLong("wait"), help: "Seconds a write waits for a busy store before keeping the event in the journal.")
    var busyTimeout: Double = 5

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    static var dataDirectory: String {
        let env = environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/qanat" }
        return (env["HOME"] ?? NSHomeDirectory()) + "/.local/share/qanat"
    }

    var databasePath: String {
        database ?? Self.environment["QANAT_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.dataDirectory + "/qanat.sqlite"
    }

    var journalPath: String {
        journal ?? Self.environment["QANAT_JOURNAL"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.dataDirectory + "/journal.jsonl"
    }
}

/// Who is acting: the officer's name and the Unix user are recorded on every event.
struct OfficerOptions: ParsableArguments {
    @Option(help: "The officer's name as recorded on the event (env QANAT_OFFICER; default: the Unix user).")
    var officer: String?

    var officerName: String {
        officer ?? StoreOptions.environment["QANAT_OFFICER"].flatMap { $0.isEmpty ? nil : $0 } ?? UnixUser.current
    }
}

enum UnixUser {
    static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return String(geteuid())
    }
}

/// The acting agency for commands where it is not the subject: `--agency`, else `QANAT_AGENCY`, else MOI.
func actingAgency(_ option: String?) -> String {
    option ?? StoreOptions.environment["QANAT_AGENCY"].flatMap { $0.isEmpty ? nil : $0 } ?? "MOI"
}
