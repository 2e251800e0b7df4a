import XCTest
@testable import QanatCore

final class StateMachineTests: XCTestCase {
    func testIncidentMovesForwardAndReopens() throws {
        try IncidentStatus.reported.checkTransition(to: .verified)
        try IncidentStatus.responding.checkTransition(to: .contained)
        try IncidentStatus.contained.checkTransition(to: .closed)
        try IncidentStatus.closed.checkTransition(to: .verified)
    }

    func testIllegalIncidentTransitionNamesFieldAndAllowedValues() {
        XCTAssertThrowsError(try IncidentStatus.closed.checkTransition(to: .contained)) { error in
            let validation = error as? ValidationError
            XCTAssertEqual(validation?.field, "status")
            XCTAssertEqual(validation?.problem, .transitionRefused(from: "closed", allowed: ["verified", "responding"]))
            XCTAssertEqual(validation?.description,
                           "status: cannot go from closed to contained; allowed from closed: verified, responding")
        }
    }

    func testUnitOutOfServiceOnlyReturnsToAvailable() {
        XCTAssertEqual(UnitStatus.outOfService.allowedNext, [.available])
        XCTAssertThrowsError(try UnitStatus.outOfService.checkTransition(to: .onScene))
        XCTAssertNoThrow(try UnitStatus.available.checkTransition(to: .enRoute))
    }

    func testEveryStatusCanBeLeft() {
        for status in IncidentStatus.allCases { XCTAssertFalse(status.allowedNext.isEmpty, "\(status)") }
        for status in UnitStatus.allCases { XCTAssertFalse(status.allowedNext.isEmpty, "\(status)") }
    }

    func testNamedValueErrorListsAllowedValues() {
        XCTAssertThrowsError(try MessagePriority.parse("urgent", field: "priority")) { error in
            XCTAssertEqual("\(error)", "priority: 'urgent' is not one of: routine, priority, immediate, flash")
        }
    }
}
