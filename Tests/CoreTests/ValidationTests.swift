import XCTest

@testable import QanatCore

final class ValidationTests: XCTestCase {
    let context = WriteContext(agencies: Set(Agency.seed.map(\.code)))

    func testAgencyCodeIsUpperCasedAndChecked() throws {
        XCTAssertEqual(try AgencyCode("lrc").rawValue, "LRC")
        XCTAssertThrowsError(try AgencyCode("L", field: "from")) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "from")
        }
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

        /// Identifiers as the store keeps them take a shorter path; it must accept and refuse
        /// exactly what the full parse does.
        func testCanonicalIdentifiersParseAsTheFullPathDoes() throws {
            for text in ["INC-2026-0042", "INC-2026-P1A2B3C", "INC-2026-123456789012"] {
                XCTAssertEqual(try IncidentReference(text).rawValue, text)
            }
            for text in ["INC-2026-", "INC-2026-1234567890123", "INC-20A6-0001", "INC-2026_0001", "INC-2026-00-1"] {
                XCTAssertThrowsError(try IncidentReference(text), text)
            }
            XCTAssertEqual(try IncidentReference(" inc-٢٠٢٦-0042 ").rawValue, "INC-2026-0042", "typed forms still fold")
            XCTAssertEqual(try AgencyCode("UN-OCHA").rawValue, "UN-OCHA")
            XCTAssertThrowsError(try AgencyCode("ABCDEFGHIJKLM"), "13 characters")
            XCTAssertThrowsError(try AgencyCode("MO I"))
            let id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
            XCTAssertEqual(try EventID(id).rawValue, id)
            XCTAssertEqual(try EventID(id.uppercased()).rawValue, id, "upper case is folded")
            for bad in [
                String(id.dropLast()), id.replacingOccurrences(of: "-", with: "x"), String(id.dropLast()) + "g",
                "é" + id.dropFirst(2),
            ] {
                XCTAssertThrowsError(try EventID(bad), bad)
            }
        }
    }

    func testMessageDraftRefusesUnknownRecipient() {
        XCTAssertThrowsError(
            try context.messagePosting(
                to: ["CD", "XYZ"], priority: "flash", channel: "radio", subject: nil, body: "x",
                incident: nil, acknowledgementRequired: true)
        ) { error in
            let validation = error as? ValidationError
            XCTAssertEqual(validation?.field, "to")
            XCTAssertEqual(validation?.value, "XYZ")
        }
    }

    func testMessageDraftRefusesEmptyBodyAndBadChannel() {
        XCTAssertThrowsError(
            try context.messagePosting(
                to: ["*"], priority: "routine", channel: "radio", subject: nil, body: "   ",
                incident: nil, acknowledgementRequired: false)
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "body") }
        XCTAssertThrowsError(
            try context.messagePosting(
                to: ["*"], priority: "routine", channel: "pigeon", subject: nil, body: "b",
                incident: nil, acknowledgementRequired: false)
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "channel") }
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
        XCTAssertThrowsError(
            try context.incidentOpening(
                reference: reference, title: "t", type: "flood", severity: "extreme", area: "Derna",
                place: nil, leadAgency: nil, peopleAffected: nil)
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "type") }
        XCTAssertThrowsError(
            try context.incidentOpening(
                reference: reference, title: "t", type: "fire", severity: "extreme", area: "Atlantis",
                place: nil, leadAgency: nil, peopleAffected: nil)
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "area") }
        XCTAssertThrowsError(
            try context.incidentOpening(
                reference: reference, title: "t", type: "fire", severity: "extreme", area: "Derna",
                place: nil, leadAgency: nil, peopleAffected: -3)
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "people") }
    }

    func testUnitDraft() throws {
        let unit = try context.unitRegistration(
            callSign: "cd-drn-01", agency: "CD", kind: "waterRescue",
            capabilities: ["boat", "divers"], contact: nil)
        XCTAssertEqual(unit.callSign.rawValue, "CD-DRN-01")
        XCTAssertThrowsError(
            try context.unitRegistration(callSign: "x", agency: "CD", kind: "rescue", capabilities: [], contact: nil))
        XCTAssertThrowsError(
            try context.unitRegistration(callSign: "AB-1", agency: "CD", kind: "tank", capabilities: [], contact: nil))
    }
}
