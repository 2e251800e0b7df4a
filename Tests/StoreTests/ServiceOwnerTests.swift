import Foundation
import QanatStore
import XCTest

/// A service store is written by its service alone, whatever the file modes would allow.
final class ServiceOwnerTests: XCTestCase {
    func testOnlyTheServiceOrRootSettingUpOpensAServiceStoreForWriting() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/qanat.sqlite"
        let made = try SQLiteStore.create(path: path)
        XCTAssertNil(try made.serviceOwner(), "a new store is embedded")
        let owner = ServiceOwner(user: "qanat-elsewhere", uid: 424_242)
        try made.setServiceOwner(owner)

        // This process (root in CI, or the file's owner) could write the file: the store refuses.
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            guard case StoreError.serviceOwned(let refusedPath, let named) = error else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(refusedPath, path)
            XCTAssertEqual(named, owner)
            XCTAssertTrue("\(error)".contains("written by its service alone (qanat-elsewhere)"), "\(error)")
        }
        // Asking as the service is not enough for a user who is not the service's.
        if geteuid() != 0 {
            XCTAssertThrowsError(try SQLiteStore(path: path, options: .init(asService: true)))
        } else {
            XCTAssertNoThrow(try SQLiteStore(path: path, options: .init(asService: true)), "root setting it up")
        }
        // Reading stays open to anyone who may read the file.
        XCTAssertEqual(try SQLiteStore.reader(at: path).serviceOwner(), owner)
    }
}
