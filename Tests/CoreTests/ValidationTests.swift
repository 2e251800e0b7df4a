import XCTest
@testable import QanatCore

final class ValidationTests: XCTestCase {
    let context = WriteContext(agencies: Set(Agency.seed.map(\.code)))

    func testAgencyCodeIsUpperCasedAndChecked() throws {
        XCTAssertEqual(try AgencyCode("lrc").rawValue, "LRC")
        XCTAssertThrowsError(try AgencyCode("L", field: "from")) { XCTAssertEqual(($0 as? ValidationError)?.field, "from") }
        XCTAssertThrowsError(try AgencyCode("MOI;rm"))
    }

    func testIncidentReferenceFormats() throws {
        XCTAssertEqual(IncidentReference(year: 2026, number: 7).rawValue, "INC-2026-0007")
        XCTAssertEqual(IncidentReference(year: 2026, number: 12345).rawValue, "INC-2026-12345")
        XCTAssertEqual(try IncidentReference("inc-2026-0042").sequenceNumber, 42)
        XCTAssertThrowsError(try IncidentReference("INC-26-1"))
        XCTAssertThrowsError(try IncidentReference("2026-0001"))
    }

    func testProvisionalReferenceParsesAndIsNoSequenceNumber() throws {
        let provisional = IncidentReference.provisional(year: 2026)
        XCTAssertTrue(provisional.rawValue.hasPrefix("INC-2026-P"))
        XCTAssertEqual(try IncidentReference(provisional.rawValue), provisional)
        XCTAssertNil(provisional.sequenceNumber)
    }

    func testMessageDraftRefusesUnknownRecipient() {
        XCTAssertThrowsError(try context.messagePosting(
            to: ["CD", "XYZ"], priority: "flash", channel: "radio", subject: nil, body: "x",
            incident: nil, acknowledgementRequired: true)
        ) { error in
            let validation = error as? ValidationError
            XCTAssertEqual(validation?.field, "to")
            XCTAssertEqual(validation?.value, "XYZ")
        }
    }

    func testMessageDraftRefusesEmptyBodyAndBadChannel() {
        XCTAssertThrowsError(try context.messagePosting(
            to: ["*"], priority: "routine", channel: "radio", subject: nil, body: "   ",
            incident: nil, acknowledgementRequired: false)) { XCTAssertEqual(($0 as? ValidationError)?.field, "body") }
        XCTAssertThrowsError(try context.messagePosting(
            to: ["*"], priority: "routine", channel: "pigeon", subject: nil, body: "b",
            incident: nil, acknowledgementRequired: false)) { XCTAssertEqual(($0 as? ValidationError)?.field, "channel") }
    }

    func testMessageDraftTrimsAndKeepsArabic() throws {
        let posting = try context.messagePosting(
            to: ["cd", "LRC", "CD"], priority: "immediate", channel: "in-person", subject: " إخلاء ",
            body: "  إخلاء حي الساحل في درنة  ", incident: "INC-2026-0003", acknowledgementRequired: true)
        XCTAssertEqual(posting.recipients, .agencies([try AgencyCode("CD"), try AgencyCode("LRC")]))
        XCTAssertEqual(posting.body, "إخلاء حي الساحل في درنة")
        XCTAssertEqual(posting.subject, "إخلاء")
        XCTAssertEqual(posting.channel, .inPerson)
    }

    func testRecipientsRefuseStarMixedWithCodes() {
        XCTAssertThrowsError(try Recipients(codes: ["*", "CD"]))
        XCTAssertThrowsError(try Recipients(codes: []))
    }

    func testIncidentDraftResolvesAreaAndRefusesUnknownType() throws {
        let reference = IncidentReference(year: 2026, number: 1)
        let opening = try context.incidentOpening(
            reference: reference, title: "Flash flood in Wadi Derna", type: "flood.flashFlood", severity: "extreme",
            area: "Darnah", place: nil, leadAgency: "ncemc", peopleAffected: 1200)
        XCTAssertEqual(opening.area, "derna")
        XCTAssertEqual(opening.leadAgency?.rawValue, "NCEMC")
        XCTAssertThrowsError(try context.incidentOpening(
            reference: reference, title: "t", type: "flood", severity: "extreme", area: "Derna",
            place: nil, leadAgency: nil, peopleAffected: nil)) { XCTAssertEqual(($0 as? ValidationError)?.field, "type") }
        XCTAssertThrowsError(try context.incidentOpening(
            reference: reference, title: "t", type: "fire", severity: "extreme", area: "Atlantis",
            place: nil, leadAgency: nil, peopleAffected: nil)) { XCTAssertEqual(($0 as? ValidationError)?.field, "area") }
        XCTAssertThrowsError(try context.incidentOpening(
            reference: reference, title: "t", type: "fire", severity: "extreme", area: "Derna",
            place: nil, leadAgency: nil, peopleAffected: -3)) { XCTAssertEqual(($0 as? ValidationError)?.field, "people") }
    }

    func testUnitDraft() throws {
        let unit = try context.unitRegistration(callSign: "cd-drn-01", agency: "CD", kind: "waterRescue",
                                                capabilities: ["boat", "divers"], contact: nil)
        XCTAssertEqual(unit.callSign.rawValue, "CD-DRN-01")
        XCTAssertThrowsError(try context.unitRegistration(callSign: "x", agency: "CD", kind: "rescue", capabilities: [], contact: nil))
        XCTAssertThrowsError(try context.unitRegistration(callSign: "AB-1", agency: "CD", kind: "tank", capabilities: [], contact: nil))
    }
}
