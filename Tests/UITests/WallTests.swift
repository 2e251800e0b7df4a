import QanatCore
import XCTest

@testable import QanatUI

/// The wall display: what it shows at each size and in both languages, its banners, its
/// rotation, and that no key but `q` does anything.
final class WallTests: XCTestCase {
    static let sizes = [(80, 24), (160, 48), (300, 100)]

    static func wall(width: Int, height: Int, language: Language = .en) -> WallState {
        let desk = SampleDesk.state(width: width, height: height, language: language)
        var state = WallState(
            width: width, height: height, language: language, now: SampleDesk.now, rotationSeconds: 20)
        state.boards = desk.data
        state.figures.openIncidents = [.extreme: 1, .severe: 2, .moderate: 1]
        state.figures.unitsAvailable = 1
        state.figures.unitsCommitted = 3
        state.figures.unacknowledgedUrgent = 1
        state.figures.latestUrgent = desk.data.messages.filter { [.flash, .immediate].contains($0.message.priority) }
            .reversed()
        return state
    }

    func assertWallSnapshot(
        _ name: String, file: StaticString = #filePath, line: UInt = #line, _ make: (Int, Int, Language) -> WallState
    ) {
        for language in Language.allCases {
            assertFrameSnapshot(
                language == .ar ? "wall-\(name)-ar" : "wall-\(name)", sizes: Self.sizes, file: file, line: line
            ) {
                WallView.render(make($0, $1, language))
            }
        }
    }

    func testEachBoardInTurn() {
        for board in Board.allCases {
            assertWallSnapshot("\(board)") { w, h, language in
                var state = Self.wall(width: w, height: h, language: language)
                state.board = board
                return state
            }
        }
    }

    func testTheWallHasNoAgencySoNoMessageIsMarkedOwed() {
        var wall = Self.wall(width: 160, height: 48)
        wall.board = .log
        let lines = WallView.render(wall).lines
        XCTAssertTrue(lines.contains { $0.contains("FLASH") && $0.contains("1/5") }, lines.joined(separator: "\n"))
        XCTAssertFalse(
            lines.contains { $0.contains("1/5!") },
            "no agency owes anything on the wall:\n" + lines.joined(separator: "\n"))
        // A desk whose agency owes the same message marks it.
        var desk = SampleDesk.state(width: 160, height: 48)
        desk.agency = Agency.seed[0].code
        _ = desk.handle(.function(4))
        XCTAssertTrue(DeskView.render(desk).lines.contains { $0.contains("1/5!") })
    }

    func testExerciseAndStaleBanners() {
        assertWallSnapshot("exercise-stale") { w, h, language in
            var state = Self.wall(width: w, height: h, language: language)
            state.exercise = true
            state.lastChange = SampleDesk.now.adding(seconds: -3600)
            return state
        }
    }

    func testStalenessCountsFromTheStoresLastEventAndTheFooterStopsSayingLive() {
        var state = Self.wall(width: 80, height: 24)
        state.lastChange = SampleDesk.now  // the wall has just started
        XCTAssertTrue(WallView.render(state).lines[23].contains("live"))
        state.figures.lastEventAt = SampleDesk.now.adding(seconds: -3660)
        let lines = WallView.render(state).lines
        XCTAssertTrue(lines[1].contains("DATA MAY BE STALE — no change seen for 1h01"), lines[1])  // 3,660 s
        XCTAssertFalse(lines[23].contains("live"), lines[23])
        XCTAssertTrue(lines[23].contains("stale"), lines[23])
    }

    func testAnUnreadableStoreShowsNoFiguresAndSaysWhyInLargeLetters() {
        for (width, height) in Self.sizes {
            var unreadable = Self.wall(width: width, height: height)
            unreadable.health = .unreadable(reason: "store /srv/qanat/qanat.sqlite unavailable: unable to open")
            let text = WallView.render(unreadable).text
            XCTAssertTrue(text.contains("S T O R E   U N R E A D A B L E"), text)
            XCTAssertTrue(text.contains("store /srv/qanat/qanat.sqlite unavailable: unable to open"), text)
            XCTAssertFalse(text.contains("Units committed"), "no counters, not even old ones:\n\(text)")
            XCTAssertFalse(text.contains("███"))
            XCTAssertTrue(WallView.render(unreadable).lines[height - 1].contains("offline"))
        }
    }

