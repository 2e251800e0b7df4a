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
            XCTAssertEqual(
                validation?.problem, .transitionRefused(from: "closed", allowed: ["verified", "responding"]))
            XCTAssertEqual(
                validation?.description,
                "status: cannot go from closed to contained; allowed from closed: verified, responding")
        }
    }

    func testUnitOutOfServiceOnlyReturnsToAvailable() {
        XCTAssertEqual(UnitStatus.outOfService.allowedNext(onAssignment: false), [.available])
        XCTAssertThrowsError(try UnitStatus.outOfService.checkTransition(to: .onScene, onAssignment: false))
        XCTAssertNoThrow(try UnitStatus.assigned.checkTransition(to: .enRoute, onAssignment: true))
    }

    func testAUnitOnNoIncidentIsNeverCommittedByHand() {
        for status in UnitStatus.allCases {
            XCTAssertFalse(status.allowedNext(onAssignment: false).contains { $0.isCommitted }, "\(status)")
        }
        XCTAssertThrowsError(try UnitStatus.available.checkTransition(to: .assigned, onAssignment: false))
        XCTAssertFalse(
            UnitStatus.allCases.contains { $0.allowedNext(onAssignment: true).contains(.assigned) },
            "assigned comes only from tasking")
        XCTAssertEqual(UnitStatus.allCases.filter(\.canBeTasked), [.available, .returning])
    }

    func testAnAssignmentOnlyMovesForwardByHand() {
        XCTAssertFalse(UnitStatus.onScene.allowedNext(onAssignment: true).contains(.enRoute))
        XCTAssertEqual(UnitStatus.enRoute.assignmentStage, .acknowledged)
        XCTAssertEqual(UnitStatus.onScene.assignmentStage, .arrived)
        XCTAssertEqual(UnitStatus.returning.assignmentStage, .released)
        XCTAssertLessThan(AssignmentStage.acknowledged, .arrived)
    }

    func testEveryStatusCanBeLeft() {
        for status in IncidentStatus.allCases { XCTAssertFalse(status.allowedNext.isEmpty, "\(status)") }
        for status in UnitStatus.allCases {
            XCTAssertFalse(status.allowedNext(onAssignment: false).isEmpty, "\(status)")
        }
    }

    func testNamedValueErrorListsAllowedValues() {
        XCTAssertThrowsError(try MessagePriority.parse("urgent", field: "priority")) { error in
            XCTAssertEqual("\(error)", "priority: 'urgent' is not one of: routine, priority, immediate, flash")
        }
    }
}
