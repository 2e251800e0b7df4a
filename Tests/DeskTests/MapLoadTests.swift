import Foundation
import GRDB
import QanatCore
import QanatDesk
import QanatScratch
import XCTest

@testable import QanatStore
@testable import QanatUI

/// The map's counts from a real store: read whole once, then only in the areas a change lies in,
/// always what a whole read gives; along their own index, never the incidents' rows.
final class MapLoadTests: XCTestCase {
    var directory = ""
    let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
    let cd = try! AgencyCode("CD")

    override func setUpWithError() throws {
        directory = try scratchDirectory("map")
    }

    func event(_ payload: EventPayload) -> Event {
        Event(id: .make(at: at), at: at, agency: cd, officer: "t", user: nil, payload: payload)
    }

    func opened(_ n: Int, _ area: String, _ severity: Severity) -> Event {
        event(
            .incidentOpened(
                IncidentOpening(
                    reference: IncidentReference(year: 2026, number: n), title: "incident \(n)", type: .flashFlood,
                    severity: severity, area: area)))
    }

    func reference(_ n: Int) -> IncidentReference { IncidentReference(year: 2026, number: n) }

    func mapDesk(_ store: SQLiteStore) throws -> DeskState {
        var state = DeskState(width: 120, height: 40, language: .en, officer: "t", agency: cd, now: at)
        XCTAssertEqual(state.handle(.function(8)), .reload(.map), "the counts are read as the map comes up")
        try DeskLoader(store: store).load(into: &state, refresh: .all)
        return state
    }

    func testCountsKeptUpFromTheChangedAreasAreThoseAWholeReadGives() throws {
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        let unit = try CallSign("CD-DRN-01")
        try store.apply([
            opened(1, "derna", .extreme), opened(2, "derna", .minor), opened(3, "sabha", .moderate),
            opened(4, "district.kufra", .severe),
            event(.unitRegistered(UnitRegistration(callSign: unit, agency: cd, kind: .rescue))),
        ])
        var state = try mapDesk(store)
        XCTAssertEqual(state.data.areaTallies?["derna"].openIncidents, [.extreme: 1, .minor: 1])
        let changes: [[Event]] = [
            [opened(5, "tobruk", .severe)],
            [event(.assignment(.tasked, AssignmentLink(incident: reference(1), unit: unit)))],
            [event(.incidentStatusChanged(IncidentStatusChange(reference: reference(2), status: .closed)))],
            [event(.incidentUpdated(IncidentUpdate(reference: reference(3), severity: .extreme)))],
            [event(.assignment(.released, AssignmentLink(incident: reference(1), unit: unit)))],
            [event(.incidentStatusChanged(IncidentStatusChange(reference: reference(4), status: .closed)))],
        ]
        for events in changes {
            try store.apply(events)
            let plan = DeskRefresh.plan(
                asked: [], changes: StoreChanges(lastSequence: 1, subjects: Set(events.flatMap(\.subjects))),
                firstRead: false, state: state)
            XCTAssertNotNil(plan.changedIncidents)
            try DeskLoader(store: store).load(into: &state, plan: plan)
            let whole = try mapDesk(store)
            XCTAssertEqual(state.data.areaTallies, whole.data.areaTallies, "after \(events[0].type)")
        }
        XCTAssertEqual(state.data.areaTallies?["sabha"].openIncidents, [.extreme: 1])
        XCTAssertNil(state.data.areaTallies?.byArea["district.kufra"], "closed: nothing left there")
    }

    /// A change reads again only its own areas: a count elsewhere that changed behind the desk's back
    /// (no change said so) is left as it was read.
    func testAChangeReadsAgainOnlyTheAreasItLiesIn() throws {
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        try store.apply([opened(1, "derna", .extreme), opened(2, "sabha", .minor)])
        var state = try mapDesk(store)
        try store.apply([opened(3, "derna", .minor), opened(4, "sabha", .severe)])
        try DeskLoader(store: store).load(
            into: &state,
            plan: ReloadPlan(refresh: [.incidents, .map], changedIncidents: [reference(3)]))
        XCTAssertEqual(state.data.areaTallies?["derna"].incidentCount, 2, "Derna read again")
        XCTAssertEqual(state.data.areaTallies?["sabha"].incidentCount, 1, "Sabha not read")
    }

    /// A batch of changes larger than SQLite binds at once (40,000 incidents) is read in parts.
    func testAHugeBatchOfChangesIsReadInParts() throws {
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        let areas = ["derna", "sabha", "kufra", "tobruk"]
        try store.apply((1...40_000).map { opened($0, areas[$0 % areas.count], .minor) })
        let read = try store.areas(of: (1...40_000).map(reference))
        XCTAssertEqual(read, Set(areas))
    }

    /// Not read at all until the map is first shown; kept up from then on.
    func testNotReadBeforeTheMapIsShown() throws {
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        try store.apply([opened(1, "derna", .extreme)])
        var state = DeskState(width: 120, height: 40, language: .en, officer: "t", agency: cd, now: at)
        try DeskLoader(store: store).load(into: &state, refresh: .all)
        XCTAssertNil(state.data.areaTallies)
        XCTAssertEqual(state.handle(.function(8)), .reload(.map))
        try DeskLoader(store: store).load(into: &state, refresh: .map)
        XCTAssertEqual(state.data.areaTallies?["derna"].incidentCount, 1)
        XCTAssertNil(state.handle(.function(2)))
        XCTAssertNil(state.handle(.function(8)), "read already: no read on coming back")
    }

    /// The counts come from the map's index alone, in every area or a few.
    func testTheCountsUseTheMapsIndexOnly() throws {
        let path = directory + "/store.sqlite"
        _ = try SQLiteStore.create(path: path)
        let queue = try DatabaseQueue(path: path)
        for areas in [nil, ["derna", "sabha"]] {
            let plan = try queue.read { db in
                try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + SQLiteStore.openIncidentCountsSQL(areas: areas?.count),
                    arguments: StatementArguments(areas ?? [])
                ).map { $0["detail"] as String }.joined(separator: "; ")
            }
            XCTAssertTrue(plan.contains("COVERING INDEX open_incidents_by_area_severity"), plan)
        }
    }
}
