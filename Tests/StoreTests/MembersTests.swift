import QanatCore
import QanatStore
import XCTest

/// The members projection: folded from member events, rebuilt with the rest, and how the store
/// tells who an actor is.
final class MembersTests: XCTestCase {
    var store: SQLiteStore!
    var rng = SeededGenerator(seed: 11)
    var minute: Int64 = 0

    override func setUpWithError() throws {
        store = try SQLiteStore.create(path: try temporaryDirectory() + "/store.sqlite")
    }

    func apply(_ payload: EventPayload) throws {
        minute += 1
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000 + minute * 60_000)
        try store.apply([
            Event(
                id: .make(at: at, using: &rng), at: at, agency: try AgencyCode("MOI"), officer: "admin", user: "root",
                payload: payload)
        ])
    }

    func testAStoreWithoutMembersIsUnmanaged() throws {
        let actor = try store.actor(user: "amal", officer: "Amal", pinProven: false)
        XCTAssertFalse(actor.membersManaged)
        XCTAssertEqual(actor.role, .admin)
    }

    func testMembersAreAddedChangedAndRemoved() throws {
        let moi = try AgencyCode("MOI")
        let lrc = try AgencyCode("LRC")
        try apply(.memberAdded(Member(key: MemberKey(user: "root"), agency: moi, role: .admin)))
        try apply(.memberAdded(Member(key: MemberKey(user: "duty"), agency: moi, role: .operator, shared: true)))
        try apply(
            .memberAdded(
                Member(
                    key: MemberKey(user: "duty", officer: "Salem Ali"), agency: lrc, role: .supervisor,
                    pin: "sha256-1$00$00")))
        XCTAssertEqual(try store.members().map(\.key.description), ["duty", "duty/Salem Ali", "root"])

        let salem = try store.actor(user: "duty", officer: "salem ali", pinProven: true)
        XCTAssertEqual(
            try store.actor(user: "duty", officer: "Salem Ali", pinProven: false).role, .operator,
            "naming an officer whose entry a PIN guards is not being them: the account's entry")
        XCTAssertEqual(salem.member?.agency, lrc)
        XCTAssertEqual(salem.role, .supervisor)
        XCTAssertEqual(salem.member?.pin, "sha256-1$00$00")
        XCTAssertEqual(
            try store.actor(user: "duty", officer: "Huda", pinProven: false).role, .operator,
            "the account's entry for anyone else")
        XCTAssertNil(try store.actor(user: "amal", officer: "Amal", pinProven: false).role, "not a member: read-only")

        try apply(.memberAdded(Member(key: MemberKey(user: "duty"), agency: moi, role: .viewer, shared: true)))
        XCTAssertEqual(
            try store.actor(user: "duty", officer: "Huda", pinProven: false).role, .viewer, "the latest entry wins")
        try apply(.memberRemoved(MemberKey(user: "duty", officer: "SALEM ALI")))
        XCTAssertEqual(
            try store.actor(user: "duty", officer: "Salem Ali", pinProven: true).role, .viewer,
            "removed: back to the account's entry")

        let before = try store.projectionDigest()
        try store.rebuild()
        XCTAssertEqual(try store.projectionDigest(), before)
        XCTAssertEqual(try store.members().count, 2)
    }
}
