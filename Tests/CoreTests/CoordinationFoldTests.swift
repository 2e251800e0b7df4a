import XCTest

@testable import QanatCore

/// The coordination's folds: an organisation over its agency's history, needs last-writer-wins,
/// activities and pledges only forward — whatever order the events arrive in.
final class CoordinationFoldTests: XCTestCase {
    let need = try! RecordID("0192f3c4-0000-7000-8000-0000000000a1")
    let activityID = try! RecordID("0192f3c4-0000-7000-8000-0000000000b1")
    let pledgeID = try! RecordID("0192f3c4-0000-7000-8000-0000000000c1")

    func event(_ second: Int64, _ payload: EventPayload) -> Event {
        var generator = SystemRandomNumberGenerator()
        let at = Timestamp(millisecondsSinceEpoch: 1_800_000_000_000 + second * 1000)
        return Event(
            id: .make(at: at, using: &generator), at: at, agency: try! AgencyCode("LRC"), officer: "Amal", user: nil,
            payload: payload)
    }

    func assertSameInAnyOrder<T: Equatable>(_ events: [Event], _ fold: ([Event]) -> T) -> T {
        let expected = fold(events)
        for _ in 0..<20 { XCTAssertEqual(fold(events.shuffled()), expected) }
        return expected
    }

    func testAnAgencyIsAnOrganisationWithItsHistoryAndLaterRegistration() throws {
        let code = try AgencyCode("IMC")
        let events = [
            event(0, .agencyRegistered(Agency(code: code, nameArabic: "الهيئة", nameEnglish: "IMC", kind: .ngo))),
            event(
                5,
                .organisationUpdated(
                    OrganisationChange(code: code, kind: .ingo, sectors: [.health], status: .suspended))),
            event(
                3,
                .organisationUpdated(
                    OrganisationChange(code: code, areas: ["derna"], focalPoints: [FocalPoint(name: "Sara")]))),
            event(
                7,
                .agencyRegistered(
                    Agency(
                        code: code, nameArabic: "الهيئة الطبية الدولية", nameEnglish: "International Medical Corps",
                        kind: .ingo))),
        ]
        let organisation = try XCTUnwrap(assertSameInAnyOrder(events) { Fold.organisation($0) })
        XCTAssertEqual(organisation.agency.nameEnglish, "International Medical Corps")
        XCTAssertEqual(organisation.agency.kind, .ingo)
        XCTAssertEqual(organisation.sectors, [.health])
        XCTAssertEqual(organisation.areas, ["derna"])
        XCTAssertEqual(organisation.focalPoints.map(\.name), ["Sara"])
        XCTAssertEqual(organisation.status, .suspended)
    }

    func testASeededAgencyChangesFromItsSeed() throws {
        let seed = try XCTUnwrap(Agency.seed.first { $0.code.rawValue == "LRC" })
        let change = event(1, .organisationUpdated(OrganisationChange(code: seed.code, registration: "CSC-1")))
        XCTAssertNil(Fold.organisation([change]), "an update alone is no organisation")
        let organisation = try XCTUnwrap(Fold.organisation([change], seed: seed))
        XCTAssertEqual(organisation.agency, seed)
        XCTAssertEqual(organisation.registration, "CSC-1")
    }

    func testANeedIsLastWriterWinsAndMayBeReopened() throws {
        let report = NeedReport(
            id: need, area: "derna", sector: .wash, what: "water", quantity: 100, unit: "l",
            organisation: try AgencyCode("LRC"))
        let events = [
            event(0, .needReported(report)),
            event(2, .needUpdated(NeedChange(id: need, status: .met))),
            event(4, .needUpdated(NeedChange(id: need, status: .partlyMet, quantity: 300))),
            event(3, .needUpdated(NeedChange(id: need, people: 90))),
        ]
        let folded = try XCTUnwrap(assertSameInAnyOrder(events) { Fold.need($0) })
        XCTAssertEqual(folded.status, .partlyMet)
        XCTAssertEqual(folded.report.quantity, 300)
        XCTAssertEqual(folded.report.people, 90)
        XCTAssertNil(Fold.need(Array(events.dropFirst())), "changes wait for the report")
    }

