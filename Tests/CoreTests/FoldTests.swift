import XCTest

@testable import QanatCore

final class FoldTests: XCTestCase {
    let reference = IncidentReference(year: 2026, number: 1)
    let unit = try! CallSign("CD-01")

    func event(_ second: Int64, _ payload: EventPayload) -> Event {
        var generator = SystemRandomNumberGenerator()
        let at = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000 + second * 1000)
        return Event(
            id: .make(at: at, using: &generator), at: at, agency: try! AgencyCode("CD"),
            officer: "Salem", user: nil, payload: payload)
    }

    func testIncidentIsLastWriterWinsWhateverTheOrder() throws {
        let events = [
            event(
                0,
                .incidentOpened(
                    IncidentOpening(
                        reference: reference, title: "Storm", type: .storm, severity: .severe, area: "derna"))),
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
        let opening = event(
            0,
            .incidentOpened(
                IncidentOpening(reference: reference, title: "t", type: .fire, severity: .minor, area: "sabha")))
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

final class IncidentTimerTests: XCTestCase {
    func incident(_ severity: Severity, _ status: IncidentStatus, minutesInStatus: Int64) -> (Incident, Timestamp) {
        let changed = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let i = Incident(
            reference: IncidentReference(year: 2026, number: 1), title: "t", type: .fire, severity: severity,
            status: status, area: "sabha", reportingAgency: try! AgencyCode("CD"), leadAgency: try! AgencyCode("CD"),
            openedAt: changed, statusChangedAt: changed, updatedAt: changed)
        return (i, changed.adding(seconds: minutesInStatus * 60))
    }

    func testTheWorseTheSeverityTheSoonerTheAlarm() {
        let (extreme, at15) = incident(.extreme, .reported, minutesInStatus: 15)
        XCTAssertEqual(IncidentTimers.level(extreme, now: at15), .warning)
        let (minor, sameTime) = incident(.minor, .reported, minutesInStatus: 15)
        XCTAssertEqual(IncidentTimers.level(minor, now: sameTime), .normal)
        let (late, at25) = incident(.extreme, .verified, minutesInStatus: 25)
        XCTAssertEqual(IncidentTimers.level(late, now: at25), .alarm)
        let (working, at25b) = incident(.extreme, .responding, minutesInStatus: 25)
        XCTAssertEqual(IncidentTimers.level(working, now: at25b), .normal)
        let (closed, later) = incident(.extreme, .closed, minutesInStatus: 9999)
        XCTAssertEqual(IncidentTimers.level(closed, now: later), .normal)
    }

    func testCompactDurations() {
        XCTAssertEqual(
            [45, 720, 11_100, 187_200].map { IncidentTimers.compact(seconds: $0) }, ["45s", "12m", "3h05", "2d4h"])
    }
}

final class DuplicateRuleTests: XCTestCase {
    func testSameTypeSameAreaWithinThirtyMinutes() {
        let now = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        func incident(
            _ n: Int, _ type: IncidentType, _ area: String, minutesAgo: Int64, _ status: IncidentStatus = .reported
        ) -> Incident {
            Incident(
                reference: IncidentReference(year: 2026, number: n), title: "t", type: type, severity: .severe,
                status: status,
                area: area, reportingAgency: try! AgencyCode("CD"), leadAgency: try! AgencyCode("CD"),
                openedAt: now.adding(seconds: -minutesAgo * 60), statusChangedAt: now, updatedAt: now)
        }
        let open = [
            incident(1, .flashFlood, "derna", minutesAgo: 10), incident(2, .flashFlood, "derna", minutesAgo: 45),
            incident(3, .storm, "derna", minutesAgo: 5), incident(4, .flashFlood, "susa", minutesAgo: 5),
            incident(5, .flashFlood, "derna", minutesAgo: 2, .closed),
        ]
        XCTAssertEqual(
            DuplicateRule.likelyDuplicates(type: .flashFlood, area: "derna", at: now, among: open).map(
                \.reference.rawValue),
            ["INC-2026-0001"])
    }
}
