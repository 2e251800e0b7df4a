import QanatCore
import XCTest

@testable import QanatUI

final class FormTests: XCTestCase {
    func type(_ text: String, into form: inout Form) { for c in text { _ = form.handle(.character(c)) } }

    func testArabicTypingCursorAndDeletionWorkOnCharacters() {
        var form = Forms.postMessage(incident: nil)
        form.focus = 4  // body
        type("إخلاء فوري", into: &form)
        XCTAssertEqual(form.value("body"), "إخلاء فوري")
        // In right-to-left text → points back, towards the start of the text.
        for _ in 0..<5 { _ = form.handle(.right) }
        _ = form.handle(.left)
        XCTAssertEqual(form.fields[4].cursor, 6, "← goes forward in right-to-left text")
        _ = form.handle(.backspace)
        XCTAssertEqual(form.value("body"), "إخلاءفوري", "the space before the cursor went")
        type(" ", into: &form)
        _ = form.handle(.end)
        type("!", into: &form)
        XCTAssertEqual(form.value("body"), "إخلاء فوري!")
        XCTAssertEqual(form.fields[4].cursor, "إخلاء فوري!".count)
    }

    func testControlKeysEditAsReadlineDoesAndAreNeverStored() {
        var form = Forms.postMessage(incident: nil)
        form.focus = 4  // body
        type("Form test body ", into: &form)
        type("\u{01}\u{05}\u{0B}", into: &form)  // Ctrl-A, Ctrl-E, Ctrl-K
        type("end\u{07}\u{1B}\u{7F}", into: &form)  // a bell, an escape, a delete: swallowed
        XCTAssertEqual(form.value("body"), "Form test body end")
        type("\u{01}", into: &form)
        type(">", into: &form)
        XCTAssertEqual(form.value("body"), ">Form test body end", "Ctrl-A went to the start")
        _ = form.handle(.end)
        for _ in 0..<3 { _ = form.handle(.left) }
        type("\u{0B}", into: &form)
        XCTAssertEqual(form.value("body"), ">Form test body ", "Ctrl-K cut to the end")
        type("\u{15}", into: &form)
        XCTAssertEqual(form.value("body"), "", "Ctrl-U cut to the start")
    }

    func testAChangedFieldWithdrawsAWarningSoTheNextSubmitIsCheckedAgain() {
        var form = Forms.openIncident()
        form.notice = "Likely duplicate of INC-2026-0001 — Enter"
        form.warned = true
        form.focus = 3
        type("x", into: &form)
        XCTAssertFalse(form.warned)
        XCTAssertNil(form.notice)
    }

    func testChoicesCycleAndJumpByLetter() {
        var form = Forms.postMessage(incident: nil)
        form.focus = 1  // priority
        _ = form.handle(.right)
        XCTAssertEqual(form.value("priority"), "priority")
        _ = form.handle(.left)
        _ = form.handle(.left)
        XCTAssertEqual(form.value("priority"), "flash", "wraps around")
        _ = form.handle(.character("i"))
        XCTAssertEqual(form.value("priority"), "immediate")
    }

    func testEnterOnTheLastFieldSubmitsAndEscCancels() {
        var form = Forms.unitStatus(
            Unit(
                callSign: try! CallSign("CD-1"), agency: try! AgencyCode("CD"), kind: .rescue,
                capabilities: [], status: .available, statusChangedAt: Timestamp(millisecondsSinceEpoch: 0)))
        XCTAssertEqual(form.value("status"), "outOfService", "a unit on no incident is never assigned by hand")
        XCTAssertEqual(form.handle(.enter), .submit)
        XCTAssertEqual(form.handle(.escape), .cancel)
    }

    func testAnErrorFocusesItsFieldAndKeepsEverythingTyped() {
        var form = Forms.postMessage(incident: "INC-2026-0001")
        form.focus = 4
        type("text that must survive", into: &form)
        form.show(error: "data.to: 'XYZ' is not an agency", field: "data.to")
        XCTAssertEqual(form.focus, 0)
        XCTAssertEqual(form.fields[0].error, "data.to: 'XYZ' is not an agency")
        XCTAssertEqual(form.value("body"), "text that must survive")
    }

    func testCorrectingAFieldClearsItsErrorAndOnlyItsError() {
        var form = Forms.postMessage(incident: nil)
        form.show(error: "data.to: 'XYZ' is not an agency", field: "data.to")
        _ = form.handle(.down)
        _ = form.handle(.up)
        XCTAssertNotNil(form.fields[0].error, "moving through the form changes nothing: the error stays")
        type("C", into: &form)
        XCTAssertNil(form.fields[0].error, "once corrected, the old error no longer speaks of the field")
        form.show(error: "priority: wrong", field: "priority")
        _ = form.handle(.right)
        XCTAssertNil(form.fields[1].error, "a choice changed is corrected too")
    }

