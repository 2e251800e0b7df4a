import GRDB
import QanatCore

/// The coordination's projections: organisations (the agencies table's registry columns),
/// needs, activities, pledges and the store's settings — written from folds, read back as records.
enum CoordinationRows {
    static let tables = ["needs", "activities", "pledges", "store_settings"]

    /// Lists in one column: the items are free text or ids, and the unit separator cannot be typed.
    static let separator = "\u{1F}"

    static func joined(_ items: [String]) -> String { items.joined(separator: separator) }

    static func split(_ column: String?) -> [String] {
        guard let column, !column.isEmpty else { return [] }
        return column.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: writing

    static func write(_ o: Organisation, seeded: Bool, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO agencies (code, name_ar, name_en, kind, seeded, registration, areas, sectors, focal_points, capabilities, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT(code) DO UPDATE SET name_ar = ?2, name_en = ?3, kind = ?4, registration = ?6, areas = ?7, sectors = ?8,
                  focal_points = ?9, capabilities = ?10, status = ?11
                """,
            arguments: [
                o.code.rawValue, o.agency.nameArabic, o.agency.nameEnglish, o.agency.kind.rawValue, seeded,
                o.registration,
                joined(o.areas), joined(o.sectors.map(\.rawValue)), joined(o.focalPoints.map(\.text)),
                joined(o.capabilities),
                o.status.rawValue,
            ])
    }

    static func write(_ need: Need?, id: RecordID, in db: Database) throws {
        guard let need else { return try db.execute(sql: "DELETE FROM needs WHERE id = ?", arguments: [id.rawValue]) }
        let r = need.report
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO needs (id, area, sector, what, quantity, unit, people, priority, organisation, incident, reported_on,
                  status, reported_at, updated_at)
                VALUES (?, ?, ?, CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                r.id.rawValue, r.area, r.sector.rawValue, Projector.storedText(r.what), r.quantity,
                Projector.storedText(r.unit), r.people,
                r.priority.rawValue, r.organisation.rawValue, r.incident?.rawValue, r.reportedOn?.description,
                need.status.rawValue,
                need.reportedAt.millisecondsSinceEpoch, need.updatedAt.millisecondsSinceEpoch,
            ])
    }

    static func write(_ activity: Activity?, id: RecordID, in db: Database) throws {
        guard let activity else {
            return try db.execute(sql: "DELETE FROM activities WHERE id = ?", arguments: [id.rawValue])
        }
        let r = activity.registration
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO activities (id, organisation, implementer, sector, area, what, start_day, end_day, status, targeted,
                  reached, needs, registered_at)
                VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                r.id.rawValue, r.organisation.rawValue, r.implementer?.rawValue, r.sector.rawValue, r.area,
                Projector.storedText(r.what),
                r.start.description, r.end.description, r.status.rawValue, r.targeted, activity.reached,
                joined(r.needs.map(\.rawValue)), activity.registeredAt.millisecondsSinceEpoch,
            ])
    }

    static func write(_ pledge: Pledge?, id: RecordID, in db: Database) throws {
        guard let pledge else {
            return try db.execute(sql: "DELETE FROM pledges WHERE id = ?", arguments: [id.rawValue])
        }
        let m = pledge.made
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO pledges (id, need, organisation, quantity, by_day, status, made_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                m.id.rawValue, m.need.rawValue, m.organisation.rawValue, m.quantity, m.by?.description,
                pledge.status.rawValue,
                pledge.madeAt.millisecondsSinceEpoch,
            ])
    }

    static func write(_ change: SettingChange?, setting: StoreSetting, in db: Database) throws {
        guard let change else {
            return try db.execute(sql: "DELETE FROM store_settings WHERE setting = ?", arguments: [setting.rawValue])
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO store_settings (setting, value) VALUES (?, ?)",
            arguments: [setting.rawValue, change.value])
    }

    // MARK: reading

    static func organisation(_ row: Row) throws -> Organisation {
        let agency = Agency(
            code: try AgencyCode(row["code"] as String), nameArabic: row["name_ar"], nameEnglish: row["name_en"],
            kind: try AgencyKind.parse(row["kind"], field: "kind"))
        return Organisation(
            agency: agency, registration: row["registration"], areas: split(row["areas"]),
            sectors: try split(row["sectors"]).map { text throws(ValidationError) in
                try Sector.parse(text, field: "sectors")
            },
            focalPoints: try split(row["focal_points"]).map { text throws(ValidationError) in try FocalPoint(text) },
            capabilities: split(row["capabilities"]),
            status: try OrganisationStatus.parse(row["status"], field: "status"))
    }

    static func need(_ row: Row) throws -> Need {
        let report = NeedReport(
            id: try RecordID(row["id"] as String), area: row["area"],
            sector: try Sector.parse(row["sector"], field: "sector"),
            what: row["what"], quantity: row["quantity"], unit: row["unit"], people: row["people"],
            priority: try MessagePriority.parse(row["priority"], field: "priority"),
            organisation: try AgencyCode(row["organisation"] as String),
            incident: try (row["incident"] as String?).map { text throws(ValidationError) in try IncidentReference(text)
            },
            reportedOn: try (row["reported_on"] as String?).map { text throws(ValidationError) in
                try CalendarDate(text, field: "reported")
            })
        return Need(
            report: report, status: try NeedStatus.parse(row["status"], field: "status"),
            reportedAt: Timestamp(millisecondsSinceEpoch: row["reported_at"]),
            updatedAt: Timestamp(millisecondsSinceEpoch: row["updated_at"]))
    }

    static func activity(_ row: Row) throws -> Activity {
        let registration = ActivityRegistration(
            id: try RecordID(row["id"] as String), organisation: try AgencyCode(row["organisation"] as String),
            implementer: try (row["implementer"] as String?).map { text throws(ValidationError) in try AgencyCode(text)
            },
            sector: try Sector.parse(row["sector"], field: "sector"), area: row["area"], what: row["what"],
            start: try CalendarDate(row["start_day"] as String, field: "start"),
            end: try CalendarDate(row["end_day"] as String, field: "end"),
            status: try ActivityStatus.parse(row["status"], field: "status"), targeted: row["targeted"],
            needs: try split(row["needs"]).map { text throws(ValidationError) in try RecordID(text) })
        return Activity(
            registration: registration, reached: row["reached"],
            registeredAt: Timestamp(millisecondsSinceEpoch: row["registered_at"]))
    }

    static func pledge(_ row: Row) throws -> Pledge {
        let made = PledgeMade(
            id: try RecordID(row["id"] as String), need: try RecordID(row["need"] as String),
            organisation: try AgencyCode(row["organisation"] as String), quantity: row["quantity"],
            by: try (row["by_day"] as String?).map { text throws(ValidationError) in try CalendarDate(text, field: "by")
            })
        return Pledge(
            made: made, status: try PledgeStatus.parse(row["status"], field: "status"),
            madeAt: Timestamp(millisecondsSinceEpoch: row["made_at"]))
    }
}
