import Foundation
import QanatCore
import XCTest

@testable import QanatStore

final class ChangeWatcherTests: XCTestCase {
    func testAnotherConnectionsCommitIsNoticed() throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        let writer = try SQLiteStore.create(path: path)
        let watcher = try ChangeWatcher(path: path)
        let before = try watcher.dataVersion()
        try writer.apply(scenario(count: 3, seed: 1))
        XCTAssertNotEqual(try watcher.dataVersion(), before)

    }

    func testTheKernelWakesTheWatcherWhenAnotherConnectionCommitsAndOnlyThen() throws {
        let directory = try temporaryDirectory()
        let path = directory + "/store.sqlite"
        _ = try SQLiteStore.create(path: path)
        let watcher = try ChangeWatcher(path: path)
        let descriptor = try XCTUnwrap(watcher.descriptor, "inotify on Linux")
        _ = watcher.takeNotifications()
        XCTAssertFalse(watcher.takeNotifications(), "nothing since")
        // Another file in the store's directory is not the store.
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/notes.txt", contents: Data("x".utf8)))
        XCTAssertFalse(watcher.takeNotifications())

        let before = try watcher.dataVersion()
        let other = try SQLiteStore.create(path: path)
        try other.apply(scenario(count: 3, seed: 2))
        var wake = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&wake, 1, 2000), 1, "the commit wakes a sleeping poll")
        XCTAssertTrue(watcher.takeNotifications())
        XCTAssertNotEqual(try watcher.dataVersion(), before)
        XCTAssertFalse(watcher.takeNotifications(), "drained")
    }

    func testReadOnlyStoreRefusesWrites() throws {
        let path = try temporaryDirectory() + "/store.sqlite"
        _ = try SQLiteStore.create(path: path)
        let reader = try SQLiteStore(path: path, options: .init(readOnly: true))
        XCTAssertThrowsError(try reader.apply(scenario(count: 1, seed: 1)))
        XCTAssertEqual(try reader.eventCount(), 0)
    }
}
