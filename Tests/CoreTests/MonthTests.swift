import QanatCore
import XCTest

/// Months as journals are rotated and archived by: Libya's, from each line's own time.
final class MonthTests: XCTestCase {
    func testAMonthIsReadOnlyAsYYYYMM() {
        XCTAssertEqual(Month("2026-11")?.description, "2026-11")
        for wrong in ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "٢٠٢٦-١١", "2026-11-01", ""] {
            XCTAssertNil(Month(wrong), wrong)
        }
        XCTAssertLessThan(Month("2026-11")!, Month("2026-12")!)
        XCTAssertLessThan(Month("2026-12")!, Month("2027-01")!)
    }

    /// 22:30 UTC on the last day of November is already December in Libya (UTC+2).
    func testTheMonthIsLibyas() throws {
        let lateNovember = try XCTUnwrap(Timestamp(rfc3339: "2026-11-30T21:59:59Z"))
        let december = try XCTUnwrap(Timestamp(rfc3339: "2026-11-30T22:00:00Z"))
        XCTAssertEqual(Month(of: lateNovember).description, "2026-11")
        XCTAssertEqual(Month(of: december).description, "2026-12")
    }
}
