import Foundation

/// What `qanat backup` wrote beside the copies (`manifest.json`): each file with its SHA-256, size,
/// owner and mode, the store's digest at the backup's point, and which journal each copy was, so
/// that `restore` proves the copies unchanged and puts them back as they were.
public struct BackupManifest: Codable, Sendable, Equatable {
    public static let fileName = "manifest.json"
    public static let formatName = "qanat-backup"

    public var format = formatName
    public var version = 1
    /// The Qanat release that took it.
    public var qanat: String
    public var made: String
    /// The store's path when it was taken.
    public var source: String
    /// `SQLiteStore.recordDigest()` of the copy: equal to the source's at the backup's point.
    public var digest: String
    public var events: Int
    /// The service's user of a service store; nil for a store its members write.
    public var service: String?
    public var files: [File]
    /// The store's directory (".") and those beside it, with their owners and modes (`sha256` empty).
    public var directories: [File]
    /// The journals the store has cursors for, by the path ingest read them at, and their copies.
    public var journals: [Journal]

    public struct File: Codable, Sendable, Equatable {
        /// Relative to the backup's directory (and to the store's, once restored).
        public var path: String
        public var sha256: String
        public var bytes: Int64
        public var owner: String
        public var group: String
        /// Octal, e.g. "640".
        public var mode: String
    }

    public struct Journal: Codable, Sendable, Equatable {
        public var source: String
        public var copy: String
    }

    public static func read(from directory: String) throws(BackupError) -> BackupManifest {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .manifest(path: path, reason: "missing or unreadable: not a directory `qanat backup` made")
        }
        let manifest: BackupManifest
        do { manifest = try JSONDecoder().decode(BackupManifest.self, from: data) } catch {
            throw .manifest(path: path, reason: "not a backup manifest (\(error))")
        }
        guard manifest.format == formatName, manifest.version == 1 else {
            throw .manifest(path: path, reason: "format \(manifest.format) \(manifest.version), not \(formatName) 1")
        }
        for file in manifest.files + manifest.directories where file.path != "." && !Self.isPlain(file.path) {
            throw .manifest(path: path, reason: "names a file outside the backup: \(file.path)")
        }
        return manifest
    }

    /// A relative path inside the backup: no `..`, no absolute path, no empty part.
    static func isPlain(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.hasPrefix("/") && !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    func write(to directory: String) throws(BackupError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let path = directory + "/" + Self.fileName
        do {
            let data = try encoder.encode(self)
            try data.write(to: URL(fileURLWithPath: path))
        } catch { throw .manifest(path: path, reason: "cannot write it: \(error.localizedDescription)") }
        chmod(path, 0o600)
    }
}
