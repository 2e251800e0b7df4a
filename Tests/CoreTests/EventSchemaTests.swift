import QanatCore
import XCTest

/// Each event type's schema: what it writes it reads back, and the same checks name the same
/// field for a form, the command line and a journal line.
final class EventSchemaTests: XCTestCase {
    let payloads: [EventPayload] = [
        .incidentOpened(
            IncidentOpening(
                reference: try! IncidentReference("INC-2026-0007"), title: "سيول", type: .flashFlood,
                severity: .extreme, area: "derna", place: "the bridge", leadAgency: try! AgencyCode("NCEMC"),
                peopleAffected: 40)),
        .incidentUpdated(IncidentUpdate(reference: try! IncidentReference("INC-2026-0007"), severity: .severe)),
        .unitRegistered(
            UnitRegistration(
                callSign: try! CallSign("CD-DRN-01"), agency: try! AgencyCode("CD"), kind: .rescue,
                capabilities: ["boat", "swift water"], contact: "ch 4")),
        .assignment(
            .arrived,
            AssignmentLink(incident: try! IncidentReference("INC-2026-0007"), unit: try! CallSign("CD-DRN-01"))),
        .memberAdded(
            Member(
                key: MemberKey(user: "duty", officer: "Salem"), agency: try! AgencyCode("LRC"), role: .operator,
                shared: false,
                pin: "pbkdf2-sha256$600000$00$00")),
        .shift(ShiftChange(signedOn: false, note: "all quiet")),
        .organisationRegistered(
            Organisation(
                agency: Agency(
                    code: try! AgencyCode("LY-SCOUTS"), nameArabic: "الكشافة", nameEnglish: "Libyan Scouts",
                    kind: .civilSociety),
                registration: "CSC-2021-114", areas: ["derna", "district.benghazi"], sectors: [.shelter, .nfi],
                focalPoints: [
                    FocalPoint(name: "Amal", phone: "+218 91 000 0000", radio: "ch 7"), FocalPoint(name: "Omar"),
                ],
                capabilities: ["tents"])),
        .organisationUpdated(OrganisationChange(code: try! AgencyCode("IMC"), sectors: [.health], status: .suspended)),
        .needReported(
            NeedReport(
                id: try! RecordID("0192f3c4-0000-7000-8000-0000000000a1"), area: "derna", sector: .wash,
                what: "clean water", quantity: 20000, unit: "litres a day", people: 4000, priority: .immediate,
                organisation: try! AgencyCode("LRC"), incident: try! IncidentReference("INC-2026-0007"),
                reportedOn: try! CalendarDate("2026-11-28", field: "reported"))),
        .needUpdated(
            NeedChange(id: try! RecordID("0192f3c4-0000-7000-8000-0000000000a1"), status: .partlyMet, quantity: 15000)),
        .activityRegistered(
            ActivityRegistration(
                id: try! RecordID("0192f3c4-0000-7000-8000-0000000000b1"), organisation: try! AgencyCode("UNICEF"),
                implementer: try! AgencyCode("LRC"), sector: .wash, area: "derna", what: "water trucking",
                start: try! CalendarDate("2026-12-01", field: "start"),
                end: try! CalendarDate("2026-12-31", field: "end"),
                status: .ongoing, targeted: 4000, needs: [try! RecordID("0192f3c4-0000-7000-8000-0000000000a1")])),
        .activityUpdated(
            ActivityChange(id: try! RecordID("0192f3c4-0000-7000-8000-0000000000b1"), status: .finished, reached: 3900)),
        .pledgeMade(
            PledgeMade(
                id: try! RecordID("0192f3c4-0000-7000-8000-0000000000c1"),
                need: try! RecordID("0192f3c4-0000-7000-8000-0000000000a1"),
                organisation: try! AgencyCode("WFP"), quantity: 5000, by: try! CalendarDate("2026-12-10", field: "by"))),
        .pledgeUpdated(PledgeChange(id: try! RecordID("0192f3c4-0000-7000-8000-0000000000c1"), status: .delivered)),
        .settingChanged(SettingChange(setting: .gapDays, value: 10)),
        .riskRegistered(
            RiskEntry(
                id: try! RecordID("0192f3c4-0000-7000-8000-0000000000d1"), hazard: .flashFlood, title: "Dams fail",
                areas: ["derna", "district.jabal-al-akhdar"], likelihood: 3, impact: 5, owner: try! AgencyCode("NCEMC"),
                mitigations: ["inspect the dams"], plan: "NCEMC-CP-07", resources: ["4 pumps"],
                nextReview: try! CalendarDate("2027-03-01", field: "review"))),
        .riskUpdated(
            RiskChange(
                id: try! RecordID("0192f3c4-0000-7000-8000-0000000000d1"), likelihood: 4, owner: try! AgencyCode("CD"))),
        .riskReviewed(
            RiskReview(
                risk: try! RecordID("0192f3c4-0000-7000-8000-0000000000d1"), note: "cleared",
                next: try! CalendarDate("2027-09-01", field: "next"))),
        .targetSet(ResponseTarget(metric: .acknowledge, seconds: 60, percentile: 90)),
        .reportWritten(
            ReportRecord(
                kind: .performance, parameters: ["--lang", "ar"], file: "/srv/reports/week-48.md",
                sha256: String(repeating: "ab", count: 32), bytes: 4096)),
        .exerciseStarted(
            ExerciseStart(
                name: "Derna flood drill", nameArabic: "تمرين فيضان درنة", speed: 60, stopPhrase: "NO DUFF", injects: 4,
                scenario: String(repeating: "cd", count: 32))),
        .exerciseInject(
            ExerciseInject(
                number: 2, offset: 240, from: try! AgencyCode("DRN-MUN"), to: .agencies([try! AgencyCode("CD")]),
                channel: .phone, priority: .immediate, text: "Water over the bridge",
                incident: try! IncidentReference("INC-2026-0001"), expect: .assign, by: try! AgencyCode("CD"),
                within: 300)),
        .exerciseControl(
            ExerciseControl(action: .played, inject: 2, message: try! EventID("0192f3c4-0000-7000-8000-000000000020"))),
        .exerciseControl(ExerciseControl(action: .stopped, reason: .stopPhrase)),
    ]

