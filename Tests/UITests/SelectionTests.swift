import QanatCore
import XCTest

@testable import QanatUI

/// The selection is an identity: it stays on the incident, unit or message the officer chose
/// while rows move, appear or are filtered out, and every action acts on it.
final class SelectionTests: XCTestCase {
    private func newIncident(_ n: Int, _ severity: Severity = .extreme) -> IncidentRecord {
        SampleDesk.incident(
            n, "Fire at the port", .fire, severity, .reported, "tripoli", lead: "CD", opened: 0, inStatus: 0, units: 0)
    }

    func testANewIncidentAboveKeepsTheSelectedOneAndStatusActsOnIt() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("G"))
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        let chosen = SampleDesk.ref(4)
        XCTAssertEqual(state.selectedIncident?.incident.reference, chosen)
        XCTAssertEqual(state.selectedIndex, 3)

        // Another desk opens an extreme incident: it sorts first, every row moves down.
        state.data.incidents.insert(newIncident(9), at: 0)
        XCTAssertEqual(state.selectedIncident?.incident.reference, chosen, "the same incident stays selected")
        XCTAssertEqual(state.selectedIndex, 4, "its highlight moved with its row")
        XCTAssertEqual(state.detailReference, chosen)
        _ = state.handle(.character("s"))
        XCTAssertEqual(state.form?.purpose, .incidentStatus(reference: chosen.rawValue))
    }

    func testTheFirstRowIsSelectedByIdentityOnceRead() {
        var state = SampleDesk.state(width: 120, height: 30)
        let first = state.data.incidents[0].incident.reference
        state.data.incidents.insert(newIncident(9), at: 0)
        XCTAssertEqual(state.selectedIncident?.incident.reference, first, "an arrival does not take the selection")
    }

    func testAnIncidentOpenedBySearchIsSelectedEvenOffTheBoard() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character(":"))
        for c in "7" { _ = state.handle(.character(c)) }
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        let closed = SampleDesk.incident(
            7, "Old fire", .fire, .minor, .closed, "tripoli", lead: "CD", opened: 900,
            inStatus: 800, units: 0)
        state.data.detail = IncidentDetail(record: closed, assignments: [], timeline: [])
        XCTAssertEqual(state.selection.incident, SampleDesk.ref(7))
        XCTAssertNil(state.selectedIndex, "no row of the board is highlighted: it is not on the board")
        XCTAssertEqual(state.selectedIncident?.incident.reference, SampleDesk.ref(7))
        _ = state.handle(.character("s"))
        XCTAssertEqual(state.form?.purpose, .incidentStatus(reference: "INC-2026-0007"))
        XCTAssertEqual(state.form?.value("status"), "verified", "a closed incident can be reopened")
        _ = state.handle(.escape)
        _ = state.handle(.character("m"))
        XCTAssertEqual(state.form?.value("incident"), "INC-2026-0007")
    }

    func testAFilteredOutSelectionActsOnNothingElse() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.down)
        let chosen = state.selectedIncident?.incident.reference
        state.data.incidents.removeAll { $0.incident.reference == chosen }
        XCTAssertNil(state.selectedIncident)
        XCTAssertNil(state.selectedIndex)
        _ = state.handle(.character("s"))
        XCTAssertNil(state.form, "no form opens for a row the officer did not choose")
        XCTAssertEqual(state.notice, "nothing selected")
        _ = state.handle(.down)
        XCTAssertNotNil(state.selectedIncident, "moving picks a row again, near where the selection was")
    }

    func testTheLogAcknowledgesOnlyTheMessageTheOfficerSelected() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(4))
        XCTAssertNil(state.handle(.character("a")), "following live, nothing is selected")
        XCTAssertEqual(state.notice, "nothing selected")
        _ = state.handle(.up)
        let read = state.data.messages.last!.message.id
        state.data.messages.append(SampleDesk.message(20, "LRC", .everyone, .flash, "new", ack: true, minutesAgo: 0))
        XCTAssertEqual(state.selectedMessage?.message.id, read, "an arrival does not move the selection")
        XCTAssertEqual(state.handle(.character("a")), .acknowledge(messageID: read.rawValue))
    }

    func testAUnitStaysSelectedWhenItMovesToAnotherGroup() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(3))
        let first = state.selectedUnit?.callSign
        XCTAssertNotNil(first, "the first unit, not its group header")
        _ = state.handle(.down)
        let chosen = state.selectedUnit!.callSign
        let index = state.data.units.firstIndex { $0.unit.callSign == chosen }!
        state.data.units[index].unit.status = .outOfService
        XCTAssertEqual(state.selectedUnit?.callSign, chosen)
        _ = state.handle(.character("s"))
        XCTAssertEqual(state.form?.purpose, .unitStatus(callSign: chosen.rawValue))
    }

    func testMovingSkipsGroupHeaders() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(3))
        var seen: [CallSign] = []
        for _ in 0..<state.data.units.count {
            if let unit = state.selectedUnit { seen.append(unit.callSign) }
            _ = state.handle(.down)
        }
        XCTAssertEqual(Set(seen).count, state.data.units.count, "every unit is reached, one key each")
    }
}

