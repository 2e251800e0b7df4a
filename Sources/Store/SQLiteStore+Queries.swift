import GRDB
import QanatCore

/// Where a keyset page ends: the next page starts strictly after (or before) it.
public struct PageKey: Hashable, Sendable {
    public var time: Int64
    public var id: String

    public init(time: Int64, id: String) {
        self.time = time
        self.id = id
    }
}

public enum PageDirection: Sendable {
    /// Newest first, continuing with older rows.
    case newestFirst
    /// Oldest first, continuing with newer rows.
    case oldestFirst

    var order: String { self == .newestFirst ? "DESC" : "ASC" }
    var comparison: String { self == .newestFirst ? "<" : ">" }
}

extension SQLiteStore {
    /// An incident's active units: the units on it — tasked and not released, nor set available or
    /// out of service by hand (which takes a unit off its incident, whatever its assignment says).
    static let incidentColumns = """
        incidents.*, (SELECT count(*) FROM units u WHERE u.incident = incidents.ref) AS active_units
        """

    /// A page of incidents by opening time. Memory is bounded by `limit`, whatever the store's size.
    public func incidents(
        openOnly: Bool = false, limit: Int, after key: PageKey? = nil,
        direction: PageDirection = .newestFirst
    ) throws(StoreError) -> [IncidentRecord] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if openOnly { conditions.append("status <> 'closed'") }
            if let key {
                conditions.append("(opened_at, ref) \(direction.comparison) (?, ?)")
                arguments += [key.time, key.id]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let sql = """
                SELECT \(Self.incidentColumns) FROM incidents \(filter)
                ORDER BY opened_at \(direction.order), ref \(direction.order) LIMIT ?
                """
            arguments += [limit]
            return try IncidentRows.records(db, sql: sql, arguments: arguments)
        }
    }

    public func incident(_ reference: IncidentReference) throws(StoreError) -> IncidentRecord? {
        try read { db in
            try IncidentRows.records(
                db, sql: "SELECT \(Self.incidentColumns) FROM incidents WHERE ref = ?",
                arguments: [reference.rawValue]
            ).first
        }
    }

    public func assignments(of reference: IncidentReference) throws(StoreError) -> [Assignment] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM assignments WHERE incident = ? ORDER BY tasked_at, unit",
                arguments: [reference.rawValue]
            ).map { row in
                Assignment(
                    incident: try IncidentReference(row["incident"] as String),
                    unit: try CallSign(row["unit"] as String),
                    taskedAt: Timestamp(millisecondsSinceEpoch: row["tasked_at"]),
                    acknowledgedAt: (row["acknowledged_at"] as Int64?).map(Timestamp.init),
                    arrivedAt: (row["arrived_at"] as Int64?).map(Timestamp.init),
                    releasedAt: (row["released_at"] as Int64?).map(Timestamp.init))
            }
        }
    }

    /// A page of units by call sign.
    public func units(limit: Int, after callSign: String? = nil) throws(StoreError) -> [UnitRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM units WHERE call_sign > ? ORDER BY call_sign LIMIT ?",
                arguments: [callSign ?? "", limit]
            ).map { UnitRecord(unit: try UnitRows.unit($0)) }
        }
    }

    /// Units assigned, en route or on scene, by call sign.
    public func committedUnits(limit: Int) throws(StoreError) -> [UnitRecord] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM units WHERE status IN ('assigned', 'enRoute', 'onScene') ORDER BY call_sign LIMIT ?",
                arguments: [limit]
            ).map { UnitRecord(unit: try UnitRows.unit($0)) }
        }
    }

    /// The officer's latest shift (by the name they signed on with); nil when they never did.
    public func lastShift(of officer: String) throws(StoreError) -> Shift? {
        try read { db in
            Shift.latest(in: try EventRows.events(of: .officer(named: officer), in: db, includingSecondary: false))
        }
    }

    public func unit(_ callSign: CallSign) throws(StoreError) -> Unit? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM units WHERE call_sign = ?", arguments: [callSign.rawValue])
                .map(UnitRows.unit)
        }
    }

    /// A page of the log by posting time, with each message's acknowledgements.
    public func messages(
        limit: Int, after key: PageKey? = nil,
        direction: PageDirection = .newestFirst
    ) throws(StoreError) -> [MessageRecord] {
        try read { db in
            var sql = "SELECT \(MessageRows.columns()) FROM messages"
            var arguments: StatementArguments = []
            if let key {
                sql += " WHERE (at, id) \(direction.comparison) (?, ?)"
                arguments += [key.time, key.id]
            }
            sql += " ORDER BY at \(direction.order), id \(direction.order) LIMIT ?"
            arguments += [limit]
            let messages = try MessageRows.messages(db, sql: sql, arguments: arguments)
            return try Self.withAcknowledgements(messages, in: db)
        }
    }

    public func message(_ id: EventID) throws(StoreError) -> MessageRecord? {
        try read { db in
            let found = try MessageRows.messages(
                db, sql: "SELECT \(MessageRows.columns()) FROM messages WHERE id = ?",
                arguments: [id.rawValue])
            return try Self.withAcknowledgements(found, in: db).first
        }
    }

    /// Messages whose id begins with `prefix` (hex digits and dashes, lower case), at most `limit`:
    /// a range scan of the primary key.
    public func messageIDs(startingWith prefix: String, limit: Int) throws(StoreError) -> [EventID] {
        let low = prefix.lowercased()
        return try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM messages WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                arguments: [low, low + "\u{FFFF}", limit]
            ).compactMap { try? EventID($0) }
        }
    }

    static func withAcknowledgements(_ messages: [Message], in db: Database) throws -> [MessageRecord] {
        guard !messages.isEmpty else { return [] }
        let placeholders = Array(repeating: "?", count: messages.count).joined(separator: ",")
        let acks = try MessageRows.acknowledgements(
            db, sql: "SELECT * FROM acknowledgements WHERE message IN (\(placeholders)) ORDER BY agency",
            arguments: StatementArguments(messages.map(\.id.rawValue)))
        let byMessage = Dictionary(grouping: acks, by: \.message)
        return messages.map { MessageRecord(message: $0, acknowledgements: byMessage[$0.id] ?? []) }
    }

    public func agencies() throws(StoreError) -> [Agency] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agencies ORDER BY code").map { row in
                Agency(
                    code: try AgencyCode(row["code"] as String), nameArabic: row["name_ar"],
                    nameEnglish: row["name_en"],
                    kind: try AgencyKind.parse(row["kind"], field: "kind"))
            }
        }
    }
}

