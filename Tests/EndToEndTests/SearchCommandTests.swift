import Foundation
import QanatTestSupport
import XCTest

/// `qanat search` on the command line: what it says when nothing matches.
final class SearchCommandTests: XCTestCase {
    /// A query that matches nothing is echoed as text, its escape sequences shown, not run.
    func testSearchEchoesAQueryWithoutItsEscapes() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let result = try q.run("search", "\u{1B}]0;owned\u{07}\u{1B}[2Jflood")
        XCTAssertTrue(result.stderr.contains("no incident or message matches"), result.stderr)
        XCTAssertFalse(
            result.stderr.contains("\u{1B}"), "no escape reaches the terminal: \(result.stderr.debugDescription)")
    }
}
