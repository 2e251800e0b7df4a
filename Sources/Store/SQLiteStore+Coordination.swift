import GRDB
import QanatCore

extension SQLiteStore {
    public func organisations(kind: OrganisationKind? = nil) throws(StoreError) -> [Organisation] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM agencies WHERE ?1 IS NULL OR kind = ?1 ORDER BY code",
                arguments: [kind?.rawValue]
            ).map(CoordinationRows.organisation)
        }
    }

    public func organisation(_ code: AgencyCode) throws(StoreError) -> Organisation? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM agencies WHERE code = ?", arguments: [code.rawValue]).map(
                CoordinationRows.organisation)
        }
    }

    public func needs(matching query: CoordinationQuery) throws(StoreError) -> [Need] {
        try read { db in
            var filter = Filter(query, organisationColumns: ["organisation"])
            if query.openOnly { filter.add("status IN ('reported', 'verified', 'partlyMet')") }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM needs\(filter.whereClause) ORDER BY reported_at DESC, id",
                arguments: filter.arguments
            ).map(CoordinationRows.need)
        }
    }

    public func need(_ id: RecordID) throws(StoreError) -> Need? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM needs WHERE id = ?", arguments: [id.rawValue]).map(
                CoordinationRows.need)
        }
    }

    public func activities(matching query: CoordinationQuery) throws(StoreError) -> [Activity] {
        try read { db in
            let filter = Filter(query, organisationColumns: ["organisation", "implementer"])
            return try Row.fetchAll(
                db, sql: "SELECT * FROM activities\(filter.whereClause) ORDER BY start_day DESC, id",
                arguments: filter.arguments
            ).map(CoordinationRows.activity)
        }
    }

    public func activity(_ id: RecordID) throws(StoreError) -> Activity? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM activities WHERE id = ?", arguments: [id.rawValue]).map(
                CoordinationRows.activity)
        }
    }

    /// The pledges on `needs`, or every pledge when nil.
    public func pledges(on needs: [RecordID]?) throws(StoreError) -> [Pledge] {
        try read { db in
            guard let needs else {
                return try Row.fetchAll(db, sql: "SELECT * FROM pledges ORDER BY made_at, id").map(
                    CoordinationRows.pledge)
            }
            var pledges: [Pledge] = []
            // In chunks: SQLite bounds a statement's arguments.
            for start in stride(from: 0, to: needs.count, by: 500) {
                let chunk = needs[start..<min(start + 500, needs.count)].map(\.rawValue)
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                pledges += try Row.fetchAll(
                    db, sql: "SELECT * FROM pledges WHERE need IN (\(marks)) ORDER BY made_at, id",
                    arguments: StatementArguments(chunk)
                ).map(CoordinationRows.pledge)
            }
            return pledges
        }
    }

    public func pledge(_ id: RecordID) throws(StoreError) -> Pledge? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM pledges WHERE id = ?", arguments: [id.rawValue]).map(
                CoordinationRows.pledge)
        }
    }

    /// The needs and activities `query` selects, and the pledges on those needs: what coverage is
    /// computed from. The sector and areas narrow everything; the organisation does not (a cell's
    /// duplication is between organisations).
    public func coordinationPicture(matching query: CoordinationQuery) throws(StoreError) -> CoordinationPicture {
        let wide = CoordinationQuery(areas: query.areas, sector: query.sector)
        let needs = try needs(matching: wide)
        return CoordinationPicture(
            needs: needs, activities: try activities(matching: wide), pledges: try pledges(on: needs.map(\.id)))
    }

    /// Ids in `table` (needs, activities or pledges) beginning with `prefix`, at most `limit`.
    public func recordIDs(of kind: CoordinationRecordKind, startingWith prefix: String, limit: Int) throws(StoreError)
        -> [RecordID]
    {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM \(kind.table) WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT ?2",
                arguments: [prefix, limit]
            ).map { text in try RecordID(text) }
        }
    }

    /// A setting's value as a supervisor last set it, else its default.
    public func setting(_ setting: StoreSetting) throws(StoreError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT value FROM store_settings WHERE setting = ?", arguments: [setting.rawValue])
                ?? setting.defaultValue
        }
    }
}

/// Needs, activities and pledges: each named by a UUID that a person may shorten.
public enum CoordinationRecordKind: String, Sendable {
    case need, activity, pledge, risk

    var table: String {
        switch self {
        case .need: "needs"
        case .activity: "activities"
        case .pledge: "pledges"
        case .risk: "risks"
        }
    }
}

