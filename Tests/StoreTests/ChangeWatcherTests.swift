import XCTest
import QanatCore
@testable import QanatStore

final class ChangeWatcherTests: XCTestCase {
    func testAnotherConnectionsCommitIsNoticed() async throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        let writer = try SQLiteStore.create(path: path)
        let watcher = try ChangeWatcher(path: path)
        let before = try watcher.dataVersion()
        try writer.apply(scenario(count: 3, seed: 1))
        XCTAssertNotEqual(try watcher.dataVersion(), before)

        let changes = watcher.changes(every: .milliseconds(10))
        let other = try SQLiteStore.create(path: path)
        try other.apply(scenario(count: 3, seed: 2))
        // A change is noticed within two seconds, or the test fails (it never hangs).
        let noticed = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                var iterator = changes.makeAsyncIterator()
                return await iterator.next() != nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        XCTAssertTrue(noticed)
    }

    func testReadOnlyStoreRefusesWrites() throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        _ = try SQLiteStore.create(path: path)
        let reader = try SQLiteStore(path: path, options: .init(readOnly: true))
        XCTAssertThrowsError(try reader.apply(scenario(count: 1, seed: 1)))
        XCTAssertEqual(try reader.eventCount(), 0)
    }
}
