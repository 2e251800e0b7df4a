import QanatCore
import XCTest

@testable import QanatUI

/// What each effect's outcome does to the desk's state: no store, no terminal.
final class DeskOutcomeTests: XCTestCase {
    let ncemc = SampleDesk.code("NCEMC")

    func desk(form key: Character? = nil) -> DeskState {
        var state = SampleDesk.state(width: 120, height: 30)
        if let key { _ = state.handle(.character(key)) }
        return state
    }

    func testARecordedWriteClosesTheFormDropsItsDraftAndSaysSent() throws {
        var state = desk(form: "m")
        state.form?.set("body", "bridge closed")
        let purpose = try XCTUnwrap(state.form?.purpose)
        state.drafts[DeskState.draftKey(purpose)] = state.form
        state.apply(.recorded(.sent, kept: false, backlog: 0))
        XCTAssertNil(state.form)
        XCTAssertNil(state.drafts[DeskState.draftKey(purpose)])
        XCTAssertEqual(state.notice, state.localizer(.sent))
        XCTAssertEqual(state.backlog, 0)
    }

    func testAWriteKeptInTheJournalSaysSoAndCountsTheBacklog() {
        var state = desk(form: "m")
        state.apply(.recorded(.sent, kept: true, backlog: 3))
        XCTAssertNil(state.form)
        XCTAssertEqual(state.notice, state.localizer(.keptInJournal))
        XCTAssertEqual(state.backlog, 3)
        state.apply(.backlogApplied(refused: []))
        XCTAssertEqual(state.backlog, 0)
    }

    func testTheControllersActionIsNamedWithItsInjectInTheDesksDigits() {
        var state = SampleDesk.state(width: 120, height: 30, language: .ar)
        state.digits = .arabicIndic
        state.apply(.recorded(.exercise(.skipped, inject: 12), kept: false, backlog: 0))
        XCTAssertEqual(state.notice, state.localizer(ExerciseControl.Action.skipped) + " ١٢")
    }

    func testRefusedFieldsStandBesideTheirFieldsOnAFormAndAsTheNoticeWithout() {
        var state = desk(form: "m")
        let error = ValidationError(field: "body", value: "", problem: .missing)
        state.apply(.invalid([error]))
        XCTAssertNotNil(state.form?.fields.first { $0.name == "body" }?.error, "beside the field")
        var bare = desk()
        bare.apply(.invalid([error]))
        XCTAssertEqual(bare.notice, bare.localizer(error))
    }

    func testARefusedRoleOrAFailedWriteKeepsTheFormWithWhatWasTyped() {
        var state = desk(form: "m")
        state.form?.set("body", "typed")
        state.apply(.refused(.viewerReadsOnly))
        XCTAssertEqual(state.form?.notice, state.localizer(Refusal.viewerReadsOnly))
        XCTAssertEqual(state.form?.value("body"), "typed")
        state.apply(.failed("journal: disk full; nothing was recorded"))
        XCTAssertEqual(state.form?.notice, "journal: disk full; nothing was recorded")
        var bare = desk()
        bare.apply(.failed("store busy"))
        XCTAssertEqual(bare.notice, "store busy")
    }

    func testALikelyDuplicateWarnsOnceNamingTheOthers() {
        var state = desk(form: "o")
        state.apply(.likelyDuplicates([SampleDesk.ref(3), SampleDesk.ref(7)]))
        XCTAssertEqual(state.form?.warned, true)
        XCTAssertEqual(
            state.form?.notice,
            "\(state.localizer(.likelyDuplicate)) INC-2026-0003, INC-2026-0007 — \(state.localizer(.enterOpensAnyway))")
        state.apply(.duplicatesActivity(of: [SampleDesk.code("LRC")]))
        XCTAssertEqual(
            state.form?.notice, "\(state.localizer(.wouldDuplicate)) LRC — \(state.localizer(.enterSavesAnyway))")
    }

