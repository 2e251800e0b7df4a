import Foundation
import QanatCore
import QanatJournal
import XCTest

@testable import QanatStore

/// Ingest attributes a journal's lines to the file's owner (here the test's own user) and holds
/// each to that member's authority before applying it.
final class IngestAuthorityTests: XCTestCase {
    let now = { Timestamp(millisecondsSinceEpoch: 1_795_000_000_000) }
    let me = UnixAccounts.userName(getuid())
    var second: Int64 = 0

    func event(_ payload: EventPayload, agency: String, officer: String = "officer", user: String? = nil) throws
        -> Event
    {
        second += 1
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + second * 1000)
        return Event(
            id: .make(at: at), at: at, agency: try AgencyCode(agency), officer: officer, user: user, payload: payload)
    }

    func post(_ agency: String, officer: String = "officer", user: String? = nil) throws -> Event {
        try event(
            .messagePosted(
                MessagePosting(
                    recipients: .everyone, priority: .routine, channel: .radio, subject: nil,
                    body: "from \(agency)", incident: nil, acknowledgementRequired: false)),
            agency: agency, officer: officer, user: user)
    }

    func member(_ user: String, officer: String? = nil, _ agency: String, _ role: Role) throws -> EventPayload {
        .memberAdded(Member(key: MemberKey(user: user, officer: officer), agency: try AgencyCode(agency), role: role))
    }

    /// A store whose admin is "boss" and where the test's user is an operator for LRC.
    func managedStore(in dir: String) throws -> SQLiteStore {
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        try store.apply([
            try event(member("boss", "MOI", .admin), agency: "MOI"),
            try event(member(me, "LRC", .operator), agency: "LRC"),
        ])
        return store
    }

    func write(_ events: [Event], to path: String) throws {
        let text = events.map { String(decoding: EventCodec.encode($0, previousLineHash: nil), as: UTF8.self) + "\n" }
            .joined()
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o640]))
    }

    func rejects(of journal: String) throws -> [String] {
        try String(contentsOfFile: journal + ".rejects", encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func testRefusedLinesGoToTheRejectsAndTheRestIsApplied() throws {
        let dir = try temporaryDirectory()
        let store = try managedStore(in: dir)
        let journal = dir + "/journal.jsonl"
        let applied = try post("LRC")
        let written = try post("NCEMC", user: me)
        try store.apply([written])  // written live while this user could; the line is then already present
        let lines = [
            applied, try post("NCEMC"), try event(member(me, "LRC", .admin), agency: "LRC"),
            try post("LRC", user: "boss"), written,
        ]
        try write(lines, to: journal)

        let report = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual(report.attributedTo, me)
        XCTAssertTrue(report.authorityChecked)
        XCTAssertEqual(
            [report.lines, report.ingested, report.alreadyPresent, report.rejected, report.refused], [5, 1, 1, 3, 3])
        let reasons = try rejects(of: journal)
        XCTAssertEqual(reasons.count, 3)
        XCTAssertTrue(
            reasons[0].contains(#""line":2"#)
                && reasons[0].contains("refused: operators act for their own agency (LRC), not for NCEMC"), reasons[0])
        XCTAssertTrue(
            reasons[1].contains(#""line":3"#) && reasons[1].contains("refused: managing members needs the admin role"),
            reasons[1])
        XCTAssertTrue(
            reasons[2].contains(#""line":4"#) && reasons[2].contains("refused: written by \(me), claims boss"),
            reasons[2])
        XCTAssertEqual(try store.members().first { $0.key.user == me }?.role, .operator)
        XCTAssertNotNil(try store.message(applied.id))

        // The admin makes this user a supervisor: the line for NCEMC passes now, the others do not.
        try store.apply([try event(member(me, "LRC", .supervisor), agency: "MOI")])
        let retried = try JournalIngest(store: store, journalPath: journal).retryRejects()
        XCTAssertEqual([retried.retried, retried.applied, retried.alreadyPresent], [3, 1, 0])
        XCTAssertEqual(retried.stillRefused.map(\.line), [3, 4])
        XCTAssertNotNil(try store.message(lines[1].id))
        let again = try JournalIngest(store: store, journalPath: journal).retryRejects()
        XCTAssertEqual(
            [again.applied, again.alreadyPresent, again.stillRefused.count], [0, 1, 2],
            "retrying again changes nothing more")
    }

    func testAMemberChangeInAJournalHoldsTheLinesAfterIt() throws {
        let dir = try temporaryDirectory()
        let store = try SQLiteStore.create(path: dir + "/store.sqlite")
        try store.apply([try event(member(me, "MOI", .admin), agency: "MOI")])
        let journal = dir + "/journal.jsonl"
        // Within one batch: Amal gets an entry of her own on this account, operator for LRC; her
        // next line, for NCEMC, meets that entry, not the account's admin role.
        try write(
            [
                try event(member(me, officer: "Amal", "LRC", .operator), agency: "MOI", officer: "admin"),
                try post("NCEMC", officer: "Amal"), try post("LRC", officer: "Amal"),
            ], to: journal)
        let report = try JournalIngest(store: store, journalPath: journal).run(now: now)
        XCTAssertEqual([report.ingested, report.refused], [2, 1])
        XCTAssertTrue(try rejects(of: journal)[0].contains(#""line":2"#))
        XCTAssertEqual(try JournalIngest(store: store, journalPath: journal).cursor()?.nextLine, 4)
    }

    func testALineIsStoredAsItsOwnersAndALinkOthersMadeIsNotTheirs() throws {
        let dir = try temporaryDirectory()
        let store = try managedStore(in: dir)
        let journal = dir + "/journal.jsonl"
        let unsigned = try post("LRC")
        try write([unsigned], to: journal)
        XCTAssertEqual(try JournalIngest(store: store, journalPath: journal).run(now: now).ingested, 1)
        XCTAssertEqual(
            try store.read { db in
                try String.fetchOne(db, sql: "SELECT user FROM events WHERE id = ?", arguments: [unsigned.id.rawValue])
            },
            me, "the store records whose line it was")
        XCTAssertEqual(try JournalIngest(store: store, journalPath: journal).retryRejects().retried, 0)
        // A line stored before ingest recorded owners (no user) is the same event when read again.
        let older = try post("LRC")
        try store.apply([older])
        try write([older], to: dir + "/older.jsonl")
        let again = try JournalIngest(store: store, journalPath: dir + "/older.jsonl").run(now: now)
        XCTAssertEqual([again.alreadyPresent, again.rejected], [1, 0])

        guard getuid() == 0 else { throw XCTSkip("a link of another user's needs root") }
        let link = dir + "/planted.jsonl"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: journal)
        lchown(link, 4242, uid_t.max)
        XCTAssertThrowsError(try JournalIngest(store: store, journalPath: link).run(now: now)) { error in
            guard case IngestError.unattributable(let problem) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem.detail, "\(link) is a link that 4242 made to \(me)'s file")
        }
        XCTAssertNotNil(JournalOwnership.at(path: link)?.problem, "doctor sees it too")
        XCTAssertNil(JournalOwnership.at(path: journal)?.problem)
    }

    func testTheRejectsFileIsNeverALinkNorSomeoneElsesToEdit() throws {
        let dir = try temporaryDirectory()
        let store = try managedStore(in: dir)
        let journal = dir + "/journal.jsonl"
        try write([try post("NCEMC")], to: journal)
        let target = dir + "/precious.conf"
        XCTAssertTrue(FileManager.default.createFile(atPath: target, contents: Data("keep\n".utf8)))
        try FileManager.default.createSymbolicLink(atPath: journal + ".rejects", withDestinationPath: target)
        XCTAssertThrowsError(try JournalIngest(store: store, journalPath: journal).run(now: now)) { error in
            XCTAssertTrue(
                "\(error)".contains("a link or a pipe, not a rejects file: someone planted it; remove it"), "\(error)")
        }
        XCTAssertEqual(
            try String(contentsOfFile: target, encoding: .utf8), "keep\n", "nothing written through the link")
        XCTAssertNil(
            try JournalIngest(store: store, journalPath: journal).cursor(), "nothing passed: the refused line waits")
        // A pipe planted for the rejects, or for a journal, is refused at once: ingest never waits on it.
        try FileManager.default.removeItem(atPath: journal + ".rejects")
        XCTAssertEqual(mkfifo(journal + ".rejects", 0o666), 0)
        XCTAssertThrowsError(try JournalIngest(store: store, journalPath: journal).run(now: now))
        try FileManager.default.removeItem(atPath: journal + ".rejects")
        XCTAssertEqual(mkfifo(dir + "/pipe.jsonl", 0o644), 0)
        XCTAssertThrowsError(try JournalIngest(store: store, journalPath: dir + "/pipe.jsonl").run(now: now)) { error in
            XCTAssertTrue("\(error)".contains("not a plain file"), "\(error)")
        }

        guard getuid() == 0 else { throw XCTSkip("a file of another user's needs root") }
        // A rejects file another user planted, even one only they can change, is theirs to rewrite.
        XCTAssertTrue(
            FileManager.default.createFile(
                atPath: journal + ".rejects", contents: nil, attributes: [.posixPermissions: 0o644]))
        chown(journal + ".rejects", 4242, uid_t.max)
        XCTAssertThrowsError(try JournalIngest(store: store, journalPath: journal).run(now: now)) { error in
            XCTAssertTrue(
                "\(error)".contains("4242's, not a rejects file this ingest may trust; remove it"), "\(error)")
        }
    }

    func testAJournalOthersCouldWriteIsRefusedWholeUnlessTheStoreHasNoMembers() throws {
        let dir = try temporaryDirectory()
        let journal = dir + "/journal.jsonl"
        try write([try post("LRC"), try post("NCEMC", user: "boss")], to: journal)
        chmod(journal, 0o660)

        let managed = try managedStore(in: dir)
        XCTAssertThrowsError(try JournalIngest(store: managed, journalPath: journal).run(now: now)) { error in
            guard case IngestError.unattributable(let problem) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem.fix, "chmod 0640 \(journal)")
        }
        XCTAssertEqual(try managed.eventCount(), 2, "nothing taken from it")
        XCTAssertNil(try JournalIngest(store: managed, journalPath: journal).cursor())

        // A store with no members takes every line, as it takes every write.
        let open = try SQLiteStore.create(path: dir + "/open.sqlite")
        let report = try JournalIngest(store: open, journalPath: journal).run(now: now)
        XCTAssertEqual([report.ingested, report.rejected], [2, 0])
        XCTAssertFalse(report.authorityChecked)
    }
}
