import GRDB
import QanatCore

/// The members projection: who may do what (see `Authority`). Folded from `member.added` and
/// `member.removed` events like any other subject, so `rebuild` restores it.
enum Members {
    static let table = "members"

    static func write(_ member: Member?, key: MemberKey, in db: Database) throws {
        guard let member else {
            try db.execute(
                sql: "DELETE FROM \(table) WHERE user = ? AND officer = ?", arguments: [key.user, key.officerKey])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO \(table) (user, officer, officer_name, agency, role, shared, pin) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                member.key.user, member.key.officerKey, member.key.officer, member.agency.rawValue,
                member.role.rawValue, member.shared, member.pin,
            ])
    }

    static func member(_ row: Row) throws -> Member {
        Member(
            key: MemberKey(user: row["user"], officer: row["officer_name"]),
            agency: try AgencyCode(row["agency"] as String),
            role: try Role.parse(row["role"], field: "role"), shared: row["shared"], pin: row["pin"])
    }
}

extension SQLiteStore {
    /// Every member, by user then officer.
    public func members() throws(StoreError) -> [Member] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(Members.table) ORDER BY user, officer").map(Members.member)
        }
    }

    /// Who `user` acting as `officer` is to the store: their entry and whether members are
    /// managed. An officer's entry that a PIN guards counts only when `pinProven` (see `Actor.entry`).
    public func actor(user: String, officer: String, pinProven: Bool) throws(StoreError) -> Actor {
        try read { db in
            let entries = try Row.fetchAll(db, sql: "SELECT * FROM \(Members.table) WHERE user = ?", arguments: [user])
                .map(Members.member)
            let managed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(Members.table))") ?? false
            return Actor(
                user: user, officer: officer, member: Actor.entry(for: officer, among: entries, pinProven: pinProven),
                membersManaged: managed)
        }
    }
}