    func testASharedAccountWaitsForAnOfficerAndAViewerReadsOnly() {
        var state = desk()
        let account = Member(key: MemberKey(user: "duty", officer: nil), agency: ncemc, role: .operator, shared: true)
        state.apply(.accessLearned(Actor(user: "duty", officer: "duty", member: account, membersManaged: true)))
        XCTAssertEqual(state.shift, .awaitingSignOn)
        XCTAssertEqual(state.form?.purpose, .signOn)
        XCTAssertEqual(state.form?.value("agency"), "NCEMC")
        var duty = desk()
        let viewing = Member(key: MemberKey(user: "duty", officer: nil), agency: ncemc, role: .viewer, shared: true)
        duty.apply(.accessLearned(Actor(user: "duty", officer: "duty", member: viewing, membersManaged: true)))
        XCTAssertEqual(duty.readOnly, .viewerReadsOnly)
        XCTAssertNil(duty.notice, "a viewer account waiting for its officer is asked to sign on, not sent to an admin")

        var viewer = desk()
        let entry = Member(key: MemberKey(user: "wall", officer: nil), agency: ncemc, role: .viewer)
        viewer.apply(.accessLearned(Actor(user: "wall", officer: "wall", member: entry, membersManaged: true)))
        XCTAssertEqual(viewer.readOnly, .viewerReadsOnly)
        XCTAssertEqual(viewer.notice, viewer.localizer(Refusal.viewerReadsOnly))
        viewer.notice = nil
        viewer.apply(.accessLearned(Actor(user: "wall", officer: "wall", member: entry, membersManaged: true)))
        XCTAssertNil(viewer.notice, "told once")
        viewer.apply(.accessLearned(Actor(user: "stranger", officer: "stranger", member: nil, membersManaged: true)))
        XCTAssertEqual(viewer.readOnly, .notMember(user: "stranger"))
    }

    func testSigningOnBringsTheOfficersDraftsAndTheLastOfficersNote() {
        var state = desk()
        state.shift = .awaitingSignOn
        state.form = Forms.signOn(officer: "", agency: ncemc)
        state.handoverNote = "Handed over by Huda, 14:00: second boat still needed"
        state.apply(
            .signedOn(
                officer: "Salem", agency: SampleDesk.code("CD"),
                drafts: ["message": ["body": "unsent"]], kept: false, backlog: 0))
        XCTAssertEqual(state.officer, "Salem")
        XCTAssertEqual(state.agency, SampleDesk.code("CD"))
        XCTAssertEqual(state.shift, .onShift(since: state.now))
        XCTAssertNil(state.form)
        XCTAssertTrue(state.drafts.values.contains { $0.value("body") == "unsent" }, "\(state.drafts)")
        XCTAssertEqual(state.notice, "Handed over by Huda, 14:00: second boat still needed")
        XCTAssertNil(state.handoverNote)
    }

    func testSigningOffASharedAccountLeavesTheNoteForTheNextOfficer() {
        var state = desk()
        state.shift = .onShift(since: SampleDesk.at(60))
        state.drafts["postMessage"] = Forms.postMessage(incident: nil)
        state.apply(.signedOff(note: "boat at the bridge", kept: false, backlog: 0))
        XCTAssertEqual(state.shift, .awaitingSignOn)
        XCTAssertEqual(state.drafts, [:], "the next officer starts clean")
        XCTAssertEqual(state.form?.purpose, .signOn)
        XCTAssertEqual(state.handoverNote, "Handed over by \(state.officer), 14:05: boat at the bridge")
        XCTAssertEqual(state.form?.notice, state.handoverNote)

        var personal = desk()
        personal.apply(.signedOff(note: nil, kept: false, backlog: 0))
        XCTAssertEqual(personal.shift, .notRequired, "a personal account's desk goes on")
        XCTAssertEqual(personal.notice, personal.localizer(.signedOff))
    }

    func testTheStoresHealthAndSearchResultsArriveAsOutcomes() {
        var state = desk()
        state.apply(.store(.busy))
        XCTAssertEqual(state.store, .busy)
        state.apply(.store(.offline(reason: "gone")))
        XCTAssertEqual(state.store, .offline(reason: "gone"))

        state.apply(.searchResults([], for: "derna"))
        XCTAssertNil(state.picker, "no search open: ignored")
        _ = state.handle(.character("/"))
        state.apply(.searchResults([], for: "derna"))
        XCTAssertEqual(state.picker?.answered, "derna")
    }

    func testTheHandoverReportOpensAsAnOverlay() {
        var state = desk()
        let report = HandoverReport(
            shift: Shift(officer: "Huda", agency: ncemc, start: SampleDesk.at(480)), signedOn: false,
            now: SampleDesk.now, openIncidents: state.data.incidents, committedUnits: [],
            awaitingAcknowledgement: [], log: [])
        state.apply(.handover(report))
        XCTAssertEqual(state.handover?.lines, HandoverText.displayLines(report, state.localizer))
    }
}
