import QanatCore
import XCTest

/// Who may write what: the rules of the members issue, role by role.
final class AuthorityTests: XCTestCase {
    var moi: AgencyCode!
    var lrc: AgencyCode!
    var unit: CallSign!
    var message: EventID!
    let ref = IncidentReference(year: 2026, number: 1)

    override func setUpWithError() throws {
        moi = try AgencyCode("MOI")
        lrc = try AgencyCode("LRC")
        unit = try CallSign("CD-01")
        message = try EventID("6f1c2a9e-1b7d-4c1e-9a53-2f0e8c1d7b42")
    }

    func actor(_ role: Role?, managed: Bool = true) -> Actor {
        Actor(
            user: "amal", officer: "Amal",
            member: role.map { Member(key: MemberKey(user: "amal"), agency: moi, role: $0) },
            membersManaged: managed)
    }

    var imc: EventPayload {
        get throws {
            .agencyRegistered(Agency(code: try AgencyCode("IMC"), nameArabic: "م", nameEnglish: "IMC", kind: .ngo))
        }
    }

    var post: EventPayload {
        .messagePosted(
            MessagePosting(
                recipients: .everyone, priority: .routine, channel: .radio, subject: nil, body: "b",
                incident: nil, acknowledgementRequired: false))
    }

    func refusal(_ payload: EventPayload, agency: AgencyCode? = nil, by actor: Actor) -> Refusal? {
        do {
            try Authority.check(payload, agency: agency ?? moi, by: actor)
            return nil
        } catch {
            return error
        }
    }

    func testANonMemberOfAManagedStoreReadsOnly() {
        XCTAssertEqual(refusal(post, by: actor(nil)), .notMember(user: "amal"))
        XCTAssertEqual(refusal(.shift(ShiftChange(signedOn: true)), by: actor(nil)), .notMember(user: "amal"))
    }

    func testAStoreWithoutMembersLetsEveryoneWrite() {
        XCTAssertNil(
            refusal(
                .memberAdded(Member(key: MemberKey(user: "amal"), agency: moi, role: .admin)),
                by: actor(nil, managed: false)))
    }

    /// An import speaks for many organisations: a supervisor's, refused as a whole below that.
    func testImportsAreASupervisorsWhole() throws {
        XCTAssertThrowsError(try Authority.require(.importData, by: actor(.operator))) { error in
            XCTAssertEqual(error as? Refusal, .needsRole(.supervisor, for: .importData))
        }
        XCTAssertThrowsError(try Authority.require(.importAlert, by: actor(nil)))
        XCTAssertNoThrow(try Authority.require(.importAlert, by: actor(.supervisor)))
        XCTAssertNoThrow(try Authority.require(.importData, by: actor(nil, managed: false)), "a store without members")
    }

    func testViewersRead() {
        XCTAssertEqual(refusal(post, by: actor(.viewer)), .viewerReadsOnly)
        XCTAssertEqual(
            refusal(.messageAcknowledged(MessageAcknowledgement(message: message)), by: actor(.viewer)),
            .viewerReadsOnly)
        XCTAssertNil(
            refusal(.shift(ShiftChange(signedOn: true)), by: actor(.viewer)), "a viewer may sign on for a shift")
    }

    func testOperatorsActForTheirOwnAgency() {
        XCTAssertNil(refusal(post, by: actor(.operator)))
        XCTAssertNil(refusal(.assignment(.tasked, AssignmentLink(incident: ref, unit: unit)), by: actor(.operator)))
        XCTAssertEqual(refusal(post, agency: lrc, by: actor(.operator)), .otherAgency(own: moi, acting: lrc))
        XCTAssertNil(
            refusal(
                .incidentStatusChanged(IncidentStatusChange(reference: ref, status: .responding)), by: actor(.operator))
        )
        XCTAssertEqual(
            refusal(
                .incidentStatusChanged(IncidentStatusChange(reference: ref, status: .closed)), by: actor(.operator)),
            .needsRole(.supervisor, for: .closeIncident))
    }

    func testSupervisorsCloseAndActForAnyAgency() {
        XCTAssertNil(refusal(post, agency: lrc, by: actor(.supervisor)))
        XCTAssertNil(
            refusal(
                .incidentStatusChanged(IncidentStatusChange(reference: ref, status: .closed)), agency: lrc,
                by: actor(.supervisor)))
        XCTAssertEqual(
            refusal(.memberRemoved(MemberKey(user: "x")), by: actor(.supervisor)),
            .needsRole(.admin, for: .manageMembers))
    }

    func testAdminsManageMembers() throws {
        XCTAssertNil(refusal(.memberRemoved(MemberKey(user: "x")), by: actor(.admin)))
        XCTAssertNil(refusal(try imc, by: actor(.admin)))
        XCTAssertEqual(refusal(try imc, by: actor(.operator)), .needsRole(.supervisor, for: .registerAgency))
    }

