import QanatCore
import QanatJournal
import XCTest

@testable import QanatStore

final class IngestTests: XCTestCase {
    let now = { Timestamp(millisecondsSinceEpoch: 1_795_000_000_000) }

    func line(_ event: Event) -> String {
        String(decoding: EventCodec.encode(event, previousLineHash: nil), as: UTF8.self)
    }

    func append(_ text: String, to path: String) throws {
        try append(Array(text.utf8), to: path)
    }

    func append(_ bytes: [UInt8], to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        }
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        handle.closeFile()
    }

    func testBadLinesAreRejectedWithTheirNumbersAndTheRestGoesIn() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/radio.jsonl"
        let events = scenario(count: 6, seed: 3)
        let good = events.map(line)
        var bytes: [UInt8] = []
        bytes += Array((good[0] + "\n").utf8)  // 1
        bytes += Array("{\"v\":1,\"id\":\n".utf8)  // 2 malformed JSON
        bytes += Array((good[1] + "\n").utf8)  // 3
        // 4: an unknown type.
        bytes += Array((good[2].replacingOccurrences(of: #""type":""#, with: #""type":"x"#) + "\n").utf8)
        // 5: a wrong field.
        bytes += Array(
            (good[3].replacingOccurrences(of: #","officer":"officer"#, with: #","oficer":"officer"#) + "\n").utf8)
        bytes += Array(good[4].utf8).map { $0 == UInt8(ascii: "o") ? 0xFF : $0 } + [0x0A]  // 6 invalid UTF-8
        let torn = Array(good[5].utf8)
        bytes += torn.prefix(30)  // 7, torn
        try append(bytes, to: journal)

        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let ingest = JournalIngest(store: store, journalPath: journal)
        let first = try ingest.run(now: now)
        XCTAssertEqual([first.lines, first.ingested, first.rejected], [6, 2, 4])
        XCTAssertEqual(first.waitingBytes, 30)

        let rejects = try String(contentsOfFile: journal + ".rejects", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(rejects.count, 4)
        XCTAssertTrue(rejects[0].contains(#""line":2"#) && rejects[0].contains("malformed JSON"))
        XCTAssertTrue(rejects[1].contains(#""line":4"#) && rejects[1].contains("type: "))
        XCTAssertTrue(rejects[2].contains(#""line":5"#) && rejects[2].contains("oficer: unknown field"))
        XCTAssertTrue(
            rejects[3].contains(#""line":6"#) && rejects[3].contains("invalid UTF-8") && rejects[3].contains("base64"))

        // The torn line is completed by its writer and picked up once.
        try append(Array(torn.dropFirst(30)) + [0x0A], to: journal)
        let second = try ingest.run(now: now)
        XCTAssertEqual([second.lines, second.ingested, second.rejected], [1, 1, 0])
        XCTAssertEqual(try ingest.run(now: now).lines, 0)
        XCTAssertEqual(try store.eventCount(), 3)
    }

    /// A line dated more than two minutes ahead of the reading host's clock goes to the rejects with
    /// why: a date to come would pin a "latest wins" fold (an update dated 2099 outlived every later one).
    func testALineDatedAheadOfTheClockIsRejected() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/radio.jsonl"
        let events = scenario(count: 3, seed: 7)
        let clock = events.map(\.at).max() ?? now()
        var ahead = events[0]
        ahead.id = .make(at: clock)
        ahead.at = clock.adding(seconds: Limits.futureSkew + 1)
        // An incident of its own: a second opening of the same one would be a conflict whenever it came.
        if case .incidentOpened(var opening) = ahead.payload {
            opening.reference = IncidentReference(year: 2026, number: 9_999)
            ahead.payload = .incidentOpened(opening)
        }
        var soon = events[1]
        soon.id = .make(at: clock)
        soon.at = clock.adding(seconds: Limits.futureSkew - 5)
        try append(([ahead, soon] + events).map(line).joined(separator: "\n") + "\n", to: journal)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        var ingest = JournalIngest(store: store, journalPath: journal)
        ingest.clock = { clock }
        let report = try ingest.run(now: now)
        XCTAssertEqual([report.lines, report.ingested, report.rejected], [5, 4, 1])
        let rejects = try String(contentsOfFile: journal + ".rejects", encoding: .utf8)
        XCTAssertTrue(
            rejects.contains(#""line":1"#) && rejects.contains("more than 120 s ahead of this host's clock"), rejects)
        XCTAssertNil(try store.event(ahead.id))
        XCTAssertNotNil(try store.event(soon.id), "a clock a little fast is no lie")
        let retried = try ingest.retryRejects()
        XCTAssertEqual(retried.applied, 0, "retrying its rejects does not apply it either")
        XCTAssertTrue(retried.stillRefused.first?.reason.contains("ahead of this host's clock") ?? false, "\(retried)")
        let itsTime = ahead.at
        ingest.clock = { itsTime }
        XCTAssertEqual(try ingest.retryRejects().applied, 1, "once its time has come, it passes")
    }

    /// A line longer than any event is refused as soon as it is, finished or not, and never held
    /// whole: a member's endless line cannot stall ingest or fill the service's memory.
    func testALineLongerThanAnyEventIsRefusedAndTheRestGoesIn() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/radio.jsonl"
        let events = scenario(count: 3, seed: 11)
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: Limits.journalLine + 10)
        try append(line(events[0]) + "\n", to: journal)
        try append(long + [0x0A], to: journal)
        try append(line(events[1]) + "\n", to: journal)
        // A second one still being written: no newline yet.
        try append(long + long, to: journal)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let ingest = JournalIngest(store: store, journalPath: journal)
        let report = try ingest.run(now: now)
        XCTAssertEqual([report.lines, report.ingested, report.rejected], [4, 2, 2])
        XCTAssertEqual(report.waitingBytes, 0, "the unfinished long line is passed over, not waited for")
        let rejects = try String(contentsOfFile: journal + ".rejects", encoding: .utf8)
        XCTAssertTrue(rejects.contains(#""line":2"#) && rejects.contains("longer than 1048576 bytes"), rejects)
        XCTAssertLessThan(rejects.utf8.count, 4096, "the rejects file does not copy the line")
        // Its end, written later, is a line of its own, refused as such; the next event goes in.
        try append("aaaa\n" + line(events[2]) + "\n", to: journal)
        let next = try ingest.run(now: now)
        XCTAssertEqual([next.lines, next.ingested, next.rejected], [2, 1, 1])
        XCTAssertEqual(try store.eventCount(), 3)
        XCTAssertEqual(try ingest.retryRejects().stillRefused.count, 3)
    }

    func testResumesFromItsCursorAndNeverAppliesTwice() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/journal.jsonl"
        let events = scenario(count: 50, seed: 9)
        try JournalWriter(path: journal).append(Array(events[0..<30]))
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        XCTAssertEqual(try JournalIngest(store: store, journalPath: journal).run(now: now).ingested, 30)
        try JournalWriter(path: journal).append(Array(events[30...]))
        let again = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual([again.lines, again.ingested], [20, 20])
        // A second journal carrying the same events adds nothing.
        try JournalWriter(path: dir + "/copy.jsonl").append(events)
        let copy = try JournalIngest(store: store, journalPath: dir + "/copy.jsonl").run(now: now)
        XCTAssertEqual([copy.ingested, copy.alreadyPresent], [0, 50])
    }

    func testFollowsRotationAndTruncation() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/journal.jsonl"
        let events = scenario(count: 40, seed: 11)
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        let ingest = JournalIngest(store: store, journalPath: journal)
        try JournalWriter(path: journal).append(Array(events[0..<10]))
        XCTAssertEqual(try ingest.run(now: now).ingested, 10)

        // Lines land in the old file, then it is rotated and a new one begins.
        try JournalWriter(path: journal).append(Array(events[10..<15]))
        try FileManager.default.moveItem(atPath: journal, toPath: journal + ".1")
        try JournalWriter(path: journal).append(Array(events[15..<18]))
        let rotated = try ingest.run(now: now)
        XCTAssertEqual(rotated.ingested, 8)
        XCTAssertTrue(rotated.notes.first?.contains("rotated") ?? false)

        // Truncated in place (copytruncate): read from the start again.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: journal))
        handle.truncateFile(atOffset: 0)
        handle.closeFile()
        try JournalWriter(path: journal).append(Array(events[18..<20]))
        let truncated = try ingest.run(now: now)
        XCTAssertEqual(truncated.ingested, 2)
        XCTAssertTrue(truncated.notes.first?.contains("truncated") ?? false)
        XCTAssertEqual(try store.eventCount(), 20)
    }
}
