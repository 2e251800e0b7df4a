import QanatCore
import QanatJournal
import XCTest

@testable import QanatStore

/// Ingest keeps every line whole and tells one event from another that borrowed its id.
final class IngestIntegrityTests: XCTestCase {
    let now = { Timestamp(millisecondsSinceEpoch: 1_795_000_000_000) }

    func line(_ event: Event) -> String {
        String(decoding: EventCodec.encode(event, previousLineHash: nil), as: UTF8.self)
    }

    func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func testAnIdStoredWithOtherContentIsAConflictNotAlreadyPresent() throws {
        let dir = try temporaryDirectory()
        let events = scenario(count: 3, seed: 21)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        try store.apply(events)
        var forged = events[1]
        forged.agency = forged.agency.rawValue == "CD" ? try AgencyCode("LRC") : try AgencyCode("CD")
        forged.officer = "someone else"
        let journal = dir + "/gateway.jsonl"
        // The same id twice in one file, with two contents, is a conflict as well.
        var twin = events[2]
        twin.officer = "twin"
        try write([events[0], forged, events[2], twin].map(line).joined(separator: "\n") + "\n", to: journal)

        let report = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual([report.ingested, report.alreadyPresent, report.rejected], [0, 2, 2])
        let rejects = try String(contentsOfFile: journal + ".rejects", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rejects.count, 2)
        XCTAssertTrue(rejects[0].contains(#""line":2"#), String(rejects[0]))
        XCTAssertTrue(
            rejects[0].contains("conflict: event \(events[1].id) is already stored with other content"),
            String(rejects[0]))
        XCTAssertTrue(rejects[0].contains("agency: \(events[1].agency) ≠ \(forged.agency)"), String(rejects[0]))
        XCTAssertTrue(rejects[0].contains("officer: "), String(rejects[0]))
        XCTAssertTrue(rejects[1].contains(#""line":4"#) && rejects[1].contains("officer: "), String(rejects[1]))
        XCTAssertEqual(try store.eventCount(), 3, "the stored events are untouched")
    }

    func opening(_ reference: IncidentReference, title: String, area: String, agency: String, at: Timestamp) throws
        -> Event
    {
        Event(
            id: .make(at: at), at: at, agency: try AgencyCode(agency), officer: agency, user: nil,
            payload: .incidentOpened(
                IncidentOpening(
                    reference: reference, title: title, type: .flashFlood, severity: .extreme, area: area)))
    }

    /// An earlier-dated second opening would have taken the incident's place in the fold (its title,
    /// area and lead): another agency's member could have taken over an incident by backdating a line.
    func testASecondOpeningOfAnIncidentIsAConflictHoweverItIsDated() throws {
        let dir = try temporaryDirectory()
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let reference = IncidentReference(year: 2026, number: 2)
        let real = try opening(reference, title: "CD medical", area: "benghazi", agency: "CD", at: now())
        try store.apply([real])
        let backdated = try opening(
            reference, title: "hijacked", area: "tripoli", agency: "LRC", at: now().adding(seconds: -86_400))
        // A second copy of the first opening in the same file is only present again.
        let journal = dir + "/other.jsonl"
        try write([backdated, real].map(line).joined(separator: "\n") + "\n", to: journal)

        let report = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual([report.ingested, report.alreadyPresent, report.rejected], [0, 1, 1])
        let rejects = try String(contentsOfFile: journal + ".rejects", encoding: .utf8)
        XCTAssertTrue(
            rejects.contains(
                "conflict: INC-2026-0002 was opened already (event \(real.id), by CD, \(real.at.rfc3339)); "
                    + "event \(backdated.id) would open it again"), rejects)
        let incident = try XCTUnwrap(try store.incident(reference)).incident
        XCTAssertEqual(
            [incident.title, incident.area, incident.leadAgency.rawValue], ["CD medical", "benghazi", "CD"])
        XCTAssertEqual(try store.eventCount(), 1)

        // Two openings new to the store in one batch: the first stands, the second is refused.
        let fresh = IncidentReference(year: 2026, number: 3)
        let first = try opening(fresh, title: "first", area: "derna", agency: "CD", at: now())
        let second = try opening(fresh, title: "second", area: "sabha", agency: "LRC", at: now().adding(seconds: -60))
        let (result, conflicts) = try store.applyBatch([first, second]) { _ in }
        XCTAssertEqual(result.inserted, 0, "a batch with a conflict writes nothing")
        XCTAssertEqual(Array(conflicts.keys), [1])
        // The hub's events meet the same rule.
        var refused: [EventID] = []
        _ = try store.applyFromHub([first, second], pulled: "1:2") { found in
            refused += found.map { [first, second][$0.index].id }
        }
        XCTAssertEqual(refused, [second.id])
        XCTAssertEqual(try store.incident(fresh)?.incident.title, "first")
    }

    func testAByteOrderMarkAtTheStartIsSkipped() throws {
        let dir = try temporaryDirectory()
        let events = scenario(count: 2, seed: 22)
        let journal = dir + "/windows.jsonl"
        try write("\u{FEFF}" + events.map(line).joined(separator: "\n") + "\n", to: journal)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let report = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual([report.ingested, report.rejected], [2, 0])
    }

    func testTextWithANulIsKeptWhole() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/sms.jsonl"
        let at = now()
        var rng = SeededGenerator(seed: 23)
        let event = Event(
            id: .make(at: at, using: &rng), at: at, agency: try AgencyCode("LRC"), officer: "smsgw", user: nil,
            payload: .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .sms, subject: "meet\u{0}here",
                    body: "write to ops\u{0}lrc.ly before noon", incident: nil, acknowledgementRequired: false)))
        let text = line(event)
        XCTAssertTrue(text.contains(#"ops\u0000lrc.ly"#), text)
        try write(text + "\n", to: journal)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        XCTAssertEqual(try JournalIngest(store: store, journalPath: journal).run(now: now).ingested, 1)
        let stored = try XCTUnwrap(try store.message(event.id))
        XCTAssertEqual(stored.message.body, "write to ops\u{0}lrc.ly before noon")
        XCTAssertEqual(stored.message.subject, "meet\u{0}here")
        XCTAssertEqual(
            try store.messages(limit: 10, after: nil, direction: .newestFirst).first?.message.body,
            "write to ops\u{0}lrc.ly before noon")
        XCTAssertEqual(try store.search(SearchQuery("noon"), limit: 5).count, 1, "words after the NUL are searched")
        XCTAssertEqual(try store.rebuild(), 1)
        XCTAssertEqual(try store.message(event.id)?.message.body, "write to ops\u{0}lrc.ly before noon")
    }
}