/// A query's WHERE clause and its arguments.
private struct Filter {
    private var clauses: [String] = []
    private(set) var arguments = StatementArguments()

    /// `table`: the alias the area and sector columns are read through, in a join.
    init(_ query: CoordinationQuery, organisationColumns: [String], table: String? = nil) {
        let prefix = table.map { $0 + "." } ?? ""
        if let areas = query.areas {
            let sorted = areas.sorted()
            add("\(prefix)area IN (\(Array(repeating: "?", count: sorted.count).joined(separator: ",")))", sorted)
        }
        if let sector = query.sector { add("\(prefix)sector = ?", [sector.rawValue]) }
        if let organisation = query.organisation {
            add(
                "(" + organisationColumns.map { "\($0) = ?" }.joined(separator: " OR ") + ")",
                Array(repeating: organisation.rawValue, count: organisationColumns.count))
        }
    }

    mutating func add(_ clause: String, _ values: [String] = []) {
        clauses.append(clause)
        arguments += StatementArguments(values)
    }

    var whereClause: String { clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ") }
}

extension SQLiteStore {
    /// The coverage cells of `query`'s areas and sector, one cell at a time: needs, activities and
    /// the pledges on those needs are read in area × sector order, side by side, so that memory
    /// holds one cell's records however many activities the store has.
    public func coverage(matching query: CoordinationQuery, rules: CoverageRules) throws(StoreError) -> [CoverageCell] {
        try read { db in
            let filter = Filter(CoordinationQuery(areas: query.areas, sector: query.sector), organisationColumns: [])
            let pledgeFilter = Filter(
                CoordinationQuery(areas: query.areas, sector: query.sector), organisationColumns: [], table: "n")
            let needs = try OrderedRows(
                db, sql: "SELECT * FROM needs\(filter.whereClause) ORDER BY area, sector",
                arguments: filter.arguments, read: CoordinationRows.need)
            let activities = try OrderedRows(
                db, sql: "SELECT * FROM activities\(filter.whereClause) ORDER BY area, sector",
                arguments: filter.arguments, read: CoordinationRows.activity)
            let pledges = try OrderedRows(
                db,
                sql: """
                    SELECT p.*, n.area, n.sector FROM needs n JOIN pledges p ON p.need = n.id\(pledgeFilter.whereClause)
                    ORDER BY n.area, n.sector
                    """, arguments: pledgeFilter.arguments, read: CoordinationRows.pledge)
            var cells: [CoverageCell] = []
            while let key = [needs.key, activities.key, pledges.key].compactMap({ $0 }).min(by: CellKey.before) {
                let cellNeeds = try needs.take(key)
                let cellPledges = try pledges.take(key)
                let cellActivities = try activities.take(key)
                guard let sector = try? Sector.parse(key.sector, field: "sector") else { continue }
                let cellKey = CoverageCell.Key(area: key.area, sector: sector)
                // Pledges on no need of the cell's are the join's; a cell of pledges alone has no need: none.
                guard !cellNeeds.isEmpty || !cellActivities.isEmpty else { continue }
                cells.append(
                    rules.cell(
                        cellKey, needs: cellNeeds, activities: cellActivities,
                        pledgesByNeed: Dictionary(grouping: cellPledges, by: \.made.need)))
            }
            return cells.sorted { $0.key < $1.key }
        }
    }
}

/// An area and a sector as the store sorts them (by their text).
private struct CellKey: Equatable {
    var area: String
    var sector: String

    static func before(_ a: CellKey, _ b: CellKey) -> Bool { a.area != b.area ? a.area < b.area : a.sector < b.sector }
}

/// Rows of one query in (area, sector) order, taken a key at a time.
private final class OrderedRows<Record> {
    typealias Key = CellKey

    private let cursor: RowCursor
    private let read: (Row) throws -> Record
    private var pending: (key: Key, record: Record)?

    init(_ db: Database, sql: String, arguments: StatementArguments, read: @escaping (Row) throws -> Record) throws {
        cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        self.read = read
        try advance()
    }

    var key: Key? { pending?.key }

    /// The records of `key`, if the next ones are its.
    func take(_ key: Key) throws -> [Record] {
        var records: [Record] = []
        while let next = pending, next.key == key {
            records.append(next.record)
            try advance()
        }
        return records
    }

    private func advance() throws {
        guard let row = try cursor.next() else {
            pending = nil
            return
        }
        pending = (Key(area: row["area"], sector: row["sector"]), try read(row))
    }
}
