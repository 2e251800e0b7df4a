import GRDB
import QanatCore

/// The risk register's projections: each risk as its events fold, and its reviews.
enum RiskRows {
    static let tables = ["risks", "risk_reviews"]

    static func write(_ risk: Risk?, id: RecordID, in db: Database) throws {
        try db.execute(sql: "DELETE FROM risk_reviews WHERE risk = ?", arguments: [id.rawValue])
        guard let risk else { return try db.execute(sql: "DELETE FROM risks WHERE id = ?", arguments: [id.rawValue]) }
        let e = risk.entry
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO risks (id, hazard, nature, title, areas, likelihood, impact, score, band, owner, mitigations, plan,
                  resources, next_review, registered_at, updated_at)
                VALUES (?, ?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                e.id.rawValue, e.hazard.rawValue, e.nature.rawValue, Projector.storedText(e.title),
                CoordinationRows.joined(e.areas),
                e.likelihood, e.impact, e.score, e.band.rawValue, e.owner.rawValue,
                CoordinationRows.joined(e.mitigations), e.plan,
                CoordinationRows.joined(e.resources), e.nextReview?.description,
                risk.registeredAt.millisecondsSinceEpoch,
                risk.updatedAt.millisecondsSinceEpoch,
            ])
        for review in risk.reviews {
            try db.execute(
                sql: "INSERT OR REPLACE INTO risk_reviews (risk, at, agency, officer, note) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    id.rawValue, review.at.millisecondsSinceEpoch, review.agency.rawValue, review.officer, review.note,
                ])
        }
    }

    static func risk(_ row: Row, reviews: [Risk.Reviewed]) throws -> Risk {
        let entry = RiskEntry(
            id: try RecordID(row["id"] as String), hazard: try IncidentType.parse(row["hazard"], field: "hazard"),
            title: row["title"],
            areas: CoordinationRows.split(row["areas"]), likelihood: row["likelihood"], impact: row["impact"],
            owner: try AgencyCode(row["owner"] as String), mitigations: CoordinationRows.split(row["mitigations"]),
            plan: row["plan"],
            resources: CoordinationRows.split(row["resources"]),
            nextReview: try (row["next_review"] as String?).map { text throws(ValidationError) in
                try CalendarDate(text, field: "review")
            })
        return Risk(
            entry: entry, registeredAt: Timestamp(millisecondsSinceEpoch: row["registered_at"]),
            updatedAt: Timestamp(millisecondsSinceEpoch: row["updated_at"]), reviews: reviews)
    }

    static func reviews(of id: String, in db: Database) throws -> [Risk.Reviewed] {
        try Row.fetchAll(
            db, sql: "SELECT * FROM risk_reviews WHERE risk = ? ORDER BY at, agency, officer", arguments: [id]
        ).map { row in
            Risk.Reviewed(
                at: Timestamp(millisecondsSinceEpoch: row["at"]), agency: try AgencyCode(row["agency"] as String),
                officer: row["officer"], note: row["note"])
        }
    }
}

extension SQLiteStore {
    /// The register, highest score first; one band's risks only when `band` is given.
    public func risks(band: RiskBand? = nil) throws(StoreError) -> [Risk] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM risks WHERE ?1 IS NULL OR band = ?1 ORDER BY score DESC, id",
                arguments: [band?.rawValue]
            )
            .map { row in try RiskRows.risk(row, reviews: try RiskRows.reviews(of: row["id"], in: db)) }
        }
    }

    /// The incidents a risk produced (its hazard, in an area it exposes), newest first.
    public func incidents(producedBy risk: Risk, limit: Int) throws(StoreError) -> [IncidentRecord] {
        let areas = risk.entry.exposedAreas.sorted()
        return try read { db in
            try IncidentRows.records(
                db,
                sql: """
                    SELECT \(Self.incidentColumns) FROM incidents
                    WHERE type = ? AND area IN (\(areas.map { _ in "?" }.joined(separator: ","))) ORDER BY opened_at DESC, ref DESC LIMIT ?
                    """, arguments: StatementArguments([risk.entry.hazard.rawValue] + areas) + [limit])
        }
    }

    /// The risks of the register an incident comes under.
    public func risks(producing incident: Incident) throws(StoreError) -> [Risk] {
        try risks(band: nil).filter { $0.entry.produced(incident) }
    }

    public func risk(_ id: RecordID) throws(StoreError) -> Risk? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM risks WHERE id = ?", arguments: [id.rawValue])
                .map { row in try RiskRows.risk(row, reviews: try RiskRows.reviews(of: id.rawValue, in: db)) }
        }
    }
}
