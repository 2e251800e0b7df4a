import Foundation
import QanatUI
import TOMLKit

/// The host's settings for every user, `/etc/qanat/config.toml` (a package's conffile): where the
/// shared store is, so that members of an installed host need no `QANAT_DB`.
///
///     store = "/var/lib/qanat/qanat.sqlite"
///
/// Only root may change it: a file others could write would let them point everyone's writes at a
/// store of theirs, so such a file is refused, as is a key it does not know.
struct SystemConfig: Equatable {
    var store: String?

    static let defaultPath = "/etc/qanat/config.toml"

    /// `$QANAT_SYSTEM_CONFIG` (tests, a second instance), else `/etc/qanat/config.toml`.
    static var path: String {
        let given = ProcessInfo.processInfo.environment["QANAT_SYSTEM_CONFIG"] ?? ""
        return given.isEmpty ? defaultPath : given
    }

    /// The file's settings; none when there is no file. A wrong file stops the command, naming what
    /// is wrong: falling back to another store would split the channel in two.
    static func load(from path: String = path) throws(CLIError) -> SystemConfig {
        var info = stat()
        guard lstat(path, &info) == 0 else { return SystemConfig() }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .badData(
                "\(path): not a regular file (a link or a directory); the host's settings are a file of root's")
        }
        guard info.st_uid == 0, info.st_mode & 0o022 == 0 else {
            throw .badData(
                "\(path): others than root may change it (\(String(info.st_mode & 0o777, radix: 8)), "
                    + "owner \(info.st_uid)): `chown root:root \(path) && chmod 644 \(path)`")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .badData("\(path): cannot be read as UTF-8 text")
        }
        let table: TOMLTable
        do {
            table = try TOMLFile.table(text)
            try TOMLFile.refuseUnknownKeys(table, allowed: ["store"], noun: "setting")
        } catch { throw .badData("\(path): \(error.reason)") }
        guard let value = table["store"] else { return SystemConfig() }
        guard let store = value.string, store.hasPrefix("/") else {
            throw .badData("\(path): store: give the shared store's absolute path, as a string")
        }
        return SystemConfig(store: store)
    }
}
