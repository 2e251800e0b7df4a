import XCTest

@testable import QanatCore

final class TimestampTests: XCTestCase {
    func testParsesOffsetsAndFractions() throws {
        let utc = try XCTUnwrap(Timestamp(rfc3339: "2026-11-22T10:04:05.123Z"))
        XCTAssertEqual(utc.rfc3339, "2026-11-22T10:04:05.123Z")
        XCTAssertEqual(Timestamp(rfc3339: "2026-11-22T12:04:05.123+02:00"), utc)
        XCTAssertEqual(Timestamp(rfc3339: "1970-01-01T00:00:00Z")?.millisecondsSinceEpoch, 0)
        XCTAssertEqual(Timestamp(rfc3339: "2024-02-29T00:00:00z")?.rfc3339, "2024-02-29T00:00:00.000Z")
    }

    func testRefusesMalformed() {
        for text in [
            "2026-11-22", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-22T10:04:05",
            "2026-11-22T10:04:05Zjunk", "",
        ] {
            XCTAssertNil(Timestamp(rfc3339: text), text)
        }
    }

    func testCivilTimeInLibya() {
        let t = Timestamp(rfc3339: "2026-12-31T23:30:00Z")!
        let libya = CivilTime(millisecondsSinceEpoch: t.millisecondsSinceEpoch, offsetMinutes: 120)
        XCTAssertEqual([Int(libya.year), libya.month, libya.day, libya.hour, libya.minute], [2027, 1, 1, 1, 30])
    }

    func testEventIDVersion7IsOrderedByTime() throws {
        var generator = SystemRandomNumberGenerator()
        let early = EventID.make(at: Timestamp(millisecondsSinceEpoch: 1_000), using: &generator)
        let late = EventID.make(at: Timestamp(millisecondsSinceEpoch: 2_000), using: &generator)
        XCTAssertLessThan(early, late)
        XCTAssertEqual(try EventID(late.rawValue.uppercased()), late)
        XCTAssertEqual(Array(late.rawValue)[14], "7")
        XCTAssertThrowsError(try EventID("not-a-uuid"))
        for bad in [
            "0192f3c4x0000-7000-8000-0000000000aa", "0192f3c4-0000-7000-8000-0000000000ag",
            "0192f3c4-0000-7000-8000-0000000000a-",
            "0192f3c4-0000-7000-8000-0000000000a", "0192f3c4-0000-7000-8000-0000000000aaa",
            "0192f3c4-0000-7000-8000-00000000٠٠aa",
        ] {
            XCTAssertThrowsError(try EventID(bad), bad)
        }
        XCTAssertEqual(
            try EventID("0192F3C4-0000-7000-8000-0000000000AA").rawValue, "0192f3c4-0000-7000-8000-0000000000aa")
    }
}
