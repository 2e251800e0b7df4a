import Foundation
import QanatTestSupport
import XCTest

/// The desk acts for the agency the command line would: the member's own by default, and an
/// agency that does not exist, or that the member may not act for, is refused before it starts.
final class DeskAgencyTests: XCTestCase {
    func testTheDeskDefaultsToTheMembersOwnAgency() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init", "--agency", "LRC").status, 0)
        let desk = try DeskHarness.startDesk(q, width: 120, height: 30, extra: ["QANAT_AGENCY": ""])
        var screen = try desk.waitFor { $0.contains("@ LRC") }
        XCTAssertTrue(screen.contains("Test Officer @ LRC"), screen)
        try DeskHarness.openFlashFlood(desk, area: "Derna", title: "Bridge down")
        screen = try desk.waitFor { $0.contains("Bridge down") }
        let listed = try q.run("list", "incidents", "--json")
        XCTAssertTrue(
            listed.stdout.contains("\"leadAgency\":\"LRC\""), "the desk's incident is led by LRC: \(listed.stdout)")
        try desk.send("q")
    }

    func testAnUnknownAgencyIsRefusedAtStart() throws {
        let q = try QanatProcess()
        XCTAssertEqual(try q.run("init").status, 0)
        let refused = try q.run("desk", "--agency", "LRX")
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains("agency: 'LRX' is not one of") && refused.stderr.contains("LRC, MOH, MOI")
                && refused.stderr.contains("did you mean"),
            refused.stderr)
        let fromEnvironment = try q.run("desk", extraEnvironment: ["QANAT_AGENCY": "XYZ"])
        XCTAssertEqual(fromEnvironment.status, 2, fromEnvironment.stderr)
    }

    func testAnOperatorIsRefusedAnotherAgencyAtStartAndAViewerIsNot() throws {
        let operatorStore = try MemberRoleTests.store(as: "operator", for: "CD")
        let refused = try operatorStore.run("desk", "--agency", "MOI")
        XCTAssertEqual(refused.status, 4, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("operators act for their own agency (CD), not for MOI"), refused.stderr)
        // Its own agency passes the check; without a terminal the desk then stops for that reason.
        let own = try operatorStore.run("desk")
        XCTAssertEqual(own.status, 1, own.stderr)
        XCTAssertTrue(own.stderr.contains("needs a terminal"), own.stderr)

        let viewerStore = try MemberRoleTests.store(as: "viewer", for: "CD")
        let viewer = try viewerStore.run("desk", "--agency", "MOI")
        XCTAssertTrue(viewer.stderr.contains("needs a terminal"), "a viewer gets the read-only desk: \(viewer.stderr)")
    }
}
