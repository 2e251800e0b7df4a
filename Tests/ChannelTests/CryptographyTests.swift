import Foundation
import QanatChannel
import QanatCore
import QanatJournal
import QanatScratch
import XCTest

@testable import QanatStore

/// SHA-256 and PIN hashing come from swift-crypto; what was written before keeps its meaning.
final class CryptographyTests: XCTestCase {
    /// Written by `qanat` before swift-crypto (commit 5ae0ec1): init, a shared account and an
    /// officer with PIN 4821, an incident, a unit, a flash message acknowledged, a third-party line.
    static let journalBeforeSwiftCrypto = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Journals/written-before-swift-crypto.jsonl").path
    /// What `qanat rebuild` printed for a store that ingested it, before swift-crypto, when the
    /// digest read these tables (it now takes them from the schema).
    static let digestBeforeSwiftCrypto = "763f1559f2c22fd00d8c1114e9d0c4835188d6ec5a64c1402e303c94ad1bd512"
    static let tablesDigestedThen: [(name: String, order: String)] = [
        ("agencies", "code"), ("incidents", "ref"), ("units", "call_sign"), ("assignments", "incident, unit"),
        ("messages", "id"), ("acknowledgements", "message, agency"), ("pending_acknowledgements", "message, agency"),
        ("search_index", "kind, key"), ("members", "user, officer"),
    ]

    func testAJournalWrittenBeforeSwiftCryptoVerifies() throws {
        let report = try ChainVerifier.verify(path: Self.journalBeforeSwiftCrypto)
        XCTAssertTrue(report.isIntact, "\(report.breaks)")
        XCTAssertEqual([report.lines, report.chained, report.unreadable], [12, 11, 1])
    }

    func testAStoreFromThatJournalHasTheDigestItHadBefore() throws {
        let directory = try scratchDirectory("crypto")
        let store = try SQLiteStore.create(path: directory + "/store.sqlite")
        let scanner = try JournalScanner(path: Self.journalBeforeSwiftCrypto)
        let events = try scanner.read(limit: 100).compactMap { try? EventCodec.decode($0.bytes).event }
        XCTAssertEqual(events.count, 11)
        try store.apply(events)
        // Agencies have gained the registry's columns since, and members their site; the digest
        // then read the tables as they were.
        let digest = try store.write { db in
            try db.execute(
                sql: """
                    CREATE TEMP VIEW agencies AS SELECT code, name_ar, name_en, kind, seeded FROM main.agencies;
                    CREATE TEMP VIEW members AS
                      SELECT user, officer, officer_name, agency, role, shared, pin FROM main.members;
                    """)
            defer { try? db.execute(sql: "DROP VIEW temp.agencies; DROP VIEW temp.members") }
            return try SQLiteStore.digest(db, tables: Self.tablesDigestedThen, as: .text)
        }
        XCTAssertEqual(digest, Self.digestBeforeSwiftCrypto)
    }

    func testAPINKeptInTheOldFormStillVerifiesAndIsNamedOld() throws {
        let scanner = try JournalScanner(path: Self.journalBeforeSwiftCrypto)
        let members = try scanner.read(limit: 100).compactMap { line -> Member? in
            guard case .memberAdded(let member)? = try? EventCodec.decode(line.bytes).event.payload else { return nil }
            return member
        }
        let stored = try XCTUnwrap(members.compactMap(\.pin).first)
        XCTAssertTrue(stored.hasPrefix("sha256-10000$"))
        XCTAssertTrue(PINHash.verify("4821", against: stored))
        XCTAssertTrue(PINHash.verify("٤٨٢١", against: stored), "Arabic-Indic digits are the same PIN")
        XCTAssertFalse(PINHash.verify("4822", against: stored))
        XCTAssertTrue(PINHash.isOldForm(stored))
    }

    func testNewPINsTakePBKDF2At600000RoundsWithASaltPerEntry() throws {
        let stored = PINHash.hash("2468")
        let parts = stored.split(separator: "$").map(String.init)
        XCTAssertEqual(parts.count, 4)
        XCTAssertEqual(Array(parts.prefix(2)), ["pbkdf2-sha256", "600000"])
        XCTAssertEqual(parts[2].count, 32, "a 16-byte salt")
        XCTAssertFalse(parts.contains("2468"), "no field is the PIN")
        XCTAssertFalse(PINHash.isOldForm(stored))
        XCTAssertTrue(PINHash.verify("2468", against: stored))
        XCTAssertTrue(PINHash.verify("٢٤٦٨", against: stored))
        XCTAssertFalse(PINHash.verify("2469", against: stored))
        XCTAssertNotEqual(PINHash.hash("2468"), stored, "each entry has its own salt")
        XCTAssertLessThanOrEqual(stored.count, Limits.pinHash)
        for garbage in [
            "", "garbage", "pbkdf2-sha256$0$00$00", "pbkdf2-sha256$600000$zz$" + parts[3], "sha256-10000$00",
        ] {
            XCTAssertFalse(PINHash.verify("2468", against: garbage), garbage)
        }
    }

    func testTheDerivedKeyIsPBKDF2HMACSHA256() throws {
        // RFC 7914 §11's PBKDF2-HMAC-SHA256 vector: P="passwd", S="salt", c=1, dkLen=64 (first 32 bytes).
        let stored =
            "pbkdf2-sha256$1$" + Array("salt".utf8).hexString
            + "$55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        XCTAssertTrue(PINHash.verify("passwd", against: stored))
    }

    func testLineHashIsSHA256() {
        XCTAssertEqual(LineHash.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            LineHash.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