    func testAnErrorTooLongForItsRowIsReadWholeUnderTheFields() {
        for language in [Language.en, .ar] {
            var state = SampleDesk.state(width: 80, height: 24, language: language)
            _ = state.handle(.character("m"))
            let codes = [
                "BGZ-MUN", "CD", "DRN-MUN", "IOM", "LRA", "LRC", "MOH", "MOI", "NCEMC", "OCHA", "UNHCR", "UNICEF",
                "WFP", "WHO",
            ]
            state.form?.show(error: "to: 'XYZ' is not one of: " + codes.joined(separator: ", "), field: "to")
            let screen = DeskView.render(state).lines.joined(separator: "\n")
            for code in codes { XCTAssertTrue(screen.contains(code), "\(language): \(code) is shown:\n\(screen)") }
        }
    }

    func testAProvisionalReferenceIsReadWholeOnTheBoardAt80Columns() {
        var state = SampleDesk.state(width: 80, height: 24)
        var record = state.data.incidents[0]
        record.incident.reference = try! IncidentReference("INC-2026-P1A2B3C4")
        state.data.incidents[0] = record
        XCTAssertTrue(
            DeskView.render(state).lines.joined().contains(record.incident.reference.rawValue),
            record.incident.reference.rawValue)
    }

    func testTheQuitQuestionStandsInABandOfItsOwn() {
        var state = SampleDesk.state(width: 80, height: 24)
        // A full board, so that the rows around the question hold text.
        state.data.incidents += (5...24).map {
            SampleDesk.incident(
                $0, "Road flooded at kilometre \($0)", .roadClosed, .minor, .reported, "susa", lead: "CD",
                opened: 10, inStatus: 10, units: 0)
        }
        _ = state.handle(.character("m"))
        state.form?.focus = 4
        for c in "a draft" { _ = state.handle(.character(c)) }
        _ = state.handle(.escape)
        XCTAssertNil(state.handle(.character("q")))
        XCTAssertTrue(state.confirmingQuit)
        let lines = DeskView.render(state).lines
        let question = lines[12]
        XCTAssertTrue(question.contains("Quit anyway? y / n"), question)
        let start = question.range(of: "A form holds")!.lowerBound
        let column = question.distance(from: question.startIndex, to: start) - 2
        for row in [11, 13] {
            let cells = Array(lines[row])
            XCTAssertGreaterThan(cells.count, column + 45, "row \(row) reaches across the band: '\(lines[row])'")
            let band = String(cells[min(column, cells.count)..<min(column + 45, cells.count)])
            XCTAssertTrue(band.allSatisfy { $0 == " " }, "row \(row) around the question is blank: '\(band)'")
        }
    }

    /// An officer on an Arabic keyboard answers the quit question with the keys under their fingers.
    func testTheQuitQuestionTakesArabicKeyboardAnswers() {
        for (answer, quits) in [
            ("y", true), ("Y", true), ("غ", true), ("ن", true), ("n", false), ("N", false), ("ى", false), ("ل", false),
        ] {
            var state = SampleDesk.state(width: 80, height: 24, language: .ar)
            _ = state.handle(.character("m"))
            state.form?.focus = 4
            for c in "مسودة" { _ = state.handle(.character(c)) }
            _ = state.handle(.escape)
            XCTAssertNil(state.handle(.character("q")))
            XCTAssertTrue(state.confirmingQuit)
            XCTAssertEqual(state.handle(.character(Character(answer))), quits ? .quit : nil, answer)
            XCTAssertFalse(state.confirmingQuit, answer)
        }
    }

    func testClosingAFormKeepsItsDraftAndQuittingAsksFirst() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.character("m"))
        state.form?.focus = 4
        for c in "draft" { _ = state.handle(.character(c)) }
        _ = state.handle(.escape)
        XCTAssertNil(state.form)
        XCTAssertNil(state.handle(.character("q")), "q asks first")
        XCTAssertTrue(state.confirmingQuit)
        XCTAssertNil(state.handle(.character("n")))
        _ = state.handle(.character("m"))
        XCTAssertEqual(state.form?.value("body"), "draft", "the draft comes back")
        _ = state.handle(.escape)
        _ = state.handle(.character("q"))
        XCTAssertEqual(state.handle(.character("y")), .quit)
    }

    func testSuccessClearsTheFormAndItsDraft() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.character("m"))
        state.form?.focus = 4
        for c in "sent" { _ = state.handle(.character(c)) }
        state.formSucceeded("recorded")
        XCTAssertNil(state.form)
        XCTAssertFalse(state.holdsUnsentText)
        XCTAssertEqual(state.notice, "recorded")
    }

    func testAcknowledgeAskedForTheSelectedLogMessage() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.function(4))
        _ = state.handle(.home)
        XCTAssertEqual(state.handle(.character("a")), .acknowledge(messageID: SampleDesk.id(1).rawValue))
    }
}