final class ClosedIncidentFilterTests: XCTestCase {
    func testTheClosedStatusFilterAsksPastTheOpenOnlyBoard() throws {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("f"))
        _ = state.handle(.tab)
        while state.form?.value("status") != "closed" { _ = state.handle(.right) }
        for _ in 0..<3 { _ = state.handle(.tab) }
        XCTAssertEqual(state.handle(.enter), .reload(.incidents))
        XCTAssertEqual(state.incidentQuery.status, .closed)
        XCTAssertFalse(state.incidentQuery.openOnly, "closed incidents are not open")
    }
}

final class PaletteNumberTests: XCTestCase {
    func testANumberThatNamesNoIncidentSaysSo() {
        var state = SampleDesk.state(width: 120, height: 30)
        let before = state.selection.incident
        _ = state.handle(.character(":"))
        for c in "٤٢" { _ = state.handle(.character(c)) }  // Arabic-Indic 42
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.detailReference, SampleDesk.ref(42))
        state.data.detail = nil
        state.detailRead()
        XCTAssertNil(state.detailReference)
        XCTAssertEqual(state.notice, "no such incident: INC-2026-0042")
        XCTAssertEqual(state.selection.incident, before, "the selection goes back to a row that exists")
    }

    func testArabicDigitsAreReadInEveryNumber() {
        XCTAssertEqual(Digits.integer("١٢٠٠"), 1200)
        XCTAssertEqual(Digits.integer("۳۴"), 34)
        XCTAssertEqual(try? IncidentReference("inc-٢٠٢٦-٠٠١٢").rawValue, "INC-2026-0012")
        XCTAssertEqual(try? PIN.check("٢٤٦٨"), "2468")
    }
}

