import GRDB
import QanatCore

public struct ApplyResult: Equatable, Sendable {
    public var inserted = 0
    public var alreadyPresent = 0

    public init(inserted: Int = 0, alreadyPresent: Int = 0) {
        self.inserted = inserted
        self.alreadyPresent = alreadyPresent
    }
}

extension SQLiteStore {
    /// Applies events in one transaction. An event whose id is already in the store is skipped:
    /// this is what makes ingest exactly-once, however often a line is read.
    @discardableResult
    public func apply(_ events: [Event]) throws(StoreError) -> ApplyResult {
        try write { db in try Self.apply(events, in: db) }
    }

    static func apply(_ events: [Event], in db: Database) throws -> ApplyResult {
        var projector = Projector(db: db)
        let inserted = try projector.apply(events)
        return ApplyResult(inserted: inserted, alreadyPresent: events.count - inserted)
    }

    /// Empties the projections and applies every event again, through the same code as ingest.
    /// Returns the number of events applied.
    @discardableResult
    public func rebuild(progress: (Int, Int) -> Void = { _, _ in }) throws(StoreError) -> Int {
        try write { db in
            for table in Schema.projections { try db.execute(sql: "DELETE FROM \(table)") }
            try db.execute(sql: "DELETE FROM agencies")
            try Schema.seedAgencies(db)
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
            var projector = Projector(db: db)
            var done = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT \(EventRows.columns) FROM events ORDER BY seq")
            while let row = try rows.next() {
                try projector.project(try EventRows.event(from: row))
                done += 1
                if done % 50_000 == 0 { progress(done, total) }
            }
            try projector.finish()
            progress(done, total)
            return done
        }
    }
}

/// A line that is not another copy of what the store holds but would change it: its event id is
/// held (or given earlier in the batch) with other content, or it opens an incident another event
/// opened. Never counted as "already present", never applied.
public struct EventConflict: Equatable, Sendable, CustomStringConvertible {
    public var id: EventID
    public var kind: Kind

    public enum Kind: Equatable, Sendable {
        /// What differs, as `field: stored ≠ given`.
        case otherContent([String])
        /// The first opening of the incident: a later line dated before it must not take its place
        /// (and with it the incident's title, area, severity and lead).
        case openedAlready(IncidentReference, by: EventID, agency: AgencyCode, at: Timestamp)
    }

    public var description: String {
        switch kind {
        case .otherContent(let differences):
            "conflict: event \(id) is already stored with other content (\(differences.joined(separator: "; "))); "
                + "not applied"
        case .openedAlready(let reference, let opening, let agency, let at):
            "conflict: \(reference) was opened already (event \(opening), by \(agency), \(at.rfc3339)); "
                + "event \(id) would open it again: not applied"
        }
    }

    static func between(_ stored: Event, _ given: Event) -> EventConflict? {
        var differences: [String] = []
        func compare(_ field: String, _ a: String, _ b: String) {
            if a != b { differences.append("\(field): \(a) ≠ \(b)") }
        }
        compare("at", stored.at.rfc3339, given.at.rfc3339)
        compare("agency", stored.agency.rawValue, given.agency.rawValue)
        compare("officer", stored.officer, given.officer)
        // A line stored before ingest recorded its owner has no user: that is not another event.
        if let storedUser = stored.user, let givenUser = given.user { compare("user", storedUser, givenUser) }
        compare("type", stored.type.rawValue, given.type.rawValue)
        if stored.type == given.type, stored.payload != given.payload { differences.append("data differs") }
        return differences.isEmpty ? nil : EventConflict(id: given.id, kind: .otherContent(differences))
    }

    /// A conflict when `given`, just inserted, opens an incident that an event stored before it opened.
    static func reopening(_ given: Event, in db: Database) throws -> EventConflict? {
        guard case .incidentOpened(let opening) = given.payload,
            let first = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, agency, at FROM events WHERE subject = ? AND type = ? ORDER BY seq LIMIT 1
                    """,
                arguments: [Subject.incident(opening.reference).key, EventType.incidentOpened.rawValue]),
            let firstID = try? EventID(first["id"] as String), firstID != given.id,
            let agency = try? AgencyCode(first["agency"] as String)
        else { return nil }
        return EventConflict(
            id: given.id,
            kind: .openedAlready(
                opening.reference, by: firstID, agency: agency,
                at: Timestamp(millisecondsSinceEpoch: first["at"] as Int64)))
    }
}

extension SQLiteStore {
    /// Applies a journal's batch and moves its cursor in one transaction — unless some event's id
    /// is stored already (or given earlier in the batch) with other content: then nothing is
    /// written and those conflicts, by position in `events`, come back, so that their rejects are
    /// made durable before the batch is applied without them. Ids are compared only when an
    /// insert was ignored, which keeps the common path as fast as before.
    func applyBatch(_ events: [Event], cursor: (Database) throws -> Void) throws(StoreError) -> (
        ApplyResult, [Int: EventConflict]
    ) {
        try transaction { db in
            var projector = Projector(db: db)
            let present = try projector.apply(reportingPresent: events)
            var conflicts: [Int: EventConflict] = [:]
            for index in present {
                let given = events[index]
                guard let stored = try Self.storedEvent(given.id, in: db) else { continue }
                if let conflict = EventConflict.between(stored, given) { conflicts[index] = conflict }
            }
            let presentIndices = Set(present)
            for (index, given) in events.enumerated()
            where given.type == .incidentOpened && !presentIndices.contains(index) {
                if let conflict = try EventConflict.reopening(given, in: db) { conflicts[index] = conflict }
            }
            guard conflicts.isEmpty else { return ((ApplyResult(), conflicts), .rollback) }
            try cursor(db)
            return ((ApplyResult(inserted: events.count - present.count, alreadyPresent: present.count), [:]), .commit)
        }
    }
}

extension SQLiteStore {
    /// The ids of `events` that the store holds with exactly this content.
    func storedUnchanged(_ events: [Event]) throws(StoreError) -> Set<EventID> {
        try read { db in
            var present: Set<EventID> = []
            for event in events {
                guard let stored = try Self.storedEvent(event.id, in: db) else { continue }
                if EventConflict.between(stored, event) == nil { present.insert(event.id) }
            }
            return present
        }
    }

    /// The event stored under `id`, if any.
    public func event(_ id: EventID) throws(StoreError) -> Event? {
        try read { db in try Self.storedEvent(id, in: db) }
    }

    static func storedEvent(_ id: EventID, in db: Database) throws -> Event? {
        try Row.fetchOne(db, sql: "SELECT \(EventRows.columns) FROM events WHERE id = ?", arguments: [id.rawValue])
            .map(EventRows.event(from:))
    }
}
