import QanatCore
import XCTest

@testable import QanatUI

/// After a change in the store, the desk reads again only the windows that show it.
final class DeskRefreshTests: XCTestCase {
    let flood = try! IncidentReference("INC-2026-0001")
    let fire = try! IncidentReference("INC-2026-0002")

    func refresh(_ subjects: [Subject]?, detail: IncidentReference? = nil) -> DeskRefresh {
        DeskRefresh.after(StoreChanges(lastSequence: 9, subjects: subjects.map(Set.init)), detail: detail)
    }

    func testEachSubjectReadsItsWindows() throws {
        // Response times move with messages, units and incidents: the performance board is read again too.
        XCTAssertEqual(refresh([.message(.make(at: Timestamp(millisecondsSinceEpoch: 0)))]), [.messages, .performance])
        XCTAssertEqual(refresh([.unit(try CallSign("CD-1"))]), [.units, .performance, .map])
        XCTAssertEqual(refresh([.incident(fire)]), [.incidents, .performance, .map])
        XCTAssertEqual(refresh([.target(.acknowledge)]), .performance)
        XCTAssertEqual(
            refresh([.report(sha256: String(repeating: "0", count: 64))]), [], "a report written changes no board")
        XCTAssertEqual(refresh([.agency(try AgencyCode("NGO-1"))]), [.agencies, .messages, .coordination])
        XCTAssertEqual(
            refresh([.need(.make(at: Timestamp(millisecondsSinceEpoch: 0))), .setting(.gapDays)]), .coordination)
        XCTAssertEqual(refresh([]), [])
    }

    func testTheOpenDetailIsReadWhenItsIncidentOrAMessageChanged() throws {
        XCTAssertEqual(
            refresh([.incident(flood), .unit(try CallSign("CD-1"))], detail: flood),
            [.incidents, .units, .detail, .performance, .map])
        XCTAssertEqual(refresh([.incident(fire)], detail: flood), [.incidents, .performance, .map])
        XCTAssertEqual(
            refresh([.message(.make(at: Timestamp(millisecondsSinceEpoch: 0)))], detail: flood),
            [.messages, .detail, .performance])
    }

    func testUnknownChangesReadEverything() {
        XCTAssertEqual(refresh(nil), .all)
    }

    // The plan: where the log and the coverage board keep up from what changed, and when access is learned again.

    func plan(_ subjects: [Subject]?, asked: DeskRefresh = [], firstRead: Bool = false) -> ReloadPlan {
        DeskRefresh.plan(
            asked: asked, changes: StoreChanges(lastSequence: 9, subjects: subjects.map(Set.init)),
            firstRead: firstRead,
            state: SampleDesk.state(width: 120, height: 30))
    }

    func testTheLogKeepsUpFromTheChangedMessagesUnlessAskedWholeOrOwingChanged() throws {
        let posted = EventID.make(at: Timestamp(millisecondsSinceEpoch: 0))
        XCTAssertEqual(plan([.message(posted), .incident(fire)]).changedMessages, [posted])
        XCTAssertNil(plan([.message(posted)], asked: .messages).changedMessages, "a new filter reads the window whole")
        XCTAssertNil(
            plan([.message(posted), .agency(try AgencyCode("NGO-1"))]).changedMessages,
            "a new agency is owed older messages")
        XCTAssertNil(plan([.message(posted)], firstRead: true).changedMessages, "nothing to keep up on the first read")
        XCTAssertNil(plan(nil).changedMessages)
    }

    func testCoverageReadsOnlyTheTouchedCellsUnlessASettingOrAnOrganisationChanged() throws {
        let need = Subject.need(.make(at: Timestamp(millisecondsSinceEpoch: 0)))
        XCTAssertEqual(plan([need, .incident(fire)]).changedRecords, [need])
        XCTAssertNil(plan([need, .setting(.gapDays)]).changedRecords, "the gap days change every cell")
        XCTAssertNil(plan([need, .agency(try AgencyCode("NGO-1"))]).changedRecords)
        XCTAssertNil(plan([need], asked: .coordination).changedRecords)
    }

    /// The map reads again only the areas of the incidents changed, unless asked whole or first shown.
    func testTheMapReadsOnlyTheChangedIncidentsAreasUnlessAskedWhole() throws {
        let posted = Subject.message(.make(at: Timestamp(millisecondsSinceEpoch: 0)))
        XCTAssertEqual(plan([.incident(fire), .incident(flood), posted]).changedIncidents, [fire, flood])
        XCTAssertEqual(plan([posted]).changedIncidents, [], "a message moves no count")
        XCTAssertNil(plan([.incident(fire)], asked: .map).changedIncidents, "first shown: read whole")
        XCTAssertNil(plan([.incident(fire)], firstRead: true).changedIncidents)
        XCTAssertNil(plan(nil).changedIncidents, "unknown changes: every area")
    }

    func testAccessIsLearnedAgainOnlyWhenMembersOrShiftsChanged() throws {
        XCTAssertFalse(plan([.incident(fire)]).access)
        XCTAssertTrue(plan([.member(MemberKey(user: "huda", officer: nil))]).access)
        XCTAssertTrue(plan([.officer(named: "Huda")]).access)
        XCTAssertTrue(plan(nil).access, "unknown changes: anything may have")
        XCTAssertEqual(
            plan([.incident(fire)], asked: .units).refresh, [.incidents, .units, .performance, .map],
            "what was asked and what changed")
    }
}
