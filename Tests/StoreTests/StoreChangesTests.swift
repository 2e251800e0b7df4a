import QanatCore
import QanatStore
import XCTest

/// A reader that noticed a new data_version learns which subjects the new events touched.
final class StoreChangesTests: XCTestCase {
    func testChangesNameTheSubjectsOfTheNewEventsOnly() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        let events = scenario(count: 400, seed: 9)
        try store.apply(Array(events.prefix(300)))
        let start = try store.changes(after: nil, limit: 1000)
        XCTAssertNil(start.subjects, "with no starting point, everything is new")

        let later = Array(events.suffix(100))
        try store.apply(later)
        let changes = try store.changes(after: start.lastSequence, limit: 1000)
        XCTAssertEqual(changes.subjects, Set(later.flatMap(\.subjects)))
        XCTAssertEqual(changes.lastSequence, start.lastSequence + Int64(try store.eventCount() - 300))

        XCTAssertNil(try store.changes(after: start.lastSequence, limit: 10).subjects, "too many to list")
        XCTAssertNil(
            try store.changes(after: changes.lastSequence, limit: 1000).subjects,
            "a new version with no new event (a rebuild) may have changed anything")
    }

    func testEverySubjectKeyReadsBack() throws {
        for event in scenario(count: 300, seed: 4) {
            for subject in event.subjects { XCTAssertEqual(Subject(key: subject.key), subject) }
        }
        XCTAssertNil(Subject(key: "vehicle:X-1"))
        XCTAssertNil(Subject(key: "incident:not a reference"))
    }
}
