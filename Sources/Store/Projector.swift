import GRDB
import QanatCore

import struct Foundation.Data

/// Applies events to the projections inside the caller's transaction. Messages and
/// acknowledgements are sets and go in directly; any other subject is marked and folded
/// again from all its events at the end of the batch, which makes the result independent of
/// the order events arrive in.
struct Projector {
    let db: Database
    private var dirty: Set<Subject> = []
    /// The search vocabulary's counts, written at the end of the batch.
    private let vocabulary = SearchVocabulary.Tally()

    /// This store's site: its events are stamped with it, and only its references move its counter.
    private let site: SiteCode?

    init(db: Database) {
        self.db = db
        site = try? SiteRows.ownSite(in: db)
    }

    /// Inserts each event into the log once and projects it. Returns how many were new.
    mutating func apply(_ events: [Event]) throws -> Int {
        events.count - (try apply(reportingPresent: events)).count
    }

    /// Like `apply`; returns the positions of the events whose id the log held already.
    /// An event taken in here is stamped with this store's site, so that every site's log says the same.
    mutating func apply(reportingPresent events: [Event]) throws -> [Int] {
        var present: [Int] = []
        for (index, given) in events.enumerated() {
            var event = given
            if event.origin == nil { event.origin = site }
            if try EventRows.insert(event, into: db) { try project(event) } else { present.append(index) }
        }
        try finish()
        return present
    }

    mutating func project(_ event: Event) throws {
        switch event.payload {
        case .messagePosted(let posting):
            try insertMessage(event, posting)
        case .messageAcknowledged(let ack):
            try insertAcknowledgement(event, ack)
        case .incidentOpened(let opening):
            // Another site's numbers are its own: they never move this site's counter.
            if let (numberedBy, number) = opening.reference.numbered, numberedBy == (site?.rawValue ?? ""),
                let year = opening.reference.year
            {
                try db.execute(
                    sql: """
                        INSERT INTO counters (name, value) VALUES (?1, ?2)
                        ON CONFLICT(name) DO UPDATE SET value = max(value, ?2)
                        """, arguments: [SQLiteStore.counterName(year: year), number])
            }
            dirty.formUnion(event.subjects)
        default:
            dirty.formUnion(event.subjects)
        }
    }

    mutating func finish() throws {
        for subject in dirty { try refold(subject) }
        dirty.removeAll()
        try vocabulary.write(in: db)
    }

