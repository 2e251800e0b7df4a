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
        let ref, title, titleHex, type, severity, status, area, place, placeHex: Int
        let reporting, lead, people, opened, statusAt, updated, activeUnits: Int

        init(_ row: Row) throws {
            let at = ColumnFinder(row).at
            (ref, title, titleHex, type, severity) = (try at("ref"), try at("title"), try at("title_hex"), try at("type"), try at("severity"))
            (status, area, place, placeHex) = (try at("status"), try at("area"), try at("place"), try at("place_hex"))
            (reporting, lead, people) = (try at("reporting_agency"), try at("lead_agency"), try at("people_affected"))
            (opened, statusAt, updated) = (try at("opened_at"), try at("status_at"), try at("updated_at"))
            activeUnits = try at("active_units")
        }
    }

    static func incident(_ row: Row, _ c: Columns) throws -> Incident {
        Incident(
            reference: try IncidentReference(row[c.ref] as String),
            title: wholeText(row[c.title], hex: row[c.titleHex]) ?? "",
            type: try IncidentType.parse(row[c.type], field: "type"),
            severity: try Severity.parse(row[c.severity], field: "severity"),
            status: try IncidentStatus.parse(row[c.status], field: "status"),
            area: row[c.area], place: wholeText(row[c.place], hex: row[c.placeHex]),
            reportingAgency: try AgencyCode(row[c.reporting] as String),
            leadAgency: try AgencyCode(row[c.lead] as String),
            peopleAffected: row[c.people],
            openedAt: Timestamp(millisecondsSinceEpoch: row[c.opened]),
            statusChangedAt: Timestamp(millisecondsSinceEpoch: row[c.statusAt]),
            updatedAt: Timestamp(millisecondsSinceEpoch: row[c.updated]))
    }

    /// Rows of `incidentColumns` as records, their columns found once.
    static func records(_ rows: [Row]) throws -> [IncidentRecord] {
        guard let first = rows.first else { return [] }
        let columns = try Columns(first)
        return try rows.map { IncidentRecord(incident: try incident($0, columns), activeUnits: $0[columns.activeUnits]) }
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

/// Text read back whole: SQLite hands TEXT to GRDB as a C string, which ends at a NUL (some
/// SMS gateways send one for `@`). Where a value holds one, it is also read as the hex of its
/// bytes, which keeps them all; other values cost nothing more. (Not as a BLOB: on the
/// benchmark's store a desk reading BLOB columns from a join saw each write only at the next.)
func wholeTextColumn(_ column: String, of table: String) -> String {
    "CASE WHEN instr(\(table).\(column), char(0)) > 0 THEN hex(\(table).\(column)) END AS \(column)_hex"
}

/// The text of a column, or of its hex twin where that holds it (the text had a NUL).
func wholeText(_ text: String?, hex: String?) -> String? {
    guard let hex else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(hex.utf8.count / 2)
    var high: UInt8?
    for c in hex.utf8 {
        let nibble = c <= 57 ? c - 48 : c - 55   // 0-9, A-F: hex() writes upper case
        if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
    }
    return String(decoding: bytes, as: UTF8.self)
}

enum MessageRows {
    /// Every column of `table` (or its alias), with the free text also as bytes (see `wholeText`).
    static func columns(of table: String = "messages") -> String {
        "\(table).*, \(wholeTextColumn("subject", of: table)), \(wholeTextColumn("body", of: table))"
    }

    /// Where each column stands in a query's rows (see `ColumnFinder`).
    struct Columns {
        let id, at, agency, officer, recipients, priority, channel, subject, subjectHex, body, bodyHex, incident, ackRequired: Int

        init(_ row: Row) throws {
            let at = ColumnFinder(row).at
            (id, self.at, agency, officer) = (try at("id"), try at("at"), try at("agency"), try at("officer"))
            (recipients, priority, channel) = (try at("recipients"), try at("priority"), try at("channel"))
            (subject, subjectHex, body, bodyHex) = (try at("subject"), try at("subject_hex"), try at("body"), try at("body_hex"))
            (incident, ackRequired) = (try at("incident"), try at("ack_required"))
        }
    }

    static func message(_ row: Row, _ c: Columns) throws -> Message {
        let recipients: String = row[c.recipients]
        return Message(
            id: try EventID(row[c.id] as String),
            postedAt: Timestamp(millisecondsSinceEpoch: row[c.at]),
            agency: try AgencyCode(row[c.agency] as String),
            officer: row[c.officer],
            recipients: try Recipients(codes: recipients.components(separatedBy: ",")),
            priority: try MessagePriority.parse(row[c.priority], field: "priority"),
            channel: try MessageChannel.parse(row[c.channel], field: "channel"),
            subject: wholeText(row[c.subject], hex: row[c.subjectHex]), body: wholeText(row[c.body], hex: row[c.bodyHex]) ?? "",
            incident: try (row[c.incident] as String?).map { try IncidentReference($0) },
            acknowledgementRequired: row[c.ackRequired])
    }

    /// Rows of `columns(of:)` as messages, their columns found once.
    static func messages(_ rows: [Row]) throws -> [Message] {
        guard let first = rows.first else { return [] }
        let columns = try Columns(first)
        return try rows.map { try message($0, columns) }
    }

    static func acknowledgement(_ row: Row) throws -> Acknowledgement {
        Acknowledgement(
            message: try EventID(row["message"] as String),
            agency: try AgencyCode(row["agency"] as String),
            officer: row["officer"],
            at: Timestamp(millisecondsSinceEpoch: row["at"]))
    }
}