final class StatusBarTests: XCTestCase {
    func testOfflineSaysWhyAndTheBacklogIsCounted() {
        var state = SampleDesk.state(width: 120, height: 24)
        state.store = .offline(reason: "store /x/qanat.sqlite unavailable: directory /x does not exist")
        XCTAssertTrue(
            DeskView.render(state).lines[23].hasSuffix(
                "│ offline │ store /x/qanat.sqlite unavailable: directory /x does not exist"),
            DeskView.render(state).lines[23])
        state.store = .busy
        state.backlog = 3
        XCTAssertTrue(
            DeskView.render(state).lines[23].contains("│ busy │ waiting: 3 "), DeskView.render(state).lines[23])
    }
}

final class IncidentFilterTests: XCTestCase {
    func testTheFilterFormSetsTheQueryAndAsksForAReload() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("f"))
        XCTAssertEqual(state.form?.purpose, .incidentFilter)
        _ = state.handle(.tab)  // status
        _ = state.handle(.character("r"))  // reported
        _ = state.handle(.tab)  // severity at least
        _ = state.handle(.character("s"))  // severe
        _ = state.handle(.tab)
        for c in "lrc" { _ = state.handle(.character(c)) }
        _ = state.handle(.tab)
        for c in "بنغازي" { _ = state.handle(.character(c)) }
        XCTAssertEqual(state.handle(.enter), .reload(.incidents))
        XCTAssertNil(state.form)
        XCTAssertEqual(
            state.incidentQuery,
            IncidentQuery(
                status: .reported, minimumSeverity: .severe,
                agency: try! AgencyCode("LRC"), area: "benghazi", order: .severity))
        XCTAssertTrue(DeskView.render(state).lines[0].contains("[filtered · most severe first · Benghazi]"))
    }

    func testAWrongAreaIsShownBesideItsFieldAndTheQueryStays() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.character("f"))
        for _ in 0..<4 { _ = state.handle(.tab) }
        for c in "Atlantis" { _ = state.handle(.character(c)) }
        XCTAssertNil(state.handle(.enter))
        XCTAssertEqual(state.form?.fields[4].error, "Area: no area in the gazetteer named 'Atlantis'")
        XCTAssertEqual(state.incidentQuery, IncidentQuery())
    }

    func testShiftSCyclesTheOrder() {
        var state = SampleDesk.state(width: 120, height: 30)
        XCTAssertEqual(state.handle(.character("S")), .reload(.incidents))
        XCTAssertEqual(state.incidentQuery.order, .newest)
    }
}

/// A refused value in the Arabic interface says what was expected in Arabic.
final class ArabicRefusalTests: XCTestCase {
    func testWhatWasExpectedIsSaidInArabic() {
        let l = Localizer(.ar)
        XCTAssertEqual(
            l(ValidationError(field: "quantity", value: "abc", problem: .malformed(expected: "a whole number"))),
            "quantity: 'abc' بصيغة غير صحيحة (عدد صحيح)")
        XCTAssertTrue(
            l(
                ValidationError(
                    field: "end", value: "2026-11-30",
                    problem: .malformed(expected: "on or after the start, 2026-12-01"))
            )
            .contains("في يوم البدء أو بعده، 2026-12-01"))
        XCTAssertTrue(
            l(
                ValidationError(
                    field: "status", value: "finished",
                    problem: .malformed(expected: "planned: it starts on 2099-01-01, after today"))
            )
            .contains("مخطط: يبدأ في 2099-01-01، بعد اليوم"))
        // Found by the walk: the need id's explanation stayed in English.
        let need = l(
            ValidationError(
                field: "need", value: "xyz",
                problem: .malformed(expected: "a need id, or its first 8 characters or more")))
        XCTAssertTrue(need.contains("معرّف احتياج، أو أول 8 محارف منه أو أكثر"), need)
        XCTAssertTrue(
            l(
                ValidationError(
                    field: "unit", value: "CD-01", problem: .unknown(what: "assignment to INC-2026-0001 for unit"))
            )
            .contains("لا يوجد تكليف على INC-2026-0001 للوحدة 'CD-01'"))
    }
}

