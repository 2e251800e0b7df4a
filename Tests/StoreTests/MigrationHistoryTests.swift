import Foundation
import GRDB
import QanatCore
import XCTest

@testable import QanatStore

/// Migrations are history: a store made at any past version and migrated has the same schema as
/// a fresh one, and the same projections once rebuilt.
final class MigrationHistoryTests: XCTestCase {
    /// Every object of the schema as SQLite keeps it (FTS5's shadow tables included), by name.
    func schema(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name")
        }
    }

    /// The schema every migration together makes, as recorded in `Schema/schema.txt`: an edit to a
    /// past migration shows here. A new migration records it again (QANAT_RECORD_SNAPSHOTS=1).
    func assertRecorded(_ schema: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent(
            "Schema/schema.txt")
        let actual = schema.joined(separator: "\n") + "\n"
        let recorded = try? String(contentsOf: url, encoding: .utf8)
        if recorded == nil || ProcessInfo.processInfo.environment["QANAT_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: false, encoding: .utf8)
            if recorded == nil { XCTFail("recorded \(url.path); look at it and run again", file: file, line: line) }
            return
        }
        XCTAssertEqual(
            actual, recorded, "the migrations' schema differs from Schema/schema.txt: a past migration was edited?",
            file: file, line: line)
    }

    func testAStoreMadeAtEachPastVersionMigratesToTheFreshSchemaAndProjections() throws {
        let dir = try temporaryDirectory()
        let fresh = try SQLiteStore.create(path: dir + "/fresh.sqlite")
        try fresh.apply(scenario(count: 300, seed: 11) + coordinationScenario(count: 200, seed: 12))
        let freshSchema = try schema(dir + "/fresh.sqlite")
        try assertRecorded(freshSchema)
        let freshDigest = try fresh.projectionDigest()
        let versions = Schema.migrator.migrations
        XCTAssertEqual(versions.count, 17)
        for version in versions {
            let path = dir + "/at-\(versions.firstIndex(of: version) ?? 0).sqlite"
            // The store as that version left it, with the events written into it by SQL.
            let old = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(old, upTo: version)
            try old.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ? AS fresh", arguments: [dir + "/fresh.sqlite"])
                // The columns every version has: a receipt stamp came with v15.
                let columns = "seq, id, at, type, agency, officer, user, subject, subject2, data"
                try db.execute(sql: "INSERT INTO events (\(columns)) SELECT \(columns) FROM fresh.events")
                try db.execute(sql: "DETACH DATABASE fresh")
            }
            try old.close()
            let migrated = try SQLiteStore(path: path)
            XCTAssertEqual(try schema(path), freshSchema, "the schema after migrating from \(version)")
            XCTAssertEqual(try openCounts(migrated), try counted(migrated), "counts kept by triggers, from \(version)")
            try migrated.rebuild()
            XCTAssertEqual(
                try migrated.projectionDigest(), freshDigest, "the projections after migrating from \(version)")
            XCTAssertEqual(
                try openCounts(migrated), try counted(migrated), "counts kept through rebuild, from \(version)")
        }
        XCTAssertEqual(try openCounts(fresh), try counted(fresh))
        XCTAssertFalse(try counted(fresh).isEmpty)
    }

    /// Open incidents by severity as the wall reads them (kept by triggers) and as a scan counts them.
    func openCounts(_ store: SQLiteStore) throws -> [String: Int] {
        try store.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT severity, n FROM open_incident_counts WHERE n > 0"
                )
                .map { ($0["severity"] as String, $0["n"] as Int) })
        }
    }

    func counted(_ store: SQLiteStore) throws -> [String: Int] {
        try store.read { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(
                    db, sql: "SELECT severity, count(*) AS n FROM incidents WHERE status <> 'closed' GROUP BY severity"
                )
                .map { ($0["severity"] as String, $0["n"] as Int) })
        }
    }
}
