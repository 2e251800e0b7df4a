import GRDB
import QanatCore
import XCTest

@testable import QanatStore

/// `rebuild`'s digest covers every projection the schema has, found in the schema itself.
final class DigestTests: XCTestCase {
    func testTheDigestReadsEveryTableButTheLogAndWhatIsNotMadeFromIt() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let (digested, all) = try store.read { db in
            (
                try Schema.digestedTables(db).map(\.name),
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            )
        }
        let shadows = all.filter { $0.hasPrefix(SearchIndex.table + "_") }
        XCTAssertFalse(shadows.isEmpty, "FTS5 keeps its own tables")
        XCTAssertEqual(Set(digested), Set(all).subtracting(Schema.notDerived).subtracting(shadows))
        XCTAssertTrue(digested.contains("open_incident_counts"), "v9's table, which no hand-kept list named")
    }

    func testAChangeInAnyProjectionChangesTheDigest() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        try store.apply(scenario(count: 40, seed: 3))
        let before = try store.projectionDigest()
        let tables = try store.read { db in try Schema.digestedTables(db).map(\.name) }
        var changed: [String] = []
        for table in tables {
            guard try store.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }) > 0 else {
                continue
            }
            try store.write { db in
                try db.execute(sql: "CREATE TEMP TABLE kept AS SELECT * FROM \(table)")
                try db.execute(sql: "DELETE FROM \(table)")
            }
            XCTAssertNotEqual(try store.projectionDigest(), before, "\(table) emptied")
            try store.write { db in
                // Generated columns (the rank columns of incidents) are made again, not inserted.
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                    .joined(separator: ", ")
                try db.execute(sql: "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM temp.kept")
                try db.execute(sql: "DROP TABLE temp.kept")
            }
            XCTAssertEqual(try store.projectionDigest(), before, "\(table) restored")
            changed.append(table)
        }
        XCTAssertTrue(
            Set(["incidents", "messages", "open_incident_counts", SearchIndex.table]).isSubset(of: changed),
            "\(changed)")
    }
}