    func testAnOfficersOwnEntryComesBeforeTheAccounts() throws {
        let account = Member(key: MemberKey(user: "duty"), agency: moi, role: .operator, shared: true)
        let salem = Member(key: MemberKey(user: "duty", officer: "Salem Ali"), agency: lrc, role: .supervisor)
        XCTAssertEqual(Actor.entry(for: " salem ALI ", among: [account, salem], pinProven: false), salem)
        XCTAssertEqual(Actor.entry(for: "Huda", among: [account, salem], pinProven: false), account)
        XCTAssertNil(Actor.entry(for: "Huda", among: [salem], pinProven: false))
        var guarded = salem
        guarded.pin = "sha256-1$00$00"
        XCTAssertEqual(
            Actor.entry(for: "Salem Ali", among: [account, guarded], pinProven: false), account,
            "a PIN not proven: the account's entry")
        XCTAssertEqual(Actor.entry(for: "Salem Ali", among: [account, guarded], pinProven: true), guarded)
    }

    func testUnixUserNames() throws {
        XCTAssertEqual(try MemberKey.user("duty_1"), "duty_1")
        for bad in ["", "1abc", "a b", "x;rm", String(repeating: "a", count: 33), "ع"] {
            XCTAssertThrowsError(try MemberKey.user(bad), bad)
        }
    }

    func testPINsAreFourToTwelveDigits() throws {
        XCTAssertThrowsError(try PIN.check("12a4"))
        XCTAssertThrowsError(try PIN.check("123"))
        XCTAssertEqual(try PIN.check("000123"), "000123")
    }

    func testRolesAreOrdered() {
        XCTAssertEqual(Role.allCases.sorted(), [.viewer, .operator, .supervisor, .admin])
    }

    // MARK: coordination

    func activity(org: AgencyCode, implementer: AgencyCode? = nil) throws -> EventPayload {
        .activityRegistered(
            ActivityRegistration(
                id: try RecordID("0192f3c4-0000-7000-8000-0000000000b1"), organisation: org, implementer: implementer,
                sector: .food,
                area: "derna", what: "baskets", start: try CalendarDate("2026-12-01", field: "s"),
                end: try CalendarDate("2026-12-09", field: "e")))
    }

    func testOperatorsRecordNeedsActivitiesAndPledgesForTheirOwnOrganisation() throws {
        let wfp = try AgencyCode("WFP")
        let need = NeedReport(
            id: try RecordID("0192f3c4-0000-7000-8000-0000000000a1"), area: "derna", sector: .food, what: "food",
            quantity: 10, unit: "baskets", organisation: moi)
        XCTAssertNil(refusal(.needReported(need), by: actor(.operator)))
        var others = need
        others.organisation = lrc
        XCTAssertEqual(refusal(.needReported(others), by: actor(.operator)), .otherAgency(own: moi, acting: lrc))
        XCTAssertNil(
            refusal(.needReported(others), agency: lrc, by: actor(.supervisor)),
            "a supervisor records for any organisation")
        XCTAssertNil(refusal(try activity(org: moi), by: actor(.operator)))
        XCTAssertNil(
            refusal(try activity(org: wfp, implementer: moi), by: actor(.operator)),
            "the implementer records its own work")
        XCTAssertEqual(
            refusal(try activity(org: wfp, implementer: lrc), by: actor(.operator)), .otherAgency(own: moi, acting: wfp)
        )
        let pledge = PledgeMade(
            id: try RecordID("0192f3c4-0000-7000-8000-0000000000c1"), need: need.id, organisation: wfp, quantity: 5)
        XCTAssertEqual(refusal(.pledgeMade(pledge), by: actor(.operator)), .otherAgency(own: moi, acting: wfp))
    }

    func testRegisteringOrSuspendingAnOrganisationOrChangingASettingNeedsASupervisor() throws {
        let scouts = Organisation(
            agency: Agency(code: try AgencyCode("SCOUTS"), nameArabic: "ك", nameEnglish: "Scouts", kind: .civilSociety))
        XCTAssertEqual(
            refusal(.organisationRegistered(scouts), by: actor(.operator)),
            .needsRole(.supervisor, for: .registerAgency))
        XCTAssertNil(refusal(.organisationRegistered(scouts), by: actor(.supervisor)))
        XCTAssertEqual(
            refusal(.organisationUpdated(OrganisationChange(code: moi, status: .suspended)), by: actor(.operator)),
            .needsRole(.supervisor, for: .registerAgency))
        XCTAssertNil(
            refusal(
                .organisationUpdated(OrganisationChange(code: moi, focalPoints: [FocalPoint(name: "Huda")])),
                by: actor(.operator)),
            "an operator keeps its own organisation's focal points")
        XCTAssertEqual(
            refusal(.organisationUpdated(OrganisationChange(code: lrc, focalPoints: [])), by: actor(.operator)),
            .otherAgency(own: moi, acting: lrc))
        XCTAssertEqual(
            refusal(.settingChanged(SettingChange(setting: .gapDays, value: 3)), by: actor(.operator)),
            .needsRole(.supervisor, for: .changeSetting))
        let risk = try RecordID("0192f3c4-0000-7000-8000-0000000000d1")
        XCTAssertEqual(
            refusal(.riskUpdated(RiskChange(id: risk, likelihood: 2)), by: actor(.operator)),
            .needsRole(.supervisor, for: .manageRisks))
        XCTAssertNil(
            refusal(.riskReviewed(RiskReview(risk: risk)), by: actor(.operator)), "the owner's operator reviews")
        XCTAssertEqual(
            refusal(.riskReviewed(RiskReview(risk: risk)), agency: lrc, by: actor(.operator)),
            .otherAgency(own: moi, acting: lrc))
    }
}
