import QanatCore
import XCTest

@testable import QanatJournal

final class CodecTests: XCTestCase {
    func decode(_ text: String) throws -> JournalEntry { try EventCodec.decode(Array(text.utf8)) }

    func reason(_ text: String) -> String {
        do {
            _ = try decode(text)
            return "accepted"
        } catch { return "\(error)" }
    }

    func testRoundTripKeepsEveryField() throws {
        let event = sampleMessage(body: "line one\nline two \u{1b}]0;pwned\u{07} \u{202E}txt")
        let line = EventCodec.encode(event, previousLineHash: "ab")
        let text = String(decoding: line, as: UTF8.self)
        XCTAssertFalse(text.contains("\u{1b}"), "escape characters are written escaped")
        XCTAssertFalse(text.contains("\u{202E}"))
        XCTAssertFalse(text.contains("\n"))
        let entry = try EventCodec.decode(line)
        XCTAssertEqual(entry.event, event)
        XCTAssertEqual(entry.previousLineHash, "ab")
    }

    func testEveryPayloadRoundTrips() throws {
        let ref = IncidentReference(year: 2026, number: 9)
        let unit = try CallSign("LRC-BGZ-2")
        let payloads: [EventPayload] = [
            .agencyRegistered(
                Agency(
                    code: try AgencyCode("UNFPA"), nameArabic: "صندوق الأمم المتحدة للسكان", nameEnglish: "UNFPA",
                    kind: .un)),
            .incidentOpened(
                IncidentOpening(
                    reference: ref, title: "سيول", type: .flashFlood, severity: .extreme, area: "derna",
                    place: "وادي درنة", leadAgency: try AgencyCode("NCEMC"), peopleAffected: 4000)),
            .incidentUpdated(IncidentUpdate(reference: ref, severity: .severe, peopleAffected: 5000)),
            .incidentStatusChanged(IncidentStatusChange(reference: ref, status: .verified, note: "confirmed by CD")),
            .unitRegistered(
                UnitRegistration(callSign: unit, agency: try AgencyCode("LRC"), kind: .ambulance, capabilities: ["ALS"])
            ),
            .unitStatusChanged(UnitStatusChange(callSign: unit, status: .outOfService)),
            .assignment(.tasked, AssignmentLink(incident: ref, unit: unit)),
            .assignment(.released, AssignmentLink(incident: ref, unit: unit)),
            .messageAcknowledged(MessageAcknowledgement(message: sampleMessage().id)),
            .memberAdded(
                Member(key: MemberKey(user: "duty"), agency: try AgencyCode("MOI"), role: .operator, shared: true)),
            .memberAdded(
                Member(
                    key: MemberKey(user: "duty", officer: "سالم علي"), agency: try AgencyCode("LRC"), role: .supervisor,
                    pin: "pbkdf2-sha256$600000$0102$" + String(repeating: "ab", count: 32))),
            .memberRemoved(MemberKey(user: "duty", officer: "سالم علي")),
            .shift(ShiftChange(signedOn: true)),
            .shift(ShiftChange(signedOn: false, note: "الطريق الساحلي ما زال مغلقاً")),
        ]
        for payload in payloads {
            var event = sampleMessage()
            event.payload = payload
            XCTAssertEqual(
                try EventCodec.decode(EventCodec.encode(event, previousLineHash: nil)).event, event, "\(payload.type)")
            XCTAssertEqual(try EventCodec.decodeData(payload.type, EventCodec.encodeData(payload)), payload)
        }
    }

    func testThirdPartyLineFromTheDocument() throws {
        let line =
            #"{"v":1,"id":"6f1c2a9e-1b7d-4c1e-9a53-2f0e8c1d7b42","at":"2026-11-22T09:15:00+02:00","agency":"lrc","officer":"SMS gateway","type":"message.posted","data":{"to":["*"],"priority":"flash","channel":"sms","body":"Water rising at Wadi Derna bridge"}}"#
        let entry = try decode(line)
        XCTAssertNil(entry.previousLineHash)
        XCTAssertEqual(entry.event.agency.rawValue, "LRC")
        XCTAssertEqual(entry.event.at.rfc3339, "2026-11-22T07:15:00.000Z")
        guard case .messagePosted(let posting) = entry.event.payload else { return XCTFail("payload") }
        XCTAssertEqual(posting.recipients, .everyone)
        XCTAssertFalse(posting.acknowledgementRequired)
    }

    func testErrorsNameTheField() {
        let good =
            #"{"v":1,"id":"6f1c2a9e-1b7d-4c1e-9a53-2f0e8c1d7b42","at":"2026-11-22T09:15:00Z","agency":"LRC","officer":"gw","type":"message.posted","data":{"to":["*"],"priority":"flash","channel":"sms","body":"b"}}"#
        XCTAssertEqual(reason(good), "accepted")
        XCTAssertEqual(
            reason(good.replacingOccurrences(of: #""flash""#, with: #""urgent""#)),
            "data.priority: 'urgent' is not one of: routine, priority, immediate, flash")
        XCTAssertEqual(reason(good.replacingOccurrences(of: #","body":"b""#, with: "")), "data.body: missing")
        XCTAssertTrue(
            reason(good.replacingOccurrences(of: "message.posted", with: "message.deleted"))
                .hasPrefix("type: 'message.deleted' is not one of: agency.registered, incident.opened"))
        XCTAssertEqual(
            reason(good.replacingOccurrences(of: "2026-11-22T09:15:00Z", with: "yesterday")),
            "at: 'yesterday' is not an RFC 3339 time")
        XCTAssertEqual(
            reason(good.replacingOccurrences(of: #""to":["*"]"#, with: #""to":7"#)),
            "data.to: expected an array of strings, found a number")
        XCTAssertTrue(
            reason(good.replacingOccurrences(of: #""body""#, with: #""bdy""#)).hasPrefix("data.bdy: unknown field"))
        XCTAssertTrue(reason(String(good.dropLast())).hasPrefix("malformed JSON"))
        XCTAssertTrue(reason(#"{"v":1,"v":1}"#).contains("duplicate key"))
        XCTAssertEqual(reason("[1]"), "a journal line must be one JSON object")
    }

    func testInvalidUTF8IsNamedByByte() {
        var bytes = Array(#"{"v":1,"x":""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        XCTAssertThrowsError(try EventCodec.decode(bytes)) { XCTAssertEqual("\($0)", "invalid UTF-8 at byte 13") }
    }
}
