import QanatCore
import QanatText
import XCTest

@testable import QanatUI

/// A site cut off from the hub says so on every desk's status bar and on the wall, with what waits
/// to go out; a site whose link is up says nothing of it.
final class HubStatusTests: XCTestCase {
    let since = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000)

    func cutOff(waiting: Int) -> RelayStatus {
        RelayStatus(reachable: false, checked: since, waiting: waiting, problem: "connectionError", pushed: 7)
    }

    func testTheDeskSaysTheHubIsCutOffAndWhatWaitsToGo() {
        for (language, expected) in [
            (Language.en, "hub cut off · to send: 3"), (.ar, "الخادم المركزي منقطع · للإرسال: ٣"),
        ] {
            var state = SampleDesk.state(width: 120, height: 30, language: language)
            if language == .ar { state.digits = .arabicIndic }
            state.apply(.relay(cutOff(waiting: 3)))
            let bar = DeskView.render(state).lines.last ?? ""
            XCTAssertTrue(bar.contains(Bidi.visual(expected)) || bar.contains(expected), "\(language): \(bar)")
            state.apply(.relay(RelayStatus(reachable: true, checked: since, waiting: 0, problem: nil, pushed: 10)))
            XCTAssertFalse(DeskView.render(state).lines.last?.contains(state.localizer(.hubCutOff)) ?? true)
        }
    }

    /// At 80 columns in Arabic every part does not fit: "live" gives way, never what waits to go out.
    func testANarrowBarKeepsWhatWaitsToGoOutAndDropsWhatCanBeSpared() {
        for (language, expected, spared) in [
            (Language.en, "hub cut off · to send: 3", nil), (.ar, "الخادم المركزي منقطع · للإرسال: ٣", "متصل"),
        ] {
            var state = SampleDesk.state(width: 80, height: 24, language: language)
            if language == .ar { state.digits = .arabicIndic }
            state.apply(.relay(cutOff(waiting: 3)))
            let bar = DeskView.render(state).lines.last ?? ""
            XCTAssertTrue(bar.contains(Bidi.visual(expected)) || bar.contains(expected), "\(language): \(bar)")
            XCTAssertFalse(bar.contains("…"), "nothing cut short: \(bar)")
            if let spared { XCTAssertFalse(bar.contains(Bidi.visual(spared)) || bar.contains(spared), bar) }
            if language == .en {
                XCTAssertTrue(bar.contains(state.localizer.clock(state.now)), "the clock stays: \(bar)")
            }
        }
    }

    /// A site's references are three letters longer; the log and units boards show them whole.
    func testASitesReferenceIsShownWholeOnTheLogAndUnitsBoards() throws {
        let reference = IncidentReference(year: 2026, number: 1, site: try SiteCode("TRP"))
        for (width, language) in [(80, Language.en), (160, .en), (80, .ar)] {
            var state = SampleDesk.state(width: width, height: 24, language: language)
            for index in state.data.messages.indices { state.data.messages[index].message.incident = reference }
            for index in state.data.units.indices { state.data.units[index].unit.incident = reference }
            for board in [4, 3] {
                _ = state.handle(.function(board))
                let screen = DeskView.render(state).lines.joined(separator: "\n")
                XCTAssertTrue(screen.contains("INC-2026-TRP0001"), "F\(board) at \(width), \(language):\n\(screen)")
            }
        }
    }

    func testTheWallShowsTheCutAsABanner() {
        var wall = WallTests.wall(width: 160, height: 48)
        XCTAssertFalse(WallView.banners(wall).contains { $0.text.contains("hub cut off") })
        wall.boards.relay = cutOff(waiting: 12)
        XCTAssertTrue(
            WallView.banners(wall).contains { $0.text.contains("hub cut off") && $0.text.contains("to send: 12") },
            "\(WallView.banners(wall).map(\.text))")
    }
}
