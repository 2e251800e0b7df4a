import QanatCore
import XCTest

@testable import QanatUI

final class LogBoardTests: XCTestCase {
    /// Roles of the cells of a frame's row, to see how a row is marked.
    private func roles(_ frame: Frame, row y: Int) -> [StyleRole] { (0..<frame.width).map { frame[$0, y].role } }

    private func lastLogRow(_ state: DeskState) -> Int { BoardLayout.firstRowY + state.data.messages.count - 1 }

    func testFollowingLiveMarksNoRowAndUpSelectsTheNewestWhole() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(4))
        XCTAssertTrue(state.followingLog)
        XCTAssertNil(state.selectedMessage, "nothing is selected while the newest row can change under a key")
        XCTAssertFalse(roles(DeskView.render(state), row: lastLogRow(state)).contains(.selected))

        _ = state.handle(.up)
        XCTAssertFalse(state.followingLog)
        XCTAssertEqual(state.selectedMessage?.message.id, state.data.messages.last?.message.id)
        XCTAssertEqual(
            Set(roles(DeskView.render(state), row: lastLogRow(state))), [.selected], "the newest, marked whole")
        _ = state.handle(.up)
        _ = state.handle(.down)
        _ = state.handle(.down)
        XCTAssertTrue(state.followingLog, "down from the newest row follows live again")
        XCTAssertNil(state.selectedMessage)
    }

    func testUShowsOnlyWhatAwaitsOurAgencyAndAsksTheStore() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(4))
        XCTAssertEqual(state.handle(.character("u")), .reload(.messages))
        XCTAssertEqual(state.logQuery, MessageQuery(awaitingAcknowledgementBy: state.agency))
        XCTAssertTrue(DeskView.render(state).lines[0].contains("[unacknowledged]"))
        XCTAssertEqual(state.handle(.character("u")), .reload(.messages))
        XCTAssertEqual(state.logQuery, MessageQuery())
        XCTAssertTrue(DeskView.render(state).lines[0].contains("[all]"))
    }

    func testTheLogFilterFormSetsEveryFieldOfTheQuery() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(4))
        _ = state.handle(.character("f"))
        XCTAssertEqual(state.form?.purpose, .logFilter)
        for c in " lrc " { _ = state.handle(.character(c)) }
        _ = state.handle(.tab)
        for c in "inc-2026-0003" { _ = state.handle(.character(c)) }
        _ = state.handle(.tab)
        _ = state.handle(.character("i"))  // immediate and above
        _ = state.handle(.tab)
        _ = state.handle(.character(" "))  // awaiting our acknowledgement
        XCTAssertEqual(state.handle(.enter), .reload(.messages))
        XCTAssertNil(state.form)
        XCTAssertEqual(
            state.logQuery,
            MessageQuery(
                agency: try! AgencyCode("LRC"), incident: try! IncidentReference("INC-2026-0003"),
                minimumPriority: .immediate, awaitingAcknowledgementBy: state.agency))
        XCTAssertTrue(
            DeskView.render(state).lines[0].contains("[LRC · INC-2026-0003 · ≥ immediate · unacknowledged]"),
            DeskView.render(state).lines[0])
    }

    /// A mistyped agency is refused beside its field, as on the incidents' filter: it must not read as "no messages".
    func testAnUnknownAgencyIsRefusedAndTheQueryStays() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(4))
        _ = state.handle(.character("f"))
        for c in "ZZ" { _ = state.handle(.character(c)) }
        for _ in 0..<3 { _ = state.handle(.tab) }
        XCTAssertNil(state.handle(.enter))
        XCTAssertEqual(state.form?.purpose, .logFilter, "the form stays")
        XCTAssertTrue(
            state.form?.fields[0].error?.contains("'ZZ' is not one of") ?? false,
            "\(state.form?.fields.map { "\($0.name)=\($0.value) \($0.error ?? "")" } ?? [])")
        XCTAssertEqual(state.logQuery, MessageQuery())
    }

    func testAWrongIncidentIsShownBesideItsFieldAndTheQueryStays() {
        var state = SampleDesk.state(width: 120, height: 30)
        _ = state.handle(.function(4))
        _ = state.handle(.character("f"))
        _ = state.handle(.tab)
        for c in "flood" { _ = state.handle(.character(c)) }
        for _ in 0..<2 { _ = state.handle(.tab) }
        XCTAssertNil(state.handle(.enter))
        XCTAssertEqual(state.form?.fields[1].name, "incident")
        XCTAssertNotNil(state.form?.fields[1].error)
        XCTAssertEqual(state.form?.value("incident"), "flood", "what was typed stays")
        XCTAssertEqual(state.logQuery, MessageQuery())
    }

    func testAFilterThatMatchesNothingSaysSo() {
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.function(4))
        state.logQuery.minimumPriority = .flash
        state.data.messages = []
        XCTAssertTrue(DeskView.render(state).lines[BoardLayout.firstRowY].contains("Nothing matches the filter"))
    }

    func testEnterOnAMessageOpensItsIncident() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(4))
        _ = state.handle(.character("g"))  // the oldest: the flash about INC-2026-0001
        _ = state.handle(.down)
        _ = state.handle(.down)  // LRC's message about INC-2026-0003
        XCTAssertEqual(state.handle(.enter), .loadDetail, "Enter opens the message")
        state.data.message = state.selectedMessage
        XCTAssertEqual(state.handle(.enter), .loadDetail, "and Enter again its incident")
        XCTAssertEqual(state.board, .incidents)
        XCTAssertEqual(state.detailReference?.rawValue, "INC-2026-0003")
        XCTAssertEqual(state.selectedIncident?.incident.reference.rawValue, "INC-2026-0003", "its row is selected")
    }

    func testEnterOnAMessageWithoutAnIncidentSaysSoAndStays() {
        var state = SampleDesk.state(width: 160, height: 48)
        state.data.messages[3].message.incident = nil
        _ = state.handle(.function(4))
        _ = state.handle(.up)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        state.data.message = state.selectedMessage
        XCTAssertNil(state.handle(.enter))
        XCTAssertEqual(state.board, .log)
        XCTAssertEqual(state.notice, "This message names no incident.")
    }

    func testAnOpenDetailFollowsTheSelection() {
        var state = SampleDesk.state(width: 160, height: 48)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        XCTAssertEqual(state.detailReference?.rawValue, "INC-2026-0001")
        XCTAssertEqual(state.handle(.down), .loadDetail)
        XCTAssertEqual(state.detailReference?.rawValue, "INC-2026-0002")
        XCTAssertEqual(state.handle(.home), .loadDetail)
        XCTAssertEqual(state.detailReference?.rawValue, "INC-2026-0001")
        _ = state.handle(.escape)
        XCTAssertNil(state.handle(.down), "with the detail closed, moving reads nothing")
    }

    func testTheStatusBarCapsTheUnacknowledgedCount() {
        var state = SampleDesk.state(width: 80, height: 24)
        state.data.pendingAcknowledgements = DeskData.pendingCountCap
        XCTAssertTrue(DeskView.render(state).lines[23].contains("unack: 999+"), DeskView.render(state).lines[23])
        state.data.pendingAcknowledgements = 12
        XCTAssertTrue(DeskView.render(state).lines[23].contains("unack: 12 "))
    }

    func testEachNamedAgencyIsMarkedOnceItAcknowledged() {
        var state = SampleDesk.state(width: 160, height: 48)
        var record = state.data.messages[2]  // LRC to NCEMC and LRA, acknowledgement required
        XCTAssertEqual(LogBoard.addressees(record), "NCEMC,LRA")
        record.acknowledgements = [
            Acknowledgement(
                message: record.message.id, agency: try! AgencyCode("LRA"), officer: "x",
                at: record.message.postedAt)
        ]
        XCTAssertEqual(LogBoard.addressees(record), "NCEMC,LRA✓")
        state.data.messages[2] = record
        _ = state.handle(.function(4))
        XCTAssertTrue(DeskView.render(state).lines.contains { $0.contains("NCEMC,LRA✓") && $0.contains("1/2") })
    }
}

/// `u` shows a window of what the desk's agency owes: the tab bar says when there is more.
final class AwaitingWindowTests: XCTestCase {
    func testTheTabBarSaysWhenMoreIsOwedThanTheLogShows() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(4))
        _ = state.handle(.character("u"))
        state.data.pendingAcknowledgements = 1
        XCTAssertFalse(DeskView.render(state).lines[0].contains("showing the newest"))
        state.data.pendingAcknowledgements = 800
        XCTAssertTrue(
            DeskView.render(state).lines[0].contains("showing the newest 4/800"), DeskView.render(state).lines[0])
    }
}
