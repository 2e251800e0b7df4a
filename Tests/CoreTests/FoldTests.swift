import XCTest
@testable import QanatCore

final class FoldTests: XCTestCase {
    let reference = IncidentReference(year: 2026, number: 1)
    let unit = try! CallSign("CD-01")

    func event(_ second: Int64, _ payload: EventPayload) -> Event {
        var generator = SystemRandomNumberGenerator()
        let at = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000 + second * 1000)
        return Event(id: .make(at: at, using: &generator), at: at, agency: try! AgencyCode("CD"),
                     officer: "Salem", user: nil, payload: payload)
    }

    func testIncidentIsLastWriterWinsWhateverTheOrder() throws {
        let events = [
            event(0, .incidentOpened(IncidentOpening(reference: reference, title: "Storm", type: .storm, severity: .severe, area: "derna"))),
            event(5, .incidentStatusChanged(IncidentStatusChange(reference: reference, status: .responding))),
            event(3, .incidentStatusChanged(IncidentStatusChange(reference: reference, status: .verified))),
            event(4, .incidentUpdated(IncidentUpdate(reference: reference, severity: .extreme))),
        ]
        let expected = try XCTUnwrap(Fold.incident(events))
        XCTAssertEqual(expected.status, .responding)
        XCTAssertEqual(expected.severity, .extreme)
        XCTAssertEqual(expected.leadAgency.rawValue, "CD")
        for _ in 0..<20 { XCTAssertEqual(Fold.incident(events.shuffled()), expected) }
    }

    func testStatusChangeBeforeOpeningWaitsForIt() {
        let change = event(1, .incidentStatusChanged(IncidentStatusChange(reference: reference, status: .verified)))
        XCTAssertNil(Fold.incident([change]))
        let opening = event(0, .incidentOpened(IncidentOpening(reference: reference, title: "t", type: .fire, severity: .minor, area: "sabha")))
        XCTAssertEqual(Fold.incident([change, opening])?.status, .verified)
    }

    func testUnitFollowsItsAssignment() throws {
        let link = AssignmentLink(incident: reference, unit: unit)
        let events = [
            event(0, .unitRegistered(UnitRegistration(callSign: unit, agency: try AgencyCode("CD"), kind: .rescue))),
            event(1, .assignment(.tasked, link)),
            event(2, .assignment(.acknowledged, link)),
            event(3, .assignment(.arrived, link)),
        ]
        XCTAssertEqual(Fold.unit(events)?.status, .onScene)
        XCTAssertEqual(Fold.unit(events)?.incident, reference)
        let released = events + [event(4, .assignment(.released, link))]
        XCTAssertEqual(Fold.unit(released.shuffled())?.status, .returning)
        XCTAssertNil(Fold.unit(released)?.incident)
        let assignment = try XCTUnwrap(Fold.assignments(released.shuffled()).first)
        XCTAssertNotNil(assignment.acknowledgedAt)
        XCTAssertFalse(assignment.isActive)
    }
}
