import Foundation
import QanatChannel
import QanatCore
import QanatDesk
import QanatStore
import QanatTestSupport
import XCTest

@testable import QanatUI

/// A review of a risk recorded from the risk board, through the desk's own actions on a real
/// store: the open cell's risks to choose from, its score and band in the detail, and the owner's
/// operators only, as `qanat risk review`.
final class DeskRiskReviewTests: XCTestCase {
    /// A store with NCEMC's risk, on which this user is then `role` for `agency` (another admin keeps it managed).
    func risky(as role: String, for agency: String) throws -> QanatProcess {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let added = try q.run(
            "risk", "add", "--hazard", "damFailure", "--title", "Wadi Derna dams fail", "--area", "Derna",
            "--likelihood", "3", "--impact", "5", "--owner", "NCEMC", "--review", "2020-01-01")
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertEqual(try q.run("member", "add", "boss", "--agency", "NCEMC", "--role", "admin").status, 0)
        XCTAssertEqual(try q.run("member", "add", MemberRoleTests.me, "--agency", agency, "--role", role).status, 0)
        return q
    }

    func review(_ q: QanatProcess, agency: String) throws -> DeskState {
        let store = try SQLiteStore(path: q.database)
        var state = DeskState(
            width: 120, height: 30, language: .en, officer: "Salem", agency: try AgencyCode(agency), now: Clock.now())
        var actions = DeskActions(
            session: WriteSession(
                journalPath: q.journal, officer: "Salem", store: store,
                actor: try store.actor(user: MemberRoleTests.me, officer: "Salem", pinProven: false)),
            storePath: q.database, draftsDirectory: q.directory + "/drafts")
        state.data.risks = try store.risks(band: nil)
        _ = state.handle(.function(6))
        XCTAssertNil(state.handle(.character("v")))
        XCTAssertEqual(state.notice, state.localizer(.openRiskCellFirst), "the cell first")
        state.selection.riskCell = RiskCell(likelihood: 3, impact: 5)
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        let screen = DeskView.render(state).lines.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Wadi Derna dams fail  Score 15  high"), screen)
        _ = state.handle(.character("v"))
        var form = try XCTUnwrap(state.form)
        XCTAssertEqual(form.purpose, .reviewRisk)
        form.set("note", "Spillway cleared")
        form.set("next", "2027-03-01")
        if let outcome = actions.submit(form, state: state) { state.apply(outcome) }
        return state
    }

    func testTheOwnersOperatorReviewsARiskFromTheBoard() throws {
        let q = try risky(as: "operator", for: "NCEMC")
        let state = try review(q, agency: "NCEMC")
        XCTAssertNil(state.form, state.form?.notice ?? "")
        XCTAssertTrue(try q.run("risk", "list").stdout.contains("2027-03-01"))
    }

    func testAnotherAgencysOperatorIsRefused() throws {
        let q = try risky(as: "operator", for: "CD")
        let state = try review(q, agency: "CD")
        XCTAssertTrue(
            state.form?.notice?.contains("operators act for their own agency (CD), not for NCEMC") ?? false,
            state.form?.notice ?? "no notice")
        XCTAssertFalse(try q.run("risk", "list").stdout.contains("2027-03-01"))
    }

    /// A next review is still to come: a date past is refused, on the command line as on the desk.
    func testANextReviewInThePastIsRefused() throws {
        let q = try risky(as: "supervisor", for: "NCEMC")
        let id = try XCTUnwrap(
            try q.run("risk", "list").lines.dropFirst().first?.split(separator: " ").first.map(String.init))
        let past = try q.run("risk", "review", id, "--next", "2019-05-05")
        XCTAssertEqual(past.status, 2, past.stderr)
        XCTAssertTrue(past.stderr.contains("next: '2019-05-05' is not today ("), past.stderr)
    }
}
