import GRDB
import QanatCore

/// A site's store: its code and how far it has read the hub, site-local settings outside the
/// record's digest (what it has pushed is the relay's file, `RelayFile`).
enum SiteRows {
    static let siteKey = "site"
    /// How far the hub has been read: kept with the events it brought, in one transaction.
    static let pulledKey = "hub.pulled"

    static func ownSite(in db: Database) throws -> SiteCode? {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [siteKey])
        else { return nil }
        return try SiteCode(text, field: "the store's site")
    }
}

extension SQLiteStore {
    /// The site this store is, or nil for a store that relays to no hub.
    public func site() throws(StoreError) -> SiteCode? { try read { db in try SiteRows.ownSite(in: db) } }

    /// Makes this store the site `code` (once: a site's code is in every event it took in).
    public func makeSite(_ code: SiteCode) throws(StoreError) {
        try write { db in
            if let existing = try SiteRows.ownSite(in: db), existing != code {
                throw StoreError.failed(path: path, reason: "the store is site \(existing) already, not \(code)")
            }
            try SQLiteStore.setSetting(SiteRows.siteKey, code.rawValue, in: db)
            // Events taken in before it was a site were taken in here.
            try db.execute(sql: "UPDATE events SET origin = ? WHERE origin IS NULL", arguments: [code.rawValue])
            try db.execute(sql: "UPDATE \(Members.table) SET site = ? WHERE site = ''", arguments: [code.rawValue])
        }
    }

    /// Events this site took in (every event, with `site` nil: a refill), after `seq` in the log's
    /// order, for the hub: at most `limit`.
    public func eventsToPush(after seq: Int64, site: SiteCode?, limit: Int) throws(StoreError) -> [(
        seq: Int64, event: Event
    )] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT seq, \(EventRows.columns) FROM events WHERE seq > ?1 AND (?2 IS NULL OR origin = ?2)
                    ORDER BY seq LIMIT ?3
                    """,
                arguments: [seq, site?.rawValue, limit]
            ).map { (seq: $0["seq"] as Int64, event: try EventRows.event(from: $0)) }
        }
    }

    /// How many events this site took in that the hub does not have yet (as far as the site knows).
    public func eventsWaiting(after seq: Int64, site: SiteCode) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM events WHERE seq > ? AND origin = ?", arguments: [seq, site.rawValue])
                ?? 0
        }
    }

    /// How far this site has read the hub (`TX:SEQ`); nil before the first pull.
    public func hubWatermark() throws(StoreError) -> String? { try setting(SiteRows.pulledKey) }

    /// Events from the hub applied, and how far the hub has been read, in one transaction: a relay
    /// killed at any moment neither loses an event nor reads one twice (ids are idempotent besides).
    /// An event whose id the store holds with other content is a conflict: `conflicted` is told of
    /// them (to make their rejects durable) before the rest is applied without them.
    public func applyFromHub(
        _ events: [Event], pulled: String,
        conflicted: ([(index: Int, conflict: EventConflict)]) throws -> Void = { _ in }
    ) throws -> ApplyResult {
        var pending = Array(events.enumerated())
        while true {
            let (result, found) = try applyBatch(pending.map(\.element)) { db in
                try SQLiteStore.setSetting(SiteRows.pulledKey, pulled, in: db)
            }
            guard !found.isEmpty else { return result }
            try conflicted(found.sorted { $0.key < $1.key }.map { (pending[$0.key].offset, $0.value) })
            pending = pending.enumerated().filter { found[$0.offset] == nil }.map(\.element)
        }
    }
}
