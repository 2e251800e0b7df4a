import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatScratch
import QanatStore
import XCTest

/// The one write session the command line and the desk share, against a real SQLite store and journal.
final class WriteSessionTests: XCTestCase {
    var directory = ""
    var store: SQLiteStore!
    var journal: String { directory + "/journals/huda.jsonl" }

    override func setUpWithError() throws {
        directory = try scratchDirectory("session-test")
        try FileManager.default.createDirectory(atPath: directory + "/journals", withIntermediateDirectories: true)
        store = try SQLiteStore.create(path: directory + "/qanat.sqlite")
    }

    func journalLines() throws -> Int {
        guard FileManager.default.fileExists(atPath: journal) else { return 0 }
        return try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
    }

    func post(_ body: String) -> (Actions) throws -> Actions.Write {
        {
            try $0.post(
                from: "NCEMC", to: ["CD"], priority: "routine", channel: "radio", subject: nil, body: body,
                incident: nil, acknowledgementRequired: false)
        }
    }

    func testAWriteGoesToTheJournalThenTheStore() throws {
        var session = WriteSession(journalPath: journal, officer: "Huda", store: store)
        let event = try session.event(try post("bridge closed")(try session.actions()))
        guard case .applied = try session.record(event) else { return XCTFail("not applied") }
        XCTAssertEqual(try journalLines(), 1)
        XCTAssertNotNil(try store.message(event.id))
        XCTAssertEqual(event.officer, "Huda")
    }

    func testARefusedRoleLeavesNothingAnywhere() throws {
        let viewer = Member(key: MemberKey(user: "huda", officer: nil), agency: try AgencyCode("NCEMC"), role: .viewer)
        let session = WriteSession(
            journalPath: journal, officer: "Huda", store: store,
            actor: Actor(user: "huda", officer: "Huda", member: viewer, membersManaged: true))
        XCTAssertThrowsError(try session.event(try post("x")(try session.actions()))) { error in
            XCTAssertEqual(error as? Refusal, .viewerReadsOnly)
        }
        XCTAssertEqual(try journalLines(), 0)
    }

    func testAnImportIsRefusedWholeBelowSupervisor() throws {
        let entry = Member(key: MemberKey(user: "huda", officer: nil), agency: try AgencyCode("NCEMC"), role: .operator)
        let session = WriteSession(
            journalPath: journal, officer: "Huda", store: store,
            actor: Actor(user: "huda", officer: "Huda", member: entry, membersManaged: true))
        XCTAssertThrowsError(try session.require(.importData))
        XCTAssertNoThrow(
            try WriteSession(journalPath: journal, officer: "Huda", store: nil).require(.importData),
            "without the members each event is checked at ingest")
    }

    /// The rule the command line alone met before: no write may leave a managed store without an admin.
    func testNoWriteLeavesTheStoreWithoutAnAdmin() throws {
        let admin = Member(key: MemberKey(user: "boss", officer: nil), agency: try AgencyCode("MOI"), role: .admin)
        var session = WriteSession(journalPath: journal, officer: "Huda", store: store)
        try session.record(try session.event((try AgencyCode("MOI"), .memberAdded(admin))))
        XCTAssertThrowsError(try session.event((try AgencyCode("MOI"), .memberRemoved(admin.key)))) { error in
            XCTAssertNotNil(error as? Refusal, "\(error)")
        }
        var demoted = admin
        demoted.role = .operator
        XCTAssertThrowsError(try session.event((try AgencyCode("MOI"), .memberAdded(demoted))))
        XCTAssertEqual(try journalLines(), 1, "only the admin's entry")
    }

    func testWithoutTheStoreAWriteIsKeptAndRetriedWhenItIsBack() throws {
        var session = WriteSession(journalPath: journal, officer: "Huda", store: nil)
        let actions = try session.actions()
        XCTAssertEqual(actions.context.agencies, WriteContext.seeded.agencies, "the seeded agencies without a store")
        let event = try session.event(try post("radio only")(actions))
        guard case .kept = try session.record(event) else { return XCTFail("applied without a store") }
        XCTAssertEqual(session.pending.map(\.id), [event.id])
        XCTAssertNil(session.retry(), "still no store")
        session.use(.direct(store))
        XCTAssertNil(session.retry(), "made while no one knew who was writing: it waits for the member to be known")
        session.learned(try store.actor(user: UnixUser.current, officer: "Huda", pinProven: false))
        XCTAssertEqual(session.retry()?.applied.map(\.id), [event.id])
        XCTAssertEqual(session.pending, [])
        XCTAssertNotNil(try store.message(event.id))
        XCTAssertEqual(try journalLines(), 1, "journalled once")
    }

    /// A desk that started while the store was away wrote without knowing its member: once the
    /// store is back, what it kept meets the role it would have met, and a viewer's goes nowhere.
    func testWhatWasKeptUnknownIsCheckedBeforeItIsApplied() throws {
        var session = WriteSession(journalPath: journal, officer: "Huda", store: nil)
        let event = try session.event(try post("typed while offline")(try session.actions()))
        try session.record(event)
        session.use(.direct(store))
        let viewer = Member(key: MemberKey(user: "huda", officer: nil), agency: try AgencyCode("NCEMC"), role: .viewer)
        session.learned(Actor(user: "huda", officer: "Huda", member: viewer, membersManaged: true))
        let retry = try XCTUnwrap(session.retry())
        XCTAssertEqual(retry.applied, [])
        XCTAssertEqual(retry.refused.map(\.refusal), [.viewerReadsOnly])
        XCTAssertEqual(session.pending, [], "not retried for ever")
        XCTAssertNil(try store.message(event.id), "never applied")
        XCTAssertEqual(try journalLines(), 1, "still in the journal, where ingest refuses it too")
    }