extension SQLiteStore {
    /// The first `limit` incidents a board asks for, filtered and ordered in SQL.
    public func incidents(matching query: IncidentQuery, limit: Int) throws(StoreError) -> [IncidentRecord] {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if query.openOnly { conditions.append("status <> 'closed'") }
            if let status = query.status {
                conditions.append("status = ?")
                arguments += [status.rawValue]
            }
            if let minimum = query.minimumSeverity {
                let admitted = Severity.allCases.filter { $0 >= minimum }.map(\.rawValue)
                conditions.append("severity IN (\(admitted.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(admitted)
            }
            if let agency = query.agency {
                conditions.append("(lead_agency = ? OR reporting_agency = ?)")
                arguments += [agency.rawValue, agency.rawValue]
            }
            if query.area != nil {
                let areas = query.areas()
                conditions.append("area IN (\(areas.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(areas)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            // Ranks are generated columns (migration v3) with indexes for open incidents.
            let order =
                switch query.order {
                // Closed incidents are looked up by when they were closed, the latest first.
                case _ where query.status == .closed: "status_at DESC, ref DESC"
                case .severity: "severity_rank DESC, opened_at DESC, ref DESC"
                case .newest: "opened_at DESC, ref DESC"
                case .status: "status_rank, opened_at DESC, ref DESC"
                case .area: "area, opened_at DESC, ref DESC"
                }
            arguments += [limit]
            return try IncidentRows.records(
                db, sql: "SELECT \(Self.incidentColumns) FROM incidents \(filter) ORDER BY \(order) LIMIT ?",
                arguments: arguments)
        }
    }

    /// Every event about an incident (opening, updates, status changes, assignments), oldest first.
    /// What an officer did since a time (an ICS 214 activity log), oldest first; the name as signed, any case.
    public func events(byOfficer officer: String, since: Timestamp, limit: Int) throws(StoreError) -> [Event] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(EventRows.columns) FROM events WHERE at >= ? AND officer = ? COLLATE NOCASE ORDER BY at, id LIMIT ?
                    """, arguments: [since.millisecondsSinceEpoch, officer.trimmingSpaces(), limit]
            ).map(EventRows.event(from:))
        }
    }

    /// A unit's registration, status changes and assignments since a time, oldest first.
    public func events(aboutUnit callSign: CallSign, since: Timestamp) throws(StoreError) -> [Event] {
        try read { db in
            try EventRows.events(of: .unit(callSign), in: db, includingSecondary: true).filter { $0.at >= since }
                .sorted(by: Event.precedes)
        }
    }

    public func events(about reference: IncidentReference) throws(StoreError) -> [Event] {
        try read { db in
            try EventRows.events(of: .incident(reference), in: db, includingSecondary: false).sorted(by: Event.precedes)
        }
    }

    /// The newest `limit` messages linked to an incident, oldest first.
    public func messages(about reference: IncidentReference, limit: Int) throws(StoreError) -> [MessageRecord] {
        try read { db in
            let newest = try MessageRows.messages(
                db,
                sql: """
                    SELECT \(MessageRows.columns()) FROM messages WHERE incident = ? ORDER BY at DESC, id DESC LIMIT ?
                    """, arguments: [reference.rawValue, limit])
            return try Self.withAcknowledgements(newest.reversed(), in: db)
        }
    }
}

extension SQLiteStore {
    /// The newest `limit` messages a log filter admits, newest first, with their acknowledgements.
    public func messages(matching query: MessageQuery, limit: Int) throws(StoreError) -> [MessageRecord] {
        try messages(matching: query, among: nil, limit: limit)
    }

    public func messages(matching query: MessageQuery, among ids: [EventID]) throws(StoreError) -> [MessageRecord] {
        ids.isEmpty ? [] : try messages(matching: query, among: ids, limit: ids.count)
    }

    private func messages(matching query: MessageQuery, among ids: [EventID]?, limit: Int) throws(StoreError)
        -> [MessageRecord]
    {
        try read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let agency = query.agency {
                conditions.append("(m.agency = ? OR instr(',' || m.recipients || ',', ',' || ? || ',') > 0)")
                arguments += [agency.rawValue, agency.rawValue]
            }
            if let incident = query.incident {
                conditions.append("m.incident = ?")
                arguments += [incident.rawValue]
            }
            if let since = query.since {
                conditions.append("m.at >= ?")
                arguments += [since.millisecondsSinceEpoch]
            }
            if let until = query.until {
                conditions.append("m.at <= ?")
                arguments += [until.millisecondsSinceEpoch]
            }
            if let minimum = query.minimumPriority {
                let admitted = MessagePriority.allCases.filter { $0 >= minimum }.map(\.rawValue)
                conditions.append("m.priority IN (\(admitted.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(admitted)
            }
            if let ids {
                conditions.append("m.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))")
                arguments += StatementArguments(ids.map(\.rawValue))
            }
            var source = "messages m"
            var order = "m.at DESC, m.id DESC"
            if let awaiting = query.awaitingAcknowledgementBy {
                // Walked backwards along the pending index (agency, at, message), which orders as the
                // log does: the first 500 rows come without reading, or sorting, the rest.
                source = "\(PendingAcknowledgements.table) p JOIN messages m ON m.id = p.message"
                order = "p.at DESC, p.message DESC"
                conditions.append("p.agency = ?")
                arguments += [awaiting.rawValue]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [limit]
            let messages = try MessageRows.messages(
                db, sql: "SELECT \(MessageRows.columns(of: "m")) FROM \(source) \(filter) ORDER BY \(order) LIMIT ?",
                arguments: arguments)
            return try Self.withAcknowledgements(messages, in: db)
        }
    }

    /// How many messages await this agency's acknowledgement, counted up to `limit`.
    public func pendingAcknowledgementCount(for agency: AgencyCode, limit: Int) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM (SELECT 1 FROM \(PendingAcknowledgements.table) WHERE agency = ? LIMIT ?)
                    """, arguments: [agency.rawValue, limit]) ?? 0
        }
    }
}

extension SQLiteStore {
    /// The subjects of the events logged after `sequence` (all of them unknown when `sequence` is
    /// nil or more than `limit` events came in). Same events, same answer: a reader calls it after
    /// noticing a new `data_version`.
    public func changes(after sequence: Int64?, limit: Int) throws(StoreError) -> StoreChanges {
        try read { db in
            let last = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM events") ?? 0
            guard let sequence, last - sequence <= Int64(limit) else {
                return StoreChanges(lastSequence: last, subjects: nil)
            }
            // No new event, yet the projections changed (a rebuild): everything may differ.
            guard last > sequence else { return StoreChanges(lastSequence: last, subjects: nil) }
            var subjects: Set<Subject> = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT subject, subject2 FROM events WHERE seq > ? AND seq <= ?",
                arguments: [sequence, last])
            while let row = try rows.next() {
                for key in [row["subject"], row["subject2"]] as [String?] {
                    guard let key else { continue }
                    guard let subject = Subject(key: key) else {
                        return StoreChanges(lastSequence: last, subjects: nil)
                    }
                    subjects.insert(subject)
                }
            }
            return StoreChanges(lastSequence: last, subjects: subjects)
        }
    }
}
