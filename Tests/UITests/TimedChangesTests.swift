import QanatCore
import XCTest
@testable import QanatUI

/// An idle desk sleeps until what it shows turns over by itself: the clock's minute, an age, a timer.
final class TimedChangesTests: XCTestCase {
    func testWithNothingOnTheBoardsTheClocksNextMinute() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.data = DeskData()
        state.now = Timestamp(rfc3339: "2026-11-22T12:05:09Z")!
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:06:00Z")!)
    }

    func testAnAgeUnderAMinuteTurnsEverySecondAndOlderOnesOnTheirOwnMinute() throws {
        var state = SampleDesk.state(width: 120, height: 30)
        state.now = Timestamp(rfc3339: "2026-11-22T12:05:09Z")!
        var record = try XCTUnwrap(state.data.incidents.first)
        state.data = DeskData()
        // Opened 5 min 49 s ago: its age shows 5m until 12:05:20, when it turns 6m.
        record.incident.openedAt = Timestamp(rfc3339: "2026-11-22T11:59:20Z")!
        record.incident.statusChangedAt = record.incident.openedAt
        record.incident.status = .closed
        state.data.incidents = [record]
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:20Z")!)
        // Opened 30 s ago: every second.
        state.data.incidents[0].incident.openedAt = Timestamp(rfc3339: "2026-11-22T12:04:39Z")!
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:10Z")!)
    }

    func testAnIncidentsTimerTurnsWarningOnTime() throws {
        var state = SampleDesk.state(width: 120, height: 30)
        state.now = Timestamp(rfc3339: "2026-11-22T12:05:00Z")!
        var record = try XCTUnwrap(state.data.incidents.first)
        state.data = DeskData()
        // Extreme and reported: a warning 10 minutes after its status changed, at 12:05:30,
        // while its ages (whole minutes from :30) turn over at :30 too; the timer is what counts.
        record.incident.severity = .extreme
        record.incident.status = .reported
        record.incident.openedAt = Timestamp(rfc3339: "2026-11-22T10:00:00Z")!
        record.incident.statusChangedAt = Timestamp(rfc3339: "2026-11-22T11:55:30Z")!
        state.data.incidents = [record]
        XCTAssertEqual(IncidentTimers.nextLevelChange(record.incident, after: state.now), Timestamp(rfc3339: "2026-11-22T12:05:30Z")!)
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:30Z")!)
    }
}
