import GRDB
import QanatCore

/// The members projection: who may do what (see `Authority`). Folded from `member.added` and
/// `member.removed` events like any other subject, so `rebuild` restores it. Each entry is its
/// site's (the site whose events made it; '' in a store that is no site): the same login name at
/// two sites is two members, and only this store's own site's entries count here.
enum Members {
    static let table = "members"

    /// The entry `key` at each site its events came from.
    static func write(_ events: [Event], key: MemberKey, in db: Database) throws {
        for (site, ofSite) in Dictionary(grouping: events, by: { $0.origin?.rawValue ?? "" }) {
            try write(Fold.member(ofSite), key: key, site: site, in: db)
        }
    }

    private static func write(_ member: Member?, key: MemberKey, site: String, in db: Database) throws {
        guard let member else {
            try db.execute(
                sql: "DELETE FROM \(table) WHERE site = ? AND user = ? AND officer = ?",
                arguments: [site, key.user, key.officerKey])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO \(table) (site, user, officer, officer_name, agency, role, shared, pin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                site, member.key.user, member.key.officerKey, member.key.officer, member.agency.rawValue,
                member.role.rawValue, member.shared, member.pin,
            ])
    }

    /// This store's own site, as the members table names it.
    static let ownSite = "coalesce((SELECT value FROM settings WHERE key = '\(SiteRows.siteKey)'), '')"

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
            try Row.fetchAll(
                db, sql: "SELECT * FROM \(Members.table) WHERE site = \(Members.ownSite) ORDER BY user, officer"
            ).map(Members.member)
        }
    }

    /// Who `user` acting as `officer` is to the store: their entry and whether members are
    /// managed. An officer's entry that a PIN guards counts only when `pinProven` (see `Actor.entry`).
    public func actor(user: String, officer: String, pinProven: Bool) throws(StoreError) -> Actor {
        try read { db in
            let entries = try Row.fetchAll(
                db, sql: "SELECT * FROM \(Members.table) WHERE site = \(Members.ownSite) AND user = ?",
                arguments: [user]
            ).map(Members.member)
            let managed =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM \(Members.table) WHERE site = \(Members.ownSite))") ?? false
            return Actor(
                user: user, officer: officer, member: Actor.entry(for: officer, among: entries, pinProven: pinProven),
                membersManaged: managed)
        }
    }
}