    func testAnActivityOnlyMovesForward() throws {
        let registration = ActivityRegistration(
            id: activityID, organisation: try AgencyCode("WFP"), sector: .food, area: "derna", what: "food baskets",
            start: try CalendarDate("2026-12-01", field: "s"), end: try CalendarDate("2026-12-20", field: "e"))
        let events = [
            event(0, .activityRegistered(registration)),
            event(2, .activityUpdated(ActivityChange(id: activityID, status: .ongoing, reached: 100))),
            event(5, .activityUpdated(ActivityChange(id: activityID, status: .finished))),
            // A late line from before it finished, and a cancellation after: neither takes it back.
            event(3, .activityUpdated(ActivityChange(id: activityID, status: .planned, reached: 250))),
            event(
                6,
                .activityUpdated(
                    ActivityChange(id: activityID, status: .cancelled, end: try CalendarDate("2026-12-22", field: "e")))
            ),
        ]
        let folded = try XCTUnwrap(assertSameInAnyOrder(events) { Fold.activity($0) })
        XCTAssertEqual(folded.status, .finished)
        XCTAssertEqual(folded.reached, 250)
        XCTAssertEqual(folded.registration.end.description, "2026-12-22")
    }

    func testAPledgeOnlyMovesForwardAndWithdrawnOrDeliveredStays() throws {
        let made = PledgeMade(id: pledgeID, need: need, organisation: try AgencyCode("WFP"), quantity: 50)
        let delivered = [
            event(0, .pledgeMade(made)),
            event(3, .pledgeUpdated(PledgeChange(id: pledgeID, status: .delivered))),
            event(2, .pledgeUpdated(PledgeChange(id: pledgeID, status: .delivering, quantity: 40))),
            event(4, .pledgeUpdated(PledgeChange(id: pledgeID, status: .withdrawn))),
        ]
        let folded = try XCTUnwrap(assertSameInAnyOrder(delivered) { Fold.pledge($0) })
        XCTAssertEqual(folded.status, .delivered)
        XCTAssertEqual(folded.made.quantity, 40)
        let withdrawn = [
            event(0, .pledgeMade(made)), event(1, .pledgeUpdated(PledgeChange(id: pledgeID, status: .withdrawn))),
            event(2, .pledgeUpdated(PledgeChange(id: pledgeID, status: .delivering))),
        ]
        XCTAssertEqual(assertSameInAnyOrder(withdrawn) { Fold.pledge($0) }?.status, .withdrawn)
    }

    func testASettingIsItsLatestValue() {
        let events = [
            event(1, .settingChanged(SettingChange(setting: .gapDays, value: 10))),
            event(4, .settingChanged(SettingChange(setting: .gapDays, value: 3))),
        ]
        XCTAssertEqual(assertSameInAnyOrder(events) { Fold.setting($0) }?.value, 3)
    }

    func testADistrictIsNamedOnlyAmongDistricts() throws {
        let gazetteer = Gazetteer.libya
        XCTAssertEqual(try gazetteer.resolveDistrict("Benghazi").id, "district.benghazi")
        XCTAssertEqual(try gazetteer.resolve("Benghazi").id, "benghazi")
        XCTAssertEqual(try gazetteer.resolveDistrict("شعبية درنة").id, "district.derna")
        XCTAssertEqual(try gazetteer.resolveDistrict("درنة").id, "district.derna")
        XCTAssertThrowsError(try gazetteer.resolveDistrict("Tobruk")) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "district")
        }
        let derna = gazetteer.areaIDs(inDistrict: "district.derna")
        XCTAssertTrue(derna.contains("derna") && derna.contains("district.derna"))
        XCTAssertFalse(derna.contains("benghazi"))
        XCTAssertEqual(gazetteer.district(of: "derna")?.id, "district.derna")
    }
}