    private func insertMessage(_ event: Event, _ posting: MessagePosting) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO messages (id, at, agency, officer, recipients, priority, channel, subject, body, incident, ack_required)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), ?, ?)
                """)
        statement.setUncheckedArguments([
            event.id.rawValue, event.at.millisecondsSinceEpoch, event.agency.rawValue, event.officer,
            posting.recipients.codes.joined(separator: ","), posting.priority.rawValue, posting.channel.rawValue,
            posting.subject.map(Self.storedText), Self.storedText(posting.body), posting.incident?.rawValue,
            posting.acknowledgementRequired,
        ])
        try statement.execute()
        guard db.changesCount > 0 else { return }
        try SearchIndex.index(
            message: event.id.rawValue, subject: posting.subject, body: posting.body,
            at: event.at.millisecondsSinceEpoch, counting: vocabulary, in: db)
        guard posting.acknowledgementRequired else { return }
        try PendingAcknowledgements.messagePosted(
            id: event.id.rawValue, at: event.at.millisecondsSinceEpoch, sender: event.agency.rawValue,
            recipients: posting.recipients.codes, in: db)
    }

    /// One acknowledgement per agency and message: the earliest by (time, event id) stays.
    private func insertAcknowledgement(_ event: Event, _ ack: MessageAcknowledgement) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO acknowledgements (message, agency, at, officer, event) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT(message, agency) DO UPDATE SET at = excluded.at, officer = excluded.officer, event = excluded.event
                WHERE excluded.at < acknowledgements.at
                   OR (excluded.at = acknowledgements.at AND excluded.event < acknowledgements.event)
                """)
        statement.setUncheckedArguments([
            ack.message.rawValue, event.agency.rawValue, event.at.millisecondsSinceEpoch, event.officer,
            event.id.rawValue,
        ])
        try statement.execute()
        try PendingAcknowledgements.acknowledged(message: ack.message.rawValue, by: event.agency.rawValue, in: db)
    }

    /// Free text bound as its bytes and stored as TEXT: GRDB binds a String as a C string, which
    /// would end at a NUL (`StoredColumns` reads it back whole).
    static func storedText(_ text: String) -> Data { Data(text.utf8) }

    private func refold(_ subject: Subject) throws {
        switch subject {
        case .incident(let reference):
            let events = try EventRows.events(of: subject, in: db, includingSecondary: false)
            try write(incident: Fold.incident(events), reference: reference)
            try write(assignments: Fold.assignments(events), reference: reference)
        case .unit(let callSign):
            let events = try EventRows.events(of: subject, in: db, includingSecondary: true)
            try write(unit: Fold.unit(events), callSign: callSign)
        case .agency(let code):
            let events = try EventRows.events(of: subject, in: db, includingSecondary: false)
            let seed = Agency.seed.first { $0.code == code }
            if let organisation = Fold.organisation(events, seed: seed) {
                try CoordinationRows.write(organisation, seeded: seed != nil, in: db)
                try PendingAcknowledgements.agencyRegistered(code.rawValue, in: db)
            }
        case .need(let id):
            try CoordinationRows.write(
                Fold.need(try EventRows.events(of: subject, in: db, includingSecondary: false)), id: id, in: db)
        case .activity(let id):
            try CoordinationRows.write(
                Fold.activity(try EventRows.events(of: subject, in: db, includingSecondary: false)), id: id, in: db)
        case .pledge(let id):
            try CoordinationRows.write(
                Fold.pledge(try EventRows.events(of: subject, in: db, includingSecondary: false)), id: id, in: db)
        case .risk(let id):
            try RiskRows.write(
                Fold.risk(try EventRows.events(of: subject, in: db, includingSecondary: false)), id: id, in: db)
        case .setting(let setting):
            try CoordinationRows.write(
                Fold.setting(try EventRows.events(of: subject, in: db, includingSecondary: false)), setting: setting,
                in: db)
        case .member(let key):
            try Members.write(try EventRows.events(of: subject, in: db, includingSecondary: false), key: key, in: db)
        case .target(let metric):
            try EvaluationRows.write(
                Fold.target(try EventRows.events(of: subject, in: db, includingSecondary: false)), metric: metric,
                in: db)
        case .message, .officer, .report, .exercise:
            break
        }
    }

    private func write(incident: Incident?, reference: IncidentReference) throws {
        guard let i = incident else {
            try db.execute(sql: "DELETE FROM incidents WHERE ref = ?", arguments: [reference.rawValue])
            try SearchIndex.remove(incident: reference.rawValue, counting: vocabulary, in: db)
            return
        }
        try SearchIndex.index(
            incident: i.reference.rawValue, title: i.title, place: i.place, area: i.area,
            at: i.openedAt.millisecondsSinceEpoch, counting: vocabulary, in: db)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO incidents (ref, title, type, severity, status, area, place, reporting_agency,
                  lead_agency, people_affected, opened_at, status_at, updated_at)
                VALUES (?, CAST(? AS TEXT), ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                i.reference.rawValue, Self.storedText(i.title), i.type.rawValue, i.severity.rawValue, i.status.rawValue,
                i.area,
                i.place.map(Self.storedText),
                i.reportingAgency.rawValue, i.leadAgency.rawValue, i.peopleAffected, i.openedAt.millisecondsSinceEpoch,
                i.statusChangedAt.millisecondsSinceEpoch, i.updatedAt.millisecondsSinceEpoch,
            ])
    }

    private func write(assignments: [Assignment], reference: IncidentReference) throws {
        try db.execute(sql: "DELETE FROM assignments WHERE incident = ?", arguments: [reference.rawValue])
        for a in assignments {
            try db.execute(
                sql: """
                    INSERT INTO assignments (incident, unit, tasked_at, acknowledged_at, arrived_at, released_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    a.incident.rawValue, a.unit.rawValue, a.taskedAt.millisecondsSinceEpoch,
                    a.acknowledgedAt?.millisecondsSinceEpoch, a.arrivedAt?.millisecondsSinceEpoch,
                    a.releasedAt?.millisecondsSinceEpoch,
                ])
        }
    }

    private func write(unit: Unit?, callSign: CallSign) throws {
        guard let u = unit else {
            try db.execute(sql: "DELETE FROM units WHERE call_sign = ?", arguments: [callSign.rawValue])
            return
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO units (call_sign, agency, kind, capabilities, contact, status, status_at, incident)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                u.callSign.rawValue, u.agency.rawValue, u.kind.rawValue,
                u.capabilities.joined(separator: UnitRows.capabilitySeparator), u.contact,
                u.status.rawValue, u.statusChangedAt.millisecondsSinceEpoch, u.incident?.rawValue,
            ])
    }
}
