import Foundation
import QanatCore
import QanatDesk
import QanatFixtures
import QanatScratch
import QanatStore
import XCTest

@testable import QanatUI

/// A desk keeps its log window up from the messages new events touched; what it shows is what
/// reading the window whole would show.
final class LogWindowLoadTests: XCTestCase {
    func testPostedAndAcknowledgedMessagesKeepTheWindowAsAWholeReadWould() throws {
        let (store, events, directory) = try storeOf700Messages()
        // An urgent message (every fiftieth) is for the agency after its sender's.
        let urgent = try XCTUnwrap(
            events.last { if case .messagePosted(let m) = $0.payload { m.acknowledgementRequired } else { false } })
        guard case .messagePosted(let posting) = urgent.payload, case .agencies(let owing) = posting.recipients else {
            return XCTFail()
        }
        let agency = owing[0]

        for query in [MessageQuery(), MessageQuery(awaitingAcknowledgementBy: agency)] {
            var state = DeskState(
                width: 160, height: 48, language: .en, officer: "test", agency: agency, now: urgent.at)
            state.logQuery = query
            try DeskLoader(store: store).load(into: &state)
            XCTAssertFalse(state.data.messages.isEmpty)
            var last = try store.changes(after: nil, limit: 1000).lastSequence

            for change in [probe("posted now"), acknowledgement(of: urgent.id, by: agency)] {
                try store.apply([change])
                let changes = try store.changes(after: last, limit: 1000)
                last = changes.lastSequence
                let ids = Set(
                    (changes.subjects ?? []).compactMap { subject -> EventID? in
                        if case .message(let id) = subject { id } else { nil }
                    })
                XCTAssertFalse(ids.isEmpty)
                try DeskLoader(store: store).load(into: &state, refresh: .messages, changedMessages: ids)
                var whole = DeskState(
                    width: 160, height: 48, language: .en, officer: "test", agency: agency, now: urgent.at)
                whole.logQuery = query
                try DeskLoader(store: store).load(into: &whole)
                XCTAssertEqual(state.data.messages, whole.data.messages, "\(query): after \(change.type)")
                XCTAssertEqual(state.data.pendingAcknowledgements, whole.data.pendingAcknowledgements)
            }
        }
    }

    /// A new filter draws its first frame from a page of the log; the window read whole follows,
    /// and a change arriving before that reads it whole too.
    func testANewFilterReadsAFirstPageThenTheWholeWindow() throws {
        let (store, events, directory) = try storeOf700Messages()
        var whole = DeskState(
            width: 160, height: 30, language: .en, officer: "test", agency: Agency.seed[0].code, now: events[0].at)
        try DeskLoader(store: store).load(into: &whole)
        XCTAssertEqual(whole.data.messages.count, DeskLoader.messageWindow)

        var state = DeskState(
            width: 160, height: 30, language: .en, officer: "test", agency: Agency.seed[0].code, now: events[0].at)
        try DeskLoader(store: store).load(into: &state, refresh: .messages, firstPageOnly: true)
        XCTAssertTrue(state.data.logWindowPartial)
        XCTAssertEqual(
            state.data.messages, Array(whole.data.messages.suffix(DeskLoader.firstPage(height: 30))), "the newest rows")
        try DeskLoader(store: store).load(into: &state, refresh: .messages)
        XCTAssertFalse(state.data.logWindowPartial)
        XCTAssertEqual(state.data.messages, whole.data.messages)

        try DeskLoader(store: store).load(into: &state, refresh: .messages, firstPageOnly: true)
        try store.apply([probe("while the first page was shown")])
        try DeskLoader(store: store).load(into: &state, refresh: .messages, changedMessages: [])
        try DeskLoader(store: store).load(into: &whole, refresh: .messages)
        XCTAssertFalse(state.data.logWindowPartial, "a change reads the window whole")
        XCTAssertEqual(state.data.messages, whole.data.messages)
    }

    /// A flash owed to the desk, older than the first page a new filter reads, stays in its alerts.
    func testAFirstPageDoesNotLoseAnOwedFlashFromTheBanner() throws {
        let (store, events, directory) = try storeOf700Messages()
        let moi = try AgencyCode("MOI")
        let at = Timestamp(millisecondsSinceEpoch: events[0].at.millisecondsSinceEpoch + 1)
        let flash = Event(
            id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "t", user: nil,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .agencies([moi]), priority: .flash, channel: .radio, subject: nil, body: "old flash",
                    incident: nil, acknowledgementRequired: true)))
        try store.apply([flash])
        var state = DeskState(width: 160, height: 30, language: .en, officer: "test", agency: moi, now: events[0].at)
        try DeskLoader(store: store).load(into: &state)
        XCTAssertTrue(state.alerts.contains { $0.subject == .message(flash.id) })
        for query in [MessageQuery(awaitingAcknowledgementBy: moi), MessageQuery()] {  // `u`, then `u` again
            state.logQuery = query
            try DeskLoader(store: store).load(into: &state, refresh: .messages, firstPageOnly: true)
            XCTAssertTrue(state.alerts.contains { $0.subject == .message(flash.id) }, "after a first page of \(query)")
        }
    }

    /// A store in a directory of its own (the caller removes it) holding 700 synthetic messages.
    private func storeOf700Messages() throws -> (SQLiteStore, [Event], String) {
        let directory = try scratchDirectory("window")
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        var events: [Event] = []
        SyntheticTraffic.forEachMessage(count: 700) { events.append($0) }
        try store.apply(events)
        return (store, events, directory)
    }

    private func probe(_ body: String) -> Event {
        let at = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000)
        return Event(
            id: .make(at: at), at: at, agency: Agency.seed[0].code, officer: "test", user: nil,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .radio, subject: nil,
                    body: body, incident: nil, acknowledgementRequired: false)))
    }

    private func acknowledgement(of message: EventID, by agency: AgencyCode) -> Event {
        let at = Timestamp(millisecondsSinceEpoch: 1_796_000_001_000)
        return Event(
            id: .make(at: at), at: at, agency: agency, officer: "test", user: nil,
            payload: .messageAcknowledged(MessageAcknowledgement(message: message)))
    }
}
