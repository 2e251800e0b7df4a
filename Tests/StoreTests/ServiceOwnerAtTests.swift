import Foundation
import GRDB
import XCTest

@testable import QanatStore

/// `init` on a store an earlier release made (perhaps on another host) must first see whose
/// service it is, before anything migrates it: a reader refuses an older store, this look does not.
final class ServiceOwnerAtTests: XCTestCase {
    func testTheServiceOfAStoreAnEarlierReleaseMadeIsReadWithoutMigratingIt() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/old.sqlite"
        let old = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(old, upTo: "v15: receipt stamps")
        try old.write { db in
            try db.execute(
                sql: "INSERT INTO settings (key, value) VALUES (?, ?)",
                arguments: [ServiceOwner.setting, ServiceOwner(user: "q12-svc", uid: 977).stored])
        }
        try old.close()
        XCTAssertThrowsError(try SQLiteStore.reader(at: path)) {
            XCTAssertTrue("\($0)".contains("made by an older qanat"), "\($0)")
        }
        XCTAssertEqual(try SQLiteStore.serviceOwner(at: path), ServiceOwner(user: "q12-svc", uid: 977))
        let migrations = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        XCTAssertFalse(migrations.contains("v16: sites"), "a look migrates nothing")
    }
}
