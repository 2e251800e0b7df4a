import XCTest
import QanatCore
@testable import QanatStore

final class ChangeWatcherTests: XCTestCase {
    func testAnotherConnectionsCommitIsNoticed() async throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        let writer = try SQLiteStore(path: path)
        let watcher = try ChangeWatcher(path: path)
        let before = try watcher.dataVersion()
        try writer.apply(scenario(count: 3, seed: 1))
        XCTAssertNotEqual(try watcher.dataVersion(), before)

        var changes = watcher.changes(every: .milliseconds(10)).makeAsyncIterator()
        let other = try SQLiteStore(path: path)
        try other.apply(scenario(count: 3, seed: 2))
        let noticed: Void? = await changes.next()
        XCTAssertNotNil(noticed)
    }

    func testReadOnlyStoreRefusesWrites() throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        _ = try SQLiteStore(path: path)
        let reader = try SQLiteStore(path: path, options: .init(readOnly: true))
        XCTAssertThrowsError(try reader.apply(scenario(count: 1, seed: 1)))
        XCTAssertEqual(try reader.eventCount(), 0)
    }
}
