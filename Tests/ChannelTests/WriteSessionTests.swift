import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatStore
import XCTest

/// The one write session the command line and the desk share, against a real SQLite store and journal.
final class WriteSessionTests: XCTestCase {
    var directory = ""
    var store: SQLiteStore!
    var journal: String { directory + "/journals/huda.jsonl" }

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "qanat-session-test-" + UUID().uuidString
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
        XCTAssertFalse(session.retry(), "still no store")
        session.use(store)
        XCTAssertTrue(session.retry())
        XCTAssertEqual(session.pending, [])
        XCTAssertNotNil(try store.message(event.id))
        XCTAssertEqual(try journalLines(), 1, "journalled once")
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
