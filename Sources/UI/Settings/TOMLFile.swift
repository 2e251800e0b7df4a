import TOMLKit

/// What the TOML files Qanat reads (themes, the config file, exercise scenarios) share: the text
/// parsed with a syntax error's line, and keys a file does not know refused, naming the key and
/// the keys it may hold — a misspelt setting must never be silently ignored.
public enum TOMLFile {
    /// Why a file was refused; each reader puts its file's name before it.
    public struct Problem: Error, Sendable {
        public let reason: String
    }

    public static func table(_ text: String) throws(Problem) -> TOMLTable {
        do { return try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw Problem(reason: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw Problem(reason: "\(error)")
        }
    }

    /// Refuses the first key of `table` not in `allowed`: at the top of a file as "unknown NOUN
    /// 'KEY'; NOUNs: …", inside a table at `path` as "PATH.KEY: unknown key; keys: …".
    public static func refuseUnknownKeys(
        _ table: TOMLTable, allowed: [String], at path: String = "",
        noun: String = "key"
    ) throws(Problem) {
        guard let unknown = table.keys.sorted().first(where: { !allowed.contains($0) }) else { return }
        let list = allowed.joined(separator: ", ")
        throw Problem(
            reason: path.isEmpty
                ? "unknown \(noun) '\(unknown)'; \(noun)s: \(list)" : "\(path).\(unknown): unknown key; keys: \(list)")
    }
}