    /// A store locked by another writer can still be read: the command's member and the place of
    /// its journal are known, so what it keeps acts for the member's agency.
    func testALockedStoreIsStillReadForWhoIsWriting() throws {
        let entry = Member(
            key: MemberKey(user: UnixUser.current, officer: nil), agency: try AgencyCode("CD"), role: .operator)
        var admin = WriteSession(journalPath: directory + "/journals/admin.jsonl", officer: "Admin", store: store)
        try admin.record(
            try admin.event(
                (
                    try AgencyCode("MOI"),
                    .memberAdded(
                        Member(key: MemberKey(user: "boss", officer: nil), agency: try AgencyCode("MOI"), role: .admin))
                )))
        try admin.record(try admin.event((try AgencyCode("MOI"), .memberAdded(entry))))
        // Another process holds the write lock over an emptied WAL: opening for writing then fails as busy.
        let lock = Process()
        lock.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        lock.arguments = [store.path]
        let input = Pipe()
        let output = Pipe()
        (lock.standardInput, lock.standardOutput) = (input, output)
        try lock.run()
        input.fileHandleForWriting.write(
            Data(".filectrl persist_wal 1\nPRAGMA wal_checkpoint(TRUNCATE);\nBEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8)
        )
        var said = ""
        while !said.contains("locked") {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            said += String(decoding: data, as: UTF8.self)
        }
        defer {
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            lock.waitUntilExit()
        }
        var session = try WriteSession.open(
            storePath: store.path, journalPath: journal, officer: "Huda", busyTimeout: 0.3)
        XCTAssertNotNil(session.storeProblem, "the lock held: the store could not be opened for writing")
        XCTAssertEqual(session.actor?.member?.agency.rawValue, "CD", "learned while the store is locked")
        let write = try session.actions().post(
            from: actingAgency(nil, member: session.actor?.member), to: ["MOI"], priority: "routine", channel: "radio",
            subject: nil, body: "kept", incident: nil, acknowledgementRequired: false)
        XCTAssertEqual(write.agency.rawValue, "CD")
        guard case .kept = try session.record(try session.event(write)) else { return XCTFail("applied under a lock") }
    }

    func testTheChecksReadTheAgenciesTheStoreKnowsNow() throws {
        var session = WriteSession(journalPath: journal, officer: "Huda", store: store)
        XCTAssertThrowsError(
            try session.actions().post(
                from: "IMC", to: ["CD"], priority: "routine", channel: "radio", subject: nil,
                body: "clinic open", incident: nil, acknowledgementRequired: false))
        let ngo = Organisation(
            agency: Agency(
                code: try AgencyCode("IMC"), nameArabic: "الهيئة الطبية الدولية",
                nameEnglish: "International Medical Corps", kind: .ngo))
        try session.record(try session.event((try AgencyCode("MOI"), .organisationRegistered(ngo))))
        let write = try session.actions().post(
            from: "IMC", to: ["CD"], priority: "routine", channel: "radio", subject: nil,
            body: "clinic open", incident: nil, acknowledgementRequired: false)
        XCTAssertEqual(write.agency.rawValue, "IMC")
    }

    func testAnExerciseStoresEventsAreJournalledInItsOwnDirectoryOnly() throws {
        try store.setSetting(SQLiteStore.exerciseSetting, "true")
        XCTAssertNoThrow(try WriteSession.checkJournal(journal, for: store))
        XCTAssertThrowsError(try WriteSession.checkJournal(NSTemporaryDirectory() + "real.jsonl", for: store)) {
            error in
            guard case ChannelError.exerciseJournalElsewhere = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(
            try WriteSession.open(
                storePath: store.path, journalPath: "/tmp/real-journal.jsonl", officer: "Huda",
                busyTimeout: 1))
        // Links inside the exercise's directory to the real journals are where they lead, not where they stand.
        let real = try scratchDirectory("real-journals")
        try FileManager.default.createSymbolicLink(atPath: directory + "/linked", withDestinationPath: real)
        XCTAssertThrowsError(try WriteSession.checkJournal(directory + "/linked/huda.jsonl", for: store))
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/journals/link.jsonl", withDestinationPath: real + "/huda.jsonl")
        XCTAssertThrowsError(try WriteSession.checkJournal(directory + "/journals/link.jsonl", for: store))
        XCTAssertNoThrow(try WriteSession.checkJournal(directory + "/journals/../journals/huda.jsonl", for: store))
    }

    /// The controller's writes need play going on: an exercise store, started, not stopped.
    func testPlayIsControlledOnlyWhileItGoesOn() throws {
        let session = WriteSession(journalPath: journal, officer: "Huda", store: store)
        XCTAssertThrowsError(try session.actions().checkPlayGoesOn()) { error in
            guard case ChannelError.play(.notAnExercise) = error else { return XCTFail("\(error)") }
        }
        try store.setSetting(SQLiteStore.exerciseSetting, "true")
        XCTAssertThrowsError(try session.actions().checkPlayGoesOn()) { error in
            guard case ChannelError.play(.notStarted) = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(
            try WriteSession(journalPath: journal, officer: "Huda", store: nil).actions().checkPlayGoesOn())
    }

    func testACommandsSessionKnowsWhoIsWriting() throws {
        let session = try WriteSession.open(
            storePath: store.path, journalPath: journal, officer: "Huda", busyTimeout: 1)
        XCTAssertEqual(session.actor?.officer, "Huda")
        XCTAssertEqual(session.actor?.user, UnixUser.current)
        XCTAssertNil(session.storeProblem)
        XCTAssertThrowsError(
            try WriteSession.open(storePath: store.path, journalPath: journal, officer: "  ", busyTimeout: 1),
            "an officer's name is checked")
    }
}
