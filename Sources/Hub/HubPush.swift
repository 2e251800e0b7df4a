import PostgresNIO
import QanatChannel
import QanatCore
import QanatJournal

/// One batch of this site's events to the hub. Each event goes as its journal line (the same
/// bytes at every site); one the hub holds already under its id is compared, and a different one
/// is a conflict, reported to the hub with both writers and kept in this site's rejects — never
/// dropped without a word. An event for an agency this site does not host is not sent (the hub
/// would refuse it): it goes to the rejects with the reason. An event from another site (a
/// refill) goes with its own origin.
struct HubPush {
    let site: SiteCode
    let registry: SiteRegistry
    let rejects: RejectsFile
    let said: @Sendable (String) -> Void

    /// An event as it crosses the link: its journal line.
    struct Outgoing: Sendable {
        let event: Event
        let line: String
        init(_ event: Event) {
            self.event = event
            line = String(decoding: EventCodec.encode(event, previousLineHash: nil), as: UTF8.self)
        }
    }

    /// Returns how many the hub did not hold.
    @discardableResult
    func send(_ events: [Outgoing], on connection: PostgresConnection) async throws -> Int {
        var refused: [RejectsFile.Rejection] = []
        var added = 0
        var sending: [(event: Event, line: String)] = []
        for (event, line) in events.map({ ($0.event, $0.line) }) {
            do { try registry.check(origin: event.origin ?? site, agency: event.agency) } catch {
                refused.append(rejection(event, line: line, reason: "not sent to the hub: \(error)"))
                continue
            }
            sending.append((event, line))
        }
        if !sending.isEmpty {
            let ids = sending.map(\.event.id.rawValue)
            let rows = try await connection.query(
                """
                INSERT INTO qanat.events (id, origin, agency, line, received)
                SELECT * FROM unnest(\(ids)::text[], \(sending.map { ($0.event.origin ?? site).rawValue })::text[],
                  \(sending.map(\.event.agency.rawValue))::text[], \(sending.map(\.line))::text[],
                  \(sending.map { $0.event.received?.millisecondsSinceEpoch ?? 0 })::bigint[])
                ON CONFLICT (id) DO NOTHING RETURNING id
                """, logger: HubSession.logger)
            var inserted = Set<String>()
            for try await id in rows.decode(String.self) { inserted.insert(id) }
            added = inserted.count
            let present = sending.filter { !inserted.contains($0.event.id.rawValue) }
            if !present.isEmpty { refused += try await conflicts(among: present, on: connection) }
        }
        if !refused.isEmpty { try rejects.append(refused, at: QanatChannel.Clock.now()) }
        return added
    }

    /// Of events the hub held already, those it holds with other content: reported to the hub.
    private func conflicts(among present: [(event: Event, line: String)], on connection: PostgresConnection)
        async throws -> [RejectsFile.Rejection]
    {
        let rows = try await connection.query(
            "SELECT id, origin, line FROM qanat.events WHERE id = ANY(\(present.map(\.event.id.rawValue)))",
            logger: HubSession.logger)
        var held: [String: (origin: String, line: String)] = [:]
        for try await (id, origin, line) in rows.decode((String, String, String).self) { held[id] = (origin, line) }
        var found: [RejectsFile.Rejection] = []
        for (event, line) in present {
            guard let other = held[event.id.rawValue], other.line != line else { continue }
            try await connection.query(
                """
                INSERT INTO qanat.conflicts (id, first_origin, reported_by, line)
                VALUES (\(event.id.rawValue), \(other.origin), \(site.rawValue), \(line))
                """, logger: HubSession.logger)
            let reason =
                "conflict: the hub holds event \(event.id) from site \(other.origin) with other content; "
                + "this site's is kept here and reported to the hub"
            said("hub: \(reason)")
            found.append(rejection(event, line: line, reason: reason))
        }
        return found
    }

    private func rejection(_ event: Event, line: String, reason: String) -> RejectsFile.Rejection {
        RejectsFile.Rejection(journal: "hub", line: 0, offset: 0, reason: reason, bytes: Array(line.utf8))
    }
}
