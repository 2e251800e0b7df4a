import struct Foundation.Data
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
            title: wholeText(row, "title") ?? "",
            type: try IncidentType.parse(row["type"], field: "type"),
            severity: try Severity.parse(row["severity"], field: "severity"),
            status: try IncidentStatus.parse(row["status"], field: "status"),
            area: row["area"], place: wholeText(row, "place"),
            reportingAgency: try AgencyCode(row["reporting_agency"] as String),
            leadAgency: try AgencyCode(row["lead_agency"] as String),
            peopleAffected: row["people_affected"],
            openedAt: Timestamp(millisecondsSinceEpoch: row["opened_at"]),
            statusChangedAt: Timestamp(millisecondsSinceEpoch: row["status_at"]),
            updatedAt: Timestamp(millisecondsSinceEpoch: row["updated_at"]))
    }
}

/// Text read back whole: SQLite hands TEXT to GRDB as a C string, which ends at a NUL (some
/// SMS gateways send one for `@`); the same bytes cast to BLOB keep their length.
func wholeText(_ row: Row, _ column: String) -> String? {
    (row[column + "_bytes"] as Data?).map { String(decoding: $0, as: UTF8.self) }
}

enum MessageRows {
    /// Every column of `table` (or its alias), with the free text also as bytes (see `wholeText`).
    static func columns(of table: String = "messages") -> String {
        "\(table).*, CAST(\(table).subject AS BLOB) AS subject_bytes, CAST(\(table).body AS BLOB) AS body_bytes"
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
            subject: wholeText(row, "subject"), body: wholeText(row, "body") ?? "",
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
