import Foundation

/// Why a backup, a restore or an archive stopped, naming the file and what was wrong with it.
/// Nothing the command made is left half-done: a backup or a restore stops before it is usable.
public enum BackupError: Error, CustomStringConvertible, Sendable {
    case system(path: String, operation: String, code: Int32)
    /// The place given already holds something a command that makes a new copy must not overwrite.
    case occupied(path: String, what: String)
    /// The backup's manifest is missing or cannot be read as one.
    case manifest(path: String, reason: String)
    /// A file is not what the manifest recorded: changed, cut short or gone since the backup.
    case changed(file: String, reason: String)
    /// Restore keeps each journal's owner; a user or group the backup names is not on this host, or
    /// this process may not give files to them.
    case owners(String)
    case store(StoreError)
    /// Nothing to do: a month with no journal line.
    case nothing(String)

    public var description: String {
        switch self {
        case .system(let path, let operation, let code):
            "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        case .occupied(let path, let what): "\(path) \(what); nothing was written"
        case .manifest(let path, let reason): "\(path): \(reason)"
        case .changed(let file, let reason): "\(file): \(reason)"
        case .owners(let reason): reason
        case .store(let error): error.description
        case .nothing(let why): why
        }
    }
}
