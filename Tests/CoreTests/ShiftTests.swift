import QanatCore
import XCTest

/// An officer's latest shift, from their sign-on and sign-off events in any order.
final class ShiftTests: XCTestCase {
    func event(_ minute: Int64, _ signedOn: Bool, note: String? = nil, agency: String = "MOI") throws -> Event {
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + minute * 60_000)
        var rng = SystemRandomNumberGenerator()
        return Event(
            id: .make(at: at, using: &rng), at: at, agency: try AgencyCode(agency), officer: "Huda", user: "duty",
            payload: .shift(ShiftChange(signedOn: signedOn, note: note)))
    }

    func testTheLatestSignOnAndTheSignOffAfterIt() throws {
        let events = [
            try event(0, true), try event(480, false, note: "first"), try event(960, true, agency: "LRC"),
            try event(1440, false, note: "second"),
        ]
        let shift = try XCTUnwrap(Shift.latest(in: events.reversed()))
        XCTAssertEqual(shift.start, events[2].at)
        XCTAssertEqual(shift.end, events[3].at)
        XCTAssertEqual(shift.note, "second")
        XCTAssertEqual(shift.agency.rawValue, "LRC")
    }

    func testAShiftStillOpenHasNoEnd() throws {
        let shift = try XCTUnwrap(Shift.latest(in: [try event(0, true), try event(480, false), try event(960, true)]))
        XCTAssertNil(shift.end)
        XCTAssertNil(Shift.latest(in: [try event(0, false)]), "a sign-off alone is no shift")
    }
}
