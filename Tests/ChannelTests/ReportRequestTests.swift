import QanatChannel
import QanatCore
import XCTest

/// What a member may ask the service to render: a report's kind and the options report commands
/// take, each value joined to its option; nothing that names another store, file or program.
final class ReportRequestTests: XCTestCase {
    func request(_ kind: ReportKind, _ parameters: [String]) -> ReportRequest {
        ReportRequest(kind: kind, parameters: parameters, officer: "Huda", agency: "LRC", file: "/tmp/r.md")
    }

    func testOptionsAreJoinedToTheirValues() throws {
        XCTAssertEqual(
            try request(.performance, ["--since", "--db", "--agency", "LRC", "--csv"]).arguments().arguments,
            ["performance", "--since=--db", "--agency=LRC", "--csv"], "a value that looks like an option stays a value")
        XCTAssertEqual(
            try request(.ics201, ["INC-2026-0007", "--lang", "ar"]).arguments().arguments,
            ["ics201", "INC-2026-0007", "--lang=ar"])
    }

    func testAnythingElseIsRefusedNamingIt() {
        for (kind, parameters, named) in [
            (ReportKind.shift, ["--db", "/etc/shadow"], "'--db'"), (.shift, ["--out", "/tmp/x"], "'--out'"),
            (.coverage, ["--district"], "'--district'"), (.ics201, ["--lang", "ar"], "ICS 201"),
            (.exercise, [], "no report 'exercise'"),
        ] {
            XCTAssertThrowsError(try request(kind, parameters).arguments()) {
                XCTAssertTrue("\($0)".contains(named), "\(parameters): \($0)")
            }
        }
    }
}
