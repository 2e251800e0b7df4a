import Foundation
import QanatCore
import QanatDesk
import QanatScratch
import QanatStore
import XCTest

@testable import QanatUI

/// The coverage board reads again only the cells that new needs, activities and pledges lie in;
/// what it shows is what reading every cell would show.
final class CoverageLoadTests: XCTestCase {
    func testCellsTouchedByNewRecordsAreReadAgainAsAWholeReadWould() throws {
        let directory = try scratchDirectory("coverage")
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        let today = CalendarDate(libyaDayOf: at)
        let lrc = try AgencyCode("LRC")
        let wfp = try AgencyCode("WFP")
        func event(_ payload: EventPayload) -> Event {
            Event(id: .make(at: at), at: at, agency: lrc, officer: "t", user: nil, payload: payload)
        }
        let need = RecordID.make(at: at)
        try store.apply([
            event(
                .needReported(
                    NeedReport(
                        id: need, area: "derna", sector: .food, what: "flour", quantity: 100, unit: "t",
                        organisation: lrc))),
            event(
                .needReported(
                    NeedReport(
                        id: .make(at: at), area: "sabha", sector: .health, what: "clinic", quantity: 1, unit: "team",
                        organisation: lrc))),
        ])
        for filter in [CoverageFilter(), CoverageFilter(district: "district.derna"), CoverageFilter(kind: .un)] {
            var state = DeskState(width: 160, height: 48, language: .en, officer: "t", agency: lrc, now: at)
            state.coverageFilter = filter
            try DeskLoader(store: store).load(into: &state)
            let pledge = RecordID.make(at: at)
            let changes: [[Event]] = [
                [
                    event(
                        .activityRegistered(
                            ActivityRegistration(
                                id: .make(at: at), organisation: wfp, sector: .food, area: "derna", what: "baskets",
                                start: today, end: today.adding(days: 3), status: .ongoing, needs: [need])))
                ],
                [event(.pledgeMade(PledgeMade(id: pledge, need: need, organisation: wfp, quantity: 60)))],
                [event(.pledgeUpdated(PledgeChange(id: pledge, status: .delivering)))],
                [
                    event(
                        .activityRegistered(
                            ActivityRegistration(
                                id: .make(at: at), organisation: lrc, sector: .shelter, area: "benghazi",
                                what: "tents", start: today, end: today, status: .planned)))
                ],
            ]
            for events in changes {
                try store.apply(events)
                try DeskLoader(store: store).load(
                    into: &state, refresh: .coordination, changedRecords: Set(events.flatMap(\.subjects)))
                var whole = DeskState(width: 160, height: 48, language: .en, officer: "t", agency: lrc, now: at)
                whole.coverageFilter = filter
                try DeskLoader(store: store).load(into: &whole)
                XCTAssertEqual(state.data.coverage, whole.data.coverage, "\(filter): after \(events[0].type)")
            }
        }
    }
}
