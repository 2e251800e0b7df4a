import Foundation
import QanatChannel
import QanatCore
import QanatScratch
import QanatStore
import XCTest

/// The domain's rules on the write path, each held against a real SQLite store without a terminal.
final class ActionRulesTests: XCTestCase {
    var store: SQLiteStore!
    var session: WriteSession!

    override func setUpWithError() throws {
        let directory = try scratchDirectory("channel-test")
        store = try SQLiteStore.create(path: directory + "/store.sqlite")
        session = WriteSession(journalPath: directory + "/journal.jsonl", officer: "Huda", store: store)
    }

    var actions: Actions { get throws { Actions(context: try store.writeContext(), store: store) } }

    @discardableResult
    func record(_ check: (Actions) throws -> Actions.Write) throws -> Event {
        let event = try session.event(try check(try actions))
        try session.record(event)
        return event
    }

    func openIncident() throws -> String {
        let event = try record { a in
            try a.openIncident(
                agency: "NCEMC", type: "flood.flashFlood", severity: "extreme", area: "Derna", title: "Flood",
                place: nil, lead: nil, people: nil, reference: a.nextIncidentReference)
        }
        guard case .incidentOpened(let opening) = event.payload else {
            XCTFail("the write was not an incident opening: \(event.payload)")
            return ""
        }
        return opening.reference.rawValue
    }

    func addUnit(_ callSign: String = "CD-DRN-01") throws {
        try record {
            try $0.registerUnit(
                callSign: callSign, agency: "CD", kind: "waterRescue", capabilities: ["boat"], contact: nil)
        }
    }

    func field(_ body: () throws -> Any) -> ValidationError? {
        do { _ = try body() } catch let error as ValidationError { return error } catch { XCTFail("\(error)") }
        return nil
    }

    // MARK: acknowledgements

    func testOnlyAnAddressedAgencyAcknowledges() throws {
        let posted = try record {
            try $0.post(
                from: "LRC", to: ["NCEMC"], priority: "flash", channel: "radio", subject: nil,
                body: "Boats needed", incident: nil, acknowledgementRequired: true)
        }
        let refused = field { try self.actions.acknowledge(messageID: posted.id.rawValue, agency: "CD") }
        XCTAssertEqual(refused?.field, "agency")
        XCTAssertEqual(refused?.description, "agency: the message was not addressed to CD; it asks NCEMC")
        XCTAssertNotNil(try actions.acknowledge(messageID: posted.id.rawValue, agency: "NCEMC").write)

        let broadcast = try record {
            try $0.post(
                from: "LRC", to: ["*"], priority: "flash", channel: "radio", subject: nil,
                body: "All agencies", incident: nil, acknowledgementRequired: true)
        }
        XCTAssertNotNil(
            field { try self.actions.acknowledge(messageID: broadcast.id.rawValue, agency: "LRC") },
            "the sender is not asked to acknowledge its own broadcast")
        XCTAssertNotNil(try actions.acknowledge(messageID: broadcast.id.rawValue, agency: "CD").write)
    }

    func testAMessageThatAskedForNoAcknowledgementTakesNone() throws {
        let posted = try record {
            try $0.post(
                from: "LRC", to: ["NCEMC"], priority: "routine", channel: "radio", subject: nil,
                body: "For information", incident: nil, acknowledgementRequired: false)
        }
        XCTAssertEqual(
            field { try self.actions.acknowledge(messageID: posted.id.rawValue, agency: "NCEMC") }?.problem,
            .noAcknowledgementAsked)
    }

    func testTheTallyCountsOnlyTheAgenciesAsked() throws {
        let posted = try record {
            try $0.post(
                from: "LRC", to: ["NCEMC"], priority: "flash", channel: "radio", subject: nil,
                body: "x", incident: nil, acknowledgementRequired: true)
        }
        // A journal line from an agency that was not asked (written before the rule, or elsewhere).
        let stray = Event(
            id: .make(at: posted.at), at: posted.at, agency: try AgencyCode("CD"), officer: "x", user: "x",
            payload: .messageAcknowledged(MessageAcknowledgement(message: posted.id)))
        try store.apply([stray])
        let record = try XCTUnwrap(try store.message(posted.id))
        let tally = record.acknowledgementTally(among: try store.agencies().map(\.code))
        XCTAssertEqual(tally.done, 0)
        XCTAssertEqual(tally.asked, 1)
    }

