import QanatCore
import QanatText
import XCTest

@testable import QanatUI

/// Flash messages for this desk's agency and new extreme incidents ring once and stay in a
/// banner until acknowledged or opened.
final class AlertTests: XCTestCase {
    private func flash(_ n: Int, to agency: String = "CD") -> MessageRecord {
        SampleDesk.message(
            n, "NCEMC", .agencies([SampleDesk.code(agency)]), .flash, "Evacuate the wadi now", ack: true, minutesAgo: 0)
    }

    func testAFlashForUsRingsOnceAndStaysUntilAcknowledged() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.data.flashAwaiting = [flash(50)]
        state.noticeAlerts()
        XCTAssertTrue(state.bellPending)
        let banner = DeskView.render(state).lines[28]
        XCTAssertTrue(
            banner.contains("⚠ FLASH NCEMC") && banner.contains("Evacuate the wadi now")
                && banner.contains("! opens it"), banner)
        state.bellPending = false
        state.noticeAlerts()
        XCTAssertFalse(state.bellPending, "it rings once")
        XCTAssertEqual(state.alerts.count, 1)
        state.data.flashAwaiting = []  // acknowledged by CD
        state.noticeAlerts()
        XCTAssertTrue(state.alerts.isEmpty)
        XCTAssertFalse(DeskView.render(state).lines[28].contains("⚠"))
    }

    func testAFlashPushedOutOfTheWindowByNewerOnesStaysUntilAcknowledged() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.data.flashAwaiting = [flash(40)]
        state.noticeAlerts()
        state.data.flashAwaiting = (41...45).map { flash($0) }  // five newer: the window is full
        state.noticeAlerts()
        XCTAssertEqual(state.alerts.count, 6, "the first is still owed, only out of the window")
        state.data.flashAwaiting = (41...44).map { flash($0) }  // a window with room: 40 and 45 were acknowledged
        state.noticeAlerts()
        XCTAssertEqual(state.alerts.count, 4)
    }

    func testAnArabicTextCutShortInTheBannerEndsWithItsEllipsisOnItsOwnSide() {
        var state = SampleDesk.state(width: 80, height: 24)
        state.data.flashAwaiting = [
            SampleDesk.message(
                53, "NCEMC", .agencies([SampleDesk.code("CD")]), .flash,
                "إخلاء فوري لحي الساحل والمغار — المياه تجاوزت الجسر وتقترب من المستشفى", ack: true, minutesAgo: 0)
        ]
        state.noticeAlerts()
        let banner = DeskView.render(state).lines[22]
        // Arabic reads right to left: the part cut off is at its left, right after the dash.
        XCTAssertTrue(banner.contains("— …"), banner)
        XCTAssertFalse(banner.contains("— …   !"), "not after the text's visual end: \(banner)")
    }

    func testTheBannerSpeaksTheDesksLanguageAfterL() {
        var state = SampleDesk.state(width: 120, height: 30)
        state.data.flashAwaiting = [flash(52)]
        state.noticeAlerts()
        XCTAssertTrue(DeskView.render(state).lines.contains { $0.contains("⚠ FLASH NCEMC") })
        _ = state.handle(.character("L"))
        let arabic = Bidi.visual(Localizer(.ar)(MessagePriority.flash))
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains(arabic), "the priority in Arabic after L:\n\(screen)")
        XCTAssertFalse(screen.contains("FLASH"), screen)
    }

    func testOpeningTheAlertClearsIt() {
        var state = SampleDesk.state(width: 120, height: 30)
        let message = flash(51)
        state.data.flashAwaiting = [message]
        state.noticeAlerts()
        XCTAssertEqual(state.handle(.character("!")), .loadDetail)
        XCTAssertEqual(state.board, .log)
        XCTAssertEqual(state.openMessage, message.message.id)
        state.data.message = message
        state.detailRead()
        XCTAssertTrue(state.alerts.isEmpty, "opened: seen")
    }

    func testOnlyExtremeIncidentsOpenedWhileTheDeskIsUpAlert() {
        var state = SampleDesk.state(width: 120, height: 30)
        let before = SampleDesk.incident(
            60, "Old extreme", .fire, .extreme, .reported, "tripoli", lead: "CD", opened: 5, inStatus: 5, units: 0)
        let fresh = SampleDesk.incident(
            61, "Dam breach at Wadi Kaam", .damFailure, .extreme, .reported, "zliten", lead: "NCEMC",
            opened: -1, inStatus: -1, units: 0)
        state.data.newestExtreme = [before]
        state.noticeAlerts()
        XCTAssertFalse(state.bellPending, "on the board already when the desk started")
        state.data.newestExtreme = [fresh, before]
        state.noticeAlerts()
        XCTAssertTrue(state.bellPending)
        XCTAssertTrue(DeskView.render(state).lines[28].contains("INC-2026-0061 — Dam breach at Wadi Kaam"))
        XCTAssertEqual(state.handle(.character("!")), .loadDetail)
        XCTAssertEqual(state.detailReference, SampleDesk.ref(61))
    }

    /// Found by the walk: an extreme incident closed by another desk kept its banner, "! opens it".
    func testAnExtremeIncidentClosedBeforeItWasOpenedLeavesTheBanner() {
        var state = SampleDesk.state(width: 120, height: 30)
        let fresh = SampleDesk.incident(
            62, "Fuel depot fire at port", .fire, .extreme, .reported, "tobruk", lead: "CD", opened: -1, inStatus: -1,
            units: 0)
        state.data.newestExtreme = [fresh]
        state.noticeAlerts()
        XCTAssertEqual(state.alerts.count, 1)
        state.data.newestExtreme = []  // closed by another desk
        state.noticeAlerts()
        XCTAssertTrue(state.alerts.isEmpty)
        XCTAssertFalse(DeskView.render(state).lines[28].contains("⚠"))
    }
}
