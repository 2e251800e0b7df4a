import Foundation
import GRDB
import QanatCore

/// The Unix user whose service alone writes a shared store. `init --service` records it in the
/// store; from then on every other process reads the store and hands its events to the service
/// through its journal (Postfix's pickup, journald's clients), whatever the file modes allow.
public struct ServiceOwner: Equatable, Sendable, CustomStringConvertible {
    public var user: String
    public var uid: UInt32

    public init(user: String, uid: UInt32) {
        self.user = user
        self.uid = uid
    }

    /// The service's socket, in the store's directory (which only the service may write, so no
    /// one can plant another there): members ask it for references and wait on it.
    public static func socketPath(beside store: String) -> String { store + ".sock" }

    /// The service's vault: PIN hashes and desk sessions, readable by the service alone.
    public static func vaultPath(beside store: String) -> String { store + ".vault" }

    public var description: String { "\(user) (uid \(uid))" }

    /// Whether this process may open the store for writing: the service's user, or root setting
    /// the store up (`init`, a repair), and then only when it asks as the service.
    func admits(asService: Bool, effectiveUID: UInt32 = geteuid()) -> Bool {
        asService && (effectiveUID == uid || effectiveUID == 0)
    }

    static let setting = "service_user"

    /// "user:uid", as kept in the store's settings.
    var stored: String { "\(user):\(uid)" }

    init?(stored: String) {
        let parts = stored.split(separator: ":")
        guard parts.count == 2, let uid = UInt32(parts[1]) else { return nil }
        self.init(user: String(parts[0]), uid: uid)
    }

    /// Read before a writer touches the store: nil for an embedded store (or one too new to say).
    static func read(_ db: Database) throws -> ServiceOwner? {
        guard try db.tableExists("settings") else { return nil }
        return try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [setting])
            .flatMap(ServiceOwner.init(stored:))
    }
}

extension SQLiteStore {
    /// The service the store at `path` names, read whatever release made it (a store an earlier
    /// release made is not migrated by a look: `init` decides first whether it is a service store).
    public static func serviceOwner(at path: String) throws(StoreError) -> ServiceOwner? {
        do {
            var configuration = Configuration()
            configuration.readonly = true
            return try DatabaseQueue(path: path, configuration: configuration).read(ServiceOwner.read)
        } catch { throw StoreError.from(error, path: path) }
    }

    /// The service that alone writes this store; nil for an embedded store, which its members write.
    public func serviceOwner() throws(StoreError) -> ServiceOwner? {
        try read { db in try ServiceOwner.read(db) }
    }

    /// Makes this a service store: only `init --service`, as root or the service's user, asks.
    public func setServiceOwner(_ owner: ServiceOwner) throws(StoreError) {
        try setSetting(ServiceOwner.setting, owner.stored)
    }
}
