import GRDB
import QanatCore

extension SQLiteStore {
    /// Open incidents counted by area and severity, in `areas` or (nil) in every area: along the
    /// map's index (v17), so no incident's row is read, and a change reads again only its areas.
    public func openIncidentCounts(in areas: Set<String>?) throws(StoreError) -> [String: [Severity: Int]] {
        if let areas, areas.isEmpty { return [:] }
        return try read { db in
            var counts: [String: [Severity: Int]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: Self.openIncidentCountsSQL(areas: areas?.count),
                arguments: StatementArguments(areas.map { Array($0).sorted() } ?? []))
            while let row = try rows.next() {
                guard let severity = Severity(rawValue: row["severity"]) else { continue }
                counts[row["area"], default: [:]][severity] = row["n"]
            }
            return counts
        }
    }

    /// Counts in every area (nil) or in this many, bound as arguments.
    static func openIncidentCountsSQL(areas: Int?) -> String {
        let only = areas.map { " AND area IN (\(Array(repeating: "?", count: $0).joined(separator: ", ")))" } ?? ""
        return """
            SELECT area, severity, count(*) AS n FROM incidents INDEXED BY open_incidents_by_area_severity
            WHERE status <> 'closed'\(only) GROUP BY area, severity
            """
    }

    /// The areas these incidents lie in (an incident never moves); asked 500 at a time, well under
    /// SQLite's limit on bound values, however many a batch of changes touched.
    public func areas(of references: [IncidentReference]) throws(StoreError) -> Set<String> {
        guard !references.isEmpty else { return [] }
        return try read { db in
            var areas: Set<String> = []
            for start in stride(from: 0, to: references.count, by: 500) {
                let chunk = references[start..<min(references.count, start + 500)]
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                areas.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT DISTINCT area FROM incidents WHERE ref IN (\(marks))",
                        arguments: StatementArguments(chunk.map(\.rawValue))))
            }
            return areas
        }
    }

    /// Units committed (assigned, en route, on scene) counted by their incident's area.
    public func committedUnitCounts() throws(StoreError) -> [String: Int] {
        try read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT i.area, count(*) AS n FROM units u JOIN incidents i ON i.ref = u.incident
                    WHERE u.status IN ('assigned', 'enRoute', 'onScene') GROUP BY i.area
                    """)
            {
                counts[row["area"]] = row["n"]
            }
            return counts
        }
    }
}