    func testUnacknowledgedFlashMessagesStayPinnedAboveTheLatest() {
        var state = Self.wall(width: 120, height: 30)
        let old = SampleDesk.message(
            40, "NCEMC", .everyone, .flash, "Evacuate the lower town now", ack: true, minutesAgo: 300)
        state.figures.pinnedFlash = [old]
        let lines = WallView.render(state).lines
        guard let header = lines.firstIndex(where: { $0.contains("Latest flash and immediate") }) else {
            return XCTFail(lines.joined(separator: "\n"))
        }
        XCTAssertTrue(
            lines[header + 1].contains("UNACKNOWLEDGED") && lines[header + 1].contains("Evacuate the lower town now"),
            lines.joined(separator: "\n"))
    }

    func testManyPinnedMessagesLeaveRoomForTheNewest() {
        var state = Self.wall(width: 120, height: 30)
        state.figures.pinnedFlash = (41...50).map {
            SampleDesk.message($0, "NCEMC", .everyone, .flash, "Old flash \($0)", ack: true, minutesAgo: 300)
        }
        let newest = state.figures.latestUrgent[0].message
        let text = WallView.render(state).text
        XCTAssertTrue(text.contains(newest.body), "the newest flash or immediate message still shows:\n\(text)")
    }

    func testBigFiguresAppearOnlyWhereThereIsRoom() {
        let big = WallView.render(Self.wall(width: 160, height: 48)).text
        XCTAssertTrue(big.contains("███"), "five-row digits on a large screen")
        let small = WallView.render(Self.wall(width: 80, height: 24)).lines
        XCTAssertFalse(small.joined().contains("███"))
        XCTAssertTrue(small.contains { $0.contains("Units committed 3") }, small.joined(separator: "\n"))
    }

    func testBoardsRotateOnTheirTime() {
        var state = WallState(width: 80, height: 24, language: .en, now: SampleDesk.now, rotationSeconds: 20)
        state.tick(SampleDesk.now.adding(seconds: 19))
        XCTAssertEqual(state.board, .incidents)
        state.tick(SampleDesk.now.adding(seconds: 20))
        XCTAssertEqual(state.board, .units)
        state.tick(SampleDesk.now.adding(seconds: 40))
        XCTAssertEqual(state.board, .log)
        state.tick(SampleDesk.now.adding(seconds: 60))
        XCTAssertEqual(state.board, .coverage, "gaps and duplications by district")
        state.tick(SampleDesk.now.adding(seconds: 80))
        XCTAssertEqual(state.board, .risks, "the risk matrix")
        state.tick(SampleDesk.now.adding(seconds: 100))
        XCTAssertEqual(state.board, .performance, "response times against their targets")
        state.tick(SampleDesk.now.adding(seconds: 120))
        XCTAssertEqual(state.board, .map, "the open incidents on the map of Libya")
        state.tick(SampleDesk.now.adding(seconds: 140))
        XCTAssertEqual(state.board, .incidents, "and round again")
    }

    func testTheShownTimeMovesByTheMinuteSoAnIdleWallRedrawsOnceAMinute() {
        var state = WallState(width: 80, height: 24, language: .en, now: SampleDesk.now, rotationSeconds: 3600)
        let before = state
        state.tick(SampleDesk.now.adding(seconds: 30))
        XCTAssertEqual(state, before, "12:05:09 and 12:05:39 show the same")
        state.tick(SampleDesk.now.adding(seconds: 60))
        XCTAssertNotEqual(state.now, before.now)
    }

    func testOnlyQQuitsAndNothingDoesWhenLocked() {
        var state = Self.wall(width: 80, height: 24)
        for key: KeyPress in [
            .character("m"), .character("o"), .enter, .escape, .character("a"), .character(":"), .function(4),
        ] {
            let before = state
            XCTAssertFalse(state.handle(key))
            XCTAssertEqual(state, before, "\(key) changes nothing")
        }
        XCTAssertTrue(state.handle(.character("q")))
        state.locked = true
        XCTAssertFalse(state.handle(.character("q")))
        XCTAssertTrue(state.handle(.hangup), "with no terminal there is nothing to show, locked or not")
    }
}

final class WallUnreadableFooterTests: XCTestCase {
    func testAnUnreadableStoreClaimsNoLastChange() {
        var state = WallTests.wall(width: 120, height: 30)
        state.health = .unreadable(reason: "no store")
        XCTAssertFalse(WallView.render(state).lines[29].contains("last change"), WallView.render(state).lines[29])
    }
}
