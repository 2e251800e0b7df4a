import QanatCore
import XCTest

@testable import QanatUI

/// `:` runs any command by name or opens an incident by number; `/` asks the store and opens what it found.
final class PickerTests: XCTestCase {
    func type(_ text: String, into state: inout DeskState) { for c in text { _ = state.handle(.character(c)) } }

    func testThePaletteNarrowsAsYouTypeAndRunsTheCommand() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character(":"))
        XCTAssertEqual(state.picker?.kind, .palette)
        XCTAssertGreaterThan(state.picker?.entries.count ?? 0, 10, "every command that runs from anywhere")
        type("awaits", into: &state)
        XCTAssertEqual(
            state.picker?.entries.map(\.detail), ["u"], "only what mentions it: \(state.picker?.entries ?? [])")
        XCTAssertEqual(state.handle(.enter), .reload(.messages))
        XCTAssertNil(state.picker)
        XCTAssertEqual(state.board, .log)
        XCTAssertEqual(state.logQuery.awaitingAcknowledgementBy, state.agency)
    }

    /// A command that cannot act now is in the palette greyed, with the reason the key would give.
    func testThePaletteGreysWhatCannotActNowWithTheReason() throws {
        var state = SampleDesk.state(width: 120, height: 30)
        state.readOnly = .viewerReadsOnly
        state.alerts = []
        _ = state.handle(.character(":"))
        let entries = try XCTUnwrap(state.picker?.entries)
        let reason = state.localizer(Refusal.viewerReadsOnly)
        let greyed = entries.filter { $0.unavailable != nil }
        XCTAssertEqual(
            greyed.map(\.target),
            [
                .action(.postMessage, board: nil), .action(.openIncident, board: nil),
                .action(.openAlert, board: nil), .action(.registerUnit, board: .units),
            ])
        XCTAssertEqual(greyed.first { $0.target == .action(.postMessage, board: nil) }?.detail, "m · \(reason)")
        XCTAssertTrue(
            entries.contains { $0.target == .action(.filterIncidents, board: .incidents) && $0.unavailable == nil },
            "a filter changes no data")
        type("new message", into: &state)
        XCTAssertNil(state.handle(.enter))
        XCTAssertNil(state.form, "nothing opens")
        XCTAssertEqual(state.notice, reason, "the key's own refusal")
    }

    /// A read-only desk is told so first, whatever else an action would need; `!` with no alert says that.
    func testAReadOnlyDeskIsToldSoBeforeAnythingElse() throws {
        var state = SampleDesk.state(width: 120, height: 30)
        state.readOnly = .viewerReadsOnly
        state.data.units = state.data.units.map { record in
            var busy = record
            busy.unit.status = .outOfService
            return busy
        }
        XCTAssertNil(state.handle(.character("a")), "assign, with no free unit")
        XCTAssertEqual(state.notice, state.localizer(Refusal.viewerReadsOnly))
        state.readOnly = nil
        _ = state.handle(.character("a"))
        XCTAssertEqual(state.notice, state.localizer(.noFreeUnit))
        state.data.units = []
        _ = state.handle(.character("a"))
        XCTAssertEqual(state.notice, state.localizer(.noUnitRegistered), "none busy: none registered")
        state.alerts = []
        _ = state.handle(.character("!"))
        XCTAssertEqual(state.notice, state.localizer(.noAlert))
    }

    /// A number that names no incident says so and leaves the officer where they typed it.
    func testAPaletteMissStaysOnTheBoardItWasTypedOn() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(3))
        let unit = state.selection.unit
        let incident = state.selection.incident
        _ = state.handle(.character(":"))
        type("999", into: &state)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        state.detailRead()  // the store has no INC-2026-0999
        XCTAssertEqual(state.board, .units)
        XCTAssertEqual(state.selection.unit, unit)
        XCTAssertEqual(state.selection.incident, incident, "the incidents board keeps its selection")
        XCTAssertTrue(state.notice?.contains("0999") ?? false, state.notice ?? "")
    }

    func testSearchResultsMarkTheMatchWhereverBidiPutsIt() {
        for language in Language.allCases {
            var state = SampleDesk.state(width: 120, height: 30, language: language)
            _ = state.handle(.character("/"))
            type("درنه", into: &state)  // ه for ة: the match is found all the same
            _ = state.handle(.enter)
            // The first line is the chosen one, drawn reversed whole; the second shows the mark.
            state.showSearchResults(
                [.incident(state.data.incidents[2]), .incident(state.data.incidents[0])], for: "درنه")
            let frame = DeskView.render(state)
            let marked = (0..<frame.height).flatMap { y in
                (0..<frame.width).filter { frame[$0, y].role == .match }.map { (y, $0) }
            }
            XCTAssertEqual(Set(marked.map(\.0)).count, 1, "\(language): one line")
            XCTAssertEqual(
                marked.map { frame[$0.1, $0.0].text }.joined(), "ﺔﻧﺭﺩ", "\(language): the four letters of درنة, joined")
        }
    }

    func testThePaletteMatchesArabicDescriptionsToo() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character(":"))
        type("رسالة", into: &state)
        XCTAssertEqual(state.picker?.entries.first?.detail, "m")
        XCTAssertNil(state.handle(.enter))
        XCTAssertEqual(state.form?.purpose, .postMessage, "the command ran")
    }

    func testAnIncidentNumberInThePaletteOpensThatIncident() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(3))
        _ = state.handle(.character(":"))
        type("3", into: &state)
        XCTAssertEqual(state.picker?.entries.first?.target, .incident(try! IncidentReference("INC-2026-0003")))
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.board, .incidents)
        XCTAssertEqual(state.detailReference?.rawValue, "INC-2026-0003")
    }

    func testSearchAsksTheStoreOnEnterThenOpensTheChosenHit() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.character("/"))
        type("boat", into: &state)
        XCTAssertEqual(state.handle(.enter), .search("boat"))
        let message = state.data.messages[1]
        state.showSearchResults([.incident(state.data.incidents[3]), .message(message)], for: "boat")
        XCTAssertEqual(state.picker?.entries.count, 2)
        _ = state.handle(.down)
        XCTAssertEqual(state.handle(.enter), .loadDetail, "the message opens, whole, on the log")
        XCTAssertEqual(state.openMessage, message.message.id)
        XCTAssertEqual(state.board, .log)
        XCTAssertNil(state.picker)
    }

    func testTypingAgainAfterResultsSearchesAgain() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.character("/"))
        type("boat", into: &state)
        _ = state.handle(.enter)
        state.showSearchResults([], for: "boat")
        XCTAssertTrue(DeskView.render(state).lines.contains { $0.contains("Nothing found.") })
        XCTAssertNil(state.handle(.enter), "nothing to open")
        _ = state.handle(.backspace)
        XCTAssertEqual(state.handle(.enter), .search("boa"))
        _ = state.handle(.escape)
        XCTAssertNil(state.picker)
        state.showSearchResults([.incident(state.data.incidents[0])], for: "boa")
        XCTAssertNil(state.picker, "late results do not reopen a closed search")
    }
}
