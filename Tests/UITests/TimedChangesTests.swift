import QanatCore
import XCTest

@testable import QanatUI

/// An idle desk sleeps until what it shows turns over by itself: the clock's minute, an age, a timer.
final class TimedChangesTests: XCTestCase {
    /// A desk at `now` whose boards hold only `change`d copies of the sample's first incident.
    private func desk(at now: String, _ change: (inout Incident) -> Void) throws -> DeskState {
        var state = SampleDesk.state(width: 120, height: 30)
        state.now = Timestamp(rfc3339: now)!
        var record = try XCTUnwrap(state.data.incidents.first)
        change(&record.incident)
        state.data = DeskData()
        state.data.incidents = [record]
        return state
    }

    func testWithNothingOnTheBoardsTheClocksNextMinute() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.data = DeskData()
        state.now = Timestamp(rfc3339: "2026-11-22T12:05:09Z")!
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:06:00Z")!)
    }

    func testAnAgeUnderAMinuteTurnsEverySecondAndOlderOnesOnTheirOwnMinute() throws {
        // Opened 5 min 49 s ago: its age shows 5m until 12:05:20, when it turns 6m.
        var state = try desk(at: "2026-11-22T12:05:09Z") { incident in
            incident.openedAt = Timestamp(rfc3339: "2026-11-22T11:59:20Z")!
            incident.statusChangedAt = incident.openedAt
            incident.status = .closed
        }
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:20Z")!)
        // Opened 30 s ago: every second.
        state.data.incidents[0].incident.openedAt = Timestamp(rfc3339: "2026-11-22T12:04:39Z")!
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:10Z")!)
    }

    func testAnIncidentsTimerTurnsWarningOnTime() throws {
        // Extreme and reported: a warning 10 minutes after its status changed, at 12:05:30,
        // while its ages (whole minutes from :30) turn over at :30 too; the timer is what counts.
        let state = try desk(at: "2026-11-22T12:05:00Z") { incident in
            incident.severity = .extreme
            incident.status = .reported
            incident.openedAt = Timestamp(rfc3339: "2026-11-22T10:00:00Z")!
            incident.statusChangedAt = Timestamp(rfc3339: "2026-11-22T11:55:30Z")!
        }
        XCTAssertEqual(
            IncidentTimers.nextLevelChange(state.data.incidents[0].incident, after: state.now),
            Timestamp(rfc3339: "2026-11-22T12:05:30Z")!)
        XCTAssertEqual(state.nextTimedChange, Timestamp(rfc3339: "2026-11-22T12:05:30Z")!)
    }

    func testTheNextChangeIsAlwaysAfterNowWhateverTheMillisecondsSoALoopNeverSpins() throws {
        var state = try desk(at: "2026-11-22T12:05:09Z") { incident in
            incident.openedAt = Timestamp(rfc3339: "2026-11-22T11:59:20.345Z")!
            incident.statusChangedAt = Timestamp(rfc3339: "2026-11-22T12:04:59.999Z")!
        }
        var now = Timestamp(rfc3339: "2026-11-22T12:05:09Z")!
        for _ in 0..<200 {
            state.now = now
            let next = state.nextTimedChange
            XCTAssertGreaterThan(next, now)
            now = next
        }
    }

    func testTheWallsAgesAreTheDesksAndMoveWhenTheyTurn() throws {
        var wall = WallState(width: 160, height: 48, language: .en, now: SampleDesk.now, rotationSeconds: 3600)
        var record = try XCTUnwrap(SampleDesk.state(width: 120, height: 30).data.incidents.first)
        record.incident.openedAt = SampleDesk.now.adding(seconds: -29)
        record.incident.statusChangedAt = record.incident.openedAt
        wall.boards.incidents = [record]
        wall.board = .incidents
        XCTAssertTrue(WallView.render(wall).lines.contains { $0.contains(" 29s ") })
        wall.tick(SampleDesk.now.adding(seconds: 1))
        XCTAssertTrue(
            WallView.render(wall).lines.contains { $0.contains(" 30s ") }, "a fresh age counts seconds on the wall too")
        XCTAssertEqual(wall.now, SampleDesk.now.adding(seconds: 1), "the wall's time is the clock's, not its minute")
    }
}
