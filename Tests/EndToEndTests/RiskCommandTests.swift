import Foundation
import QanatCore
import QanatStore
import QanatTestSupport
import XCTest

/// The risk register through the command line: supervisors add and change risks, the owner's
/// operators review them, reports list them highest score first.
final class RiskCommandTests: XCTestCase {
    func testARiskAddedChangedReviewedAndReported() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let added = try q.run(
            "risk", "add", "--hazard", "damFailure", "--title", "Wadi Derna dams fail in a storm", "--area", "Derna",
            "--area", "Al Bayda", "--likelihood", "2", "--impact", "5", "--owner", "NCEMC", "--mitigation",
            "Inspect the dams",
            "--plan", "NCEMC-CP-07", "--review", "2020-01-01")
        XCTAssertEqual(added.status, 0, added.stderr)
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let bad = try q.run(
            "risk", "add", "--hazard", "storm", "--title", "x", "--area", "Derna", "--likelihood", "6", "--impact", "1",
            "--owner", "CD")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("likelihood: '6' is not between 1 and 5"), bad.stderr)
        XCTAssertEqual(
            try q.run(
                "risk", "add", "--hazard", "hazardousMaterial", "--title", "Refinery fire at Brega", "--area", "Brega",
                "--likelihood", "1", "--impact", "3", "--owner", "CD"
            ).status, 0)

        var listed = try q.run("risk", "list", "--json").lines
        XCTAssertEqual(listed.count, 2)
        XCTAssertTrue(
            listed[0].contains(#""score":10"#) && listed[0].contains(#""band":"medium""#)
                && listed[0].contains(#""reviewOverdue":true"#),
            listed[0])
        XCTAssertEqual(try q.run("risk", "update", String(id.prefix(13)), "--likelihood", "3").status, 0)
        XCTAssertEqual(try q.run("risk", "list", "--band", "high", "--json").lines.count, 1, "3 × 5 is high")
        XCTAssertEqual(try q.run("risk", "review", id, "--note", "Spillway cleared", "--next", "2099-06-01").status, 0)
        listed = try q.run("risk", "list", "--json").lines
        XCTAssertTrue(listed[0].contains(#""reviewOverdue":false"#) && listed[0].contains(#""reviews":1"#), listed[0])
        let shown = try q.run("risk", "show", id).stdout
        XCTAssertTrue(shown.contains("impact 5: catastrophic") && shown.contains("Spillway cleared"), shown)

        let ref = try q.run(
            "incident", "open", "--type", "flood.damFailure", "--severity", "extreme", "--area", "Derna", "--title",
            "Dam breach"
        )
        .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try q.run(
            "incident", "open", "--type", "flood.damFailure", "--severity", "severe", "--area", "Sabha", "--title",
            "Elsewhere")
        XCTAssertTrue(
            try q.run("risk", "show", id, "--json").stdout.contains(#""incidents":["\#(ref)"]"#),
            "the incident the risk produced")
        XCTAssertTrue(try q.run("incident", "show", ref).stdout.contains("risk \(id)"), "and the risk it comes under")

        let csv = try q.run("report", "risks", "--csv").lines
        XCTAssertEqual(csv.first, "id,title,hazard,nature,likelihood,impact,score,band,owner,review,overdue,areas")
        XCTAssertTrue(
            csv[1].hasPrefix(
                "\(id),Wadi Derna dams fail in a storm,flood.damFailure,human,3,5,15,high,NCEMC,2099-06-01,no,"), csv[1]
        )
        let arabic = try q.run("report", "risks", "--markdown", "--lang", "ar").stdout
        XCTAssertTrue(arabic.contains("# السجل الوطني للمخاطر") && arabic.contains("مرتفع"), arabic)
    }

    func testOnlyASupervisorChangesTheRegisterAndOnlyTheOwnerReviews() throws {
        let q = try MemberRoleTests.store(as: "operator", for: "LRC")
        let refused = try q.run(
            "risk", "add", "--hazard", "storm", "--title", "Medicane", "--area", "Derna", "--likelihood", "3",
            "--impact", "4", "--owner", "LRC")
        XCTAssertEqual(refused.status, 4)
        XCTAssertTrue(
            refused.stderr.contains("adding or changing a risk of the register needs the supervisor role"),
            refused.stderr)
        // Two risks in the register, as a supervisor's desk would have written them: one LRC owns, one CD does.
        let store = try SQLiteStore(path: q.database)
        let at = Timestamp(millisecondsSinceEpoch: 1_796_000_000_000)
        var ids: [String: RecordID] = [:]
        for owner in ["LRC", "CD"] {
            let id = RecordID.make(at: at)
            ids[owner] = id
            try store.apply([
                Event(
                    id: .make(at: at), at: at, agency: try AgencyCode("MOI"), officer: "boss", user: nil,
                    payload: .riskRegistered(
                        RiskEntry(
                            id: id, hazard: .storm, title: "Medicane", areas: ["derna"], likelihood: 3, impact: 4,
                            owner: try AgencyCode(owner))))
            ])
        }
        XCTAssertEqual(
            try q.run("risk", "review", ids["LRC"]?.rawValue ?? "", "--note", "shelters checked").status, 0,
            "its owner reviews")
        let other = try q.run("risk", "review", ids["CD"]?.rawValue ?? "", "--note", "x")
        XCTAssertEqual(other.status, 4, "LRC does not own it")
        XCTAssertTrue(other.stderr.contains("operators act for their own agency (LRC), not for CD"), other.stderr)
    }
}