    // MARK: units and assignments

    func testAUnitIsCommittedOnlyThroughAnAssignment() throws {
        try addUnit()
        let refused = field { try self.actions.unitStatus(callSign: "CD-DRN-01", to: "assigned", agency: nil) }
        XCTAssertEqual(refused?.problem, .transitionRefused(from: "available", allowed: ["outOfService"]))
        XCTAssertNotNil(field { try self.actions.unitStatus(callSign: "CD-DRN-01", to: "onScene", agency: nil) })

        let incident = try openIncident()
        try record { try $0.assignment(.tasked, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        // On an incident, en route is the assignment's acknowledgement.
        let moved = try actions.unitStatus(callSign: "CD-DRN-01", to: "enRoute", agency: nil)
        guard case .assignment(.acknowledged, let link) = moved.payload else { return XCTFail("\(moved.payload)") }
        XCTAssertEqual(link.incident.rawValue, incident)
    }

    func testABusyUnitCannotBeTaskedAgain() throws {
        try addUnit()
        let incident = try openIncident()
        try record { try $0.assignment(.tasked, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        let refused = field {
            try self.actions.assignment(.tasked, reference: incident, callSign: "CD-DRN-01", agency: "CD")
        }
        XCTAssertEqual(refused?.field, "unit")
        XCTAssertTrue(refused?.description.contains("assigned on \(incident)") ?? false, refused?.description ?? "")
    }

    func testAUnitTakenOffItsIncidentByHandNoLongerCountsThere() throws {
        try addUnit()
        let incident = try openIncident()
        let reference = try IncidentReference(incident)
        try record { try $0.assignment(.tasked, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        try record { try $0.assignment(.arrived, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        XCTAssertEqual(try store.incident(reference)?.activeUnits, 1)
        try record { try $0.unitStatus(callSign: "CD-DRN-01", to: "outOfService", agency: "CD") }
        XCTAssertEqual(
            try store.incident(reference)?.activeUnits, 0, "the boat broke down: it is no longer working the incident")
        XCTAssertEqual(try store.incidents(matching: IncidentQuery(openOnly: true), limit: 10).first?.activeUnits, 0)
    }

    /// Found by the walk: closed with units on it, an incident left them committed on the units
    /// board and the map, with nothing to release them from.
    func testAnIncidentClosesOnlyOnceItsUnitsAreReleased() throws {
        try addUnit()
        try addUnit("CD-DRN-02")
        try addUnit("CD-DRN-03")
        let incident = try openIncident()
        for unit in ["CD-DRN-02", "CD-DRN-01", "CD-DRN-03"] {
            try record { try $0.assignment(.tasked, reference: incident, callSign: unit, agency: "CD") }
        }
        try record { try $0.unitStatus(callSign: "CD-DRN-03", to: "outOfService", agency: "CD") }
        let refused = field {
            try self.actions.changeStatus(reference: incident, to: "closed", agency: "NCEMC", note: nil)
        }
        XCTAssertEqual(refused?.problem, .unitsCommitted(["CD-DRN-01", "CD-DRN-02"]), "the broken-down boat is not")
        XCTAssertEqual(
            refused?.description,
            "status: not closed while units are committed to it (CD-DRN-01, CD-DRN-02): release them first")
        for unit in ["CD-DRN-01", "CD-DRN-02"] {
            try record { try $0.assignment(.released, reference: incident, callSign: unit, agency: "CD") }
        }
        try record { try $0.changeStatus(reference: incident, to: "closed", agency: "NCEMC", note: nil) }
        XCTAssertEqual(try store.incident(IncidentReference(incident))?.incident.status, .closed)
    }

    func testAssignmentProgressOnlyMovesForward() throws {
        try addUnit()
        let incident = try openIncident()
        try record { try $0.assignment(.tasked, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        try record { try $0.assignment(.arrived, reference: incident, callSign: "CD-DRN-01", agency: "CD") }
        let late = field {
            try self.actions.assignment(.acknowledged, reference: incident, callSign: "CD-DRN-01", agency: "CD")
        }
        XCTAssertEqual(late?.problem, .transitionRefused(from: "arrived", allowed: ["released"]))
        XCTAssertNotNil(
            field { try self.actions.assignment(.arrived, reference: incident, callSign: "CD-DRN-01", agency: "CD") })
        XCTAssertEqual(try store.unit(CallSign("CD-DRN-01"))?.status, .onScene)
    }

    func testALateAcknowledgementLineDoesNotMoveTheUnitBack() throws {
        try addUnit()
        let incident = try IncidentReference(try openIncident())
        let unit = try CallSign("CD-DRN-01")
        let link = AssignmentLink(incident: incident, unit: unit)
        let base = Clock.now()
        func event(_ stage: AssignmentStage, after seconds: Int64) throws -> Event {
            let at = base.adding(seconds: seconds)
            return Event(
                id: .make(at: at), at: at, agency: try AgencyCode("CD"), officer: "radio", user: "radio",
                payload: .assignment(stage, link))
        }
        // The radio room logs the acknowledgement after the arrival, with a later time.
        try store.apply([
            try event(.tasked, after: 1), try event(.arrived, after: 2), try event(.acknowledged, after: 3),
        ])
        XCTAssertEqual(try store.unit(unit)?.status, .onScene)
        XCTAssertEqual(try store.assignments(of: incident).first?.furthestStage, .arrived)
    }

    func testACallSignOnTheChannelIsNotRegisteredTwice() throws {
        try addUnit()
        let refused = field {
            try self.actions.registerUnit(
                callSign: "cd-drn-01", agency: "LRC", kind: "ambulance", capabilities: [], contact: nil)
        }
        XCTAssertEqual(refused?.description, "callsign: 'CD-DRN-01' exists already, a unit of CD (waterRescue)")
    }

    func testAnUpdateChangesKindCapabilitiesAndContactOnly() throws {
        try addUnit()
        try record { try $0.updateUnit(callSign: "CD-DRN-01", kind: "rescue", capabilities: nil, contact: "VHF 12") }
        let unit = try XCTUnwrap(try store.unit(CallSign("CD-DRN-01")))
        XCTAssertEqual(unit.kind, .rescue)
        XCTAssertEqual(unit.capabilities, ["boat"], "what was not given is kept")
        XCTAssertEqual(unit.contact, "VHF 12")
        XCTAssertEqual(unit.agency.rawValue, "CD")
        XCTAssertThrowsError(try actions.updateUnit(callSign: "CD-DRN-01", kind: nil, capabilities: nil, contact: nil))
        XCTAssertEqual(
            field { try self.actions.updateUnit(callSign: "XX-1", kind: "rescue", capabilities: nil, contact: nil) }?
                .field,
            "callsign")
    }

    // MARK: sign-on

    func testSignOnChecksThePINAndTheAgencyByTheWriteRule() throws {
        let lrc = try AgencyCode("LRC")
        try store.apply([
            Event(
                id: .make(at: Clock.now()), at: Clock.now(), agency: lrc, officer: "admin", user: "root",
                payload:
                    .memberAdded(
                        Member(
                            key: MemberKey(user: "duty", officer: "Salem"), agency: lrc, role: .operator,
                            pin: PINHash.hash("2468"))))
        ])
        XCTAssertThrowsError(try actions.signOn(officer: "Salem", agency: "LRC", pin: "1111", user: "duty")) { error in
            XCTAssertEqual(error as? Refusal, .wrongPIN)
        }
        XCTAssertThrowsError(try actions.signOn(officer: "Salem", agency: "NCEMC", pin: "2468", user: "duty")) {
            error in
            XCTAssertEqual(error as? Refusal, .otherAgency(own: lrc, acting: try! AgencyCode("NCEMC")))
        }
        let signed = try actions.signOn(officer: " Salem ", agency: "lrc", pin: "2468", user: "duty")
        XCTAssertEqual(signed.officer, "Salem")
        XCTAssertEqual(signed.agency, lrc)
    }

    // MARK: the store that was meant

    func testOnlyCreateMakesAStore() throws {
        let path = NSTemporaryDirectory() + "qanat-none-" + UUID().uuidString + ".sqlite"
        XCTAssertThrowsError(try SQLiteStore(path: path)) { error in
            guard case .noStore(let named) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(named, path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }
}