/// What a new officer found by trying the desk (reproduced here first).
final class WalkThroughFindingsTests: XCTestCase {
    func testAFilterThatHidesTheSelectedIncidentSelectsNothingElse() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("G"))
        let chosen = state.selection.incident
        XCTAssertEqual(chosen, SampleDesk.ref(4), "the moderate one")
        _ = state.handle(.character("f"))
        _ = state.handle(.tab)
        _ = state.handle(.tab)
        while state.form?.value("severity") != "severe" { _ = state.handle(.right) }
        for _ in 0..<2 { _ = state.handle(.tab) }
        XCTAssertEqual(state.handle(.enter), .reload(.incidents))
        state.data.incidents.removeAll { $0.incident.severity < .severe }  // what the store gives back
        XCTAssertEqual(state.selection.incident, chosen, "still the incident the officer chose")
        _ = state.handle(.character("s"))
        XCTAssertNil(state.form, "no form for an incident the officer did not choose")
    }

    func testTheAlertBannerNeverCoversARow() {
        var state = SampleDesk.state(width: 80, height: 10)
        state.data.incidents += (5...12).map {
            SampleDesk.incident(
                $0, "Filler \($0)", .fire, .minor, .reported, "tripoli", lead: "CD", opened: 1, inStatus: 1, units: 0)
        }
        state.data.flashAwaiting = [
            SampleDesk.message(
                70, "NCEMC", .agencies([SampleDesk.code("CD")]), .flash, "Evacuate", ack: true, minutesAgo: 0)
        ]
        state.noticeAlerts()
        _ = state.handle(.character("G"))
        let lines = DeskView.render(state).lines
        let selected = state.selectedIncident!.incident.reference.rawValue
        XCTAssertTrue(
            lines.dropLast(2).contains { $0.contains(selected) },
            "the selected row is above the banner:\n\(lines.joined(separator: "\n"))")
        XCTAssertTrue(lines[8].contains("⚠ FLASH"))
    }

    func testAKeptMessageDraftNamesItsIncidentInTheTitle() {
        var state = SampleDesk.state(width: 120, height: 40)
        _ = state.handle(.character("m"))
        for _ in 0..<4 { _ = state.handle(.tab) }
        for c in "boats" { _ = state.handle(.character(c)) }
        _ = state.handle(.escape)
        _ = state.handle(.down)  // another incident selected now
        _ = state.handle(.character("m"))
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("New message — INC-2026-0001 (draft)"), screen)
    }

    func testCtrlCAsksWhenAFormHoldsTypedTextAndQuitsOtherwise() {
        var state = SampleDesk.state(width: 120, height: 40)
        XCTAssertEqual(state.handle(.interrupt), .quit)
        _ = state.handle(.character("o"))
        for _ in 0..<3 { _ = state.handle(.tab) }
        for c in "Depot fire" { _ = state.handle(.character(c)) }
        XCTAssertNil(state.handle(.interrupt))
        XCTAssertTrue(state.confirmingQuit, "typed text: asked first, and kept as a draft if the officer quits")
        XCTAssertEqual(state.handle(.interrupt), .quit, "a second Ctrl-C quits")
    }

    func testASearchHitOnAMessageOpensTheMessage() {
        var state = SampleDesk.state(width: 120, height: 40)
        let message = state.data.messages[1]
        _ = state.handle(.character("/"))
        state.showSearchResults([.message(message)], for: "")
        state.picker?.answered = ""
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.board, .log)
        XCTAssertEqual(state.openMessage, message.message.id)
        XCTAssertEqual(state.selection.message, message.message.id)
    }

    func testRefusedFieldsSpeakArabicInTheArabicInterface() {
        let error = ValidationError(field: "to", value: "XYZ", problem: .notOneOf(["CD", "LRC"]))
        XCTAssertTrue(Localizer(.ar)(error).contains("ليست من"), Localizer(.ar)(error))
        XCTAssertEqual(Localizer(.en)(error), error.description)
    }

    func testAFormsRefusalNamesTheFieldByItsLabelInTheDesksLanguage() {
        let error = ValidationError(field: "to", value: "QQQ", problem: .notOneOf(["CD", "LRC"]))
        for language in Language.allCases {
            var state = SampleDesk.state(width: 120, height: 30, language: language)
            _ = state.handle(.character("m"))
            state.formRefused(error)
            let label = state.localizer(UIText.fieldTo)
            let shown = state.form?.fields.first { $0.name == "to" }?.error ?? ""
            XCTAssertTrue(shown.hasPrefix(label + ": "), "\(language): \(shown)")
            XCTAssertTrue(shown.contains("'QQQ'"), shown)
        }
    }

    func testAReplyToOurOwnMessageGoesToItsRecipientsWithTheCursorInTheMessage() {
        let ours = SampleDesk.message(
            71, "CD", .agencies([SampleDesk.code("NCEMC"), SampleDesk.code("LRC")]), .priority, "x", minutesAgo: 1)
        let form = Forms.reply(to: ours.message, from: SampleDesk.code("CD"))
        XCTAssertEqual(form.value("to"), "NCEMC,LRC")
        XCTAssertEqual(form.fields[form.focus].name, "body")
    }

    func testTheLogFilterTakesAnIncidentNumber() throws {
        var form = Forms.logFilter(MessageQuery())
        form.set("incident", "١٢")
        let query = try Forms.messageQuery(from: form, agency: SampleDesk.code("CD"), year: 2026)
        XCTAssertEqual(query.incident?.rawValue, "INC-2026-0012")
    }

    func testTheClosedListSaysItsOrder() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.incidentQuery = IncidentQuery(openOnly: false, status: .closed)
        XCTAssertTrue(
            DeskView.render(state).lines[0].contains("[filtered · latest closed first]"),
            DeskView.render(state).lines[0])
    }
}

