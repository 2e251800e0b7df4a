import QanatCore
import QanatJournal
import XCTest

@testable import QanatStore

/// The receipt stamp: when the first store took an event in. Ingest stamps it from its own clock,
/// a line read again keeps the first stamp, rebuild keeps it, and response times do not trust a
/// claimed time far earlier than it.
final class ReceiptStampTests: XCTestCase {
    let base: Int64 = 1_796_000_000_000
    let cd = try! AgencyCode("CD"), lrc = try! AgencyCode("LRC")

    func time(_ seconds: Int64) -> Timestamp { Timestamp(millisecondsSinceEpoch: base + seconds * 1000) }

    func event(_ payload: EventPayload, at seconds: Int64, by agency: AgencyCode, received: Int64? = nil) -> Event {
        Event(
            id: .make(at: time(seconds)), at: time(seconds), agency: agency, officer: "Huda", user: "duty",
            payload: payload, received: received.map(time))
    }

    func testIngestStampsItsOwnClockAndALineReadAgainKeepsTheFirstStamp() throws {
        let dir = try temporaryDirectory()
        let events = scenario(count: 20, seed: 11)
        let text =
            events.map { String(decoding: EventCodec.encode($0, previousLineHash: nil), as: UTF8.self) }
            .joined(separator: "\n") + "\n"
        try text.write(toFile: dir + "/first.jsonl", atomically: false, encoding: .utf8)
        try text.write(toFile: dir + "/copy.jsonl", atomically: false, encoding: .utf8)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let received = events.map(\.at).max()!.adding(seconds: 30)
        var first = JournalIngest(store: store, journalPath: dir + "/first.jsonl")
        first.clock = { received }
        XCTAssertEqual(try first.run(now: { received }).ingested, 20)
        var again = JournalIngest(store: store, journalPath: dir + "/copy.jsonl")
        again.clock = { received.adding(seconds: 3600) }
        XCTAssertEqual(try again.run(now: { received }).alreadyPresent, 20)
        try store.rebuild()
        for event in events {
            let stored = try XCTUnwrap(store.event(event.id))
            XCTAssertEqual(stored.received, received, "stamped once, by the first ingest; kept by rebuild")
            XCTAssertEqual(stored, event, "the stamp is not part of the event's content")
        }
    }

    func testAJournalLineCannotClaimItsOwnReceipt() throws {
        let line = String(
            decoding: EventCodec.encode(scenario(count: 1, seed: 2)[0], previousLineHash: nil), as: UTF8.self)
        let claimed = line.replacingOccurrences(of: #"{"v":1,"#, with: #"{"v":1,"received":"2026-01-01T00:00:00Z","#)
        XCTAssertNotEqual(claimed, line)
        XCTAssertThrowsError(try EventCodec.decode(Array(claimed.utf8))) { error in
            XCTAssertTrue("\(error)".contains("received"), "\(error)")
        }
    }

    func testResponseTimesMeasureAClaimFarBeforeItsReceiptFromTheReceipt() throws {
        let dir = try temporaryDirectory()
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let reference = IncidentReference(year: 2026, number: 1)
        let unit = try CallSign("CD-7")
        let link = AssignmentLink(incident: reference, unit: unit)
        let flash = event(
            .messagePosted(
                MessagePosting(
                    recipients: .agencies([lrc]), priority: .flash, channel: .radio, subject: nil, body: "need boats",
                    incident: nil, acknowledgementRequired: true)), at: 0, by: cd, received: 1)
        try store.apply([
            event(
                .incidentOpened(
                    IncidentOpening(
                        reference: reference, title: "Flood", type: .flashFlood, severity: .severe, area: "derna")),
                at: 0, by: cd, received: 2),
            event(.unitRegistered(UnitRegistration(callSign: unit, agency: cd, kind: .rescue)), at: 0, by: cd),
            // Tasked a minute after the report, and received then: trusted.
            event(.assignment(.tasked, link), at: 60, by: cd, received: 61),
            // Arrival claimed two minutes in but received two hours later: measured from its receipt.
            event(.assignment(.arrived, link), at: 120, by: cd, received: 7200),
            flash,
            // An incident reported as of the start but received over an hour later: it waits from then.
            event(
                .incidentOpened(
                    IncidentOpening(
                        reference: IncidentReference(year: 2026, number: 2), title: "Fire", type: .fire,
                        severity: .minor, area: "derna")), at: 0, by: cd, received: 4000),
            // An acknowledgement claimed ten seconds in, received an hour later.
            event(.messageAcknowledged(MessageAcknowledgement(message: flash.id)), at: 10, by: lrc, received: 3600),
        ])
        // Another flash, acknowledged "before" it was posted, within the trust of the receipt.
        let early = event(
            .messagePosted(
                MessagePosting(
                    recipients: .agencies([lrc]), priority: .flash, channel: .radio, subject: nil, body: "second",
                    incident: nil, acknowledgementRequired: true)), at: 500, by: cd, received: 500)
        try store.apply([
            early,
            event(.messageAcknowledged(MessageAcknowledgement(message: early.id)), at: 450, by: lrc, received: 530),
        ])
        let period = PerformancePeriod(since: time(-60), until: time(86_400))
        let samples = try store.responseSamples(period)
        func one(_ metric: ResponseMetric) throws -> ResponseSample {
            try XCTUnwrap(samples.first { $0.metric == metric && $0.end != nil }, "\(metric): \(samples)")
        }
        XCTAssertEqual(try one(.assign).milliseconds, 60_000)
        XCTAssertFalse(try one(.assign).byReceipt)
        XCTAssertEqual(try one(.arrive).milliseconds, 7_200_000, "from the report to the arrival's receipt")
        XCTAssertTrue(try one(.arrive).byReceipt)
        XCTAssertEqual(try one(.acknowledge).milliseconds, 3_600_000)
        XCTAssertTrue(try one(.acknowledge).byReceipt)
        let answeredEarly = try XCTUnwrap(samples.first { $0.subject == early.id.rawValue })
        XCTAssertEqual(
            answeredEarly.milliseconds, 30_000, "an answer dated before its question counts from its receipt")
        XCTAssertTrue(answeredEarly.byReceipt)
        let waiting = try XCTUnwrap(samples.first { $0.metric == .assign && $0.subject == "INC-2026-0002" })
        XCTAssertEqual(waiting.start, time(4000), "waiting since its receipt")
        XCTAssertTrue(waiting.byReceipt)
        let figures = ResponsePerformance.figures(samples, targets: [], period: period, now: time(86_400))
        XCTAssertEqual(
            figures.filter { $0.agency == nil }.map(\.byReceipt).reduce(0, +), 5,
            "two acknowledgements, the arrival, and the second incident's assignment and closure waiting")
    }

    func testAClaimedTimeWithinTheTrustOfItsReceiptIsKept() {
        let claimed = time(0)
        XCTAssertEqual(
            Event.measured(claimed: claimed, received: time(Limits.claimTrust)).time, claimed,
            "a write that took the whole trust to arrive still counts from its claim")
        XCTAssertEqual(
            Event.measured(claimed: claimed, received: time(Limits.claimTrust + 1)).time, time(Limits.claimTrust + 1))
        XCTAssertEqual(
            Event.measured(claimed: claimed, received: nil).time, claimed, "an unstamped event keeps its claim")
        XCTAssertFalse(Event.measured(claimed: time(60), received: time(0)).byReceipt, "a claim after its receipt")
    }
}
