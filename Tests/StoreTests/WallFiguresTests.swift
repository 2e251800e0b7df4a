import QanatCore
import XCTest

@testable import QanatStore

/// What the wall reads: flash messages still owed stay pinned; staleness counts from the newest event.
final class WallFiguresTests: XCTestCase {
    func testAFlashMessageStaysPinnedUntilAcknowledged() throws {
        let store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
        var rng = SeededGenerator(seed: 31)
        let base: Int64 = 1_795_000_000_000
        func event(_ minute: Int64, _ agency: String, _ payload: EventPayload) throws -> Event {
            let at = Timestamp(millisecondsSinceEpoch: base + minute * 60_000)
            return Event(
                id: .make(at: at, using: &rng), at: at, agency: try AgencyCode(agency), officer: "o", user: "u",
                payload: payload)
        }
        let flash = try event(
            1, "NCEMC",
            .messagePosted(
                MessagePosting(
                    recipients: .agencies([try AgencyCode("CD")]), priority: .flash, channel: .radio, subject: nil,
                    body: "Evacuate", incident: nil, acknowledgementRequired: true)))
        var later: [Event] = []
        for minute in Int64(2)...8 {
            later.append(
                try event(
                    minute, "LRC",
                    .messagePosted(
                        MessagePosting(
                            recipients: .everyone, priority: .immediate, channel: .radio, subject: nil,
                            body: "update \(minute)",
                            incident: nil, acknowledgementRequired: false))))
        }
        try store.apply([flash] + later)
        var figures = try store.wallFigures(latest: 5)
        XCTAssertEqual(figures.pinnedFlash.map(\.message.id), [flash.id])
        XCTAssertFalse(figures.latestUrgent.contains { $0.message.id == flash.id }, "pushed off the latest five")
        XCTAssertEqual(figures.lastEventAt, later.last?.at)

        let ack = try event(9, "CD", .messageAcknowledged(MessageAcknowledgement(message: flash.id)))
        try store.apply([ack])
        figures = try store.wallFigures(latest: 5)
        XCTAssertTrue(figures.pinnedFlash.isEmpty)
        XCTAssertEqual(figures.lastEventAt, ack.at)
    }
}
