import QanatCore
import XCTest

/// Authority at ingest: a journal line is its owner's, held to that member's role and agency.
final class LineAuthorityTests: XCTestCase {
    var moi: AgencyCode!
    var lrc: AgencyCode!
    var ncemc: AgencyCode!
    var members: [Member] = []

    override func setUpWithError() throws {
        moi = try AgencyCode("MOI")
        lrc = try AgencyCode("LRC")
        ncemc = try AgencyCode("NCEMC")
        members = [
            Member(key: MemberKey(user: "root"), agency: moi, role: .admin),
            Member(key: MemberKey(user: "smsgw"), agency: lrc, role: .operator),
            Member(key: MemberKey(user: "duty"), agency: moi, role: .operator, shared: true),
            Member(key: MemberKey(user: "duty", officer: "Huda"), agency: ncemc, role: .supervisor),
        ]
    }

    func line(_ payload: EventPayload, agency: AgencyCode, officer: String = "SMS gateway", user: String? = nil) throws
        -> Event
    {
        let at = Timestamp(millisecondsSinceEpoch: 1_795_000_000_000)
        return Event(
            id: try EventID("0192f3c4-0000-7000-8000-0000000000aa"), at: at, agency: agency, officer: officer,
            user: user,
            payload: payload)
    }

    var post: EventPayload {
        .messagePosted(
            MessagePosting(
                recipients: .everyone, priority: .routine, channel: .sms, subject: nil, body: "b",
                incident: nil, acknowledgementRequired: false))
    }

    func refusal(_ event: Event, owner: String, members: [Member]? = nil) -> Refusal? {
        do {
            try LineAuthority(owner: owner, members: members ?? self.members).check(event)
            return nil
        } catch {
            return error
        }
    }

    func testTheIssuesLineFromANonMemberIsRefused() throws {
        let intruder = try line(
            .memberAdded(Member(key: MemberKey(user: "intruder"), agency: moi, role: .admin)),
            agency: moi, officer: "admin", user: "root")
        XCTAssertEqual(refusal(intruder, owner: "intruder"), .claimsOtherUser(owner: "intruder", claimed: "root"))
        XCTAssertEqual(
            Refusal.claimsOtherUser(owner: "smsgw", claimed: "root").description, "written by smsgw, claims root")
        var unsigned = intruder
        unsigned.user = nil
        XCTAssertEqual(
            refusal(unsigned, owner: "intruder"), .notMember(user: "intruder"), "a line without user is the owner's")
    }

    func testAGatewayPostsForItsOwnAgencyOnly() throws {
        XCTAssertNil(refusal(try line(post, agency: lrc), owner: "smsgw"))
        XCTAssertNil(refusal(try line(post, agency: lrc, user: "smsgw"), owner: "smsgw"), "naming its owner is fine")
        XCTAssertEqual(refusal(try line(post, agency: ncemc), owner: "smsgw"), .otherAgency(own: lrc, acting: ncemc))
        XCTAssertEqual(
            refusal(try line(post, agency: lrc, user: "root"), owner: "smsgw"),
            .claimsOtherUser(owner: "smsgw", claimed: "root"))
    }

    func testOnASharedAccountTheOfficerNamedOnTheLineIsTheirEntry() throws {
        XCTAssertNil(
            refusal(try line(post, agency: ncemc, officer: "huda "), owner: "duty"), "Huda's own entry: supervisor")
        XCTAssertEqual(
            refusal(try line(post, agency: ncemc, officer: "Salem"), owner: "duty"),
            .otherAgency(own: moi, acting: ncemc),
            "an officer with no entry of their own is the account: operator for MOI")
    }

    func testRolesAndTheLastAdminAreKeptAsForALiveWrite() throws {
        let promote = try line(
            .memberAdded(Member(key: MemberKey(user: "smsgw"), agency: lrc, role: .admin)), agency: lrc)
        XCTAssertEqual(refusal(promote, owner: "smsgw"), .needsRole(.admin, for: .manageMembers))
        let demoteSelf = try line(.memberRemoved(MemberKey(user: "root")), agency: moi, officer: "admin")
        XCTAssertEqual(refusal(demoteSelf, owner: "root"), .lastAdmin(user: "root"))
        XCTAssertNil(
            refusal(try line(.memberRemoved(MemberKey(user: "smsgw")), agency: lrc, officer: "admin"), owner: "root"))
    }

    func testWhatALineNamesMustBeTheOperatorsToo() throws {
        let register = try line(
            .unitRegistered(
                UnitRegistration(
                    callSign: try CallSign("NC-01"), agency: ncemc, kind: .rescue,
                    capabilities: [], contact: nil)), agency: lrc)
        XCTAssertEqual(
            refusal(register, owner: "smsgw"), .otherAgency(own: lrc, acting: ncemc),
            "a unit is registered by its own agency")
        let shift = try line(.shift(ShiftChange(signedOn: false, note: "all quiet")), agency: ncemc, officer: "Salem")
        XCTAssertEqual(
            refusal(shift, owner: "duty"), .otherAgency(own: moi, acting: ncemc),
            "a shift for another agency, as at sign-on")
        XCTAssertNil(
            refusal(try line(.shift(ShiftChange(signedOn: true)), agency: moi, officer: "Salem"), owner: "duty"))
    }

    func testAnEntryAPINGuardsIsNeverTakenFromAJournal() throws {
        members[3].pin = "sha256-1$00$00"
        // Anyone who can use the shared account can write its journal, a sign-on line included:
        // a journal proves no PIN, so the account's entry applies.
        let post = try line(post, agency: ncemc, officer: "Huda")
        XCTAssertEqual(
            refusal(post, owner: "duty"), .otherAgency(own: moi, acting: ncemc), "naming Huda is not being Huda")
        XCTAssertNil(refusal(try line(self.post, agency: moi, officer: "Huda"), owner: "duty"))
    }

    func testAStoreWithoutMembersTakesEveryLine() throws {
        let intruder = try line(
            .memberAdded(Member(key: MemberKey(user: "intruder"), agency: moi, role: .admin)),
            agency: moi, user: "root")
        XCTAssertNil(refusal(intruder, owner: "intruder", members: []))
        XCTAssertFalse(LineAuthority(owner: "intruder", members: []).checks)
    }
}
