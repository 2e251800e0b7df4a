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
    static func incident(_ row: Row) throws -> Incident {
        Incident(
            reference: try IncidentReference(row["ref"] as String),
            title: wholeText(row, .title) ?? "",
            type: try IncidentType.parse(row["type"], field: "type"),
            severity: try Severity.parse(row["severity"], field: "severity"),
            status: try IncidentStatus.parse(row["status"], field: "status"),
            area: row["area"], place: wholeText(row, .place),
            reportingAgency: try AgencyCode(row["reporting_agency"] as String),
            leadAgency: try AgencyCode(row["lead_agency"] as String),
            peopleAffected: row["people_affected"],
            openedAt: Timestamp(millisecondsSinceEpoch: row["opened_at"]),
            statusChangedAt: Timestamp(millisecondsSinceEpoch: row["status_at"]),
            updatedAt: Timestamp(millisecondsSinceEpoch: row["updated_at"]))
    }
}

/// Text read back whole: SQLite hands TEXT to GRDB as a C string, which ends at a NUL (some
/// SMS gateways send one for `@`). Where a value holds one, it is also read as the hex of its
/// bytes, which keeps them all; other values cost nothing more. (Not as a BLOB: on the
/// benchmark's store a desk reading BLOB columns from a join saw each write only at the next.)
func wholeTextColumn(_ column: WholeTextColumn, of table: String) -> String {
    "CASE WHEN instr(\(table).\(column.name), char(0)) > 0 THEN hex(\(table).\(column.name)) END AS \(column.hexName)"
}

/// A free-text column and the name of its hex twin, made once rather than for every row read.
struct WholeTextColumn {
    let name: String
    let hexName: String

    init(_ name: String) {
        self.name = name
        hexName = name + "_hex"
    }

    static let title = WholeTextColumn("title"), place = WholeTextColumn("place")
    static let subject = WholeTextColumn("subject"), body = WholeTextColumn("body")
}

func wholeText(_ row: Row, _ column: WholeTextColumn) -> String? {
    wholeText(row, column, hex: row[column.hexName])
}

/// With the hex twin already read (by position, where the query puts it last).
func wholeText(_ row: Row, _ column: WholeTextColumn, hex: String?) -> String? {
    guard let hex else { return row[column.name] }
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
    /// Every column of `table` (or its alias), with the free text also as bytes (see `wholeText`):
    /// last, where `message(_:)` reads them by position (a lookup by name scans every column).
    static func columns(of table: String = "messages") -> String {
        "\(table).*, \(wholeTextColumn(.subject, of: table)), \(wholeTextColumn(.body, of: table))"
    }

    static func message(_ row: Row) throws -> Message {
        let recipients: String = row["recipients"]
        return Message(
            id: try EventID(row["id"] as String),
            postedAt: Timestamp(millisecondsSinceEpoch: row["at"]),
            agency: try AgencyCode(row["agency"] as String),
            officer: row["officer"],
            recipients: try Recipients(codes: recipients.components(separatedBy: ",")),
            priority: try MessagePriority.parse(row["priority"], field: "priority"),
            channel: try MessageChannel.parse(row["channel"], field: "channel"),
            subject: wholeText(row, .subject, hex: row[row.count - 2]), body: wholeText(row, .body, hex: row[row.count - 1]) ?? "",
            incident: try (row["incident"] as String?).map { try IncidentReference($0) },
            acknowledgementRequired: row["ack_required"])
    }

    static func acknowledgement(_ row: Row) throws -> Acknowledgement {
        Acknowledgement(
            message: try EventID(row["message"] as String),
            agency: try AgencyCode(row["agency"] as String),
            officer: row["officer"],
            at: Timestamp(millisecondsSinceEpoch: row["at"]))
    }
}
