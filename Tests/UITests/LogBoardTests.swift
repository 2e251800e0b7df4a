import QanatCore
import XCTest
@testable import QanatUI

final class LogBoardTests: XCTestCase {
    /// Roles of the cells of a frame's row, to see how a row is marked.
    private func roles(_ frame: Frame, row y: Int) -> [StyleRole] { (0..<frame.width).map { frame[$0, y].role } }

    private func lastLogRow(_ state: DeskState) -> Int { BoardLayout.firstRowY + state.visibleMessages.count - 1 }

    func testFollowingLiveMarksOnlyTheNewestRowsTimeSoAnArrivalCostsOneLine() {
        var state = SampleDesk.state(width: 160, height: 48)
        _ = state.handle(.function(4))
        XCTAssertTrue(state.followingLog)
        let following = roles(DeskView.render(state), row: lastLogRow(state))
        XCTAssertEqual(following.prefix(5).filter { $0 == .selected }.count, 5, "the time cell shows where the cursor is")
        XCTAssertFalse(following.dropFirst(5).contains(.selected), "the rest of the row is not in reverse video")

        _ = state.handle(.up)
        _ = state.handle(.down)
        XCTAssertTrue(state.followingLog)
        _ = state.handle(.up)
        XCTAssertFalse(state.followingLog)
        let browsing = roles(DeskView.render(state), row: lastLogRow(state) - 1)
        XCTAssertEqual(Set(browsing), [.selected], "a row picked by moving up is marked whole")
    }
}
