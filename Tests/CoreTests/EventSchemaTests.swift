import QanatCore
import XCTest

/// Each event type's schema: what it writes it reads back, and the same checks name the same
/// field for a form, the command line and a journal line.
final class EventSchemaTests: XCTestCase {
    let payloads: [EventPayload] = [
        .incidentOpened(IncidentOpening(reference: try! IncidentReference("INC-2026-0007"), title: "سيول", type: .flashFlood,
                                        severity: .extreme, area: "derna", place: "the bridge", leadAgency: try! AgencyCode("NCEMC"),
                                        peopleAffected: 40)),
        .incidentUpdated(IncidentUpdate(reference: try! IncidentReference("INC-2026-0007"), severity: .severe)),
        .unitRegistered(UnitRegistration(callSign: try! CallSign("CD-DRN-01"), agency: try! AgencyCode("CD"), kind: .rescue,
                                         capabilities: ["boat", "swift water"], contact: "ch 4")),
        .assignment(.arrived, AssignmentLink(incident: try! IncidentReference("INC-2026-0007"), unit: try! CallSign("CD-DRN-01"))),
        .memberAdded(Member(key: MemberKey(user: "duty", officer: "Salem"), agency: try! AgencyCode("LRC"), role: .operator, shared: false,
                            pin: "pbkdf2-sha256$600000$00$00")),
        .shift(ShiftChange(signedOn: false, note: "all quiet")),
    ]

    func testWhatASchemaWritesItReadsBack() throws {
        for payload in payloads {
            let given = FieldValues(Dictionary(uniqueKeysWithValues: EventSchemas.values(of: payload).map { ($0.name, $0.value) }))
            XCTAssertEqual(try EventSchemas.make(payload.type, given, RecordedContext()), payload)
            let names = EventSchemas.values(of: payload).map(\.name)
            XCTAssertEqual(names, EventSchemas.schema(for: payload.type).fields.map(\.name), "\(payload.type): wire order is the schema's")
        }
    }

    func testANewWriteNamesOnlyTheChannelsAgenciesWhereALineMayNameAny() throws {
        let given: [String: FieldValue?] = ["callsign": .text("XX-1"), "agency": .text("XYZ"), "kind": .text("rescue")]
        XCTAssertThrowsError(try WriteContext.seeded.payload(.unitRegistered, given)) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "agency")
        }
        XCTAssertNoThrow(try EventSchemas.make(.unitRegistered, FieldValues(given), RecordedContext()))
    }

    func testAMissingOrWrongFieldIsNamed() {
        XCTAssertThrowsError(try WriteContext.seeded.payload(.incidentStatusChanged, ["ref": .text("INC-2026-0001")])) { error in
            XCTAssertEqual("\(error)", "status: missing")
        }
        XCTAssertThrowsError(try WriteContext.seeded.payload(.incidentUpdated, ["ref": .text("INC-2026-0001"), "people": .integer(-3)])) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "people")
        }
    }
}