    func testAnActivityEndsOnOrAfterItStartsAndAQuantityIsPositive() {
        var given = EventSchemas.values(of: payloads.first { $0.type == .activityRegistered }!).reduce(
            into: [String: FieldValue?]()
        ) { $0[$1.name] = $1.value }
        given["end"] = .text("2026-11-30")
        XCTAssertThrowsError(try WriteContext.seeded.payload(.activityRegistered, given)) {
            XCTAssertEqual(($0 as? ValidationError)?.field, "end")
        }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .pledgeMade,
                [
                    "pledge": .text("0192f3c4-0000-7000-8000-0000000000c1"),
                    "need": .text("0192f3c4-0000-7000-8000-0000000000a1"),
                    "org": .text("WFP"), "quantity": .integer(0),
                ])
        ) { XCTAssertEqual("\($0)", "quantity: '0' is not between 1 and 1000000000") }
        // Found by the walk: an empty call sign was "'' is not a call sign".
        XCTAssertThrowsError(try CallSign(" ", field: "callsign")) {
            XCTAssertEqual("\($0)", "callsign: must not be empty")
        }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .organisationRegistered,
                [
                    "code": .text("ABC"), "kind": .text("company"), "nameEn": .text("A"), "nameAr": .text("أ"),
                ])
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "kind") }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(
                .organisationRegistered,
                [
                    "code": .text("ABC"), "kind": .text("private"), "nameEn": .text("A"), "nameAr": .text("أ"),
                    "focal": .list(["a;b;c;d"]),
                ])
        ) { XCTAssertEqual(($0 as? ValidationError)?.field, "focal") }
    }

    func testWhatASchemaWritesItReadsBack() throws {
        for payload in payloads {
            let given = FieldValues(
                Dictionary(uniqueKeysWithValues: EventSchemas.values(of: payload).map { ($0.name, $0.value) }))
            XCTAssertEqual(try EventSchemas.make(payload.type, given, RecordedContext()), payload)
            let names = EventSchemas.values(of: payload).map(\.name)
            XCTAssertEqual(
                names, EventSchemas.schema(for: payload.type).fields.map(\.name),
                "\(payload.type): wire order is the schema's")
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
        XCTAssertThrowsError(try WriteContext.seeded.payload(.incidentStatusChanged, ["ref": .text("INC-2026-0001")])) {
            error in
            XCTAssertEqual("\(error)", "status: missing")
        }
        XCTAssertThrowsError(
            try WriteContext.seeded.payload(.incidentUpdated, ["ref": .text("INC-2026-0001"), "people": .integer(-3)])
        ) { error in
            XCTAssertEqual((error as? ValidationError)?.field, "people")
        }
    }
}
