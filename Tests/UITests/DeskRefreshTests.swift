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
        XCTAssertEqual(refresh([.unit(try CallSign("CD-1"))]), [.units, .performance])
        XCTAssertEqual(refresh([.incident(fire)]), [.incidents, .performance])
        XCTAssertEqual(refresh([.target(.acknowledge)]), .performance)
        XCTAssertEqual(refresh([.report(sha256: String(repeating: "0", count: 64))]), [], "a report written changes no board")
        XCTAssertEqual(refresh([.agency(try AgencyCode("NGO-1"))]), [.agencies, .messages, .coordination])
        XCTAssertEqual(refresh([.need(.make(at: Timestamp(millisecondsSinceEpoch: 0))), .setting(.gapDays)]), .coordination)
        XCTAssertEqual(refresh([]), [])
    }

    func testTheOpenDetailIsReadWhenItsIncidentOrAMessageChanged() throws {
        XCTAssertEqual(refresh([.incident(flood), .unit(try CallSign("CD-1"))], detail: flood), [.incidents, .units, .detail, .performance])
        XCTAssertEqual(refresh([.incident(fire)], detail: flood), [.incidents, .performance])
        XCTAssertEqual(refresh([.message(.make(at: Timestamp(millisecondsSinceEpoch: 0)))], detail: flood), [.messages, .detail, .performance])
    }

    func testUnknownChangesReadEverything() {
        XCTAssertEqual(refresh(nil), .all)
    }
}
