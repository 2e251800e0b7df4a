import Foundation
import QanatCore
import QanatDesk
import QanatFixtures
import QanatScratch
import QanatStore
import XCTest

@testable import QanatUI

/// A selection that a filter hides is still the selection: the loader reads it by its identity,
/// and the keys act on it and the forms name it.
final class HiddenSelectionLoadTests: XCTestCase {
    func testAnIncidentHiddenByAFilterIsStillWhatTheKeysActOn() throws {
        let directory = try scratchDirectory("hidden")
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        var events: [Event] = []
        SyntheticTraffic.forEachIncident(count: 20) { events.append($0) }
        try store.apply(events)

        var state = DeskState(
            width: 120, height: 30, language: .en, officer: "test", agency: Agency.seed[0].code, now: events[19].at)
        try DeskLoader(store: store).load(into: &state)
        let selected = try XCTUnwrap(state.selectedIncident)
        // A filter on another agency hides it.
        let other = try XCTUnwrap(Agency.seed.map(\.code).first { $0 != selected.incident.leadAgency })
        state.incidentQuery.agency = other
        try DeskLoader(store: store).load(into: &state, refresh: .incidents)
        XCTAssertFalse(
            state.data.incidents.contains { $0.incident.reference == selected.incident.reference },
            "hidden by the filter")
        XCTAssertEqual(state.selectedIncident?.incident.reference, selected.incident.reference, "still the selection")

        _ = state.handle(.character("s"))
        let form = try XCTUnwrap(state.form, state.notice ?? "no form")
        XCTAssertEqual(
            form.purpose, .incidentStatus(reference: selected.incident.reference.rawValue), "the form names it")
        XCTAssertNotEqual(state.notice, "nothing selected")
    }
}
