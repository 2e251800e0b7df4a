import GRDB
import QanatCore

enum UnitRows {
    /// Capabilities are free text and may hold commas; the unit separator may not be typed.
    static let capabilitySeparator = "\u{1F}"

    static func unit(_ row: Row) throws -> Unit {
        let capabilities: String = row["capabilities"]
        return Unit(
            callSign: try CallSign(row["call_sign"] as String),
            agency: try AgencyCode(row["agency"] as String),
            kind: try UnitKind.parse(row["kind"], field: "kind"),
            capabilities: capabilities.isEmpty ? [] : capabilities.components(separatedBy: capabilitySeparator),
            contact: row["contact"],
            status: try UnitStatus.parse(row["status"], field: "status"),
            statusChangedAt: Timestamp(millisecondsSinceEpoch: row["status_at"]),
            incident: try (row["incident"] as String?).map { try IncidentReference($0) })
    }
}

enum IncidentRows {
    /// Where each column stands in a query's rows (see `ColumnFinder`).
    struct Columns {
        let ref, title, type, severity, status, area, place: Int
        let reporting, lead, people, opened, statusAt, updated, activeUnits: Int

        init(_ row: Row) throws {
            let at = ColumnFinder(row).at
            (ref, title, type, severity) = (try at("ref"), try at("title"), try at("type"), try at("severity"))
            (status, area, place) = (try at("status"), try at("area"), try at("place"))
            (reporting, lead, people) = (try at("reporting_agency"), try at("lead_agency"), try at("people_affected"))
            (opened, statusAt, updated) = (try at("opened_at"), try at("status_at"), try at("updated_at"))
            activeUnits = try at("active_units")
        }
    }

    static func incident(_ row: StoredColumns, _ c: Columns) throws -> Incident {
        Incident(
            reference: try IncidentReference(try row.string(c.ref, "ref")),
            title: row.text(c.title) ?? "",
            type: try IncidentType.parse(try row.string(c.type, "type"), field: "type"),
            severity: try Severity.parse(try row.string(c.severity, "severity"), field: "severity"),
            status: try IncidentStatus.parse(try row.string(c.status, "status"), field: "status"),
            area: try row.string(c.area, "area"), place: row.text(c.place),
            reportingAgency: try AgencyCode(try row.string(c.reporting, "reporting_agency")),
            leadAgency: try AgencyCode(try row.string(c.lead, "lead_agency")),
            peopleAffected: row.optionalInt(c.people),
            openedAt: Timestamp(millisecondsSinceEpoch: row.int64(c.opened)),
            statusChangedAt: Timestamp(millisecondsSinceEpoch: row.int64(c.statusAt)),
            updatedAt: Timestamp(millisecondsSinceEpoch: row.int64(c.updated)))
    }

    /// The rows `sql` selects (`incidentColumns`) as records.
    static func records(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [IncidentRecord] {
        try StoredRows.fetch(db, sql: sql, arguments: arguments, locate: Columns.init) { row, c in
            IncidentRecord(incident: try incident(row, c), activeUnits: Int(row.int64(c.activeUnits)))
        }
    }
}

/// Where columns stand in a query's rows, found once per query from its first row: GRDB's lookup
/// by name compares every column's name, case-insensitively, for every value read (reading by
/// position took a quarter off the desk's reads: 1.73 G → 1.27 G instructions for 30 loads).
struct ColumnFinder {
    let names: [String]

    init(_ row: Row) { names = Array(row.columnNames) }

    func at(_ name: String) throws -> Int {
        guard let index = names.firstIndex(of: name) else { throw MissingColumn(name: name) }
        return index
    }
}

/// A query's rows lack a column their reader needs: a mistake in Qanat's own SQL.
struct MissingColumn: Error, CustomStringConvertible {
    let name: String
    var description: String { "no column \(name) in the rows read" }
}

enum MessageRows {
    /// Every column of `table` (or its alias).
    static func columns(of table: String = "messages") -> String { "\(table).*" }

    /// Where each column stands in a query's rows (see `ColumnFinder`).
    struct Columns {
        let id, at, agency, officer, recipients, priority, channel, subject, body, incident, ackRequired: Int

        init(_ row: Row) throws {
            let at = ColumnFinder(row).at
            (id, self.at, agency, officer) = (try at("id"), try at("at"), try at("agency"), try at("officer"))
            (recipients, priority, channel) = (try at("recipients"), try at("priority"), try at("channel"))
            (subject, body, incident, ackRequired) = (
                try at("subject"), try at("body"), try at("incident"), try at("ack_required")
            )
        }
    }

    static func message(_ row: StoredColumns, _ c: Columns) throws -> Message {
        Message(
            id: try EventID(try row.string(c.id, "id")),
            postedAt: Timestamp(millisecondsSinceEpoch: row.int64(c.at)),
            agency: try AgencyCode(try row.string(c.agency, "agency")),
            officer: try row.string(c.officer, "officer"),
            recipients: try Recipients(
                codes: try row.string(c.recipients, "recipients").split(separator: ",").map(String.init)),
            priority: try MessagePriority.parse(try row.string(c.priority, "priority"), field: "priority"),
            channel: try MessageChannel.parse(try row.string(c.channel, "channel"), field: "channel"),
            subject: row.text(c.subject), body: try row.string(c.body, "body"),
            incident: try row.text(c.incident).map { try IncidentReference($0) },
            acknowledgementRequired: row.bool(c.ackRequired))
    }

    /// The rows `sql` selects (`columns(of:)`) as messages.
    static func messages(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Message] {
        try StoredRows.fetch(db, sql: sql, arguments: arguments, locate: Columns.init, decode: message)
    }

    /// Acknowledgements selected with every column.
    static func acknowledgements(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Acknowledgement]
    {
        try StoredRows.fetch(
            db, sql: sql, arguments: arguments,
            locate: { row in
                let at = ColumnFinder(row).at
                return (
                    message: try at("message"), agency: try at("agency"), officer: try at("officer"), at: try at("at")
                )
            }
        ) { row, c in
            Acknowledgement(
                message: try EventID(try row.string(c.message, "message")),
                agency: try AgencyCode(try row.string(c.agency, "agency")),
                officer: try row.string(c.officer, "officer"),
                at: Timestamp(millisecondsSinceEpoch: row.int64(c.at)))
        }
    }
}
