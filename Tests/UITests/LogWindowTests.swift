import QanatCore
import XCTest

@testable import QanatUI

/// The log's window kept up from the messages a change touched, as a whole read would give it.
final class LogWindowTests: XCTestCase {
    func message(_ n: Int, minutesAgo: Int64, acks: [String] = []) -> MessageRecord {
        SampleDesk.message(
            n, "NCEMC", .everyone, .priority, "message \(n)", ack: true, minutesAgo: minutesAgo, acks: acks)
    }

    func testANewMessageTakesItsPlaceAndAnAcknowledgedOneIsReplacedInPlace() throws {
        let window = [message(1, minutesAgo: 30), message(2, minutesAgo: 20), message(3, minutesAgo: 10)]
        let posted = message(4, minutesAgo: 1)
        let late = message(5, minutesAgo: 25)
        let acknowledged = message(2, minutesAgo: 20, acks: ["LRC"])
        let merged = try XCTUnwrap(
            LogWindow.merge(
                window, changed: [posted.message.id, late.message.id, acknowledged.message.id],
                fresh: [posted, acknowledged, late], limit: 10))
        XCTAssertEqual(merged.map(\.message.body), ["message 1", "message 5", "message 2", "message 3", "message 4"])
        XCTAssertEqual(merged[2].acknowledgements.map(\.agency.rawValue), ["LRC"])
    }

    func testAMessageTheFilterNoLongerAdmitsLeaves() throws {
        let window = [message(1, minutesAgo: 30), message(2, minutesAgo: 20)]
        let merged = try XCTUnwrap(LogWindow.merge(window, changed: [window[0].message.id], fresh: [], limit: 10))
        XCTAssertEqual(merged.map(\.message.body), ["message 2"])
    }

    func testAFullWindowKeepsTheNewestAndCannotLoseARowWithoutAReadingAgain() {
        let window = [message(1, minutesAgo: 30), message(2, minutesAgo: 20), message(3, minutesAgo: 10)]
        XCTAssertEqual(
            LogWindow.merge(window, changed: [], fresh: [message(4, minutesAgo: 1)], limit: 3)?.map(\.message.body),
            ["message 2", "message 3", "message 4"])
        XCTAssertEqual(
            LogWindow.merge(window, changed: [], fresh: [message(0, minutesAgo: 40)], limit: 3)?.map(\.message.body),
            ["message 1", "message 2", "message 3"], "older than the window: outside it")
        XCTAssertNil(
            LogWindow.merge(window, changed: [window[1].message.id], fresh: [], limit: 3),
            "the row before the window was never read")
    }
}