/// The incident filter's status says what it shows: the open incidents (the default), one status,
/// the closed ones, or all of them; and the board says `filtered` whenever it is not the default.
final class IncidentFilterStatusTests: XCTestCase {
    func testOpenClosedAndAllAreThreeChoicesAndOpenComesBack() throws {
        var form = Forms.incidentFilter(IncidentQuery())
        XCTAssertEqual(form.value("status"), "open")
        XCTAssertEqual(try Forms.query(from: form), IncidentQuery(), "the default board")
        XCTAssertFalse(try Forms.query(from: form).isFiltering)

        form.set("status", "closed")
        let closed = try Forms.query(from: form)
        XCTAssertEqual(closed.status, .closed)
        XCTAssertFalse(closed.openOnly)
        XCTAssertEqual(Forms.incidentFilter(closed).value("status"), "closed")

        form.set("status", "all")
        let all = try Forms.query(from: form)
        XCTAssertFalse(all.openOnly)
        XCTAssertNil(all.status)
        XCTAssertTrue(all.isFiltering, "open and closed together is not the default board")
        XCTAssertEqual(Forms.incidentFilter(all).value("status"), "all")

        form.set("status", "open")
        XCTAssertEqual(try Forms.query(from: form), IncidentQuery(), "back to open only")
        form.set("status", "verified")
        XCTAssertEqual(try Forms.query(from: form), IncidentQuery(status: .verified))
    }

    func testTheTabBarSaysFilteredWhenTheBoardShowsClosedIncidentsToo() {
        var state = SampleDesk.state(width: 160, height: 48)
        state.incidentQuery = IncidentQuery(openOnly: false)
        XCTAssertTrue(DeskView.render(state).lines[0].contains("filtered"), DeskView.render(state).lines[0])
        state.incidentQuery = IncidentQuery()
        XCTAssertFalse(DeskView.render(state).lines[0].contains("filtered"))
    }
}

/// Nothing the desk says is cut off: a notice longer than the status bar has room for is shown
/// whole in a band above it, and the bar keeps its count and the store's health.
final class NoticeBandTests: XCTestCase {
    func testALongRefusalIsShownWholeAt80x24() {
        for language in Language.allCases {
            var state = SampleDesk.state(width: 80, height: 24, language: language)
            state.notice =
                "agency: the message was not addressed to CD; it asks NCEMC, LRA, LRC, MOH, WFP, UNICEF and the Benghazi municipality END"
            let lines = DeskView.render(state).lines
            let band = lines[20...22].joined(separator: " ")
            XCTAssertTrue(
                band.contains("END") && band.contains("agency"), "\(language): whole:\n\(lines.joined(separator: "\n"))"
            )
            XCTAssertTrue(
                lines[23].contains(language == .en ? "live" : "ﻞﺼﺘﻣ"),
                "\(language): the bar keeps its health: \(lines[23])")
        }
    }
}

/// The incident filter refuses an agency the channel does not know, and the tab bar keeps
/// `filtered` whole at 80 columns.
final class IncidentFilterAgencyTests: XCTestCase {
    func testAnUnknownAgencyIsRefusedAndFilteredStaysWhole() {
        var state = SampleDesk.state(width: 80, height: 24)
        state.data.agencies = ["CD", "LRC", "MOI", "NCEMC"].map(SampleDesk.code)
        _ = state.handle(.character("f"))
        state.form?.set("agency", "XYZ")
        // Enter on each field to the last sends the form; the refusal keeps it open.
        for _ in 0..<5 { _ = state.handle(.enter) }
        XCTAssertNotNil(state.form, "the form stays")
        XCTAssertTrue(
            state.form?.fields.first { $0.name == "agency" }?.error?.contains(
                "'XYZ' is not one of: CD, LRC, MOI, NCEMC") ?? false,
            "\(String(describing: state.form?.fields.map(\.error)))")
        state.form = nil
        state.incidentQuery = IncidentQuery(openOnly: false, status: .closed, area: "benghazi")
        XCTAssertTrue(
            DeskView.render(state).lines[0].contains("[filtered · latest closed"), DeskView.render(state).lines[0])
    }
}

/// A refusal in the Arabic interface names what was not found in Arabic too.
final class ArabicNotFoundTests: XCTestCase {
    func testWhatWasNotFoundIsSaidInArabic() {
        let l = Localizer(.ar)
        XCTAssertEqual(
            l(
                ValidationError(
                    field: "area", value: "Nowhereville",
                    problem: .unknownName(what: "area in the gazetteer named", nearest: nil))),
            "area: لا يوجد منطقة في الدليل باسم 'Nowhereville'")
        XCTAssertEqual(
            l(ValidationError(field: "unit", value: "X-1", problem: .unknown(what: "unit"))), "unit: لا يوجد وحدة 'X-1'"
        )
    }
}
