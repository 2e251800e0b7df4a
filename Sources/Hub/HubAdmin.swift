import Foundation
import PostgresNIO
import QanatCore
import QanatJournal
import QanatStore

/// The hub admin's work: making the hub's schema, registering sites (each a PostgreSQL role of its
/// own, with the agencies it hosts), listing them. Run with a role that may create roles.
public enum HubAdmin {
    /// Makes (or brings up to date) the schema, the site group and the row-level security.
    public static func initialise(_ address: HubAddress) throws(HubError) {
        try HubSession.run(address) { connection in
            for statement in HubSchema.statements {
                do { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: HubSession.logger) } catch
                {
                    throw HubError.refused(
                        doing: "making its schema (\(statement.prefix(60))…)", reason: HubError.reason(error))
                }
            }
        }
    }

    /// Registers `code` hosting `agencies` and makes its role with a new password; returns the URL
    /// the site's service connects with.
    public static func addSite(_ code: SiteCode, agencies: [AgencyCode], at address: HubAddress) throws(HubError)
        -> String
    {
        let role = roleName(code)
        // 32 random bytes, as hex: only letters and digits, so the statement below can hold it.
        var random = SystemRandomNumberGenerator()
        let password = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &random)) }
            .joined()
        let names = agencies.map(\.rawValue)
        try HubSession.run(address) { connection in
            let known = try await connection.query(
                "SELECT 1 FROM qanat.sites WHERE code = \(code.rawValue)", logger: HubSession.logger)
            for try await _ in known {
                throw HubError.site("site \(code) is registered already; nothing was changed")
            }
            do {
                // The role's name is checked letters; the verifier is base64 and '$', ':' only.
                let verifier = try ScramVerifier.make(password: password)
                try await connection.query("BEGIN", logger: HubSession.logger)
                try await connection.query(
                    PostgresQuery(
                        unsafeSQL:
                            "CREATE ROLE \(role) LOGIN PASSWORD '\(verifier)' IN ROLE \(HubSchema.siteGroup) "
                            + "CONNECTION LIMIT \(HubSchema.connectionsPerSite)"),
                    logger: HubSession.logger)
                // A site's session that holds a transaction open holds back every site's pull (rows are
                // read below the oldest open transaction): ended by the hub, unless the site itself
                // says otherwise, which only a compromised one would (docs/trust-model.md).
                for setting in HubSchema.siteSessionSettings {
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "ALTER ROLE \(role) SET \(setting)"), logger: HubSession.logger)
                }
                try await connection.query(
                    "INSERT INTO qanat.sites (code, role, agencies) VALUES (\(code.rawValue), \(role), \(names))",
                    logger: HubSession.logger)
                try await connection.query("COMMIT", logger: HubSession.logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: HubSession.logger)
                throw HubError.refused(doing: "registering site \(code)", reason: HubError.reason(error))
            }
        }
        return address.for(user: role, password: password)
    }

    /// Pushes every event `store` holds to the hub, each with its origin (this site's own for those
    /// it took in): a hub rebuilt empty is refilled from any one site. Run with the hub admin's
    /// role, which row-level security does not hold to one site. Returns how many the hub lacked.
    public static func refill(
        from store: SQLiteStore, site: SiteCode, at address: HubAddress, progress: @escaping @Sendable (Int) -> Void
    ) throws(HubError) -> Int {
        try HubSession.run(address) { connection in
            let registry = try await HubSession.registry(connection)
            let rejects = RejectsFile(journalPath: "hub", directory: StoreFiles.rejects(beside: store.path))
            var after: Int64 = 0
            var sent = 0
            var added = 0
            while true {
                let batch = try store.eventsToPush(after: after, site: nil, limit: LinkPace.mostEvents)
                guard let last = batch.last else { return added }
                added += try await HubPush(site: site, registry: registry, rejects: rejects, said: { _ in }).send(
                    batch.map { HubPush.Outgoing($0.event) }, on: connection)
                after = last.seq
                sent += batch.count
                progress(sent)
            }
        }
    }

    /// Adds `agencies` to those `code` hosts; returns all it hosts now. None is ever taken away: the
    /// events relayed for it were judged when they arrived, and a site joining later must judge
    /// them the same.
    public static func host(_ agencies: [AgencyCode], at code: SiteCode, address: HubAddress) throws(HubError)
        -> [AgencyCode]
    {
        let names = agencies.map(\.rawValue)
        return try HubSession.run(address) { connection in
            let rows = try await connection.query(
                """
                UPDATE qanat.sites SET agencies = ARRAY(
                  SELECT DISTINCT agency FROM unnest(agencies || \(names)::text[]) AS agency ORDER BY agency)
                WHERE code = \(code.rawValue) RETURNING agencies
                """, logger: HubSession.logger)
            for try await hosted in rows.decode([String].self) { return hosted.compactMap { try? AgencyCode($0) } }
            throw HubError.site("the hub registers no site \(code): `qanat hub site add` registers one")
        }
    }

    /// The sites the hub registers.
    public static func sites(at address: HubAddress) throws(HubError) -> SiteRegistry {
        try HubSession.run(address) { connection in try await HubSession.registry(connection) }
    }

    /// A site's PostgreSQL role.
    static func roleName(_ code: SiteCode) -> String { "qanat_site_" + code.rawValue.lowercased() }
}