/// Enter on a unit opens its detail: agency, kind, contact, current assignment and history.
final class UnitDetailTests: XCTestCase {
    func testEnterOnAUnitOpensItsDetail() throws {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.function(3))
        let unit = try XCTUnwrap(state.selectedUnit)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.openUnit, unit.callSign)
        var shown = unit
        shown.contact = "VHF ch 7, +218 91 555 0101"
        let tasked = Assignment(
            incident: SampleDesk.ref(1), unit: unit.callSign, taskedAt: SampleDesk.at(30), arrivedAt: SampleDesk.at(20))
        let link = AssignmentLink(incident: SampleDesk.ref(1), unit: unit.callSign)
        state.data.unitDetail = UnitDetail(
            unit: shown, assignments: [tasked],
            history: [
                TimelineEntry(
                    at: SampleDesk.at(30), agency: SampleDesk.code("NCEMC"), officer: "Huda",
                    kind: .event(.assignment(.tasked, link))),
                TimelineEntry(
                    at: SampleDesk.at(20), agency: unit.agency, officer: "radio",
                    kind: .event(.assignment(.arrived, link))),
            ])
        for language in Language.allCases {
            state.language = language
            let screen = DeskView.render(state).lines.joined(separator: "\n")
            XCTAssertTrue(
                screen.contains("+218 91 555 0101") && screen.contains("INC-2026-0001"), "\(language):\n\(screen)")
            XCTAssertTrue(screen.contains(language == .en ? "arrived INC-2026-0001" : "INC-2026-0001"), screen)
        }
        state.language = .en
        let lines = DeskView.render(state).lines
        XCTAssertLessThan(
            lines.firstIndex { $0.contains("arrived INC") } ?? 99, lines.firstIndex { $0.contains("tasked INC") } ?? 0,
            "newest first")
        // A later registration changed its details; a status reads its arrow the way the language runs.
        state.data.unitDetail?.history += [
            TimelineEntry(
                at: SampleDesk.at(40), agency: unit.agency, officer: "radio",
                kind: .event(
                    .unitRegistered(
                        UnitRegistration(
                            callSign: unit.callSign, agency: unit.agency, kind: unit.kind)))),
            TimelineEntry(
                at: SampleDesk.at(10), agency: unit.agency, officer: "radio",
                kind: .event(
                    .unitRegistered(
                        UnitRegistration(
                            callSign: unit.callSign, agency: unit.agency, kind: unit.kind, contact: "VHF 7")))),
            TimelineEntry(
                at: SampleDesk.at(5), agency: unit.agency, officer: "radio",
                kind: .event(
                    .unitStatusChanged(
                        UnitStatusChange(
                            callSign: unit.callSign, status: .available)))),
        ].sorted { $0.at < $1.at }
        var history = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(
            history.contains("details changed") && history.contains("registered") && history.contains("→ available"),
            history)
        state.language = .ar
        history = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(history.contains("ﺔﺣﺎﺘﻣ ←"), history)
        state.language = .en
        _ = state.handle(.escape)
        XCTAssertNil(state.openUnit)
        XCTAssertNil(state.handle(.character("e")))
        XCTAssertEqual(state.form?.purpose, .editUnit(callSign: unit.callSign.rawValue), "e changes the selected unit")
        _ = state.handle(.escape)
        _ = state.handle(.character("n"))
        XCTAssertEqual(state.form?.purpose, .registerUnit)
        XCTAssertEqual(state.form?.value("agency"), state.agency.rawValue, "for the desk's agency by default")
    }
}
