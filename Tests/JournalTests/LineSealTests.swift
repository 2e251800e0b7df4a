import QanatCore
import XCTest

@testable import QanatJournal

/// A sealed line: the desk's session and an HMAC over the line without it, so that the service
/// can tell the officer's desk from anyone else writing on the same account.
final class LineSealTests: XCTestCase {
    let session = "0192f3c4-0000-7000-8000-000000000001"

    /// Sessions the test gives: one key, for one user and officer, until it is ended.
    final class OneSession: DeskSessions, @unchecked Sendable {
        let session: String
        let key: String
        var ended = false
        init(session: String, key: String) {
            self.session = session
            self.key = key
        }
        func proves(owner: String, officer: String, session: String, signed: [UInt8], mac: String) -> Bool {
            !ended && owner == "duty" && officer == "Salem" && session == self.session
                && LineSeal.verifies(signed, mac: mac, keyHex: key)
        }
        func end(owner: String, session: String) { ended = ended || session == self.session }
    }

    func testASealedSignOffEndsItsSession() throws {
        let key = LineSeal.newKeyHex()
        let seal = try XCTUnwrap(LineSeal(session: session, keyHex: key))
        let sessions = OneSession(session: session, key: key)
        var post = sampleMessage(body: "before")
        post.officer = "Salem"
        var off = post
        off.id = .make(at: post.at)
        off.payload = .shift(ShiftChange(signedOn: false))
        let lines = [post, off, post].map { EventCodec.encode($0, previousLineHash: nil, seal: seal) }
        let proven = try lines.map { try EventCodec.decode($0).proven(by: sessions, line: $0, owner: "duty") }
        XCTAssertEqual(proven, [true, true, false], "a line after the sign-off is no longer the officer's")
    }

    func testASealedLineIsProvenAndAnyChangeBreaksIt() throws {
        let key = LineSeal.newKeyHex()
        let seal = try XCTUnwrap(LineSeal(session: session, keyHex: key))
        var event = sampleMessage(body: "from the desk")
        event.officer = "Salem"
        let line = EventCodec.encode(event, previousLineHash: JournalWriter.genesisHash, seal: seal)
        let text = String(decoding: line, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix(#""}"#) && text.contains(#","session":"\#(session)","mac":""#), text)
        let entry = try EventCodec.decode(line)
        XCTAssertEqual(entry.event, event)
        XCTAssertEqual(entry.session, session)
        let sessions = OneSession(session: session, key: key)
        XCTAssertTrue(entry.proven(by: sessions, line: line, owner: "duty"))
        XCTAssertFalse(entry.proven(by: sessions, line: line, owner: "other"), "another account's journal")
        XCTAssertFalse(entry.proven(by: nil, line: line, owner: "duty"), "no service, no proof")

        let changed = Array(text.replacingOccurrences(of: "from the desk", with: "from elsewhere").utf8)
        XCTAssertFalse(try EventCodec.decode(changed).proven(by: sessions, line: changed, owner: "duty"))
        let otherKey = try XCTUnwrap(LineSeal(session: session, keyHex: LineSeal.newKeyHex()))
        let forged = EventCodec.encode(event, previousLineHash: JournalWriter.genesisHash, seal: otherKey)
        XCTAssertFalse(try EventCodec.decode(forged).proven(by: sessions, line: forged, owner: "duty"))
        let unsealed = EventCodec.encode(event, previousLineHash: JournalWriter.genesisHash)
        XCTAssertFalse(try EventCodec.decode(unsealed).proven(by: sessions, line: unsealed, owner: "duty"))
    }

    func testASessionOrMACOfTheWrongShapeIsRefusedNamingTheField() throws {
        let plain = String(
            decoding: EventCodec.encode(sampleMessage(body: "x"), previousLineHash: nil), as: UTF8.self)
        func with(_ fields: String) -> String { String(plain.dropLast()) + fields + "}" }
        XCTAssertThrowsError(try EventCodec.decode(Array(with(#","session":"nope""#).utf8))) {
            XCTAssertTrue("\($0)".contains("session"), "\($0)")
        }
        XCTAssertThrowsError(
            try EventCodec.decode(Array(with(#","mac":"\#(String(repeating: "a", count: 64))""#).utf8))
        ) {
            XCTAssertTrue("\($0)".contains("mac") && "\($0)".contains("after a session"), "\($0)")
        }
        XCTAssertThrowsError(
            try EventCodec.decode(Array(with(#","session":"\#(session)","mac":"zz""#).utf8))
        ) { XCTAssertTrue("\($0)".contains("mac"), "\($0)") }
        XCTAssertNil(LineSeal(session: session, keyHex: "abcd"), "a key is 32 bytes")
    }
}
